import { describe, expect, it } from 'vitest';
import {
  FEED_REFRESH_INTERVAL_MS,
  initialFeedRefreshState,
  isDue,
  isStale,
  MAX_RETRY_AFTER_MS,
  mayRefreshOnRequest,
  nextAttemptAt,
  recordFeedFailure,
  recordFeedSuccess,
  refreshWaitUntil,
  retryDelayMs,
} from '../../../src/feed/backoff';
import { FeedRefreshStateSchema, type FeedFailure, type FeedRefreshState } from '../../../src/schema/feed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2024-07-19T06:00:00Z');
const exact = { random: () => 0.5 };
const offline: FeedFailure = { kind: 'offline', reason: 'could not reach huggingface.co: Failed to fetch' };
const empty: FeedFailure = { kind: 'empty', reason: 'the feed lists no papers today' };
const rateLimited = (retryAfterMs: number | null): FeedFailure => ({ kind: 'rate-limited', reason: 'HTTP 429', retryAfterMs });

/** Fails `times` times in a row, each attempt made when the previous one said it was due. */
function failRepeatedly(times: number, failure: FeedFailure = offline): { state: FeedRefreshState; delays: number[] } {
  let state = initialFeedRefreshState();
  let now = T0;
  const delays: number[] = [];
  for (let k = 0; k < times; k++) {
    state = recordFeedFailure(state, failure, now, exact);
    delays.push(state.nextAttemptAt! - now);
    now = nextAttemptAt(state, now);
  }
  return { state, delays };
}

describe('retry schedule', () => {
  it('doubles from 5 minutes and stops at 6 hours', () => {
    const { delays } = failRepeatedly(10);
    expect(delays.map((ms) => ms / MINUTE)).toEqual([5, 10, 20, 40, 80, 160, 320, 360, 360, 360]);
  });

  it('stays finite after a very long outage', () => {
    expect(retryDelayMs(5000, exact)).toBe(6 * HOUR);
  });

  it('spreads retries by at most a fifth either way, never past the cap', () => {
    expect(retryDelayMs(2, { random: () => 0 })).toBe(8 * MINUTE);
    expect(retryDelayMs(2, { random: () => 0.999999 })).toBeCloseTo(12 * MINUTE, -2);
    expect(retryDelayMs(7, { random: () => 0.999999 })).toBe(6 * HOUR);
    for (let k = 0; k < 200; k++) {
      const delay = retryDelayMs(3);
      expect(delay).toBeGreaterThanOrEqual(16 * MINUTE);
      expect(delay).toBeLessThanOrEqual(24 * MINUTE);
    }
  });

  it('waits as long as a 429 asks when that is longer than the backoff', () => {
    const state = recordFeedFailure(initialFeedRefreshState(), rateLimited(2 * HOUR), T0, exact);
    expect(state.nextAttemptAt).toBe(T0 + 2 * HOUR);
    const short = recordFeedFailure(initialFeedRefreshState(), rateLimited(30_000), T0, exact);
    expect(short.nextAttemptAt).toBe(T0 + 5 * MINUTE);
    const unreadable = recordFeedFailure(initialFeedRefreshState(), rateLimited(null), T0, exact);
    expect(unreadable.nextAttemptAt).toBe(T0 + 5 * MINUTE);
  });

  it('does not wait out an absurd Retry-After', () => {
    const state = recordFeedFailure(initialFeedRefreshState(), rateLimited(30 * 24 * HOUR), T0, exact);
    expect(state.nextAttemptAt).toBe(T0 + MAX_RETRY_AFTER_MS);
  });

  it('a feed listing no papers all weekend is looked at every 3 hours, not backed off to 6, and does not count as a failure', () => {
    const { state, delays } = failRepeatedly(16, empty);
    expect(delays).toEqual(Array(16).fill(FEED_REFRESH_INTERVAL_MS));
    expect(state.lastFailure).toMatchObject({ kind: 'empty' });
    // A real failure after it starts the backoff from its first step.
    expect(recordFeedFailure(state, offline, T0, exact).nextAttemptAt! - T0).toBe(5 * MINUTE);
  });

  it('remembers the last failure for the user to see', () => {
    const { state } = failRepeatedly(3);
    expect(state.consecutiveFailures).toBe(3);
    expect(state.lastFailure).toEqual({ kind: 'offline', reason: offline.reason, at: state.lastAttemptAt });
  });

  it('starts over after a success', () => {
    const { state: failing } = failRepeatedly(4);
    const now = failing.nextAttemptAt!;
    const recovered = recordFeedSuccess(failing, now);
    expect(recovered).toEqual({
      lastSuccessAt: now,
      lastAttemptAt: now,
      consecutiveFailures: 0,
      lastFailure: null,
      nextAttemptAt: now + FEED_REFRESH_INTERVAL_MS,
    });
    const later = now + FEED_REFRESH_INTERVAL_MS;
    expect(recordFeedFailure(recovered, offline, later, exact).nextAttemptAt).toBe(later + 5 * MINUTE);
  });

  it('produces states the store accepts, long reasons included', () => {
    const long: FeedFailure = { kind: 'http', status: 500, reason: 'r'.repeat(5000) };
    let state = initialFeedRefreshState();
    for (const step of [
      () => recordFeedFailure(state, long, T0, exact),
      () => recordFeedFailure(state, rateLimited(HOUR), T0 + HOUR, exact),
      () => recordFeedSuccess(state, T0 + 3 * HOUR),
    ]) {
      state = step();
      expect(FeedRefreshStateSchema.safeParse(state).success).toBe(true);
    }
  });
});

describe('when to refresh', () => {
  it('is due and stale before the first fetch', () => {
    const state = initialFeedRefreshState();
    expect(isDue(state, T0)).toBe(true);
    expect(isStale(state, T0)).toBe(true);
  });

  it('is fresh for the refresh interval after a success, then stale and due', () => {
    const state = recordFeedSuccess(initialFeedRefreshState(), T0);
    expect(isStale(state, T0 + FEED_REFRESH_INTERVAL_MS - 1)).toBe(false);
    expect(isDue(state, T0 + FEED_REFRESH_INTERVAL_MS - 1)).toBe(false);
    expect(isStale(state, T0 + FEED_REFRESH_INTERVAL_MS)).toBe(true);
    expect(isDue(state, T0 + FEED_REFRESH_INTERVAL_MS)).toBe(true);
  });

  it('holds off a stale list while backing off', () => {
    const success = recordFeedSuccess(initialFeedRefreshState(), T0);
    const failedAt = T0 + 4 * HOUR;
    const failing = recordFeedFailure(success, offline, failedAt, exact);
    expect(isStale(failing, failedAt + MINUTE)).toBe(true);
    expect(isDue(failing, failedAt + MINUTE)).toBe(false);
    expect(isDue(failing, failedAt + 5 * MINUTE)).toBe(true);
  });

  it('lets the Refresh button through our backoff, but not through a wait Hugging Face asked for', () => {
    const failing = recordFeedFailure(initialFeedRefreshState(), offline, T0, exact);
    expect(isDue(failing, T0 + MINUTE)).toBe(false);
    expect(mayRefreshOnRequest(failing, T0 + MINUTE)).toBe(true);
    const limited = recordFeedFailure(initialFeedRefreshState(), rateLimited(2 * HOUR), T0, exact);
    expect(mayRefreshOnRequest(limited, T0 + HOUR)).toBe(false);
    expect(mayRefreshOnRequest(limited, T0 + 2 * HOUR)).toBe(true);
  });

  it("lets the Refresh button through once a 429's short Retry-After is over, though earlier failures put our own next try an hour off", () => {
    // QA's steps: three 503s without a Retry-After, then a 429 asking to wait 1 s.
    const down: FeedFailure = { kind: 'http', status: 503, reason: 'HTTP 503' };
    let state = initialFeedRefreshState();
    for (let k = 0; k < 3; k++) state = recordFeedFailure(state, down, T0 + k * MINUTE, exact);
    const at = T0 + 3 * MINUTE;
    state = recordFeedFailure(state, rateLimited(1000), at, exact);
    // The automatic refresh keeps its backoff (5 min × 2³)…
    expect(state.nextAttemptAt).toBe(at + 40 * MINUTE);
    expect(isDue(state, at + 3000)).toBe(false);
    // …but the reader's Refresh waits only as long as Hugging Face asked.
    expect(refreshWaitUntil(state.lastFailure)).toBe(at + 1000);
    expect(mayRefreshOnRequest(state, at + 500)).toBe(false);
    expect(mayRefreshOnRequest(state, at + 1000)).toBe(true);
    expect(mayRefreshOnRequest(state, at + 3000)).toBe(true);
  });

  it('holds the Refresh button for 5 min after a 429 that names no wait, however long our own backoff has grown', () => {
    const { state } = failRepeatedly(6, rateLimited(null));
    const at = state.lastAttemptAt!;
    expect(state.nextAttemptAt! - at).toBe(160 * MINUTE);
    expect(refreshWaitUntil(state.lastFailure)).toBe(at + 5 * MINUTE);
    expect(mayRefreshOnRequest(state, at + 4 * MINUTE)).toBe(false);
    expect(mayRefreshOnRequest(state, at + 5 * MINUTE)).toBe(true);
    // A clock set back before the failure does not hold it by as much.
    expect(mayRefreshOnRequest(state, at - 48 * HOUR)).toBe(true);
  });

  it('does not wait on a schedule made before the clock was set back', () => {
    const state = recordFeedFailure(failRepeatedly(8).state, offline, T0 + 48 * HOUR, exact);
    const setBack = T0;
    expect(nextAttemptAt(state, setBack)).toBe(setBack);
    expect(isDue(state, setBack)).toBe(true);
    expect(isStale(recordFeedSuccess(initialFeedRefreshState(), T0 + HOUR), T0)).toBe(true);
  });
});

describe('a pressed Refresh that fails', () => {
  it('leaves the scheduled try and the count of failures as they were', () => {
    const scheduled = recordFeedFailure(initialFeedRefreshState(), offline, T0, exact);
    expect(scheduled.nextAttemptAt).toBe(T0 + 5 * MINUTE);
    let state = scheduled;
    for (const at of [T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE]) {
      state = recordFeedFailure(state, offline, at, { ...exact, pressed: true });
      expect(state).toMatchObject({ consecutiveFailures: 1, nextAttemptAt: T0 + 5 * MINUTE, lastAttemptAt: at, lastFailure: { kind: 'offline', at } });
    }
    // The scheduled try that fails next is the second failure: 10 minutes, not 40.
    state = recordFeedFailure(state, offline, T0 + 5 * MINUTE, exact);
    expect(state).toMatchObject({ consecutiveFailures: 2, nextAttemptAt: T0 + 15 * MINUTE });
  });

  it('after a fetched list, keeps the next refresh an interval after it', () => {
    const fetched = recordFeedSuccess(initialFeedRefreshState(), T0);
    const state = recordFeedFailure(fetched, offline, T0 + HOUR, { ...exact, pressed: true });
    expect(state).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: T0 + FEED_REFRESH_INTERVAL_MS, lastSuccessAt: T0 });
  });

  it('when the scheduled try was due already, waits as after a first failure', () => {
    const state = recordFeedFailure(initialFeedRefreshState(), offline, T0, { ...exact, pressed: true });
    expect(state).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: T0 + 5 * MINUTE });
  });

  it("still honours the server's Retry-After", () => {
    const scheduled = recordFeedFailure(initialFeedRefreshState(), offline, T0, exact);
    const state = recordFeedFailure(scheduled, rateLimited(HOUR), T0 + MINUTE, { ...exact, pressed: true });
    expect(state).toMatchObject({ consecutiveFailures: 1, nextAttemptAt: T0 + MINUTE + HOUR, lastFailure: { waitUntil: T0 + MINUTE + HOUR } });
    expect(mayRefreshOnRequest(state, T0 + 30 * MINUTE)).toBe(false);
  });
});

describe("a 503's Retry-After", () => {
  it('is waited out like a 429\'s (not the 5 min of a first failure), up to a day', () => {
    const down: FeedFailure = { kind: 'http', status: 503, reason: 'HTTP 503', retryAfterMs: 2 * HOUR };
    expect(recordFeedFailure(initialFeedRefreshState(), down, T0, exact).nextAttemptAt).toBe(T0 + 2 * HOUR);
    const forever: FeedFailure = { ...down, retryAfterMs: 30 * 24 * HOUR };
    expect(recordFeedFailure(initialFeedRefreshState(), forever, T0, exact).nextAttemptAt).toBe(T0 + MAX_RETRY_AFTER_MS);
    const plain: FeedFailure = { kind: 'http', status: 503, reason: 'HTTP 503' };
    expect(recordFeedFailure(initialFeedRefreshState(), plain, T0, exact).nextAttemptAt).toBe(T0 + 5 * MINUTE);
  });

  it('holds the Refresh button back until it is over, as a 429\'s does (it asked Hugging Face again at every press)', () => {
    const down = recordFeedFailure(initialFeedRefreshState(), { kind: 'http', status: 503, reason: 'HTTP 503', retryAfterMs: 2 * HOUR }, T0, exact);
    expect(mayRefreshOnRequest(down, T0 + HOUR)).toBe(false);
    expect(mayRefreshOnRequest(down, T0 + 2 * HOUR)).toBe(true);
    // Without a Retry-After, the button goes ahead whatever our own backoff says.
    const plain = recordFeedFailure(initialFeedRefreshState(), { kind: 'http', status: 503, reason: 'HTTP 503' }, T0, exact);
    expect(mayRefreshOnRequest(plain, T0 + MINUTE)).toBe(true);
  });
});
