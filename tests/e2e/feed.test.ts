import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { card, EXTENSION_DIR, fixture, launchExtension, type ExtensionBrowser } from './harness';

const FEED_URL = 'https://huggingface.co/api/daily_papers';
type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;
let feedJson: string;
// Offline until the first test asks: the worker's own refresh at startup must not race the
// test's "before the refresh" check.
let respond: 'offline' | 'good' | '500' | 'garbage' | 'empty' | 'stall' | '429' = 'offline';
let feedCalls = 0;

beforeAll(async () => {
  feedJson = await fixture('feed/daily_papers.json');
  browser = await launchExtension();
  browser.serve(FEED_URL, async (route) => {
    feedCalls++;
    switch (respond) {
      case 'offline':
        return route.abort('internetdisconnected');
      case 'good':
        return route.fulfill({ status: 200, contentType: 'application/json', body: feedJson });
      case '500':
        return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
      case 'empty':
        return route.fulfill({ status: 200, contentType: 'application/json', body: '[]' });
      case 'garbage':
        return route.fulfill({ status: 200, contentType: 'application/json', body: '[{"paper": {"id": "2407.13623", "title": ' });
      case '429':
        return route.fulfill({ status: 429, headers: { 'Retry-After': '7200' }, body: 'slow down' });
      case 'stall':
        // Answers long after the client's 10 s timeout.
        await new Promise((resolve) => setTimeout(resolve, 30_000));
        return route.fulfill({ status: 200, contentType: 'application/json', body: feedJson }).catch(() => undefined);
    }
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Requests made by the extension's service worker (pages' own document requests excluded). */
const workerRequests = () => browser.requests.filter((request) => request.serviceWorker() !== null).map((request) => request.url());

/** Presses Refresh from the keyboard, as a keyboard user would: focus stays on the button throughout. */
async function refreshFromPopup(open?: Page) {
  const popup = open ?? (await browser.popup());
  await popup.getByTestId('refresh-feed').focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent(), { timeout: 20_000 }).toBe('Refresh');
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('refresh-feed');
  return popup;
}

/** A minimal Hugging Face paper page (title and abstract) for a feed paper. */
function paperPage(paper: { title: string; summary: string }): string {
  return `<!DOCTYPE html><html><body><main><section><div class="container"><h1>${paper.title}</h1></div>
       <div class="container"><div class="pb-8 pr-4 md:pr-16"><h2>Abstract</h2><p>${paper.summary}</p></div></div></section></main></body></html>`;
}

describe('trending from the daily-papers feed', () => {
  test('a fresh feed: the popup lists it as Live, in the feed order; an open card shows its live rank at once', async () => {
    // A bundled paper that the feed ranks first, open before the refresh.
    const [first] = JSON.parse(feedJson) as { paper: { id: string; title: string; summary: string } }[];
    browser.serve(`https://huggingface.co/papers/${first!.paper.id}`, paperPage(first!.paper));
    const page = await browser.context.newPage();
    await page.goto(`https://huggingface.co/papers/${first!.paper.id}`);
    await expect.poll(() => card(page).getByTestId('rank').textContent()).toMatch(/ · Jul 30, 2025$/);
    // The worker's own refresh at startup (offline here) is over and shown before Refresh is
    // pressed: what the press brings must not depend on when that refresh lands.
    const opened = await browser.popup();
    await expect.poll(() => opened.getByTestId('feed-failure').count(), { timeout: 20_000 }).toBe(1);
    expect(await opened.getByTestId('trending-source').textContent()).toBe('Bundled snapshot · 2025-07-30');
    // Never fetched, no connection, nobody pressed Refresh: said quietly, not as an error, the browser's "Failed to fetch" in words.
    const note = opened.getByTestId('feed-failure');
    expect(await note.textContent()).toMatch(/^Showing the bundled snapshot · the live list will load when huggingface\.co can be reached \(next try (tomorrow at|at|on) [^)]+\)Details/);
    expect(await note.getAttribute('class')).not.toContain('problem');
    expect(await opened.getByTestId('feed-failure-details').textContent()).toBe('Detailsno connection to huggingface.co, or the request was blocked');
    // A press that fails offline is an error: the reader asked.
    await refreshFromPopup(opened);
    await expect.poll(() => note.textContent()).toMatch(/^Update failed: huggingface\.co could not be reached · next try (tomorrow at|at|on) /);
    expect(await note.getAttribute('class')).toContain('problem');

    respond = 'good';
    const popup = await refreshFromPopup(opened);
    await expect.poll(() => card(page).getByTestId('rank').textContent()).toMatch(/^#1 daily · Live · [A-Z][a-z]{2} \d{1,2}(, \d{4})?$/);
    await page.close();
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Live · \d{4}-\d{2}-\d{2} · updated just now/);
    const ids = await popup.getByTestId('trending-item').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-arxiv-id')));
    const expected = (JSON.parse(feedJson) as { paper: { id: string } }[]).map((item) => item.paper.id);
    expect(ids).toEqual(expected);
    // The day picker can still show the bundled snapshot.
    await popup.getByTestId('trending-day').selectOption('');
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toBe('Bundled snapshot · 2025-07-30');
    await expect.poll(() => popup.getByTestId('trending-item').count()).toBe(66);
    // The picked list stays through a search and a look at Saved.
    await popup.getByTestId('search').fill('scaling');
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('tab-saved').click();
    await popup.getByTestId('tab-trending').click();
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toBe('Bundled snapshot · 2025-07-30');
    await popup.close();
  });

  test("a bundled paper's card relates it to the feed's papers now in the store, not only to the bundled ones it was listed with", async () => {
    // "Enhancing Ultra-Low-Bit Quantization of Large Language Models": bundled with three bundled papers as its related ones.
    const seed = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8')) as { papers: { id: string; title: string; abstract: string; related: string[] }[] };
    const bundled = seed.papers.find((paper) => paper.id === '2504.13932')!;
    expect(bundled.related).not.toContain('2407.11062');
    browser.serve('https://huggingface.co/papers/2504.13932', paperPage({ title: bundled.title, summary: bundled.abstract }));
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2504.13932');
    // The feed (the test before) brought EfficientQAT, on quantizing LLMs too.
    await expect.poll(() => card(page).getByTestId('related').textContent()).toContain('EfficientQAT');
    await page.close();
  });

  test('a badge keeps the keyboard focus on its project link while another tab opens a paper (an announced seen mark)', async () => {
    // The cs.CL listing fixture with one entry standing for a feed paper that has a project page.
    const listing = (await fixture('listings/arxiv-list-cs.CL-new.html')).replaceAll('2407.13623', '2407.14482');
    browser.serve('https://arxiv.org/list/cs.CL/new', listing);
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const project = page.locator('[data-paperlens="badge"][data-arxiv-id="2407.14482"]').getByTestId('badge-project-link');
    await project.focus();
    const focused = () => page.evaluate(() => document.querySelector('[data-arxiv-id="2407.14482"]')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null);
    expect(await focused()).toBe('badge-project-link');
    // Another entry of the listing opened for the first time in another tab: the listing asks again about its badges.
    browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
    const reading = await browser.context.newPage();
    await reading.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(reading).count()).toBe(1);
    await expect.poll(() => page.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]').getByTestId('badge-seen').count()).toBe(1);
    expect(await focused()).toBe('badge-project-link');
    await reading.close();
    await page.close();
  });

  test('a card for a feed-only paper shows its live rank and project page; on Hugging Face, which shows the paper\'s live upvotes, not the feed\'s count', async () => {
    const feed = JSON.parse(feedJson) as { paper: { id: string; title: string; summary: string; upvotes: number; projectPage?: string } }[];
    // A paper only the feed knows (not in the bundled snapshot), with a project page.
    const index = feed.findIndex((entry) => entry.paper.projectPage);
    const { paper } = feed[index]!;
    browser.serve(`https://huggingface.co/papers/${paper.id}`, paperPage(paper));
    const page = await browser.context.newPage();
    await page.goto(`https://huggingface.co/papers/${paper.id}`);
    await expect.poll(() => card(page).getByTestId('rank').count()).toBe(1);
    expect(await card(page).getByTestId('upvotes').count()).toBe(0);
    expect(await card(page).getByTestId('rank').textContent()).toMatch(new RegExp(`^#${index + 1} daily · Live · [A-Z][a-z]{2} \\d{1,2}(, \\d{4})?$`));
    expect(await card(page).getByTestId('project-link').getAttribute('href')).toBe(paper.projectPage);
    await page.close();
  });

  test("a listing's badge shows a feed paper's upvotes on arXiv; on a Hugging Face list, which shows each paper's live count, it does not", async () => {
    browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
    browser.serve('https://huggingface.co/papers/date/2024-07-31', await fixture('listings/hf-papers-date-2024-07-31.html'));
    const page = await browser.context.newPage();
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2407.13623"]');
    await page.goto('https://arxiv.org/list/cs.CL/new');
    await expect.poll(() => badge.getByTestId('badge-upvotes').textContent()).toBe('▲ 52');
    await page.goto('https://huggingface.co/papers/date/2024-07-31');
    await expect.poll(() => badge.getByTestId('badge-rank').count()).toBe(1);
    expect(await badge.getByTestId('badge-upvotes').count()).toBe(0);
    await page.close();
  });

  test.each([
    ['500', /^Update failed: the feed answered HTTP 500 · /, /^Detailsthe daily-papers feed answered HTTP 500 Internal Server Error$/],
    ['garbage', /^Update failed: the feed sent data that is not valid JSON · /, /^Detailsthe response is not valid JSON at line 1, column \d+/],
  ] as const)('a failed refresh (%s) keeps the last good list and says why, with the next try', async (kind, reason, detail) => {
    respond = kind;
    const popup = await refreshFromPopup();
    await expect.poll(() => popup.getByTestId('feed-failure').textContent()).toMatch(reason);
    expect(await popup.getByTestId('feed-failure').textContent()).toMatch(/next try (tomorrow at|at|on)/);
    // The technical reason is one click away, folded under Details.
    const details = popup.getByTestId('feed-failure-details');
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    expect(await details.textContent()).toMatch(detail);
    await details.locator('summary').click();
    await expect.poll(() => details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true);
    expect(await popup.getByTestId('trending-source').textContent()).toMatch(/^Live · /);
    expect(await popup.getByTestId('trending-item').count()).toBe(13);
    await popup.close();
  });

  test('a feed that lists no papers (a day with none yet) is no failure: the list stays, and the popup says when it looks again', async () => {
    respond = 'empty';
    const popup = await refreshFromPopup();
    await expect.poll(() => popup.getByTestId('feed-failure').textContent()).toMatch(/^No new papers: the feed lists no papers today · next look (tomorrow at|at|on) /);
    expect(await popup.getByTestId('trending-source').textContent()).toMatch(/^Live · /);
    expect(await popup.getByTestId('trending-item').count()).toBe(13);
    await popup.close();
  });

  test('a stalled feed times out (≤ 10 s) and the list stays', async () => {
    respond = 'stall';
    const popup = await refreshFromPopup();
    await expect.poll(() => popup.getByTestId('feed-failure').textContent()).toMatch(/did not answer within 10 s/);
    expect(await popup.getByTestId('trending-item').count()).toBe(13);
    await popup.close();
  }, 40_000);

  test('rate-limited (429, Retry-After 2 h): the list stays, the popup says when, and Refresh waits as asked', async () => {
    respond = '429';
    const popup = await refreshFromPopup();
    await expect.poll(() => popup.getByTestId('feed-failure').textContent()).toMatch(/429|rate|too many/i);
    expect(await popup.getByTestId('feed-failure').textContent()).toMatch(/next try (tomorrow at|at|on)/);
    expect(await popup.getByTestId('trending-item').count()).toBe(13);
    const before = feedCalls;
    await popup.getByTestId('refresh-feed').click();
    await expect.poll(() => popup.getByTestId('refresh-feed').textContent()).toBe('Refresh');
    expect(feedCalls).toBe(before);
    await popup.close();
  });

  test('the feed URL is the only request the extension ever made; with the feed off it makes none', async () => {
    expect(workerRequests().length).toBeGreaterThan(0);
    expect(new Set(workerRequests())).toEqual(new Set([FEED_URL]));

    respond = 'good';
    const popup = await browser.popup();
    await popup.getByTestId('refresh-feed').waitFor();
    await popup.evaluate(async () => {
      const { chrome } = globalThis as unknown as PageGlobal;
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), feedEnabled: false } });
    });
    const before = feedCalls;
    // The open popup follows the switch at once.
    await expect.poll(() => popup.getByTestId('refresh-feed').count()).toBe(0);
    await popup.evaluate(() => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'refreshFeed' }));
    await popup.waitForTimeout(500);
    expect(feedCalls).toBe(before);
    // The popup never offers Refresh with the feed off, not even while it reads the settings.
    await popup.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="refresh-feed"]')) (globalThis as unknown as { refreshShown?: boolean }).refreshShown = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await popup.reload();
    // With the feed off, the list says so (and stops being called live a day after its fetch, as on cards).
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Live · \d{4}-\d{2}-\d{2} · updated .+ · updates switched off in settings$/);
    expect(await popup.getByTestId('refresh-feed').count()).toBe(0);
    expect(await popup.evaluate(() => (globalThis as unknown as { refreshShown?: boolean }).refreshShown ?? false)).toBe(false);
    await popup.close();
  });
});
