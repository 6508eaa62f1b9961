import { describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createFeedRefresher } from '../../../src/feed/refresher';
import { trendingList } from '../../../src/db/papers';
import { recordedItems, type RecordedItem } from './fixtures';

let counter = 0;

/** A refresher over a fresh store whose fetches wait until the test answers them, in order. */
function setup() {
  const db = new PaperLensDatabase(`refresher-${++counter}`);
  const pending: { answer: (response: Response | Error) => void }[] = [];
  const fetch = (() =>
    new Promise<Response>((resolve, reject) => {
      pending.push({ answer: (response) => (response instanceof Error ? reject(response) : resolve(response)) });
    })) as unknown as typeof globalThis.fetch;
  const refresher = createFeedRefresher({
    ready: async () => db,
    fetch,
    now: Date.now,
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
