// One formatter for every count: toLocaleString makes one at each call, and the reading list's
// toolbar writes dozens of counts at each keystroke.
const GROUPED = new Intl.NumberFormat('en');

/** "1 paper", "5,000 papers": every count the pages show is grouped the same way. */
export function countOf(count: number, noun: string): string {
  return `${grouped(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A number as the pages show it ("5,000"). */
export const grouped = (count: number): string => GROUPED.format(count);
