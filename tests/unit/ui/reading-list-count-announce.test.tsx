// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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
  db = new PaperLensDatabase(`count-${++counter}`);
  await db.saved.bulkPut([
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 3 }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 2 }),
    savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', addedAt: 1 }),
  ]);
});

afterEach(() => {
  cleanup();
  db.close();
});

test('the count shown follows each keystroke, but a screen reader is told it once typing pauses, not once per letter', async () => {
  render(<ReadingListApp db={db} />);
  const live = screen.getByTestId('count-status');
  await waitFor(() => expect(live.textContent).toBe('3 papers'));
  // The count on screen is no live region: it changes with every keystroke.
  expect(screen.getByTestId('count').closest('[role="status"], [aria-live]')).toBeNull();
  const search = screen.getByTestId('search');
  for (const text of ['a', 'at', 'att']) fireEvent.input(search, { target: { value: text } });
  await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1 of 3 papers'));
  expect(live.textContent).toBe('3 papers');
  await waitFor(() => expect(live.textContent).toBe('1 of 3 papers'), { timeout: 2000 });
});
