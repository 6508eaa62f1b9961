import type { CDPSession, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedAsset } from '../src/schema';
import { LISTING_READY_MARK, LISTING_START_MARK } from '../src/ui/badges/listing-site';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '../tests/e2e/harness';
import { median, quantile, round } from './stats';

/**
 * Listing badges in real Chromium: a generated arXiv /new page with 2,000 entries and a Hugging
 * Face list with 100. Per load, from the content script's start (its `paperlens:listing-start`
 * mark): the last badge in the DOM (seen by a main-world MutationObserver), and the store's
 * answers shown in them (its `paperlens:listing-ready` mark); and the JS heap after a forced GC,
 * with PaperLens minus without it.
 */

const ARXIV_URL = 'https://arxiv.org/list/cs/new';
const HF_URL = 'https://huggingface.co/papers/date/2024-07-31';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ABSTRACT = [
  'Large language models are increasingly deployed in settings where their outputs must be verified.',
  'We study how the size of the model, the amount of training data and the choice of decoding strategy interact.',
  'Across eight benchmarks our method improves accuracy by 4.2 points on average while using 30% less compute.',
  'We analyse failure cases and find that most errors come from long inputs with several distractors.',
  'Code and data will be released.',
].join(' ');

/** Every seed paper once (the store knows them), the rest synthetic new-style ids it does not. */
function listingIds(seedIds: string[], count: number): string[] {
  const ids = seedIds.slice(0, count);
  for (let n = 0; ids.length < count; n++) ids.push(`2407.${String(20000 + n).padStart(5, '0')}`);
  return ids;
}

/** An arXiv /new page of `count` entries in three sections, like the real listing (abstracts on new and cross-lists). */
export function arxivNewPage(ids: string[]): string {
  const sections = [
    { heading: 'New submissions', from: 0, to: Math.floor(ids.length * 0.6), note: '', abstract: true },
    { heading: 'Cross submissions', from: Math.floor(ids.length * 0.6), to: Math.floor(ids.length * 0.8), note: ' (cross-list from cs.LG)', abstract: true },
    { heading: 'Replacement submissions', from: Math.floor(ids.length * 0.8), to: ids.length, note: ' (replaced)', abstract: false },
  ];
  const parts = [`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Computer Science authors/titles "new"</title></head><body><div id="dlpage"><h1>Computer Science</h1><div class="paging">Total of ${ids.length} entries</div>`];
  for (const section of sections) {
    parts.push(`<dl id='articles'><h3>${section.heading} (showing ${section.to - section.from} of ${section.to - section.from} entries)</h3>`);
    for (let index = section.from; index < section.to; index++) {
      const id = ids[index]!;
      parts.push(
        `<dt><a name='item${index + 1}'>[${index + 1}]</a> <a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>${section.note} [<a href="/pdf/${id}" title="Download PDF">pdf</a>, <a href="/format/${id}" title="Other formats">other</a>]</dt>`,
        `<dd><div class='meta'><div class='list-title mathjax'><span class='descriptor'>Title:</span> A Study of Scaling Behaviour in Model Family ${index + 1}</div>`,
        `<div class='list-authors'><a href="https://arxiv.org/a/doe_j_1">Jane Doe</a>, <a href="https://arxiv.org/a/roe_r_1">Richard Roe</a></div>`,
        `<div class='list-comments mathjax'><span class='descriptor'>Comments:</span> 12 pages, 4 figures</div>`,
        `<div class='list-subjects'><span class='descriptor'>Subjects:</span> <span class="primary-subject">Computation and Language (cs.CL)</span>; Machine Learning (cs.LG)</div>`,
        section.abstract ? `<p class='mathjax'>${ABSTRACT}</p>` : '',
        '</div></dd>',
      );
    }
    parts.push('</dl>');
  }
  parts.push('</div></body></html>');
  return parts.join('\n');
}

/** A Hugging Face daily list of article cards, with the list embedded as JSON like the real page. */
export function hfListPage(ids: string[]): string {
  const props = {
    dailyPapers: ids.map((id, index) => ({
      paper: { id, title: `Paper ${index + 1}`, summary: ABSTRACT, authors: [{ name: 'Jane Doe' }, { name: 'Richard Roe' }], upvotes: 100 - (index % 100) },
      title: `Paper ${index + 1}`,
      numComments: index % 5,
    })),
  };
  const cards = ids.map(
    (id, index) =>
      `<div><article class="relative flex flex-col overflow-hidden rounded-xl border"><a href="/papers/${id}" class="block h-56"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="></a>` +
      `<div class="flex px-6 pb-6 pt-8"><div class="upvotes"><div class="font-semibold text-orange-500">${100 - (index % 100)}</div></div>` +
      `<div class="w-full"><h3 class="mb-1 text-lg font-semibold"><a href="/papers/${id}" class="line-clamp-3">Paper ${index + 1}: a study of scaling behaviour</a></h3>` +
      `<div class="flex items-center text-sm"><span>· 2 authors</span><a href="/papers/${id}#community">${index % 5} comments</a></div></div></div></article></div>`,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title></head><body><main>` +
    `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escapeHtml(JSON.stringify(props))}"><section><h1>Daily Papers</h1><div class="grid">${cards.join('\n')}</div></section></div>` +
    '</main></body></html>';
}

// Runs in the page's main world before any page script: counts badge hosts as they arrive.
const RECORDER = `(() => {
  window.__plBadges = 0;
  new MutationObserver((records) => {
    let added = 0;
    for (const record of records) for (const node of record.addedNodes) if (node.localName === 'paperlens-badge') added++;
    if (added > 0) {
      window.__plBadges += added;
      window.__plLastBadgeAt = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface BadgeWindow {
  __plBadges: number;
  __plLastBadgeAt?: number;
}

interface LoadResult {
  startToBadgesMs: number;
  startToReadyMs: number;
  heapBytes: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function load(page: Page, cdp: CDPSession, url: string, expected: number | null): Promise<LoadResult> {
  await page.goto(url, { waitUntil: 'load' });
  if (expected !== null) {
    await page.waitForFunction(
      ({ count, ready }) => (window as unknown as BadgeWindow).__plBadges >= count && performance.getEntriesByName(ready).length > 0,
      { count: expected, ready: LISTING_READY_MARK },
      { timeout: 15_000 },
    );
  }
  const timing = await page.evaluate(
    ({ startMark, readyMark }) => ({
      start: performance.getEntriesByName(startMark)[0]?.startTime ?? null,
      ready: performance.getEntriesByName(readyMark)[0]?.startTime ?? null,
      lastBadge: (window as unknown as BadgeWindow).__plLastBadgeAt ?? null,
    }),
    { startMark: LISTING_START_MARK, readyMark: LISTING_READY_MARK },
  );
  const heapBytes = await heapAfterGc(cdp);
  if (expected === null) return { startToBadgesMs: 0, startToReadyMs: 0, heapBytes };
  if (timing.start === null || timing.ready === null || timing.lastBadge === null) throw new Error(`${url}: a mark or the badges are missing`);
  return { startToBadgesMs: timing.lastBadge - timing.start, startToReadyMs: timing.ready - timing.start, heapBytes };
}

function spread(values: number[]): Spread {
  return { median: round(median(values)), p95: round(quantile(values, 0.95)), max: round(Math.max(...values)) };
}

async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

interface Spread {
  median: number;
  p95: number;
  max: number;
}

export interface PageReport {
  entries: number;
  loads: number;
  targetMs: number;
  /** Content-script start → the last badge in the DOM. */
  startToAllBadgesMs: Spread;
  /** Content-script start → the store's answers (rank, saved, seen, code) shown in every badge. */
  startToStoreAnswersMs: Spread;
  /** The same two right after the service worker was stopped (it wakes up and opens the store). */
  coldWorker: { startToAllBadgesMs: number; startToStoreAnswersMs: number };
  heapGrowthBytes: { median: number; withPaperLens: number; without: number };
}

export interface ListingReport {
  arxivNew: PageReport;
  huggingFace: PageReport;
}

async function benchPage(withExt: ExtensionBrowser, without: ExtensionBrowser, url: string, html: string, entries: number, loads: number, target: number): Promise<PageReport> {
  for (const browser of [withExt, without]) browser.serve(url, html);
  const page = await withExt.context.newPage();
  const plainPage = await without.context.newPage();
  const cdp = await withExt.context.newCDPSession(page);
  const plainCdp = await without.context.newCDPSession(plainPage);
  try {
    // Cold: the worker was stopped, so the badges request wakes it and opens the store.
    await stopServiceWorkers(cdp);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cold = await load(page, cdp, url, entries);
    await load(page, cdp, url, entries); // warm-up
    const attached: number[] = [];
    const ready: number[] = [];
    const heapWith: number[] = [];
    const heapWithout: number[] = [];
    for (let i = 0; i < loads; i++) {
      const measured = await load(page, cdp, url, entries);
      const plain = await load(plainPage, plainCdp, url, null);
      attached.push(measured.startToBadgesMs);
      ready.push(measured.startToReadyMs);
      heapWith.push(measured.heapBytes);
      heapWithout.push(plain.heapBytes);
    }
    return {
      entries,
      loads,
      targetMs: target,
      startToAllBadgesMs: spread(attached),
      startToStoreAnswersMs: spread(ready),
      coldWorker: { startToAllBadgesMs: round(cold.startToBadgesMs), startToStoreAnswersMs: round(cold.startToReadyMs) },
      heapGrowthBytes: {
        median: Math.round(median(heapWith) - median(heapWithout)),
        withPaperLens: Math.round(median(heapWith)),
        without: Math.round(median(heapWithout)),
      },
    };
  } finally {
    await page.close();
    await plainPage.close();
  }
}

export async function benchListing({ loads = 15 } = {}): Promise<ListingReport> {
  const seed: SeedAsset = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8'));
  const seedIds = seed.papers.map((paper) => paper.id);
  const withExt = await launchExtension();
  const without = await launchExtension({ withExtension: false });
  try {
    for (const browser of [withExt, without]) await browser.context.addInitScript(RECORDER);
    const arxivIds = listingIds(seedIds, 2000);
    const hfIds = listingIds(seedIds, 100);
    return {
      arxivNew: await benchPage(withExt, without, ARXIV_URL, arxivNewPage(arxivIds), arxivIds.length, loads, 150),
      huggingFace: await benchPage(withExt, without, HF_URL, hfListPage(hfIds), hfIds.length, loads, 50),
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
