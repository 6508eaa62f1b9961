import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, listedItem, LISTED_AT, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const DAY = 86_400_000;
/** Enough papers that the whole list is read well after the first screen is shown. */
const PAPERS = 5_000;

beforeAll(async () => {
  browser = await launchExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
  const items = Array.from({ length: PAPERS }, (_, index) =>
    listedItem(`2401.${String(index + 1).padStart(5, '0')}`, `Paper ${index + 1}`, { tags: [`tag${index % 7}`], addedAt: LISTED_AT - index * DAY, updatedAt: LISTED_AT - index * DAY }),
  );
  const reply = await sendFromPage(page, { type: 'importApply', items, rejected: [] });
  expect(reply.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Where the first row is each time the page changes, from the first row shown until the whole list
 * is read and the line on the papers waiting for arXiv (all of them: imported bare) is up.
 */
async function firstRowTopsWhileLoading(): Promise<number[]> {
  await page.addInitScript(() => {
    const tops: number[] = [];
    (globalThis as unknown as { firstRowTops: number[] }).firstRowTops = tops;
    const look = () => {
      const row = document.querySelector('[data-testid="reading-item"]');
      if (row) tops.push(Math.round(row.getBoundingClientRect().top));
      if (document.querySelector('[data-testid="reading-list"][aria-busy="false"]') && document.querySelector('[data-testid="arxiv-fill-status"]')) return;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.reload();
  await expect.poll(() => page.getByTestId('reading-list').getAttribute('aria-busy')).toBe('false');
  await page.getByTestId('arxiv-fill-status').waitFor();
  return page.evaluate(() => (globalThis as unknown as { firstRowTops: number[] }).firstRowTops);
}

test('rows shown before the whole list is read stay where they are when it comes (no toolbar, nor the line on papers waiting for arXiv, pushing them down); then counted with thousands grouped', async () => {
  const tops = await firstRowTopsWhileLoading();
  // The first screen was on screen for some frames before the whole list came.
  expect(tops.length).toBeGreaterThan(1);
  expect(new Set(tops)).toEqual(new Set([tops[0]]));
  // The toolbar is usable once the whole list is read, with the whole list's counts.
  await expect.poll(() => page.getByTestId('filter-status').locator('option').first().textContent()).toBe('All (5,000)');
  await expect(page.getByTestId('search').isEnabled()).resolves.toBe(true);
  // Thousands grouped, as Recently removed and the import count them.
  expect(await page.getByTestId('count').textContent()).toBe('5,000 papers');
  expect(await page.getByTestId('export-scope').locator('option').first().textContent()).toBe('all 5,000 papers');
  expect(await page.getByTestId('arxiv-fill-status').textContent()).toMatch(/^5,000 saved papers wait for their details from arXiv/);
}, 60_000);
