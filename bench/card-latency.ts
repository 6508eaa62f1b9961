import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, fixture, launchExtension, type ExtensionBrowser } from '../tests/e2e/harness';
import { WORKER_MARKS } from '../src/worker-marks';
import { median, quantile, round } from './stats';

/**
 * Issue 2's figures, from real Chromium on the arXiv abs fixture: DOMContentLoaded → card attached
 * (warm and cold worker), first contentful paint with and without PaperLens (loads interleaved),
 * requests PaperLens makes per page, and the gzipped size of each content script.
 */

const URL_UNDER_TEST = 'https://arxiv.org/abs/2310.01779v3';

// Runs in the page's main world before any page script: records when the card host appears.
const RECORDER = `(() => {
  const record = () => {
    if (window.__cardAt === undefined && document.querySelector('[data-paperlens="card"]')) window.__cardAt = performance.now();
  };
  new MutationObserver(record).observe(document, { childList: true, subtree: true });
})();`;

interface LoadTiming {
  /** When the content script started (its `paperlens:card-start` mark), null without PaperLens. */
  scriptStart: number | null;
  /** When the store's answer it asked for arrived (`paperlens:card-answer`), null without PaperLens. */
  answer: number | null;
  dcl: number;
  fcp: number | null;
  cardAt: number | null;
  requests: number;
}

async function load(browser: ExtensionBrowser, page: Page, expectCard: boolean): Promise<LoadTiming> {
  const before = browser.requests.length;
  await page.goto(URL_UNDER_TEST, { waitUntil: 'load' });
  if (expectCard) await page.waitForFunction(() => (window as unknown as { __cardAt?: number }).__cardAt !== undefined, null, { timeout: 10_000 });
  // Paint entries arrive after the first frame.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5_000 }).catch(() => undefined);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const start = performance.getEntriesByName('paperlens:card-start')[0];
    const answer = performance.getEntriesByName('paperlens:card-answer')[0];
    return {
      scriptStart: start ? start.startTime : null,
      answer: answer ? answer.startTime : null,
      dcl: nav.domContentLoadedEventStart,
      fcp: fcp ? fcp.startTime : null,
      cardAt: (window as unknown as { __cardAt?: number }).__cardAt ?? null,
    };
  });
  // Everything the page made beyond its own document (the fixture has no subresources), i.e. what
  // PaperLens's content script would have caused. The worker's feed refresh is counted apart.
  const requests = browser.requests.slice(before).filter((request) => request.serviceWorker() === null && request.url() !== URL_UNDER_TEST).length;
  return { ...timing, requests };
}

/** Stops the extension's worker, as the browser does after it idles: the next message starts it cold. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** A load right after the worker was stopped (as the browser stops it when idle): it starts cold. */
async function coldLoad(browser: ExtensionBrowser, page: Page): Promise<LoadTiming> {
  await stopServiceWorkers(page);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return load(browser, page, true);
}

// A worker that answers every message at once (the card then shows "could not ask the store").
const INSTANT_WORKER = `chrome.runtime.onMessage.addListener((message, sender, sendResponse) => { sendResponse({ ok: false, error: 'instant worker' }); });`;

/**
 * DOMContentLoaded → card attached with a cold worker, median over `loads` loads, for a copy of
 * the build whose worker answers at once: the part of the cold time that is the browser starting
 * a worker at all, which no work of PaperLens's can remove.
 */
async function coldFloor(html: string, loads: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'paperlens-instant-worker-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(join(dir, 'background.js'), INSTANT_WORKER);
  const browser = await launchExtension({ extensionDir: dir });
  try {
    browser.serve(URL_UNDER_TEST, html);
    await browser.context.addInitScript(RECORDER);
    const page = await browser.context.newPage();
    await load(browser, page, true);
    const cold: number[] = [];
    for (let i = 0; i < loads; i++) {
      const timing = await coldLoad(browser, page);
      cold.push(timing.cardAt! - timing.dcl);
    }
    return round(median(cold));
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** When the restarted worker got going, from the page's navigation start (ms). */
interface WorkerTimeline {
  started: number;
  evaluated: number;
  storeReady: number;
  firstReply: number;
}

/** The marks of the worker that answered the last load (src/worker-marks.ts), on the page's clock. */
async function workerTimeline(browser: ExtensionBrowser, page: Page): Promise<WorkerTimeline | null> {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  // After a restart the context may still list the stopped worker: ask the newest that answers.
  for (const worker of [...browser.context.serviceWorkers()].reverse()) {
    const seen = await worker
      .evaluate(`({ origin: performance.timeOrigin, marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])) })`)
      .catch(() => null);
    if (!seen) continue;
    const { origin, marks } = seen as { origin: number; marks: Record<string, number> };
    const at = (name: string): number => origin - pageOrigin + (marks[name] ?? Number.NaN);
    return { started: origin - pageOrigin, evaluated: at(WORKER_MARKS.evaluated), storeReady: at(WORKER_MARKS.storeReady), firstReply: at(WORKER_MARKS.firstReply) };
  }
  return null;
}

export interface CardLatencyReport {
  warmLoads: number;
  warmDclToCardMs: { median: number; p95: number; max: number };
  /**
   * Where the warm time goes: content script start (it asks the store then), DOMContentLoaded and
   * the store's answer arriving, from navigation start; then script start → answer (the message
   * round trip) and answer → card attached (the card's script and its render).
   */
  warmTimelineMs: { scriptStartMedian: number; dclMedian: number; answerMedian: number; scriptStartToAnswerMedian: number; answerToCardMedian: number; scriptStartToCardMedian: number };
  coldFirstLoadDclToCardMs: number;
  coldLoads: number;
  coldDclToCardMs: { median: number; max: number };
  /**
   * Where the cold time goes, medians from navigation start: the content script starts (and asks),
   * the browser starts the worker, its script is evaluated, the store is open, the first answer
   * leaves the worker, the card is attached.
   */
  coldTimelineMs: { scriptStart: number; dcl: number; workerStarted: number; workerEvaluated: number; storeReady: number; firstReply: number; card: number };
  /** The same cold loads with a worker that answers at once (coldFloor): the browser's share of the cold time. */
  coldFloorDclToCardMs: number;
  fcpMs: { withPaperLens: number; without: number; deltaMedian: number };
  requestsPerPage: { withPaperLens: number; without: number };
  /** Requests the extension's worker made during the whole run (the daily-papers feed only). */
  workerRequests: string[];
  contentScriptGzipBytes: Record<string, number>;
}

export async function contentScriptSizes(): Promise<Record<string, number>> {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const sizes: Record<string, number> = {};
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.js')).sort()) {
    sizes[name] = gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
  }
  return sizes;
}

export async function benchCardLatency({ warmLoads = 25, coldLoads = 5 } = {}): Promise<CardLatencyReport> {
  const html = await fixture('arxiv-abs-2310.01779v3.html');
  const withExt = await launchExtension();
  const without = await launchExtension({ withExtension: false });
  try {
    for (const browser of [withExt, without]) {
      browser.serve(URL_UNDER_TEST, html);
      await browser.context.addInitScript(RECORDER);
    }
    const page = await withExt.context.newPage();
    const plainPage = await without.context.newPage();

    // Cold: the first load after install, then loads right after the worker was stopped.
    const first = await load(withExt, page, true);
    const cold: number[] = [];
    const coldTimings: LoadTiming[] = [];
    const coldWorkers: WorkerTimeline[] = [];
    for (let i = 0; i < coldLoads; i++) {
      const timing = await coldLoad(withExt, page);
      cold.push(timing.cardAt! - timing.dcl);
      coldTimings.push(timing);
      const worker = await workerTimeline(withExt, page);
      if (worker) coldWorkers.push(worker);
    }
    const coldMedian = (values: number[]): number => round(median(values.filter(Number.isFinite)));

    await load(withExt, page, true); // wake the worker again
    const warm: number[] = [];
    const scriptStarts: number[] = [];
    const dcls: number[] = [];
    const startToCard: number[] = [];
    const answers: number[] = [];
    const startToAnswer: number[] = [];
    const answerToCard: number[] = [];
    const fcpWith: number[] = [];
    const fcpWithout: number[] = [];
    const requestsWith: number[] = [];
    const requestsWithout: number[] = [];
    for (let i = 0; i < warmLoads; i++) {
      const a = await load(withExt, page, true);
      const b = await load(without, plainPage, false);
      warm.push(a.cardAt! - a.dcl);
      if (a.scriptStart !== null) {
        scriptStarts.push(a.scriptStart);
        startToCard.push(a.cardAt! - a.scriptStart);
      }
      if (a.answer !== null) {
        answers.push(a.answer);
        answerToCard.push(a.cardAt! - a.answer);
        if (a.scriptStart !== null) startToAnswer.push(a.answer - a.scriptStart);
      }
      dcls.push(a.dcl);
      if (a.fcp !== null) fcpWith.push(a.fcp);
      if (b.fcp !== null) fcpWithout.push(b.fcp);
      requestsWith.push(a.requests);
      requestsWithout.push(b.requests);
    }
    return {
      warmLoads,
      warmDclToCardMs: { median: round(median(warm)), p95: round(quantile(warm, 0.95)), max: round(Math.max(...warm)) },
      warmTimelineMs: {
        scriptStartMedian: round(median(scriptStarts)),
        dclMedian: round(median(dcls)),
        answerMedian: round(median(answers)),
        scriptStartToAnswerMedian: round(median(startToAnswer)),
        answerToCardMedian: round(median(answerToCard)),
        scriptStartToCardMedian: round(median(startToCard)),
      },
      coldFirstLoadDclToCardMs: round(first.cardAt! - first.dcl),
      coldLoads,
      coldDclToCardMs: { median: round(median(cold)), max: round(Math.max(...cold)) },
      coldTimelineMs: {
        scriptStart: coldMedian(coldTimings.map((timing) => timing.scriptStart ?? Number.NaN)),
        dcl: coldMedian(coldTimings.map((timing) => timing.dcl)),
        workerStarted: coldMedian(coldWorkers.map((worker) => worker.started)),
        workerEvaluated: coldMedian(coldWorkers.map((worker) => worker.evaluated)),
        storeReady: coldMedian(coldWorkers.map((worker) => worker.storeReady)),
        firstReply: coldMedian(coldWorkers.map((worker) => worker.firstReply)),
        card: coldMedian(coldTimings.map((timing) => timing.cardAt ?? Number.NaN)),
      },
      coldFloorDclToCardMs: await coldFloor(html, coldLoads),
      fcpMs: { withPaperLens: round(median(fcpWith)), without: round(median(fcpWithout)), deltaMedian: round(median(fcpWith) - median(fcpWithout)) },
      requestsPerPage: { withPaperLens: Math.max(...requestsWith), without: Math.max(...requestsWithout) },
      workerRequests: [...new Set(withExt.requests.filter((request) => request.serviceWorker() !== null).map((request) => request.url()))],
      contentScriptGzipBytes: await contentScriptSizes(),
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
