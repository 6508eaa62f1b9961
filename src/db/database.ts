import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { Paper, SavedItem, Seen } from '../schema';

export interface MetaRow {
  key: string;
  value: string;
}

export const DATABASE_NAME = 'paperlens';

/**
 * The store. Version history (never edit a shipped version; add one with an upgrade):
 *   1 — papers (seed/feed), saved (reading list), meta (seed version), seen (abstract pages opened).
 */
export class PaperLensDatabase extends Dexie {
  papers!: Table<Paper, string>;
  saved!: Table<SavedItem, string>;
  meta!: Table<MetaRow, string>;
  seen!: Table<Seen, string>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      papers: 'id, normTitle, rank',
      saved: 'id, addedAt, updatedAt, status, *tags',
      meta: 'key',
      seen: 'id',
    });
  }
}
