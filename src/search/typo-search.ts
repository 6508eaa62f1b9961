import { buildSearchSnapshot, SearchIndex } from './search-index';

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
        return { id: String(at), title, text: other.join(' '), authors: authors.join(' '), row: '' };
      }),
    ),
  );
  const search: TypoSearch<T> = {
    has: (word, asPrefix) => index.has(word, asPrefix),
    matches: (query, limit) => index.search(query, limit).map((hit) => list[Number(hit.id)]!),
  };
  typoSearches.set(list, search);
  return search;
}
