import { FeedRefreshStateSchema, type FeedRefreshState, type Paper } from '../schema';
import { initialFeedRefreshState } from '../feed/backoff';
import type { FeedSuccess } from '../feed/client';
import { feedDayList, feedEntryToPaper } from '../feed/merge';
import { buildRelatedCorpus, relatedTo } from '../search/related';
import type { PaperLensDatabase } from './database';
import { putPapers } from './bulk';

const FEED_STATE_KEY = 'feedState';

/** The stored refresh schedule; a missing or unreadable record starts afresh (due at once). */
export async function readFeedState(db: PaperLensDatabase): Promise<FeedRefreshState> {
  const row = await db.meta.get(FEED_STATE_KEY);
  if (!row) return initialFeedRefreshState();
  try {
    const parsed = FeedRefreshStateSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : initialFeedRefreshState();
  } catch {
    return initialFeedRefreshState();
  }
}

export async function writeFeedState(db: PaperLensDatabase, state: FeedRefreshState): Promise<void> {
  await db.meta.put({ key: FEED_STATE_KEY, value: JSON.stringify(FeedRefreshStateSchema.parse(state)) });
}

/**
 * Merges a fetched day into the store in one transaction: its papers (our own summaries of the
 * feed's abstracts; seed papers keep their snapshot rank), the day's ranked list, related papers
 * for the papers it adds, and the search index. Saved items are not touched. A paper that does
 * not fit the store aborts the whole merge: the last good list stays.
 */
export async function applyFeedDay(db: PaperLensDatabase, result: FeedSuccess, now: number): Promise<void> {
  await db.transaction('rw', db.paperBlocks, db.trendingDays, db.searchIndex, async () => {
    const ids = result.entries.map((entry) => entry.id);
    const existing = await db.papers.bulkGet(ids);
    let incoming = result.entries.map((entry, index) => feedEntryToPaper(entry, existing[index], now));

    // Papers new to the store get their related papers now, against the store as it will be.
    const fresh = new Set(incoming.filter((_, index) => existing[index] === undefined).map((paper) => paper.id));
    if (fresh.size > 0) {
      const arriving = new Set(ids);
      const others = (await db.papers.toArray()).filter((paper) => !arriving.has(paper.id));
      const corpus = buildRelatedCorpus([...others, ...incoming]);
      incoming = incoming.map((paper): Paper => (fresh.has(paper.id) ? { ...paper, related: relatedTo(corpus, paper) } : paper));
    }
    await putPapers(db, incoming, now);
    await db.trendingDays.put({ ...feedDayList(result), fetchedAt: now });
  });
}
