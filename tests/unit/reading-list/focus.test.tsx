// @vitest-environment happy-dom
// Keyboard focus after an action on the reading-list page whose control goes away: it must not fall to
// the page's start (the next Tab would start over). Import's Apply and Cancel: import-panel.test.tsx.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { handleMessage } from '../../../src/messaging/handler';
import { ReadingListRequestSchema, type Request } from '../../../src/schema';
import { savedItem } from '../export/fixtures';
import { depsFor } from './helpers';

globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0) as unknown as number;
globalThis.cancelIdleCallback ??= (handle: number) => clearTimeout(handle);

let db: PaperLensDatabase;
let counter = 0;
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    const parsed = ReadingListRequestSchema.safeParse(request);
    if (parsed.success) return handleReadingListRequest(db, parsed.data, Date.now());
    // A save (Save by id) goes through the background's own handler.
    const reply = await handleMessage(request, depsFor(db, { now: Date.now() }));
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  },
}));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

beforeEach(async () => {
  db = new PaperLensDatabase(`reading-list-focus-${++counter}`);
  await db.saved.bulkPut([savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 2 }), savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 1 })]);
});

afterEach(() => {
  cleanup();
  db.close();
});

async function openPage(): Promise<void> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
}

/** Focuses a control and presses it as the keyboard does (Enter on a button is a click). */
function press(control: HTMLElement): void {
  control.focus();
  expect(document.activeElement).toBe(control);
  fireEvent.click(control);
}

describe('reading-list page: focus after an action', () => {
  test('"Clear selection" pressed from the keyboard leaves the focus on Select all, not at the page\'s start', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    press(await screen.findByTestId('bulk-clear'));
    await waitFor(() => expect(screen.queryByTestId('bulk-bar')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('select-all'));
  });

  test('"Save arXiv … to the list" pressed from the keyboard: once the paper is listed the focus is on the search that shows it', async () => {
    await openPage();
    fireEvent.input(await screen.findByTestId('search'), { target: { value: '2401.00001' } });
    press(await screen.findByTestId('save-by-id'));
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('1'), { timeout: 3000 });
    expect(document.activeElement).toBe(screen.getByTestId('search'));
  });
});
