import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

const FEED_URL = 'https://huggingface.co/api/daily_papers';

type FeedItem = { paper: { id: string; title: string; summary: string; submittedOnDailyAt?: string; publishedAt?: string }; submittedOnDailyAt?: string; publishedAt?: string };

let browser: ExtensionBrowser;
let dayA: FeedItem[];
let dayB: FeedItem[];
let answer: () => { status: number; body: string; headers?: Record<string, string> };
let feedCalls = 0;

/** The recorded day moved on by one day, its order reversed: the next day's list. */
function nextDay(items: FeedItem[]): FeedItem[] {
  const shift = (at: string | undefined) => (at === undefined ? undefined : new Date(Date.parse(at) + 86_400_000).toISOString());
  return [...items].reverse().map((item) => ({
    ...item,
    ...(item.submittedOnDailyAt ? { submittedOnDailyAt: shift(item.submittedOnDailyAt) } : {}),
    ...(item.publishedAt ? { publishedAt: shift(item.publishedAt) } : {}),
    paper: { ...item.paper, ...(item.paper.submittedOnDailyAt ? { submittedOnDailyAt: shift(item.paper.submittedOnDailyAt) } : {}) },
  }));
}

const ids = (items: FeedItem[]) => items.map((item) => item.paper.id);

beforeAll(async () => {
  dayA = JSON.parse(await fixture('feed/daily_papers.json')) as FeedItem[];
  dayB = nextDay(dayA);
  answer = () => ({ status: 503, body: 'offline' });
  browser = await launchExtension();
  browser.serve(FEED_URL, async (route) => {
    feedCalls++;
    const { status, body, headers } = answer();
    return route.fulfill({ status, body, contentType: 'application/json', ...(headers ? { headers } : {}) });
  });
  const first = dayA[0]!.paper;
  browser.serve(`https://huggingface.co/papers/${first.id}`, `<!DOCTYPE html><html><body><main><section><div class="container"><h1>${first.title}</h1></div>
       <div class="container"><div class="pb-8 pr-4 md:pr-16"><h2>Abstract</h2><p>${first.summary}</p></div></div></section></main></body></html>`);
});

afterAll(async () => {
  await browser?.close();
});

async function refresh(popup: Page): Promise<void> {
  await popup.getByTestId('refresh-feed').click();
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent(), { timeout: 20_000 }).toBe('Refresh');
}

const trendingIds = (popup: Page) => popup.getByTestId('trending-item').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-arxiv-id')));
const trendingRanks = (popup: Page) => popup.getByTestId('trending-item').evaluateAll((nodes) => nodes.map((node) => node.querySelector('[data-testid="rank"]')?.textContent?.trim() ?? null));

describe('the popup over two days of the feed', () => {
  test('two days fetched: the picker offers both; the latest is Live in its order, the day before in its own order and ranks; an open card shows the latest rank', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('trending-source').waitFor();
    answer = () => ({ status: 200, body: JSON.stringify(dayA) });
    await refresh(popup);
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Live · 2024-07-19/);
    expect(await trendingIds(popup)).toEqual(ids(dayA));

    answer = () => ({ status: 200, body: JSON.stringify(dayB) });
    await refresh(popup);
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Live · 2024-07-20/);
    await expect.poll(() => trendingIds(popup)).toEqual(ids(dayB));
    expect(await trendingRanks(popup)).toEqual(dayB.map((_, index) => `#${index + 1}`));
    const options = await popup.getByTestId('trending-day').locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options).toEqual(['2024-07-20', '2024-07-19', '']);

    await popup.getByTestId('trending-day').selectOption('2024-07-19');
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Daily Papers · 2024-07-19/);
    await expect.poll(() => trendingIds(popup)).toEqual(ids(dayA));
    expect(await trendingRanks(popup)).toEqual(dayA.map((_, index) => `#${index + 1}`));

    // A card shows the latest day's rank: day A's first paper is last on day B.
    const page = await browser.context.newPage();
    await page.goto(`https://huggingface.co/papers/${dayA[0]!.paper.id}`);
    await expect.poll(() => card(page).getByTestId('rank').textContent()).toMatch(new RegExp(`^#${dayA.length} daily · Live · Jul 20, 2024$`));
    await page.close();
    await popup.close();
  });

  test('503 with a Retry-After date two hours ahead: the list stays, the popup names the time, and Refresh waits as asked', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('refresh-feed').waitFor();
    const until = new Date(Date.now() + 2 * 3_600_000);
    answer = () => ({ status: 503, body: 'maintenance', headers: { 'Retry-After': until.toUTCString() } });
    await refresh(popup);
    // The popup says Hugging Face asked to wait 2 h, and when the next try is.
    await expect.poll(() => popup.getByTestId('feed-failure').textContent()).toMatch(/HTTP 503 · next try (tomorrow at|at|on) .*it asks to wait 2 h/);
    expect(await popup.getByTestId('trending-item').count()).toBe(dayB.length);
    const before = feedCalls;
    await popup.getByTestId('refresh-feed').click();
    await expect.poll(() => popup.getByTestId('refresh-feed').textContent()).toBe('Refresh');
    // Pressed again within the wait it asked for, Hugging Face is not asked again (as after a 429).
    expect(feedCalls).toBe(before);
    await popup.close();
  });

  test('a feed-only paper saved from the Trending row: the row, its card, the reading list and the Hugging Face page agree on its title and TL;DR', async () => {
    const { paper } = dayB.find((item) => item.paper.id === '2407.13692')!;
    browser.serve(`https://huggingface.co/papers/${paper.id}`, `<!DOCTYPE html><html><body><main><section><div class="container"><h1>${paper.title}</h1></div>
       <div class="container"><div class="pb-8 pr-4 md:pr-16"><h2>Abstract</h2><p>${paper.summary}</p></div></div></section></main></body></html>`);
    const popup = await browser.popup();
    const row = popup.locator(`[data-testid="trending-item"][data-arxiv-id="${paper.id}"]`);
    await row.waitFor();
    const rowTldr = (await row.locator('.tldr').textContent())!.trim();
    expect(rowTldr).not.toBe('');
    await row.getByTestId('save').click();
    await expect.poll(() => row.getByTestId('save').textContent()).toBe('Saved');
    const saved = (await popup.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'listSaved' }))) as { result: { id: string; title: string; tldr: string }[] };
    const item = saved.result.find((entry) => entry.id === paper.id)!;
    await popup.close();

    const page = await browser.context.newPage();
    await page.goto(`https://huggingface.co/papers/${paper.id}`);
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    const cardTldr = (await card(page).getByTestId('tldr').textContent())!.replace(/^TL;DR\s*/, '').trim();
    expect({ title: item.title, saved: item.tldr, card: cardTldr }).toEqual({ title: paper.title, saved: rowTldr, card: rowTldr });
    await page.close();
  });
});
