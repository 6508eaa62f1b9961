import { TrendingDayRowSchema, type TrendingDayRow } from '../schema';
import type { PaperLensDatabase } from './database';
import { readableRows } from './saved-rows';

/** Each paper's rank in the newest of the feed's lists that has it, with that list's label. */
export interface LiveRanking {
  rankOf: Map<string, { rank: number; label: string }>;
}

/** The rank a list shows for a paper: the feed's lists outrank the bundled snapshot's. */
export function shownRank(id: string, bundled: { rank: number | null; snapshot: string | null }, live: LiveRanking | null): { rank: number | null; snapshot: string | null } {
  const liveRank = live?.rankOf.get(id);
  return liveRank === undefined ? { rank: bundled.rank, snapshot: bundled.snapshot } : { rank: liveRank.rank, snapshot: liveRank.label };
}

/**
 * How long a fetched list is called live. The feed is refreshed every few hours; a list older than
 * this (the feed switched off, or failing for a day) is shown as just that day's list.
 */
const LIVE_FOR_MS = 24 * 60 * 60 * 1000;

export function isLive(fetchedAt: number, now: number): boolean {
  return now - fetchedAt <= LIVE_FOR_MS;
}

/**
 * Days' lists from the feed (newest first) as ranks (first = 1): a paper takes its rank in the newest
 * that lists it (QA: one off today's list showed its rank of a year-old snapshot, or none, not
 * yesterday's). The newest is labelled "Live · <day>" while it is fresh; older ones by their day.
 */
export function liveRanking(lists: readonly TrendingDayRow[], now = Date.now()): LiveRanking {
  const rankOf = new Map<string, { rank: number; label: string }>();
  lists.forEach((list, age) => {
    const label = age === 0 && isLive(list.fetchedAt, now) ? `Live · ${list.day}` : list.day;
    list.ids.forEach((id, index) => {
      if (!rankOf.has(id)) rankOf.set(id, { rank: list.ranks?.[index] ?? index + 1, label });
    });
  });
  return { rankOf };
}

/** The ranks of the feed's kept days (KEPT_TRENDING_DAYS); null when none was fetched. */
export async function keptLiveRanking(db: PaperLensDatabase, now = Date.now()): Promise<LiveRanking | null> {
  const lists = readableRows(TrendingDayRowSchema, await db.trendingDays.orderBy('day').reverse().toArray());
  return lists.length > 0 ? liveRanking(lists, now) : null;
}
