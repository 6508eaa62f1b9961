import type { LookupQuery, PaperView } from '../schema';
import type { PaperLensDatabase } from './database';
import { lookupPapers } from './papers';
import { onViewTablesChanged, setBounded } from './view-tables';

const MAX_ENTRIES = 200;

/**
 * The card's question ("this paper id?") answered from memory when nothing it depends on has
 * changed since: the lookup sits on the page's critical path, and an IndexedDB round trip in a
 * busy worker took 3–20 ms where a map takes microseconds. Anything but a plain id query (titles,
 * page abstracts, batches) goes to the store.
 */
export function createCachedLookup(db: PaperLensDatabase): (queries: LookupQuery[]) => Promise<(PaperView | null)[]> {
  const views = new Map<string, PaperView | null>();
  onViewTablesChanged(db, () => views.clear());

  return async (queries) => {
    const [only] = queries;
    const plainId = queries.length === 1 && only?.id !== undefined && only.title === undefined && only.abstract === undefined ? only.id : null;
    if (plainId !== null && views.has(plainId)) return [views.get(plainId)!];
    const answers = await lookupPapers(db, queries);
    if (plainId !== null) setBounded(views, MAX_ENTRIES, plainId, answers[0] ?? null);
    return answers;
  };
}
