import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchExtension } from '../tests/e2e/harness';
import { median, round } from './stats';
import { realVocabulary, type Vocabulary } from './synthetic-papers';

/**
 * `npm run bench -- --only load [--papers 100000] [--repeat 5]`: the time to load N papers into an
 * empty store through the product's bulk path (records and search index, one transaction), each
 * repeat in a fresh browser and profile. The search benchmark loads once per size; on a 2-core
 * machine one load varies by seconds (how often the garbage collector runs, and what IndexedDB
 * writes meanwhile), so this reports the spread.
 */

const BENCH_DIR = fileURLToPath(new URL('../.output/bench/chrome-mv3/', import.meta.url));

export interface LoadReport {
  papers: number;
  loadMs: { median: number; min: number; max: number; each: number[] };
  /** The same records alone (no search index), in a scratch database of the same browser, before each load. */
  recordsOnlyMs: { median: number; each: number[] };
}

export async function benchLoad(sizes = [100_000], repeats = 5): Promise<LoadReport[]> {
  execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_BENCH: '1' }, stdio: 'ignore' });
  const vocabulary = realVocabulary();
  const reports: LoadReport[] = [];
  for (const size of sizes) {
    const loads: number[] = [];
    const recordsOnly: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const browser = await launchExtension({ extensionDir: BENCH_DIR });
      try {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);
        await page.waitForFunction(() => 'paperlensBench' in globalThis);
        const load = await page.evaluate(
          ([count, words]) =>
            (globalThis as unknown as { paperlensBench: { loadSynthetic: (n: number, v: Vocabulary) => Promise<{ loadMs: number; recordsOnlyMs: number; count: number }> } }).paperlensBench.loadSynthetic(count, words),
          [size, vocabulary] as const,
        );
        if (load.count !== size) throw new Error(`the store holds ${load.count} papers after loading ${size}`);
        loads.push(round(load.loadMs, 0));
        recordsOnly.push(round(load.recordsOnlyMs, 0));
      } finally {
        await browser.close();
      }
    }
    reports.push({
      papers: size,
      loadMs: { median: round(median(loads), 0), min: Math.min(...loads), max: Math.max(...loads), each: loads },
      recordsOnlyMs: { median: round(median(recordsOnly), 0), each: recordsOnly },
    });
  }
  return reports;
}
