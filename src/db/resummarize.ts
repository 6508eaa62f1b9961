import { feedSummary } from '../feed/merge';
import { SummarySchema } from '../schema';
import { SUMMARIZER_VERSION } from '../summarize';
import type { PaperLensDatabase } from './database';
import { writeSearchIndex } from './search';

const SUMMARIZER_VERSION_KEY = 'summarizerVersion';

/**
 * After an update brings a better summarizer, recomputes every stored summary made by an older
 * one (from the stored abstract), in one transaction. The reading list keeps the TL;DR it was
 * saved with: only `papers` changes. A no-op (one read) when the store is current.
 */
export async function resummarizeStale(db: PaperLensDatabase, now: number): Promise<number> {
  return db.transaction('rw', db.paperBlocks, db.meta, db.searchIndex, async () => {
    if ((await db.meta.get(SUMMARIZER_VERSION_KEY))?.value === String(SUMMARIZER_VERSION)) return 0;
    const papers = await db.papers.toArray();
    // The same summary a fresh fetch would make (the feed's repository first among the code links),
    // keeping the links arXiv's comments gave.
    const current = papers.map((paper) =>
      paper.summary.version === SUMMARIZER_VERSION
        ? paper
        : { ...paper, summary: SummarySchema.parse(feedSummary(paper.title, paper.abstract, paper.feed?.githubRepo ?? null, paper)) },
    );
    const changed = current.filter((paper, index) => paper !== papers[index]);
    await db.papers.bulkPut(changed);
    await db.meta.put({ key: SUMMARIZER_VERSION_KEY, value: String(SUMMARIZER_VERSION) });
    // Summaries are in the search rows: the index is rebuilt from the papers already in hand.
    if (changed.length > 0) await writeSearchIndex(db, current, now);
    return changed.length;
  });
}
