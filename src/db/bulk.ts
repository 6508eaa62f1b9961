import type { Paper } from '../schema';
import type { PaperLensDatabase } from './database';
import { PAPERS_INDEX_KEY, snapshotWithPapers } from './search';

/**
 * Writes papers and adds them to the search index in one transaction (or the caller's), so a
 * reader never sees papers the index does not know. The path for feed merges and bulk loads.
 */
export async function putPapers(db: PaperLensDatabase, papers: Paper[], now: number): Promise<void> {
  await db.transaction('rw', db.paperBlocks, db.searchIndex, async () => {
    const [stored, blocks] = await Promise.all([db.searchIndex.get(PAPERS_INDEX_KEY), db.papers.blocksWith(papers)]);
    // Records first, not awaited: IndexedDB writes them in the browser process while the index is
    // built here (100,000 papers: seconds of each, now overlapping).
    const written = db.paperBlocks.bulkPut(blocks);
    const indexed = db.searchIndex.put({ key: PAPERS_INDEX_KEY, snapshot: snapshotWithPapers(stored?.snapshot, papers), builtAt: now });
    await Promise.all([written, indexed]);
  });
}
