import { SavedItemSchema, type SavedItem } from '../schema';

/**
 * The saved papers of rows read from the store, as the schema reads them; a row it cannot read
 * (written by another version, or damaged) is left out and counted, and stays in the store as it
 * is: one such row no longer leaves the whole list blank.
 */
export function readableSaved(rows: readonly unknown[]): { items: SavedItem[]; unreadable: number } {
  const items: SavedItem[] = [];
  for (const row of rows) {
    const read = SavedItemSchema.safeParse(row);
    if (read.success) items.push(read.data);
  }
  return { items, unreadable: rows.length - items.length };
}
