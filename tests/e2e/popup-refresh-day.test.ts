import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let feedDelayMs = 0;

beforeAll(async () => {
  browser = await launchExtension();
  const feed = await fixture('feed/daily_papers.json');
  browser.serve('https://huggingface.co/api/daily_papers', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, feedDelayMs));
    await route.fulfill({ body: feed, contentType: 'application/json' });
  });
});

afterAll(async () => {
  await browser?.close();
});

test('with the bundled snapshot picked, a Refresh that fetched the feed shows the latest list (it seemed to do nothing), the focus staying on Refresh', async () => {
  const popup = await browser.popup();
  const source = popup.getByTestId('trending-source');
  await popup.getByTestId('refresh-feed').click();
  await expect.poll(() => source.textContent(), { timeout: 20_000 }).toMatch(/^Live · /);
  // That Refresh over (the list shows before its answer comes back), a day is picked.
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent()).toBe('Refresh');
  const latest = await popup.getByTestId('trending-day').inputValue();
  await popup.getByTestId('trending-day').selectOption('');
  await expect.poll(() => source.textContent()).toMatch(/^Bundled snapshot · /);
  await popup.getByTestId('refresh-feed').focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => source.textContent(), { timeout: 20_000 }).toMatch(/^Live · /);
  expect(await popup.getByTestId('trending-day').inputValue()).toBe(latest);
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('refresh-feed');
  await popup.close();
});

test('a day picked while a Refresh is under way stays picked when the Refresh answers', async () => {
  const popup = await browser.popup();
  const source = popup.getByTestId('trending-source');
  await expect.poll(() => source.textContent()).toMatch(/^Live · /);
  feedDelayMs = 2_000;
  await popup.getByTestId('refresh-feed').click();
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent()).toBe('Refreshing…');
  await popup.getByTestId('trending-day').selectOption('');
  await expect.poll(() => source.textContent()).toMatch(/^Bundled snapshot · /);
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent(), { timeout: 20_000 }).toBe('Refresh');
  // The list a day shows is read from the store after the pick: a moment for it to change, if it did.
  await popup.waitForTimeout(1_000);
  expect(await source.textContent()).toMatch(/^Bundled snapshot · /);
  feedDelayMs = 0;
  await popup.close();
});
