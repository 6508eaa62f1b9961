import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

/** Listing pages, the URL each fixture stands for, and what follows each entry's title there. */
const LISTINGS: [url: string, name: string, belowTitle: string][] = [
  ['https://arxiv.org/list/cs.CL/new', 'listings/arxiv-list-cs.CL-new.html', 'dd .list-authors'],
  ['https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25', 'listings/arxiv-list-cs.LG-pastweek.html', 'dd .list-authors'],
  ['https://huggingface.co/papers/date/2024-07-31', 'listings/hf-papers-date-2024-07-31.html', 'article h3 ~ div'],
];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  for (const [url, name] of LISTINGS) browser.serve(url, await fixture(name));
  browser.serve('https://arxiv.org/list/cs.XX/new', await fixture('listings/arxiv-list-not-recognized.html'));
});

afterAll(async () => {
  await browser?.close();
});

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
