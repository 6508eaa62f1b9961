import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'playwright-core';
import { launchExtension, sendFromPage, type ExtensionBrowser } from '../tests/e2e/harness';
import { median, round } from './stats';
import type { Vocabulary } from './synthetic-papers';
import { realVocabulary } from './vocabulary';

/**
 * `npm run bench -- --only load [--papers 100000] [--repeat 5] [--compare <bench build dir>]`: the
 * time to load N papers into an empty store through the product's bulk path in the service worker
 * (records and search index, one transaction; the index of a large load built in a worker started
 * by an offscreen document), each repeat in a fresh browser and profile. The search benchmark loads
 * once per size; on a 2-core machine one load varies by seconds (how often the garbage collector
 * runs, and what IndexedDB writes meanwhile), so this reports the spread. `--compare`: another
 * build's bench output (`.output/bench/chrome-mv3` of a checkout built with PAPERLENS_BENCH=1),
 * loaded in turn with this one, the order alternating, so the machine's drift falls on both.
 */

const BENCH_DIR = fileURLToPath(new URL('../.output/bench/chrome-mv3/', import.meta.url));

interface LoadTimes {
  loadMs: { median: number; min: number; max: number; each: number[] };
  /** The same records alone (no search index), in a scratch database of the same browser, before each load. */
  recordsOnlyMs: { median: number; each: number[] };
}

export interface LoadReport extends LoadTimes {
  papers: number;
  /** The build given with `--compare`, loaded in turn with this one. */
  compared?: LoadTimes & { extensionDir: string };
}

export interface SyntheticLoad {
  count: number;
  loadMs: number;
  recordsOnlyMs: number;
  recordBytes: number;
}

const answers = (worker: Worker) => Promise.race([worker.evaluate(() => true).catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000))]);

/** The extension's running service worker, started again by a message if the browser stopped it (a stopped one may not answer at all). */
async function liveWorker(browser: ExtensionBrowser): Promise<Worker> {
  for (let attempt = 0; attempt < 10; attempt++) {
    for (const worker of [...browser.context.serviceWorkers()].reverse()) if (await answers(worker)) return worker;
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);
    await sendFromPage(page, { type: 'listSaved' });
    await page.close();
  }
  throw new Error('the service worker did not start again');
}

type BenchHooks = { paperlensBench?: { loadSynthetic?: (n: number, v: Vocabulary) => Promise<SyntheticLoad> } };

/**
 * Loads `count` synthetic papers into the store of a bench build, in its service worker, where
 * Chrome's product runs its bulk path (bench/worker-hooks.ts): the store then holds exactly them.
 * A build from before the worker had the hook (given to `--compare`) loads in its bench page.
 */
export async function loadInWorker(browser: ExtensionBrowser, count: number, vocabulary: Vocabulary): Promise<SyntheticLoad> {
  const worker = await liveWorker(browser);
  const load = ([size, words]: readonly [number, Vocabulary]) => (globalThis as unknown as BenchHooks).paperlensBench!.loadSynthetic!(size, words);
  if (await worker.evaluate(() => typeof (globalThis as unknown as BenchHooks).paperlensBench?.loadSynthetic === 'function')) return worker.evaluate(load, [count, vocabulary] as const);
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);
    await page.waitForFunction(() => 'paperlensBench' in globalThis);
    return await page.evaluate(load, [count, vocabulary] as const);
  } finally {
    await page.close();
  }
}

async function loadOnce(extensionDir: string, size: number, vocabulary: Vocabulary): Promise<{ loadMs: number; recordsOnlyMs: number }> {
  const browser = await launchExtension({ extensionDir });
  try {
    const load = await loadInWorker(browser, size, vocabulary);
    if (load.count !== size) throw new Error(`the store holds ${load.count} papers after loading ${size}`);
    return { loadMs: round(load.loadMs, 0), recordsOnlyMs: round(load.recordsOnlyMs, 0) };
  } finally {
    await browser.close();
  }
}

function summary(loads: { loadMs: number; recordsOnlyMs: number }[]): LoadTimes {
  const each = loads.map((load) => load.loadMs);
  const recordsOnly = loads.map((load) => load.recordsOnlyMs);
  return {
    loadMs: { median: round(median(each), 0), min: Math.min(...each), max: Math.max(...each), each },
    recordsOnlyMs: { median: round(median(recordsOnly), 0), each: recordsOnly },
  };
}

export async function benchLoad(sizes = [100_000], repeats = 5, compareDir?: string): Promise<LoadReport[]> {
  if (compareDir && !existsSync(join(compareDir, 'bench.html'))) throw new Error(`${compareDir} holds no bench build: build one with PAPERLENS_BENCH=1 npx wxt build`);
  execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_BENCH: '1' }, stdio: 'ignore' });
  const vocabulary = realVocabulary();
  const reports: LoadReport[] = [];
  for (const size of sizes) {
    const own: { loadMs: number; recordsOnlyMs: number }[] = [];
    const compared: { loadMs: number; recordsOnlyMs: number }[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      if (compareDir && repeat % 2 === 0) compared.push(await loadOnce(compareDir, size, vocabulary));
      own.push(await loadOnce(BENCH_DIR, size, vocabulary));
      if (compareDir && repeat % 2 === 1) compared.push(await loadOnce(compareDir, size, vocabulary));
    }
    reports.push({ papers: size, ...summary(own), ...(compareDir ? { compared: { extensionDir: compareDir, ...summary(compared) } } : {}) });
  }
  return reports;
}
