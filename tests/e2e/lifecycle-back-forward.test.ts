import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

// Back and Forward restore pages from the back/forward cache, as in a user's Chrome: the page's
// scripts are not run again.
let browser: ExtensionBrowser;
const FIRST = '2310.01779';
const SECOND = '1706.03762';

beforeAll(async () => {
  browser = await launchExtension({ backForwardCache: true });
  browser.serve(`https://arxiv.org/abs/${FIRST}`, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(`https://arxiv.org/abs/${SECOND}`, await fixture('arxiv-abs-1706.03762.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function recentIds(): Promise<(string | null)[]> {
  const popup = await browser.popup();
  await popup.getByTestId('tab-recent').click();
  await expect.poll(() => popup.getByTestId('recent-item').count()).toBeGreaterThan(0);
  const ids = await popup.getByTestId('recent-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-arxiv-id')));
  await popup.close();
  return ids;
}

/** Back to the first paper, restored from the cache (the same document, not a new load). */
async function backFromCache(page: Page): Promise<void> {
  await page.evaluate(() => addEventListener('pageshow', (event) => Object.assign(window, { restored: event.persisted })));
  await page.goto(`https://arxiv.org/abs/${SECOND}`);
  await expect.poll(() => card(page).getByTestId('save').count()).toBe(1);
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => page.url()).toBe(`https://arxiv.org/abs/${FIRST}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored)).toBe(true);
}

describe('a paper page restored by Back from the back/forward cache', () => {
  test('goes first in the popup’s Recent list again, as the same page reloaded by Back does', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${FIRST}`);
    await expect.poll(() => card(page).getByTestId('save').count()).toBe(1);
    await backFromCache(page);
    await expect.poll(() => card(page).getByTestId('save').count()).toBe(1);
    // The reader is on the first paper again: it was opened last.
    await expect.poll(() => recentIds(), { timeout: 3_000 }).toEqual([FIRST, SECOND]);
    await page.close();
  });
});
