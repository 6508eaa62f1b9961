import { beforeEach, describe, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import type { HandlerDeps } from '../../../src/messaging/handler';
import type { SavedItem } from '../../../src/schema';
import { recentlySaved } from '../../../src/db/papers';
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

  test('addTag adds to every named item that lacks it (ignoring case), skipping ids no longer listed', async () => {
    expect(await sendOk(deps, { type: 'addTag', ids: [A, B, C, '2401.00001'], tag: 'nlp' })).toMatchObject({ changed: 2 });
    expect((await item(A))!.tags).toEqual(['ml', 'nlp']);
    expect((await item(B))!.tags).toEqual(['NLP', 'classic']);
    expect((await item(B))!.updatedAt).toBe(2_000);
    expect((await item(C))!.tags).toEqual(['nlp']);
    expect(await item('2401.00001')).toBeUndefined();
  });

  test('removeTag removes it ignoring case and counts only the items that had it', async () => {
    expect(await sendOk(deps, { type: 'removeTag', ids: [A, B, C], tag: 'nlp' })).toMatchObject({ changed: 1 });
    expect((await item(B))!.tags).toEqual(['classic']);
    expect((await item(B))!.updatedAt).toBe(10_000);
    expect((await item(A))!.updatedAt).toBe(2_000);
  });

  test('a blank or over-long tag, or a 101st tag, is refused and changes nothing', async () => {
    const before = await dump(db);
    const blank = await send(deps, { type: 'addTag', ids: [A], tag: '   ' });
    expect(blank).toEqual({ ok: false, error: 'malformed request: tag: a tag cannot be blank' });
    const long = await send(deps, { type: 'setTags', id: A, tags: ['x'.repeat(101)] });
    expect(long.ok).toBe(false);
    await db.saved.update(C, { tags: Array.from({ length: 100 }, (_, index) => `t${index}`) });
    const full = await dump(db);
    const reply = await send(deps, { type: 'addTag', ids: [A, C], tag: 'one more' });
    expect(reply).toEqual({ ok: false, error: `${C} already has 100 tags: remove one before adding "one more"` });
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
  test('removeSaved answers with the removed items; restoreSaved puts back exactly those', async () => {
    const before = await dump(db);
    const removed = await sendOk(deps, { type: 'removeSaved', ids: [A, C, '2401.00001'] });
    expect(removed.map((entry) => entry.id).sort()).toEqual([A, C].sort());
    expect(await db.saved.count()).toBe(1);
    await sendOk(deps, { type: 'restoreSaved', items: removed, expected: null });
    expect(await dump(db)).toBe(before);
  });

  test('an undo never overwrites a later change: a paper saved again, or changed again in any way, stays as it is now', async () => {
    // A removal undone after the paper was saved again elsewhere, with a new note.
    const [removed] = await sendOk(deps, { type: 'removeSaved', ids: [A] });
    await sendOk(deps, { type: 'save', paper: { id: A, title: 'Again' } });
    await sendOk(deps, { type: 'setNotes', id: A, notes: 'new note' });
    const again = await dump(db);
    expect(await sendOk(deps, { type: 'restoreSaved', items: [removed!], expected: null })).toEqual({ changed: 0 });
    expect(await dump(db)).toBe(again);

    // A bulk edit answers with the items as they were in its own transaction (a note written just
    // before it included) and as it left them; its undo puts back only items still so.
    await sendOk(deps, { type: 'setNotes', id: C, notes: 'written just before the bulk edit' });
    const edit = await sendOk(deps, { type: 'addTag', ids: [A, B, C], tag: 'batch' });
    expect(edit.changed).toBe(3);
    expect(edit.before.find((item) => item.id === C)!.notes).toBe('written just before the bulk edit');
    clock.now += 1000;
    await sendOk(deps, { type: 'setNotes', id: C, notes: 'written after the bulk edit' });
    // A save that fills in what the item lacked changes the item, though not its updatedAt.
    await sendOk(deps, { type: 'save', paper: { id: B, title: 'Attention', primaryCategory: 'cs.CL' } });
    const bSaved = await db.saved.get(B);
    expect(bSaved!.updatedAt).toBe(edit.after.find((item) => item.id === B)!.updatedAt);
    expect(await sendOk(deps, { type: 'restoreSaved', items: edit.before, expected: edit.after })).toEqual({ changed: 1 });
    expect(await db.saved.get(A)).toEqual(edit.before.find((item) => item.id === A));
    expect(await db.saved.get(B)).toEqual(bSaved);
    expect(await db.saved.get(C)).toMatchObject({ notes: 'written after the bulk edit', tags: expect.arrayContaining(['batch']) });
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
      summary: { version: 1, tldr: 't', keyResults: [], codeLinks: [], topics: [] }, feed: null, related: [],
    }]);
    expect(await sendOk(deps, { type: 'clearReadingData' })).toEqual({ saved: 3, seen: 2 });
    expect(await db.saved.count()).toBe(0);
    expect(await db.seen.count()).toBe(0);
    expect(await db.papers.count()).toBe(1);
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
