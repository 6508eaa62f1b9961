/** "just now", "5 min ago", "2 h ago", "3 days ago". */
export function describeAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/**
 * A moment today as "at 14:05", tomorrow as "tomorrow at 00:21" (a backoff of a few hours late in the
 * evening read "on Dec 7, 12:21 AM", as if days away), further away as "on 2 Dec, 14:05".
 */
export function describeTime(at: number, now: number): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (new Date(now).toDateString() === date.toDateString()) return `at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (tomorrow.toDateString() === date.toDateString()) return `tomorrow at ${time}`;
  return `on ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

let dayFormat: Intl.DateTimeFormat | undefined;

/**
 * A day as the popup and the reading list both write it: "Dec 2, 2026" in the reader's language,
 * the month named so that no reader takes 12/1 for the 12th of January.
 */
export function describeDay(at: number): string {
  // One formatter (toLocaleDateString makes one at each call): the reading list's rows write two days each at every render.
  dayFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return dayFormat.format(at);
}

/** How long ago, within a week ("5 min ago", "3 days ago"); further back, the day ("Jan 3, 2025"). */
export function describeWhen(at: number, now: number): string {
  return now - at < 7 * 86_400_000 ? describeAge(now - at) : describeDay(at);
}

/**
 * A day of a list ("2025-07-30") short, as narrow badges write it: "Jul 30" in the reader's language,
 * with its year when that is not this year's ("Jul 30, 2025"), so an old list's rank does not pass for this year's.
 */
export function describeListDay(day: string, now: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  // The list's day is a calendar day (UTC here); this year is the reader's.
  const year = date.getUTCFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' as const };
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', ...year, timeZone: 'UTC' });
}
