// Benchmark hooks in the background service worker, where the product's bulk path runs in Chrome.
// Built only for `npm run bench` (PAPERLENS_BENCH=1): the shipped worker never has them.
import { putPapers } from '../src/db/bulk';
import { PaperLensDatabase } from '../src/db/database';
import { syntheticPapers, type Vocabulary } from './synthetic-papers';

const clear = (db: PaperLensDatabase) => db.transaction('rw', db.paperBlocks, db.searchIndex, () => Promise.all([db.paperBlocks.clear(), db.searchIndex.clear()]));

/**
 * Loads `count` synthetic papers through the product's bulk path (records + search index, one
 * transaction, the index built where the worker builds it), leaving a store that holds exactly
 * them. First times the same records alone, in a fresh scratch database, to show where the time
 * goes. Nothing large is deleted before or after the product load: IndexedDB's compaction of
 * 100,000 deleted rows ran during whatever came next.
 */
async function loadSynthetic(db: PaperLensDatabase, count: number, vocabulary?: Vocabulary): Promise<{ count: number; loadMs: number; recordsOnlyMs: number; recordBytes: number }> {
  await db.open();
  const papers = syntheticPapers(count, 7, vocabulary);
  const scratch = new PaperLensDatabase(`paperlens-bench-records-${count}`);
  const t0 = performance.now();
  await scratch.papers.bulkPut(papers);
  const recordsOnlyMs = performance.now() - t0;
  scratch.close();
  await clear(db);
  const t1 = performance.now();
  await putPapers(db, papers, Date.now());
  const loadMs = performance.now() - t1;
  return { count: await db.papers.count(), loadMs, recordsOnlyMs, recordBytes: JSON.stringify((await db.papers.get(papers[0]!.id))!).length };
}

export function installBenchHooks(db: PaperLensDatabase): void {
  Object.assign(globalThis, { paperlensBench: { loadSynthetic: (count: number, vocabulary?: Vocabulary) => loadSynthetic(db, count, vocabulary) } });
}
