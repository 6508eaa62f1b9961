import type * as z from 'zod/mini';
import { SavedItemSchema, type SavedItem } from '../schema';

/** The rows `schema` reads, in order, as it reads them; rows it refuses (damaged, or written by a bug) are left out. */
export function readableRows<Schema extends z.ZodMiniType>(schema: Schema, rows: readonly unknown[]): z.infer<Schema>[] {
  return rows.flatMap((row) => {
    const read = schema.safeParse(row);
    return read.success ? [read.data as z.infer<Schema>] : [];
  });
}

/**
 * The saved papers of rows read from the store, as the schema reads them; a row it cannot read
 * (written by another version, or damaged) is left out and counted, and stays in the store as it
 * is: one such row no longer leaves the whole list blank.
 */
export function readableSaved(rows: readonly unknown[]): { items: SavedItem[]; unreadable: number } {
  const items: SavedItem[] = readableRows(SavedItemSchema, rows);
  return { items, unreadable: rows.length - items.length };
}
