// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savedItem } from '../export/fixtures';
import { answerFrom, pageStore, sendToStore as send } from './page-store';

let db: PaperLensDatabase;
let counter = 0;
vi.mock('../../../src/messaging/client', () => import('./page-store'));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

const ID = '1706.03762';

beforeEach(async () => {
  db = new PaperLensDatabase(`reading-list-removed-note-${++counter}`);
  answerFrom(db);
  await db.saved.bulkPut([
    savedItem({ id: ID, title: 'Attention Is All You Need', tags: ['nlp'], status: 'reading' }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch' }),
  ]);
});

afterEach(() => {
  cleanup();
  db.close();
});

/** Opens the list and types a note on ID, which waits for its debounce (500 ms) unsaved. */
async function typeNote(text: string): Promise<void> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  const notes = document.querySelector<HTMLTextAreaElement>(`[data-arxiv-id="${ID}"] [data-testid="notes"]`)!;
  notes.focus();
  fireEvent.input(notes, { target: { value: text } });
}

/** The paper removed in another surface (the popup, a card) before the note is written. */
async function removeElsewhere(): Promise<void> {
  await send({ type: 'removeSaved', ids: [ID] });
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('1'));
}

test('a note typed on a paper removed elsewhere before it was saved is not dropped silently: the reader is told, and sees the text', async () => {
  await typeNote('Compare with Mamba, section 3');
  await removeElsewhere();
  const message = await screen.findByTestId('lost-note-message', {}, { timeout: 2000 });
  expect(message.getAttribute('role')).toBe('alert');
  expect(message.textContent).toBe('“Attention Is All You Need” was removed elsewhere before your note on it was saved.');
  expect(screen.getByTestId<HTMLTextAreaElement>('lost-note-text').value).toBe('Compare with Mamba, section 3');
  // The focus was in the note's field, gone with its row: it is on the way to keep the note.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('lost-note-restore')));
});

test('"Restore with the note" puts the paper back as it was, with the note typed, and the message goes', async () => {
  await typeNote('Compare with Mamba, section 3');
  await removeElsewhere();
  fireEvent.click(await screen.findByTestId('lost-note-restore', {}, { timeout: 2000 }));
  await waitFor(async () => expect(await db.saved.get(ID)).toMatchObject({ notes: 'Compare with Mamba, section 3', tags: ['nlp'], status: 'reading' }));
  await waitFor(() => expect(screen.queryByTestId('lost-note')).toBeNull());
  // The list reads the store again after the restore: its count follows.
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
});

test('the paper saved again elsewhere meanwhile: "Save the note" writes the note on it, keeping what that save holds', async () => {
  await typeNote('Compare with Mamba, section 3');
  await removeElsewhere();
  await screen.findByTestId('lost-note', {}, { timeout: 2000 });
  await db.saved.put(savedItem({ id: ID, title: 'Attention Is All You Need', tags: ['saved again'] }));
  const save = await screen.findByTestId('lost-note-restore');
  await waitFor(() => expect(save.textContent).toBe('Save the note'));
  expect(screen.getByTestId('lost-note-message').textContent).toBe('“Attention Is All You Need” was removed elsewhere before your note on it was saved, and is listed again.');
  fireEvent.click(save);
  await waitFor(async () => expect(await db.saved.get(ID)).toMatchObject({ notes: 'Compare with Mamba, section 3', tags: ['saved again'] }));
  await waitFor(() => expect(screen.queryByTestId('lost-note')).toBeNull());
});

test('a note the background refused on a paper still listed (the row gone from the screen meanwhile) says why, and "Save the note" tries again', async () => {
  let refuse = true;
  const real = send;
  pageStore.through = async (request) => {
    if (refuse && request.type === 'setNotes') throw new Error('PaperLens was updated: reload this page');
    return real(request);
  };
  await typeNote('Compare with Mamba, section 3');
  // The reader goes to the search (the note is written, and refused) and filters the row away.
  const search = await screen.findByTestId('search');
  search.focus();
  fireEvent.input(search, { target: { value: 'HallE' } });
  const message = await screen.findByTestId('lost-note-message', {}, { timeout: 2000 });
  expect(message.textContent).toBe('Your note on “Attention Is All You Need” was not saved: PaperLens was updated: reload this page.');
  refuse = false;
  fireEvent.click(screen.getByTestId('lost-note-restore'));
  await waitFor(async () => expect((await db.saved.get(ID))?.notes).toBe('Compare with Mamba, section 3'));
  await waitFor(() => expect(screen.queryByTestId('lost-note')).toBeNull());
});

test('Dismiss lets the note go; a row that leaves the screen (scrolled, filtered) with its note saved says nothing', async () => {
  await typeNote('Compare with Mamba, section 3');
  // Filtered out: the row goes, its note is written.
  fireEvent.input(await screen.findByTestId('search'), { target: { value: 'HallE' } });
  await waitFor(async () => expect((await db.saved.get(ID))?.notes).toBe('Compare with Mamba, section 3'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByTestId('lost-note')).toBeNull();
  fireEvent.input(screen.getByTestId('search'), { target: { value: '' } });
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  const notes = document.querySelector<HTMLTextAreaElement>(`[data-arxiv-id="${ID}"] [data-testid="notes"]`)!;
  fireEvent.input(notes, { target: { value: 'A second thought' } });
  await removeElsewhere();
  fireEvent.click(await screen.findByTestId('lost-note-dismiss', {}, { timeout: 2000 }));
  expect(screen.queryByTestId('lost-note')).toBeNull();
});

/** Types tags on ID, which wait for their debounce (800 ms) unsaved (the focus stays where it is: a blur would write a note being typed). */
async function typeTags(text: string): Promise<void> {
  fireEvent.input(document.querySelector<HTMLInputElement>(`[data-arxiv-id="${ID}"] [data-testid="tags"]`)!, { target: { value: text } });
}

test('tags typed on a paper removed elsewhere before they were saved are not dropped silently: the reader sees them, and "Restore with the tags" puts the paper back with them', async () => {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  await typeTags('nlp, to-reproduce');
  await removeElsewhere();
  const message = await screen.findByTestId('lost-note-message', {}, { timeout: 2000 });
  expect(message.textContent).toBe('“Attention Is All You Need” was removed elsewhere before your tags on it were saved.');
  expect(screen.getByTestId<HTMLInputElement>('lost-note-tags').value).toBe('nlp, to-reproduce');
  expect(screen.queryByTestId('lost-note-text')).toBeNull();
  const restore = screen.getByTestId('lost-note-restore');
  expect(restore.textContent).toBe('Restore with the tags');
  fireEvent.click(restore);
  await waitFor(async () => expect(await db.saved.get(ID)).toMatchObject({ tags: ['nlp', 'to-reproduce'], status: 'reading', notes: '' }));
  await waitFor(() => expect(screen.queryByTestId('lost-note')).toBeNull());
});

test('a note and tags both lost on one paper make one bar that keeps both', async () => {
  await typeNote('Compare with Mamba, section 3');
  await typeTags('nlp, baseline');
  await removeElsewhere();
  await waitFor(() => expect(screen.getByTestId('lost-note-message').textContent).toBe('“Attention Is All You Need” was removed elsewhere before your note and tags on it were saved.'), { timeout: 2000 });
  expect(screen.getAllByTestId('lost-note')).toHaveLength(1);
  expect(screen.getByTestId<HTMLTextAreaElement>('lost-note-text').value).toBe('Compare with Mamba, section 3');
  expect(screen.getByTestId<HTMLInputElement>('lost-note-tags').value).toBe('nlp, baseline');
  fireEvent.click(screen.getByTestId('lost-note-restore'));
  await waitFor(async () => expect(await db.saved.get(ID)).toMatchObject({ notes: 'Compare with Mamba, section 3', tags: ['nlp', 'baseline'] }));
});
