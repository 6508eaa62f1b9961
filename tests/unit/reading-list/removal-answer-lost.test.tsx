// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { handleMessage } from '../../../src/messaging/handler';
import type { Request } from '../../../src/schema';
import { savedItem } from '../export/fixtures';
import { depsFor } from './helpers';

const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

// Chrome's words when the worker stopped after taking a request and before answering it.
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const ID = '1706.03762';
let db: PaperLensDatabase;
let counter = 0;

beforeEach(async () => {
  db = new PaperLensDatabase(`removal-answer-lost-${++counter}`);
  await db.saved.bulkPut([savedItem({ id: ID, title: 'Attention Is All You Need', notes: 'old note', tags: ['nlp'] }), savedItem({ id: '2310.01779', title: 'HallE-Switch' })]);
  answersLost('removeSaved');
});

/** The background's handler over the same store; each request of `type` is made and its answer lost. */
function answersLost(type: Request['type']): void {
  const deps = depsFor(db, { now: Date.now() });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Request) => {
    const reply = await handleMessage(message, { ...deps, now: Date.now });
    if (message.type === type) throw new Error(CHANNEL_CLOSED);
    return reply;
  }) as never);
}

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  db.close();
});

test("a removal whose answer was lost is undone from the store's kept copy: a note written as Remove was clicked comes back, and stays kept until then", async () => {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  const row = () => document.querySelector(`[data-arxiv-id="${ID}"]`)!;
  const notes = row().querySelector<HTMLTextAreaElement>('[data-testid="notes"]')!;
  fireEvent.input(notes, { target: { value: 'two weeks of notes' } });
  // The click on Remove: the field's blur writes the note first, then the removal goes, before
  // the list has read the note back (the list's copy still holds the old one).
  fireEvent.blur(notes);
  await new Promise((resolve) => setTimeout(resolve, 0));
  fireEvent.click(row().querySelector<HTMLButtonElement>('[data-testid="remove"]')!);
  await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('Removed “Attention'));
  expect((await db.removed.get(ID))?.notes).toBe('two weeks of notes');
  fireEvent.click(screen.getByTestId('undo'));
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  expect(await db.saved.get(ID)).toMatchObject({ notes: 'two weeks of notes', tags: ['nlp'] });
  expect(await db.removed.get(ID)).toBeUndefined();
});

test("an Undo whose answer was lost, though the store put the paper back, withdraws its offer and says nothing went wrong", async () => {
  answersLost('undoRemoval');
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  fireEvent.click(document.querySelector<HTMLButtonElement>(`[data-arxiv-id="${ID}"] [data-testid="remove"]`)!);
  await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('Removed “Attention'));
  await waitFor(() => expect(screen.getByTestId('undo').getAttribute('aria-disabled')).toBe('false'));
  fireEvent.click(screen.getByTestId('undo'));
  await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
  expect(screen.queryByRole('alert')).toBeNull();
  expect(await db.saved.get(ID)).toMatchObject({ notes: 'old note', tags: ['nlp'] });
});
