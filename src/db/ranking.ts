import type { PaperLensDatabase } from './database';

/** The latest day's list fetched from the daily-papers feed, as ranks. */
export interface LiveRanking {
  day: string;
  label: string;
  rankOf: Map<string, number>;
}

/** The rank a list shows for a paper: the latest live list outranks the bundled snapshot's. */
export function shownRank(id: string, bundled: { rank: number | null; snapshot: string | null }, live: LiveRanking | null): { rank: number | null; snapshot: string | null } {
  const liveRank = live?.rankOf.get(id);
  return liveRank === undefined ? { rank: bundled.rank, snapshot: bundled.snapshot } : { rank: liveRank, snapshot: live!.label };
}

/**
 * How long a fetched list is called live. The feed is refreshed every few hours; a list older than
 * this (the feed switched off, or failing for a day) is shown as just that day's list.
 */
const LIVE_FOR_MS = 24 * 60 * 60 * 1000;

export function isLive(fetchedAt: number, now: number): boolean {
  return now - fetchedAt <= LIVE_FOR_MS;
}

/** A day's list from the feed as ranks (first = 1), labelled "Live · <day>" while it is fresh, else "<day>". */
export function liveRanking(list: { day: string; ids: string[]; ranks?: number[] | undefined; fetchedAt: number }, now = Date.now()): LiveRanking {
  const rankOf = new Map(list.ids.map((id, index) => [id, list.ranks?.[index] ?? index + 1]));
  return { day: list.day, label: isLive(list.fetchedAt, now) ? `Live · ${list.day}` : list.day, rankOf };
}

export async function latestLiveRanking(db: PaperLensDatabase, now = Date.now()): Promise<LiveRanking | null> {
  const latest = await db.trendingDays.orderBy('day').last();
  return latest ? liveRanking(latest, now) : null;
}
