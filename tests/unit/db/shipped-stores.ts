/** The store's table definitions at each shipped version (for upgrade tests). */

const VERSION_2_STORES = {
  papers: 'id, titleKey, rank',
  saved: 'id, addedAt, updatedAt, status, *tags',
  meta: 'key',
  seen: 'id',
  searchIndex: 'key',
  trendingDays: 'day',
} as const;

export const VERSION_5_STORES = {
  paperBlocks: 'block, *ids, *titleKeys, *rankedIds',
  saved: 'id, addedAt, updatedAt, status, *tags',
  meta: 'key',
  seen: 'id',
  searchIndex: 'key',
  trendingDays: 'day',
} as const;

const VERSION_15_STORES = {
  ...VERSION_5_STORES,
  seen: 'id, at',
  paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy, written',
  relatedTerms: 'block',
  saved: 'id, addedAt, updatedAt, status, *tags, citeKey',
  removed: 'id, removedAt',
} as const;

/**
 * Store definitions as they were shipped, frozen here on purpose: a later version of
 * PaperLensDatabase must open a database made by any of them without losing anything.
 */
export const SHIPPED_STORES = {
  /** Version 1, the first shipped store (src/db/database.ts). Add each later version here as it ships. */
  'version 1': {
    papers: 'id, normTitle, rank',
    saved: 'id, addedAt, updatedAt, status, *tags',
    meta: 'key',
    seen: 'id',
    searchIndex: 'key',
    trendingDays: 'day',
  },
  /** Version 2: papers indexed by the hash of their title. */
  'version 2': VERSION_2_STORES,
  /** Version 3: the tables of version 2, with result rows in the search index (format 2). */
  'version 3': VERSION_2_STORES,
  /**
   * Version 5: papers in blocks (version 4), the one-paper-a-row table dropped. Versions 4 and 5 came
   * in one commit (2b139b1): no build shipped a version 4 store, so none is kept here to upgrade from.
   */
  'version 5': VERSION_5_STORES,
  /** Version 6: the tables of version 5, the search index rebuilt with ASCII-folded tokens. */
  'version 6': VERSION_5_STORES,
  /** Version 7: the tables of version 5, old-style ids without their subject class. */
  'version 7': VERSION_5_STORES,
  /** Version 8: seen marks indexed by the last visit. */
  'version 8': { ...VERSION_5_STORES, seen: 'id, at' },
  /** Version 9: the tables of version 8, the search index rebuilt without author names in a paper's length. */
  'version 9': { ...VERSION_5_STORES, seen: 'id, at' },
  /** Version 10: the tables of version 8, early rows' missing fields filled. */
  'version 10': { ...VERSION_5_STORES, seen: 'id, at' },
  /** Version 11: blocks that are not full indexed by how many papers they lack. */
  'version 11': { ...VERSION_5_STORES, seen: 'id, at', paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy' },
  /** Version 12: blocks stamped when written, each block's papers kept tokenized for related papers. */
  'version 12': { ...VERSION_5_STORES, seen: 'id, at', paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy, written', relatedTerms: 'block' },
  /** Version 13: the tables of version 12, the search index rebuilt with CJK pairs. */
  'version 13': { ...VERSION_5_STORES, seen: 'id, at', paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy, written', relatedTerms: 'block' },
  /** Version 14: saved items keep their citation key (indexed). */
  'version 14': {
    ...VERSION_5_STORES,
    seen: 'id, at',
    paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy, written',
    relatedTerms: 'block',
    saved: 'id, addedAt, updatedAt, status, *tags, citeKey',
  },
  /** Version 15: papers removed from the reading list kept for 30 days. */
  'version 15': VERSION_15_STORES,
  /** Version 16: the tables of version 15, the search index rebuilt with acronyms. */
  'version 16': VERSION_15_STORES,
  /** Version 17: the tables of version 15, summaries' names filled. */
  'version 17': VERSION_15_STORES,
  /** Version 18: the tables of version 15, the search index rebuilt with Korean words whole. */
  'version 18': VERSION_15_STORES,
  /** Version 19: the tables of version 15, the search index rebuilt with abstract acronyms' long forms. */
  'version 19': VERSION_15_STORES,
} as const satisfies Record<string, Record<string, string>>;
