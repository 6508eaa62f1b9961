// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { OptionsApp } from '../../../src/ui/options/options-app';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../src/settings/settings';

const db = new PaperLensDatabase('options-switch-names');

afterEach(async () => {
  cleanup();
  await saveSettings(DEFAULT_SETTINGS);
});

test('accessibility QA: a switch is named by its label alone and described by its hint (the whole hint, ~400 characters, was its name)', async () => {
  render(<OptionsApp db={db} />);
  const arxiv = await screen.findByRole('switch', { name: 'Complete papers from arXiv' });
  expect(arxiv.getAttribute('data-testid')).toBe('setting-completeFromArxiv');
  expect(document.getElementById(arxiv.getAttribute('aria-describedby')!)?.textContent).toMatch(/^A paper saved from a PDF tab/);
  // Every switch so: names short, each its own.
  const names = screen.getAllByRole('switch').map((element) => document.getElementById(element.getAttribute('aria-labelledby')!)?.textContent ?? '');
  expect(names.every((name) => name.length > 0 && name.length < 40)).toBe(true);
  expect(new Set(names).size).toBe(names.length);
});

test("the reading list's one-letter keys are switched off here (WCAG 2.1.4)", async () => {
  render(<OptionsApp db={db} />);
  const keys = (await screen.findByRole('switch', { name: 'One-letter keys' })) as HTMLInputElement;
  expect(keys.checked).toBe(true);
  fireEvent.click(keys);
  await waitFor(async () => expect((await loadSettings()).readingListKeys).toBe(false));
  await waitFor(() => expect(screen.getByTestId('saved-note').textContent).toContain('One-letter keys off'));
});
