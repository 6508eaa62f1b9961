import { browser } from 'wxt/browser';
import { ArxivFillQueueSchema, FeedRefreshStateSchema, MAX_ARXIV_FILL_QUEUE, type ArxivFillQueue, type FeedRefreshState, type Paper, type SavedItem } from '../schema';
import { initialFeedRefreshState } from '../feed/backoff';
import type { FeedSuccess } from '../feed/client';
import { feedDayList, feedEntryToPaper } from '../feed/merge';
import type { PaperLensDatabase } from './database';
import { putPapers } from './bulk';
import { relatedOnArrival } from './related';
import { titlesOneVersion } from '../papers/title-versions';

const FEED_STATE_KEY = 'feedState';
/**
 * A refresh state the store refused (disk full), kept in the browser's session storage (memory,
 * not disk) until the store takes one again: its backoff holds across worker restarts and the
 * popup shows its failure, while the store keeps its last state.
 */
const UNSTORED_FEED_STATE_KEY = 'paperlens:unstoredFeedState';

async function unstoredFeedState(): Promise<FeedRefreshState | null> {
  const kept: unknown = (await browser.storage.session.get(UNSTORED_FEED_STATE_KEY))[UNSTORED_FEED_STATE_KEY];
  const parsed = FeedRefreshStateSchema.safeParse(kept);
  return parsed.success ? parsed.data : null;
}

export async function keepUnstoredFeedState(state: FeedRefreshState): Promise<void> {
  await browser.storage.session.set({ [UNSTORED_FEED_STATE_KEY]: FeedRefreshStateSchema.parse(state) });
}

/** The refresh schedule: one the store refused, else the stored one; a missing or unreadable record starts afresh (due at once). */
export async function readFeedState(db: PaperLensDatabase): Promise<FeedRefreshState> {
  // The store first: a live query (the popup's) observes only what is read before another API is awaited.
  const row = await db.meta.get(FEED_STATE_KEY);
  const unstored = await Promise.resolve(unstoredFeedState()).catch(() => null);
  if (unstored) return unstored;
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
  await browser.storage.session.remove(UNSTORED_FEED_STATE_KEY).catch(() => undefined);
}

const ARXIV_FILL_QUEUE_KEY = 'arxivFillQueue';

/** The stored queue of papers to complete from arXiv; a missing or unreadable record is an empty queue. */
export async function readArxivFillQueue(db: PaperLensDatabase): Promise<ArxivFillQueue> {
  const row = await db.meta.get(ARXIV_FILL_QUEUE_KEY);
  try {
    const parsed = ArxivFillQueueSchema.safeParse(row ? JSON.parse(row.value) : null);
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable: nothing is lost but requests; the papers are completed when their pages are opened.
  }
  return { ids: [], retryAt: null };
}

export async function writeArxivFillQueue(db: PaperLensDatabase, queue: ArxivFillQueue): Promise<void> {
  await db.meta.put({ key: ARXIV_FILL_QUEUE_KEY, value: JSON.stringify(ArxivFillQueueSchema.parse(queue)) });
}

/** Whether a saved item lacks what only its paper's page says (saved from a PDF tab, a bare link, an id). */
export function lacksPageDetails(item: SavedItem): boolean {
  return item.authors.length === 0 && item.published === null;
}

/**
 * Whether a paper just saved wants its arXiv page read: it lacks the page's details, or a TL;DR
 * (saved from a list that shows no abstracts, such as arXiv's /recent, of a paper the store lacks),
 * or the item titles it otherwise than the store's paper (`stored`) that arXiv never retitled (a
 * backup made after arXiv retitled it): the page says which title is current, and the store takes
 * it, so the popup says what the reading list says.
 */
export function wantsArxivPage(item: SavedItem, stored?: Paper): boolean {
  const retitledSince = stored !== undefined && stored.retitledAt === undefined && !titlesOneVersion(item.title, stored.title);
  return lacksPageDetails(item) || item.tldr === '' || retitledSince;
}

/**
 * Puts the items just saved or imported that want their arXiv page (`stored`: the store's papers
 * among them) at the end of the stored queue, in the write's own transaction (it must hold `meta`):
 * a worker stopped right after the write leaves them to the next worker to complete.
 */
export async function queueArxivFill(db: PaperLensDatabase, items: readonly SavedItem[], stored: ReadonlyMap<string, Paper> = new Map()): Promise<void> {
  const wanting = items.filter((item) => wantsArxivPage(item, stored.get(item.id)));
  if (wanting.length === 0) return;
  const queue = await readArxivFillQueue(db);
  const ids = [...new Set([...queue.ids, ...wanting.map((item) => item.id)])].slice(0, MAX_ARXIV_FILL_QUEUE);
  if (ids.length > queue.ids.length) await writeArxivFillQueue(db, { ...queue, ids });
}

/** How many fetched days' lists are kept. */
export const KEPT_TRENDING_DAYS = 30;

/**
 * Merges a fetched day into the store in one transaction: its papers (our own summaries of the
 * feed's abstracts; seed papers keep their snapshot rank), the day's ranked list, related papers
 * for the papers it adds, and the search index. Saved items are not touched. A paper that does
 * not fit the store aborts the whole merge: the last good list stays.
 */
export async function applyFeedDay(db: PaperLensDatabase, result: FeedSuccess, now: number): Promise<void> {
  const ids = result.entries.map((entry) => entry.id);
  // Related papers of the papers new to the store are computed before the write: over a large
  // store that takes seconds, and a write transaction would hold every card's lookup as long.
  const before = await db.papers.bulkGet(ids);
  const arrivals = result.entries.map((entry, index) => feedEntryToPaper(entry, before[index], now));
  const fresh = new Set(arrivals.filter((_, index) => before[index] === undefined).map((paper) => paper.id));
  const related = fresh.size > 0 ? await relatedOnArrival(db, arrivals, fresh) : new Map<string, string[]>();

  await db.transaction('rw', db.paperBlocks, db.trendingDays, db.searchIndex, async () => {
    const existing = await db.papers.bulkGet(ids);
    const incoming = result.entries.map((entry, index): Paper => {
      // Summarized above already, unless the store changed this paper meanwhile (rare).
      const unchanged = JSON.stringify(existing[index]) === JSON.stringify(before[index]);
      const paper = unchanged ? arrivals[index]! : feedEntryToPaper(entry, existing[index], now);
      return existing[index] === undefined ? { ...paper, related: related.get(paper.id) ?? [] } : paper;
    });
    await putPapers(db, incoming, now);
    await db.trendingDays.put({ ...feedDayList(result), fetchedAt: now });
    // The day picker offers the last month of days; older lists go (their papers stay).
    const days = (await db.trendingDays.orderBy('day').reverse().primaryKeys()) as string[];
    if (days.length > KEPT_TRENDING_DAYS) await db.trendingDays.bulkDelete(days.slice(KEPT_TRENDING_DAYS));
  });
}
