import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

const FEED_URL = 'https://huggingface.co/api/daily_papers';
const opened: ExtensionBrowser[] = [];
let profile = '';

afterAll(async () => {
  for (const browser of opened) await browser.close().catch(() => undefined);
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('the feed across a browser restart', () => {
  test('a live list fetched before the restart is still the popup\'s Live list after it; a 429 asking for 2 h is still heeded: no request at startup or on Refresh', async () => {
    profile = await mkdtemp(join(tmpdir(), 'paperlens-feed-restart-'));
    const feed = await fixture('feed/daily_papers.json');
    let answer: 'good' | '429' = 'good';
    let calls = 0;
    const serveFeed = (browser: ExtensionBrowser) =>
      browser.serve(FEED_URL, async (route) => {
        calls++;
        if (answer === 'good') return route.fulfill({ status: 200, contentType: 'application/json', body: feed });
        return route.fulfill({ status: 429, headers: { 'Retry-After': '7200' }, body: 'slow down' });
      });

    const first = await launchExtension({ profileDir: profile });
    opened.push(first);
    serveFeed(first);
    let popup = await first.popup();
    await popup.getByTestId('refresh-feed').click();
    await expect.poll(() => popup.getByTestId('trending-source').textContent(), { timeout: 20_000 }).toMatch(/^Live · 2024-07-19/);
    answer = '429';
    await popup.getByTestId('refresh-feed').click();
    await expect.poll(() => popup.getByTestId('feed-failure').textContent(), { timeout: 20_000 }).toMatch(/next try (tomorrow at|at|on)/);
    await first.close();

    const before = calls;
    const second = await launchExtension({ profileDir: profile });
    opened.push(second);
    serveFeed(second);
    popup = await second.popup();
    await expect.poll(() => popup.getByTestId('trending-source').textContent()).toMatch(/^Live · 2024-07-19/);
    expect(await popup.getByTestId('trending-item').count()).toBe(13);
    await expect.poll(() => popup.getByTestId('feed-failure').textContent()).toMatch(/next try (tomorrow at|at|on)/);
    await popup.getByTestId('refresh-feed').click();
    await expect.poll(() => popup.getByTestId('refresh-feed').textContent()).toBe('Refresh');
    await popup.waitForTimeout(500);
    expect(calls).toBe(before);
  }, 90_000);
});
