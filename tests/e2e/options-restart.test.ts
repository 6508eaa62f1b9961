import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

const ABS = 'https://arxiv.org/abs/2310.01779';
const HF = 'https://huggingface.co/papers/2310.01779';
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const HF_LIST = 'https://huggingface.co/papers/date/2024-07-31';
const DARK_BG = 'rgb(30, 31, 34)';

const badges = (page: Page) => page.locator('[data-paperlens="badge"]');
const badgeOf = (page: Page, id: string) => page.locator(`[data-paperlens="badge"][data-arxiv-id="${id}"]`);

async function serve(browser: ExtensionBrowser): Promise<void> {
  browser.serve(ABS, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(HF, await fixture('hf-paper-2310.01779.html'));
  browser.serve(LISTING, await fixture('listings/arxiv-list-cs.CL-new.html'));
  browser.serve(HF_LIST, await fixture('listings/hf-papers-date-2024-07-31.html'));
}

async function optionsPage(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('setting-arxivAbs').waitFor();
  return options;
}

const opened: ExtensionBrowser[] = [];
const profiles: string[] = [];

// Each test's browsers close when it ends: one left open would go on using the CPU the next test's needs.
afterEach(async () => {
  for (const browser of opened.splice(0)) await browser.close().catch(() => undefined);
});

afterAll(async () => {
  for (const profile of profiles) await rm(profile, { recursive: true, force: true });
});

describe('options take effect on open pages at once', () => {
  test('seen marks switched off while a listing shows one: the mark goes at once; on again, it is back', async () => {
    const browser = await launchExtension();
    opened.push(browser);
    await serve(browser);
    const listing = await browser.context.newPage();
    await listing.goto(LISTING);
    const abs = await browser.context.newPage();
    await abs.goto(ABS);
    await expect.poll(() => card(abs).count()).toBe(1);
    await listing.bringToFront();
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-seen').count()).toBe(1);

    const options = await optionsPage(browser);
    await options.getByTestId('setting-seenEnabled').uncheck();
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-seen').count()).toBe(0);
    await options.getByTestId('setting-seenEnabled').check();
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-seen').count()).toBe(1);
  });

  test('Hugging Face switches: the open paper page loses its card and the open list its badges at once; on again, both come back', async () => {
    const browser = await launchExtension();
    opened.push(browser);
    await serve(browser);
    const paper = await browser.context.newPage();
    await paper.goto(HF);
    await expect.poll(() => card(paper).count()).toBe(1);
    const list = await browser.context.newPage();
    await list.goto(HF_LIST);
    await expect.poll(() => badges(list).count()).toBeGreaterThan(0);
    const count = await badges(list).count();

    const options = await optionsPage(browser);
    await options.getByTestId('setting-hfPaper').uncheck();
    await options.getByTestId('setting-hfList').uncheck();
    await expect.poll(() => card(paper).count()).toBe(0);
    await expect.poll(() => badges(list).count()).toBe(0);
    await options.getByTestId('setting-hfPaper').check();
    await options.getByTestId('setting-hfList').check();
    await expect.poll(() => card(paper).count()).toBe(1);
    await expect.poll(() => badges(list).count()).toBe(count);
  });
});

describe('options survive a browser restart', () => {
  test('collapsed cards, dark theme, arXiv listings and Hugging Face pages off, seen marks, the feed, completion and PDF titles off are all kept by a restarted browser on the same profile', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'paperlens-options-restart-'));
    profiles.push(profile);
    const first = await launchExtension({ profileDir: profile });
    opened.push(first);
    await serve(first);
    const options = await optionsPage(first);
    await options.getByTestId('setting-cardCollapsed').selectOption('collapsed');
    await options.getByTestId('setting-theme').selectOption('dark');
    await options.getByTestId('setting-arxivListing').uncheck();
    await options.getByTestId('setting-seenEnabled').uncheck();
    await options.getByTestId('setting-feedEnabled').uncheck();
    await options.getByTestId('setting-completeFromArxiv').uncheck();
    await options.getByTestId('setting-pdfTabTitles').uncheck();
    await options.getByTestId('setting-hfPaper').uncheck();
    // The last change's own note (the first change's showed the same ending): it is stored before the browser closes.
    await options.getByText('Hugging Face paper pages off. Saved. Open pages follow at once.').waitFor();
    await first.close();

    const second = await launchExtension({ profileDir: profile });
    opened.push(second);
    await serve(second);
    const again = await optionsPage(second);
    expect(await again.getByTestId('setting-cardCollapsed').inputValue()).toBe('collapsed');
    expect(await again.getByTestId('setting-theme').inputValue()).toBe('dark');
    expect(await again.getByTestId('setting-arxivListing').isChecked()).toBe(false);
    expect(await again.getByTestId('setting-seenEnabled').isChecked()).toBe(false);
    expect(await again.getByTestId('setting-feedEnabled').isChecked()).toBe(false);
    expect(await again.getByTestId('setting-completeFromArxiv').isChecked()).toBe(false);
    expect(await again.getByTestId('setting-pdfTabTitles').isChecked()).toBe(false);
    expect(await again.getByTestId('setting-hfPaper').isChecked()).toBe(false);
    expect(await again.getByTestId('setting-arxivAbs').isChecked()).toBe(true);

    const page = await second.context.newPage();
    await page.goto(ABS);
    await expect.poll(() => card(page).locator('article').getAttribute('data-collapsed')).toBe('true');
    expect(await card(page).evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('article')!).backgroundColor)).toBe(DARK_BG);
    await page.goto(LISTING);
    await page.waitForTimeout(1000);
    expect(await badges(page).count()).toBe(0);
    await page.goto(HF);
    await page.waitForTimeout(1000);
    expect(await card(page).count()).toBe(0);
    // No feed request from the restarted worker.
    expect(second.requests.filter((request) => request.url().startsWith('https://huggingface.co/api/daily_papers'))).toHaveLength(0);
  }, 60_000);
});
