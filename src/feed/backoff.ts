import { MAX_REASON_LENGTH, type FeedFailure, type FeedRefreshState } from '../schema/feed';

/**
 * When to ask the daily-papers feed again. Pure functions over the stored `FeedRefreshState`, so
 * the schedule survives the service worker being stopped between alarms.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How old a fetched list may get before it is refreshed. */
export const FEED_REFRESH_INTERVAL_MS = 3 * HOUR;
/** The wait after the first failure; it doubles with each further failure… */
const FIRST_RETRY_DELAY_MS = 5 * MINUTE;
/** …up to this. */
const MAX_RETRY_DELAY_MS = 6 * HOUR;
/** A longer Retry-After is taken for a misconfigured server rather than waited out. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;
/** Retry delays vary by ±20% so browsers that failed together do not retry together. */
const JITTER = 0.2;

export interface BackoffOptions {
  /** A number in [0, 1), Math.random by default; `() => 0.5` gives the exact schedule. */
  random?: () => number;
}

export function initialFeedRefreshState(): FeedRefreshState {
  return { lastSuccessAt: null, lastAttemptAt: null, consecutiveFailures: 0, lastFailure: null, nextAttemptAt: null };
}

/** The wait after the `failures`-th failure in a row: 5 min × 2^(failures−1), jittered, capped at 6 h. */
export function retryDelayMs(failures: number, options: BackoffOptions = {}): number {
  const random = options.random ?? Math.random;
  // The exponent is bounded so a long outage cannot overflow to Infinity.
  const base = FIRST_RETRY_DELAY_MS * 2 ** Math.min(Math.max(failures, 1) - 1, 30);
  const jittered = base * (1 + JITTER * (2 * random() - 1));
  return Math.round(Math.min(jittered, MAX_RETRY_DELAY_MS));
}

/** After a fetched list: failures forgotten, next refresh one interval later. */
export function recordFeedSuccess(state: FeedRefreshState, now: number): FeedRefreshState {
  return {
    ...state,
    lastSuccessAt: now,
    lastAttemptAt: now,
    consecutiveFailures: 0,
    lastFailure: null,
    nextAttemptAt: now + FEED_REFRESH_INTERVAL_MS,
  };
}

export interface FailureOptions extends BackoffOptions {
  /** The Refresh button's attempt, not a scheduled one. */
  pressed?: boolean;
}

/**
 * After a failed attempt: the next one waits longer, and at least as long as a 429 or 503 asked. A feed
 * that answered well but listed no papers (a day with none yet) is no trouble to back off from:
 * it is looked at again after the usual interval, so a new day's list is not hours late.
 * A pressed Refresh's failure is recorded (and shown) but does not count towards the backoff or move
 * the scheduled try later, but for a wait the server asked for: presses on flaky Wi-Fi would delay it by hours.
 */
export function recordFeedFailure(
  state: FeedRefreshState,
  failure: FeedFailure,
  now: number,
  options: FailureOptions = {},
): FeedRefreshState {
  const counted = failure.kind !== 'empty' && !options.pressed;
  const consecutiveFailures = counted ? state.consecutiveFailures + 1 : state.consecutiveFailures;
  const delay = failure.kind === 'empty' ? FEED_REFRESH_INTERVAL_MS : retryDelayMs(consecutiveFailures, options);
  // Pressed: the scheduled try stays, unless it was due already (then it waits as the schedule would after a failure).
  let next = options.pressed && state.nextAttemptAt !== null && state.nextAttemptAt > now ? state.nextAttemptAt : now + delay;
  const retryAfterMs = failure.kind === 'rate-limited' || failure.kind === 'http' ? failure.retryAfterMs : null;
  const asked = retryAfterMs === null || retryAfterMs === undefined ? null : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  if (asked !== null) next = Math.max(next, now + asked);
  return {
    ...state,
    lastAttemptAt: now,
    consecutiveFailures,
    lastFailure: { kind: failure.kind, reason: failure.reason.slice(0, MAX_REASON_LENGTH), at: now, ...(asked === null ? {} : { waitUntil: now + asked }), ...(options.pressed ? { pressed: true as const } : {}) },
    nextAttemptAt: next,
  };
}

/** When the next attempt is due: at once before the first, else as scheduled. */
export function nextAttemptAt(state: FeedRefreshState, now: number): number {
  if (state.nextAttemptAt === null) return now;
  // A clock set back (last attempt in the future) would postpone refreshes by as much: do not wait.
  if (state.lastAttemptAt !== null && state.lastAttemptAt > now) return now;
  return state.nextAttemptAt;
}

/** Whether an attempt may run now (honours the backoff after failures). */
export function isDue(state: FeedRefreshState, now: number): boolean {
  return nextAttemptAt(state, now) <= now;
}

/**
 * Until when the Refresh button waits after a failure: as long as Hugging Face asked (a 429's or
 * 503's Retry-After), not our own backoff, which grows with earlier failures to hours. A 429 that
 * names no wait holds it for our first retry delay, so presses do not go straight back into the limit.
 */
export function refreshWaitUntil(failure: FeedRefreshState['lastFailure']): number | null {
  if (failure === null) return null;
  if (failure.waitUntil !== undefined) return failure.waitUntil;
  return failure.kind === 'rate-limited' ? failure.at + FIRST_RETRY_DELAY_MS : null;
}

/** Whether the Refresh button may fetch now: it goes ahead whatever our own backoff says, once Hugging Face's wait is over. */
export function mayRefreshOnRequest(state: FeedRefreshState, now: number): boolean {
  const failure = state.lastFailure;
  const until = refreshWaitUntil(failure);
  // A clock set back (failure in the future) would hold the button by as much: do not wait.
  return until === null || until <= now || (failure !== null && failure.at > now);
}

/**
 * Whether the cached list is older than the refresh interval (or there is none): at startup,
 * refresh when it is stale and due, so a restart does not bypass the backoff.
 */
export function isStale(state: FeedRefreshState, now: number): boolean {
  if (state.lastSuccessAt === null || state.lastSuccessAt > now) return true;
  return now - state.lastSuccessAt >= FEED_REFRESH_INTERVAL_MS;
}
