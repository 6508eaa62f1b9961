// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { ReadingListRequestSchema, type Request } from '../../../src/schema';
import { savedItem } from '../export/fixtures';

const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

// Chrome's words when the worker stopped after taking a request and before answering it.
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const ID = '1706.03762';
let db: PaperLensDatabase;
let counter = 0;

beforeEach(async () => {
  db = new PaperLensDatabase(`reading-list-worker-stopped-${++counter}`);
  await db.saved.bulkPut([savedItem({ id: ID, title: 'Attention Is All You Need', tags: ['nlp'] }), savedItem({ id: '2310.01779', title: 'HallE-Switch' })]);
  // The background's handler over the same store; the first write of `stopsOn` is taken by the
  // store and its answer lost (the worker stopped in between), as DevTools' Stop or a crash does.
  let stopped = false;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Request) => {
    const request = ReadingListRequestSchema.parse(message);
    const result = await handleReadingListRequest(db, request, Date.now());
    if (!stopped && (request.type === 'setNotes' || request.type === 'setTags')) {
      stopped = true;
      throw new Error(CHANNEL_CLOSED);
    }
    return { ok: true, result };
  }) as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  db.close();
});

async function openList(): Promise<void> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
}

test("a note whose answer was lost (the worker stopped after writing it) says Saved, not 'Notes not saved: PaperLens did not answer'", async () => {
  await openList();
  const notes = document.querySelector<HTMLTextAreaElement>(`[data-arxiv-id="${ID}"] [data-testid="notes"]`)!;
  fireEvent.input(notes, { target: { value: 'Compare with Mamba' } });
  fireEvent.blur(notes);
  const state = document.querySelector(`[data-arxiv-id="${ID}"] [data-testid="notes-state"]`)!;
  await waitFor(() => expect(state.getAttribute('data-state')).toBe('saved'));
  expect(document.querySelector(`[data-arxiv-id="${ID}"] .field-error`)).toBeNull();
  expect((await db.saved.get(ID))?.notes).toBe('Compare with Mamba');
});

test('tags whose answer was lost say Saved, with no error beside them', async () => {
  await openList();
  const tags = document.querySelector<HTMLInputElement>(`[data-arxiv-id="${ID}"] [data-testid="tags"]`)!;
  fireEvent.input(tags, { target: { value: 'nlp, baseline' } });
  fireEvent.blur(tags);
  const state = document.querySelector(`[data-arxiv-id="${ID}"] [data-testid="tags-state"]`)!;
  await waitFor(() => expect(state.getAttribute('data-state')).toBe('saved'));
  expect(document.querySelector(`[data-arxiv-id="${ID}"] .field-error`)).toBeNull();
  expect((await db.saved.get(ID))?.tags).toEqual(['nlp', 'baseline']);
});
