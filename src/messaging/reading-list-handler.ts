import type { PaperLensDatabase } from '../db/database';
import {
  addTags,
  applyImport,
  clearReadingData,
  removeSaved,
  removeTags,
  restoreSaved,
  revertEdit,
  setNotes,
  setStatusMany,
  setTags,
  undoRemoval,
} from '../db/reading-list';
import { takeRemoval } from '../db/removed';
import { ReadingListRequestSchemas, type ReadingListCommand, type ResponseMap, type RestoreRemovalResult } from '../schema';

const READING_LIST_TYPES: ReadonlySet<string> = new Set(ReadingListRequestSchemas.flatMap((schema) => schema.shape.type.def.values));

/** Whether a validated request is one of the reading-list edits this module answers. */
export function isReadingListRequest<T extends { type: string }>(request: T): request is Extract<T, ReadingListCommand> {
  return READING_LIST_TYPES.has(request.type);
}

/** Answers a validated reading-list request; throws with a readable reason when it cannot be applied. */
export async function handleReadingListRequest(
  db: PaperLensDatabase,
  request: ReadingListCommand,
  now: number,
): Promise<ResponseMap[ReadingListCommand['type']]> {
  switch (request.type) {
    case 'setTags':
      return setTags(db, request.id, request.tags, now, request.since);
    case 'addTags':
      return addTags(db, request.ids, request.tags, now);
    case 'removeTags':
      return removeTags(db, request.ids, request.tags, now);
    case 'setNotes':
      return setNotes(db, request.id, request.notes, now, request.since);
    case 'setStatusMany':
      return setStatusMany(db, request.ids, request.status, now);
    case 'removeSaved':
      return removeSaved(db, request.ids, now);
    case 'undoRemoval':
      return undoRemoval(db, request.removals, now);
    case 'restoreSaved':
      return request.expected === null ? restoreSaved(db, request.items) : revertEdit(db, request.items, request.expected, now);
    case 'restoreRemoved':
      return restoreRemoval(db, request.removedAt, now);
    case 'importApply':
      return applyImport(db, request.items, request.rejected, now);
    case 'clearReadingData':
      return clearReadingData(db, now);
    default:
      return request satisfies never;
  }
}

/**
 * Puts back every paper of one removal in one transaction: each as it was removed, unless listed
 * again meanwhile (saved again, imported, an Undo), which stays as it is. Run again (a second click,
 * another tab, the removal's Undo after it) it finds nothing left to put back.
 */
async function restoreRemoval(db: PaperLensDatabase, removedAt: number, now: number): Promise<RestoreRemovalResult> {
  return db.transaction('rw', db.saved, db.removed, db.meta, async () => {
    const items = await takeRemoval(db, removedAt, now);
    const { changed } = items.length === 0 ? { changed: 0 } : await restoreSaved(db, items);
    return { changed, listed: items.length - changed };
  });
}
