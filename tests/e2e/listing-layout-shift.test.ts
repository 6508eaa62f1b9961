import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

/** Listing pages, the URL each fixture stands for, and what follows each entry's title there. */
const LISTINGS: [url: string, name: string, belowTitle: string][] = [
  ['https://arxiv.org/list/cs.CL/new', 'listings/arxiv-list-cs.CL-new.html', 'dd .list-authors'],
  ['https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25', 'listings/arxiv-list-cs.LG-pastweek.html', 'dd .list-authors'],
  ['https://arxiv.org/search/?query=hallucination&searchtype=all', 'listings/arxiv-search-hallucination-styled.html', 'li.arxiv-result p.authors'],
  ['https://huggingface.co/papers/date/2024-07-31', 'listings/hf-papers-date-2024-07-31.html', 'article h3 ~ div'],
];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  for (const [url, name] of LISTINGS) browser.serve(url, await fixture(name));
  browser.serve('https://arxiv.org/list/cs.XX/new', await fixture('listings/arxiv-list-not-recognized.html'));
  browser.serve('https://arxiv.org/list/cs.LG/new', longListing(2000));
  // Held back, so the page's parsing (and DOMContentLoaded) waits for it however fast the machine parses.
  browser.serve(SLOW_SCRIPT, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ body: '', contentType: 'text/javascript' });
  });
});

afterAll(async () => {
  await browser?.close();
});

const SLOW_SCRIPT = 'https://arxiv.org/static/slow-to-come.js';

/** An arXiv /new listing of `count` entries whose parsing ends only after a script that comes late: the settings are read before. */
function longListing(count: number): string {
  const entries = Array.from({ length: count }, (_, index) => {
    const id = `2407.${String(10000 + index)}`;
    return `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt><dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Paper ${index}</div><div class="list-authors"><a href="/a/a_1">A. Author</a></div></div></dd>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><title>cs.LG new</title></head><body><dl id="articles">${entries.join('')}</dl><script src="${SLOW_SCRIPT}"></script></body></html>`;
}

const badges = (page: Page) => page.locator('[data-paperlens="badge"]');

/** Where the lines below the entries' titles are: on the page's DOMContentLoaded (as it is painted before the listing's script runs) and now. */
async function open(page: Page, url: string, belowTitle: string) {
  // A page script (not a function: the test's transpiler would name its inner functions).
  await page.addInitScript(`
    document.addEventListener('DOMContentLoaded', () => {
      window.__tops = [...document.querySelectorAll(${JSON.stringify(belowTitle)})].map((line) => line.getBoundingClientRect().top);
    });
  `);
  await page.goto(url);
}

describe('listing entries do not move when their badges come', () => {
  test('the page as painted before the badges already holds their room, and only once', async () => {
    const page = await browser.context.newPage();
    for (const [url, , belowTitle] of LISTINGS) {
      await open(page, url, belowTitle);
      await expect.poll(() => badges(page).count(), { message: url }).toBeGreaterThan(0);
      const { before, after } = await page.evaluate(
        (selector) => ({
          before: (window as unknown as { __tops: number[] }).__tops,
          after: [...document.querySelectorAll(selector)].map((line) => line.getBoundingClientRect().top),
        }),
        belowTitle,
      );
      expect(before.length, url).toBeGreaterThan(0);
      expect({ url, after }).toEqual({ url, after: before });
    }
    await page.close();
  });

  test('with the listing switch off, the room is given back as soon as the settings are read, before the page is parsed', async () => {
    type WorkerGlobal = { chrome: { storage: { local: { set: (items: object) => Promise<void>; remove: (key: string) => Promise<void> } } } };
    await browser.worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.storage.local.set({ settings: { sites: { arxivListing: false } } }));
    try {
      const page = await browser.context.newPage();
      // What the page shows at DOMContentLoaded, before the listing's script runs.
      await page.addInitScript(`
        document.addEventListener('DOMContentLoaded', () => {
          window.__held = [...document.querySelectorAll('dd .list-title')].filter((title) => getComputedStyle(title, '::after').content !== 'none').length;
        });
      `);
      await page.goto('https://arxiv.org/list/cs.LG/new');
      await page.waitForFunction(() => performance.getEntriesByName('paperlens:listing-start').length > 0);
      expect(await page.evaluate(() => (window as unknown as { __held: number }).__held)).toBe(0);
      expect(await badges(page).count()).toBe(0);
      await page.close();
    } finally {
      await browser.worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.storage.local.remove('settings'));
    }
  });

  test('a listing page whose entries we do not recognise keeps no room held', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.XX/new');
    await page.waitForFunction(() => performance.getEntriesByName('paperlens:listing-start').length > 0);
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-paperlens-badges'))).toBe(true);
    const held = await page.evaluate(() => [...document.querySelectorAll('.list-title, p.title, h3')].filter((title) => getComputedStyle(title, '::after').content !== 'none').length);
    expect(held).toBe(0);
    expect(await badges(page).count()).toBe(0);
    await page.close();
  });
});
