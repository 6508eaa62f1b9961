import type { Page } from 'playwright-core';
import { stopServiceWorkers } from './card-latency';
import { median, round } from './stats';

export interface RelatedRefreshReport {
  /**
   * A worker start after an update that changed the related rule → every feed paper's related
   * list made again (src/db/related-lists.ts): the worker's 2 s wait after its start, the corpus
   * of every stored paper (from kept terms), then the lists.
   */
  refreshMs: number;
  /** Lookups of a stored paper sent to the worker one after another (10 ms apart) meanwhile, after the one that started it. */
  lookups: number;
  lookupDuringRefreshMs: { median: number; max: number };
}

/** The refresh over whatever the store holds now (every synthetic paper is a feed paper), from `bench`, the benchmark page. */
export async function benchRelatedRefresh(bench: Page): Promise<RelatedRefreshReport> {
  await bench.evaluate(() => (globalThis as unknown as { paperlensBench: { staleRelatedLists: () => Promise<void> } }).paperlensBench.staleRelatedLists());
  await stopServiceWorkers(bench);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const run = (await bench.evaluate(`(async () => {
    const start = performance.now();
    const waits = [];
    while (!(await globalThis.paperlensBench.relatedListsDone())) {
      const sent = performance.now();
      await chrome.runtime.sendMessage({ type: 'lookup', queries: [{ id: '2001.10000' }] });
      waits.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { refreshMs: performance.now() - start, waits: waits.slice(1) };
  })()`)) as { refreshMs: number; waits: number[] };
  return {
    refreshMs: round(run.refreshMs, 0),
    lookups: run.waits.length,
    lookupDuringRefreshMs: { median: round(median(run.waits)), max: round(Math.max(...run.waits)) },
  };
}
