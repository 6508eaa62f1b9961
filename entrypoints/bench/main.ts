// Benchmark hooks, in an extension page so they run against the real IndexedDB of the extension
// origin. Built only for `npm run bench` (PAPERLENS_BENCH=1), never into the shipped extension.
import { PaperLensDatabase } from '../../src/db/database';
import { putPapers } from '../../src/db/bulk';
import { syntheticPapers } from '../../bench/synthetic-papers';

const db = new PaperLensDatabase();

async function loadSynthetic(count: number): Promise<{ count: number; generateMs: number; loadMs: number; recordBytes: number }> {
  await db.open();
  // A store holding exactly the synthetic papers (the index too).
  await db.transaction('rw', db.papers, db.searchIndex, () => Promise.all([db.papers.clear(), db.searchIndex.clear()]));
  const t0 = performance.now();
  const papers = syntheticPapers(count);
  const t1 = performance.now();
  await putPapers(db, papers, Date.now());
  const t2 = performance.now();
  return { count: await db.papers.count(), generateMs: t1 - t0, loadMs: t2 - t1, recordBytes: JSON.stringify(papers[0]).length };
}

Object.assign(globalThis, { paperlensBench: { loadSynthetic } });
