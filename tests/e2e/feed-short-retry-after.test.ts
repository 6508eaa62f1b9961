import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

const FEED_URL = 'https://huggingface.co/api/daily_papers';

let browser: ExtensionBrowser;
let feedJson: string;
let answer: { status: number; body: string; headers?: Record<string, string> } = { status: 503, body: 'busy' };
let feedCalls = 0;

beforeAll(async () => {
  feedJson = await fixture('feed/daily_papers.json');
  browser = await launchExtension();
  browser.serve(FEED_URL, async (route) => {
    feedCalls++;
    const { status, body, headers } = answer;
    return route.fulfill({ status, body, contentType: 'application/json', ...(headers ? { headers } : {}) });
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Presses Refresh and waits for the Hugging Face request it makes. */
async function refreshFetching(popup: Page) {
  const before = feedCalls;
  await popup.getByTestId('refresh-feed').click();
  await expect.poll(() => feedCalls, { timeout: 20_000 }).toBe(before + 1);
  await expect.poll(() => popup.getByTestId('refresh-feed').textContent(), { timeout: 20_000 }).toBe('Refresh');
}

test("after a 429 asking to wait 6 s, Refresh fetches once the wait is over (it stayed dead for the hour of our own backoff, saying nothing), the note says so only until then, and a press within a wait says until when", async () => {
  const popup = await browser.popup();
  await popup.getByTestId('refresh-feed').waitFor();
  // QA's steps: three 503s (each press goes ahead), then a 429 with Retry-After: 1.
  for (let k = 0; k < 3; k++) await refreshFetching(popup);
  answer = { status: 429, body: '{"error":"Too Many Requests"}', headers: { 'retry-after': '6' } };
  await refreshFetching(popup);
  // The note says our own next try and, sooner, when Refresh works again, as its Details say (6 s).
  const note = popup.getByTestId('feed-failure');
  await expect.poll(() => note.textContent(), { interval: 100 }).toMatch(/^Update failed: Hugging Face is rate-limiting requests · next try (tomorrow at|at|on) .+ · Refresh possible (tomorrow at|at|on) .+it asks to wait 6 s$/);
  // Once that time has passed, it is no longer said (QA: it stayed, in the past).
  await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/^Update failed: Hugging Face is rate-limiting requests · next try (tomorrow at|at|on) [^·]+Details/);
  expect(await note.textContent()).not.toContain('Refresh possible');
  answer = { status: 200, body: feedJson };
  await refreshFetching(popup);
  await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Live · /);
  expect(await note.count()).toBe(0);

  // A press while Hugging Face's wait runs asks nothing and says why, and until when.
  answer = { status: 429, body: '{"error":"Too Many Requests"}', headers: { 'retry-after': '120' } };
  await refreshFetching(popup);
  const before = feedCalls;
  await popup.getByTestId('refresh-feed').click();
  await expect
    .poll(async () => (await popup.getByTestId('refresh-held').allTextContents()).join(' | '))
    .toMatch(/^Not refreshed: Hugging Face is rate-limiting requests; Refresh possible (tomorrow at|at|on) .+ \(in 2 min\)$/);
  expect(feedCalls).toBe(before);
  // Said in the live region that was there before, so a screen reader reads it.
  expect(await popup.locator('.trending-head > [role=status]').getByTestId('refresh-held').count()).toBe(1);
  await popup.close();
}, 60_000);
