import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { SavedItem } from '../../src/schema';
import { launchExtension, type ExtensionBrowser } from './harness';

/** The extension API as an extension page sees it (for `page.evaluate`). */
type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;
let list: Page;

const ADDED = Date.UTC(2025, 0, 3, 12);
const DAY = 86_400_000;

function item(id: string, title: string, extra: Partial<SavedItem> = {}): SavedItem {
  return {
    id, title, authors: [], tldr: '', status: 'to-read', tags: [], notes: '', addedAt: ADDED, updatedAt: ADDED, readAt: null,
    sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, ...extra,
  };
}

const ITEMS: SavedItem[] = [item('1706.03762', 'Attention Is All You Need'), item('2401.00002', 'نموذج لغوي كبير للترجمة الآلية', { tldr: 'نص عربي يصف النتائج', addedAt: ADDED - 1000 })];

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/1706.03762', '<!doctype html><title>Attention</title><p>abs page</p>');
  list = await browser.context.newPage();
  await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await list.getByTestId('empty').waitFor();
  const reply = await list.evaluate((items) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'importApply', items, rejected: [] }), ITEMS);
  expect(reply).toMatchObject({ ok: true });
  await list.reload();
  await list.getByTestId('reading-list').waitFor();
});

/** When the store last marked this paper's page opened (null: never), read from an extension page. */
function seenAt(id: string): Promise<number | null> {
  return list.evaluate(
    (key) =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('paperlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('seen').objectStore('seen').get(key);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { at: number } | undefined)?.at ?? null);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    id,
  );
}

afterAll(async () => {
  await browser?.close();
});

describe('popup, as a reader sees it', () => {
  test('the popup and the reading list write the day a paper was saved alike, its month named', async () => {
    const listMeta = await list.locator('[data-testid="reading-item"][data-arxiv-id="1706.03762"] .meta').textContent();
    const day = /added (.+)$/.exec(listMeta ?? '')?.[1];
    // The browser's own words for the day, month named ("Jan 3, 2025" in English).
    const expected = await list.evaluate((at) => new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }), ADDED);
    expect(day).toBe(expected);
    const popup = await browser.popup();
    await popup.getByTestId('tab-saved').click();
    expect(await popup.locator('[data-testid="saved-item"][data-arxiv-id="1706.03762"] .meta').textContent()).toBe(`Saved ${expected}`);
    await popup.close();
  });

  test('the popup has one top-level heading naming it, looking as the brand did', async () => {
    const popup = await browser.popup();
    const heading = popup.getByRole('heading', { level: 1 });
    await popup.getByTestId('search').waitFor();
    expect(await heading.count()).toBe(1);
    expect(await heading.textContent()).toBe('PaperLens');
    // Still the small brand beside the search box, not a browser-default 2em heading.
    const look = await heading.evaluate((node) => ({ size: getComputedStyle(node).fontSize, margin: getComputedStyle(node).marginTop }));
    expect(look).toEqual({ size: '12px', margin: '0px' });
    await popup.close();
  });

  test('a right-to-left title and TL;DR read right to left in search results and Saved', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('search').fill('الآلية');
    const result = popup.locator('[data-testid="search-item"][data-arxiv-id="2401.00002"]');
    await result.waitFor();
    expect(await result.locator('.title').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    expect(await result.locator('.tldr').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    expect(await popup.getByTestId('search').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('tab-saved').click();
    const saved = popup.locator('[data-testid="saved-item"][data-arxiv-id="2401.00002"] .title');
    expect(await saved.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    await popup.close();
  });

  test('the Undo offered after a removal is readable: its text has at least 4.5:1 contrast, light and dark', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('tab-saved').click();
    const row = popup.locator('[data-testid="saved-item"][data-arxiv-id="2401.00002"]');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await row.getByTestId('save').click();
      await popup.getByTestId('undo').waitFor();
      const ratios = await popup.getByTestId('undo-bar').evaluate((bar) => {
        const channels = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const luminance = (color: string) => {
          const [r, g, b] = channels(color).map((value) => {
            const c = value / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const contrast = (a: string, b: string) => {
          const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (high! + 0.05) / (low! + 0.05);
        };
        // The buttons draw no background of their own: the bar's is behind their text.
        const behind = getComputedStyle(bar).backgroundColor;
        return [...bar.querySelectorAll('span, button')].map((node) => Math.round(contrast(getComputedStyle(node).color, behind) * 100) / 100);
      });
      expect(ratios.length).toBeGreaterThanOrEqual(3);
      for (const ratio of ratios) expect(ratio, `${scheme}: ${ratios.join(', ')}`).toBeGreaterThanOrEqual(4.5);
      await popup.getByTestId('undo').click();
      await expect.poll(() => row.getByTestId('save').textContent()).toBe('Saved');
      // The row is back with the store (live query); the bar goes with the worker's reply, which may
      // come a moment later: the next removal's Undo must not be this one's.
      await expect.poll(() => popup.getByTestId('undo').count()).toBe(0);
    }
    await popup.close();
  });

  test('Enter in the search box opens the first result, as a click on its title does; not the Enter that ends an input method\'s composition', async () => {
    const popup = await browser.popup();
    const box = popup.getByTestId('search');
    await box.fill('attention is all');
    await expect.poll(() => popup.getByTestId('search-item').first().getAttribute('data-arxiv-id')).toBe('1706.03762');
    // Enter while a CJK input method composes picks its characters: the search box keeps it.
    const taken = await box.evaluate((node) => !node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
    expect(taken).toBe(false);
    const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().startsWith('https://arxiv.org/abs/'), timeout: 10_000 });
    const pressedAt = Date.now();
    await box.press('Enter');
    const page = await opened;
    expect(page.url()).toBe('https://arxiv.org/abs/1706.03762');
    // The visit is marked seen a moment after the page loads: let it land here, not over the next test's marks.
    await expect.poll(async () => ((await seenAt('1706.03762')) ?? 0) >= pressedAt, { timeout: 10_000 }).toBe(true);
    await page.close();
    await popup.close();
  });

  test('Recent says how long ago a page was opened within a week, and the day further back (not "400 days ago")', async () => {
    const now = Date.now();
    const marks = [
      { id: '1706.03762', at: now - 2 * DAY, title: 'Attention Is All You Need' },
      { id: '2106.09685', at: now - 400 * DAY, title: 'LoRA: Low-Rank Adaptation of Large Language Models' },
    ];
    // Written into the store as the background writes seen marks.
    await list.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paperlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const write = open.result.transaction('seen', 'readwrite');
            for (const row of rows) write.objectStore('seen').put(row);
            write.oncomplete = () => {
              open.result.close();
              resolve();
            };
            write.onerror = () => reject(write.error);
          };
        }),
      marks,
    );
    const day = await list.evaluate((at) => new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }), marks[1]!.at);
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => popup.getByTestId('recent-item').count()).toBe(2);
    expect(await popup.locator('[data-testid="recent-item"] .meta').allTextContents()).toEqual(['Opened 2 days ago', `Opened ${day}`]);
    await popup.close();
  });

  test('an arXiv address of a paper PaperLens does not know (pasted to save it) is offered to open or save, not "no paper matches"', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('search').fill('https://arxiv.org/abs/2501.00001v2');
    const row = popup.locator('[data-testid="search-item"][data-arxiv-id="2501.00001"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('.title').getAttribute('href')).toBe('https://arxiv.org/abs/2501.00001');
    expect(await row.locator('.meta').textContent()).toBe('Not in PaperLens yet: open it on arXiv, or save it by its id');
    await expect.poll(() => popup.getByTestId('search-status').textContent()).toBe('1 paper');
    await row.getByTestId('save').click();
    await expect.poll(() => row.getByTestId('save').textContent()).toBe('Saved');
    const saved = await popup.evaluate(() => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'listSaved' }));
    expect((saved as { result: SavedItem[] }).result.map((item) => item.id)).toContain('2501.00001');
    // Words that match nothing still say so.
    await popup.getByTestId('search').fill('zzqxy');
    await expect.poll(() => popup.getByTestId('search-results').textContent()).toBe('No paper in your store matches “zzqxy”.');
    await popup.close();
  });

  test('words no paper has all of list the papers with some of them, each saying which words it lacks, not "no paper matches"', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('search').fill('speculative decoding zzqxy');
    await expect.poll(() => popup.getByTestId('search-some-words').textContent()).toBe('No paper has every word of “speculative decoding zzqxy”. Papers with some of them:');
    const rows = popup.getByTestId('search-item');
    // The papers with both other words come first.
    const titles = await rows.locator('.title').allTextContents();
    const metas = await rows.locator('.meta:not([data-testid="rank"])').allTextContents();
    expect(titles.length).toBeGreaterThan(2);
    expect(titles[0]).toMatch(/speculative/i);
    expect(metas[0]).toBe('Missing: zzqxy');
    expect(metas).toContain('Missing: speculative, zzqxy');
    expect(metas.indexOf('Missing: speculative, zzqxy')).toBeGreaterThan(metas.lastIndexOf('Missing: zzqxy'));
    await expect.poll(() => popup.getByTestId('search-status').textContent()).toMatch(/^No paper has every word; \d+ (or more )?papers with some$/);
    // A link or an id being typed is no words: no paper matches it, whatever abstracts say "arXiv" or "GitHub".
    await popup.getByTestId('search').fill('https://github.com/huggingface/transformers');
    await expect.poll(() => popup.getByTestId('search-results').textContent()).toBe('No paper in your store matches “https://github.com/huggingface/transformers”.');
    // An id typed key by key says it will be found once whole (QA: "no paper matches" at every key).
    for (const typed of ['arxiv.org/abs/2310.0177', '2106.0968', '2106.']) {
      await popup.getByTestId('search').fill(typed);
      await expect.poll(() => popup.getByTestId('search-results').textContent()).toBe(`No paper in your store matches “${typed}”. An arXiv id finds its paper once it is whole (as 2106.09685).`);
    }
    // Matched whole again, the list is the usual one.
    await popup.getByTestId('search').fill('speculative decoding');
    await expect.poll(() => popup.getByTestId('search-some-words').count()).toBe(0);
    expect(await rows.locator('.meta:not([data-testid="rank"])').count()).toBe(0);
    await popup.close();
  });

  test('the popup opens ready to search: typing at once searches, without a click in the box first', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('search').waitFor();
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await popup.keyboard.type('attention is all');
    await expect.poll(() => popup.getByTestId('search-item').first().getAttribute('data-arxiv-id')).toBe('1706.03762');
    await popup.close();
  });

  test('while searching, the results are headed as such and no tab looks chosen; cleared, Trending is back as it was', async () => {
    const popup = await browser.popup();
    const trending = popup.getByTestId('tab-trending');
    const underline = () => trending.evaluate((tab) => getComputedStyle(tab).borderBottomColor);
    await popup.getByTestId('trending-item').first().waitFor();
    const chosen = await underline();
    expect(chosen).not.toBe('rgba(0, 0, 0, 0)');
    await popup.getByTestId('search').fill('attention');
    await popup.getByTestId('search-item').first().waitFor();
    expect(await popup.getByRole('heading', { level: 2, name: 'Search results' }).count()).toBe(1);
    expect(await underline()).toBe('rgba(0, 0, 0, 0)');
    // Nor does a screen reader hear one chosen.
    expect(await popup.getByRole('tab', { selected: true }).count()).toBe(0);
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('trending-item').first().waitFor();
    expect(await popup.getByRole('heading', { name: 'Search results' }).count()).toBe(0);
    expect(await underline()).toBe(chosen);
    expect(await popup.getByRole('tab', { selected: true, name: 'Trending' }).count()).toBe(1);
    await popup.close();
  });
});
