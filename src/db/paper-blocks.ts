import { Dexie, type Table } from 'dexie';
import type { Paper } from '../schema';
import { idSpans, keysInSpans, spansPast } from './id-spans';
import { titleKeyOfRow } from './title-key';

/**
 * Papers are stored in blocks of up to PAPERS_PER_BLOCK: IndexedDB charges per row written.
 * Loading 100,000 papers in Chrome took 11–13 s as one-paper rows, ~6 s in blocks of 10 or 20,
 * ~2–4 s in blocks of 50; reading one block of 50 costs ~1 ms against ~0.4 ms for a row.
 * A large load's new papers go PAPERS_PER_LARGE_BLOCK to a block. Multi-entry indexes find a
 * paper's block.
 */
export interface PaperBlockRow {
  block: number;
  /** The ids of its papers (indexed: which block holds a paper). */
  ids: string[];
  /** The keys of its papers' normalized titles (indexed: title lookups). */
  titleKeys: number[];
  /** The ids of its papers with a snapshot rank (indexed: the bundled trending list). */
  rankedIds: string[];
  /**
   * How many papers fewer than PAPERS_PER_BLOCK it holds (negative: more, a large load's block);
   * absent when exactly that many, so that its index lists the few blocks that are not of that
   * size (the last, those deletes emptied, a large load's) and the store counts its papers from
   * them and the number of blocks.
   */
  shortBy?: number;
  /**
   * A random number drawn each time the block is written (indexed), absent on blocks not written
   * since version 12: related papers keep each block's terms (db/related.ts) and tokenize a block
   * again when it was written since (an upgrade that changes papers' titles or abstracts must
   * draw a new one). Not a hash of the text: hashing 100,000 papers' text made a bulk load in
   * Chrome take 5.2 s instead of 1.9 s.
   */
  written?: number;
  papers: Paper[];
}

export const PAPERS_PER_BLOCK = 50;
/**
 * A write adding this many papers or more (a bulk load) packs them PAPERS_PER_LARGE_BLOCK to a
 * block, which Chrome's IndexedDB writes far faster (it seems to keep values this large in files
 * of their own, outside its LevelDB): 100,000 papers loaded in a median 8.2 s against 9.5 s in
 * blocks of 50, the two builds in turn (npm run bench -- --only load --compare). Reading one costs
 * ~3 ms more (the lookup bench with every block that large), which only such large loads' papers
 * pay; a daily refresh adds at most 1,000 papers.
 */
export const LARGE_LOAD_MIN_ADDED = 8_000;
export const PAPERS_PER_LARGE_BLOCK = 200;
const PARALLEL_READS = 32;
// A cursor step costs about half a request (~18 µs against ~35 µs in Chrome).
const STEPS_PER_SPAN = 2;

/** The block row for these papers, its indexed keys derived from them. */
function blockRow(block: number, papers: Paper[]): PaperBlockRow {
  return {
    block,
    ids: papers.map((paper) => paper.id),
    titleKeys: [...new Set(papers.map(titleKeyOfRow))],
    rankedIds: papers.flatMap((paper) => (paper.rank !== null && paper.rank > 0 ? [paper.id] : [])),
    ...shortByOf(papers.length),
    written: Math.random(),
    papers,
  };
}

/** A block's `shortBy` field for `size` papers (none when full). */
export function shortByOf(size: number): Pick<PaperBlockRow, 'shortBy'> {
  return size === PAPERS_PER_BLOCK ? {} : { shortBy: PAPERS_PER_BLOCK - size };
}

/** Rows for papers in order, `perBlock` to a block, numbered from `firstBlock`. */
export function packBlocks(papers: Paper[], firstBlock = 0, perBlock = PAPERS_PER_BLOCK): PaperBlockRow[] {
  const rows: PaperBlockRow[] = [];
  for (let start = 0; start < papers.length; start += perBlock) rows.push(blockRow(firstBlock + rows.length, papers.slice(start, start + perBlock)));
  return rows;
}

const distinct = (rows: PaperBlockRow[]) => [...new Map(rows.map((row) => [row.block, row])).values()];

/**
 * The papers of the store, one paper at a time for callers, blocks underneath. Use inside a
 * transaction over `table` when several calls must agree; writes open their own otherwise.
 * Methods chain Dexie's promises instead of awaiting: Dexie keeps a transaction's zone through a
 * few levels of native `await` only, and callers nest these calls in async functions of their
 * own (a lookup in a live query lost its transaction, "committed too early").
 */
export class PaperStore {
  constructor(readonly table: Table<PaperBlockRow, number>) {}

  private blocksHolding(ids: readonly string[]): Promise<PaperBlockRow[]> {
    const unique = [...new Set(ids)];
    // A few ids (a card's paper and its related ones) are read all at once.
    if (unique.length <= PARALLEL_READS) {
      return Dexie.Promise.all(unique.map((id) => this.table.where('ids').equals(id).toArray())).then((rows) => distinct(rows.flat()));
    }
    return this.blockNumbersOf(unique.sort())
      .then((blocks) => this.table.bulkGet([...blocks]))
      .then((rows) => rows.filter((row): row is PaperBlockRow => row !== undefined));
  }

  /**
   * The blocks holding any of `sorted` (unique ids in key order), at a cost that follows how many
   * ids are asked, not how many the store holds between them. A cursor over the ids' key range
   * (keys only, which the browser reads ahead in batches: ~18 µs a key in Chrome) steps at most
   * STEPS_PER_SPAN keys a range of the ids (idSpans); the ranges past where it stopped are each
   * asked of the index, all at once. A cursor jumping from id to id (`anyOf`) costs a round trip
   * per stored match (66 matches took 200–300 ms); walking the whole range cost 160 ms for a
   * 2,000-id listing that spans 18,000 stored ids, and stepping a key an id, then asking the index
   * for each id left, ~100 ms.
   */
  private blockNumbersOf(sorted: readonly string[]): Promise<Set<number>> {
    const spans = idSpans(sorted);
    const wanted = new Set(sorted);
    const blocks = new Set<number>();
    const limit = STEPS_PER_SPAN * spans.length;
    let stepped = 0;
    let lastStepped = '';
    return this.table
      .where('ids')
      .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
      .limit(limit)
      .eachKey((id, cursor) => {
        stepped++;
        lastStepped = id as string;
        if (wanted.has(lastStepped)) blocks.add(cursor.primaryKey);
      })
      // The cursor stopped early: every stored id of the range was stepped.
      .then(() => (stepped < limit ? [] : keysInSpans(this.table, 'ids', spansPast(spans, lastStepped))))
      .then((found) => {
        for (const block of found) blocks.add(block);
        return blocks;
      });
  }

  /** The papers with these ids, in order (undefined for those the store does not hold). */
  bulkGet(ids: readonly string[]): Promise<(Paper | undefined)[]> {
    const wanted = new Set(ids);
    return this.blocksHolding(ids).then((rows) => {
      const byId = new Map<string, Paper>();
      for (const row of rows) for (const paper of row.papers) if (wanted.has(paper.id)) byId.set(paper.id, paper);
      return ids.map((id) => byId.get(id));
    });
  }

  get(id: string): Promise<Paper | undefined> {
    return this.bulkGet([id]).then(([paper]) => paper);
  }

  /** Papers whose normalized title has one of these keys (different titles can share a key). */
  withTitleKeys(keys: readonly number[]): Promise<Paper[]> {
    const wanted = new Set(keys);
    return this.table
      .where('titleKeys')
      .anyOf([...wanted])
      .toArray()
      .then((rows) => distinct(rows).flatMap((row) => row.papers.filter((paper) => wanted.has(titleKeyOfRow(paper)))));
  }

  /** Papers with a snapshot rank. */
  ranked(): Promise<Paper[]> {
    return this.table
      .orderBy('rankedIds')
      .toArray()
      .then((rows) => distinct(rows).flatMap((row) => row.papers.filter((paper) => paper.rank !== null && paper.rank > 0)));
  }

  toArray(): Promise<Paper[]> {
    return this.table.toArray().then((rows) => rows.flatMap((row) => row.papers));
  }

  /**
   * How many papers the store holds: the blocks counted, less what the blocks that are not full
   * lack (read from the `shortBy` index). Counting every id took ~160 ms at 19,500 papers in Chrome.
   */
  count(): Promise<number> {
    return Dexie.Promise.all([this.table.count(), this.table.orderBy('shortBy').keys()]).then(
      ([blocks, shortBy]) => blocks * PAPERS_PER_BLOCK - (shortBy as number[]).reduce((sum, short) => sum + short, 0),
    );
  }

  /**
   * Adds papers or replaces those with the same id in place; new papers fill the last block,
   * then new blocks.
   */
  bulkPut(papers: readonly Paper[]): Promise<void> {
    return this.table.db.transaction('rw', this.table, () => this.blocksWith(papers).then((rows) => this.table.bulkPut(rows)).then(() => undefined));
  }

  /**
   * The block rows to write for the store to hold these papers (what bulkPut writes): for a
   * caller that has other work to do while IndexedDB writes them. Read it in the writing
   * transaction.
   */
  blocksWith(papers: readonly Paper[]): Promise<PaperBlockRow[]> {
    const incoming = new Map(papers.map((paper) => [paper.id, paper]));
    const changed = new Map<number, Paper[]>();
    const rowsOf = () => [...changed].map(([block, blockPapers]) => blockRow(block, blockPapers));
    return this.blocksHolding([...incoming.keys()]).then((rows) => {
      for (const row of rows) {
        changed.set(
          row.block,
          row.papers.map((paper) => {
            const replacement = incoming.get(paper.id);
            incoming.delete(paper.id);
            return replacement ?? paper;
          }),
        );
      }
      const added = [...incoming.values()];
      if (added.length === 0) return rowsOf();
      return this.table
        .orderBy(':id')
        .last()
        .then((last) => {
          if (last && last.papers.length < PAPERS_PER_BLOCK) {
            const papersOfLast = changed.get(last.block) ?? last.papers;
            changed.set(last.block, [...papersOfLast, ...added.splice(0, PAPERS_PER_BLOCK - papersOfLast.length)]);
          }
          const perBlock = added.length >= LARGE_LOAD_MIN_ADDED ? PAPERS_PER_LARGE_BLOCK : PAPERS_PER_BLOCK;
          for (const row of packBlocks(added, last ? last.block + 1 : 0, perBlock)) changed.set(row.block, row.papers);
          return rowsOf();
        });
    });
  }

  bulkDelete(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    return this.table.db.transaction('rw', this.table, () =>
      this.blocksHolding([...gone]).then((rows) => {
        const kept = rows.map((row) => blockRow(row.block, row.papers.filter((paper) => !gone.has(paper.id))));
        return Promise.all([
          this.table.bulkDelete(kept.filter((row) => row.papers.length === 0).map((row) => row.block)),
          this.table.bulkPut(kept.filter((row) => row.papers.length > 0)),
        ]).then(() => undefined);
      }),
    );
  }

  clear(): Promise<void> {
    return this.table.clear();
  }
}
