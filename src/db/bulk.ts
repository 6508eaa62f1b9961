import type { Paper } from '../schema';
import type { PaperLensDatabase } from './database';
import { rebuildSearchIndex } from './search';

/**
 * Writes many papers in one transaction and rebuilds the search index with them, so a reader
 * never sees papers the index does not know. The path for feed merges and bulk loads.
 */
export async function putPapers(db: PaperLensDatabase, papers: Paper[], now: number): Promise<void> {
  await db.transaction('rw', db.papers, db.searchIndex, async () => {
    await db.papers.bulkPut(papers);
    await rebuildSearchIndex(db, now);
  });
}
