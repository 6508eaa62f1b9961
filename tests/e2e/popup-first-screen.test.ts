import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, PDF, readStore, setSwitch, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

// Where each control the reader may aim at is drawn, frame by frame, from the popup's first frame:
// its top at every frame it can be seen in, when that changed.
const WATCHED = ['copy-bibtex', 'tab-trending', 'tab-saved', 'open-reading-list', 'trending-item', 'refresh-feed'];

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  // A PDF tab of a paper the store does not hold: the popup asks arXiv for its page once the store
  // says it does not describe it. (PDF tab titles off: the tab's title would have read the page first.)
  browser.serve('https://arxiv.org/pdf/2402.99991', { body: PDF, contentType: 'application/pdf' });
  browser.serve('https://arxiv.org/abs/2402.99991', (await fixture('arxiv-abs-2402.18041.html')).replaceAll('2402.18041', '2402.99991'));
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
  ['a PDF arXiv describes', 'https://arxiv.org/pdf/2402.99991'],
  ['no paper', 'about:blank'],
])("the popup's first screen comes whole: no control moves once it can be seen, as This tab, the tabs and Trending arrive (tab: %s)", async (_kind, url) => {
  // The first run's fetch of the live list over (it fails: nothing is served): its failure's note,
  // drawn above the list when it comes, is news the popup shows as it comes, not a step of opening.
  const lastAttemptAt = async () => {
    const row = await readStore<{ value: string } | undefined>(browser, 'meta', 'feedState');
    return row ? (JSON.parse(row.value) as { lastAttemptAt: number | null }).lastAttemptAt : null;
  };
  await expect.poll(lastAttemptAt, { timeout: 20_000 }).not.toBeNull();
  if (url.includes('/pdf/')) await setSwitch(browser, 'pdfTabTitles', false);
  const page = await browser.context.newPage();
  await page.goto(url).catch(() => undefined); // the PDF viewer may not report a load
  // The PDF viewer's start takes the cores for a second or more here (the popup's reads with it):
  // the popup is opened on a PDF being read, as a reader does.
  if (url.includes('/pdf/')) await page.waitForTimeout(2000);
  const popup = await browser.popup();
  await popup.getByTestId('trending-item').first().waitFor();
  await popup.getByTestId('refresh-feed').waitFor();
  if (url !== 'about:blank') await popup.getByTestId('this-tab').getByTestId('save').waitFor();
  if (url.includes('/pdf/')) await expect.poll(() => popup.getByTestId('this-tab').locator('.title').textContent()).toBe('Datasets for Large Language Models: A Comprehensive Survey');
  // Past the popup's last reads (each under 100 ms here once the list shows).
  await popup.waitForTimeout(1000);
  const seen = await popup.evaluate(() => (globalThis as unknown as { seenTops: Record<string, number[]> }).seenTops);
  const watched = WATCHED.filter((id) => url !== 'about:blank' || id !== 'copy-bibtex');
  expect(Object.keys(seen).sort()).toEqual([...watched].sort());
  for (const id of watched) expect({ id, tops: seen[id]!.length }).toEqual({ id, tops: 1 });
  await Promise.all([popup.close(), page.close()]);
});
