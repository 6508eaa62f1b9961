import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, readStore, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

// Where each control the reader may aim at is drawn, frame by frame, from the popup's first frame:
// its top at every frame it can be seen in, when that changed.
const WATCHED = ['copy-bibtex', 'tab-trending', 'tab-saved', 'open-reading-list', 'trending-item', 'refresh-feed'];

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  await browser.context.addInitScript((watched: string[]) => {
    if (!location.pathname.endsWith('/popup.html')) return;
    const seen: Record<string, number[]> = {};
    (globalThis as unknown as { seenTops: typeof seen }).seenTops = seen;
    const frame = () => {
      for (const id of watched) {
        const element = document.querySelector(`[data-testid="${id}"]`);
        if (!element?.checkVisibility({ visibilityProperty: true })) continue;
        const top = Math.round(element.getBoundingClientRect().top);
        const tops = (seen[id] ??= []);
        if (tops.at(-1) !== top) tops.push(top);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, WATCHED);
});

afterAll(async () => {
  await browser?.close();
});

test.each([
  ['a paper', 'https://arxiv.org/abs/2310.01779'],
  ['no paper', 'about:blank'],
])("the popup's first screen comes whole: no control moves once it can be seen, as This tab, the tabs and Trending arrive (tab: %s)", async (_kind, url) => {
  // The first run's fetch of the live list over (it fails: nothing is served): its failure's note,
  // drawn above the list when it comes, is news the popup shows as it comes, not a step of opening.
  await expect.poll(async () => (await readStore<{ value: string } | undefined>(browser, 'meta', 'feedState'))?.value ?? '', { timeout: 20_000 }).toContain('"lastAttemptAt":1');
  const page = await browser.context.newPage();
  await page.goto(url);
  const popup = await browser.popup();
  await popup.getByTestId('trending-item').first().waitFor();
  await popup.getByTestId('refresh-feed').waitFor();
  if (url !== 'about:blank') await popup.getByTestId('this-tab').getByTestId('save').waitFor();
  // Past the popup's last reads (each under 100 ms here once the list shows).
  await popup.waitForTimeout(1000);
  const seen = await popup.evaluate(() => (globalThis as unknown as { seenTops: Record<string, number[]> }).seenTops);
  const watched = WATCHED.filter((id) => url !== 'about:blank' || id !== 'copy-bibtex');
  expect(Object.keys(seen).sort()).toEqual([...watched].sort());
  for (const id of watched) expect({ id, tops: seen[id]!.length }).toEqual({ id, tops: 1 });
  await Promise.all([popup.close(), page.close()]);
});
