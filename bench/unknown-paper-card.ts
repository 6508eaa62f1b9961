import type { Page } from 'playwright-core';
import { fixture, type ExtensionBrowser } from '../tests/e2e/harness';
import { stopServiceWorkers } from './card-latency';
import { median, round } from './stats';

/** An arXiv abstract page of a paper the benchmark stores do not hold. */
const UNKNOWN_PAPER_URL = 'https://arxiv.org/abs/1706.03762';

// Runs in the page before its scripts: when the card host appears, and when its related links do
// (they are drawn inside the card's shadow root, which a document observer does not see).
const RECORDER = `(() => {
  const related = (root) => {
    if (window.__relatedAt === undefined && root.querySelector('[data-testid="related"] a')) window.__relatedAt = performance.now();
  };
  new MutationObserver(() => {
    const host = document.querySelector('[data-paperlens="card"]');
    if (!host || window.__cardAt !== undefined) return;
    window.__cardAt = performance.now();
    related(host.shadowRoot);
    new MutationObserver(() => related(host.shadowRoot)).observe(host.shadowRoot, { childList: true, subtree: true });
  }).observe(document, { childList: true, subtree: true });
})();`;

export interface UnknownPaperCardReport {
  /** DOMContentLoaded → card attached / → its related papers shown; medians. */
  coldDclToCardMs: number;
  coldDclToRelatedMs: number;
  /**
   * Each cold load's, in order: the first after the store was loaded tokenizes every stored paper
   * and keeps their terms; the next ones build from those.
   */
  coldDclToRelatedEachMs: number[];
  /**
   * A lookup round trip from an extension page sent as the cold card shows, while the worker
   * compares the page with every stored paper: how long the worker keeps others waiting.
   */
  coldLookupWhileRelatedMs: number;
  warmDclToCardMs: number;
  warmDclToRelatedMs: number;
}

/**
 * Waits, after a card's related papers showed, while the worker keeps what it tokenized (the
 * browser lets an idle worker live 30 s): until every block's terms are kept, or their count
 * stopped growing for 2 s. Read from an extension page.
 */
async function keepingSettled(probe: Page): Promise<void> {
  const count = () =>
    probe.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('paperlens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const transaction = open.result.transaction(['paperBlocks', 'relatedTerms']);
        const blocks = transaction.objectStore('paperBlocks').count();
        const kept = transaction.objectStore('relatedTerms').count();
        transaction.oncomplete = () => { open.result.close(); resolve([blocks.result, kept.result]); };
      };
    })`) as Promise<[number, number]>;
  const start = performance.now();
  let last = -1;
  let since = start;
  while (performance.now() - start < 30_000) {
    const [blocks, kept] = await count();
    if (kept >= blocks) return;
    if (kept !== last) [last, since] = [kept, performance.now()];
    else if (performance.now() - since > 2_000) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function load(page: Page, probe?: Page): Promise<{ card: number; related: number; lookup: number }> {
  await page.goto(UNKNOWN_PAPER_URL, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __cardAt?: number }).__cardAt !== undefined, null, { timeout: 60_000, polling: 1 });
  // A seed paper's lookup, as the popup or a listing would ask.
  const lookup = probe
    ? ((await probe.evaluate(`(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'lookup', queries: [{ id: '2310.01779' }] });
        return performance.now() - start;
      })()`)) as number)
    : Number.NaN;
  await page.waitForFunction(() => (window as unknown as { __relatedAt?: number }).__relatedAt !== undefined, null, { timeout: 120_000, polling: 5 });
  const timing = (await page.evaluate(`(() => {
    const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
    return { card: window.__cardAt - dcl, related: window.__relatedAt - dcl };
  })()`)) as { card: number; related: number };
  return { ...timing, lookup };
}

/**
 * The card of a paper the store does not hold (the common case: most papers a reader opens), over
 * whatever the store holds now: its summary is computed from the page, its related papers by
 * comparing the page with every stored paper.
 */
export async function benchUnknownPaperCard(browser: ExtensionBrowser, { coldLoads = 3, warmLoads = 5 } = {}): Promise<UnknownPaperCardReport> {
  browser.serve(UNKNOWN_PAPER_URL, await fixture('arxiv-abs-1706.03762.html'));
  const page = await browser.context.newPage();
  await page.addInitScript(RECORDER);
  const probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  try {
    const cold: { card: number; related: number; lookup: number }[] = [];
    for (let i = 0; i < coldLoads; i++) {
      await stopServiceWorkers(page);
      await new Promise((resolve) => setTimeout(resolve, 300));
      cold.push(await load(page, probe));
      await keepingSettled(probe);
    }
    const warm: { card: number; related: number; lookup: number }[] = [];
    for (let i = 0; i < warmLoads; i++) warm.push(await load(page));
    return {
      coldDclToCardMs: round(median(cold.map((timing) => timing.card))),
      coldDclToRelatedMs: round(median(cold.map((timing) => timing.related))),
      coldDclToRelatedEachMs: cold.map((timing) => round(timing.related)),
      coldLookupWhileRelatedMs: round(median(cold.map((timing) => timing.lookup))),
      warmDclToCardMs: round(median(warm.map((timing) => timing.card))),
      warmDclToRelatedMs: round(median(warm.map((timing) => timing.related))),
    };
  } finally {
    await page.close();
    await probe.close();
  }
}
