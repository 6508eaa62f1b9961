import { describeListDay } from './time';

// A rank is a paper's place in Hugging Face's Daily Papers of a day: said so, since beside another
// ranking (Hugging Face's weekly, monthly or trending lists) a bare "#3" reads as that one's.

/** The day in a rank's list label ("2025-07-30", "Live · 2026-11-30"). */
function listDay(snapshot: string | null): string | undefined {
  return /\d{4}-\d{2}-\d{2}$/.exec(snapshot ?? '')?.[0];
}

/** In words, as a tooltip and a screen reader say it: "Rank #3 in Hugging Face Daily Papers of 2025-07-30". */
export function dailyRankSaid(rank: number, snapshot: string | null): string {
  const day = listDay(snapshot);
  return `Rank #${rank} in Hugging Face Daily Papers${day ? ` of ${day}` : ''}`;
}

/** Short, for a narrow badge: "#3 daily · Jul 30" ("Jul 30, 2025" in another year than `now`'s). */
export function dailyRankShort(rank: number, snapshot: string | null, now: number): string {
  const day = listDay(snapshot);
  return `#${rank} daily${day ? ` · ${describeListDay(day, now)}` : ''}`;
}

/**
 * Where there is room (the card, the popup): the list's label with its day as badges write it,
 * "#3 daily · Live · Nov 30", "#1 daily · Jul 30, 2025" ("Jul 30, 2025" in another year than `now`'s).
 */
export function dailyRankText(rank: number, snapshot: string | null, now: number): string {
  if (!snapshot) return `#${rank} daily`;
  const day = listDay(snapshot);
  return `#${rank} daily · ${day ? `${snapshot.slice(0, -day.length)}${describeListDay(day, now)}` : snapshot}`;
}
