import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper, setStatus } from '../../../src/db/papers';
import { applyImport, clearReadingData, removeSaved, restoreSaved, setNotes, setTags, undoRemoval } from '../../../src/db/reading-list';
import { parseImport } from '../../../src/export';
import { REMOVED_KEPT_MS } from '../../../src/db/removed';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import type { SavedItem } from '../../../src/schema';
import { savedItem } from '../export/fixtures';

// A removal is one click on "Saved" (popup, card, badge), and its Undo goes with the popup or the
// page: a paper saved again afterwards gets back what the reader gave it.

let db: PaperLensDatabase;
let counter = 0;
const DAY = 24 * 3_600_000;
const paper = { id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models', authors: ['Bohan Zhai'], published: '2023-10-03' };

beforeEach(async () => {
  db = new PaperLensDatabase(`removed-${++counter}`);
  await savePaper(db, paper, 1_000);
  await setNotes(db, paper.id, 'Compare Table 2 with our numbers', 2_000);
  await setTags(db, paper.id, ['thesis', 'to cite'], 3_000);
  await setStatus(db, paper.id, 'read', 4_000);
});

describe('a paper saved again after its removal', () => {
  test('removed (its Saved toggle in the popup, card or badge, or the reading list): it comes back as if it had stayed: its notes, tags, status, first-added time, citation key and title', async () => {
    const before = (await db.saved.get(paper.id))!;
    await removeSaved(db, [paper.id], 10_000);
    expect(await db.saved.get(paper.id)).toBeUndefined();
    // Saved again from its Hugging Face page, which names it by its first title.
    await savePaper(db, { id: paper.id, title: 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations', authors: ['Bohan Zhai', 'Shijia Yang'] }, 20_000);
    expect(await db.saved.get(paper.id)).toMatchObject({
      notes: 'Compare Table 2 with our numbers',
      tags: ['thesis', 'to cite'],
      status: 'read',
      readAt: 4_000,
      addedAt: 1_000,
      updatedAt: 20_000,
      citeKey: before.citeKey,
      title: before.title, // not the page's older one, as a listed paper's
    });
    // Once: removed and saved again, it starts afresh.
    await removeSaved(db, [paper.id], 30_000);
    await db.removed.clear();
    await savePaper(db, paper, 40_000);
    expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [], status: 'to-read', addedAt: 40_000 });
  });

  test(`more than ${REMOVED_KEPT_MS / DAY} days after its removal, it starts afresh`, async () => {
    await removeSaved(db, [paper.id], 10_000);
    await savePaper(db, paper, 10_000 + REMOVED_KEPT_MS + 1);
    expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [], status: 'to-read' });
    expect(await db.removed.count()).toBe(0);
  });

  test("an Undo puts the paper back and forgets the kept copy; Clear PaperLens data forgets it too", async () => {
    const [removed] = await removeSaved(db, [paper.id], 10_000);
    expect(await db.removed.count()).toBe(1);
    await undoRemoval(db, [removed!], 10_500);
    expect(await db.removed.count()).toBe(0);
    await removeSaved(db, [paper.id], 11_000);
    await clearReadingData(db, Date.now());
    await savePaper(db, paper, 12_000);
    expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [], status: 'to-read' });
  });

  test('Clear PaperLens data counts the removed papers still kept (Recently removed), not a row past 30 days that waits to be deleted', async () => {
    await removeSaved(db, [paper.id], 10_000);
    expect(await clearReadingData(db, 10_000 + REMOVED_KEPT_MS)).toMatchObject({ removed: 1 });
    await savePaper(db, paper, 20_000);
    await removeSaved(db, [paper.id], 20_000);
    expect(await clearReadingData(db, 20_000 + REMOVED_KEPT_MS + 1)).toMatchObject({ removed: 0 });
  });
});

test('a removed paper listed again by an import is no longer kept as removed (the file has it as it says)', async () => {
  await removeSaved(db, [paper.id], 10_000);
  const parsed = parseImport(`${paper.id}\n`, 'ids.txt');
  await applyImport(db, parsed.items, parsed.rejected, 20_000);
  expect(await db.removed.count()).toBe(0);
  expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [] });
});

// A bulk delete of the whole list (Select all shown, Delete: no question) and its Undo gone (10 s,
// that page only): Recently removed must bring back every paper, notes with them, in one go.
describe('a bulk removal', () => {
  const many = (count: number, from = 0): SavedItem[] =>
    Array.from({ length: count }, (_, index) =>
      savedItem({ id: `2401.${String(10_000 + from + index)}`, title: `Paper ${from + index + 1}`, notes: `note ${from + index}`, tags: ['batch'], citeKey: `key${from + index}`, addedAt: 500 + index }),
    );
  const restoreAll = (removedAt: number, now: number) => handleReadingListRequest(db, { type: 'restoreRemoved', removedAt }, now);

  test('of 3,000 papers is kept whole, and so it stays after another removal (a cap of 2,000 lost 1,000 of them for good)', async () => {
    const items = many(3_000);
    await db.saved.bulkPut(items);
    await removeSaved(db, items.map((item) => item.id), 10_000);
    expect(await db.removed.where('removedAt').equals(10_000).count()).toBe(3_000);
    await removeSaved(db, [paper.id], 11_000);
    expect(await db.removed.count()).toBe(3_001);
    expect(await restoreAll(10_000, 12_000)).toEqual({ changed: 3_000, listed: 0 });
    expect(await db.saved.bulkGet(items.map((item) => item.id))).toEqual(items);
  });

  test('Restore all puts back that removal only, as it was; a paper listed again meanwhile stays as it is; run again (or its Undo after it) it changes nothing', async () => {
    const items = many(300);
    await db.saved.bulkPut(items);
    await removeSaved(db, items.slice(0, 200).map((item) => item.id), 10_000);
    await removeSaved(db, items.slice(200).map((item) => item.id), 11_000);
    // Listed again meanwhile, with a note of its own (its kept copy not taken, as data kept from before).
    const again = { ...items[5]!, notes: 'written since', updatedAt: 10_500 };
    await db.saved.put(again);

    expect(await restoreAll(10_000, 20_000)).toEqual({ changed: 199, listed: 1 });
    expect(await db.saved.get(again.id)).toEqual(again);
    const back = await db.saved.bulkGet(items.slice(0, 200).map((item) => item.id));
    expect(back.filter((item) => item?.id !== again.id)).toEqual(items.slice(0, 200).filter((item) => item.id !== again.id));
    // The other removal is still kept, this one no longer: it leaves Recently removed.
    expect(await db.removed.where('removedAt').equals(10_000).count()).toBe(0);
    expect(await db.removed.where('removedAt').equals(11_000).count()).toBe(100);

    // An edit after the restore survives a second Restore all and the removal's Undo (the reading list's, still standing).
    await setNotes(db, items[0]!.id, 'edited after the restore', 21_000);
    expect(await restoreAll(10_000, 22_000)).toEqual({ changed: 0, listed: 0 });
    expect(await restoreSaved(db, items.slice(0, 200))).toEqual({ changed: 0 });
    expect((await db.saved.get(items[0]!.id))?.notes).toBe('edited after the restore');
  });

  test(`Restore all of a removal more than ${REMOVED_KEPT_MS / DAY} days old puts nothing back`, async () => {
    await removeSaved(db, [paper.id], 10_000);
    expect(await restoreAll(10_000, 10_000 + REMOVED_KEPT_MS + 1)).toEqual({ changed: 0, listed: 0 });
    expect(await db.saved.get(paper.id)).toBeUndefined();
  });
});
