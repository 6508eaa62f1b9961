import { Dexie, type DexieOptions, type Table } from 'dexie';
import * as z from 'zod/mini';
import { PaperSchema, type FeedDayList, type Paper, type SavedItem, type Seen } from '../schema';
import type { PackedSearchSnapshot } from '../search/search-index';
import { PAPERS_INDEX_KEY, snapshotOf } from './search';
import { packBlocks, PaperStore, type PaperBlockRow } from './paper-blocks';
import { titleKeyOfRow } from './title-key';

export interface MetaRow {
  key: string;
  value: string;
}

export interface SearchIndexRow {
  key: string;
  snapshot: PackedSearchSnapshot;
  /** Store papers the snapshot was built from, to tell when it is stale. */
  builtAt: number;
}

/** A day's trending list from the daily-papers feed. */
export interface TrendingDayRow extends FeedDayList {
  fetchedAt: number;
}

export const DATABASE_NAME = 'paperlens';

const IndexedPaperSchema = z.pick(PaperSchema, { id: true, title: true, authors: true, rank: true, snapshot: true, summary: true });

/**
 * The store. Version history (never edit a shipped version; add one with an upgrade):
 *   1 — papers (seed/feed), saved (reading list), meta (seed version, feed state), seen (abstract
 *       pages opened), searchIndex (the persisted search index over papers), trendingDays (the
 *       feed's list for each day fetched).
 *   2 — papers indexed by `titleKey` (a hash of normTitle) instead of normTitle.
 *   3 — the search index keeps each paper's result row (search/search-index.ts format 2): rebuilt.
 *   4 — papers move to `paperBlocks`, many to a row (src/db/paper-blocks.ts).
 *   5 — the one-paper-a-row `papers` table is dropped (Dexie reads it in version 4's upgrade first).
 *   6 — search tokens spell ø, ł, ß… and Greek letters in ASCII ("lukasz" finds Łukasz, "tau" τ): the
 *       search index is rebuilt.
 */
export class PaperLensDatabase extends Dexie {
  paperBlocks!: Table<PaperBlockRow, number>;
  /** The papers, one at a time for callers, in `paperBlocks` underneath. */
  readonly papers: PaperStore;
  saved!: Table<SavedItem, string>;
  meta!: Table<MetaRow, string>;
  seen!: Table<Seen, string>;
  searchIndex!: Table<SearchIndexRow, string>;
  trendingDays!: Table<TrendingDayRow, string>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      papers: 'id, normTitle, rank',
      saved: 'id, addedAt, updatedAt, status, *tags',
      meta: 'key',
      seen: 'id',
      searchIndex: 'key',
      trendingDays: 'day',
    });
    this.version(2)
      .stores({ papers: 'id, titleKey, rank' })
      .upgrade((transaction) =>
        transaction
          .table('papers')
          .toCollection()
          .modify((row: { titleKey?: number; normTitle?: unknown; title?: unknown }) => {
            row.titleKey = titleKeyOfRow(row);
          }),
      );
    this.version(3).upgrade(async (transaction) => {
      const index = transaction.table<SearchIndexRow, string>('searchIndex');
      const stored = await index.get(PAPERS_INDEX_KEY);
      // Not seeded yet: seeding builds the index.
      if (!stored) return;
      // A row without what a result shows (none is written so) stays in `papers`, out of the index.
      const papers = (await transaction.table('papers').toArray()).flatMap((row: unknown) => {
        const parsed = IndexedPaperSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
      await index.put({ ...stored, snapshot: snapshotOf(papers) });
    });
    this.version(4)
      .stores({ paperBlocks: 'block, *ids, *titleKeys, *rankedIds' })
      .upgrade(async (transaction) => {
        const rows: (Paper & { titleKey?: number })[] = await transaction.table('papers').toArray();
        await transaction.table('paperBlocks').bulkAdd(packBlocks(rows.map(({ titleKey: _titleKey, ...paper }) => paper)));
      });
    this.version(5).stores({ papers: null });
    this.version(6).upgrade(async (transaction) => {
      const index = transaction.table<SearchIndexRow, string>('searchIndex');
      const stored = await index.get(PAPERS_INDEX_KEY);
      if (!stored) return;
      const blocks: PaperBlockRow[] = await transaction.table('paperBlocks').toArray();
      const papers = blocks.flatMap((block) =>
        block.papers.flatMap((row: unknown) => {
          const parsed = IndexedPaperSchema.safeParse(row);
          return parsed.success ? [parsed.data] : [];
        }),
      );
      await index.put({ ...stored, snapshot: snapshotOf(papers) });
    });
    this.papers = new PaperStore(this.paperBlocks);
  }
}
