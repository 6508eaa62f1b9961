import * as z from 'zod/mini';
import type { Health, SeedAsset } from '../schema';
import type { PaperLensDatabase } from './database';
import { seedStore, storedSeedVersion } from './seed';
import { createRelatedPapers, type RelatedPapers } from './related';
import { refreshRelatedLists } from './related-lists';
import { resummarizeStale } from './resummarize';

export type StoreHealth = Health;

export interface StoreOptions {
  db: PaperLensDatabase;
  loadSeed: () => Promise<SeedAsset>;
  /** Called with a readable reason whenever opening, upgrading or seeding fails. */
  onError: (reason: string) => void;
  /**
   * Called once the store works again after an error, and at a worker's first open: what onError
   * shows outlives the worker (the toolbar icon), and an earlier worker may have shown it.
   */
  onRecovered: () => void;
}

export interface Store {
  /** The opened database, seeded when it holds no seed yet. Retries after a failure. */
  ready: () => Promise<PaperLensDatabase>;
  /**
   * Loads the bundled seed if it differs from the stored one, then recomputes summaries made by
   * an older summarizer (install and update).
   */
  refreshSeed: () => Promise<void>;
  health: () => Promise<StoreHealth>;
  related: RelatedPapers;
  /**
   * Makes the feed papers' stored related lists again, in steps, when an update changed the
   * related rule; a no-op (one read) otherwise. Resolves with how many lists changed.
   */
  refreshRelatedLists: () => Promise<number>;
}

function reasonOf(error: unknown): string {
  // Data that broke a schema: its issues in words, not the error's raw JSON.
  if (error instanceof z.core.$ZodError) return `invalid data: ${z.prettifyError(error)}`;
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

export function createStore({ db, loadSeed, onError, onRecovered }: StoreOptions): Store {
  let opening: Promise<PaperLensDatabase> | null = null;
  let refreshingLists: Promise<number> | null = null;
  const related = createRelatedPapers(db);
  // Undefined until the first open: whether an earlier worker left an error shown is unknown.
  let lastError: string | null | undefined;

  const fail = (stage: string, error: unknown): never => {
    lastError = `PaperLens could not ${stage} its store: ${reasonOf(error)}`;
    onError(lastError);
    throw new Error(lastError);
  };
  const succeed = () => {
    if (lastError !== null) {
      lastError = null;
      onRecovered();
    }
  };

  const open = async (): Promise<PaperLensDatabase> => {
    try {
      await db.open();
    } catch (error) {
      fail('open', error);
    }
    try {
      if ((await storedSeedVersion(db)) === null) {
        await seedStore(db, await loadSeed());
        related.invalidate();
      }
    } catch (error) {
      fail('seed', error);
    }
    succeed();
    return db;
  };

  // Closed under us (site data cleared, which deletes the database): Dexie would reopen it empty on
  // the next read, and the store would stay unseeded until the worker restarts. Open and seed anew.
  db.on('close', () => {
    opening = null;
    related.invalidate();
  });

  const ready = () => {
    opening ??= open().catch((error: unknown) => {
      opening = null; // the next request tries again
      throw error;
    });
    return opening;
  };

  return {
    ready,
    related,
    async refreshSeed() {
      const opened = await ready();
      try {
        if ((await seedStore(opened, await loadSeed())) === 'seeded') related.invalidate();
        // After the seed, which brings its papers summarized by this version: only the others
        // (feed papers) are recomputed. An update is the only time the summarizer changes.
        await resummarizeStale(opened, Date.now());
        succeed();
      } catch (error) {
        fail('update', error);
      }
    },
    refreshRelatedLists() {
      refreshingLists ??= ready()
        .then((opened) => refreshRelatedLists(opened, related.corpus))
        .finally(() => {
          refreshingLists = null;
        });
      return refreshingLists;
    },
    async health() {
      try {
        const opened = await ready();
        return { ok: true, error: null, seedVersion: await storedSeedVersion(opened), papers: await opened.papers.count() };
      } catch {
        return { ok: false, error: lastError ?? null, seedVersion: null, papers: 0 };
      }
    },
  };
}
