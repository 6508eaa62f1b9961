// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savedItem } from '../export/fixtures';

// happy-dom has no idle callbacks (the page builds its search text while idle).
globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0) as unknown as number;
globalThis.cancelIdleCallback ??= (handle: number) => clearTimeout(handle);

vi.mock('../../../src/messaging/client', () => ({ sendRequest: async () => null }));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

let db: PaperLensDatabase;
let counter = 0;

beforeEach(async () => {
  db = new PaperLensDatabase(`row-names-${++counter}`);
  await db.saved.bulkPut([
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 2 }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 1 }),
  ]);
});

afterEach(() => {
  cleanup();
  db.close();
});

test("each row's Remove button, tags and notes are named for its paper, as its checkbox and status are: a screen reader's list of controls tells the rows apart", async () => {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  for (const title of ['Attention Is All You Need', 'HallE-Switch']) {
    expect(screen.getByRole('button', { name: `Remove ${title}` })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: `Tags of ${title}` })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: `Notes on ${title}` })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: `Select ${title}` })).toBeTruthy();
  }
});
