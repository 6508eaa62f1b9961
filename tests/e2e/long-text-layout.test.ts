// Long text from papers or readers (one long word: a hostile title, a pasted address) does not widen the reading list or the popup.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { SavedItem } from '../../src/schema';
import { launchExtension, type ExtensionBrowser, listedItem, LISTED_AT } from './harness';

type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;
let page: Page;

const BASE = LISTED_AT;

// One long word, as a hostile or machine-made title is (or a title pasted with its URL).
const LONG_TITLE = `Unbroken${'X'.repeat(240)}`;
const LONG_URL = `https://github.com/some-organization/${'a_very_long_repository_name_'.repeat(4)}implementation`;

const ITEMS: SavedItem[] = [
  listedItem('2401.00001', LONG_TITLE, { addedAt: BASE + 3000 }),
  listedItem('2401.00002', 'Short title two', { addedAt: BASE + 2000 }),
  listedItem('2401.00003', 'Zebra retrieval with code', { tldr: `Code and data: ${LONG_URL}`, addedAt: BASE + 1000 }),
  listedItem('1706.03762', 'Attention Is All You Need'),
  // Full up: one more tag is refused, and the refusal quotes its title.
  listedItem('2401.00004', `Refused${'Y'.repeat(240)}`, { tags: Array.from({ length: 100 }, (_, index) => `t${index}`), addedAt: BASE - 1000 }),
];

const sideways = (target: Page) => target.evaluate(() => document.documentElement.scrollWidth - innerWidth);

beforeAll(async () => {
  browser = await launchExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
  const reply = await page.evaluate((items) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'importApply', items, rejected: [] }), ITEMS);
  expect(reply).toMatchObject({ ok: true });
  await page.reload();
  await page.locator('[data-testid="reading-list"][data-count="5"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('reading list in a 400 px window', () => {
  test('a search that finds nothing, quoting a long pasted address, wraps instead of widening the page', async () => {
    expect(await sideways(page)).toBe(0);
    await page.getByTestId('search').fill(`https://example.com/${'b'.repeat(200)}`);
    await page.getByTestId('no-matches').waitFor();
    try {
      expect(await sideways(page)).toBe(0);
    } finally {
      await page.getByTestId('clear-filters').click();
      await page.locator('[data-testid="reading-list"][data-count="5"]').waitFor();
    }
  });

  test('"Removed “…”" of a paper with a long one-word title wraps instead of widening the page', async () => {
    expect(await sideways(page)).toBe(0);
    await page.locator('[data-testid="reading-item"][data-arxiv-id="2401.00001"]').getByTestId('remove').click();
    await page.getByTestId('undo').waitFor();
    try {
      expect(await sideways(page)).toBe(0);
    } finally {
      await page.getByTestId('undo').click();
      await page.locator('[data-testid="reading-list"][data-count="5"]').waitFor();
    }
  });

  test('a bulk tag refused for a paper with a long one-word title says so without widening the page', async () => {
    expect(await sideways(page)).toBe(0);
    await page.locator('[data-testid="reading-item"][data-arxiv-id="2401.00004"]').getByTestId('select').check();
    try {
      await page.getByTestId('bulk-tag').fill('one-more');
      await page.getByTestId('bulk-add-tag').click();
      await page.locator('.bulk-bar [role="alert"]').waitFor();
      expect(await sideways(page)).toBe(0);
    } finally {
      await page.getByTestId('bulk-clear').click();
    }
  });
});

describe('popup', () => {
  test('"Removed “…”" of a paper with a long one-word title stays inside the popup', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('tab-saved').click();
    await popup.locator('[data-testid="saved-item"][data-arxiv-id="2401.00001"]').getByTestId('save').click();
    const bar = popup.getByTestId('undo-bar');
    await bar.waitFor();
    try {
      expect(await bar.evaluate((node) => node.scrollWidth - node.clientWidth)).toBe(0);
      expect(await popup.evaluate(() => document.body.scrollWidth - document.body.clientWidth)).toBe(0);
    } finally {
      await popup.getByTestId('undo').click();
      await popup.close();
    }
  });

  test('a search result whose TL;DR holds a long address (a code link) stays inside the popup', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('search').fill('zebra retrieval');
    const row = popup.locator('[data-testid="search-item"][data-arxiv-id="2401.00003"]');
    await row.waitFor();
    expect(await row.locator('.tldr').evaluate((node) => node.scrollWidth - node.clientWidth)).toBe(0);
    expect(await popup.evaluate(() => document.body.scrollWidth - document.body.clientWidth)).toBe(0);
    await popup.close();
  });
});
