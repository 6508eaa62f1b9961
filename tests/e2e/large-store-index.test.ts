import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { loadInWorker } from '../../bench/load';
import { syntheticPapers } from '../../bench/synthetic-papers';
import { realVocabulary } from '../../bench/vocabulary';
import { INDEX_BUILD_MEASURE, OFF_THREAD_MIN_ADDED } from '../../src/search/snapshot-threads';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

// A store large enough that its search index is built off the service worker, in a worker that an
// offscreen document starts (src/search/snapshot-offscreen.ts). No product path adds 12,000 papers
// at once (a feed day lists at most 1,000), so the store is loaded through the bench build's hook
// in the worker (bench/worker-hooks.ts), which runs the product's bulk path; the rest is the product.
const BENCH_DIR = fileURLToPath(new URL('../../.output/bench/chrome-mv3/', import.meta.url));
const FEED_URL = 'https://huggingface.co/api/daily_papers';
const LOADED = 12_000;
type WorkerGlobal = { chrome: typeof Browser };
type Build = { where: string; documents: number };

let browser: ExtensionBrowser;
let feed: { paper: { id: string; title: string } }[];
// Offline until the refresh test: the worker's own refresh at its start must not merge into the load.
let feedOnline = false;
let buildsOfLoad = 0;
const workerWarnings: string[] = [];

beforeAll(async () => {
  execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_BENCH: '1' }, stdio: 'ignore' });
  const feedJson = await fixture('feed/daily_papers.json');
  feed = JSON.parse(feedJson) as typeof feed;
  browser = await launchExtension({ extensionDir: BENCH_DIR });
  browser.worker.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') workerWarnings.push(message.text());
  });
  browser.serve(FEED_URL, (route) => (feedOnline ? route.fulfill({ status: 200, contentType: 'application/json', body: feedJson }) : route.abort('internetdisconnected')));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const builds = () => browser.worker.evaluate((name) => performance.getEntriesByName(name).map((entry) => (entry as PerformanceMeasure).detail as Build), INDEX_BUILD_MEASURE);
const offscreenDocuments = () => browser.worker.evaluate(async () => (await (globalThis as unknown as WorkerGlobal).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length);

async function firstFound(query: string): Promise<string | null> {
  const popup = await browser.popup();
  await popup.getByTestId('search').fill(query);
  await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe(query);
  const id = await popup.getByTestId('search-item').first().getAttribute('data-arxiv-id');
  await popup.close();
  return id;
}

test('a large load is indexed off the service worker, and search finds its papers', async () => {
  const vocabulary = realVocabulary();
  const load = await loadInWorker(browser, LOADED, vocabulary);
  expect(load.count).toBe(LOADED);
  const loaded = await builds();
  expect(loaded.at(-1)).toEqual({ where: 'off-thread', documents: LOADED });
  buildsOfLoad = loaded.length;
  // Open for the next load, closed after a while (src/search/snapshot-offscreen.ts).
  expect(await offscreenDocuments()).toBe(1);
  expect(workerWarnings).toEqual([]);
  // The same papers the worker made (the same seed): a few of them, by their titles.
  const papers = syntheticPapers(LOADED, 7, vocabulary);
  for (const at of [0, 7_777, LOADED - 1]) expect(await firstFound(papers[at]!.title), papers[at]!.title).toBe(papers[at]!.id);
});

test('a daily refresh into that store adds little and is indexed in the worker itself; search finds its papers too', async () => {
  feedOnline = true;
  const popup = await browser.popup();
  await popup.getByTestId('refresh-feed').click();
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent(), { timeout: 30_000 }).toBe('Refresh');
  await popup.close();
  const added = feed.length;
  expect(added).toBeLessThan(OFF_THREAD_MIN_ADDED);
  // The popup's refresh, and any the worker made of its own: each adds the day's papers (or gives them again).
  const merges = (await builds()).slice(buildsOfLoad);
  expect(merges.length).toBeGreaterThan(0);
  for (const merge of merges) expect(merge).toEqual({ where: 'here', documents: expect.any(Number) });
  expect(merges[0]!.documents).toBe(LOADED + added);
  const { id, title } = feed[3]!.paper;
  expect(await firstFound(title)).toBe(id);
  expect(workerWarnings).toEqual([]);
});
