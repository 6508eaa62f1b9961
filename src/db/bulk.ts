import type { Paper } from '../schema';
import type { PaperLensDatabase } from './database';
import { indexPapers } from './search';

/**
 * Writes papers and adds them to the search index in one transaction (or the caller's), so a
 * reader never sees papers the index does not know. The path for feed merges and bulk loads.
 */
export async function putPapers(db: PaperLensDatabase, papers: Paper[], now: number): Promise<void> {
  await db.transaction('rw', db.papers, db.searchIndex, async () => {
    await db.papers.bulkPut(papers);
    await indexPapers(db, papers, now);
  });
}
