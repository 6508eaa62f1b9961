// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { OptionsApp } from '../../../src/ui/options/options-app';
import { loadSettings } from '../../../src/settings/settings';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

test('a switch the browser refused to save goes back to what is stored, and the page does not say "Saved"', async () => {
  const db = new PaperLensDatabase('options-refused-save');
  render(<OptionsApp db={db} />);
  const setting = (await screen.findByTestId('setting-feedEnabled')) as HTMLInputElement;
  expect(setting.checked).toBe(true);
  // A first change that is saved, then one the browser refuses (storage quota, a profile gone read-only).
  fireEvent.click(screen.getByTestId('setting-seenEnabled'));
  await waitFor(() => expect(document.body.textContent).toContain('Saved. Open pages follow at once.'));
  vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
  fireEvent.click(setting);
  await waitFor(() => expect(document.body.textContent).toContain('Not saved: QUOTA_BYTES quota exceeded'));
  expect((await loadSettings()).feedEnabled).toBe(true); // the feed is still on
  // The page must not show the feed as off, nor say the change was saved.
  expect((screen.getByTestId('setting-feedEnabled') as HTMLInputElement).checked).toBe(true);
  expect(document.body.textContent).not.toContain('Saved. Open pages follow at once.');
});
