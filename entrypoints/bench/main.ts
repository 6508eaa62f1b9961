// Benchmark hooks, in an extension page so they run against the real IndexedDB of the extension
// origin. Built only for `npm run bench` (PAPERLENS_BENCH=1), never into the shipped extension.
import { PaperLensDatabase } from '../../src/db/database';
import { putPapers } from '../../src/db/bulk';
import { syntheticPapers, type Vocabulary } from '../../bench/synthetic-papers';

const db = new PaperLensDatabase();

const clear = () => db.transaction('rw', db.papers, db.searchIndex, () => Promise.all([db.papers.clear(), db.searchIndex.clear()]));

/**
 * Loads `count` synthetic papers through the product's bulk path (records + search index, one
 * transaction), leaving a store that holds exactly them. Also times the records alone, to show
 * where the time goes.
 */
async function loadSynthetic(count: number, vocabulary?: Vocabulary): Promise<{ count: number; loadMs: number; recordsOnlyMs: number; recordBytes: number }> {
  await db.open();
  const papers = syntheticPapers(count, 7, vocabulary);
  await clear();
  const t0 = performance.now();
  await db.papers.bulkPut(papers);
  const recordsOnlyMs = performance.now() - t0;
  await clear();
  const t1 = performance.now();
  await putPapers(db, papers, Date.now());
  const loadMs = performance.now() - t1;
  return { count: await db.papers.count(), loadMs, recordsOnlyMs, recordBytes: JSON.stringify(papers[0]).length };
}

Object.assign(globalThis, { paperlensBench: { loadSynthetic } });
