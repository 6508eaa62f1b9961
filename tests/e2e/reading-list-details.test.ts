import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { SavedItem } from '../../src/schema';
import { launchExtension, openEmptyReadingList, type ExtensionBrowser, listedItem, LISTED_AT } from './harness';

/** The extension API as an extension page sees it (for `page.evaluate`). */
type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;
let page: Page;
let emptyListExports: number;

const BASE = LISTED_AT;

// Long enough to be cut at the end of its one line in a 1,200 px window.
const ARABIC_TITLE = `بداية ${'نموذج لغوي كبير للترجمة الآلية العربية مع تقييم شامل على معايير متعددة '.repeat(4)}`.trim();

const ITEMS: SavedItem[] = [
  listedItem('2401.00002', ARABIC_TITLE, { tldr: 'نص عربي يصف النتائج الرئيسية للورقة', addedAt: BASE + 1000 }),
  listedItem('1706.03762', 'Attention Is All You Need'),
];

const row = (id: string) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${id}"]`);

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
  // An empty list offers import only: nothing to export.
  emptyListExports = await page.locator('[data-testid^="export-"]').count();
  const reply = await page.evaluate((items) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'importApply', items, rejected: [] }), ITEMS);
  expect(reply).toMatchObject({ ok: true });
  await page.reload();
  // The whole list read: until then the export bar is there, disabled (the first screen shows first).
  await page.locator('[data-testid="reading-list"][data-count="2"][aria-busy="false"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('reading list, as a reader sees it', () => {
  test('an empty list shows no export bar ("all 0 papers" beside disabled buttons); one with papers does', async () => {
    expect(emptyListExports).toBe(0);
    expect(await page.getByTestId('export-json').isEnabled()).toBe(true);
    expect(await page.getByTestId('import-file').count()).toBe(1);
  });

  test('a long right-to-left title reads right to left and keeps its first word when cut; typed Arabic notes do too', async () => {
    const title = row('2401.00002').getByTestId('title');
    const seen = await title.evaluate((link) => {
      const text = link.firstChild!;
      const first = document.createRange();
      first.setStart(text, 0);
      first.setEnd(text, 5); // "بداية", the title's first word
      const word = first.getBoundingClientRect();
      const box = link.getBoundingClientRect();
      return { direction: getComputedStyle(link).direction, cut: link.scrollWidth > link.clientWidth, firstWordShown: word.left >= box.left && word.right <= box.right };
    });
    expect(seen).toEqual({ direction: 'rtl', cut: true, firstWordShown: true });
    expect(await row('2401.00002').locator('.tldr').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    // A Latin title stays left to right.
    expect(await row('1706.03762').getByTestId('title').evaluate((node) => getComputedStyle(node).direction)).toBe('ltr');
    const notes = row('1706.03762').getByTestId('notes');
    await notes.fill('ملاحظة: اقرأ القسم الثالث');
    expect(await notes.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
  });

  test('in a 400 px window the toolbar leaves most of the window to the papers: status, tag and sort share one line', async () => {
    await page.setViewportSize({ width: 400, height: 700 });
    try {
      await page.getByTestId('sort').waitFor();
      const tops = await Promise.all(['filter-status', 'filter-tag', 'sort'].map((id) => page.getByTestId(id).evaluate((node) => Math.round(node.getBoundingClientRect().top))));
      expect(new Set(tops).size).toBe(1);
      // Labelled still, as a reader sees them and as a screen reader reads them.
      expect(await page.getByLabel('Sort').count()).toBe(1);
      // 212 px (30% of the window) before; 159 px now.
      const sticky = await page.locator('.sticky').evaluate((node) => node.getBoundingClientRect().height);
      expect(sticky).toBeLessThan(180);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(400);
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });

  test('the order picked is kept for the next visit; the filters are not', async () => {
    await page.getByTestId('sort').selectOption('oldest');
    await page.getByTestId('filter-status').selectOption('reading');
    await page.reload();
    await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
    expect(await page.getByTestId('sort').inputValue()).toBe('oldest');
    expect(await page.getByTestId('filter-status').inputValue()).toBe('all');
    expect(await page.getByTestId('reading-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-arxiv-id')))).toEqual(['1706.03762', '2401.00002']);
    await page.getByTestId('sort').selectOption('added');
    await page.reload();
    await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
    expect(await page.getByTestId('sort').inputValue()).toBe('added');
  });

  test('a search for an arXiv address the list does not hold offers to save that paper by its id', async () => {
    const search = page.getByTestId('search');
    await search.fill('https://arxiv.org/abs/2501.00009v1');
    await page.getByTestId('no-matches').waitFor();
    const save = page.getByTestId('save-by-id');
    expect(await save.textContent()).toBe('Save arXiv 2501.00009 to the list');
    await save.click();
    await page.locator('[data-testid="reading-item"][data-arxiv-id="2501.00009"]').waitFor();
    expect(await page.getByTestId('reading-list').getAttribute('data-count')).toBe('1');
    // A paper the list holds, hidden by a filter, is not offered again.
    await page.getByTestId('filter-status').selectOption('read');
    await page.getByTestId('no-matches').waitFor();
    expect(await page.getByTestId('save-by-id').count()).toBe(0);
    await page.getByTestId('filter-status').selectOption('all');
    await search.fill('');
    const removed = await page.evaluate(() => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'removeSaved', ids: ['2501.00009'] }));
    expect(removed).toMatchObject({ ok: true });
  });

  test('a control focused right after j keeps the focus: the row j moved to does not take it a moment later', async () => {
    await page.getByTestId('search').focus();
    await page.keyboard.press('Escape');
    // j, then Select all focused in the same moment, before the list has rendered the cursor's row.
    const focusedAfter = await page.evaluate(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      document.querySelector<HTMLElement>('[data-testid="select-all"]')!.focus();
      // Two frames and a moment: the row's focus used to come in an effect a frame after its render.
      await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled, 100))));
      return document.activeElement?.getAttribute('data-testid');
    });
    expect(focusedAfter).toBe('select-all');
    expect(await page.locator('[data-testid="reading-item"][aria-current="true"]').count()).toBe(1);
  });

  test('with a row under the cursor, Enter on Select all or on Import file… does what that control does, not open the paper', async () => {
    await page.getByTestId('search').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    // j takes the focus to the row (its checkbox), then the reader moves on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[aria-current="true"]') !== null)).toBe(true);
    let opened = 0;
    const count = () => opened++;
    browser.context.on('page', count);
    try {
      await page.getByTestId('select-all').focus();
      await page.keyboard.press('Enter');
      const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
      await page.getByTestId('import-file').focus();
      await page.keyboard.press('Enter');
      await chooser;
      expect(opened).toBe(0);
      // From the row itself, Enter still opens its paper.
      const paper = browser.context.waitForEvent('page', { timeout: 10_000 });
      await page.locator('[data-testid="reading-item"][aria-current="true"]').getByTestId('select').focus();
      await page.keyboard.press('Enter');
      await (await paper).close();
    } finally {
      browser.context.off('page', count);
    }
  });

  test('in a 400 px window, an import preview or error quoting a long unbroken entry (a URL) wraps instead of widening the page', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      const long = `https://example.com/${'a'.repeat(300)}`;
      await page.getByTestId('import-file').setInputFiles({ name: 'zotero-library-export-with-a-rather-long-file-name-2024.txt', mimeType: 'text/plain', buffer: Buffer.from(`1706.03762\n${long}\n`) });
      await page.getByTestId('import-preview').waitFor();
      await page.locator('.rejections summary').click();
      expect(await sideways()).toBe(0); // 357 px before
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(`{"format": "${'z'.repeat(60)}"}`) });
      await page.getByTestId('import-error').waitFor();
      expect(await sideways()).toBe(0); // 51 px before
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });
});
