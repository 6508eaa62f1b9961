import { tagKey, type ReadingStatus, type SavedItem } from '../../schema';
import type { SearchedPaperText } from '../../db/reading-list';
import { compoundTerms, foldForSearch, HYPHEN, withGermanSpellings } from '../../search/tokenize';
import { acronymSpellings, isAcronym } from '../../search/acronyms';
import { arxivIdFromSearch, idYearMonth } from '../../papers/ids';
import { hasTypo, typoSearch, type TypoSearch, type Vocabulary } from '../../search/typo-search';
import { journalRefYear } from '../../export/text';
import { equalLists } from '../../equal-lists';
import { formsKey, formsPrefix, formsText, wordBase } from '../../search/word-forms';

/** `oldest`: by date added, oldest first (a backlog read in the order it was saved). */
export type SortKey = 'added' | 'oldest' | 'updated' | 'title';
export type StatusFilter = ReadingStatus | 'all';

/** What the reading-list page shows: a status, a tag, search text and an order. */
export interface ListQuery {
  status: StatusFilter;
  /** A tag (compared ignoring case), or null for every tag. */
  tag: string | null;
  text: string;
  sort: SortKey;
}

export const EMPTY_QUERY: ListQuery = { status: 'all', tag: null, text: '', sort: 'added' };

// Quotes and brackets around a word, and punctuation after it, are not part of it: a quoted
// phrase or a pasted "Vaswani," must match the words themselves.
const WORD_EDGES = /^["'“”‘’«»`([{]+|["'“”‘’«»`)\]},;:.!?]+$/g;

// An en or em dash inside a compound, as a title pasted from a PDF or LaTeX's "--" writes it
// ("Kolmogorov–Arnold", "long–context"): read as its hyphen, in the search and in the text alike.
// (The dash is matched first: a look behind tried at every character took a note of 4 KB 0.2 ms.)
const DASH_IN_WORD = /[\u2013\u2014](?<=[\p{L}\p{M}\p{N}].)(?=[\p{L}\p{M}\p{N}])/gu;
const hyphenated = (text: string) => text.replace(DASH_IN_WORD, '-');
// A sign joining words ("retrieval & scaling", "vision + language"): no word to look for. (An emoji
// or a symbol alone, "⭐", may be a tag.)
const CONNECTOR = /^[&+/|·–—-]+$/;

/** A search's words, folded, as typed (quotes and brackets around them left out). */
const typedTerms = (text: string) => foldForSearch(hyphenated(text)).split(/\s+/).map((term) => term.replace(WORD_EDGES, ''));

/** The words of a search, folded; an item matches when it holds every one. */
export function searchTerms(text: string): string[] {
  const terms = typedTerms(text)
    .map(joinedCompound)
    .filter((term) => term !== '');
  const words = terms.filter((term) => !CONNECTOR.test(term));
  // A search of signs alone ("&") looks for them: dropped, it listed every paper as if empty.
  return words.length > 0 ? words : terms;
}

/**
 * An acronym's plural finds the acronym as a whole word ("llms": "llm", "lms": "lm"), in a text
 * writing it or its long form (searchText adds the acronym of "large language models"): too short
 * for word forms (formsKey), it found only the plural as typed. (Not as a part of a word: "lm" is
 * in "film".) The key is looked for in the item's word forms, which list such acronyms (acronymWords).
 */
function pluralAcronymKey(term: string): string | null {
  return term.endsWith('s') && !isAcronym(term) && isAcronym(term.slice(0, -1)) ? ` ${term.slice(0, -1)} ` : null;
}

/** The acronyms of the table a folded text writes as words shorter than word forms' (" llm lm "). */
function acronymWords(foldedText: string): string {
  const acronyms = new Set(foldedText.split(/[^a-z0-9]+/).filter((word) => word.length < 4 && isAcronym(word)));
  return acronyms.size === 0 ? '' : `${[...acronyms].join(' ')} `;
}

/**
 * A term that is a hyphenated compound, joined as the store's index joins it ("fine-tuning" →
 * "finetuning", "gpt-4" → "gpt4"; not "2023-2024"): searchText holds that joined spelling of each
 * compound, so it finds either spelling. A term holding more than a compound ("hep-th/9901001") is
 * looked for as typed.
 */
function joinedCompound(term: string): string {
  const [joined, ...more] = compoundTerms(term);
  return joined !== undefined && more.length === 0 && joined === term.replace(HYPHEN, '') ? joined : term;
}

/**
 * The compounds of a search (searchTerms' joined terms) written as words apart ("kvcache": "kv
 * cache"): a text writing them so holds them too (QA: "kv-cache" did not find "KV cache", which the
 * popup finds).
 */
function compoundsApart(text: string): Map<string, string> {
  const apart = new Map<string, string>();
  for (const typed of typedTerms(text)) {
    const joined = joinedCompound(typed);
    if (joined !== typed) apart.set(joined, typed.replace(HYPHEN, ' '));
  }
  return apart;
}

/**
 * Text as searchTerms' terms are looked for in it: folded, German spellings added, a common ML
 * acronym's long form and the other way round ("moe" finds "Mixture-of-Experts", as in the store),
 * and its compounds joined too.
 */
export function searchText(raw: string): string {
  // Line by line: one name past ASCII (Schölkopf) sent a whole note of 4 KB down the Unicode paths,
  // several times slower; its other lines stay on the ASCII ones. (An acronym's long form broken
  // over two lines is not read as one.)
  return raw.includes('\n') ? raw.split('\n').map(lineSearchText).join('\n') : lineSearchText(raw);
}

function lineSearchText(raw: string): string {
  const spellings = acronymSpellings(raw);
  const written = hyphenated(spellings.length === 0 ? raw : `${raw}\n${spellings.join('\n')}`);
  const text = foldForSearch(withGermanSpellings(written));
  const joined = compoundTerms(written);
  return joined.length === 0 ? text : `${text}\n${joined.join('\n')}`;
}

/**
 * A text derived from each item's fields, kept per item object and, as the list is read again after
 * every edit (new objects, most of them as they were), per paper while the fields it is made from are
 * the same: an edit rebuilt every paper's search text, seconds for 2,000 papers with long notes.
 */
class ItemTexts {
  private readonly byObject = new WeakMap<SavedItem, string>();
  private readonly byPaper = new Map<string, { source: string; text: string }>();

  constructor(
    private readonly source: (item: SavedItem) => string,
    private readonly derive: (source: string) => string,
  ) {}

  get(item: SavedItem): string {
    let text = this.byObject.get(item);
    if (text === undefined) {
      const source = this.source(item);
      const kept = this.byPaper.get(item.id);
      text = kept !== undefined && kept.source === source ? kept.text : this.derive(source);
      this.byPaper.set(item.id, { source, text });
      this.byObject.set(item, text);
    }
    return text;
  }

  /** Forgets the papers no longer listed. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.byPaper.keys()) if (!ids.has(id)) this.byPaper.delete(id);
  }
}

// An item's text as written. Tags too: a reader searching "to-cite" means the papers they tagged so.
const writtenText = (item: SavedItem): string => `${item.title}\n${item.tldr}\n${item.notes}\n${item.authors.join('\n')}\n${item.tags.join('\n')}`;
// Searchable text per item.
const haystacks = new ItemTexts(writtenText, searchText);
const haystack = (item: SavedItem): string => haystacks.get(item);

// A capital inside a word, where a short acronym of a name may start ("MLLMs", "MobileViT", "DeepSeekMoE").
const CAPITAL_IN_WORD = /(?<=\p{L})\p{Lu}/gu;

/**
 * The short acronyms of the table a text writes inside names from a capital ("llm" of "MLLMs", "vit"
 * of "MobileViT", "qa" of "TextVQA"), space-separated; not in lower case ("hallmarks", "average").
 */
function acronymsInNames(written: string): string {
  const found = new Set<string>();
  for (const { index } of written.matchAll(CAPITAL_IN_WORD)) {
    for (const length of [2, 3]) {
      const part = written.slice(index, index + length).toLowerCase();
      if (/^[a-z]+$/.test(part) && part.length === length && isAcronym(part)) found.add(part);
    }
  }
  return found.size === 0 ? '' : ` ${[...found].join(' ')} `;
}
const namedAcronyms = new ItemTexts(writtenText, acronymsInNames);

/**
 * The year a paper was published, else the year its id says it was first submitted (2310.01779 →
 * 2023): readers search by author and year ("Vaswani 2017"). A paper whose journal reference names
 * another year (BERT: arXiv 2018, NAACL 2019) is found by both.
 */
function yearsOf(item: SavedItem): string[] {
  const submitted = item.published !== null ? item.published.slice(0, 4) : idYearMonth(item.id)?.year;
  const venue = journalRefYear(item.journalRef);
  return [submitted, venue].flatMap((year) => (year === undefined || year === null ? [] : [String(year)]));
}

// Every word's reading per item (formsText), kept as its search text is.
const formsTexts = new ItemTexts(haystack, (folded) => formsText(folded) + acronymWords(folded));
const itemForms = (item: SavedItem): string => formsTexts.get(item);

/**
 * What the store holds of saved papers beyond their own fields, by id: the abstract, the topics and
 * the names the abstract uses (savedPapersText, src/db/reading-list.ts). A search finds a paper by
 * them after the papers its own fields match: a reader looks for "GSM8K" or a method among the papers they saved.
 */
export type StoreTexts = ReadonlyMap<string, SearchedPaperText>;

/** A store text's search text, word forms and acronyms in names, kept per paper while its text is the same. */
interface StoreHaystack {
  source: SearchedPaperText;
  text: string;
  forms?: string;
  acronyms?: string;
}
const storeHaystacks = new Map<string, StoreHaystack>();

/** A store text as written: its abstract, then its topics and names, a line each. */
const writtenStoreText = (source: SearchedPaperText): string => [source.abstract, ...source.terms].join('\n');

function storeHaystack(id: string, source: SearchedPaperText): StoreHaystack {
  const kept = storeHaystacks.get(id);
  if (kept !== undefined && kept.source === source) return kept;
  const made: StoreHaystack = { source, text: searchText(writtenStoreText(source)) };
  storeHaystacks.set(id, made);
  return made;
}

const storeForms = (made: StoreHaystack): string => (made.forms ??= formsText(made.text) + acronymWords(made.text));
const storeAcronyms = (made: StoreHaystack): string => (made.acronyms ??= acronymsInNames(writtenStoreText(made.source)));

/** Texts of many papers joined in one string, where a word is looked for once for all of them. */
class JoinedTexts {
  private readonly text: string;
  private readonly starts: number[] = [];

  constructor(
    private readonly ids: readonly string[],
    texts: readonly string[],
  ) {
    let at = 0;
    for (const text of texts) {
      this.starts.push(at);
      at += text.length + 1;
    }
    // A NUL between texts: no search term holds one, so none is found across two papers.
    this.text = texts.join('\0');
  }

  /** Adds to `into` the ids of the texts holding `needle` (where a word starts, with `atWordStart`). */
  addHolders(needle: string, atWordStart: boolean, into: Set<string>): void {
    const { text, starts } = this;
    for (let at = text.indexOf(needle); at !== -1; ) {
      if (atWordStart && at > 0 && wordCharacterAt(text, at - 1)) {
        at = text.indexOf(needle, at + 1);
        continue;
      }
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= at) low = middle;
        else high = middle - 1;
      }
      into.add(this.ids[low]!);
      // One hit per paper: on from the next paper's text.
      at = low + 1 < starts.length ? text.indexOf(needle, starts[low + 1]) : -1;
    }
  }
}

/**
 * The store texts of a list's saved papers, searched a term at a time for all papers at once, each
 * term's papers kept while the same texts are searched: a keystroke reads each abstract at most once
 * per new term, not once per paper and term as the papers' own fields are read.
 */
class StoreSearch {
  private readonly texts: JoinedTexts;
  private readonly forms: JoinedTexts;
  private readonly acronyms: JoinedTexts;
  private readonly ids: readonly string[];
  private readonly textOf = new Map<string, string>();
  private readonly holders = new Map<string, ReadonlySet<string>>();
  // The papers holding a term as typed, by term (and whether at a word's start).
  private readonly typed = new Map<string, ReadonlySet<string>>();
  private typos?: TypoSearch<string>;

  constructor(private readonly storeTexts: StoreTexts) {
    const ids = (this.ids = [...storeTexts.keys()]);
    const made = ids.map((id) => storeHaystack(id, storeTexts.get(id)!));
    for (const [at, paper] of made.entries()) this.textOf.set(ids[at]!, paper.text);
    this.texts = new JoinedTexts(ids, made.map((paper) => paper.text));
    this.forms = new JoinedTexts(ids, made.map(storeForms));
    this.acronyms = new JoinedTexts(ids, made.map(storeAcronyms));
  }

  /** The papers whose topics or abstract's names (GSM8K, HumanEval) the query finds despite a typo, best first, as the popup finds them. */
  typoMatches(query: string, limit: number): string[] {
    return this.typoIndex().matches(query, limit);
  }

  /** The papers' topics and abstract's names indexed for typoMatches (made once, when first asked). */
  typoIndex(): TypoSearch<string> {
    return (this.typos ??= typoSearch(this.ids, (id) => ({ title: '', authors: [], other: this.storeTexts.get(id)!.terms })));
  }

  /** Whether any paper's store text holds `word` (folded as searchTerms folds it). */
  has(word: string): boolean {
    return this.holding(word, false, undefined, null).size > 0;
  }

  /** The ids of the papers whose store text holds `term` as filterItems looks for it in a saved paper's own fields. */
  holding(term: string, atWordStart: boolean, wordsApart: string | undefined, form: string | null): ReadonlySet<string> {
    const key = `${term}\0${atWordStart}\0${wordsApart ?? ''}\0${form ?? ''}`;
    let found = this.holders.get(key);
    if (found !== undefined) return found;
    const into = new Set(this.holdingAsTyped(term, atWordStart));
    if (atWordStart) this.acronyms.addHolders(` ${term} `, false, into);
    if (wordsApart !== undefined) this.texts.addHolders(wordsApart, true, into);
    if (form !== null) this.forms.addHolders(form, false, into);
    found = into;
    // A keystroke's terms: those typed before it are asked again by every keystroke after them.
    if (this.holders.size >= 64) this.holders.clear();
    this.holders.set(key, found);
    return found;
  }

  /**
   * The papers holding `term` as typed: among those holding the term one letter shorter when that
   * was asked (the keystroke before), else all.
   */
  private holdingAsTyped(term: string, atWordStart: boolean): ReadonlySet<string> {
    const key = `${atWordStart}\0${term}`;
    let found = this.typed.get(key);
    if (found !== undefined) return found;
    const shorter = this.typed.get(`${atWordStart}\0${term.slice(0, -1)}`);
    if (shorter !== undefined) {
      const narrowed = new Set<string>();
      for (const id of shorter) {
        const text = this.textOf.get(id)!;
        if (atWordStart ? wordFit(text, term) > 0 : text.includes(term)) narrowed.add(id);
      }
      found = narrowed;
    } else {
      const all = new Set<string>();
      this.texts.addHolders(term, atWordStart, all);
      found = all;
    }
    if (this.typed.size >= 64) this.typed.clear();
    this.typed.set(key, found);
    return found;
  }
}

const storeSearches = new WeakMap<StoreTexts, StoreSearch>();
function storeSearch(storeTexts: StoreTexts): StoreSearch {
  let search = storeSearches.get(storeTexts);
  if (search === undefined) storeSearches.set(storeTexts, (search = new StoreSearch(storeTexts)));
  return search;
}

/**
 * Makes, while the page is idle, what searching `storeTexts` takes (each paper's search text, word
 * forms and acronyms, a few papers at a time, then their joined texts), then `done`: made at the
 * keystroke after the texts came, thousands of abstracts held the page. Returns what stops it.
 */
export function prepareStoreSearchWhenIdle(storeTexts: StoreTexts, done: () => void): () => void {
  const ids = [...storeTexts.keys()];
  let next = 0;
  const build = (deadline: IdleDeadline): void => {
    for (; next < ids.length && deadline.timeRemaining() > 0; next++) {
      const made = storeHaystack(ids[next]!, storeTexts.get(ids[next]!)!);
      storeForms(made);
      storeAcronyms(made);
    }
    if (next < ids.length) {
      idle = requestIdleCallback(build);
      return;
    }
    for (const id of storeHaystacks.keys()) if (!storeTexts.has(id)) storeHaystacks.delete(id);
    storeSearch(storeTexts).typoIndex();
    done();
  };
  let idle = requestIdleCallback(build);
  return () => cancelIdleCallback(idle);
}

/** Whether any item's searchable text (notes included) holds `word`, folded as searchTerms folds it. */
function anyItemHolds(items: readonly SavedItem[], word: string): boolean {
  return items.some((item) => haystack(item).includes(word));
}

// Title and authors per item, folded as its search text is: where a word found says most about a paper.
const namesTexts = new ItemTexts((item) => `${item.title}\n${item.authors.join('\n')}`, searchText);

/** An item's title and authors, as searchText folds them. */
export function savedNames(item: SavedItem): string {
  return namesTexts.get(item);
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * How a term's other forms are found in a folded text kept without its word forms (the popup's
 * opened papers, thousands, searched as typed): an acronym's plural as its acronym, a whole word
 * ("lms": "lm"); else a word that begins where the term's forms begin and reads as the term does
 * ("models": "model"). Null for a term without forms. Made once per term: a keystroke reads every text.
 */
export function formsMatcher(term: string): ((text: string) => boolean) | null {
  const plural = pluralAcronymKey(term);
  if (plural !== null) return (text) => wordFit(text, plural.trim()) === 2;
  if (formsKey(term) === null) return null;
  const base = wordBase(term);
  const prefix = formsPrefix(base);
  return (text) => {
    for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
      if (at > 0 && wordCharacterAt(text, at - 1)) continue;
      let end = at + prefix.length;
      while (end < text.length && text.charCodeAt(end) >= 97 && text.charCodeAt(end) <= 122) end++;
      if (wordBase(text.slice(at, end)) === base) return true;
    }
    return false;
  };
}

/** Whether `text` has a letter, mark or digit at `at` (ASCII ones told without a pattern: this runs for every match on every keystroke). */
function wordCharacterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHARACTER.test(text[at]!);
}

/** How `term` stands in `text`: 2 as a whole word, 1 beginning a word, 0 only inside words or not at all. */
export function wordFit(text: string, term: string): number {
  let fit = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (at > 0 && wordCharacterAt(text, at - 1)) continue;
    if (at + term.length >= text.length || !wordCharacterAt(text, at + term.length)) return 2;
    fit = 1;
  }
  return fit;
}

/**
 * `matches` (in their order) with those whose `names` (title and authors) hold searchTerms' `terms`
 * as whole words first, then as words' beginnings: "He" lists Kaiming He's paper before those that
 * only hold "the" or "Chen". Ties keep their order.
 */
export function byWordFit<T>(matches: readonly T[], terms: readonly string[], names: (match: T) => string): T[] {
  if (matches.length < 2 || terms.length === 0) return [...matches];
  // Grouped by fit, best first: fits are few (0 to 2 per term), and a sort took longer than finding the matches.
  const groups: T[][] = Array.from({ length: 2 * terms.length + 1 }, () => []);
  for (const match of matches) {
    const text = names(match);
    let fit = 0;
    for (const term of terms) fit += wordFit(text, term);
    groups[groups.length - 1 - fit]!.push(match);
  }
  return groups.flat();
}

/**
 * Builds the search text of the whole list's `items` ahead of the first keystroke, from `from` on while
 * `more()` says there is time (call when idle); answers where it stopped. Once all are built, papers no
 * longer listed are forgotten.
 */
export function prepareSearch(items: readonly SavedItem[], from = 0, more: () => boolean = () => true): number {
  let at = from;
  for (; at < items.length && more(); at++) {
    const item = items[at]!;
    haystack(item);
    savedNames(item);
    itemForms(item);
  }
  if (at === items.length) {
    const ids = new Set(items.map((item) => item.id));
    for (const texts of [haystacks, formsTexts, namesTexts, namedAcronyms]) texts.keepOnly(ids);
  }
  return at;
}

/**
 * prepareSearch of `items` while the page is idle, a few papers at a time (thousands of long notes
 * held a page for seconds built at once), then `done`. Returns what stops it.
 */
export function prepareSearchWhenIdle(items: readonly SavedItem[], done: () => void): () => void {
  let next = 0;
  const build = (deadline: IdleDeadline): void => {
    next = prepareSearch(items, next, () => deadline.timeRemaining() > 0);
    if (next < items.length) idle = requestIdleCallback(build);
    else done();
  };
  let idle = requestIdleCallback(build);
  return () => cancelIdleCallback(idle);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Quotes, brackets and dots a title opens with ("“Quoted” title", "(Re)thinking …", "…and more")
// are not where it sorts: its first letter or digit is.
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;
const titleSortKeys = new WeakMap<SavedItem, string>();
function titleSortKey(item: SavedItem): string {
  let key = titleSortKeys.get(item);
  if (key === undefined) titleSortKeys.set(item, (key = item.title.replace(LEADING_MARKS, '')));
  return key;
}

// Ties go as the store's index reads them (by id, reversed with the time), so the first screen
// read from the index (app.tsx) and the popup's Saved list keep their rows when the whole list is in.
function compare(sort: SortKey): (a: SavedItem, b: SavedItem) => number {
  switch (sort) {
    case 'added':
      return (a, b) => b.addedAt - a.addedAt || (a.id < b.id ? 1 : -1);
    case 'oldest':
      return (a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1);
    case 'updated':
      return (a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1);
    case 'title':
      return (a, b) => collator.compare(titleSortKey(a), titleSortKey(b)) || (a.id < b.id ? -1 : 1);
  }
}

/** The items in `sort` order (a new array; the input is left as it is). */
export function sortItems(items: readonly SavedItem[], sort: SortKey): SavedItem[] {
  return [...items].sort(compare(sort));
}

/**
 * The paper a search names by its id or address (arxivIdFromSearch: in a copied reference too), also
 * as each row shows it ("arXiv 2310.01779", which is no reference otherwise); null for words.
 */
export function searchedArxivId(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : arxivIdFromSearch(trimmed.replace(/^arxiv\s+/i, ''));
}

const YEAR = /^\d{4}$/;

/** The sorted items the query shows, in order. */
export function filterItems(sorted: readonly SavedItem[], query: Omit<ListQuery, 'sort'>): SavedItem[] {
  const match = itemMatch(query);
  return match === null ? [...sorted] : sorted.filter((item) => match(item) === Match.Own);
}

enum Match {
  None,
  /** By the paper's own fields. */
  Own,
  /** Only with what the store holds of it (its abstract, its topics). */
  Store,
}

/**
 * How an item matches the query (by its status, tag and each word of the search, in its own fields or,
 * with `storeTexts`, in those or what the store holds of it); null for a query that shows every item.
 */
function itemMatch(query: Omit<ListQuery, 'sort'>, storeTexts?: StoreTexts): ((item: SavedItem) => Match) | null {
  const terms = searchTerms(query.text);
  const tag = query.tag === null ? null : tagKey(query.tag);
  if (query.status === 'all' && tag === null && terms.length === 0) return null;
  // An id or address finds that paper: ids are not in the search text.
  const id = terms.length > 0 ? searchedArxivId(query.text) : null;
  // The year is matched whole: "paper 2" does not mean every paper of 2024.
  const years = terms.map((term) => YEAR.test(term));
  // A word finds its other forms too ("following": "to follow instructions"), as in the store.
  const forms = terms.map((term) => pluralAcronymKey(term) ?? formsKey(term));
  // A short acronym is looked for where a word starts, or in a name from a capital ("MLLMs"): "llm"
  // is not in "filming", nor "rag" in "average".
  const atWordStart = terms.map((term) => term.length <= 3 && isAcronym(term));
  const apart = compoundsApart(query.text);
  const stored = storeTexts && storeTexts.size > 0 && terms.length > 0 ? storeSearch(storeTexts) : null;
  // Each term's papers by their store text, asked once per search (at the first paper that needs them), not per paper.
  const storeHolders: (ReadonlySet<string> | undefined)[] = [];
  const heldInStore = (at: number, item: SavedItem): boolean => {
    if (stored === null) return false;
    const holders = (storeHolders[at] ??= stored.holding(terms[at]!, atWordStart[at]!, apart.get(terms[at]!), forms[at] ?? null));
    return holders.has(item.id);
  };
  return (item) => {
    if (query.status !== 'all' && item.status !== query.status) return Match.None;
    if (tag !== null && !item.tags.some((candidate) => tagKey(candidate) === tag)) return Match.None;
    if (terms.length === 0) return Match.Own;
    // The paper itself, and papers whose notes or TL;DR name it (as before ids were looked for).
    if (id !== null && item.id === id) return Match.Own;
    const text = haystack(item);
    let match = Match.Own;
    for (const [at, term] of terms.entries()) {
      const form = forms[at];
      const found = atWordStart[at] ? wordFit(text, term) > 0 || namedAcronyms.get(item).includes(` ${term} `) : text.includes(term);
      const wordsApart = apart.get(term);
      if (found || (wordsApart !== undefined && wordFit(text, wordsApart) > 0) || (years[at]! && yearsOf(item).includes(term)) || (form != null && itemForms(item).includes(form))) continue;
      if (!heldInStore(at, item)) return Match.None;
      match = Match.Store;
    }
    return match;
  };
}

/**
 * Saved items' title, authors, TL;DR and tags (as the store's index has its papers' TL;DRs), searched
 * forgiving typos. Not notes: long, they would make the index slow to build; they are searched as typed.
 */
export function savedTypoSearch(items: readonly SavedItem[]): TypoSearch<SavedItem> {
  const kept = keptTypoSearches.get(items);
  if (kept) return kept;
  const last = lastTypoIndexed;
  if (last !== null && last !== items && sameTypoFields(last, items)) {
    const indexed = typoSearch(last, typoFields);
    const at = new Map(last.map((item, position) => [item, position]));
    const search: TypoSearch<SavedItem> = {
      has: indexed.has,
      matches: (query, limit) => indexed.matches(query, limit).map((item) => items[at.get(item)!]!),
      withSomeWords: (query, limit) => indexed.withSomeWords(query, limit).map(({ entry, missing }) => ({ entry: items[at.get(entry)!]!, missing })),
    };
    keptTypoSearches.set(items, search);
    return search;
  }
  lastTypoIndexed = items;
  return typoSearch(items, typoFields);
}

const typoFields = (item: SavedItem) => ({ title: item.title, authors: item.authors, other: [item.tldr, ...item.tags] });

// The list is read again after every edit (new objects): one whose indexed fields are as the last
// indexed list's (a note or a status edited) keeps that index, which takes ~300 ms to build for
// 5,000 papers, rather than holding the page that long after each edit.
let lastTypoIndexed: readonly SavedItem[] | null = null;
const keptTypoSearches = new WeakMap<readonly SavedItem[], TypoSearch<SavedItem>>();

/** Whether two lists hold the same papers in the same order, with the same title, authors, TL;DR and tags. */
function sameTypoFields(a: readonly SavedItem[], b: readonly SavedItem[]): boolean {
  return a.length === b.length && a.every((item, at) => {
    const other = b[at]!;
    return item.id === other.id && item.title === other.title && item.tldr === other.tldr && equalLists(item.authors, other.authors) && equalLists(item.tags, other.tags);
  });
}

/**
 * Saved items' words, for hasTypo: their search text as typed first (notes are searched as typed
 * only, yet a word in them is no typo either: "entmax" in a note does not find a saved "Entmix"),
 * then their typo index, built only if asked.
 */
export function savedVocabularies(items: readonly SavedItem[], storeTexts?: StoreTexts): (() => Vocabulary)[] {
  const vocabularies = [() => ({ has: (word: string) => anyItemHolds(items, word) }), () => savedTypoSearch(items)];
  // A word of a saved paper's abstract is no typo either ("entmax" there does not find a saved "Entmix").
  if (storeTexts) vocabularies.splice(1, 0, () => storeSearch(storeTexts));
  return vocabularies;
}

/** What a search of the reading list shows (searchList), and how many of those only the store's abstract or topics matched. */
export interface SearchList {
  items: SavedItem[];
  byStoreText: number;
}

/**
 * The sorted items the query shows (filterItems), those holding its words whole in their title or
 * authors first, then as words' beginnings, each group in the list's order (byWordFit, as the popup
 * lists saved papers: QA, "he" listed Kaiming He's paper last of 10, "lora" QLoRA before LoRA), then
 * those found only with `storeTexts` (a word in the abstract), in the list's order; a typo forgiven
 * as the popup forgives it in saved papers: when a word of the search is in none of `items` (the
 * whole list, unsorted: its typo index is built once per list) nor their store texts
 * (`storeVocabulary`: those not searched yet too, so a word an abstract holds is not shown as a typo
 * first), the items its typo search finds (not by notes) follow those found as typed, in the list's
 * order, under the same status, tag and year filters.
 */
export function searchList(sorted: readonly SavedItem[], items: readonly SavedItem[], query: Omit<ListQuery, 'sort'>, storeTexts?: StoreTexts, storeVocabulary = storeTexts): SearchList {
  const match = itemMatch(query, storeTexts);
  const matched: SavedItem[] = [];
  const byStore: SavedItem[] = [];
  for (const item of sorted) {
    const how = match === null ? Match.Own : match(item);
    if (how === Match.Own) matched.push(item);
    else if (how === Match.Store) byStore.push(item);
  }
  const own = byWordFit(matched, searchTerms(query.text), savedNames);
  const found = [...own, ...byStore];
  if (searchedArxivId(query.text) !== null || !hasTypo(query.text, savedVocabularies(items, storeVocabulary))) return { items: found, byStoreText: byStore.length };
  // The typo index knows no item's year: a year is matched as filterItems matches it.
  const words = query.text.split(/\s+/);
  const isYear = (word: string) => YEAR.test(word.replace(WORD_EDGES, ''));
  const typoQuery = words.filter((word) => !isYear(word)).join(' ');
  const typoFound = new Set(savedTypoSearch(items).matches(typoQuery, items.length));
  for (const item of found) typoFound.delete(item);
  // Then those whose topics or abstract's names it finds so ("humneval": HumanEval), as the popup does.
  const storeTypoIds = new Set(storeTexts && storeTexts.size > 0 ? storeSearch(storeTexts).typoMatches(typoQuery, items.length) : []);
  const foundAlready = new Set(found);
  const byStoreTypo = sorted.filter((item) => storeTypoIds.has(item.id) && !typoFound.has(item) && !foundAlready.has(item));
  const yearsOnly = { ...query, text: words.filter(isYear).join(' ') };
  const byTypo = filterItems(sorted.filter((item) => typoFound.has(item)), yearsOnly);
  const byStoreTypoShown = filterItems(byStoreTypo, yearsOnly);
  return { items: [...found, ...byTypo, ...byStoreTypoShown], byStoreText: byStore.length + byStoreTypoShown.length };
}

/**
 * `shown` (in `sort` order) with the item `held` (its latest version, from `items`) where the
 * version `held` sorts: the row being edited keeps its place, and stays shown, whatever its edits do
 * to the order or the filters, while papers added or put back go where the sort puts them.
 * An item no longer in `items` (removed) is not held.
 */
export function holdInPlace(shown: readonly SavedItem[], items: readonly SavedItem[], held: SavedItem, sort: SortKey): SavedItem[] {
  const at = shown.findIndex((item) => item.id === held.id);
  const latest = at >= 0 ? shown[at] : items.find((item) => item.id === held.id);
  if (!latest) return [...shown];
  const rest = at >= 0 ? [...shown.slice(0, at), ...shown.slice(at + 1)] : [...shown];
  // The first of the others that sorts after it (they are sorted, and the order is total: ties go by id).
  const order = compare(sort);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (order(rest[middle]!, held) < 0) low = middle + 1;
    else high = middle;
  }
  rest.splice(low, 0, latest);
  return rest;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag in the list (first spelling seen), with how many items carry it, by name. */
export function tagCounts(items: readonly SavedItem[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const item of items) {
    for (const tag of item.tags) {
      const key = tagKey(tag);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag: tag.normalize('NFC'), count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => collator.compare(a.tag, b.tag));
}

export function statusCounts(items: readonly SavedItem[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: items.length, 'to-read': 0, reading: 0, read: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}
