// @vitest-environment happy-dom
// Popup: where the keyboard focus goes after Undo of a removal.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { ReadingListRequestSchema, type Request } from '../../../src/schema';
import { savedItem } from '../export/fixtures';

const db = new PaperLensDatabase('popup-undo-focus');

vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    if (request.type === 'health') return { ok: true, error: null, seedVersion: null, papers: 0 };
    const parsed = ReadingListRequestSchema.safeParse(request);
    if (!parsed.success) return null;
    return handleReadingListRequest(db, parsed.data, Date.now());
  },
}));

const { PopupApp } = await import('../../../src/ui/popup/popup-app');

beforeAll(async () => {
  await db.saved.bulkPut([savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 2 }), savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 1 })]);
});

afterEach(cleanup);

test('Saved: a paper removed with its Saved button and put back with Undo, from the keyboard: the focus is on the Saved button of the paper put back', async () => {
  render(<PopupApp db={db} />);
  fireEvent.click(screen.getByTestId('tab-saved'));
  const row = () => document.querySelector<HTMLElement>('[data-testid="saved-item"][data-arxiv-id="1706.03762"]');
  await waitFor(() => expect(row()).not.toBeNull());
  const toggle = row()!.querySelector<HTMLElement>('[data-testid="save"]')!;
  toggle.focus();
  fireEvent.click(toggle);
  // The row goes; the focus goes to Undo (as the popup does already).
  const undo = await screen.findByTestId('undo');
  await waitFor(() => expect(document.activeElement).toBe(undo));
  fireEvent.click(undo);
  await waitFor(() => expect(row()).not.toBeNull());
  await waitFor(() => expect(screen.queryByTestId('undo')).toBeNull());
  // Back on the row put back, as the reading list does.
  await waitFor(() => expect(document.activeElement).toBe(row()!.querySelector('[data-testid="save"]')));
});
