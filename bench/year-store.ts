import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { exportJson } from '../src/export';
import type { ReadingStatus, SavedItem } from '../src/schema';
import { READY_MARK } from '../src/ui/reading-list/app';
import { LISTING_READY_MARK, LISTING_START_MARK } from '../src/ui/badges/listing-site';
import { WORKER_MARKS } from '../src/worker-marks';
import { idSpans } from '../src/db/id-spans';
import { fixture, launchExtension, readStore, type ExtensionBrowser } from '../tests/e2e/harness';
import { SUMMARIZER_VERSION } from '../src/summarize';
import { keystrokeTimer, typeQueries } from './keystrokes';
import { arxivNewPage } from './listing';
import { median, quantile, round } from './stats';
import { loadInWorker } from './load';
import { syntheticPapers } from './synthetic-papers';
import { realVocabulary } from './vocabulary';

/**
 * `npx tsx bench/year-store.ts [--no-build] [--unminified] [--feed 18000] [--saved 4500] [--days 30]`:
 * PaperLens after a year of daily use, in real Chromium on the bench build (PAPERLENS_BENCH=1).
 * First the same figures on the freshly seeded store (baseline), then the store is filled as a
 * researcher's is after a year: `--feed` synthetic feed papers (the bench page's product bulk
 * path), a reading list of `--saved` store papers with notes and tags plus 300 bare ids (queued for
 * their arXiv pages, which never answer here), 5,000 seen marks (lookups sent with `seenOn`, as a
 * paper page sends them) and `--days` daily-papers refreshes of 50 new papers each (their merge
 * is the feed figure). Then an update (the build copied with a higher version and a new snapshot
 * version, every stored summary marked as the summarizer before's, as an update bringing a new
 * summarizer finds them; the browser restarted on the same profile, as check-upgrade does: how long
 * until the new snapshot and summaries are in, and the round trips meanwhile) and the same figures
 * again. CPU profiles of the worker and of a popup open (CDP Profiler) are written beside the JSON report, in
 * bench/results/year-store/.
 */

const args = process.argv.slice(2);
// Unminified: the worker's functions keep their names in the CPU profiles (timings come from the minified build).
const UNMINIFIED = args.includes('--unminified');
const BENCH_DIR = fileURLToPath(new URL(UNMINIFIED ? '../.output/bench-unminified/chrome-mv3/' : '../.output/bench/chrome-mv3/', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL(UNMINIFIED ? './results/year-store-unminified/' : './results/year-store/', import.meta.url));
const FEED_URL = 'https://huggingface.co/api/daily_papers';
const ABS_URL = 'https://arxiv.org/abs/2310.01779v3';
const LISTING_URL = 'https://arxiv.org/list/cs/new';
const STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];
const POPUP_RESULTS = '[data-testid="search-results"]';
const POPUP_QUERIES = ['speculative decoding', 'quantization low bit', 'long context memory', 'reward model alignment', 'graph neural', 'model', 'zzqxy nothing'];

const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1]! : fallback;
};
const FEED_PAPERS = Number(option('feed', '18000'));
const SAVED = Number(option('saved', '4500'));
const DAYS = Number(option('days', '30'));

const spread = (values: number[]) => ({ median: round(median(values)), p95: round(quantile(values, 0.95)), max: round(Math.max(...values)), n: values.length });

// ---------------------------------------------------------------- CDP on the worker

/**
 * Marks every stored summary as made by the summarizer before this one, as the store of a build
 * before an update that brings a new summarizer holds them (run in the worker, on the raw database).
 */
function agePaperSummaries(): Promise<void> {
  type Block = { papers: { summary: { version: number } }[] };
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('paperlens');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const transaction = db.transaction(['paperBlocks', 'meta'], 'readwrite');
      const cursor = transaction.objectStore('paperBlocks').openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const block = at.value as Block;
        at.update({ ...block, papers: block.papers.map((paper) => ({ ...paper, summary: { ...paper.summary, version: paper.summary.version - 1 } })) });
        at.continue();
      };
      transaction.objectStore('meta').delete('summarizerVersion');
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

/** A CDP session on the extension's current service worker (through the browser's Target domain). */
class WorkerCdp {
  private nextId = 1;
  private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private constructor(private browserCdp: CDPSession, private sessionId: string) {}

  static async attach(browser: ExtensionBrowser): Promise<WorkerCdp> {
    const pwBrowser = browser.context.browser();
    if (!pwBrowser) throw new Error('no browser to attach CDP to');
    const cdp = await pwBrowser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${browser.extensionId}/`)).pop();
    if (!worker) throw new Error('no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return WorkerCdp.over(cdp, sessionId);
  }

  /** A session the browser session `cdp` holds already (attached, or auto-attached). */
  static over(cdp: CDPSession, sessionId: string): WorkerCdp {
    const session = new WorkerCdp(cdp, sessionId);
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : session.pending.get(message.id);
      if (!waiting) return;
      session.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
    return session;
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      void this.browserCdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  async heapUsedBytes(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    return (await this.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  async detach(): Promise<void> {
    await this.browserCdp.detach().catch(() => undefined);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (top `limit`), from a CDP CPU profile. */
function topSelfTime(profile: CpuProfile, limit = 12): { fn: string; selfMs: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((sample, index) => {
    const node = byId.get(sample)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([fn, ms]) => ({ fn, selfMs: round(ms, 0) }));
}

/** Runs `work` with the worker's CPU profiled; writes the profile and returns its top self times. */
async function profiled<T>(browser: ExtensionBrowser, name: string, work: () => Promise<T>): Promise<{ result: T; top: { fn: string; selfMs: number }[] }> {
  const cdp = await WorkerCdp.attach(browser);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop');
  await cdp.detach();
  await writeFile(join(RESULTS_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  return { result, top: topSelfTime(profile) };
}

// ---------------------------------------------------------------- helpers

const send = <T>(page: Page, message: unknown): Promise<T> => page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<T> } } }).chrome.runtime.sendMessage(m), message);

async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** The worker's marks (src/worker-marks.ts) from its start, of the newest worker that answers. */
async function workerMarks(browser: ExtensionBrowser): Promise<Record<string, number> | null> {
  for (const worker of [...browser.context.serviceWorkers()].reverse()) {
    const marks = await worker.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, Math.round(mark.startTime)]))`).catch(() => null);
    if (marks) return marks as Record<string, number>;
  }
  return null;
}

const CARD_RECORDER = `(() => {
  new MutationObserver(() => {
    if (window.__cardAt === undefined && document.querySelector('[data-paperlens="card"]')) window.__cardAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  window.__plBadges = 0;
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.localName === 'paperlens-badge') { window.__plBadges++; window.__plLastBadgeAt = performance.now(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

async function cardLoad(page: Page): Promise<number> {
  await page.goto(ABS_URL, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __cardAt?: number }).__cardAt !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __cardAt: number }).__cardAt - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
}

async function listingLoad(page: Page, entries: number): Promise<{ allBadges: number; ready: number }> {
  await page.goto(LISTING_URL, { waitUntil: 'load' });
  await page.waitForFunction(
    ({ count, ready }) => (window as unknown as { __plBadges: number }).__plBadges >= count && performance.getEntriesByName(ready).length > 0,
    { count: entries, ready: LISTING_READY_MARK },
    { timeout: 60_000 },
  );
  return page.evaluate(({ startMark, readyMark }) => {
    const start = performance.getEntriesByName(startMark)[0]!.startTime;
    return { allBadges: (window as unknown as { __plLastBadgeAt: number }).__plLastBadgeAt - start, ready: performance.getEntriesByName(readyMark)[0]!.startTime - start };
  }, { startMark: LISTING_START_MARK, readyMark: LISTING_READY_MARK });
}

/** Popup opened in a tab: first contentful paint, and navigation → results of a query typed at once. */
async function popupOpen(browser: ExtensionBrowser, query: string): Promise<{ fcp: number | null; firstResults: number }> {
  const popup = await browser.context.newPage();
  try {
    const opened = performance.now();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('search').fill(query);
    await popup.waitForFunction(([selector, q]) => document.querySelector(selector!)?.getAttribute('data-query') === q, [POPUP_RESULTS, query] as const, { timeout: 60_000 });
    const firstResults = performance.now() - opened;
    const fcp = await popup.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    return { fcp: fcp === null ? null : round(fcp), firstResults: round(firstResults) };
  } finally {
    await popup.close();
  }
}

// Each popup figure is the median of this many opens (one open varies by tens of ms).
const POPUP_OPENS = 7;

/** `POPUP_OPENS` popup opens (each after `before`, e.g. the worker stopped): medians of fcp and first results. */
async function popupOpens(browser: ExtensionBrowser, query: string, before: () => Promise<void>) {
  const opens: { fcp: number | null; firstResults: number }[] = [];
  for (let i = 0; i < POPUP_OPENS; i++) {
    await before();
    opens.push(await popupOpen(browser, query));
  }
  const fcps = opens.flatMap((open) => (open.fcp === null ? [] : [open.fcp]));
  return { fcp: fcps.length ? round(median(fcps)) : null, firstResults: round(median(opens.map((open) => open.firstResults))), firstResultsMs: spread(opens.map((open) => open.firstResults)) };
}

/** Navigation → the first Trending row, nothing typed. */
async function openToTrending(browser: ExtensionBrowser): Promise<number> {
  const popup = await browser.context.newPage();
  try {
    const opened = performance.now();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('trending-item').first().waitFor({ timeout: 60_000 });
    return performance.now() - opened;
  } finally {
    await popup.close();
  }
}

/**
 * The popup page's own CPU (CDP Profiler on its renderer) from a reload until a query typed at
 * once has its results: where the popup's main thread spends an open. Written as `name`.cpuprofile.
 */
async function popupProfile(browser: ExtensionBrowser, name: string, query: string): Promise<{ fn: string; selfMs: number }[]> {
  const popup = await browser.context.newPage();
  try {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('trending-item').first().waitFor({ timeout: 60_000 });
    const cdp = await browser.context.newCDPSession(popup);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await popup.reload();
    await popup.getByTestId('search').fill(query);
    await popup.waitForFunction(([selector, q]) => document.querySelector(selector!)?.getAttribute('data-query') === q, [POPUP_RESULTS, query] as const, { timeout: 60_000 });
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('trending-item').first().waitFor({ timeout: 60_000 });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.detach();
    await writeFile(join(RESULTS_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    return topSelfTime(profile, 15);
  } finally {
    await popup.close();
  }
}

async function popupKeystrokes(browser: ExtensionBrowser): Promise<ReturnType<typeof spread>> {
  const popup = await browser.context.newPage();
  try {
    await popup.addInitScript(keystrokeTimer(POPUP_RESULTS));
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('search').fill('warm');
    await popup.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-query') === 'warm', POPUP_RESULTS, { timeout: 60_000 });
    const records = await typeQueries(popup, POPUP_QUERIES, POPUP_RESULTS);
    return spread(records.filter((record) => record.end !== null).map((record) => record.end! - record.start));
  } finally {
    await popup.close();
  }
}

/** The popup's Trending day picker: time from choosing each day to the list naming that day's papers. */
async function trendingPicker(browser: ExtensionBrowser): Promise<{ days: number; switchMs: ReturnType<typeof spread> | null; openToTrendingMs: number; openToTrendingSpreadMs: ReturnType<typeof spread> }> {
  const opens: number[] = [];
  for (let i = 0; i < POPUP_OPENS; i++) opens.push(await openToTrending(browser));
  const openToTrendingMs = round(median(opens));
  const openToTrendingSpreadMs = spread(opens);
  const popup = await browser.context.newPage();
  try {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('trending-item').first().waitFor({ timeout: 60_000 });
    const picker = popup.getByTestId('trending-day');
    if ((await picker.count()) === 0) return { days: 0, switchMs: null, openToTrendingMs, openToTrendingSpreadMs };
    const days = (await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    const times: number[] = [];
    const current = await picker.inputValue();
    for (const day of days.filter((value) => value !== current).slice(0, 10)) {
      const first = await popup.getByTestId('trending-item').first().getAttribute('data-arxiv-id');
      const started = performance.now();
      await picker.selectOption(day);
      await popup.waitForFunction((before) => {
        const now = document.querySelector('[data-testid="trending-item"]')?.getAttribute('data-arxiv-id');
        return now !== undefined && now !== before;
      }, first, { timeout: 30_000 }).catch(() => undefined);
      times.push(performance.now() - started);
    }
    return { days: days.length, switchMs: spread(times), openToTrendingMs, openToTrendingSpreadMs };
  } finally {
    await popup.close();
  }
}

// In the reading-list page's main world: when the list is complete (aria-busy false: every item loaded, filters shown).
const LIST_COMPLETE_RECORDER = `(() => {
  new MutationObserver(() => {
    if (window.__rlComplete === undefined && document.querySelector('[data-testid="reading-list"][aria-busy="false"]')) window.__rlComplete = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;

/**
 * The reading list: navigation → its first rows (the page's ready mark) and → complete (every item
 * loaded, the filters shown); a status and a tag filter (picked → the count says the filtered
 * number); search keystrokes.
 */
async function readingList(browser: ExtensionBrowser, renders = 5) {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript(keystrokeTimer('main'));
    await page.addInitScript(LIST_COMPLETE_RECORDER);
    const firsts: number[] = [];
    const completes: number[] = [];
    for (let run = 0; run < renders; run++) {
      await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
      await page.waitForFunction(() => (window as unknown as { __rlComplete?: number }).__rlComplete !== undefined, null, { timeout: 60_000 });
      firsts.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, READY_MARK));
      completes.push(await page.evaluate(() => (window as unknown as { __rlComplete: number }).__rlComplete));
    }
    const countText = () => page.getByTestId('count').textContent();
    const items = await countText();
    const timedFilter = async (action: () => Promise<unknown>) => {
      const before = await countText();
      const started = performance.now();
      await action();
      await page.waitForFunction((b) => document.querySelector('[data-testid="count"]')?.textContent !== b, before, { timeout: 30_000 });
      return round(performance.now() - started);
    };
    const statusFilterMs = await timedFilter(() => page.getByTestId('filter-status').selectOption('reading'));
    const tag = await page.getByTestId('filter-tag').locator('option').nth(1).getAttribute('value');
    const tagFilterMs = await timedFilter(() => page.getByTestId('filter-tag').selectOption(tag!));
    const clearFiltersMs = await timedFilter(async () => {
      await page.getByTestId('filter-status').selectOption('all');
      await page.getByTestId('filter-tag').selectOption('');
    });
    await page.waitForTimeout(500);
    const records = await typeQueries(page, ['speculative decoding', 'long context memory', 'zzqxy nothing'], 'main');
    return {
      items,
      firstRowsMs: spread(firsts),
      completeMs: spread(completes),
      statusFilterMs,
      tagFilterMs,
      clearFiltersMs,
      keystrokeMs: spread(records.filter((r) => r.end !== null).map((r) => r.end! - r.start)),
    };
  } finally {
    await page.close();
  }
}

/**
 * What badgeInfo's reads cost on their own, in raw IndexedDB from an extension page: a key cursor
 * over the `ids` index between the listing's first and last id (as badgeInfo read it before it
 * read at most a key per listed id), against one getAllKeys over the same range (primary keys)
 * and against asking the index for each listed id's block (getKey, all in one transaction);
 * the stored search index's one row, as the popup reads it; every paper counted natively.
 */
async function idsRangeReads(page: Page, ids: string[]): Promise<{ keysInRange: number; keyCursorMs: number; getAllKeysMs: number; perIdGetKeyMs: number; blocksFound: number; searchIndexReadMs: number; searchIndexRowChars: number; nativeCountMs: number }> {
  const sorted = [...ids].sort();
  // A string: tsx would name the inner functions with a helper the page does not have.
  return (await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('paperlens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const range = IDBKeyRange.bound(${JSON.stringify(sorted[0])}, ${JSON.stringify(sorted[sorted.length - 1])});
    let started = performance.now();
    const keysInRange = await new Promise((resolve, reject) => {
      let count = 0;
      const cursor = db.transaction('paperBlocks', 'readonly').objectStore('paperBlocks').index('ids').openKeyCursor(range);
      cursor.onsuccess = () => {
        if (!cursor.result) return resolve(count);
        count++;
        cursor.result.continue();
      };
      cursor.onerror = () => reject(cursor.error);
    });
    const keyCursorMs = performance.now() - started;
    started = performance.now();
    await new Promise((resolve) => (db.transaction('paperBlocks', 'readonly').objectStore('paperBlocks').index('ids').getAllKeys(range).onsuccess = resolve));
    const getAllKeysMs = performance.now() - started;
    // The other way to find the listing's blocks: each id's block asked of the index, all at once in one transaction.
    const asked = ${JSON.stringify(sorted)};
    started = performance.now();
    const blocksFound = await new Promise((resolve) => {
      const index = db.transaction('paperBlocks', 'readonly').objectStore('paperBlocks').index('ids');
      const blocks = new Set();
      let left = asked.length;
      for (const id of asked) {
        const get = index.getKey(id);
        get.onsuccess = () => {
          if (get.result !== undefined) blocks.add(get.result);
          if (--left === 0) resolve(blocks.size);
        };
      }
    });
    const perIdGetKeyMs = performance.now() - started;
    // What the popup reads before its first results: the stored search index, one row.
    started = performance.now();
    const indexRow = await new Promise((resolve) => {
      const get = db.transaction('searchIndex', 'readonly').objectStore('searchIndex').get('papers');
      get.onsuccess = () => resolve(get.result);
    });
    const searchIndexReadMs = performance.now() - started;
    // Every paper counted natively (PaperStore.count steps a key cursor over them instead).
    started = performance.now();
    await new Promise((resolve) => (db.transaction('paperBlocks', 'readonly').objectStore('paperBlocks').index('ids').count().onsuccess = resolve));
    const nativeCountMs = performance.now() - started;
    db.close();
    const r = (ms) => Math.round(ms * 10) / 10;
    return { keysInRange, keyCursorMs: r(keyCursorMs), getAllKeysMs: r(getAllKeysMs), perIdGetKeyMs: r(perIdGetKeyMs), blocksFound, searchIndexReadMs: r(searchIndexReadMs), searchIndexRowChars: indexRow ? indexRow.snapshot.rows.length + indexRow.snapshot.ids.length + indexRow.snapshot.terms.length : 0, nativeCountMs: r(nativeCountMs) };
  })()`)) as { keysInRange: number; keyCursorMs: number; getAllKeysMs: number; perIdGetKeyMs: number; blocksFound: number; searchIndexReadMs: number; searchIndexRowChars: number; nativeCountMs: number };
}

/**
 * What each of badgeInfo's reads costs on its own, in raw IndexedDB from an extension page, one
 * after the other: the block numbers in the listing's id ranges (idSpans) and those blocks read
 * whole; the saved items' keys in the ranges and the listed ones read one by one, against the
 * items in the ranges read a range at a time; the seen marks' keys.
 */
async function spanReads(page: Page, ids: string[]): Promise<Record<string, number>> {
  const spans = idSpans([...new Set(ids)].sort());
  return (await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('paperlens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const spans = ${JSON.stringify(spans)};
    const wanted = new Set(${JSON.stringify(ids)});
    const all = (requests) => Promise.all(requests.map((request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    })));
    const inSpans = (source) => all(spans.map(([first, last]) => source.getAllKeys(IDBKeyRange.bound(first, last)))).then((found) => found.flat());
    let started = performance.now();
    const blocks = [...new Set(await inSpans(db.transaction('paperBlocks', 'readonly').objectStore('paperBlocks').index('ids')))];
    const blockKeysMs = performance.now() - started;
    started = performance.now();
    const blockStore = db.transaction('paperBlocks', 'readonly').objectStore('paperBlocks');
    const rows = await all(blocks.map((block) => blockStore.get(block)));
    const papers = rows.flatMap((row) => row.papers).filter((paper) => wanted.has(paper.id)).length;
    const blocksReadMs = performance.now() - started;
    started = performance.now();
    const savedStore = db.transaction('saved', 'readonly').objectStore('saved');
    const savedHeld = (await inSpans(savedStore)).filter((id) => wanted.has(id));
    const savedKeysMs = performance.now() - started;
    started = performance.now();
    const itemStore = db.transaction('saved', 'readonly').objectStore('saved');
    await all(savedHeld.map((id) => itemStore.get(id)));
    const savedItemsMs = performance.now() - started;
    started = performance.now();
    const rowStore = db.transaction('saved', 'readonly').objectStore('saved');
    const savedRows = (await all(spans.map(([first, last]) => rowStore.getAll(IDBKeyRange.bound(first, last))))).flat().length;
    const savedRowsMs = performance.now() - started;
    started = performance.now();
    const seenHeld = (await inSpans(db.transaction('seen', 'readonly').objectStore('seen'))).filter((id) => wanted.has(id)).length;
    const seenKeysMs = performance.now() - started;
    db.close();
    const r = (ms) => Math.round(ms * 10) / 10;
    return { spans: spans.length, blocks: blocks.length, papers, blockKeysMs: r(blockKeysMs), blocksReadMs: r(blocksReadMs), savedHeld: savedHeld.length, savedKeysMs: r(savedKeysMs), savedItemsMs: r(savedItemsMs), savedRows, savedRowsMs: r(savedRowsMs), seenHeld, seenKeysMs: r(seenKeysMs) };
  })()`)) as Record<string, number>;
}

// ---------------------------------------------------------------- feed days

let feedTemplate: { paper: Record<string, unknown> & { id: string; title: string }; [key: string]: unknown }[] = [];

/** 50 papers no store holds, listed on `day` (the fixture's 13 entries, repeated under new ids and titles). */
function feedDay(day: string, serial: number): string {
  const at = `${day}T08:00:00.000Z`;
  const items = Array.from({ length: 50 }, (_, index) => {
    const item = structuredClone(feedTemplate[index % feedTemplate.length]!);
    item.paper.id = `2412.${String(serial * 100 + index).padStart(5, '0')}`;
    item.paper.title = `${item.paper.title} (${serial}-${index})`;
    item.paper.submittedOnDailyAt = at;
    item.paper.publishedAt = at;
    item.submittedOnDailyAt = at;
    item.publishedAt = at;
    return item;
  });
  return JSON.stringify(items);
}

/** A Refresh from an extension page, with a card's lookup sent every 10 ms meanwhile. */
async function refreshDay(browser: ExtensionBrowser, page: Page, day: string, serial: number): Promise<{ refreshMs: number; lookupWaitMaxMs: number; lookupWaitMedianMs: number; badgesDuringMs: number }> {
  browser.serve(FEED_URL, { body: feedDay(day, serial), contentType: 'application/json' });
  const run = (await page.evaluate(`(async () => {
    const start = performance.now();
    let done = false;
    const refresh = chrome.runtime.sendMessage({ type: 'refreshFeed' }).finally(() => (done = true));
    const waits = [];
    let badgesMs = 0;
    const ids = Array.from({ length: 2000 }, (_, i) => '2001.' + String(10000 + i * 7));
    while (!done) {
      const sent = performance.now();
      await chrome.runtime.sendMessage({ type: 'lookup', queries: [{ id: '2310.01779' }] });
      waits.push(performance.now() - sent);
      if (badgesMs === 0) { const b = performance.now(); await chrome.runtime.sendMessage({ type: 'badges', ids }); badgesMs = performance.now() - b; }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const answer = await refresh;
    return { refreshMs: performance.now() - start, waits, badgesMs, answer };
  })()`)) as { refreshMs: number; waits: number[]; badgesMs: number; answer: { ok: boolean; result?: { lastFailure: { reason: string } | null } } };
  const failure = run.answer.ok ? run.answer.result?.lastFailure : { reason: JSON.stringify(run.answer) };
  if (failure) throw new Error(`the feed refresh failed: ${failure.reason}`);
  return { refreshMs: round(run.refreshMs, 0), lookupWaitMaxMs: round(Math.max(0, ...run.waits)), lookupWaitMedianMs: round(median(run.waits.length ? run.waits : [0])), badgesDuringMs: round(run.badgesMs) };
}

// ---------------------------------------------------------------- the figures

async function figures(browser: ExtensionBrowser, listingIds: string[], scatteredIds: string[], label: string) {
  console.log(`-- figures: ${label}`);
  await browser.context.addInitScript(CARD_RECORDER);
  browser.serve(ABS_URL, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(LISTING_URL, arxivNewPage(listingIds));
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);
  const health = (await send<{ result: { papers: number; seedVersion: string } }>(page, { type: 'health' }).catch(() => null)) ?? null;
  await cardLoad(page);
  const coldCard: number[] = [];
  const coldMarks: (Record<string, number> | null)[] = [];
  for (let i = 0; i < 5; i++) {
    await stopWorker(page);
    coldCard.push(await cardLoad(page));
    coldMarks.push(await workerMarks(browser));
  }
  const warmCard: number[] = [];
  for (let i = 0; i < 10; i++) warmCard.push(await cardLoad(page));

  await stopWorker(page);
  const coldListing = await listingLoad(page, listingIds.length);
  const warmListing: { allBadges: number; ready: number }[] = [];
  for (let i = 0; i < 5; i++) warmListing.push(await listingLoad(page, listingIds.length));
  await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);

  // The listing's one batched question, alone: 2,000 ids → badge answers (worker and store only).
  const badgeTrips = async (ids: string[]) => {
    const trips: number[] = [];
    for (let i = 0; i < 5; i++) {
      trips.push(await page.evaluate(async (listed) => {
        const started = performance.now();
        await (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'badges', ids: listed });
        return performance.now() - started;
      }, ids));
    }
    return trips;
  };
  const listingTrips = await badgeTrips(listingIds);
  const scatteredTrips = await badgeTrips(scatteredIds);
  const idsRange = await idsRangeReads(page, listingIds);
  const spans = await spanReads(page, listingIds);
  // What the popup asks on every open: the store's health (its paper count among it), warm worker.
  const healthTrips: number[] = [];
  for (let i = 0; i < 5; i++) {
    healthTrips.push(await page.evaluate(async () => {
      const started = performance.now();
      await (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'health' });
      return performance.now() - started;
    }));
  }

  const popupCold = await popupOpens(browser, 'language model', () => stopWorker(page));
  const popupWarm = await popupOpens(browser, 'language model', async () => undefined);
  const keystrokes = await popupKeystrokes(browser);
  const trending = await trendingPicker(browser);
  const popupProfileTop = await popupProfile(browser, `popup-${label.startsWith('fresh') ? 'fresh' : 'year'}`, 'language model');
  await page.close();
  const cdp = await WorkerCdp.attach(browser);
  const workerHeapBytes = await cdp.heapUsedBytes();
  await cdp.detach();
  const marks = coldMarks.filter((m): m is Record<string, number> => m !== null);
  return {
    label,
    store: health?.result ?? null,
    card: {
      coldDclToCardMs: spread(coldCard),
      coldWorkerMarksMedian: {
        evaluated: round(median(marks.map((m) => m[WORKER_MARKS.evaluated] ?? Number.NaN))),
        storeReady: round(median(marks.map((m) => m[WORKER_MARKS.storeReady] ?? Number.NaN))),
        firstReply: round(median(marks.map((m) => m[WORKER_MARKS.firstReply] ?? Number.NaN))),
      },
      warmDclToCardMs: spread(warmCard),
    },
    listing2000: { cold: { allBadgesMs: round(coldListing.allBadges), storeAnswersMs: round(coldListing.ready) }, warmAllBadgesMs: spread(warmListing.map((l) => l.allBadges)), warmStoreAnswersMs: spread(warmListing.map((l) => l.ready)), badgesMessageRoundTripMs: spread(listingTrips), badgesScatteredRoundTripMs: spread(scatteredTrips), idsRange, spanReads: spans },
    popup: { coldWorker: popupCold, warm: popupWarm, keystrokeMs: keystrokes, trending, healthRoundTripMs: spread(healthTrips), profileTop: popupProfileTop },
    workerHeapBytes,
  };
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const config = UNMINIFIED ? ['-c', 'bench/year-store.wxt.config.ts'] : [];
  if (!args.includes('--no-build')) execFileSync('npx', ['wxt', 'build', ...config], { env: { ...process.env, PAPERLENS_BENCH: '1' }, stdio: 'ignore' });
  await rm(RESULTS_DIR, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', RESULTS_DIR]);
  feedTemplate = JSON.parse(await fixture('feed/daily_papers.json'));
  const vocabulary = realVocabulary();
  const extDir = await mkdtemp(join(tmpdir(), 'paperlens-year-ext-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'paperlens-year-profile-'));
  await cp(BENCH_DIR, extDir, { recursive: true });
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
  await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '0.0.1' }));
  const report: Record<string, unknown> = { measuredAt: new Date().toISOString(), feedPapers: FEED_PAPERS, saved: SAVED, days: DAYS };
  const storePapers = syntheticPapers(FEED_PAPERS, 7, vocabulary);
  // 2,000 listing entries: 1,200 the store holds (a quarter of them saved), 800 it does not.
  const listingIds = [...storePapers.slice(0, 1200).map((p) => p.id), ...Array.from({ length: 800 }, (_, n) => `2407.${String(20000 + n).padStart(5, '0')}`)];
  // The same question shaped as a real /new listing's (badges message only): the day's ids, and
  // 600 replacements spread over years, each far from the next (300 the store holds, 300 not).
  const scatteredIds = [
    ...storePapers.slice(0, 700).map((p) => p.id),
    ...Array.from({ length: 700 }, (_, n) => `2407.${20000 + n}`),
    ...Array.from({ length: 300 }, (_, n) => storePapers[1200 + 55 * n]!.id),
    ...Array.from({ length: 300 }, (_, n) => `${21 + (n % 3)}${String(1 + (n % 12)).padStart(2, '0')}.${10000 + 37 * n}`),
  ];
  try {
    let browser = await launchExtension({ extensionDir: extDir, profileDir });
    try {
      report.baseline = await figures(browser, listingIds, scatteredIds, 'fresh store (bundled snapshot only)');
      console.log(JSON.stringify(report.baseline, null, 2));

      // ---- fill: feed papers through the worker's product bulk path
      const load = await loadInWorker(browser, FEED_PAPERS, vocabulary);
      // The worker keeps its caches of the store it had (related corpus, lookups): a restart, as after the browser idles.
      const rl = await browser.context.newPage();
      await rl.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
      await stopWorker(rl);

      // ---- the reading list: every 4th store paper saved (notes on 40%, tags), and 300 bare ids
      const now = Date.now();
      const saved: SavedItem[] = storePapers
        .filter((_, index) => index % 4 === 0)
        .slice(0, SAVED)
        .map((paper, index) => ({
          id: paper.id, title: paper.title, authors: paper.authors, tldr: paper.summary.tldr, status: STATUSES[index % 3]!,
          tags: [...new Set(paper.summary.topics.slice(0, 1 + (index % 3)))], notes: index % 5 < 2 ? paper.abstract.slice(0, 400) : '',
          addedAt: now - index * 3_600_000, updatedAt: now - index * 1_800_000, readAt: index % 3 === 2 ? now - index * 1_000_000 : null,
          sourceUrl: `https://arxiv.org/abs/${paper.id}`, published: null, primaryCategory: 'cs.LG', doi: null, journalRef: null, pdfUrl: `https://arxiv.org/pdf/${paper.id}`,
        }));
      const bare: SavedItem[] = Array.from({ length: 300 }, (_, n) => {
        const id = `2409.${String(10000 + n).padStart(5, '0')}`;
        return { id, title: `arXiv:${id}`, authors: [], tldr: '', status: 'to-read', tags: [], notes: '', addedAt: now - n * 60_000, updatedAt: now - n * 60_000, readAt: null, sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null };
      });
      await rl.reload();
      await rl.getByTestId('empty').waitFor({ timeout: 60_000 });
      const importStart = performance.now();
      await rl.getByTestId('import-file').setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(exportJson([...saved, ...bare], now)) });
      await rl.getByTestId('import-summary').waitFor({ timeout: 120_000 });
      await rl.getByTestId('import-apply').click();
      await rl.getByTestId('import-result').waitFor({ timeout: 120_000 });
      const importMs = round(performance.now() - importStart, 0);

      // ---- 5,000 seen marks, as paper pages send them (one lookup each would take an hour)
      const seenIds = storePapers.filter((_, index) => index % 3 !== 0).slice(0, 5000).map((paper) => ({ id: paper.id }));
      const seenStart = performance.now();
      await send(rl, { type: 'lookup', queries: seenIds, seenOn: 'arxivAbs' });
      const seenMs = round(performance.now() - seenStart, 0);

      // ---- DAYS daily refreshes of 50 new papers (the last month the picker offers)
      const refreshes: Awaited<ReturnType<typeof refreshDay>>[] = [];
      const start = Date.UTC(2024, 10, 1);
      for (let d = 0; d < DAYS - 1; d++) {
        refreshes.push(await refreshDay(browser, rl, new Date(start + d * 86_400_000).toISOString().slice(0, 10), d + 1));
        process.stdout.write(`day ${d + 1}: ${refreshes.at(-1)!.refreshMs} ms\n`);
      }
      // The last one with the worker's CPU profiled: where a refresh's time goes.
      const last = await profiled(browser, 'feed-refresh', () => refreshDay(browser, rl, new Date(start + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10), DAYS));
      refreshes.push(last.result);
      const listBefore = (await send<{ result: SavedItem[] }>(rl, { type: 'listSaved' })).result;
      report.fill = {
        feedLoadMs: round(load.loadMs, 0), importMs, seenMarksMs: seenMs, savedItems: listBefore.length,
        feedRefresh50: {
          refreshMs: spread(refreshes.map((r) => r.refreshMs)),
          lookupWaitDuringRefreshMaxMs: spread(refreshes.map((r) => r.lookupWaitMaxMs)),
          badges2000DuringRefreshMs: spread(refreshes.map((r) => r.badgesDuringMs)),
          lastRefresh: last.result,
          profileTop: last.top,
        },
      };
      console.log(JSON.stringify(report.fill, null, 2));
      await writeFile(join(RESULTS_DIR, 'saved-before.json'), JSON.stringify(listBefore));
      // The update brings a new summarizer, as most do: every stored summary is then the version before's.
      await browser.worker.evaluate(agePaperSummaries);
      await browser.close();

      // ---- an update: a higher version with a new snapshot version, on the same profile
      await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '0.0.2' }));
      const seedPath = join(extDir, 'seed.json');
      const seed = JSON.parse(await readFile(seedPath, 'utf8')) as { version: string };
      const newVersion = `${seed.version}-next`;
      await writeFile(seedPath, JSON.stringify({ ...seed, version: newVersion }));
      await rm(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
      const launched = performance.now();
      browser = await launchExtension({ extensionDir: extDir, profileDir });
      // The worker's CPU from as soon as the browser hands it over (the reseed has just begun).
      const reseedCdp = await WorkerCdp.attach(browser);
      await reseedCdp.send('Profiler.enable');
      await reseedCdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await reseedCdp.send('Profiler.start');
      const profilingFromMs = round(performance.now() - launched, 0);
      const probe = await browser.context.newPage();
      await probe.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
      const waits: number[] = [];
      let reseededMs = Number.NaN;
      let resummarizedMs = Number.NaN;
      for (;;) {
        const sent = performance.now();
        const health = await send<{ ok: boolean; result: { seedVersion: string | null; papers: number } }>(probe, { type: 'health' });
        await send(probe, { type: 'lookup', queries: [{ id: '2310.01779' }] });
        waits.push(performance.now() - sent);
        if (health.ok && health.result.seedVersion === newVersion && Number.isNaN(reseededMs)) reseededMs = performance.now() - launched;
        if (!Number.isNaN(reseededMs) && (await readStore<{ value: string } | undefined>(browser, 'meta', 'summarizerVersion'))?.value === String(SUMMARIZER_VERSION)) {
          resummarizedMs = performance.now() - launched;
          break;
        }
        if (performance.now() - launched > 180_000) throw new Error('the update did not take the new snapshot and summarizer in 3 minutes');
        await probe.waitForTimeout(20);
      }
      const { profile: reseedProfile } = await reseedCdp.send<{ profile: CpuProfile }>('Profiler.stop');
      await reseedCdp.detach();
      await writeFile(join(RESULTS_DIR, 'update-reseed.cpuprofile'), JSON.stringify(reseedProfile));
      const listAfter = (await send<{ result: SavedItem[] }>(probe, { type: 'listSaved' })).result;
      const key = (items: SavedItem[]) => JSON.stringify([...items].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, status, tags, notes, title }) => ({ id, status, tags, notes, title })));
      const bareIds = new Set(bare.map((item) => item.id));
      const keptExceptBare = key(listAfter.filter((i) => !bareIds.has(i.id))) === key(listBefore.filter((i) => !bareIds.has(i.id)));
      const health = (await send<{ result: { papers: number } }>(probe, { type: 'health' })).result;
      report.update = { launchToNewSnapshotMs: round(reseededMs, 0), launchToSummariesRecomputedMs: round(resummarizedMs, 0), healthAndLookupRoundTripMs: spread(waits), savedBefore: listBefore.length, savedAfter: listAfter.length, readingListKept: keptExceptBare, papersAfter: health.papers, profiledFromMs: profilingFromMs, profileTop: topSelfTime(reseedProfile) };
      console.log(JSON.stringify(report.update, null, 2));
      await probe.close();

      report.year = await figures(browser, listingIds, scatteredIds, 'a year of use, after the update');
      console.log(JSON.stringify(report.year, null, 2));
      const profiledListing = await profiled(browser, 'listing-2000-warm', async () => {
        const page = await browser.context.newPage();
        const loads = [await listingLoad(page, listingIds.length), await listingLoad(page, listingIds.length)];
        await page.close();
        return loads;
      });
      report.listingProfileTop = profiledListing.top;
      const profiledRefresh = await profiled(browser, 'feed-refresh-after-update', async () => {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
        const result = await refreshDay(browser, page, '2024-12-15', 99);
        await page.close();
        return result;
      });
      report.refreshAfterUpdate = { ...profiledRefresh.result, profileTop: profiledRefresh.top };
      report.readingList = await readingList(browser);
      console.log(JSON.stringify(report.readingList, null, 2));
      const cdp = await WorkerCdp.attach(browser);
      report.workerHeapBytesAtEnd = await cdp.heapUsedBytes();
      await cdp.detach();
    } finally {
      await browser.close();
    }
  } finally {
    await writeFile(join(RESULTS_DIR, 'report.json'), JSON.stringify(report, null, 2));
    await rm(extDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(report, null, 2));
}

await main();
