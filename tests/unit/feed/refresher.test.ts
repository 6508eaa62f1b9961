import { describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createFeedRefresher } from '../../../src/feed/refresher';

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
  return { refresher, pending, started };
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
