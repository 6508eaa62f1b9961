import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createStore } from '../../../src/db/open';
import { savedLackingDetails, savePaper } from '../../../src/db/papers';
import { readArxivFillQueue, writeArxivFillQueue } from '../../../src/db/feed';
import { ARXIV_ASKED_RETRY_MS, ARXIV_REQUEST_GAP_MS, ARXIV_RETRY_MS, createArxivFiller, type ArxivFillerDeps } from '../../../src/feed/arxiv-fill';
import { readArxivAbsPage, type ArxivPaperResult } from '../../../src/feed/arxiv-paper';
import { buildSeedAsset } from '../../../scripts/seed-build';

const asset = await buildSeedAsset();
const attention = readArxivAbsPage(await readFile(new URL('../../fixtures/arxiv-abs-1706.03762.html', import.meta.url), 'utf8'), '1706.03762')!;

let db: PaperLensDatabase;
let run = 0;
// What happened, in order: requests to arXiv and waits between them.
let events: string[];
let clock = 1_000_000;

beforeEach(async () => {
  const store = createStore({ db: new PaperLensDatabase(`arxiv-fill-${run++}`), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
  db = await store.ready();
  // This version has looked for papers lacking details already (the sweep has its own test).
  await writeArxivFillQueue(db, { ids: [], retryAt: null, sweptVersion: '2.0.0' });
  events = [];
});

function filler(answers: Record<string, ArxivPaperResult>, overrides: Partial<ArxivFillerDeps> = {}) {
  let filled = 0;
  const fill = createArxivFiller({
    ready: async () => db,
    fetchPaper: async (id) => {
      events.push(`fetch ${id}`);
      return answers[id] ?? { ok: false, kind: 'missing', reason: `no ${id}` };
    },
    enabled: async () => true,
    wait: async (ms) => void events.push(`wait ${ms}`),
    now: () => clock,
    version: '2.0.0',
    onFilled: () => void filled++,
    scheduleRetry: (at) => void events.push(`retry at ${at - clock}`),
    ...overrides,
  });
  return { ...fill, filled: () => filled };
}

const saveBare = (id: string, sourceUrl: string | null = null) => savePaper(db, { id, title: `arXiv:${id}`, sourceUrl }, 1_000);

describe('saved papers without a page are completed from arXiv', () => {
  test("a link saved bare gets the page's title, authors, date and a TL;DR; its status and times stay", async () => {
    await saveBare('1706.03762', 'https://arxiv.org/abs/1706.03762');
    await db.saved.update('1706.03762', { status: 'reading', tags: ['mt'] });
    const { fill, filled } = filler({ '1706.03762': { ok: true, paper: attention } });
    await fill(['1706.03762']);
    const item = (await db.saved.get('1706.03762'))!;
    expect(item).toMatchObject({ title: 'Attention Is All You Need', published: '2017-06-12', status: 'reading', tags: ['mt'], addedAt: 1_000, updatedAt: 1_000 });
    expect(item.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(item.tldr).toMatch(/Transformer/);
    expect(filled()).toBe(1);
  });

  test("a paper saved from a list that shows no abstracts (arXiv's /recent: its title and authors, no TL;DR) gets its page's TL;DR; what the list gave stays", async () => {
    await savePaper(db, { id: '1706.03762', title: 'Attention is all you need', authors: ['A. Vaswani'], sourceUrl: 'https://arxiv.org/list/cs.CL/recent' }, 1_000);
    await filler({ '1706.03762': { ok: true, paper: attention } }).fill(['1706.03762']);
    const item = (await db.saved.get('1706.03762'))!;
    expect(item).toMatchObject({ title: 'Attention is all you need', authors: ['A. Vaswani'], published: '2017-06-12' });
    expect(item.tldr).toMatch(/Transformer/);
  });

  test("a PDF tab's title guess is replaced by the page's title", async () => {
    await savePaper(db, { id: '1706.03762', title: 'Microsoft Word - nips2017.docx', titleIsGuess: true, sourceUrl: 'https://arxiv.org/pdf/1706.03762' }, 1_000);
    await filler({ '1706.03762': { ok: true, paper: attention } }).fill(['1706.03762']);
    expect((await db.saved.get('1706.03762'))!.title).toBe('Attention Is All You Need');
  });

  test('no request for a paper saved with its details and TL;DR, one not saved, or when the user switched it off', async () => {
    await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], tldr: 'The Transformer, attention only.' }, 1_000);
    await filler({}).fill(['1706.03762', '2401.00001']);
    expect(events).toEqual([]);
    await saveBare('2401.00002');
    await filler({}, { enabled: async () => false }).fill(['2401.00002']);
    expect(events).toEqual([]);
  });

  test('one request at a time, 3 s apart; a paper arXiv does not have or a page it cannot read is skipped, a failure stops the queue…', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003', '2401.00004']) await saveBare(id);
    const failing = filler({
      '2401.00002': { ok: false, kind: 'unreadable', reason: 'not an abstract page' },
      '2401.00003': { ok: false, kind: 'failed', reason: 'arXiv answered HTTP 503' },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await failing.fill(['2401.00001', '2401.00002', '2401.00003', '2401.00004']);
    // Each paper left as it is is said in the worker's console, with why.
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'PaperLens left a saved paper as it is: no 2401.00001',
      'PaperLens left a saved paper as it is: not an abstract page',
      'PaperLens could not complete saved papers from arXiv: arXiv answered HTTP 503',
    ]);
    warn.mockRestore();
    // …and an alarm is asked for at the retry time, when a worker (this one or the next) resumes.
    expect(events).toEqual(['fetch 2401.00001', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00002', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00003', `retry at ${ARXIV_RETRY_MS}`]);
    expect(failing.filled()).toBe(0);
    // The rest is kept: a worker start goes on with it, but not before the retry time…
    // (the failed paper last: see the next test)
    expect(await readArxivFillQueue(db)).toEqual({ ids: ['2401.00004', '2401.00003'], retryAt: clock + ARXIV_RETRY_MS, failure: 'arXiv answered HTTP 503', sweptVersion: '2.0.0' });
    events = [];
    await filler({}).resume();
    // (no request; the alarm is asked for again, an update or a restart may have cleared it)
    expect(events).toEqual([`retry at ${ARXIV_RETRY_MS}`]);
    events = [];
    // (The same worker, as when a settings change resumes it, waits too.)
    await failing.resume();
    expect(events).toEqual([`retry at ${ARXIV_RETRY_MS}`]);
    events = [];
    clock += ARXIV_RETRY_MS;
    await filler({}).resume();
    expect(events).toEqual(['fetch 2401.00004', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00003']);
    expect(await readArxivFillQueue(db)).toEqual({ ids: [], retryAt: null, sweptVersion: '2.0.0' });
  });

  test('after a failure, a save asks again at once, for the papers left too', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await saveBare(id);
    const { fill } = filler({ '2401.00001': { ok: false, kind: 'failed', reason: 'offline' } });
    await fill(['2401.00001', '2401.00002']);
    expect(events).toEqual(['fetch 2401.00001', `retry at ${ARXIV_RETRY_MS}`]);
    events = [];
    clock += ARXIV_REQUEST_GAP_MS;
    // The same worker: the paper just saved first, then the ones left, the failed one last…
    await fill(['2401.00003']);
    expect(events).toEqual(['fetch 2401.00003', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00002', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00001', `retry at ${ARXIV_RETRY_MS}`]);
    // Why it failed is kept for the reading list to say, until a request succeeds.
    expect(await readArxivFillQueue(db)).toEqual({ ids: ['2401.00001'], retryAt: clock + ARXIV_RETRY_MS, failure: 'offline', sweptVersion: '2.0.0' });
    // …and the next one, whose first request is a save, not the start.
    events = [];
    await saveBare('2401.00004');
    await filler({}).fill(['2401.00004']);
    expect(events).toEqual(['fetch 2401.00004', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00001']);
    expect(await readArxivFillQueue(db)).toEqual({ ids: [], retryAt: null, sweptVersion: '2.0.0' });
  });

  test('held after a failure, the papers go on as soon as arXiv answers another request (the popup\'s), not at their retry time', async () => {
    for (const id of ['2401.00001', '2401.00002']) await saveBare(id);
    const answers: Record<string, ArxivPaperResult> = { '2401.00001': { ok: false, kind: 'failed', reason: 'offline' } };
    const filling = filler(answers);
    await filling.fill(['2401.00001', '2401.00002']);
    expect(events).toEqual(['fetch 2401.00001', `retry at ${ARXIV_RETRY_MS}`]);
    events = [];
    clock += ARXIV_REQUEST_GAP_MS;
    answers['2401.00001'] = { ok: true, paper: attention };
    await filling.arxivAnswered();
    expect(events).toEqual(['fetch 2401.00002', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00001']);
    expect(await readArxivFillQueue(db)).toEqual({ ids: [], retryAt: null, sweptVersion: '2.0.0' });
    // Nothing held: nothing to do.
    events = [];
    await filling.arxivAnswered();
    expect(events).toEqual([]);
  });

  test("QA: arXiv's 429 asking to wait 5 s: the retry is a minute later, not the 15 min of a failure that says nothing", async () => {
    await saveBare('2401.00001');
    const { fill } = filler({ '2401.00001': { ok: false, kind: 'failed', reason: 'arXiv answered HTTP 429 for 2401.00001', retryAfterMs: 5_000 } });
    await fill(['2401.00001']);
    expect(events).toEqual(['fetch 2401.00001', `retry at ${ARXIV_ASKED_RETRY_MS}`]);
  });

  test("arXiv's 429 asking to wait 2 h: the retry is 2 h later, kept for the next worker (not the usual 15 min)", async () => {
    await saveBare('2401.00001');
    const { fill } = filler({ '2401.00001': { ok: false, kind: 'failed', reason: 'arXiv answered HTTP 429 for 2401.00001', retryAfterMs: 2 * 3_600_000 } });
    await fill(['2401.00001']);
    expect(events).toEqual(['fetch 2401.00001', `retry at ${2 * 3_600_000}`]);
    expect(await readArxivFillQueue(db)).toEqual({ ids: ['2401.00001'], retryAt: clock + 2 * 3_600_000, failure: 'arXiv answered HTTP 429 for 2401.00001', sweptVersion: '2.0.0' });
    // A worker started an hour later asks for the alarm again, and fetches nothing.
    events = [];
    clock += 3_600_000;
    await filler({}).resume();
    expect(events).toEqual([`retry at ${3_600_000}`]);
  });

  test("QA: a save while arXiv's asked wait runs sends nothing and keeps arXiv's answer as the reason (not \"wait 55 min more\")", async () => {
    for (const id of ['2401.00001', '2401.00002']) await saveBare(id);
    const asked = 'arXiv answered HTTP 429 for 2401.00001; it asks to wait 1 h';
    const answers: Record<string, ArxivPaperResult> = { '2401.00001': { ok: false, kind: 'failed', reason: asked, retryAfterMs: 3_600_000 } };
    const filling = filler(answers);
    await filling.fill(['2401.00001']);
    clock += 5 * 60_000;
    answers['2401.00002'] = { ok: false, kind: 'failed', reason: 'arXiv asked PaperLens to wait 55 min more before asking it again', retryAfterMs: 55 * 60_000, unsent: true };
    await filling.fill(['2401.00002']);
    expect(await readArxivFillQueue(db)).toEqual({ ids: ['2401.00001', '2401.00002'], retryAt: clock + 55 * 60_000, failure: asked, sweptVersion: '2.0.0' });

    // Review: once arXiv answered one of them (that it has no such paper), the old 429 is no longer
    // the reason: a later refusal unsent says the wait itself.
    clock += 55 * 60_000;
    answers['2401.00001'] = { ok: false, kind: 'missing', reason: 'no 2401.00001' };
    const waitLeft = 'arXiv asked PaperLens to wait 10 min more before asking it again';
    answers['2401.00002'] = { ok: false, kind: 'failed', reason: waitLeft, retryAfterMs: 10 * 60_000, unsent: true };
    await filling.resume();
    expect((await readArxivFillQueue(db)).failure).toBe(waitLeft);
  });

  test('a paper arXiv keeps failing on (its own HTTP 500) does not hold up the others: the retry completes them first', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await saveBare(id);
    const { fill, resume } = filler({
      '2401.00001': { ok: false, kind: 'failed', reason: 'arXiv answered HTTP 500 for 2401.00001' },
      '2401.00002': { ok: true, paper: { ...attention, id: '2401.00002' } },
      '2401.00003': { ok: true, paper: { ...attention, id: '2401.00003' } },
    });
    await fill(['2401.00001', '2401.00002', '2401.00003']);
    clock += ARXIV_RETRY_MS;
    await resume();
    expect(events.filter((event) => event.startsWith('fetch'))).toEqual(['fetch 2401.00001', 'fetch 2401.00002', 'fetch 2401.00003', 'fetch 2401.00001']);
    expect((await db.saved.get('2401.00002'))!.authors).toHaveLength(3);
    expect((await db.saved.get('2401.00003'))!.authors).toHaveLength(3);
    expect((await readArxivFillQueue(db)).ids).toEqual(['2401.00001']);
  });

  test('switched off during a run: no request after that; the papers left wait for the switch', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await saveBare(id);
    let on = true;
    const { fill } = filler({}, {
      enabled: async () => on,
      wait: async (ms) => {
        events.push(`wait ${ms}`);
        on = false;
      },
    });
    await fill(['2401.00001', '2401.00002']);
    expect(events).toEqual(['fetch 2401.00001', `wait ${ARXIV_REQUEST_GAP_MS}`]);
    on = true;
    events = [];
    clock += ARXIV_REQUEST_GAP_MS;
    await fill(['2401.00003']);
    expect(events).toEqual(['fetch 2401.00003', `wait ${ARXIV_REQUEST_GAP_MS}`]);
    on = true;
    events = [];
    await fill([]);
    expect(events).toEqual([]);
    await filler({}).resume();
    expect(events).toEqual(['fetch 2401.00002']);
  });

  test("a new version's first start queues the papers saved bare before it, oldest first, after the kept queue; once", async () => {
    await savePaper(db, { id: '2401.00002', title: 'arXiv:2401.00002' }, 2_000);
    await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] }, 1_500);
    await savePaper(db, { id: '2401.00001', title: 'arXiv:2401.00001' }, 1_000);
    await savePaper(db, { id: '2310.01779', title: 'HallE', published: '2023-10-03' }, 500);
    await savePaper(db, { id: '2401.00003', title: 'arXiv:2401.00003' }, 3_000);
    expect(await savedLackingDetails(db)).toEqual(['2401.00001', '2401.00002', '2401.00003']);
    await writeArxivFillQueue(db, { ids: ['2401.00003'], retryAt: null, sweptVersion: '1.9.0' });
    await filler({}).resume();
    expect(events.filter((event) => event.startsWith('fetch'))).toEqual(['fetch 2401.00003', 'fetch 2401.00001', 'fetch 2401.00002']);
    expect(await readArxivFillQueue(db)).toEqual({ ids: [], retryAt: null, sweptVersion: '2.0.0' });
    // The next start of the same version does not look again (arXiv had none of them).
    events = [];
    await filler({}).resume();
    expect(events).toEqual([]);
    // Switched off, a new version does not look either, and looks when it next starts switched on.
    await filler({}, { version: '2.1.0', enabled: async () => false }).resume();
    expect(events).toEqual([]);
    await filler({}, { version: '2.1.0' }).resume();
    expect(events.filter((event) => event.startsWith('fetch'))).toHaveLength(3);
  });

  test('a worker stopped mid-queue: the next one goes on where it was', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await saveBare(id);
    const stopped = filler({}, { wait: () => new Promise(() => {}) });
    void stopped.fill(['2401.00001', '2401.00002', '2401.00003']);
    await expect.poll(() => events).toEqual(['fetch 2401.00001']);
    await expect.poll(async () => (await readArxivFillQueue(db)).ids).toEqual(['2401.00002', '2401.00003']);
    events = [];
    await filler({}).resume();
    expect(events).toEqual(['fetch 2401.00002', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00003']);
  });

  test('papers asked for while a run is going join it, each once', async () => {
    for (const id of ['2401.00001', '2401.00002']) await saveBare(id);
    let release = () => {};
    const { fill } = filler({}, {
      wait: (ms) => {
        events.push(`wait ${ms}`);
        return new Promise((resolve) => (release = resolve));
      },
    });
    const first = fill(['2401.00001', '2401.00002']);
    await expect.poll(() => events.length).toBe(2);
    const second = fill(['2401.00002', '1706.03762']);
    await saveBare('1706.03762');
    release();
    await expect.poll(() => events).toHaveLength(4);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['fetch 2401.00001', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00002', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 1706.03762']);
  });
});

describe('review: the queue never stalls', () => {
  test('a worker start whose settings read is slow, racing a save, does not stop later saves from being completed', async () => {
    const { writeArxivFillQueue } = await import('../../../src/db/feed');
    // The last worker left a paper in the queue; it has its details by now.
    await savePaper(db, { id: '2401.00001', title: 'Done', authors: ['A. Author'], published: '2024-01-01', tldr: 'Done.' }, 1_000);
    await writeArxivFillQueue(db, { ids: ['2401.00001'], retryAt: null });
    let releaseStartRead = (_on: boolean) => {};
    let calls = 0;
    const { fill, resume } = filler({}, {
      // The first settings read (the worker start's) answers late; the others at once.
      enabled: () => (++calls === 1 ? new Promise<boolean>((resolve) => (releaseStartRead = resolve)) : Promise.resolve(true)),
    });
    const started = resume();
    await expect.poll(() => calls).toBe(1);
    // The message that woke the worker: a save of a paper with its details, done before the start's read answers.
    await savePaper(db, { id: '2401.00002', title: 'Also done', authors: ['B. Author'], published: '2024-01-02', tldr: 'Also done.' }, 1_000);
    await fill(['2401.00002']);
    releaseStartRead(true);
    await started;
    // Later, a PDF tab is saved: it must be completed.
    await saveBare('2401.00003');
    await Promise.race([fill(['2401.00003']), new Promise((resolve) => setTimeout(resolve, 500))]);
    expect(events).toEqual(['fetch 2401.00003']);
  });
});

describe('review: a large import', () => {
  test('an import of the most ids a request may carry, with one paper already waiting, is still queued', async () => {
    const { writeArxivFillQueue } = await import('../../../src/db/feed');
    await writeArxivFillQueue(db, { ids: ['2401.00001'], retryAt: clock + ARXIV_RETRY_MS });
    const ids = Array.from({ length: 100_000 }, (_, index) => `2402.${String(index).padStart(5, '0')}`);
    const outcome: string[] = [];
    // Not awaited: the run then looks at 100,000 papers.
    void filler({}).fill(ids).catch((error: unknown) => void outcome.push(String(error)));
    await expect.poll(async () => (await readArxivFillQueue(db)).ids.length).toBe(100_000);
    expect(outcome).toEqual([]);
    // Ends the run, which would otherwise slow the tests after this one.
    db.close();
  });
});

describe('review: spacing across runs', () => {
  test('a paper saved just after a run ended waits out the 3 s since the last request', async () => {
    await saveBare('2401.00001');
    const { fill } = filler({});
    await fill(['2401.00001']);
    // A second link saved one second later (the clock barely moved).
    clock += 1_000;
    await saveBare('2401.00002');
    await fill(['2401.00002']);
    expect(events).toEqual(['fetch 2401.00001', `wait ${ARXIV_REQUEST_GAP_MS - 1_000}`, 'fetch 2401.00002']);
  });
});

describe('the retry alarm', () => {
  test('a worker start before the retry time asks for the alarm again (an update or a browser restart clears alarms)', async () => {
    await saveBare('2401.00001');
    await writeArxivFillQueue(db, { ids: ['2401.00001'], retryAt: clock + ARXIV_RETRY_MS / 3, sweptVersion: '2.0.0' });
    await filler({}).resume();
    expect(events).toEqual([`retry at ${ARXIV_RETRY_MS / 3}`]);
  });
});

describe('the version sweep', () => {
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

describe('saved while switched off', () => {
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

describe('a worker stopped right after a save', () => {
  test('a paper saved bare is in the stored queue with the save itself: the next worker completes it (no version sweep)', async () => {
    // The save's worker stopped before it asked for the paper's completion (fill).
    await saveBare('2401.00001');
    await filler({}).resume();
    expect(events).toEqual(['fetch 2401.00001']);
    expect((await readArxivFillQueue(db)).ids).toEqual([]);
  });

  test("a save while a run writes the queue is kept: the run's write takes it in, and completes it", async () => {
    await saveBare('2401.00001');
    let answer = (_result: ArxivPaperResult) => {};
    const filling = filler({}, {
      fetchPaper: (id) => {
        events.push(`fetch ${id}`);
        if (events.length > 1) return Promise.resolve({ ok: false, kind: 'missing', reason: 'no such paper' });
        return new Promise((resolve) => (answer = resolve));
      },
    });
    const run = filling.fill(['2401.00001']);
    await expect.poll(() => events).toEqual(['fetch 2401.00001']);
    // Saved meanwhile, and the worker stops before asking for it: only the stored queue has it.
    await saveBare('2401.00002');
    answer({ ok: false, kind: 'missing', reason: 'no such paper' });
    await run;
    expect(events).toEqual(['fetch 2401.00001', `wait ${ARXIV_REQUEST_GAP_MS}`, 'fetch 2401.00002']);
  });

  test('a paper arXiv says it does not have is not asked for again at the next worker starts', async () => {
    await saveBare('2401.00001');
    await filler({}).fill(['2401.00001']);
    expect(events).toEqual(['fetch 2401.00001']);
    events = [];
    await filler({}).resume();
    await filler({}).resume();
    expect(events).toEqual([]);
  });

  test('a paper saved with its details and TL;DR is not queued', async () => {
    await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], tldr: 'The Transformer, attention only.' }, 1_000);
    expect((await readArxivFillQueue(db)).ids).toEqual([]);
  });
});
