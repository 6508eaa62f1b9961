import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';
import { INDEX_BUILD_MEASURE, OFF_THREAD_MIN_DOCUMENTS } from '../../src/search/snapshot-threads';

// A store large enough that its search index is built off the service worker, in a worker that an
// offscreen document starts (src/search/snapshot-offscreen.ts): two daily-papers refreshes of 1,000
// papers each (the feed's largest day) take the store of 66 past OFF_THREAD_MIN_DOCUMENTS.
const FEED_URL = 'https://huggingface.co/api/daily_papers';
const DAY_PAPERS = 1_000;
type WorkerGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;
let template: Record<string, unknown> & { paper: Record<string, unknown> };
let feedBody = '[]';
const workerWarnings: string[] = [];

/** A day of the feed: DAY_PAPERS papers with ids `<month>.10000` on, titled `<kind> <n> of …` unless `named`, shaped as the API sends them. */
function feedDay(month: string, day: string, kind: string, named: Record<number, string> = {}): string {
  const words = ['sparse', 'routing', 'draft', 'tokens', 'memory', 'reward', 'vision', 'graph', 'kernel', 'cache'];
  return JSON.stringify(
    Array.from({ length: DAY_PAPERS }, (_, n) => {
      const title = named[n] ?? `${kind} ${n} of ${words[n % 10]} ${words[(n * 7) % 10]} models`;
      const summary = `We study ${words[n % 10]} for ${words[(n * 3) % 10]} models. Our method improves accuracy by ${n % 40} points on ${words[(n * 7) % 10]} benchmarks.`;
      return {
        ...template,
        title,
        summary,
        publishedAt: `${day}T12:00:00.000Z`,
        paper: { ...template.paper, id: `${month}.${String(10000 + n)}`, title, summary, publishedAt: `${day}T12:00:00.000Z`, submittedOnDailyAt: `${day}T12:00:00.000Z`, upvotes: n % 50, githubRepo: null },
      };
    }),
  );
}

beforeAll(async () => {
  [template] = JSON.parse(await fixture('feed/daily_papers.json')) as [typeof template];
  browser = await launchExtension();
  browser.worker.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') workerWarnings.push(message.text());
  });
  browser.serve(FEED_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: feedBody }));
});

afterAll(async () => {
  await browser?.close();
});

async function refresh(open?: Page): Promise<Page> {
  const popup = open ?? (await browser.popup());
  await popup.getByTestId('refresh-feed').click();
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent(), { timeout: 60_000 }).toBe('Refresh');
  return popup;
}

test('papers merged into a large store are indexed off the service worker, and search finds them', async () => {
  feedBody = feedDay('2501', '2025-01-06', 'Study');
  const refreshing = await refresh();
  feedBody = feedDay('2502', '2025-02-03', 'Survey', { 517: 'Porcupine quills as sparse attention masks' });
  await refresh(refreshing);
  await refreshing.close();

  const builds = await browser.worker.evaluate((name) => performance.getEntriesByName(name).map((entry) => (entry as PerformanceMeasure).detail as { where: string; documents: number }), INDEX_BUILD_MEASURE);
  // The first day was built in the worker itself (66 + 1,000 papers); the second, past the threshold, elsewhere.
  expect(builds).toContainEqual({ where: 'here', documents: 66 + DAY_PAPERS });
  expect(builds.at(-1)).toEqual({ where: 'off-thread', documents: 66 + 2 * DAY_PAPERS });
  expect(builds.filter((build) => build.documents >= OFF_THREAD_MIN_DOCUMENTS).every((build) => build.where === 'off-thread')).toBe(true);
  expect(workerWarnings).toEqual([]);

  const popup = await browser.popup();
  for (const [query, id] of [['porcupine quills', '2502.10517'], ['Survey 998', '2502.10998'], ['Study 3 of tokens', '2501.10003']] as const) {
    await popup.getByTestId('search').fill(query);
    await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe(query);
    expect(await popup.getByTestId('search-item').first().getAttribute('data-arxiv-id'), query).toBe(id);
  }
  // The bundled papers are still found: the build added to the stored index.
  await popup.getByTestId('search').fill('specdec');
  await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe('specdec');
  expect(await popup.getByTestId('search-item').locator('.title').allTextContents()).toContain('SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths');
  await popup.close();
});

test('the offscreen document is closed once the index is built', async () => {
  const open = await browser.worker.evaluate(async () => (await (globalThis as unknown as WorkerGlobal).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length);
  expect(open).toBe(0);
});
