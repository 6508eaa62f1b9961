import type { Paper } from '../schema';
import type { PaperLensDatabase } from './database';
import { indexPapers } from './search';

/**
 * Writes many papers in one transaction and adds them to the search index, so a reader never
 * sees papers the index does not know. The path for bulk loads.
 */
export async function putPapers(db: PaperLensDatabase, papers: Paper[], now: number): Promise<void> {
  await db.transaction('rw', db.papers, db.searchIndex, async () => {
    await db.papers.bulkPut(papers);
    await indexPapers(db, papers, now);
  });
}
