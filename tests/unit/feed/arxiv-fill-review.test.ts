import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createStore } from '../../../src/db/open';
import { savePaper } from '../../../src/db/papers';
import { writeArxivFillQueue } from '../../../src/db/feed';
import { ARXIV_RETRY_MS, createArxivFiller, type ArxivFillerDeps } from '../../../src/feed/arxiv-fill';
import type { ArxivPaperResult } from '../../../src/feed/arxiv-paper';
import { buildSeedAsset } from '../../../scripts/seed-build';

const asset = await buildSeedAsset();
let db: PaperLensDatabase;
let run = 0;
let events: string[];
const clock = 1_000_000;

beforeEach(async () => {
  const store = createStore({ db: new PaperLensDatabase(`arxiv-fill-review-${run++}`), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
  db = await store.ready();
  await writeArxivFillQueue(db, { ids: [], retryAt: null, sweptVersion: '2.0.0' });
  events = [];
});

function filler(answers: Record<string, ArxivPaperResult>, overrides: Partial<ArxivFillerDeps> = {}) {
  return createArxivFiller({
    ready: async () => db,
    fetchPaper: async (id) => {
      events.push(`fetch ${id}`);
      return answers[id] ?? { ok: false, kind: 'missing', reason: `no ${id}` };
    },
    enabled: async () => true,
    wait: async (ms) => void events.push(`wait ${ms}`),
    now: () => clock,
    version: '2.0.0',
    onFilled: () => undefined,
    scheduleRetry: (at) => void events.push(`retry at ${at - clock}`),
    ...overrides,
  });
}

const saveBare = (id: string) => savePaper(db, { id, title: `arXiv:${id}` }, 1_000);

describe('review: the retry alarm', () => {
  test('a worker start before the retry time asks for the alarm again (an update or a browser restart clears alarms)', async () => {
    await saveBare('2401.00001');
    await writeArxivFillQueue(db, { ids: ['2401.00001'], retryAt: clock + ARXIV_RETRY_MS / 3, sweptVersion: '2.0.0' });
    await filler({}).resume();
    expect(events).toEqual([`retry at ${ARXIV_RETRY_MS / 3}`]);
  });
});

describe('review: the version sweep', () => {
  test('a sweep while a run is on its first paper does not queue that paper again (one request for it)', async () => {
    await saveBare('2401.00001');
    await writeArxivFillQueue(db, { ids: [], retryAt: null, sweptVersion: '1.9.0' });
    let answer = (_result: ArxivPaperResult) => {};
    const filling = filler({}, {
      // The first request answers when the test says; any later one at once.
      fetchPaper: (id) => {
        events.push(`fetch ${id}`);
        if (events.length > 1) return Promise.resolve({ ok: false, kind: 'missing', reason: 'again' });
        return new Promise((resolve) => (answer = resolve));
      },
    });
    // The message that woke the worker (a save) starts a run before the start's sweep.
    const saved = filling.fill(['2401.00001']);
    await expect.poll(() => events).toEqual(['fetch 2401.00001']);
    const started = filling.resume();
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer({ ok: false, kind: 'missing', reason: 'arXiv has no paper 2401.00001 (HTTP 404)' });
    await Promise.all([saved, started]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(['fetch 2401.00001']);
  });
});

describe('review: saved while switched off', () => {
  test('a paper saved bare while switched off is completed when the switch is turned back on', async () => {
    let on = false;
    const filling = filler({}, { enabled: async () => on });
    await saveBare('2401.00001');
    await filling.fill(['2401.00001']);
    expect(events).toEqual([]);
    // The options page switches it on: the background resumes (watchSettings), in this worker or the next.
    on = true;
    await filler({}).resume();
    expect(events).toEqual(['fetch 2401.00001']);
  });
});
