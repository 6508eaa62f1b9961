import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { readFeedState } from '../../../src/db/feed';
import { createFeedRefresher } from '../../../src/feed/refresher';
import { feedFailureHeadline } from '../../../src/feed/failure-headline';
import { trendingList } from '../../../src/db/papers';
import { fixtureText, NESTED_FIXTURE, recordedItems, type RecordedItem } from './fixtures';

let counter = 0;
// A refresh state the store refused is kept in storage.session: none is left from another test.
beforeEach(() => fakeBrowser.reset());

/** A refresher over a fresh store whose fetches wait until the test answers them, in order. */
function setup(now: () => number = Date.now) {
  const db = new PaperLensDatabase(`refresher-${++counter}`);
  const pending: { answer: (response: Response | Error) => void }[] = [];
  const fetch = (() =>
    new Promise<Response>((resolve, reject) => {
      pending.push({ answer: (response) => (response instanceof Error ? reject(response) : resolve(response)) });
    })) as unknown as typeof globalThis.fetch;
  const refresher = createFeedRefresher({
    ready: async () => db,
    fetch,
    now,
    enabled: async () => true,
    schedule: () => undefined,
    onApplied: () => undefined,
  });
  /** Waits until `count` fetches have started. */
  const started = async (count: number) => {
    const until = Date.now() + 2000;
    while (pending.length < count) {
      if (Date.now() > until) throw new Error(`${pending.length} fetch(es) started, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  return { refresher, pending, started, db };
}

describe('feed refresher: one run at a time', () => {
  test('Refresh pressed during the startup run gets a fetch of its own after it, not its answer', async () => {
    const { refresher, pending, started } = setup();
    const startup = refresher.startup();
    await started(1);
    const pressed = refresher.refresh(true);
    pending[0]!.answer(new TypeError('Failed to fetch'));
    expect((await startup).lastFailure?.kind).toBe('offline');
    await started(2);
    pending[1]!.answer(new Response('<h1>Internal Server Error</h1>', { status: 500 }));
    expect((await pressed).lastFailure?.kind).toBe('http');
    expect(pending).toHaveLength(2);
  });

  test('a second press joins the first: one fetch', async () => {
    const { refresher, pending, started } = setup();
    const first = refresher.refresh(true);
    await started(1);
    const second = refresher.refresh(true);
    const scheduled = refresher.refresh(false);
    pending[0]!.answer(new Response('<h1>Internal Server Error</h1>', { status: 500 }));
    expect(await second).toEqual(await first);
    expect(await scheduled).toEqual(await first);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pending).toHaveLength(1);
  });
});

describe('feed refresher: a pressed Refresh that fails', () => {
  test('does not push the scheduled try later: presses offline leave it at 5 minutes after the scheduled failure', async () => {
    let clock = Date.parse('2026-12-04T16:54:00Z');
    const { refresher, pending, started } = setup(() => clock);
    const scheduled = refresher.refresh(false);
    await started(1);
    pending[0]!.answer(new TypeError('Failed to fetch'));
    const after = await scheduled;
    const nextTry = after.nextAttemptAt!;
    expect(nextTry - clock).toBeGreaterThanOrEqual(4 * 60_000);
    for (const k of [1, 2, 3]) {
      clock += 60_000;
      const pressed = refresher.refresh(true);
      await started(1 + k);
      pending[k]!.answer(new TypeError('Failed to fetch'));
      const state = await pressed;
      expect(state.lastFailure).toMatchObject({ kind: 'offline', at: clock });
      expect(state.nextAttemptAt).toBe(nextTry);
      expect(state.consecutiveFailures).toBe(1);
    }
  });
});

describe('feed refresher: the day a list is kept under', () => {
  test("a new day's list that still carries papers listed the day before does not replace that day's list", async () => {
    const { refresher, pending, started, db } = setup();
    const items = recordedItems();
    const listedOn = (item: RecordedItem, at: string) => ({ ...item, paper: { ...item.paper, submittedOnDailyAt: at } });
    // Late on the 18th: the 18th's list, 13 papers.
    const first = refresher.refresh(true);
    await started(1);
    pending[0]!.answer(new Response(JSON.stringify(items.map((item) => listedOn(item, '2024-07-18T12:00:00.000Z')))));
    expect((await first).lastFailure).toBeNull();

    // Just after midnight (UTC): the 19th's list has begun, with two papers listed late on the
    // 18th carried into it (as the recorded feed carries three) and one of the 19th.
    const early = [listedOn(items[0]!, '2024-07-18T23:10:00.000Z'), listedOn(items[1]!, '2024-07-18T23:40:00.000Z'), { ...listedOn(items[2]!, '2024-07-19T00:20:00.000Z'), paper: { ...items[2]!.paper, id: '2407.99991', submittedOnDailyAt: '2024-07-19T00:20:00.000Z' } }];
    const second = refresher.refresh(true);
    await started(2);
    pending[1]!.answer(new Response(JSON.stringify(early)));
    expect((await second).lastFailure).toBeNull();

    // The day picker's 18th is still the 18th's whole list; the latest list is the 19th's.
    expect((await trendingList(db, '2024-07-18')).papers).toHaveLength(13);
    const latest = await trendingList(db);
    expect(latest.day).toBe('2024-07-19');
    expect(latest.papers.map((paper) => paper.id)).toEqual([items[0]!.paper.id, items[1]!.paper.id, '2407.99991']);
  });
});

describe('feed refresher: a refresh whose state the store refuses (disk full)', () => {
  test('is a failed refresh: backed off (a restarted worker too), its headline shown, the stored state left as it was', async () => {
    const db = new PaperLensDatabase(`refresher-${++counter}`);
    let now = Date.parse('2024-07-19T08:00:00Z');
    const fetched: string[] = [];
    const scheduled: number[] = [];
    const body = fixtureText(NESTED_FIXTURE);
    const worker = () =>
      createFeedRefresher({
        ready: async () => db,
        fetch: (async (input: RequestInfo | URL) => (fetched.push(String(input)), new Response(body))) as typeof fetch,
        now: () => now,
        enabled: async () => true,
        schedule: (at) => scheduled.push(at),
        onApplied: () => undefined,
      });
    expect((await worker().refresh(true)).lastFailure).toBeNull();
    const stored = await db.meta.get('feedState');

    // Four hours on (the list is stale) the disk is full: the feed state cannot be written.
    now += 4 * 60 * 60_000;
    const put = db.meta.put.bind(db.meta);
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.meta, 'put').mockImplementation(((row, key) => (row.key === 'feedState' ? Promise.reject(full) : put(row, key))) as typeof put);
    const first = worker();
    const failed = await first.refresh(false);
    expect(fetched).toHaveLength(2);
    expect(failed).toMatchObject({ consecutiveFailures: 1, lastFailure: { kind: 'schema', reason: expect.stringContaining('The quota has been exceeded') } });
    expect(feedFailureHeadline(failed.lastFailure!.kind, failed.lastFailure!.reason)).toBe('PaperLens could not store the list');
    expect(failed.nextAttemptAt! - now).toBeGreaterThanOrEqual(4 * 60_000);
    expect(scheduled.at(-1)).toBe(failed.nextAttemptAt);
    // The popup reads the failure; the store still holds the last state it took.
    expect(await readFeedState(db)).toEqual(failed);
    expect(await db.meta.get('feedState')).toEqual(stored);

    // Backed off: the alarm, the worker's next start and a later refresh within the wait fetch nothing.
    now += 60_000;
    await first.refresh(false);
    await worker().startup();
    expect(fetched).toHaveLength(2);

    // The wait over, the disk has room again: a refresh succeeds and is stored.
    vi.restoreAllMocks();
    now = failed.nextAttemptAt!;
    expect((await worker().refresh(false)).lastFailure).toBeNull();
    expect(fetched).toHaveLength(3);
    expect(await readFeedState(db)).toMatchObject({ lastSuccessAt: now, consecutiveFailures: 0 });
    expect(JSON.parse((await db.meta.get('feedState'))!.value)).toMatchObject({ lastSuccessAt: now });
  });
});
