import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper, setStatus, unsavePaper } from '../../../src/db/papers';
import { applyImport, clearReadingData, removeSaved, restoreSaved, setNotes, setTags } from '../../../src/db/reading-list';
import { parseImport } from '../../../src/export';
import { REMOVED_KEPT_MS } from '../../../src/db/removed';

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
  test.each([
    ['removed by its Saved toggle (popup, card, badge)', (now: number) => unsavePaper(db, paper.id, now)],
    ['removed from the reading list', (now: number) => removeSaved(db, [paper.id], now)],
  ])('%s: it comes back as if it had stayed: its notes, tags, status, first-added time, citation key and title', async (_, remove) => {
    const before = (await db.saved.get(paper.id))!;
    await remove(10_000);
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
    await unsavePaper(db, paper.id, 30_000);
    await db.removed.clear();
    await savePaper(db, paper, 40_000);
    expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [], status: 'to-read', addedAt: 40_000 });
  });

  test(`more than ${REMOVED_KEPT_MS / DAY} days after its removal, it starts afresh`, async () => {
    await unsavePaper(db, paper.id, 10_000);
    await savePaper(db, paper, 10_000 + REMOVED_KEPT_MS + 1);
    expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [], status: 'to-read' });
    expect(await db.removed.count()).toBe(0);
  });

  test("an Undo puts the paper back and forgets the kept copy; Clear PaperLens data forgets it too", async () => {
    const [removed] = await removeSaved(db, [paper.id], 10_000);
    expect(await db.removed.count()).toBe(1);
    await restoreSaved(db, [removed!], null);
    expect(await db.removed.count()).toBe(0);
    await unsavePaper(db, paper.id, 11_000);
    await clearReadingData(db);
    await savePaper(db, paper, 12_000);
    expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [], status: 'to-read' });
  });
});

test('a removed paper listed again by an import is no longer kept as removed (the file has it as it says)', async () => {
  await unsavePaper(db, paper.id, 10_000);
  const parsed = parseImport(`${paper.id}\n`, 'ids.txt');
  await applyImport(db, parsed.items, parsed.rejected, 20_000);
  expect(await db.removed.count()).toBe(0);
  expect(await db.saved.get(paper.id)).toMatchObject({ notes: '', tags: [] });
});
