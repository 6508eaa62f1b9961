// @vitest-environment happy-dom
// The reading list's note and tags editors against another tab's change, with the background's own
// handler over a real store: what a refused write leaves, and a tab's own writes never refused.
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
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const stored = async () => (await db.saved.get(ID))!;

beforeEach(async () => {
  db = new PaperLensDatabase(`reading-list-edit-conflicts-${++counter}`);
  answerFrom(db);
  // A tag as an import may keep it (two spaces), not as the tags field writes one.
  await db.saved.bulkPut([savedItem({ id: ID, title: 'Attention', tags: ['deep  learning'], notes: 'Start.' })]);
});

afterEach(() => {
  cleanup();
  db.close();
});

async function field(name: 'notes' | 'tags'): Promise<HTMLInputElement> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('1'));
  const element = document.querySelector<HTMLInputElement>(`[data-arxiv-id="${ID}"] [data-testid="${name}"]`)!;
  element.focus();
  return element;
}

/** Holds the page's requests until released, in order. */
function holdRequests(): () => Promise<void> {
  const held: (() => void)[] = [];
  pageStore.through = (request) => new Promise((resolve, reject) => held.push(() => void send(request).then(resolve, reject)));
  return async () => {
    pageStore.through = null;
    for (const release of held.splice(0)) {
      release();
      await pause(20);
    }
  };
}

test('a write refused as made over another tab\'s note: text typed while it was on its way goes to the bar too, not over that note', async () => {
  const notes = await field('notes');
  fireEvent.input(notes, { target: { value: 'Start. mine' } });
  await send({ type: 'setNotes', id: ID, notes: 'Start. THEIRS' });
  const release = holdRequests();
  fireEvent.blur(notes);
  await pause(50);
  fireEvent.input(notes, { target: { value: 'Start. mine more' } });
  await release();
  await pause(800);
  expect((await stored()).notes).toBe('Start. THEIRS');
  expect(pageStore.sent.filter((request) => request.type === 'setNotes')).toEqual([{ type: 'setNotes', id: ID, notes: 'Start. mine', since: 'Start.' }]);
  await waitFor(() => expect(screen.getByTestId<HTMLTextAreaElement>('lost-note-text').value).toBe('Start. mine more'));
  expect(screen.getByTestId('lost-note-message').textContent).toBe('Your note on “Attention” was not saved: its note was changed in another tab or window while you were editing.');
});

test('the last words, sent at once as the page closes behind a write still on its way, follow it: both written', async () => {
  const notes = await field('notes');
  fireEvent.input(notes, { target: { value: 'Start. a' } });
  const release = holdRequests();
  fireEvent.blur(notes);
  await pause(50);
  fireEvent.input(notes, { target: { value: 'Start. a last words' } });
  dispatchEvent(new Event('pagehide'));
  await pause(50);
  await release();
  await waitFor(async () => expect((await stored()).notes).toBe('Start. a last words'));
  expect(screen.queryByTestId('lost-note')).toBeNull();
});

test('tags stored otherwise than typed (an imported double space) are no other tab\'s change', async () => {
  const tags = await field('tags');
  fireEvent.input(tags, { target: { value: 'deep  learning, vision' } });
  fireEvent.keyDown(tags, { key: 'Enter' });
  await waitFor(async () => expect((await stored()).tags).toEqual(['deep learning', 'vision']));
  fireEvent.input(tags, { target: { value: 'deep learning, vision, nlp' } });
  fireEvent.keyDown(tags, { key: 'Enter' });
  await waitFor(async () => expect((await stored()).tags).toEqual(['deep learning', 'vision', 'nlp']));
  expect(screen.queryByTestId('lost-note')).toBeNull();
});

// Escape in a row's note or tags field takes back what was typed since the field was focused.
test('Escape in the tags field right after typing: the tags typed are not saved, the field shows the stored ones', async () => {
  const tags = await field('tags');
  fireEvent.focus(tags);
  fireEvent.input(tags, { target: { value: 'deep  learning, oops' } });
  fireEvent.keyDown(tags, { key: 'Escape' });
  await pause(1_000); // past the tags' debounce
  expect((await stored()).tags).toEqual(['deep  learning']);
  await waitFor(() => expect(tags.value).toBe('deep  learning'));
});

test("Escape once the note was saved leaves it: taking it back could write over another tab's change", async () => {
  const notes = await field('notes');
  fireEvent.focus(notes);
  fireEvent.input(notes, { target: { value: 'Start. mine' } });
  await waitFor(async () => expect((await stored()).notes).toBe('Start. mine'), { timeout: 2_000 });
  await send({ type: 'setNotes', id: ID, notes: 'Start. THEIRS' });
  await pause(100);
  fireEvent.keyDown(notes, { key: 'Escape' });
  await pause(800);
  expect((await stored()).notes).toBe('Start. THEIRS');
  expect(screen.queryByTestId('lost-note')).toBeNull();
  // Nor tags sent with Enter.
  const tags = document.querySelector<HTMLInputElement>(`[data-arxiv-id="${ID}"] [data-testid="tags"]`)!;
  tags.focus();
  fireEvent.focus(tags);
  fireEvent.input(tags, { target: { value: 'deep  learning, mine' } });
  fireEvent.keyDown(tags, { key: 'Enter' });
  fireEvent.keyDown(tags, { key: 'Escape' });
  await waitFor(async () => expect((await stored()).tags).toEqual(['deep learning', 'mine']));
  await pause(1_000);
  expect((await stored()).tags).toEqual(['deep learning', 'mine']);
});

test("Escape with a note still waiting for its write, after another tab changed the note: theirs stays and shows, the waiting text goes, no bar", async () => {
  const notes = await field('notes');
  fireEvent.focus(notes);
  fireEvent.input(notes, { target: { value: 'Start. mine' } });
  await send({ type: 'setNotes', id: ID, notes: 'Start. THEIRS' });
  await pause(200); // the page has heard of their note (within the note's 500 ms wait)
  fireEvent.keyDown(notes, { key: 'Escape' });
  await pause(800);
  expect((await stored()).notes).toBe('Start. THEIRS');
  await waitFor(() => expect(notes.value).toBe('Start. THEIRS'));
  expect(screen.queryByTestId('lost-note')).toBeNull();
});

test('Escape in a field nothing was typed in changes nothing', async () => {
  const tags = await field('tags');
  fireEvent.focus(tags);
  fireEvent.keyDown(tags, { key: 'Escape' });
  await pause(1_000);
  expect((await stored()).tags).toEqual(['deep  learning']);
  expect(tags.value).toBe('deep  learning');
});
