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
  // that follow counted until the five new badges are drawn with the store's answer (the listing's
  // ready mark) and two frames have been laid out after them.
  const shift = await page.evaluate(`new Promise((resolve, reject) => {
    let total = 0;
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) total += entry.value; });
    observer.observe({ type: 'layout-shift' });
    const readyBefore = performance.getEntriesByName('paperlens:listing-ready').length;
    history.pushState({}, '', '/papers/date/2024-08-01');
    document.querySelectorAll('article h3 a').forEach((link, index) => {
      link.setAttribute('href', '/papers/2408.0000' + index);
    });
    const until = performance.now() + 10000;
    const settled = () => {
      if (performance.getEntriesByName('paperlens:listing-ready').length > readyBefore && document.querySelectorAll('article [data-paperlens="badge"][data-arxiv-id^="2408.0000"]').length === 5) {
        requestAnimationFrame(() => requestAnimationFrame(() => {
          for (const entry of observer.takeRecords()) total += entry.value;
          resolve(total);
        }));
      } else if (performance.now() > until) reject(new Error('the next day\\'s five badges did not come in 10 s'));
      else requestAnimationFrame(settled);
    };
    settled();
  })`);
  expect(shift).toBe(0);
  await page.close();
});
