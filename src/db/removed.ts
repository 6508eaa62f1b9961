import { MAX_BULK_ITEMS, RemovedItemSchema, type RemovedItem, type SavedItem } from '../schema';
import type { PaperLensDatabase } from './database';

/**
 * Papers removed from the reading list are kept this long, as they were: the Undo a popup, card or
 * badge offers goes when the popup closes or the page is left, and a removal is one click.
 */
export const REMOVED_KEPT_MS = 30 * 24 * 3_600_000;
/**
 * The most kept (the oldest removals go first): as many as one removal may name, so a bulk delete
 * of the whole list is kept whole (a cap of 2,000 lost 1,000 papers of a removal of 3,000 for good).
 * The kept copies are papers gone from the list, one each, so they take no more room than the list did.
 * (`npm run bench -- --only reading-list`, deleteAll: the time to delete the whole list of 5,000.)
 */
const REMOVED_KEPT_MAX = MAX_BULK_ITEMS;

/** How many removed papers are kept now (those removed within REMOVED_KEPT_MS: older rows wait for the next removal to go). */
export function keptRemovedCount(db: PaperLensDatabase, now: number): Promise<number> {
  return db.removed.where('removedAt').aboveOrEqual(now - REMOVED_KEPT_MS).count();
}

/**
 * Keeps `items`, just removed, all of them, and lets go of those kept too long (and of the oldest past
 * REMOVED_KEPT_MAX). Run in a read-write transaction on `db.removed`.
 */
export async function keepRemoved(db: PaperLensDatabase, items: readonly SavedItem[], now: number): Promise<RemovedItem[]> {
  await db.removed.where('removedAt').below(now - REMOVED_KEPT_MS).delete();
  if (items.length === 0) return [];
  const kept = items.map((item) => ({ ...item, removedAt: now }));
  await db.removed.bulkPut(kept);
  const past = (await db.removed.count()) - REMOVED_KEPT_MAX;
  if (past > 0) await db.removed.orderBy('removedAt').limit(past).delete();
  return kept;
}

/**
 * The paper as it was when it was removed (within REMOVED_KEPT_MS), no longer kept, or undefined.
 * Run in a read-write transaction on `db.removed`.
 */
export async function takeRemoved(db: PaperLensDatabase, id: string, now: number): Promise<SavedItem | undefined> {
  const row = await db.removed.get(id);
  if (row === undefined) return undefined;
  await db.removed.delete(id);
  return keptItem(row, now);
}

/**
 * The copies kept of these papers' last removal, each with its time, of those not listed again (a
 * row that does not parse is left out): what a removal whose answer was lost offers back.
 */
export async function keptCopies(db: PaperLensDatabase, ids: readonly string[]): Promise<RemovedItem[]> {
  return db.transaction('r', db.saved, db.removed, async () => {
    const [kept, listed] = await Promise.all([db.removed.bulkGet([...ids]), db.saved.bulkGet([...ids])]);
    return kept.flatMap((row, at) => {
      const parsed = RemovedItemSchema.safeParse(row);
      return parsed.success && listed[at] === undefined ? [parsed.data] : [];
    });
  });
}

/**
 * Rewrites the kept copies of these papers (those removed and not listed again) with `revise`,
 * each keeping its removal's time; a copy `revise` answers null for stays as it is. Counts the
 * copies rewritten. Run in a read-write transaction on `db.removed`.
 */
export async function reviseKept(db: PaperLensDatabase, ids: readonly string[], revise: (item: SavedItem, index: number) => SavedItem | null, now: number): Promise<number> {
  const rows = await db.removed.bulkGet([...ids]);
  const revised = rows.flatMap((row, index) => {
    const item = row === undefined ? undefined : keptItem(row, now);
    const next = item === undefined ? null : revise(item, index);
    return next === null ? [] : [{ ...next, removedAt: row!.removedAt }];
  });
  await db.removed.bulkPut(revised);
  return revised.length;
}

/** A kept row as the saved item it was, or undefined when it does not parse or was kept too long. */
function keptItem(row: unknown, now: number): SavedItem | undefined {
  const parsed = RemovedItemSchema.safeParse(row);
  if (!parsed.success || parsed.data.removedAt < now - REMOVED_KEPT_MS) return undefined;
  const { removedAt: _removedAt, ...item } = parsed.data;
  return item;
}

/**
 * The papers of one removal (all those removed at `removedAt`, kept within REMOVED_KEPT_MS), as they
 * were, no longer kept: none is left behind, so the removal leaves Recently removed. Run in a
 * read-write transaction on `db.removed`; the caller puts back those not listed again meanwhile.
 */
export async function takeRemoval(db: PaperLensDatabase, removedAt: number, now: number): Promise<SavedItem[]> {
  const together = db.removed.where('removedAt').equals(removedAt);
  const rows = await together.toArray();
  await together.delete();
  return rows.flatMap((row) => keptItem(row, now) ?? []);
}

/** A paper of one removal: its id and the removal's time, as removeSaved answered them. */
export interface RemovalOf {
  id: string;
  removedAt: number;
}

/**
 * The kept copies of these removals, as they were, no longer kept: a paper's only while its kept
 * copy is the one that removal made (a later removal of it keeps another). Run in a read-write
 * transaction on `db.removed`.
 */
export async function takeRemovals(db: PaperLensDatabase, removals: readonly RemovalOf[], now: number): Promise<SavedItem[]> {
  const wanted = new Map(removals.map(({ id, removedAt }) => [id, removedAt]));
  const rows = await db.removed.bulkGet([...wanted.keys()]);
  const taken = rows.filter((row): row is RemovedItem => row !== undefined && row.removedAt === wanted.get(row.id));
  await db.removed.bulkDelete(taken.map((row) => row.id));
  return taken.flatMap((row) => keptItem(row, now) ?? []);
}
