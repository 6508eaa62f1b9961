import { RelatedCorpusBuilder, relatedTo, relatedToEach, TERM_COUNTING, type CountedPapers, type RelatedCorpus, type RelatedDocument } from '../search/related';
import { FOLDING_SAMPLE, READ_TEXT_SOURCE, STOPWORDS, tokenize } from '../search/tokenize';
import type { PaperLensDatabase } from './database';
import { PAPERS_PER_BLOCK, type PaperBlockRow } from './paper-blocks';
import type { RelatedForPage } from './papers';
import { RelatedDictionarySchema, type RelatedDictionary } from '../schema/search';

export interface RelatedPapers {
  forPage: RelatedForPage;
  /** The corpus of every stored paper that pages are related over (built once, kept until `invalidate`). */
  corpus: () => Promise<RelatedCorpus>;
  /** Call after `papers` changes: the next page question rebuilds the corpus. */
  invalidate: () => void;
}

// Papers read and tokenized at a time, in blocks of 50: ~15 ms of work on this machine (a large
// load's blocks of 200 are read one at a time once one is seen).
const PAPERS_PER_SLICE = 4 * PAPERS_PER_BLOCK;
// Kept blocks read and added at a time: adding a block's kept terms costs ~0.35 ms (Node), tokenizing it ~2.3 ms.
const KEPT_PER_SLICE = 40;
/**
 * Blocks whose terms a refresh keeps: keeping all 2,000 blocks' terms (tens of MB) before a feed
 * refresh goes on made the first refresh over 100,000 papers ~1.5 s slower (npm run bench). A
 * page's build keeps all, after its answer.
 */
const KEPT_PER_PASS = 64;
// Blocks kept a write: the worker copies them out between other messages (a card's lookup waits for one).
const KEPT_PER_WRITE = 16;

/** A block's papers tokenized for related papers, kept until the block is written again or the dictionary changes. */
export interface RelatedTermsRow {
  block: number;
  /** The block's `written` stamp when its papers were tokenized (none: not written since version 12). */
  written: number | null;
  /** The dictionary its terms are numbered in (RelatedDictionary.generation). */
  generation: string;
  counted: CountedPapers;
}

/**
 * The terms of the kept blocks, numbered by position, kept in `meta`: it only grows (a block
 * tokenized again numbers its new terms after the last), until the tokenizer changes, when a new
 * generation starts and every block is tokenized again.
 */
const DICTIONARY_KEY = 'relatedDictionary';

/**
 * What tokenizes the text, as far as this build can tell: the tokenizer's code, its stopwords,
 * what it makes of a sample of what it folds, and which of its tokens count as terms and how much.
 * Terms kept by another tokenizer are tokenized again.
 */
const TOKENIZER = [READ_TEXT_SOURCE, [...STOPWORDS].join(' '), tokenize(FOLDING_SAMPLE).join(' '), TERM_COUNTING].join('\n');

function storedDictionary(value: string | undefined): RelatedDictionary | null {
  try {
    const parsed = RelatedDictionarySchema.safeParse(JSON.parse(value ?? 'null'));
    // Numbered by position: a term twice would shift every later number.
    if (parsed.success && parsed.data.tokenizer === TOKENIZER && new Set(parsed.data.terms).size === parsed.data.terms.length) return parsed.data;
  } catch {
    // Unreadable: a new generation.
  }
  return null;
}

/** A pass over the store: its papers added to `builder`, and the blocks it tokenized, to keep. */
interface StoredPass {
  builder: RelatedCorpusBuilder;
  /**
   * Keeps the terms of the first `blocks` blocks it tokenized (and the dictionary they are
   * numbered in) for the next pass. Never fails: what it could not keep is tokenized again.
   */
  keep: (blocks: number) => Promise<void>;
}

/** A block the pass tokenized: its papers are the builder's between marks `from` and `to`. */
interface Tokenized {
  block: number;
  written: number | null;
  from: number;
  to: number;
}

/**
 * Adds every stored paper but those in `skip` to a builder, block by block in the store's order:
 * the terms of kept blocks from `relatedTerms`, the others (new, written since, or of another
 * generation) from their text. Both are read a slice at a time outside any transaction: the
 * worker answers other messages between slices. Null when it stopped because `wanted` turned
 * false (the papers changed meanwhile).
 */
async function addStoredBlocks(db: PaperLensDatabase, skip: ReadonlySet<string>, wanted: () => boolean = () => true): Promise<StoredPass | null> {
  const stamps = new Map<number, number>();
  const [blocks, keptBlocks, dictionaryRow] = await db.transaction('r', db.paperBlocks, db.relatedTerms, db.meta, () =>
    Promise.all([
      db.paperBlocks.toCollection().primaryKeys(),
      db.relatedTerms.toCollection().primaryKeys(),
      db.meta.get(DICTIONARY_KEY),
      db.paperBlocks.orderBy('written').eachKey((stamp, cursor) => stamps.set(cursor.primaryKey, stamp as number)),
    ]),
  );
  const stored = storedDictionary(dictionaryRow?.value);
  const generation = stored?.generation ?? `${Date.now()}-${Math.random()}`;
  const known = stored?.terms.length ?? 0;
  const builder = new RelatedCorpusBuilder(stored?.terms);
  const keptSet = new Set(keptBlocks);
  const usable = (row: RelatedTermsRow | undefined): row is RelatedTermsRow =>
    row !== undefined && row.generation === generation && row.written === (stamps.get(row.block) ?? null) && numberedWithin(row.counted.terms, known);
  const tokenized: Tokenized[] = [];
  let blocksPerRead = PAPERS_PER_SLICE / PAPERS_PER_BLOCK;
  for (let start = 0; start < blocks.length; start += KEPT_PER_SLICE) {
    if (!wanted()) return null;
    const slice = blocks.slice(start, start + KEPT_PER_SLICE);
    const kept = stored ? (await db.relatedTerms.bulkGet(slice.filter((block) => keptSet.has(block)))).filter(usable) : [];
    const keptBy = new Map(kept.map((row) => [row.block, row]));
    const stale = slice.filter((block) => !keptBy.has(block));
    const fetched = new Map<number, PaperBlockRow>();
    for (const block of slice) {
      const keptRow = keptBy.get(block);
      if (keptRow) {
        builder.addCounted(keptRow.counted, skip);
        continue;
      }
      if (!fetched.has(block)) {
        if (!wanted()) return null;
        const next = stale.indexOf(block);
        for (const row of await db.paperBlocks.bulkGet(stale.slice(next, next + blocksPerRead))) {
          if (!row) continue;
          fetched.set(row.block, row);
          blocksPerRead = Math.min(blocksPerRead, Math.max(1, Math.floor(PAPERS_PER_SLICE / row.papers.length)));
        }
      }
      const row = fetched.get(block);
      if (!row) continue; // deleted meanwhile
      fetched.delete(block);
      const from = builder.size;
      for (const paper of row.papers) if (!skip.has(paper.id)) builder.add(paper);
      // A block missing a paper here (an arrival replaces it) is written by the merge anyway: not kept.
      if (builder.size - from === row.papers.length) tokenized.push({ block, written: row.written ?? null, from, to: builder.size });
    }
  }
  const inStore = new Set(blocks);
  const gone = keptBlocks.filter((block) => !inStore.has(block));
  const dictionary = { generation, tokenizer: TOKENIZER, terms: builder.dictionary() };
  return { builder, keep: (count) => keep(db, builder, dictionary, stored, tokenized.slice(0, count), gone) };
}

/**
 * Whether kept terms are all numbered in the dictionary read: kept rows are read after it, and
 * another pass may have kept rows since that number terms it added after it.
 */
function numberedWithin(terms: Uint32Array, known: number): boolean {
  for (const term of terms) if (term >= known) return false;
  return true;
}

/**
 * Keeps blocks just tokenized and the dictionary they are numbered in, KEPT_PER_WRITE blocks a
 * write, unless another pass kept terms meanwhile (its numbers would clash): then the next pass
 * tokenizes the rest again. A store that refuses a write (disk full) only costs that too.
 */
async function keep(db: PaperLensDatabase, builder: RelatedCorpusBuilder, dictionary: RelatedDictionary, readAt: RelatedDictionary | null, tokenized: Tokenized[], gone: number[]): Promise<void> {
  if (tokenized.length === 0 && gone.length === 0) return;
  const value = JSON.stringify(dictionary);
  let wroteDictionary = false;
  for (let start = 0; start === 0 || start < tokenized.length; start += KEPT_PER_WRITE) {
    const rows = tokenized.slice(start, start + KEPT_PER_WRITE).map(({ block, written, from, to }): RelatedTermsRow => ({ block, written, generation: dictionary.generation, counted: builder.counted(from, to) }));
    const kept = await db
      .transaction('rw', db.relatedTerms, db.meta, async () => {
        const now = (await db.meta.get(DICTIONARY_KEY))?.value;
        if (wroteDictionary) {
          if (now !== value) return false;
        } else {
          const nowDictionary = storedDictionary(now);
          if (nowDictionary && (nowDictionary.generation !== readAt?.generation || nowDictionary.terms.length !== readAt.terms.length)) return false;
          await db.meta.put({ key: DICTIONARY_KEY, value });
          await db.relatedTerms.bulkDelete(gone);
        }
        await db.relatedTerms.bulkPut(rows);
        return true;
      })
      .catch(() => false);
    if (!kept) return;
    wroteDictionary = true;
  }
}

/**
 * Related papers of the papers `of` among `arrivals`, against the store as it will be once
 * `arrivals` are stored (they replace their stored versions). It reads the store outside any write
 * transaction, so that cards and badges are not held while the corpus is built; the stored papers'
 * terms come from `relatedTerms`, tokenized again only for blocks that changed (a refresh of 50
 * papers on a store of 19,566 re-tokenized them all: 1.4 s).
 */
export async function relatedOnArrival(db: PaperLensDatabase, arrivals: readonly RelatedDocument[], of: ReadonlySet<string>): Promise<Map<string, string[]>> {
  // Never null: nothing stops a pass that always wants to go on.
  const pass = (await addStoredBlocks(db, new Set(arrivals.map((paper) => paper.id))))!;
  await pass.keep(KEPT_PER_PASS);
  const { builder } = pass;
  for (const paper of arrivals) builder.add(paper);
  const corpus = builder.finish();
  const targets = arrivals.filter((paper) => of.has(paper.id));
  const related = relatedToEach(corpus, targets);
  return new Map(targets.map((paper, index) => [paper.id, related[index]!]));
}

/**
 * Related papers for pages of papers the store does not hold, over a corpus built once and kept.
 * After a worker start it is built again, from the kept terms: tokenizing 100,000 papers again
 * kept a cold card without related papers for ~7.6 s in the bench, from kept terms ~2.1 s.
 */
export function createRelatedPapers(db: PaperLensDatabase): RelatedPapers {
  let corpus: Promise<RelatedCorpus> | null = null;
  let generation = 0;
  const currentCorpus = (): Promise<RelatedCorpus> => {
    if (!corpus) {
      const mine = ++generation;
      // A build the papers changed under stops, and its askers get the build that replaced it.
      const building = addStoredBlocks(db, new Set(), () => mine === generation).then((pass) => {
        if (!pass) return currentCorpus();
        const built = pass.builder.finish();
        // All it tokenized, after its answer (keeping is not what the card waits for), a write at a time.
        void pass.keep(Infinity);
        return built;
      });
      corpus = building;
      // A failed read is tried again by the next question, not remembered.
      building.catch(() => {
        if (corpus === building) corpus = null;
      });
    }
    return corpus;
  };
  return {
    forPage: async (page) => relatedTo(await currentCorpus(), page),
    corpus: currentCorpus,
    invalidate: () => {
      corpus = null;
      generation++;
    },
  };
}
