/** "1 paper", "5,000 papers": every count the pages show is grouped the same way. */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** A number as the pages show it ("5,000"). */
export const grouped = (count: number): string => count.toLocaleString('en');
