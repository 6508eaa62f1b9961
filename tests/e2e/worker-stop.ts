import type { Page, Worker } from 'playwright-core';

// Helpers of the worker-stop tests: stopping the background worker as DevTools' Stop does, and
// holding it at the moment after the store took a change and before it answered.

/** Stops the extension's worker; the next event (a message, a tab update) starts a new one. */
export async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * The worker's next announcement of a store change (announceStoreChanged: its query of the open
 * arXiv and Hugging Face tabs) holds it for 5 s. A request's answer, and what the worker does after
 * a save (queueing the paper's completion), wait behind it: the worker is caught right after the
 * store took the change. A Playwright stop in those 5 s is a worker stopped at that moment.
 */
export async function lingerAfterNextChange(worker: Worker): Promise<void> {
  // The toolbar icon follows tab changes 300 ms after them with the same query (toolbar-status.ts):
  // the pages just opened have theirs first.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await worker.evaluate(() => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query: (query: { url?: unknown }) => unknown } } }).chrome.tabs;
    const query = tabs.query.bind(tabs);
    let armed = true;
    tabs.query = (asked) => {
      // Only the announcement's query (by address); the active tab's (the link menu's) goes on.
      if (armed && asked.url !== undefined) {
        armed = false;
        const until = Date.now() + 5_000;
        while (Date.now() < until) {
          // lingering
        }
      }
      return query(asked);
    };
  });
}
