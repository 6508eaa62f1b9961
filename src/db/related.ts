import { RelatedCorpusBuilder, relatedTo, relatedToEach, type CountedPapers, type RelatedCorpus, type RelatedDocument } from '../search/related';
import * as z from 'zod/mini';
import { STOPWORDS, tokenize } from '../search/tokenize';
import type { PaperLensDatabase } from './database';
import type { PaperBlockRow } from './paper-blocks';
import type { RelatedForPage } from './papers';

export interface RelatedPapers {
  forPage: RelatedForPage;
  /** Call after `papers` changes: the next page question rebuilds the corpus. */
  invalidate: () => void;
}

// Blocks of 50 papers read and added to the corpus at a time: ~15 ms of work on this machine.
const BLOCKS_PER_SLICE = 4;
/**
 * Blocks whose terms a pass keeps, at most: keeping all 2,000 blocks' terms (tens of MB) made the
 * first refresh over 100,000 papers ~1.5 s slower (npm run bench). A few thousand papers a pass,
 * a large store's terms are all kept after a few refreshes, none slower than before.
 */
const KEPT_PER_PASS = 64;

/**
 * Adds every stored paper to `builder`, read a slice at a time: over a large store this takes
 * seconds, and between slices the worker answers other messages (a Save click, a listing's
 * badges). False when it stopped because the papers changed meanwhile (`wanted` turned false).
 */
async function addStoredPapers(db: PaperLensDatabase, builder: RelatedCorpusBuilder, wanted: () => boolean): Promise<boolean> {
  for await (const papers of db.papers.inSlices(BLOCKS_PER_SLICE)) {
    if (!wanted()) return false;
    for (const paper of papers) builder.add(paper);
  }
  return true;
}

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
const RelatedDictionarySchema = z.object({ generation: z.string(), tokenizer: z.string(), terms: z.array(z.string()) });
type RelatedDictionary = z.infer<typeof RelatedDictionarySchema>;
const DICTIONARY_KEY = 'relatedDictionary';

/**
 * What tokenizes the text, as far as this build can tell: the tokenizer's code, its stopwords and
 * what it makes of a sample of what it folds. Terms kept by another tokenizer are tokenized again.
 */
const TOKENIZER = [tokenize.toString(), [...STOPWORDS].join(' '), tokenize('The Łukasz Søren τ-bench: straße façade GPT-4o, Ω/π₀ 3D-ΜΟΕ via RL').join(' ')].join('\n');

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

/**
 * Adds every stored paper but those in `skip` to a builder, block by block in the store's order:
 * the terms of kept blocks from `relatedTerms`, the others (new, written since, or of another
 * generation) read a slice at a time outside any transaction (the worker answers other messages
 * between slices), tokenized, and kept for the next time.
 */
async function addStoredBlocks(db: PaperLensDatabase, skip: ReadonlySet<string>): Promise<RelatedCorpusBuilder> {
  const stamps = new Map<number, number>();
  const [blocks, kept, dictionaryRow] = await db.transaction('r', db.paperBlocks, db.relatedTerms, db.meta, () =>
    Promise.all([
      db.paperBlocks.toCollection().primaryKeys(),
      db.relatedTerms.toArray(),
      db.meta.get(DICTIONARY_KEY),
      db.paperBlocks.orderBy('written').eachKey((stamp, cursor) => stamps.set(cursor.primaryKey, stamp as number)),
    ]),
  );
  const stored = storedDictionary(dictionaryRow?.value);
  const generation = stored?.generation ?? `${Date.now()}-${Math.random()}`;
  const builder = new RelatedCorpusBuilder(stored?.terms);
  const keptBy = new Map(kept.filter((row) => row.generation === generation && row.written === (stamps.get(row.block) ?? null)).map((row) => [row.block, row]));
  const stale = blocks.filter((block) => !keptBy.has(block));
  const fetched = new Map<number, PaperBlockRow>();
  const counted: RelatedTermsRow[] = [];
  for (const block of blocks) {
    const keptRow = keptBy.get(block);
    if (keptRow) {
      builder.addCounted(keptRow.counted, skip);
      continue;
    }
    if (!fetched.has(block)) {
      const next = stale.indexOf(block);
      for (const row of await db.paperBlocks.bulkGet(stale.slice(next, next + BLOCKS_PER_SLICE))) if (row) fetched.set(row.block, row);
    }
    const row = fetched.get(block);
    if (!row) continue; // deleted meanwhile
    fetched.delete(block);
    const mark = builder.size;
    for (const paper of row.papers) if (!skip.has(paper.id)) builder.add(paper);
    const terms = builder.countedSince(mark);
    // A block missing a paper here (an arrival replaces it) is written by the merge anyway: not kept.
    if (terms.ids.length === row.papers.length && counted.length < KEPT_PER_PASS) counted.push({ block, written: row.written ?? null, generation, counted: terms });
  }
  const inStore = new Set(blocks);
  const gone = kept.filter((row) => !inStore.has(row.block)).map((row) => row.block);
  if (counted.length > 0 || gone.length > 0) await keep(db, { generation, tokenizer: TOKENIZER, terms: builder.dictionary() }, stored, counted, gone);
  return builder;
}

/**
 * Keeps blocks just tokenized and the dictionary they are numbered in, unless another pass kept
 * terms meanwhile (its numbers would clash): then the next pass tokenizes them again. A store
 * that refuses the write (disk full) only costs that too.
 */
async function keep(db: PaperLensDatabase, dictionary: RelatedDictionary, readAt: RelatedDictionary | null, counted: RelatedTermsRow[], gone: number[]): Promise<void> {
  await db
    .transaction('rw', db.relatedTerms, db.meta, async () => {
      const now = storedDictionary((await db.meta.get(DICTIONARY_KEY))?.value);
      if (now && (now.generation !== readAt?.generation || now.terms.length !== readAt.terms.length)) return;
      await db.meta.put({ key: DICTIONARY_KEY, value: JSON.stringify(dictionary) });
      await db.relatedTerms.bulkDelete(gone);
      await db.relatedTerms.bulkPut(counted);
    })
    .catch(() => undefined);
}

/**
 * Related papers of the papers `of` among `arrivals`, against the store as it will be once
 * `arrivals` are stored (they replace their stored versions). It reads the store outside any write
 * transaction, so that cards and badges are not held while the corpus is built; the stored papers'
 * terms come from `relatedTerms`, tokenized again only for blocks that changed (a refresh of 50
 * papers on a store of 19,566 re-tokenized them all: 1.4 s).
 */
export async function relatedOnArrival(db: PaperLensDatabase, arrivals: readonly RelatedDocument[], of: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const builder = await addStoredBlocks(db, new Set(arrivals.map((paper) => paper.id)));
  for (const paper of arrivals) builder.add(paper);
  const corpus = builder.finish();
  const targets = arrivals.filter((paper) => of.has(paper.id));
  const related = relatedToEach(corpus, targets);
  return new Map(targets.map((paper, index) => [paper.id, related[index]!]));
}

/** Related papers for pages of papers the store does not hold, over a corpus built once and kept. */
export function createRelatedPapers(db: PaperLensDatabase): RelatedPapers {
  let corpus: Promise<RelatedCorpus> | null = null;
  let generation = 0;
  const currentCorpus = (): Promise<RelatedCorpus> => {
    if (!corpus) {
      const mine = ++generation;
      // A build the papers changed under stops, and its askers get the build that replaced it.
      const builder = new RelatedCorpusBuilder();
      const building = addStoredPapers(db, builder, () => mine === generation).then((complete) => (complete ? builder.finish() : currentCorpus()));
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
    invalidate: () => {
      corpus = null;
      generation++;
    },
  };
}
