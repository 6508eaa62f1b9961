import { MAX_ARXIV_FILL_QUEUE, type ArxivFillQueue } from '../schema';
import type { PaperLensDatabase } from '../db/database';
import { readArxivFillQueue, wantsArxivPage, writeArxivFillQueue } from '../db/feed';
import { completeSaved, savedLackingDetails, saveInputFromPage, takeArxivPage } from '../db/papers';
import type { ArxivPaperResult } from './arxiv-paper';

// arXiv asks automated clients for no more than one request every 3 seconds.
export const ARXIV_REQUEST_GAP_MS = 3_000;
// After a failure (arXiv down, the browser offline), a worker start tries again this much later.
export const ARXIV_RETRY_MS = 15 * 60_000;
// After arXiv asked for a wait (its Retry-After), at least this much later (a browser alarm fires no sooner than 30 s).
export const ARXIV_ASKED_RETRY_MS = 60_000;

export interface ArxivFillerDeps {
  ready: () => Promise<PaperLensDatabase>;
  fetchPaper: (id: string) => Promise<ArxivPaperResult>;
  /** The user's switch (settings): off = no requests. */
  enabled: () => Promise<boolean>;
  wait: (ms: number) => Promise<void>;
  now: () => number;
  /** The extension's version: a new one looks once for every saved paper lacking its details. */
  version: string;
  /** Called after a saved item was completed. */
  onFilled: () => void;
  /** After a failure: asks for `resume` to be called at this time (an alarm; the worker may be gone by then). */
  scheduleRetry: (at: number) => void;
}

export interface ArxivFiller {
  /**
   * Completes these saved papers from their arXiv pages, those that lack what a page says, one
   * request at a time. Resolves when the queue is empty or stopped by a failure; what is left is
   * kept (in the store too), and tried again by the next call, or by the next worker's `resume`
   * once ARXIV_RETRY_MS have passed.
   */
  fill: (ids: readonly string[]) => Promise<void>;
  /**
   * A worker start: goes on with the kept queue, at once or not before its retry time. The first
   * start of a version first queues every saved paper lacking its details (saved bare before this
   * feature, or while it was switched off, or left when arXiv said no).
   */
  resume: () => Promise<void>;
  /**
   * arXiv answered another request (the popup's, a tab's title): papers held after a failure go on
   * now, not at their retry time. (While arXiv asks to wait, no request of ours gets an answer.)
   */
  arxivAnswered: () => Promise<void>;
}

export function createArxivFiller(deps: ArxivFillerDeps): ArxivFiller {
  // In order; a Set keeps each paper once.
  let queue = new Set<string>();
  let running: Promise<void> | null = null;
  // When the last request went out, across runs: a run started soon after another waits out the gap too.
  let lastRequestAt: number | null = null;
  // The paper the run is on (waiting its turn or fetching): asked for again, it is not queued twice.
  let current: string | null = null;
  // The queue a stopped worker left, read into `queue` once, before anything is added to it.
  let loaded: Promise<ArxivFillQueue> | null = null;
  let sweptVersion: string | undefined;
  // After a failure, when a worker start or the alarm may try again unasked.
  let retryAt: number | null = null;
  // Why the last request sent failed: said again while arXiv's asked wait refuses the next ones unsent.
  let lastFailure: string | undefined;
  // The ids the stored queue held when this worker last read or wrote it: any other found there
  // was put there by a save (savePaper, in its own transaction), and joins the queue.
  let stored = new Set<string>();
  const load = (db: PaperLensDatabase) =>
    (loaded ??= readArxivFillQueue(db).then((kept) => {
      for (const id of kept.ids) queue.add(id);
      stored = new Set(kept.ids);
      sweptVersion = kept.sweptVersion;
      retryAt = kept.retryAt;
      lastFailure = kept.failure;
      return kept;
    }));

  // Past the most the record holds, the last papers are not kept: they are completed when their pages are opened.
  // `failure`: why the last request failed, kept while the queue waits for its retry time (the reading list says it).
  const keep = (db: PaperLensDatabase, retryAfterFailure: number | null, failure?: string) => {
    retryAt = retryAfterFailure;
    return db.transaction('rw', db.meta, async () => {
      const kept = await readArxivFillQueue(db);
      for (const id of kept.ids) if (!stored.has(id) && id !== current) queue.add(id);
      const ids = [...(current === null ? [] : [current]), ...queue].slice(0, MAX_ARXIV_FILL_QUEUE);
      const reason = failure ?? (retryAt === null ? undefined : kept.failure);
      await writeArxivFillQueue(db, { ids, retryAt, ...(reason === undefined ? {} : { failure: reason.slice(0, 300) }), ...(sweptVersion === undefined ? {} : { sweptVersion }) });
      stored = new Set(ids);
    });
  };

  // A run started on an empty queue would end before `running` is set, which then stays set for good.
  const start = (db: PaperLensDatabase): Promise<void> => {
    if (running === null && queue.size > 0) running = drain(db);
    return running ?? Promise.resolve();
  };

  const drain = async (db: PaperLensDatabase): Promise<void> => {
    try {
      // Ids asked for meanwhile join this run.
      for (let next = queue.values().next(); !next.done; next = queue.values().next()) {
        const id = next.value;
        queue.delete(id);
        current = id;
        const [item, stored] = await Promise.all([db.saved.get(id), db.papers.get(id)]);
        if (!item || !wantsArxivPage(item, stored)) {
          current = null;
          await keep(db, null);
          continue;
        }
        const gap = lastRequestAt === null ? 0 : lastRequestAt + ARXIV_REQUEST_GAP_MS - deps.now();
        if (gap > 0) await deps.wait(gap);
        // Switched off meanwhile: no more requests; the queue waits for the switch.
        if (!(await deps.enabled())) {
          queue = new Set([id, ...queue]);
          current = null;
          return;
        }
        lastRequestAt = deps.now();
        const result = await deps.fetchPaper(id);
        // Answered (not refused unsent): an earlier failure is no longer why papers wait (review).
        if (result.ok || result.kind !== 'failed') lastFailure = undefined;
        if (result.ok) {
          // The page's title is arXiv's current one: the store's paper takes it (and the page's abstract and code links) too, so the popup says what the reading list says.
          const taken = await takeArxivPage(db, id, result.paper, deps.now());
          if ((await completeSaved(db, saveInputFromPage(id, result.paper))).changed > 0 || taken) deps.onFilled();
        } else if (result.kind === 'failed') {
          console.warn(`PaperLens could not complete saved papers from arXiv: ${result.reason}`);
          // The run stops. This paper goes last, so one that arXiv keeps failing on (a 5xx of its
          // own) does not hold up the others at every retry; offline, the order does not matter.
          queue = new Set([...queue, id]);
          current = null;
          // When arXiv said it would answer again (its Retry-After: a saved paper waited 15 minutes
          // after a 429 asking for 5 s), else ARXIV_RETRY_MS later.
          const retry = deps.now() + (result.retryAfterMs === undefined ? ARXIV_RETRY_MS : Math.max(ARXIV_ASKED_RETRY_MS, result.retryAfterMs));
          // Refused unsent (arXiv's asked wait not over), the reason kept is still the answer that asked for it (QA).
          if (!result.unsent) lastFailure = result.reason;
          await keep(db, retry, result.unsent ? (lastFailure ?? result.reason) : result.reason);
          deps.scheduleRetry(retry);
          return;
        } else {
          // Left as saved (its page may be read when the reader opens it); said, for whoever looks at the worker's console.
          console.warn(`PaperLens left a saved paper as it is: ${result.reason}`);
        }
        current = null;
        await keep(db, null);
      }
    } finally {
      // In the same step as the last look at the queue: an id added after it starts a new run.
      running = null;
      current = null;
    }
  };

  const fill = async (ids: readonly string[]): Promise<void> => {
    if (ids.length === 0) return;
    const on = await deps.enabled();
    const db = await deps.ready();
    await load(db);
    // The papers just asked for go first: a paper that failed before does not hold them up.
    queue = new Set([...ids.filter((id) => id !== current), ...queue]);
    // Switched off: no request; the papers wait for the switch (its resume), kept with the queue.
    if (!on) return keep(db, retryAt);
    await keep(db, null);
    return start(db);
  };

  return {
    fill,
    resume: async () => {
      const db = await deps.ready();
      await load(db);
      if (sweptVersion !== deps.version && (await deps.enabled())) {
        // The paper a run is on is not queued again (arXiv may have said it has no such paper).
        for (const id of await savedLackingDetails(db)) if (id !== current) queue.add(id);
        sweptVersion = deps.version;
        await keep(db, retryAt);
      }
      if (queue.size === 0 || !(await deps.enabled())) return;
      // An update or a browser restart may have cleared the alarm: it is asked for again.
      if (retryAt !== null && retryAt > deps.now()) return deps.scheduleRetry(retryAt);
      return start(db);
    },
    arxivAnswered: async () => {
      const db = await deps.ready();
      await load(db);
      if (retryAt === null || running !== null || queue.size === 0 || !(await deps.enabled())) return;
      await keep(db, null);
      return start(db);
    },
  };
}
