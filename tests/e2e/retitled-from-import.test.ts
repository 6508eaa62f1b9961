// A backup imported on a new machine names a paper by the title arXiv gave it after the bundled
// snapshot captured it: the store asks its arXiv page, so the popup's Trending and search say what
// the reading list says (they showed the snapshot's title, over its older TL;DR).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, listedItem, openEmptyReadingList, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

const CAPTURED = 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption';
const CURRENT = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('a backup naming a paper by the title arXiv gave it since the snapshot', () => {
  test('after the import, Trending and search list the paper under the backup\'s (arXiv\'s) title, with a TL;DR of its current abstract', async () => {
    const page = await openEmptyReadingList(browser, 1200);
    const items = [listedItem('2310.01779', CURRENT, { authors: ['Bohan Zhai'], published: '2023-10-03', tldr: 'We introduce HallE-Switch, a controllable LMM.', status: 'reading' })];
    const text = JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: Date.UTC(2025, 0, 2), items });
    const popup = await browser.popup();
    const trendingRow = popup.locator('[data-testid="trending-item"][data-arxiv-id="2310.01779"]');
    await expect.poll(() => trendingRow.locator('a.title').textContent()).toBe(CAPTURED);

    await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByTestId('import-summary').filter({ hasText: 'backup.json' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor({ timeout: 20_000 });

    await expect.poll(() => trendingRow.locator('a.title').textContent(), { timeout: 20_000 }).toBe(CURRENT);
    expect(await trendingRow.locator('.tldr').textContent()).not.toMatch(/HallE-Switch/);
    expect(browser.requests.filter((request) => request.url() === 'https://arxiv.org/abs/2310.01779')).toHaveLength(1);
    await popup.getByTestId('search').fill('halle');
    await expect.poll(() => popup.locator('[data-testid="search-item"][data-arxiv-id="2310.01779"] a.title').allTextContents()).toEqual([CURRENT]);
    // The reading list keeps what the backup said.
    await expect.poll(() => page.locator('[data-testid="reading-item"][data-arxiv-id="2310.01779"]').getByText(CURRENT).count()).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });
});
