import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchExtension } from '../tests/e2e/harness';
import { keystrokeTimer, typeQueries } from './keystrokes';
import { median, quantile, round } from './stats';
import { loadInWorker } from './load';
import { realVocabulary } from './vocabulary';
import { benchUnknownPaperCard, type UnknownPaperCardReport } from './unknown-paper-card';
import { benchFeedMerge, type FeedMergeReport } from './feed-merge';
import { benchRelatedRefresh, type RelatedRefreshReport } from './related-refresh';

/**
 * Issue 3's search figures, in real Chromium against the extension's own IndexedDB: the time to
 * load N papers into the store (records + search index, one transaction) and the per-keystroke
 * latency of popup search (input event → results for that input rendered), at 10,000 and 100,000,
 * and over each store the card of a paper it does not hold (bench/unknown-paper-card.ts), a
 * daily-papers refresh (bench/feed-merge.ts) and the related lists made again after an update
 * that changed the related rule (bench/related-refresh.ts).
 * Synthetic papers draw their words with the frequencies of real CS abstracts (SciTLDR dev).
 */

const BENCH_DIR = fileURLToPath(new URL('../.output/bench/chrome-mv3/', import.meta.url));

// Where the popup says which query its results are for.
const RESULTS = '[data-testid="search-results"]';
// What people type: topics, a common word alone, and a miss.
const FIRST_QUERY = 'language model';
const QUERIES = ['speculative decoding', 'quantization low bit', 'long context memory', 'multilingual translation', 'reward model alignment', 'graph neural', 'vision language caption', 'model', 'zzqxy nothing'];



export interface SearchReport {
  papers: number;
  /** Records and search index, in the one transaction the product uses. */
  loadMs: number;
  /** The same records with no index work (a plain bulkPut), for comparison. */
  recordsOnlyMs: number;
  recordBytes: number;
  /** Opening the popup → results of a query typed at once (loading the index included). */
  openToFirstResultsMs: number;
  keystrokes: number;
  keystrokeMs: { median: number; p95: number; max: number };
  /** Keystrokes superseded by the next one before their results showed (not in the figures). */
  superseded: number;
  /** The card of a paper this store does not hold (related papers are compared with all N). Not with `keystrokesOnly`, as the two below. */
  unknownPaperCard?: UnknownPaperCardReport;
  /** A daily-papers refresh that adds papers to this store, and lookups sent meanwhile. */
  feedMerge?: FeedMergeReport;
  relatedRefresh?: RelatedRefreshReport;
}

export async function benchSearch(sizes = [10_000, 100_000], keystrokesOnly = false): Promise<SearchReport[]> {
  execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_BENCH: '1' }, stdio: 'ignore' });
  const vocabulary = realVocabulary();
  const browser = await launchExtension({ extensionDir: BENCH_DIR });
  const reports: SearchReport[] = [];
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);
    for (const size of sizes) {
      await page.waitForFunction(() => 'paperlensBench' in globalThis);
      const load = await loadInWorker(browser, size, vocabulary);
      const popup = await browser.context.newPage();
      await popup.addInitScript(keystrokeTimer(RESULTS));
      // Opening: from navigation to the results of a query typed at once (the index loads first).
      const opened = performance.now();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.getByTestId('search').fill(FIRST_QUERY);
      await popup.waitForFunction(([selector, query]) => document.querySelector(selector!)?.getAttribute('data-query') === query, [RESULTS, FIRST_QUERY] as const, { timeout: 60_000 });
      const openToFirstResultsMs = performance.now() - opened;
      const records = await typeQueries(popup, QUERIES, RESULTS);
      await popup.close();
      const timed = records.filter((record) => record.end !== null).map((record) => record.end! - record.start);
      // The related lists' refresh alone takes minutes at 100,000 papers: `--keystrokes-only` leaves these out.
      const unknownPaperCard = keystrokesOnly ? undefined : await benchUnknownPaperCard(browser);
      const feedMerge = keystrokesOnly ? undefined : await benchFeedMerge(browser);
      const relatedRefresh = keystrokesOnly ? undefined : await benchRelatedRefresh(page);
      reports.push({
        papers: load.count,
        loadMs: round(load.loadMs, 0),
        recordsOnlyMs: round(load.recordsOnlyMs, 0),
        recordBytes: load.recordBytes,
        openToFirstResultsMs: round(openToFirstResultsMs, 0),
        keystrokes: timed.length,
        keystrokeMs: { median: round(median(timed)), p95: round(quantile(timed, 0.95)), max: round(Math.max(...timed)) },
        superseded: records.length - timed.length,
        unknownPaperCard,
        feedMerge,
        relatedRefresh,
      });
    }
  } finally {
    await browser.close();
  }
  return reports;
}
