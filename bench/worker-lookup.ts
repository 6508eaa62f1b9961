import { launchExtension } from '../tests/e2e/harness';
import { median, quantile, round } from './stats';

/**
 * Round trips to the background for the store's read paths, from an extension page: a card's
 * lookup by id (answered from the worker's memory after the first), a lookup the memory cannot
 * answer (id and title: read from IndexedDB each time), and listing badges for four ids.
 */

const ROUNDS = 60;
const REQUESTS = {
  cachedLookup: { type: 'lookup', queries: [{ id: '2310.01779' }], seenOn: 'arxivAbs' },
  storeLookup: { type: 'lookup', queries: [{ id: '2310.01779', title: 'HallE-Switch' }], seenOn: 'arxivAbs' },
  badges: { type: 'badges', ids: ['2310.01779', '2407.13623', '2501.00001', '1706.03762'] },
};

export type WorkerLookupReport = Record<keyof typeof REQUESTS, { median: number; p95: number }>;

export async function benchWorkerLookup(): Promise<WorkerLookupReport> {
  const browser = await launchExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByTestId('trending-item').first().waitFor();
    const report: Partial<WorkerLookupReport> = {};
    for (const [name, request] of Object.entries(REQUESTS) as [keyof typeof REQUESTS, unknown][]) {
      const times = await page.evaluate(
        async ([message, rounds]) => {
          const sendMessage = (globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage;
          const taken: number[] = [];
          for (let round = 0; round < rounds; round++) {
            const start = performance.now();
            await sendMessage(message);
            taken.push(performance.now() - start);
          }
          return taken;
        },
        [request, ROUNDS] as const,
      );
      report[name] = { median: round(median(times)), p95: round(quantile(times, 0.95)) };
    }
    return report as WorkerLookupReport;
  } finally {
    await browser.close();
  }
}
