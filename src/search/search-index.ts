import { idYearMonth } from '../papers/ids';
import type { PackedSearchSnapshot } from '../schema/search';
import { acronymReader, isAcronym, longFormTermsOf } from './acronyms';
import { CJK, compoundTerms, queryJoins, readText, STOPWORDS, tokenize, withGermanSpellings, type QueryJoin } from './tokenize';
import { formsPrefix, wordBase } from './word-forms';

/**
 * An in-memory BM25 index over the papers in the store, compact enough to persist as one record
 * and to load in the popup: sorted terms, and for each term a run of (document, weighted term
 * frequency) postings in typed arrays. Queries match every word; the last word also matches as a
 * prefix, so results follow the user's typing, and a word the index lacks matches terms one typo away
 * (or, one typo from a stopword, does not narrow the results). A hyphenated compound is indexed
 * joined too and a word made of words by its parts too (tokenize.ts compoundTerms), and words a
 * query has side by side or hyphenated also match as one ("flash attention" finds FlashAttention,
 * "fine-tuning" finds "finetuning" and the other way round); a stopword and a word hyphenated
 * match only as one ("in-context" is not "long-context"), and with a space rank the papers writing
 * the compound first. A common ML acronym finds its long form and the other way round ("moe",
 * "mixture of experts": acronyms.ts).
 */

export interface SearchDocument {
  id: string;
  /** Weighted ×3: a title hit matters most. */
  title: string;
  /** TL;DR, topics. */
  text: string;
  /**
   * Author names: found like the text, but not counted in the document's length (BM25's length
   * normalisation), so a collaboration's 1,350 names do not bury its title hits.
   */
  authors: string;
  /**
   * Names the abstract uses ("ViT", "PPO"; summarize/names.ts), space-separated: they find the paper
   * when its title and text do not have them, at half a text word's weight, and are not counted in
   * its length.
   */
  names: string;
  /**
   * What a result list shows for the document, kept with it and returned with its hits, so
   * showing results reads nothing else (a read from IndexedDB lands after the next frame).
   */
  row: string;
}

/** The persisted form (structured-clonable: stored in IndexedDB as is). */
export interface SearchSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  ids: string[];
  /** rows[i] is the `row` of ids[i]. */
  rows: string[];
  docLengths: Uint16Array<ArrayBuffer>;
  terms: string[];
  /** postings of terms[i] are at [termStarts[i], termStarts[i + 1]). */
  termStarts: Uint32Array<ArrayBuffer>;
  postingDocs: Uint32Array<ArrayBuffer>;
  postingWeights: Uint8Array<ArrayBuffer>;
}

export interface SearchHit {
  id: string;
  score: number;
  row: string;
  /** With `someWords`: the query's words the paper lacks (none otherwise). */
  missing: string[];
}

/** The most words a query with `someWords` tells apart (bits of a mask). */
const MAX_SOME_WORDS = 32;

/** What a query with `someWords` counts as one word: a word, or a hyphenated compound's words; as written, and their bits in a mask. */
interface WordUnit {
  written: string;
  bits: number;
}

const HYPHENATED = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)+/gu;

/**
 * The query's words as units, in the order written (`written`: its words in that order): each
 * hyphenated compound typed is one, its words' bits together; `scored` are the words in the order
 * they are scored (bit i is scored[i]).
 */
function wordUnits(query: string, scored: readonly string[], written: readonly string[]): WordUnit[] {
  const bitOf = (word: string) => {
    const at = scored.indexOf(word);
    return at < 0 ? 0 : 1 << at;
  };
  const units: { written: string; bits: number; at: number }[] = [];
  let grouped = 0;
  for (const [compound] of query.toLowerCase().matchAll(HYPHENATED)) {
    const parts = tokenize(compound);
    const bits = parts.reduce((sum, word) => sum | (bitOf(word) & ~grouped), 0);
    if (bits === 0) continue;
    grouped |= bits;
    units.push({ written: compound, bits, at: Math.min(...parts.map((word) => written.indexOf(word)).filter((at) => at >= 0)) });
  }
  for (const word of scored) {
    const bit = bitOf(word);
    if ((grouped & bit) === 0) units.push({ written: word, bits: bit, at: written.indexOf(word) });
  }
  return units.sort((a, b) => a.at - b.at).map(({ written, bits }) => ({ written, bits }));
}

/**
 * 2: rows stored with the documents. 3: posting weights count halves of an occurrence. 4: eighths
 * (WEIGHT_UNIT), for the long forms of an abstract's acronyms.
 * Indexing texts otherwise (compoundTerms, acronyms.ts) keeps the format: an index built before still
 * answers, without the new terms until a store upgrade (db/database.ts) or a new summarizer version
 * (db/resummarize.ts: version 24 brought abstracts' names, "Llama 2" as "llama2" and more acronyms) rebuilds it.
 */
export const SNAPSHOT_FORMAT = 4;

const TITLE_WEIGHT = 3;
/**
 * Posting weights count eighths of an occurrence, so that a term a text has only through an acronym
 * (acronyms.ts) can weigh less than one written in the text and still more than none, and one the
 * abstract alone has through an acronym less again (the weights are bytes). BM25 reads them with
 * lengths in the same unit, so the unit itself changes no score.
 */
const WEIGHT_UNIT = 8;
const HALF = WEIGHT_UNIT / 2;
/** Weights of a term found in the title, in the text or authors, and in the title only as another spelling of its words. */
const TITLE_TERM = TITLE_WEIGHT * WEIGHT_UNIT;
const TEXT_TERM = WEIGHT_UNIT;
const TITLE_VARIANT = TITLE_TERM - WEIGHT_UNIT;
/**
 * An acronym a text has only as its long form: half an occurrence below as written, in the title
 * or the text, so the paper that writes the acronym ranks first for it on a tie.
 */
const TITLE_ACRONYM = TITLE_TERM - HALF;
const TEXT_ACRONYM = TEXT_TERM - HALF;
/**
 * The words of a long form a text has only as its acronym: in the title, as a word of the text; in
 * the text, half of one. One word stands for several there, and the paper is shorter by the others
 * (BM25's length normalisation), so at a title word's weight "RLHF" would outrank the title that
 * spells out "reinforcement learning from human feedback".
 */
const TITLE_LONG_FORM = TEXT_TERM;
const TEXT_LONG_FORM = TEXT_TERM - HALF;
/** A name only the abstract has: found, below a paper whose title or text writes it. */
const ABSTRACT_NAME = TEXT_TERM - HALF;
/**
 * The words of a long form only the abstract has as its acronym: an eighth of an occurrence, below
 * a paper whose TL;DR has the acronym (TEXT_LONG_FORM, half of one): at a half or a quarter, a
 * short paper with the acronym in its abstract alone outranked it through BM25's length normalisation.
 */
const ABSTRACT_LONG_FORM = WEIGHT_UNIT / 8;
const K1 = 1.2;
const B = 0.75;
/** A prefix typed alone stands for at most this many terms (the most frequent): keeps its keystroke cheap. */
const MAX_ALONE_PREFIX_TERMS = 64;
/** What a word found spelled otherwise (joined with its neighbour) scores of what it would as typed. */
const VARIANT_SHARE = 0.9;
/** Shorter words are one typo away from too many others to guess any typo in. */
const MIN_ONE_TYPO_LENGTH = 5;
/** Down to this length, two swapped neighbours are still guessed at (a surname: "Chne"). */
const MIN_SWAPPED_LENGTH = 4;

/** Whether a query word may be a typo of another: four letters or more, no digits ("gpt4" is no typo of "gpt3"). */
export function mayBeTypo(word: string): boolean {
  return word.length >= MIN_SWAPPED_LENGTH && !/\d/.test(word);
}

// A year arXiv ids can say (old-style ids begin in 1991).
const YEAR = /^(?:199[1-9]|20\d\d)$/;

/** A query word's terms, each with the inverse document frequency it scores by. */
interface WordTerms {
  word: string;
  terms: number[];
  idfs: number[];
}

/** `bigger`, holding `array` at its start. */
function doubled<A extends Uint32Array | Uint8Array>(array: A, bigger: A): A {
  bigger.set(array);
  return bigger;
}

/**
 * Postings being assembled, in typed arrays that double when full (outside the JS heap), terms
 * given ids as met. Building 100,000 papers' postings as a growing array per term promoted millions
 * of small arrays to the old generation, where Chromium's garbage collector, in its memory-reducing
 * mode, ran a full collection every few megabytes: most of the build's time.
 */
class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  // The postings added so far, the i-th in each: its term's id, its document, its weight.
  private addedTerms = new Uint32Array(1024);
  private addedDocs = new Uint32Array(1024);
  private addedWeights = new Uint8Array(1024);
  private count = 0;

  /** The weight of each term in the document being added (by term id), and the terms it has. */
  private documentWeights = new Uint32Array(1024);
  private readonly documentTerms: number[] = [];

  /** The id of a term, given one when first met. */
  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      if (id === this.documentWeights.length) this.documentWeights = doubled(this.documentWeights, new Uint32Array(id * 2));
    }
    return id;
  }

  /** Gives a term this weight in the document being added unless it has one already. */
  weighIfAbsent(term: string, weight: number): void {
    const id = this.termId(term);
    if (this.documentWeights[id] !== 0) return;
    this.documentTerms.push(id);
    this.documentWeights[id] = weight;
  }

  /** Adds to a term's weight in the document being added (a Map per document was most of the build's garbage). */
  weigh(term: string, weight: number): void {
    const id = this.termId(term);
    if (this.documentWeights[id] === 0) this.documentTerms.push(id);
    this.documentWeights[id]! += weight;
  }

  /** The weighed terms' postings for this document; the next document starts from none. */
  endDocument(doc: number): void {
    for (const id of this.documentTerms) {
      this.push(id, doc, Math.min(255, this.documentWeights[id]!));
      this.documentWeights[id] = 0;
    }
    this.documentTerms.length = 0;
  }

  /** A posting as it is (a kept one, on update). A term's postings must come in document order: they are kept in the order added. */
  push(id: number, doc: number, weight: number): void {
    if (this.count === this.addedTerms.length) {
      this.addedTerms = doubled(this.addedTerms, new Uint32Array(this.count * 2));
      this.addedDocs = doubled(this.addedDocs, new Uint32Array(this.count * 2));
      this.addedWeights = doubled(this.addedWeights, new Uint8Array(this.count * 2));
    }
    this.addedTerms[this.count] = id;
    this.addedDocs[this.count] = doc;
    this.addedWeights[this.count] = weight;
    this.count++;
  }

  /** Terms sorted, each term's postings a run in the order added (a counting sort by term). */
  encode(): Pick<SearchSnapshot, 'terms' | 'termStarts' | 'postingDocs' | 'postingWeights'> {
    const byTerm = Uint32Array.from(this.terms.keys()).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    const rankOf = new Uint32Array(this.terms.length);
    byTerm.forEach((id, rank) => {
      rankOf[id] = rank;
    });
    const termStarts = new Uint32Array(this.terms.length + 1);
    for (let at = 0; at < this.count; at++) termStarts[rankOf[this.addedTerms[at]!]! + 1]!++;
    for (let rank = 0; rank < this.terms.length; rank++) termStarts[rank + 1]! += termStarts[rank]!;
    const next = termStarts.slice(0, this.terms.length);
    const postingDocs = new Uint32Array(this.count);
    const postingWeights = new Uint8Array(this.count);
    for (let at = 0; at < this.count; at++) {
      const to = next[rankOf[this.addedTerms[at]!]!]!++;
      postingDocs[to] = this.addedDocs[at]!;
      postingWeights[to] = this.addedWeights[at]!;
    }
    return { terms: Array.from(byTerm, (id) => this.terms[id]!), termStarts, postingDocs, postingWeights };
  }
}

/** What the index reads of a document: its words (its id and row are only kept). */
export type DocumentText = Pick<SearchDocument, 'title' | 'text' | 'authors' | 'names'>;

/**
 * Indexes a document's text as document `doc`, returning its length (BM25's). One reader of
 * acronyms serves a whole build (`acronymReader`).
 */
function indexText(postings: PostingsBuilder, acronymTerms: ReturnType<typeof acronymReader>, document: DocumentText, doc: number): number {
  const title = readText(document.title);
  const text = readText(document.text);
  const titleTokens = title.tokens;
  const textTokens = text.tokens;
  for (const token of titleTokens) postings.weigh(token, TITLE_TERM);
  for (const token of textTokens) postings.weigh(token, TEXT_TERM);
  const authors = withGermanSpellings(document.authors);
  for (const token of tokenize(authors)) postings.weigh(token, TEXT_TERM);
  // Other spellings of its words: found by, not counted in the length (the words are counted once);
  // in the title a little below the spelling it has, which ranks first for a reader who types it.
  for (const term of compoundTerms(document.title)) postings.weigh(term, TITLE_VARIANT);
  for (const term of compoundTerms(document.text)) postings.weigh(term, TEXT_TERM);
  for (const term of compoundTerms(authors)) postings.weigh(term, TEXT_TERM);
  // An acronym's long form and a long form's acronym, in the field they were found in (not
  // counted in the length, as other spellings), once per field and not where written as such.
  for (const { term, isAcronym } of acronymTerms(title.words)) {
    if (!titleTokens.includes(term)) postings.weigh(term, isAcronym ? TITLE_ACRONYM : TITLE_LONG_FORM);
  }
  for (const { term, isAcronym } of acronymTerms(text.words)) {
    if (!textTokens.includes(term)) postings.weigh(term, isAcronym ? TEXT_ACRONYM : TEXT_LONG_FORM);
  }
  if (document.names !== '') {
    const nameTokens = tokenize(document.names);
    for (const token of nameTokens) postings.weighIfAbsent(token, ABSTRACT_NAME);
    for (const term of compoundTerms(document.names)) postings.weighIfAbsent(term, ABSTRACT_NAME);
    // An acronym among them finds the paper by its long form too ("MoE": "mixture of experts"), after
    // the names themselves, which weigh more ("ViT Transformer-XL": transformer is a name).
    for (const token of nameTokens) for (const term of longFormTermsOf(token)) postings.weighIfAbsent(term, ABSTRACT_LONG_FORM);
  }
  postings.endDocument(doc);
  return Math.min(65_535, titleTokens.length * TITLE_WEIGHT + textTokens.length);
}

/** The documents of a snapshot being built, in document order. */
interface DocumentLists {
  ids: string[];
  rows: string[];
  lengths: number[];
}

/**
 * Indexes documents one at a time as they come (a caller may make each on demand, so a large
 * store's documents never all live at once).
 */
function addDocuments(postings: PostingsBuilder, into: DocumentLists, documents: Iterable<SearchDocument>): void {
  const acronymTerms = acronymReader();
  for (const document of documents) {
    const doc = into.ids.length;
    into.ids.push(document.id);
    into.rows.push(rowOf(document));
    into.lengths.push(indexText(postings, acronymTerms, document, doc));
  }
}

function encode({ ids, rows, lengths }: DocumentLists, postings: PostingsBuilder): SearchSnapshot {
  return { format: SNAPSHOT_FORMAT, ids, rows, docLengths: Uint16Array.from(lengths), ...postings.encode() };
}

/** A snapshot of these documents (an iterable may make each as it is asked for). */
export function buildSearchSnapshot(documents: Iterable<SearchDocument>): SearchSnapshot {
  const postings = new PostingsBuilder();
  const lists: DocumentLists = { ids: [], rows: [], lengths: [] };
  addDocuments(postings, lists, documents);
  return encode(lists, postings);
}

/** A first build given its documents' text in parts, as they come (a job sent in parts); its ids and rows come packed at the end. */
export interface PackedSnapshotBuilder {
  add(texts: Iterable<DocumentText>): void;
  /**
   * The snapshot, its ids and rows packed as a snapshot packs them (one per line, none holding a
   * line break: a job's, `packDocuments`), stored as they are: splitting and joining 100,000 rows
   * again took a third of a second.
   */
  finish(packed: { ids: string; rows: string }): PackedSearchSnapshot;
}

export function packedSnapshotBuilder(): PackedSnapshotBuilder {
  const postings = new PostingsBuilder();
  const acronymTerms = acronymReader();
  const lengths: number[] = [];
  return {
    add: (texts) => {
      for (const document of texts) lengths.push(indexText(postings, acronymTerms, document, lengths.length));
    },
    finish: (packed) => {
      const { terms, ...arrays } = postings.encode();
      return { format: SNAPSHOT_FORMAT, ids: packed.ids, rows: packed.rows, docLengths: Uint16Array.from(lengths), ...arrays, terms: terms.join(SEPARATOR) };
    },
  };
}

/**
 * The snapshot with `documents` added, replacing those with the ids in `replacing` (every id of
 * `documents` the snapshot may hold), without the text of the documents already indexed: a feed
 * merge or bulk load into a large store costs what it adds.
 */
export function updateSearchSnapshot(snapshot: SearchSnapshot, documents: Iterable<SearchDocument>, replacing: ReadonlySet<string>): SearchSnapshot {
  const newIndexOf = new Int32Array(snapshot.ids.length).fill(-1);
  const lists: DocumentLists = { ids: [], rows: [], lengths: [] };
  snapshot.ids.forEach((id, doc) => {
    if (replacing.has(id)) return;
    newIndexOf[doc] = lists.ids.length;
    lists.ids.push(id);
    lists.rows.push(snapshot.rows[doc]!);
    lists.lengths.push(snapshot.docLengths[doc]!);
  });
  const postings = new PostingsBuilder();
  snapshot.terms.forEach((term, termIndex) => {
    // Given an id at its first kept posting: a term all of whose papers were replaced is not kept.
    let id: number | undefined;
    for (let at = snapshot.termStarts[termIndex]!; at < snapshot.termStarts[termIndex + 1]!; at++) {
      const index = newIndexOf[snapshot.postingDocs[at]!]!;
      if (index >= 0) postings.push((id ??= postings.termId(term)), index, snapshot.postingWeights[at]!);
    }
  });
  addDocuments(postings, lists, documents);
  return encode(lists, postings);
}

// Neither ids nor tokens can hold it; rows are kept free of it (rowOf).
const SEPARATOR = '\n';

function rowOf(document: SearchDocument): string {
  return document.row.replaceAll(SEPARATOR, ' ');
}

const split = (packed: string, count: number) => (count === 0 ? [] : packed.split(SEPARATOR));

/**
 * One long string clones into IndexedDB far faster than 100,000 short ones (a 100,000-paper
 * index spent seconds serialising its id and term lists).
 */
export function packSnapshot({ ids, rows, terms, ...arrays }: SearchSnapshot): PackedSearchSnapshot {
  return { ...arrays, ids: ids.join(SEPARATOR), rows: rows.join(SEPARATOR), terms: terms.join(SEPARATOR) };
}

export function unpackSnapshot({ ids, rows, terms, ...arrays }: PackedSearchSnapshot): SearchSnapshot {
  const termCount = arrays.termStarts.length - 1;
  const docCount = arrays.docLengths.length;
  return { ...arrays, ids: split(ids, docCount), rows: split(rows, docCount), terms: split(terms, termCount) };
}

/** Whether `b` is `a` with one letter changed, added or dropped, or two neighbours swapped. */
function oneTypoApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  if (a.length > b.length) return a.slice(same + 1) === b.slice(same);
  if (a.length < b.length) return a.slice(same) === b.slice(same + 1);
  return a.slice(same + 1) === b.slice(same + 1) || swappedAt(a, b, same);
}

/** Whether `b` is `a` with the letters at `at` and the next swapped, the rest the same after them. */
function swappedAt(a: string, b: string, at: number): boolean {
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** Whether `b` is `a` with two neighbouring letters swapped. */
function neighboursSwapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let same = 0;
  while (a[same] === b[same]) same++;
  return swappedAt(a, b, same);
}

const STOPWORD_LIST = [...STOPWORDS];

/** Whether a word being typed may yet become a stopword ("o", "usi"), which the index leaves out. */
function beginsStopword(word: string): boolean {
  return STOPWORD_LIST.some((stopword) => stopword.startsWith(word));
}

/** A misspelled stopword ("towrads", "usign"): it has no term to match, as the stopword has none. Numbers are no typo of one. */
function oneTypoFromStopword(word: string): boolean {
  return !/\d/.test(word) && STOPWORD_LIST.some((stopword) => oneTypoApart(word, stopword));
}

/** First index in the sorted terms that is ≥ `key`. */
function lowerBound(terms: string[], key: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class SearchIndex {
  /** BM25's length normalisation per document, computed once: K1 · (1 − B + B · length / average), in WEIGHT_UNITs. */
  private readonly lengthNorms: Float32Array;
  // Per-query scratch, reused (and left zeroed) so a keystroke allocates nothing per document.
  private readonly scores: Float32Array;
  /** A word's best score in each document so far, for words that stand for several terms. */
  private readonly best: Float32Array;
  /** How many query words each document has matched so far. */
  private readonly matched: Uint8Array;
  /** Documents the current query has scored, in first-hit order. */
  private readonly touched: Uint32Array;
  /** With `someWords`: which query words (bits, in scoring order) each document has; made at the first such query. */
  private wordMasks: Uint32Array | null = null;

  constructor(private readonly snapshot: SearchSnapshot) {
    let sum = 0;
    for (const length of snapshot.docLengths) sum += length;
    const average = snapshot.ids.length > 0 ? sum / snapshot.ids.length : 1;
    this.lengthNorms = new Float32Array(snapshot.ids.length);
    snapshot.docLengths.forEach((length, doc) => {
      // In weight units, as the posting weights it is added to.
      this.lengthNorms[doc] = WEIGHT_UNIT * K1 * (1 - B + (B * length) / average);
    });
    this.scores = new Float32Array(snapshot.ids.length);
    this.best = new Float32Array(snapshot.ids.length);
    this.matched = new Uint8Array(snapshot.ids.length);
    this.touched = new Uint32Array(snapshot.ids.length);
  }

  get size(): number {
    return this.snapshot.ids.length;
  }

  private docOfId: Map<string, number> | null = null;
  /** The year each document's arXiv id says it was first submitted (2310.01779: 2023), 0 for none; read at the first year searched. */
  private docYears: Uint16Array | null = null;

  private submissionYears(): Uint16Array {
    return (this.docYears ??= Uint16Array.from(this.snapshot.ids, (id) => idYearMonth(id)?.year ?? 0));
  }

  /** Whether a document is of a year searched: its id's year, or the year written in its text ("WMT 2024"). */
  private yearFilter(years: string[]): ((doc: number) => boolean) | null {
    if (years.length === 0) return null;
    const docYears = this.submissionYears();
    const { termStarts, postingDocs } = this.snapshot;
    const writtenIn = years.map((year) => {
      const docs = new Set<number>();
      for (const term of this.termsOf(year, false)) for (let at = termStarts[term]!; at < termStarts[term + 1]!; at++) docs.add(postingDocs[at]!);
      return { year: Number(year), docs };
    });
    return (doc) => writtenIn.every(({ year, docs }) => docYears[doc] === year || docs.has(doc));
  }

  /** The stored row of the document with this id, or null when the index has none. */
  rowOf(id: string): string | null {
    this.docOfId ??= new Map(this.snapshot.ids.map((docId, doc) => [docId, doc]));
    const doc = this.docOfId.get(id);
    return doc === undefined ? null : this.snapshot.rows[doc]!;
  }

  /**
   * Whether a query word is a term of the index (`asPrefix`: begins one), so no typo of one to
   * guess at: lists searched beside the index (saved papers, papers opened) ask it before forgiving typos.
   */
  has(word: string, asPrefix: boolean): boolean {
    const term = this.snapshot.terms[lowerBound(this.snapshot.terms, word)];
    return term !== undefined && (asPrefix ? term.startsWith(word) : term === word);
  }

  /** Term indexes of a query word: itself, or (for the word being typed) every term it begins. */
  private termsOf(word: string, asPrefix: boolean): number[] {
    const { terms } = this.snapshot;
    const start = lowerBound(terms, word);
    if (!asPrefix) return terms[start] === word ? [start] : [];
    const matches: number[] = [];
    for (let index = start; index < terms.length && terms[index]!.startsWith(word); index++) matches.push(index);
    return matches;
  }

  /** Terms that are other forms of a word, by their endings ("following": follow, follows, followed); an acronym's, its plural ("rag" is no "ragged"). */
  private formsOf(word: string): number[] {
    if (isAcronym(word)) return this.termsOf(`${word}s`, false);
    const base = wordBase(word);
    const prefix = formsPrefix(base);
    if (prefix.length < 3) return [];
    const { terms } = this.snapshot;
    const forms: number[] = [];
    for (let index = lowerBound(terms, prefix); index < terms.length && terms[index]!.startsWith(prefix); index++) {
      if (terms[index] !== word && wordBase(terms[index]!) === base) forms.push(index);
    }
    return forms;
  }

  /** At most MAX_ALONE_PREFIX_TERMS of these terms, the most frequent. */
  private mostFrequent(termIndexes: number[]): number[] {
    if (termIndexes.length <= MAX_ALONE_PREFIX_TERMS) return termIndexes;
    const { termStarts } = this.snapshot;
    const frequency = (index: number) => termStarts[index + 1]! - termStarts[index]!;
    return termIndexes.sort((a, b) => frequency(b) - frequency(a)).slice(0, MAX_ALONE_PREFIX_TERMS);
  }

  /**
   * For a word the index lacks, the terms one typo away ("specultive" → "speculative") that keep
   * its first letter (a typo there is not guessed; sorted terms: one range). Numbers are not
   * guessed at (01779 is not a typo of 01778), nor short words (one typo from too many others) but
   * for two swapped neighbours in a four-letter one (a surname: "Chne" → "chen").
   */
  private termsOneTypoFrom(word: string): number[] {
    if (!mayBeTypo(word)) return [];
    const { terms } = this.snapshot;
    const first = word[0]!;
    const apart = word.length < MIN_ONE_TYPO_LENGTH ? neighboursSwapped : oneTypoApart;
    const found: number[] = [];
    for (let index = lowerBound(terms, first); index < terms.length && terms[index]![0] === first; index++) {
      if (apart(word, terms[index]!)) found.push(index);
    }
    return found;
  }

  /**
   * A query of years alone: the papers their ids say were submitted in them, newest id first, then
   * those that only write the years ("WMT 2024"), in index order.
   */
  private ofYearsAlone(years: string[], ofYear: (doc: number) => boolean, limit: number, exclude: string | undefined): SearchHit[] {
    const { ids, rows } = this.snapshot;
    const docYears = this.submissionYears();
    const submitted: number[] = [];
    const written: number[] = [];
    ids.forEach((id, doc) => {
      if (id !== exclude && ofYear(doc)) (years.every((year) => docYears[doc] === Number(year)) ? submitted : written).push(doc);
    });
    submitted.sort((a, b) => (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
    return [...submitted, ...written].slice(0, limit).map((doc) => ({ id: ids[doc]!, score: 0, row: rows[doc]!, missing: [] }));
  }

  /** How many postings these terms have. */
  private postingCount(termIndexes: number[]): number {
    const { termStarts } = this.snapshot;
    let count = 0;
    for (const term of termIndexes) count += termStarts[term + 1]! - termStarts[term]!;
    return count;
  }

  /**
   * The best `limit` documents for a query, best first. Every word must match (the last one, when
   * `prefixLast`, as the start of any term), but for one that may be a stopword, which the index
   * leaves out: being typed ("o", "usi") or misspelled ("towrads", "basde"), it only adds to the
   * scores of documents that match the others; but for a year, which keeps the documents of that
   * year (yearFilter). Ties keep document order.
   * `someWords`: for a query no document matches whole, the documents with any of its words, those
   * with more of them first, each hit saying which words it lacks.
   */
  search(query: string, limit = 20, { prefixLast = true, exclude, someWords = false }: { prefixLast?: boolean; exclude?: string; someWords?: boolean } = {}): SearchHit[] {
    // Matched counts are bytes: more distinct words than that cannot all be counted.
    const queryWords = [...new Set(tokenize(query))].slice(0, 255);
    if (queryWords.length === 0 || this.size === 0) return [];
    // Readers search by author and year ("vaswani 2017"): a year narrows the results the other words find.
    const years = queryWords.filter((word) => YEAR.test(word));
    const ofYear = this.yearFilter(years);
    const words = ofYear ? queryWords.filter((word) => !YEAR.test(word)) : queryWords;
    // After a year the words before it are typed whole ("gpt 4 2023": 4 is a word, not a letter being typed).
    const typing = prefixLast && !(ofYear && YEAR.test(queryWords[queryWords.length - 1]!));
    const { ids, rows, termStarts, postingDocs, postingWeights } = this.snapshot;
    const { scores, best, matched, touched, lengthNorms } = this;
    const n = ids.length;
    if (words.length === 0) return this.ofYearsAlone(years, ofYear!, limit, exclude);
    const required: WordTerms[] = [];
    const optional: WordTerms[] = [];
    const joins = queryJoins(query);
    const queryAcronyms = joins.some((join) => join.kind === 'compound') ? acronymReader()(readText(query).words).flatMap(({ term, isAcronym }) => (isAcronym ? [term] : [])) : [];
    const idfOf = (term: number) => {
      const count = termStarts[term + 1]! - termStarts[term]!;
      return Math.log(1 + (n - count + 0.5) / (count + 0.5));
    };
    // A word also matches the terms that write it joined with its neighbours ("flash attention":
    // "flashattention"), scored as the word's commonest term: another spelling of the same words
    // ranks a little below them, never above (a rare joined form would outscore "neural" and "network" in a title).
    // A word the index lacks scores its share of the joined term ("multi-lingual": half of "multilingual" each).
    // Its other forms ("follows" for "following") score as the joined forms do.
    // Joined with the word being typed, a prefix too: its most frequent terms, as a prefix alone.
    const joinedTerms = (join: QueryJoin) => (join.last && typing ? this.mostFrequent(this.termsOf(join.joined, true)) : this.termsOf(join.joined, false));
    const withJoins = (word: string, terms: number[], forms: number[] = []): WordTerms => {
      // "in-context" stands for its compound alone ("context" would find "long-context" papers too),
      // or for an acronym whose long form the query writes ("icl" for "in-context learning").
      const compound = joins.find((join) => join.kind === 'compound' && join.words.includes(word));
      if (compound) {
        const joined = joinedTerms(compound);
        // Not in the index (nor begun, while typed): a typo, forgiven as in a word ("in-contxt").
        const spelled = joined.length === 0 ? this.termsOneTypoFrom(compound.joined) : joined;
        const found = [...new Set([...spelled, ...queryAcronyms.flatMap((acronym) => this.termsOf(acronym, false))])];
        return { word, terms: found, idfs: found.map(idfOf) };
      }
      // A word standing for several terms (typed, it is a prefix; or a typo's neighbours) scores no
      // term above the word as typed, or, typed in part, above its commonest term; another word it
      // begins scores a little below ("bert": a paper on "BERTgrid", rarer, outranked BERT's own).
      // Its forms ("transformers" for "transformer") score as the word.
      const asTyped = terms.find((term) => this.snapshot.terms[term] === word);
      const rawIdfs = terms.map(idfOf);
      const base = asTyped !== undefined ? idfOf(asTyped) : Math.min(...rawIdfs);
      const typedBase = wordBase(word);
      const idfs =
        terms.length <= 1
          ? rawIdfs
          : terms.map((term, at) => Math.min(rawIdfs[at]!, term === asTyped || wordBase(this.snapshot.terms[term]!) === typedBase ? base : VARIANT_SHARE * base));
      const ownIdf = idfs.length > 0 ? Math.min(...idfs) : null;
      const own = new Set(terms);
      for (const form of forms) {
        if (own.has(form)) continue;
        own.add(form);
        terms.push(form);
        idfs.push(VARIANT_SHARE * (ownIdf ?? idfOf(form)));
      }
      for (const join of joins) {
        if (join.kind !== 'spelling' || !join.words.includes(word)) continue;
        for (const term of joinedTerms(join)) {
          if (own.has(term)) continue;
          own.add(term);
          terms.push(term);
          idfs.push(VARIANT_SHARE * (ownIdf ?? idfOf(term) / join.words.length));
        }
      }
      return { word, terms, idfs };
    };
    // A prefix that other words narrow stands for every term it begins, however rare; alone, for
    // its most frequent terms (reading them all would cost a keystroke more).
    const classify = (word: string, asPrefix: boolean, alone = false) => {
      const own = alone ? this.mostFrequent(this.termsOf(word, asPrefix)) : this.termsOf(word, asPrefix);
      const forms = this.formsOf(word);
      const mayBeStopword = (asPrefix && beginsStopword(word)) || (own.length + forms.length === 0 && oneTypoFromStopword(word));
      // A word the index lacks may be a typo even when it reads as a form of another ("transformes": transformers, and transform).
      (mayBeStopword ? optional : required).push(withJoins(word, own.length > 0 ? own : this.termsOneTypoFrom(word), forms));
    };
    for (const word of words.slice(0, -1)) classify(word, false);
    const last = words[words.length - 1]!;
    // A letter after other words does not narrow their results yet (as the start of any word it
    // would read a whole letter of the vocabulary, the dearest keystroke), but papers that have it
    // as a word ("gpt 4", "vitamin c") come first. Alone, a letter matches as typed. A Chinese or
    // Japanese character is not a letter but a syllable or a word: it begins few terms.
    const letter = last.length === 1 && !CJK.test(last);
    if (typing && letter && required.length > 0) optional.push(withJoins(last, this.termsOf(last, false)));
    // With some words, no other word narrows the prefix's documents: it reads its commonest terms, as alone.
    else classify(last, typing && !letter, required.length === 0 || someWords);
    // "in context learning": the words find long-context papers too; those writing "in-context" come first.
    if (required.length > 0) {
      for (const join of joins) {
        if (join.kind !== 'ranking') continue;
        const terms = joinedTerms(join);
        if (terms.length > 0) optional.push({ word: join.joined, terms, idfs: terms.map(idfOf) });
      }
    }
    // Rarest word first: only its documents can match, so the others just add to their scores.
    // Optional words come last, adding only to documents that matched every required one; with
    // no required word, they are required.
    const wordTerms = [...required.sort((a, b) => this.postingCount(a.terms) - this.postingCount(b.terms)), ...optional];
    const needed = required.length > 0 ? required.length : optional.length;
    // Some words of one, or of more than a mask holds, is the whole query.
    const some = someWords && needed > 1 && needed <= MAX_SOME_WORDS;
    const masks = some ? (this.wordMasks ??= new Uint32Array(n)) : null;
    let touchedCount = 0;

    for (let wordIndex = 0; wordIndex < wordTerms.length; wordIndex++) {
      const { terms, idfs } = wordTerms[wordIndex]!;
      // A word that stands for several terms (a prefix, a typo, a joined form) scores by its best one in a document.
      const several = terms.length > 1;
      // Documents must have matched every required word before this one; with some words, any word
      // counts, and an optional word adds only to documents another word found.
      const before = masks ? Math.min(wordIndex, 1) : Math.min(wordIndex, needed);
      const bit = 1 << wordIndex;
      for (let termIndex = 0; termIndex < terms.length; termIndex++) {
        const term = terms[termIndex]!;
        const from = termStarts[term]!;
        const to = termStarts[term + 1]!;
        const idf = idfs[termIndex]!;
        for (let at = from; at < to; at++) {
          const doc = postingDocs[at]!;
          const wordsMatched = matched[doc]!;
          if (masks && wordIndex < needed) {
            if ((masks[doc]! & bit) === 0) {
              if (wordsMatched === 0) touched[touchedCount++] = doc;
              masks[doc]! |= bit;
              matched[doc] = wordsMatched + 1;
            }
          } else if (wordsMatched < before) continue;
          else if (wordIndex === 0 && wordsMatched === 0) touched[touchedCount++] = doc;
          const tf = postingWeights[at]!;
          const score = (idf * tf * (K1 + 1)) / (tf + lengthNorms[doc]!);
          if (!several) scores[doc]! += score;
          else if (score > best[doc]!) best[doc] = score;
          // Count each required word once per document, however many of its terms it has.
          if (!masks && wordsMatched === wordIndex && wordIndex < needed) matched[doc] = wordIndex + 1;
        }
      }
      if (several) {
        for (let i = 0; i < touchedCount; i++) {
          const doc = touched[i]!;
          scores[doc]! += best[doc]!;
          best[doc] = 0;
        }
      }
    }

    // Keep only the best `limit` in a small min-heap: sorting every match (up to the whole store
    // for a common word) would cost more than the scoring. With some words, more words come first.
    const heap: { doc: number; words: number; score: number }[] = [];
    const worse = (a: (typeof heap)[number], b: (typeof heap)[number]) => a.words < b.words || (a.words === b.words && a.score < b.score);
    const siftDown = (from: number) => {
      let at = from;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === at) return;
        [heap[at], heap[smallest]] = [heap[smallest]!, heap[at]!];
        at = smallest;
      }
    };
    // With some words, a hyphenated compound typed ("self-supervised") counts as one word, had only
    // whole; the words lacked are said in the query's order (they are scored rarest first).
    const units = masks ? wordUnits(query, wordTerms.slice(0, needed).map(({ word }) => word), words) : [];
    const missingOf = (doc: number): string[] => (masks ? units.filter(({ bits }) => (masks[doc]! & bits) !== bits).map(({ written }) => written) : []);
    const unitsHad = (mask: number): number => {
      let had = 0;
      for (const { bits } of units) if ((mask & bits) === bits) had++;
      return had;
    };
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const hit = { doc, words: masks ? unitsHad(masks[doc]!) : matched[doc]!, score: scores[doc]! };
      scores[doc] = 0;
      matched[doc] = 0;
      if ((!masks && hit.words !== needed) || ids[doc] === exclude || (ofYear && !ofYear(doc))) continue;
      if (heap.length < limit) {
        heap.push(hit);
        for (let at = heap.length - 1; at > 0 && worse(heap[at]!, heap[(at - 1) >> 1]!); at = (at - 1) >> 1) {
          [heap[at], heap[(at - 1) >> 1]] = [heap[(at - 1) >> 1]!, heap[at]!];
        }
      } else if (limit > 0 && worse(heap[0]!, hit)) {
        heap[0] = hit;
        siftDown(0);
      }
    }
    const hits = heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map(({ doc, score }) => ({ id: ids[doc]!, score, row: rows[doc]!, missing: missingOf(doc) }));
    if (masks) for (let i = 0; i < touchedCount; i++) masks[touched[i]!] = 0;
    return hits;
  }
}
