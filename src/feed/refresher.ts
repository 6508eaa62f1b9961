import { STORE_FAILURE_REASON, type FeedRefreshState } from '../schema';
import type { PaperLensDatabase } from '../db/database';
import { applyFeedDay, keepUnstoredFeedState, readFeedState, writeFeedState } from '../db/feed';
import { isDue, isStale, mayRefreshOnRequest, nextAttemptAt, recordFeedFailure, recordFeedSuccess } from './backoff';
import { fetchDailyPapers } from './client';
import { errorMessage } from '../messaging/error-message';

export interface FeedRefresherDeps {
  ready: () => Promise<PaperLensDatabase>;
  fetch: typeof fetch;
  now: () => number;
  /** The user's "daily-papers feed" setting: off means no request at all. */
  enabled: () => Promise<boolean>;
  /** Arrange a wake-up at this time (an alarm in the background). */
  schedule: (at: number) => void;
  /** Called after a day was merged into the store. */
  onApplied: () => void;
}

export interface FeedRefresher {
  /** Fetches now if due (`force`: the Refresh button, regardless of the schedule but not of the wait Hugging Face asked for). */
  refresh: (force: boolean) => Promise<FeedRefreshState>;
  /** At startup: refresh when the cached list is older than the interval and no backoff forbids it. */
  startup: () => Promise<FeedRefreshState>;
}

/**
 * Runs daily-papers refreshes one at a time: fetch, merge into the store, record success or the
 * failure's reason with the next try (exponential backoff, Retry-After honoured), and schedule it.
 */
export function createFeedRefresher(deps: FeedRefresherDeps): FeedRefresher {
  // The run in progress, and whether the Refresh button asked for it. A press during a startup or
  // scheduled run (which may decide not to fetch, or has fetched before the press) gets a run of
  // its own after that one, not that one's answer; a second press joins the first.
  let running: { forced: boolean; done: Promise<FeedRefreshState> } | null = null;

  const storeFailure = (state: FeedRefreshState, error: unknown, pressed: boolean): FeedRefreshState => {
    const reason = `${STORE_FAILURE_REASON}: ${errorMessage(error)}`;
    return recordFeedFailure(state, { kind: 'schema', reason, path: '(store)' }, deps.now(), { pressed });
  };

  // `pressed`: the Refresh button's attempt, whose failure does not push the scheduled one later.
  const attempt = async (db: PaperLensDatabase, state: FeedRefreshState, pressed: boolean): Promise<FeedRefreshState> => {
    const result = await fetchDailyPapers({ fetch: deps.fetch, now: deps.now });
    let next: FeedRefreshState;
    if (result.ok) {
      if (result.dropped > 0) console.warn(`PaperLens: ${result.dropped} papers of the feed could not be read and were left out:`, result.problems);
      try {
        await applyFeedDay(db, result, deps.now());
        next = recordFeedSuccess(state, deps.now());
        deps.onApplied();
      } catch (error) {
        next = storeFailure(state, error, pressed);
      }
    } else {
      next = recordFeedFailure(state, result.failure, deps.now(), { pressed });
    }
    try {
      await writeFeedState(db, next);
    } catch (error) {
      // The store refused the record (disk full): a refresh that failed like any other, backed off
      // and shown, kept outside the store; the store's last state stays as it was.
      if (next.lastFailure === null) next = storeFailure(state, error, pressed);
      await keepUnstoredFeedState(next).catch(() => undefined);
    }
    return next;
  };

  const run = (forced: boolean, decide: (state: FeedRefreshState, now: number) => boolean) => {
    if (running && (running.forced || !forced)) return running.done;
    const before = running?.done;
    const done: Promise<FeedRefreshState> = (async () => {
      await before?.catch(() => undefined);
      const db = await deps.ready();
      const state = await readFeedState(db);
      if (!(await deps.enabled())) return state;
      const next = decide(state, deps.now()) ? await attempt(db, state, forced) : state;
      deps.schedule(nextAttemptAt(next, deps.now()));
      return next;
    })().finally(() => {
      if (running?.done === done) running = null;
    });
    running = { forced, done };
    return done;
  };

  return {
    refresh: (force) => run(force, (state, now) => (force ? mayRefreshOnRequest(state, now) : isDue(state, now))),
    startup: () => run(false, (state, now) => isStale(state, now) && isDue(state, now)),
  };
}
