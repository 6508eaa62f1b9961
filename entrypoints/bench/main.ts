// Benchmark hooks, in an extension page so they run against the real IndexedDB of the extension
// origin. Built only for `npm run bench` (PAPERLENS_BENCH=1), never into the shipped extension.
import { PaperLensDatabase } from '../../src/db/database';
import { putPapers } from '../../src/db/bulk';
import { RELATED_LISTS_KEY } from '../../src/db/related-lists';
import { RelatedListsStateSchema } from '../../src/schema';
import { syntheticPapers, type Vocabulary } from '../../bench/synthetic-papers';

const db = new PaperLensDatabase();

const clear = () => db.transaction('rw', db.paperBlocks, db.searchIndex, () => Promise.all([db.paperBlocks.clear(), db.searchIndex.clear()]));

/**
 * Loads `count` synthetic papers through the product's bulk path (records + search index, one
 * transaction), leaving a store that holds exactly them. First times the same records alone, in a
 * fresh scratch database, to show where the time goes. Nothing large is deleted before or after
 * the product load: IndexedDB's compaction of 100,000 deleted rows ran during whatever came next.
 */
async function loadSynthetic(count: number, vocabulary?: Vocabulary): Promise<{ count: number; loadMs: number; recordsOnlyMs: number; recordBytes: number }> {
  await db.open();
  const papers = syntheticPapers(count, 7, vocabulary);
  const scratch = new PaperLensDatabase(`paperlens-bench-records-${count}`);
  const t0 = performance.now();
  await scratch.papers.bulkPut(papers);
  const recordsOnlyMs = performance.now() - t0;
  scratch.close();
  await clear();
  const t1 = performance.now();
  await putPapers(db, papers, Date.now());
  const loadMs = performance.now() - t1;
  return { count: await db.papers.count(), loadMs, recordsOnlyMs, recordBytes: JSON.stringify((await db.papers.get(papers[0]!.id))!).length };
}

/** Leaves the stored related lists as an update that changed the related rule finds them: their rule unknown. */
async function staleRelatedLists(): Promise<void> {
  await db.meta.delete(RELATED_LISTS_KEY);
}

/** Whether the stored related lists all follow this build's rule (the worker made them again). */
async function relatedListsDone(): Promise<boolean> {
  const row = await db.meta.get(RELATED_LISTS_KEY);
  return row !== undefined && RelatedListsStateSchema.parse(JSON.parse(row.value)).nextBlock === null;
}

Object.assign(globalThis, { paperlensBench: { loadSynthetic, staleRelatedLists, relatedListsDone } });
