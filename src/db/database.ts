import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import * as z from 'zod/mini';
import { PaperSchema, type Meta, type Paper, type RemovedItem, type SavedItem, type Seen, type TrendingDayRow } from '../schema';
import type { PackedSearchSnapshot } from '../schema/search';
import type { SnapshotBuilder } from '../search/snapshot-job';
import { offThreadWhenLarge } from '../search/snapshot-threads';
import { PAPERS_INDEX_KEY, snapshotOf } from './search';
import { packBlocks, PaperStore, shortByOf, type PaperBlockRow } from './paper-blocks';
import type { RelatedTermsRow } from './related';
import { titleKeyOfRow } from './title-key';
import { mergeItem } from '../export/merge';
import { legacyCitationKeys, wantsCiteKey } from '../export/bibtex';
import { isKeepableCiteKey } from '../schema';
import { rekeyRefusedCiteKeys } from './cite-keys';
import { placeholderTitle, withoutSubjectClass } from '../papers/ids';

export interface SearchIndexRow {
  key: string;
  snapshot: PackedSearchSnapshot;
  /** Store papers the snapshot was built from, to tell when it is stale. */
  builtAt: number;
}

export const DATABASE_NAME = 'paperlens';

/**
 * Rows keyed by an old-style id written with a subject class (`math.GT/0309136`, kept apart before
 * version 7), moved to the canonical key (`math/0309136`) and merged into any row already there.
 * Only old-style keys are read (they start with a letter, new-style ones with a digit: one key
 * range, keys only), and only the rows to move are fetched.
 */
async function moveToCanonicalIds<T extends { id: string }>(table: Table<T, string>, move: (row: T, id: string) => T, merge: (kept: T, moved: T) => T): Promise<void> {
  const oldStyle = await table.where(':id').between('a', 'z\uffff', true, true).primaryKeys();
  const stale = oldStyle.filter((key) => withoutSubjectClass(key) !== key);
  if (stale.length === 0) return;
  const moved = new Map<string, T>();
  for (const row of await table.bulkGet(stale)) {
    if (!row) continue;
    const id = withoutSubjectClass(row.id);
    const kept = moved.get(id) ?? (await table.get(id));
    moved.set(id, kept ? merge(kept, move(row, id)) : move(row, id));
  }
  await table.bulkDelete(stale);
  await table.bulkPut([...moved.values()]);
}

/** A paper row as the first builds wrote it: without authors, feed info, related papers or topics. */
type EarlyPaperRow = Omit<Paper, 'authors' | 'feed' | 'related' | 'summary'> &
  Partial<Pick<Paper, 'authors' | 'feed' | 'related'>> & { summary: Omit<Paper['summary'], 'topics'> & Partial<Pick<Paper['summary'], 'topics'>> };

/** The row with the fields it lacks, empty (PaperSchema's defaults); null when it lacks none. */
function withLaterFields(row: EarlyPaperRow): Paper | null {
  if (row.authors && row.feed !== undefined && row.related && row.summary.topics) return null;
  return { ...row, authors: row.authors ?? [], feed: row.feed ?? null, related: row.related ?? [], summary: { ...row.summary, topics: row.summary.topics ?? [] } };
}

/** A paper row whose summary a summarizer before version 24 wrote: no `names`. */
type UnnamedPaperRow = Omit<Paper, 'summary'> & { summary: Omit<Paper['summary'], 'names'> & Partial<Pick<Paper['summary'], 'names'>> };

/** The row with its summary's `names` empty (SummarySchema's default; the next summarizer run fills them); null when it has them. */
function withSummaryNames(row: UnnamedPaperRow): Paper | null {
  return row.summary.names ? null : { ...row, summary: { ...row.summary, names: [] } };
}

/**
 * An upgrade that rewrites the papers `fill` changes, and only the blocks holding one (in most
 * stores of version 10's upgrade, none: 100,000 papers took ~0.7–1.9 s to read in fake-indexeddb).
 */
function fillPapers<Row>(transaction: Transaction, fill: (row: Row) => Row | null): Promise<number> {
  return transaction
    .table<Omit<PaperBlockRow, 'papers'> & { papers: Row[] }, number>('paperBlocks')
    .toCollection()
    .modify((block) => {
      const filled = block.papers.map(fill);
      if (filled.every((paper) => paper === null)) return false;
      block.papers = block.papers.map((paper, index) => filled[index] ?? paper);
      return true;
    });
}

const IndexedPaperSchema = z.pick(PaperSchema, { id: true, title: true, authors: true, rank: true, snapshot: true, summary: true });

/** An upgrade that rebuilds the stored search index from the papers (in blocks) with this version's search. */
async function rebuildSearchIndexFromBlocks(transaction: Transaction): Promise<void> {
  const index = transaction.table<SearchIndexRow, string>('searchIndex');
  const stored = await index.get(PAPERS_INDEX_KEY);
  // Not seeded yet: seeding builds the index.
  if (!stored) return;
  const blocks: PaperBlockRow[] = await transaction.table('paperBlocks').toArray();
  const papers = blocks.flatMap((block) =>
    block.papers.flatMap((row: unknown) => {
      const parsed = IndexedPaperSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    }),
  );
  await index.put({ ...stored, snapshot: snapshotOf(papers) });
}

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
 *   7 — old-style ids lose their subject class (math.GT/0309136 is math/0309136): saved items and
 *       seen marks keyed by one move to the canonical id, merged with any already there.
 *   8 — seen marks indexed by `at` (the last visit), for the popup's Recent list; new marks keep the
 *       page's title and first authors (older ones have none: nothing to upgrade).
 *   9 — search leaves author names out of a paper's length (a collaboration's exact title ranks
 *       first): the search index is rebuilt.
 *  10 — papers the first builds wrote without authors, feed info, related papers or topics (a card,
 *       the trending list and the search index rebuilt at an update read them) get them empty.
 *  11 — blocks that hold fewer papers than a block's size say by how many, indexed (`shortBy`): the
 *       popup's count of the papers reads those few, not every id.
 *  12 — a block written from now on carries a random `written` stamp (indexed), and `relatedTerms`
 *       keeps each block's papers tokenized for related papers: a feed merge tokenizes what
 *       arrives and the blocks written since, not the whole store.
 *  13 — search reads Chinese and Japanese as pairs of characters, keeps marks that make letters
 *       (パス is not バス) and indexes authors' ä, ö, ü as ae, oe, ue too: the search index is rebuilt
 *       (an update whose bundled snapshot is unchanged does not reseed, so nothing else would).
 *  14 — saved items keep their BibTeX key (`citeKey`, indexed to tell a new key from one taken):
 *       each item whose title and first author are known gets the key a whole-list export gave it
 *       before, so no \cite{} of it breaks; others get theirs when their details come (before, their
 *       key changed then anyway: pinning `anon2015resnet` would keep it so for good).
 *  15 — `removed`: papers removed from the reading list, as they were, for 30 days (see
 *       src/db/removed.ts): saving one again brings back its notes, tags and status. And search
 *       indexes a hyphenated compound joined too ("fine-tuning": "finetuning") and a word made of
 *       words by its parts too (FlashAttention: "flash", "attention"): the search index is rebuilt.
 *  16 — search finds a common ML acronym by its long form and the other way round ("moe", "mixture
 *       of experts"; src/search/acronyms.ts), with posting weights in half occurrences (format 3):
 *       the search index is rebuilt.
 *  17 — summaries keep the names the abstract uses (`summary.names`, summarizer version 24): older
 *       papers get them empty, as the code reading stored rows (the search index's build at an
 *       update's reseeding) expects them; the summarizer's run after the update fills them.
 *  18 — search reads a Korean word as typed (its syllables whole) in every text: before, a text
 *       without a Hindi vowel sign or another kept mark had its syllables taken apart and a query
 *       had them whole only beside one. The search index is rebuilt.
 *  19 — an acronym among the names only the abstract uses finds its paper by the long form too
 *       ("mixture of experts" finds a paper whose abstract alone says MoE), at an eighth of an
 *       occurrence (posting weights in eighths, search format 4): the search index is rebuilt.
 *  20 — a saved or removed item whose citation key is longer than keys may be (made before a key's
 *       parts were capped; every read of the item refused it) gets the key a save gives it now.
 */
export class PaperLensDatabase extends Dexie {
  paperBlocks!: Table<PaperBlockRow, number>;
  /** The papers, one at a time for callers, in `paperBlocks` underneath. */
  readonly papers: PaperStore;
  saved!: Table<SavedItem, string>;
  removed!: Table<RemovedItem, string>;
  meta!: Table<Meta, string>;
  seen!: Table<Seen, string>;
  searchIndex!: Table<SearchIndexRow, string>;
  trendingDays!: Table<TrendingDayRow, string>;
  relatedTerms!: Table<RelatedTermsRow, number>;
  /** How putPapers builds the search index: here, unless the context gives a builder that can use another thread. */
  buildSnapshot: SnapshotBuilder = offThreadWhenLarge(null);

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
    this.version(6).upgrade(rebuildSearchIndexFromBlocks);
    this.version(7).upgrade(async (transaction) => {
      await moveToCanonicalIds(
        transaction.table<SavedItem, string>('saved'),
        // A placeholder title names the id: it stays a placeholder, for the paper's page to replace.
        (item, id) => ({ ...item, id, title: item.title === placeholderTitle(item.id) ? placeholderTitle(id) : item.title }),
        // As an import merges: the newer side's fields and status, tags and notes of both.
        mergeItem,
      );
      await moveToCanonicalIds(
        transaction.table<Seen, string>('seen'),
        (seen, id) => ({ ...seen, id }),
        (kept, moved) => ({ id: kept.id, at: Math.max(kept.at, moved.at) }),
      );
    });
    this.version(8).stores({ seen: 'id, at' });
    this.version(9).upgrade(rebuildSearchIndexFromBlocks);
    this.version(10).upgrade((transaction) => fillPapers(transaction, withLaterFields));
    // Only the blocks that are not full are written: in most stores the last one and a few.
    this.version(11)
      .stores({ paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy' })
      .upgrade((transaction) =>
        transaction
          .table<PaperBlockRow, number>('paperBlocks')
          .toCollection()
          .modify((row) => {
            const { shortBy } = shortByOf(row.papers.length);
            if (shortBy === undefined) return false;
            row.shortBy = shortBy;
            return true;
          }),
      );
    // Nothing to write: a block without a stamp was not written since, its kept terms (none yet) hold.
    this.version(12).stores({ paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy, written', relatedTerms: 'block' });
    this.version(13).upgrade(rebuildSearchIndexFromBlocks);
    this.version(14)
      .stores({ saved: 'id, addedAt, updatedAt, status, *tags, citeKey' })
      .upgrade(async (transaction) => {
        const saved = transaction.table<SavedItem, string>('saved');
        const items = await saved.toArray();
        const keys = legacyCitationKeys(items);
        const keyed = items.flatMap((item, index) => {
          const citeKey = keys[index]!;
          return wantsCiteKey(item) && isKeepableCiteKey(citeKey) ? [{ ...item, citeKey }] : [];
        });
        await saved.bulkPut(keyed);
      });
    this.version(15).stores({ removed: 'id, removedAt' }).upgrade(rebuildSearchIndexFromBlocks);
    this.version(16).upgrade(rebuildSearchIndexFromBlocks);
    this.version(17).upgrade((transaction) => fillPapers(transaction, withSummaryNames));
    this.version(18).upgrade(rebuildSearchIndexFromBlocks);
    this.version(19).upgrade(rebuildSearchIndexFromBlocks);
    this.version(20).upgrade(rekeyRefusedCiteKeys);
    this.papers = new PaperStore(this.paperBlocks);
  }
}
