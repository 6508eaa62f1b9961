import { describe, expect, it } from 'vitest';
import { initialFeedRefreshState, recordFeedFailure, recordFeedSuccess } from '../../../src/feed/backoff';
import { fetchDailyPapers } from '../../../src/feed/client';
import { feedFailureHeadline, isFirstFetchWaiting } from '../../../src/feed/failure-headline';
import type { FeedFailure } from '../../../src/schema/feed';

const T0 = Date.parse('2026-12-04T16:48:00Z');
const exact = { random: () => 0.5 };

/** The failure the client reports for a fetch that rejects with `error`. */
async function failureOf(error: Error): Promise<FeedFailure> {
  const result = await fetchDailyPapers({ fetch: (() => Promise.reject(error)) as unknown as typeof fetch, now: () => T0 });
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

describe('a failed refresh before the live list was ever fetched', () => {
  it("offline on the first day, unpressed: waiting for the live list, the browser's 'Failed to fetch' in words", async () => {
    const offline = await failureOf(new TypeError('Failed to fetch'));
    expect(offline.reason).toBe('no connection to huggingface.co, or the request was blocked');
    const state = recordFeedFailure(initialFeedRefreshState(), offline, T0, exact);
    expect(isFirstFetchWaiting(state)).toBe(true);
    expect(feedFailureHeadline(offline.kind, offline.reason)).toBe('huggingface.co could not be reached');
    const dns = await failureOf(new TypeError('net::ERR_NAME_NOT_RESOLVED'));
    expect(isFirstFetchWaiting(recordFeedFailure(initialFeedRefreshState(), dns, T0, exact))).toBe(true);
  });

  it('is an error when Refresh was pressed, after a live list was had, or when the server answered', async () => {
    const offline = await failureOf(new TypeError('Failed to fetch'));
    const pressed = recordFeedFailure(initialFeedRefreshState(), offline, T0, { ...exact, pressed: true });
    expect(pressed.lastFailure?.pressed).toBe(true);
    expect(isFirstFetchWaiting(pressed)).toBe(false);
    const fetched = recordFeedSuccess(initialFeedRefreshState(), T0);
    expect(isFirstFetchWaiting(recordFeedFailure(fetched, offline, T0 + 3 * 3_600_000, exact))).toBe(false);
    const busy: FeedFailure = { kind: 'rate-limited', reason: 'the daily-papers feed answered HTTP 429', retryAfterMs: null };
    expect(isFirstFetchWaiting(recordFeedFailure(initialFeedRefreshState(), busy, T0, exact))).toBe(false);
    const down: FeedFailure = { kind: 'http', reason: 'the daily-papers feed answered HTTP 503', status: 503 };
    expect(isFirstFetchWaiting(recordFeedFailure(initialFeedRefreshState(), down, T0, exact))).toBe(false);
  });
});
