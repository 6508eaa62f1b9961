import { beforeEach, describe, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import type { HandlerDeps } from '../../../src/messaging/handler';
import type { SavedItem } from '../../../src/schema';
import { recentlySaved } from '../../../src/db/papers';
import { savedPapersText } from '../../../src/db/reading-list';
import { sortItems } from '../../../src/ui/reading-list/query';
import { savedItem } from '../export/fixtures';
import { depsFor, dump, freshDatabase, send, sendOk } from './helpers';

let db: PaperLensDatabase;
let deps: HandlerDeps;
const clock = { now: 10_000 };

const A = '2310.01779';
const B = '1706.03762';
const C = 'hep-th/9901001';

beforeEach(async () => {
  db = freshDatabase('reading-list-db');
  deps = depsFor(db, clock);
  clock.now = 10_000;
  await db.saved.bulkPut([
    savedItem({ id: A, tags: ['ml'], notes: 'first' }),
    savedItem({ id: B, title: 'Attention Is All You Need', status: 'read', readAt: 1_500, tags: ['NLP', 'classic'] }),
    savedItem({ id: C, title: 'Old style', status: 'reading' }),
  ]);
});

const item = async (id: string): Promise<SavedItem | undefined> => db.saved.get(id);

describe('tags', () => {
  test('setTags replaces the tags, normalized and each once ignoring case, and stamps updatedAt', async () => {
    const result = await sendOk(deps, { type: 'setTags', id: A, tags: ['  deep   learning ', 'Vision', 'vision', 'ML'] });
    expect(result.tags).toEqual(['deep learning', 'Vision', 'ML']);
    expect(await item(A)).toMatchObject({ tags: ['deep learning', 'Vision', 'ML'], updatedAt: 10_000, notes: 'first' });
  });

  test('setTags with the same tags writes nothing', async () => {
    const before = await dump(db);
    await sendOk(deps, { type: 'setTags', id: A, tags: ['ml'] });
    expect(await dump(db)).toBe(before);
  });

  test('addTags adds to every named item the tags it lacks (ignoring case), skipping ids no longer listed', async () => {
    expect(await sendOk(deps, { type: 'addTags', ids: [A, B, C, '2401.00001'], tags: ['nlp'] })).toMatchObject({ changed: 2 });
    expect((await item(A))!.tags).toEqual(['ml', 'nlp']);
    expect((await item(B))!.tags).toEqual(['NLP', 'classic']);
    expect((await item(B))!.updatedAt).toBe(2_000);
    expect((await item(C))!.tags).toEqual(['nlp']);
    expect(await item('2401.00001')).toBeUndefined();
  });

  test('removeTags removes them ignoring case and counts only the items that had one', async () => {
    expect(await sendOk(deps, { type: 'removeTags', ids: [A, B, C], tags: ['nlp'] })).toMatchObject({ changed: 1 });
    expect((await item(B))!.tags).toEqual(['classic']);
    expect((await item(B))!.updatedAt).toBe(10_000);
    expect((await item(A))!.updatedAt).toBe(2_000);
  });

  test('several tags go in one edit: its before and after are one state of each paper, and a paper they would fill past 100 tags refuses them all', async () => {
    const edit = await sendOk(deps, { type: 'addTags', ids: [A, B], tags: ['rl', 'NLP', 'robotics', 'RL'] });
    expect(edit.changed).toBe(2);
    expect((await item(A))!.tags).toEqual(['ml', 'rl', 'NLP', 'robotics']);
    expect((await item(B))!.tags).toEqual(['NLP', 'classic', 'rl', 'robotics']);
    expect(edit.before.map((entry) => entry.tags)).toEqual([['ml'], ['NLP', 'classic']]);
    expect(await sendOk(deps, { type: 'removeTags', ids: [A, B], tags: ['RL', 'robotics'] })).toMatchObject({ changed: 2 });
    expect((await item(A))!.tags).toEqual(['ml', 'NLP']);
    // 99 tags: one more fits, two do not; the other paper gets neither.
    await db.saved.update(C, { tags: Array.from({ length: 99 }, (_, index) => `t${index}`) });
    const full = await dump(db);
    expect(await send(deps, { type: 'addTags', ids: [A, C], tags: ['x', 'y', 't0'] })).toEqual({ ok: false, error: `${C} already has 99 tags: 100 at most, remove some before adding "x", "y"` });
    expect(await dump(db)).toBe(full);
    expect(await sendOk(deps, { type: 'addTags', ids: [C], tags: ['x', 'T0'] })).toMatchObject({ changed: 1 });
  });

  test('a blank or over-long tag, or a 101st tag, is refused and changes nothing', async () => {
    const before = await dump(db);
    const blank = await send(deps, { type: 'addTags', ids: [A], tags: ['rl', '   '] });
    expect(blank).toEqual({ ok: false, error: 'malformed request: tags.1: a tag cannot be blank' });
    expect(await send(deps, { type: 'addTags', ids: [A], tags: [] })).toEqual({ ok: false, error: 'malformed request: tags: no tags named' });
    const long = await send(deps, { type: 'setTags', id: A, tags: ['x'.repeat(101)] });
    expect(long.ok).toBe(false);
    await db.saved.update(C, { tags: Array.from({ length: 100 }, (_, index) => `t${index}`) });
    const full = await dump(db);
    const reply = await send(deps, { type: 'addTags', ids: [A, C], tags: ['one more'] });
    expect(reply).toEqual({ ok: false, error: `${C} already has 100 tags: 100 at most, remove some before adding "one more"` });
    // All or nothing: A did not get the tag either.
    expect(await dump(db)).toBe(full);
    expect(before).not.toBe(full);
  });
});

describe('notes', () => {
  test('setNotes keeps the text exactly (Unicode, newlines) and stamps updatedAt', async () => {
    const notes = 'Ünïcødé ✓ 中文笔记 🔥\r\n- line two\n\n{unbalanced';
    await sendOk(deps, { type: 'setNotes', id: A, notes });
    expect(await item(A)).toMatchObject({ notes, updatedAt: 10_000, tags: ['ml'] });
  });

  test('notes over 100,000 characters are refused; an item not in the list is an error', async () => {
    expect((await send(deps, { type: 'setNotes', id: A, notes: 'x'.repeat(100_001) })).ok).toBe(false);
    expect(await send(deps, { type: 'setNotes', id: '2401.00001', notes: 'x' })).toEqual({ ok: false, error: '2401.00001 is not in the reading list' });
    expect((await item(A))!.notes).toBe('first');
  });
});

describe('status', () => {
  test("setStatusMany: 'read' sets readAt now, an already read item keeps its readAt, other statuses clear it", async () => {
    expect(await sendOk(deps, { type: 'setStatusMany', ids: [A, B, C], status: 'read' })).toMatchObject({ changed: 2 });
    expect(await item(A)).toMatchObject({ status: 'read', readAt: 10_000, updatedAt: 10_000 });
    expect(await item(B)).toMatchObject({ status: 'read', readAt: 1_500, updatedAt: 2_000 });
    clock.now = 20_000;
    await sendOk(deps, { type: 'setStatusMany', ids: [A], status: 'reading' });
    expect(await item(A)).toMatchObject({ status: 'reading', readAt: null, updatedAt: 20_000 });
  });

  test('an unknown status is refused', async () => {
    const reply = await send(deps, { type: 'setStatusMany', ids: [A], status: 'done' as 'read' });
    expect(reply.ok).toBe(false);
  });
});

describe('remove and undo', () => {
  test('removeSaved answers with the removed items and their removal time; undoRemoval puts back exactly those', async () => {
    const before = await dump(db);
    const removed = await sendOk(deps, { type: 'removeSaved', ids: [A, C, '2401.00001'] });
    expect(removed.map((entry) => [entry.id, entry.removedAt]).sort()).toEqual([[A, 10_000], [C, 10_000]].sort());
    expect(await db.saved.count()).toBe(1);
    expect(await sendOk(deps, { type: 'undoRemoval', removals: removed.map(({ id, removedAt }) => ({ id, removedAt })) })).toEqual({ changed: 2 });
    expect(await dump(db)).toBe(before);
    // Their kept copies went with the Undo: a second one puts back nothing.
    expect(await db.removed.count()).toBe(0);
    expect(await sendOk(deps, { type: 'undoRemoval', removals: [{ id: A, removedAt: 10_000 }] })).toEqual({ changed: 0 });
  });

  test("an older removal's Undo (another tab's) leaves a newer removal's copy: the paper restored, edited and removed again comes back only with its edit", async () => {
    const [first] = await sendOk(deps, { type: 'removeSaved', ids: [A] });
    // Another tab: Recently removed's Restore, a note, and Remove again.
    clock.now = 11_000;
    await sendOk(deps, { type: 'restoreRemoved', removedAt: first!.removedAt });
    await sendOk(deps, { type: 'setNotes', id: A, notes: 'written in the other tab' });
    clock.now = 12_000;
    const [second] = await sendOk(deps, { type: 'removeSaved', ids: [A] });
    expect(await sendOk(deps, { type: 'undoRemoval', removals: [{ id: A, removedAt: first!.removedAt }] })).toEqual({ changed: 0 });
    expect(await item(A)).toBeUndefined();
    expect((await db.removed.get(A))?.notes).toBe('written in the other tab');
    expect(await sendOk(deps, { type: 'undoRemoval', removals: [{ id: A, removedAt: second!.removedAt }] })).toEqual({ changed: 1 });
    expect(await item(A)).toMatchObject({ notes: 'written in the other tab', updatedAt: 11_000 });
  });

  test('an undo never overwrites a later change: a paper saved again stays as it is now; an edit\'s Undo takes back only what the edit changed', async () => {
    // A removal undone after the paper was saved again elsewhere, with a new note.
    const [removed] = await sendOk(deps, { type: 'removeSaved', ids: [A] });
    await sendOk(deps, { type: 'save', paper: { id: A, title: 'Again' } });
    await sendOk(deps, { type: 'setNotes', id: A, notes: 'new note' });
    const again = await dump(db);
    expect(await sendOk(deps, { type: 'undoRemoval', removals: [{ id: A, removedAt: removed!.removedAt }] })).toEqual({ changed: 0 });
    expect(await dump(db)).toBe(again);

    // A bulk edit answers with the items as they were in its own transaction (a note written just
    // before it included) and as it left them. Its undo takes the tag off each, and keeps what
    // changed since: a note written after it, what a save filled in.
    await sendOk(deps, { type: 'setNotes', id: C, notes: 'written just before the bulk edit' });
    const edit = await sendOk(deps, { type: 'addTags', ids: [A, B, C], tags: ['batch'] });
    expect(edit.changed).toBe(3);
    expect(edit.before.find((item) => item.id === C)!.notes).toBe('written just before the bulk edit');
    clock.now += 1000;
    await sendOk(deps, { type: 'setNotes', id: C, notes: 'written after the bulk edit' });
    // A save that fills in what the item lacked changes the item, though not its updatedAt.
    await sendOk(deps, { type: 'save', paper: { id: B, title: 'Attention', primaryCategory: 'cs.CL' } });
    const bSaved = await db.saved.get(B);
    expect(bSaved!.updatedAt).toBe(edit.after.find((item) => item.id === B)!.updatedAt);
    clock.now += 1000;
    expect(await sendOk(deps, { type: 'restoreSaved', items: edit.before, expected: edit.after })).toEqual({ changed: 3 });
    // Untouched since: exactly as it was.
    expect(await db.saved.get(A)).toEqual(edit.before.find((item) => item.id === A));
    expect(await db.saved.get(B)).toEqual({ ...bSaved, tags: edit.before.find((item) => item.id === B)!.tags, updatedAt: clock.now });
    expect(await db.saved.get(C)).toMatchObject({ notes: 'written after the bulk edit', tags: edit.before.find((item) => item.id === C)!.tags });

    // A status set for several papers, then a tag added to them: the status' Undo sets it back and
    // keeps the tag. The status changed again since on one paper: that paper keeps it.
    await sendOk(deps, { type: 'setStatusMany', ids: [C], status: 'to-read' });
    const statusEdit = await sendOk(deps, { type: 'setStatusMany', ids: [A, B, C], status: 'reading' });
    expect(statusEdit.changed).toBe(3);
    await sendOk(deps, { type: 'addTags', ids: [A, B, C], tags: ['to-cite'] });
    await sendOk(deps, { type: 'setStatusMany', ids: [C], status: 'read' });
    clock.now += 1000;
    expect(await sendOk(deps, { type: 'restoreSaved', items: statusEdit.before, expected: statusEdit.after })).toEqual({ changed: 2 });
    for (const id of [A, B]) {
      const was = statusEdit.before.find((item) => item.id === id)!;
      expect(await db.saved.get(id)).toMatchObject({ status: was.status, readAt: was.readAt, tags: [...was.tags, 'to-cite'] });
    }
    expect(await db.saved.get(C)).toMatchObject({ status: 'read', tags: expect.arrayContaining(['to-cite']) });
  });

  test("an edit's Undo after one of its papers was removed: the removal's copy loses the edit too, so undoing the removal does not bring it back", async () => {
    const edit = await sendOk(deps, { type: 'setStatusMany', ids: [A, C], status: 'read' });
    clock.now += 1000;
    const [removed] = await sendOk(deps, { type: 'removeSaved', ids: [C] });
    clock.now += 1000;
    expect(await sendOk(deps, { type: 'restoreSaved', items: edit.before, expected: edit.after })).toEqual({ changed: 2 });
    expect(await item(A)).toMatchObject({ status: 'to-read', readAt: null });
    expect(await item(C)).toBeUndefined();
    expect(await sendOk(deps, { type: 'undoRemoval', removals: [{ id: C, removedAt: removed!.removedAt }] })).toEqual({ changed: 1 });
    expect(await item(C)).toEqual(edit.before.find((row) => row.id === C));
  });

  test("a tag edit's Undo reads tags as tag edits do, case aside: no tag twice", async () => {
    // A holds "ml"; "ML" taken off, then put back by hand in another spelling, then the removal undone.
    const edit = await sendOk(deps, { type: 'removeTags', ids: [A], tags: ['ML'] });
    expect(edit.changed).toBe(1);
    await sendOk(deps, { type: 'setTags', id: A, tags: ['ML', 'extra'] });
    expect(await sendOk(deps, { type: 'restoreSaved', items: edit.before, expected: edit.after })).toEqual({ changed: 0 });
    expect((await db.saved.get(A))!.tags).toEqual(['ML', 'extra']);
    // Added as "Batch", the Undo takes off the tag however it is spelled since.
    const added = await sendOk(deps, { type: 'addTags', ids: [B], tags: ['Batch'] });
    await sendOk(deps, { type: 'setTags', id: B, tags: [...added.after[0]!.tags.filter((tag) => tag !== 'Batch'), 'batch', 'other'] });
    expect(await sendOk(deps, { type: 'restoreSaved', items: added.before, expected: added.after })).toEqual({ changed: 1 });
    expect((await db.saved.get(B))!.tags).toEqual([...added.before[0]!.tags, 'other']);
  });

  test('restoring an item that is not a valid saved item is refused', async () => {
    const reply = await send(deps, { type: 'restoreSaved', items: [{ ...savedItem(), id: 'nope' }], expected: null });
    expect(reply.ok).toBe(false);
    expect(await db.saved.count()).toBe(3);
  });

  test('unsave then re-save (the card) never duplicates, and save keeps notes and tags of the first save', async () => {
    await sendOk(deps, { type: 'save', paper: { id: A, title: 'Again' } });
    await sendOk(deps, { type: 'save', paper: { id: A, title: 'Again' } });
    expect(await db.saved.count()).toBe(3);
    expect(await item(A)).toMatchObject({ notes: 'first', tags: ['ml'] });
  });
});

describe('clear data', () => {
  test('clearReadingData empties the reading list and seen marks and keeps the papers', async () => {
    await db.seen.bulkPut([{ id: A, at: 1 }, { id: B, at: 2 }]);
    await db.papers.bulkPut([{
      id: A, title: 'HallE-Switch', normTitle: 'halle-switch', abstract: '', authors: [], rank: 1, snapshot: '2025-07-30', source: 'seed',
      summary: { version: 1, tldr: 't', keyResults: [], codeLinks: [], topics: [], names: [] }, feed: null, related: [],
    }]);
    expect(await sendOk(deps, { type: 'clearReadingData' })).toEqual({ saved: 3, removed: 0, seen: 2 });
    expect(await db.saved.count()).toBe(0);
    expect(await db.seen.count()).toBe(0);
    expect(await db.papers.count()).toBe(1);
  });
});

describe('what the store holds of saved papers, for the reading list\'s search', () => {
  test('savedPapersText: the abstract, topics and abstract\'s names of each paper the store holds; none for others or for a row it cannot read', async () => {
    const paper = (id: string, abstract: string, topics: string[]) => ({
      id, title: `Paper ${id}`, normTitle: `paper ${id}`, abstract, authors: [], rank: null, snapshot: null, source: 'feed' as const,
      summary: { version: 1, tldr: 't', keyResults: [], codeLinks: [], topics, names: [] }, feed: null, related: [],
    });
    await db.papers.bulkPut([{ ...paper(A, 'We introduce CCEval.', ['vision-language', 'hallucination']), summary: { version: 1, tldr: 't', keyResults: [], codeLinks: [], topics: ['vision-language', 'hallucination'], names: ['CCEval'] } }, paper(B, 'x'.repeat(30_000), [])]);
    const texts = await savedPapersText(db, [A, B, C]);
    expect([...texts]).toEqual([[A, { abstract: 'We introduce CCEval.', terms: ['vision-language', 'hallucination', 'CCEval'] }]]);
  });
});

describe('order of papers added at the same moment', () => {
  test('the popup\'s Saved list and the reading list\'s "Newest added" put them in the same order', async () => {
    await db.saved.clear();
    const items = ['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005'].map((id) => savedItem({ id, addedAt: 1_000 }));
    await db.saved.bulkPut(items);
    const popup = (await recentlySaved(db, 50)).items.map((saved) => saved.id);
    expect(popup).toEqual(sortItems(items, 'added').map((saved) => saved.id));
    expect(popup).toEqual(['2401.00005', '2401.00004', '2401.00003', '2401.00002', '2401.00001']);
  });
});
