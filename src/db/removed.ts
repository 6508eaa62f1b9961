import { RemovedItemSchema, type SavedItem } from '../schema';
import type { PaperLensDatabase } from './database';

/**
 * Papers removed from the reading list are kept this long, as they were: the Undo a popup, card or
 * badge offers goes when the popup closes or the page is left, and a removal is one click.
 */
export const REMOVED_KEPT_MS = 30 * 24 * 3_600_000;
// The most kept (the oldest go first; of a bulk removal past it, 2,000 of its papers).
const REMOVED_KEPT_MAX = 2_000;

/** Keeps `items`, just removed, and lets go of those kept too long. Run in a read-write transaction on `db.removed`. */
export async function keepRemoved(db: PaperLensDatabase, items: readonly SavedItem[], now: number): Promise<void> {
  await db.removed.where('removedAt').below(now - REMOVED_KEPT_MS).delete();
  if (items.length === 0) return;
  await db.removed.bulkPut(items.slice(-REMOVED_KEPT_MAX).map((item) => ({ ...item, removedAt: now })));
  const past = (await db.removed.count()) - REMOVED_KEPT_MAX;
  if (past > 0) await db.removed.orderBy('removedAt').limit(past).delete();
}

/**
 * The paper as it was when it was removed (within REMOVED_KEPT_MS), no longer kept, or undefined.
 * Run in a read-write transaction on `db.removed`.
 */
export async function takeRemoved(db: PaperLensDatabase, id: string, now: number): Promise<SavedItem | undefined> {
  const row = await db.removed.get(id);
  if (row === undefined) return undefined;
  await db.removed.delete(id);
  const parsed = RemovedItemSchema.safeParse(row);
  if (!parsed.success || parsed.data.removedAt < now - REMOVED_KEPT_MS) return undefined;
  const { removedAt: _removedAt, ...item } = parsed.data;
  return item;
}
