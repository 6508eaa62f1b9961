import type { PaperView } from '../schema';
import type { PaperLensDatabase } from './database';
import { listViews } from './papers';
import { onViewTablesChanged, setBounded } from './view-tables';

const MAX_ENTRIES = 2_000;

export interface ListViewCache {
  /** The views of these ids when every one is remembered (so a list renders at once), else null. */
  cached: (ids: string[]) => PaperView[] | null;
  /** The views of these ids (those in the store), reading only the ones not remembered. */
  load: (ids: string[]) => Promise<PaperView[]>;
  /** Calls `listener` after every store change a view may show; returns its removal. */
  onChange: (listener: () => void) => () => void;
}

/**
 * Result-list views remembered until the store changes. While a word is typed its results mostly
 * repeat; an IndexedDB read in the popup lands only after the next frame (5–20 ms), a map answers
 * within the keystroke.
 */
export function createListViewCache(db: PaperLensDatabase): ListViewCache {
  const views = new Map<string, PaperView>();
  const listeners = new Set<() => void>();
  let changes = 0;
  onViewTablesChanged(db, () => {
    views.clear();
    changes++;
    for (const listener of listeners) listener();
  });

  const cached = (ids: string[]) => {
    const found: PaperView[] = [];
    for (const id of ids) {
      const view = views.get(id);
      if (!view) return null;
      found.push(view);
    }
    return found;
  };

  return {
    cached,
    async load(ids) {
      const generation = changes;
      const known = ids.map((id) => views.get(id));
      const missing = ids.filter((_, index) => known[index] === undefined);
      if (missing.length === 0) return known.filter((view) => view !== undefined);
      const read = await listViews(db, missing);
      // The store changed meanwhile: what was remembered may be stale, so read everything again.
      if (changes !== generation) return listViews(db, ids);
      const readById = new Map(read.map((view) => [view.id, view]));
      for (const view of read) setBounded(views, MAX_ENTRIES, view.id, view);
      return ids.flatMap((id, index) => {
        const view = known[index] ?? readById.get(id);
        return view ? [view] : [];
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
