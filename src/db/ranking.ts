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

function liveLabel(day: string): string {
  return `Live · ${day}`;
}

/** A day's list from the feed as ranks (first = 1). */
export function liveRanking(list: { day: string; ids: string[] }): LiveRanking {
  return { day: list.day, label: liveLabel(list.day), rankOf: new Map(list.ids.map((id, index) => [id, index + 1])) };
}

export async function latestLiveRanking(db: PaperLensDatabase): Promise<LiveRanking | null> {
  const latest = await db.trendingDays.orderBy('day').last();
  return latest ? liveRanking(latest) : null;
}
