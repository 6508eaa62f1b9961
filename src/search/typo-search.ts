import { buildSearchSnapshot, mayBeTypo, SearchIndex } from './search-index';
import { tokenize } from './tokenize';

/** What a list's entries are found by despite a typo: short fields (notes are left out: long, and slow to index). */
export interface TypoFields {
  title: string;
  authors: readonly string[];
  /** A TL;DR, tags. */
  other: readonly string[];
}

/**
 * A list searched beside the store (saved papers, papers opened), forgiving typos as the store's
 * index does: its entries' short fields in an index like the store's, so the same rule applies.
 */
export interface TypoSearch<T> {
  /** Whether a query word is one of the list's words (`asPrefix`: begins one). */
  has(word: string, asPrefix: boolean): boolean;
  /** The best `limit` entries the query finds, typos forgiven, best first. */
  matches(query: string, limit: number): T[];
  /** For words no entry has all of: the best `limit` with some, more words first, each with the words it lacks (SearchIndex `someWords`). */
  withSomeWords(query: string, limit: number): { entry: T; missing: string[] }[];
}

/** A list's words, as hasTypo asks about them. */
export type Vocabulary = Pick<TypoSearch<unknown>, 'has'>;

/**
 * Whether a word of the query is in no list searched (`vocabularies`, asked in turn: the cheapest or
 * already built first, as the others may be built only when asked), as typed or (the last word)
 * begun: a typo. A word one list holds is no typo of another's word ("sparse" does not find a saved
 * "Spare parts").
 */
export function hasTypo(query: string, vocabularies: readonly (() => Vocabulary)[]): boolean {
  const words = [...new Set(tokenize(query))];
  // A word no typo is forgiven in (short, or with digits) builds no index to find out.
  return words.some((word, at) => mayBeTypo(word) && vocabularies.every((vocabulary) => !vocabulary().has(word, at === words.length - 1)));
}

// Built at the first search that needs it, once per list (a new array when the list changes).
const typoSearches = new WeakMap<readonly unknown[], TypoSearch<unknown>>();

/** `list`'s typo search, by `fields` of its entries (one list is always indexed by the same fields). */
export function typoSearch<T>(list: readonly T[], fields: (entry: T) => TypoFields): TypoSearch<T> {
  const cached = typoSearches.get(list);
  if (cached) return cached as TypoSearch<T>;
  const index = new SearchIndex(
    buildSearchSnapshot(
      list.map((entry, at) => {
        const { title, authors, other } = fields(entry);
        // The entry's place in the list as its id: a hit leads back to it without a lookup.
        return { id: String(at), title, text: other.join(' '), authors: authors.join(' '), names: '', row: '' };
      }),
    ),
  );
  const search: TypoSearch<T> = {
    has: (word, asPrefix) => index.has(word, asPrefix),
    matches: (query, limit) => index.search(query, limit).map((hit) => list[Number(hit.id)]!),
    withSomeWords: (query, limit) => index.search(query, limit, { someWords: true }).map((hit) => ({ entry: list[Number(hit.id)]!, missing: hit.missing })),
  };
  typoSearches.set(list, search);
  return search;
}
