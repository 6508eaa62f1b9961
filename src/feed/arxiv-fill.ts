import type { PaperLensDatabase } from '../db/database';
import { completeSavedFromPage, lacksPageDetails } from '../db/papers';
import type { ArxivPaperResult } from './arxiv-paper';

// arXiv asks automated clients for no more than one request every 3 seconds.
export const ARXIV_REQUEST_GAP_MS = 3_000;

export interface ArxivFillerDeps {
  ready: () => Promise<PaperLensDatabase>;
  fetchPaper: (id: string) => Promise<ArxivPaperResult>;
  /** The user's switch (settings): off = no requests. */
  enabled: () => Promise<boolean>;
  wait: (ms: number) => Promise<void>;
  /** Called after a saved item was completed. */
  onFilled: () => void;
}

export interface ArxivFiller {
  /**
   * Completes these saved papers from their arXiv pages, those that lack what a page says, one
   * request at a time. Resolves when the queue is empty or stopped by a failure (arXiv down, the
   * browser offline): what is left is completed by a later call or when the paper's page is opened.
   */
  fill: (ids: readonly string[]) => Promise<void>;
}

export function createArxivFiller(deps: ArxivFillerDeps): ArxivFiller {
  const queue = new Set<string>();
  let running: Promise<void> | null = null;
  // The paper the run is on (waiting its turn or fetching): asked for again, it is not queued twice.
  let current: string | null = null;

  const drain = async (): Promise<void> => {
    let requested = false;
    try {
      // A Set iterates what is added while it runs: ids asked for meanwhile join this run.
      for (const id of queue) {
        queue.delete(id);
        current = id;
        const db = await deps.ready();
        const item = await db.saved.get(id);
        if (!item || !lacksPageDetails(item)) continue;
        if (requested) await deps.wait(ARXIV_REQUEST_GAP_MS);
        requested = true;
        const result = await deps.fetchPaper(id);
        if (result.ok) {
          if ((await completeSavedFromPage(db, id, result.paper)).changed > 0) deps.onFilled();
        } else if (result.kind === 'failed') {
          console.warn(`PaperLens could not complete saved papers from arXiv: ${result.reason}`);
          queue.clear();
        }
      }
    } finally {
      // In the same step as the last look at the queue: an id added after it starts a new run.
      running = null;
      current = null;
    }
  };

  return {
    fill: async (ids) => {
      if (ids.length === 0 || !(await deps.enabled())) return;
      for (const id of ids) if (id !== current) queue.add(id);
      running ??= drain();
      return running;
    },
  };
}
