import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://huggingface.co/papers/date/2024-07-31', await fixture('listings/hf-papers-date-2024-07-31.html'));
});

afterAll(async () => {
  await browser?.close();
});

test('Hugging Face shows the next day in the same cards (client-side navigation): the entries do not jump while their new badges come', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://huggingface.co/papers/date/2024-07-31');
  await expect.poll(() => page.locator('article [data-paperlens="badge"]').count()).toBe(5);
  await page.waitForTimeout(500);
  // The page's own script (main world), as Hugging Face's navigation does it: the next day's papers
  // in the same elements (titles kept: only our badges may move anything), and the layout shifts
  // that follow counted.
  const shift = await page.evaluate(`new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) total += entry.value; }).observe({ type: 'layout-shift' });
    history.pushState({}, '', '/papers/date/2024-08-01');
    document.querySelectorAll('article h3 a').forEach((link, index) => {
      link.setAttribute('href', '/papers/2408.0000' + index);
    });
    setTimeout(() => resolve(total), 1000);
  })`);
  expect(await page.locator('article [data-paperlens="badge"][data-arxiv-id^="2408.0000"]').count()).toBe(5);
  expect(shift).toBe(0);
  await page.close();
});
