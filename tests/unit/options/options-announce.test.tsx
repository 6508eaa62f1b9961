// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { loadSettings, saveSettings } from '../../../src/settings/settings';
import { OptionsApp } from '../../../src/ui/options/options-app';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

/**
 * What a screen reader would say from the page's status region: the text it holds after each
 * change of its content (a live region is read when its text is changed or added, not when the
 * same text is set again, which changes nothing in the page).
 */
function announcements(region: Element): string[] {
  const said: string[] = [];
  new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, subtree: true, characterData: true });
  return said;
}

test('every change is announced, not only the first: each says what it changed and that it was saved', async () => {
  render(<OptionsApp db={new PaperLensDatabase('options-announce')} />);
  const region = await screen.findByTestId('saved-note');
  expect(region.getAttribute('role')).toBe('status');
  const said = announcements(region);
  fireEvent.click(screen.getByTestId('setting-seenEnabled'));
  await waitFor(() => expect(said).toHaveLength(1));
  fireEvent.click(screen.getByTestId('setting-feedEnabled'));
  await waitFor(() => expect(said).toHaveLength(2));
  fireEvent.change(screen.getByTestId('setting-theme'), { target: { value: 'dark' } });
  await waitFor(() => expect(said).toHaveLength(3));
  fireEvent.change(screen.getByTestId('setting-cardCollapsed'), { target: { value: 'collapsed' } });
  await waitFor(() => expect(said).toHaveLength(4));
  expect(said).toEqual([
    '“Seen” marks off. Saved. Open pages follow at once.',
    'Daily-papers feed off. Saved. Open pages follow at once.',
    'Theme: Dark. Saved. Open pages follow at once.',
    'Summary cards start collapsed to one line. Saved. Open pages follow at once.',
  ]);
});

test('the same change made again (another window undid it meanwhile) is announced again', async () => {
  render(<OptionsApp db={new PaperLensDatabase('options-announce-again')} />);
  const region = await screen.findByTestId('saved-note');
  const feed = screen.getByTestId<HTMLInputElement>('setting-feedEnabled');
  fireEvent.click(feed);
  await waitFor(() => expect(region.textContent).toBe('Daily-papers feed off. Saved. Open pages follow at once.'));
  // The feed switched back on in another options window.
  await saveSettings({ ...(await loadSettings()), feedEnabled: true });
  await waitFor(() => expect(feed.checked).toBe(true));
  const said = announcements(region);
  fireEvent.click(feed);
  await waitFor(() => expect(said.at(-1)).toBe('Daily-papers feed off. Saved. Open pages follow at once.'));
});
