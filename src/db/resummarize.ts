import { feedSummary } from '../feed/merge';
import { SummarySchema } from '../schema';
import { SUMMARIZER_VERSION } from '../summarize';
import type { PaperLensDatabase } from './database';
import { rebuildSearchIndex } from './search';

const SUMMARIZER_VERSION_KEY = 'summarizerVersion';

/**
 * After an update brings a better summarizer, recomputes every stored summary made by an older
 * one (from the stored abstract), in one transaction. The reading list keeps the TL;DR it was
 * saved with: only `papers` changes. A no-op (one read) when the store is current.
 */
export async function resummarizeStale(db: PaperLensDatabase, now: number): Promise<number> {
  return db.transaction('rw', db.paperBlocks, db.meta, db.searchIndex, async () => {
    if ((await db.meta.get(SUMMARIZER_VERSION_KEY))?.value === String(SUMMARIZER_VERSION)) return 0;
    const stale = (await db.papers.toArray()).filter((paper) => paper.summary.version !== SUMMARIZER_VERSION);
    // The same summary a fresh fetch would make (the feed's repository first among the code links).
    await db.papers.bulkPut(stale.map((paper) => ({ ...paper, summary: SummarySchema.parse(feedSummary(paper.title, paper.abstract, paper.feed?.githubRepo ?? null)) })));
    await db.meta.put({ key: SUMMARIZER_VERSION_KEY, value: String(SUMMARIZER_VERSION) });
    if (stale.length > 0) await rebuildSearchIndex(db, now);
    return stale.length;
  });
}
