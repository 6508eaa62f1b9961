import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

/** Listing pages, served at the URL each fixture stands for. */
const LISTINGS: Record<string, string> = {
  'https://huggingface.co/papers/date/2024-07-31': 'listings/hf-papers-date-2024-07-31.html',
  'https://huggingface.co/papers/trending': 'listings/hf-papers-trending.html',
  'https://arxiv.org/list/cs.CL/new': 'listings/arxiv-list-cs.CL-new.html',
  'https://arxiv.org/search/?query=hallucination&searchtype=all': 'listings/arxiv-search-hallucination.html',
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  for (const [url, name] of Object.entries(LISTINGS)) browser.serve(url, await fixture(name));
});

afterAll(async () => {
  await browser?.close();
});

const badges = (page: Page) => page.locator('[data-paperlens="badge"]');

/** The page's scroll width, and what it is with our badges taken out of the layout. */
function widths(page: Page) {
  return page.evaluate(() => {
    const shown = document.documentElement.scrollWidth;
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = '[data-paperlens="badge"] { display: none !important; }';
    const without = document.documentElement.scrollWidth;
    style.remove();
    return { shown, without };
  });
}

describe('a narrow window (400 px)', () => {
  test('badges never make a listing wider than it is without them', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    for (const url of Object.keys(LISTINGS)) {
      await page.goto(url);
      await expect.poll(() => badges(page).count(), { message: url }).toBeGreaterThan(0);
      // The store's answers (rank, code link) make the line longer: wait for them.
      await expect.poll(() => page.locator('[data-testid="badge-rank"]').count(), { message: url }).toBeGreaterThan(0);
      const { shown, without } = await widths(page);
      expect({ url, shown }).toEqual({ url, shown: without });
    }
    await page.close();
  });
});

describe('a badge cut to a narrow entry', () => {
  test('keeps its TL;DR toggle and Save in view: the rank gives way first (a 1280 px window at 200% zoom)', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto('https://huggingface.co/papers/trending');
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2310.15539"]');
    await expect.poll(() => badge.getByTestId('badge-rank').count()).toBe(1);
    const shown = await badge.evaluate((host) => {
      const line = host.shadowRoot!.querySelector('.pl-badge')!.getBoundingClientRect();
      const inView = (testId: string) => {
        const box = host.shadowRoot!.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
        return box.width > 0 && box.left >= line.left && box.right <= line.right;
      };
      return { toggle: inView('badge-tldr-toggle'), save: inView('badge-save'), rankCut: host.shadowRoot!.querySelector('[data-testid="badge-rank"]')!.scrollWidth > host.shadowRoot!.querySelector('[data-testid="badge-rank"]')!.clientWidth };
    });
    expect(shown).toEqual({ toggle: true, save: true, rankCut: true });
    await page.close();
  });
});
