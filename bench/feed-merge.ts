import { fixture, type ExtensionBrowser } from '../tests/e2e/harness';
import { median, round } from './stats';

const FEED_URL = 'https://huggingface.co/api/daily_papers';

export interface FeedMergeReport {
  /** The Refresh round trip: fetch, relate the day's new papers to every stored paper, write. */
  refreshMs: number;
  /** Lookups of a stored paper sent one after another during the refresh, as cards would ask. */
  lookups: number;
  lookupDuringRefreshMs: { median: number; max: number };
}

let day = 0;

/** The fixture feed with ids no store holds yet, so that every run relates all of its papers. */
async function feedOfNewPapers(): Promise<string> {
  const items = JSON.parse(await fixture('feed/daily_papers.json')) as { paper: { id: string } }[];
  day++;
  items.forEach((item, index) => (item.paper.id = `29${String(day).padStart(2, '0')}.${String(index).padStart(5, '0')}`));
  return JSON.stringify(items);
}

/**
 * A daily-papers refresh over whatever the store holds now: how long a card's lookup waits while
 * the worker merges the day (issue 3: related papers are computed for the papers a refresh adds).
 */
export async function benchFeedMerge(browser: ExtensionBrowser): Promise<FeedMergeReport> {
  browser.serve(FEED_URL, { body: await feedOfNewPapers(), contentType: 'application/json' });
  const probe = await browser.context.newPage();
  try {
    await probe.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const run = (await probe.evaluate(`(async () => {
      const start = performance.now();
      let done = false;
      const refresh = chrome.runtime.sendMessage({ type: 'refreshFeed' }).finally(() => (done = true));
      const waits = [];
      while (!done) {
        const sent = performance.now();
        await chrome.runtime.sendMessage({ type: 'lookup', queries: [{ id: '2310.01779' }] });
        waits.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const answer = await refresh;
      return { refreshMs: performance.now() - start, waits, answer };
    })()`)) as { refreshMs: number; waits: number[]; answer: { ok: boolean; result?: { lastFailure: { reason: string } | null } } };
    const failure = run.answer.ok ? run.answer.result?.lastFailure : { reason: JSON.stringify(run.answer) };
    if (failure) throw new Error(`the feed refresh failed: ${failure.reason}`);
    return {
      refreshMs: round(run.refreshMs, 0),
      lookups: run.waits.length,
      lookupDuringRefreshMs: { median: round(median(run.waits)), max: round(Math.max(...run.waits)) },
    };
  } finally {
    await probe.close();
  }
}
