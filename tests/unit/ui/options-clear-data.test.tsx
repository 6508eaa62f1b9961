// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { OptionsApp } from '../../../src/ui/options/options-app';
import { savedItem } from '../export/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

test('Clear PaperLens data counts what it deletes, in words that fit one paper or many', async () => {
  const db = new PaperLensDatabase('options-clear-data');
  await db.saved.put(savedItem({ id: '2310.01779', title: 'HallE-Switch' }));
  render(<OptionsApp db={db} />);
  const section = await screen.findByRole('region', { name: 'Clear PaperLens data' });
  await waitFor(() => expect(section.textContent).toContain('(1 paper, with its notes and tags)'));
  await db.saved.put(savedItem({ id: '2402.18041', title: 'Datasets' }));
  await waitFor(() => expect(section.textContent).toContain('(2 papers, with their notes and tags)'));
});

test('when the page cannot count the reading list, the question names no number, still offers the export and says why, instead of "Delete 0 saved papers"', async () => {
  const db = new PaperLensDatabase('options-clear-data-unreadable');
  await db.saved.put(savedItem({ id: '2310.01779', title: 'HallE-Switch' }));
  const unreadable = () => Promise.reject(new Error('the store is being upgraded'));
  vi.spyOn(db.saved, 'count').mockImplementation(unreadable as unknown as typeof db.saved.count);
  render(<OptionsApp db={db} />);
  const section = await screen.findByRole('region', { name: 'Clear PaperLens data' });
  await waitFor(() => expect(section.textContent).toContain('Could not count your data:'));
  fireEvent.click(screen.getByTestId('setting-clear'));
  expect(screen.getByTestId('clear-dialog').textContent).toMatch(/^Delete your saved papers and seen marks\? This cannot be undone\. Export your reading list first/);
  expect(screen.getByTestId('clear-export')).not.toBeNull();
});

test('papers removed lately (Recently removed, kept 30 days with their notes) are named among what Clear deletes, also with no paper saved', async () => {
  const db = new PaperLensDatabase('options-clear-data-removed');
  await db.removed.put({ ...savedItem({ id: '2310.01779', title: 'HallE-Switch', notes: 'mine' }), removedAt: Date.now() });
  render(<OptionsApp db={db} />);
  const section = await screen.findByRole('region', { name: 'Clear PaperLens data' });
  await waitFor(() => expect(section.textContent).toContain('Deletes your reading list (empty), the 1 paper removed from it in the last 30 days (Recently removed) and the “seen” marks'));
  fireEvent.click(screen.getByTestId('setting-clear'));
  expect(screen.getByTestId('clear-dialog').textContent).toMatch(/^Delete 0 saved papers, 1 recently removed paper and 0 seen marks\? This cannot be undone\./);
});

test('accessibility QA: Tab goes round the question\'s answers until one is given (Tab had left it open behind the reader)', async () => {
  const db = new PaperLensDatabase('options-clear-data-tab');
  await db.saved.put(savedItem({ id: '2310.01779', title: 'HallE-Switch' }));
  render(<OptionsApp db={db} />);
  fireEvent.click(await screen.findByTestId('setting-clear'));
  const dialog = await screen.findByTestId('clear-dialog');
  await waitFor(() => expect(screen.queryByTestId('clear-export')).not.toBeNull());
  const focusedId = () => document.activeElement?.getAttribute('data-testid');
  // It opens on its safe answer, Cancel, the last.
  await waitFor(() => expect(focusedId()).toBe('clear-cancel'));
  fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
  expect(focusedId()).toBe('clear-export');
  fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
  expect(focusedId()).toBe('clear-cancel');
  expect(dialog.getAttribute('aria-modal')).toBe('true');
});
