import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { SavedItem } from '../../src/schema';
import { card, fixture, launchExtension, sendFromPage, type ExtensionBrowser } from './harness';

/** The extension API as an extension page sees it (for `page.evaluate`). */
type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function savedIds(page: Page): Promise<string[]> {
  const reply = (await page.evaluate(() => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'listSaved' }))) as { result: SavedItem[] };
  return reply.result.map((item) => item.id).sort();
}

/** The focused control, as "testid in row-testid:arxiv-id". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const row = active?.closest('[data-arxiv-id]');
    return `${active?.getAttribute('data-testid')}${row ? ` in ${row.getAttribute('data-testid')}:${row.getAttribute('data-arxiv-id')}` : ''}`;
  });

/** Whether the Undo bar is within the popup's view. */
const undoInView = (page: Page) =>
  page.getByTestId('undo-bar').evaluate((bar) => {
    const box = bar.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });

/** The arXiv page of 2310.01779 and the popup over it, the paper saved from This tab. */
async function popupOfSavedPaper() {
  const abs = await browser.context.newPage();
  await abs.goto('https://arxiv.org/abs/2310.01779');
  const popup = await browser.popup();
  const thisTab = popup.getByTestId('this-tab');
  await thisTab.getByTestId('save').click();
  await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
  return { abs, popup, thisTab };
}

describe('popup Undo', () => {
  test('a paper removed, another saved, then that one removed: Undo puts back only the last, and the focus goes to it (not to the paper removed before the save)', async () => {
    const { abs, popup, thisTab } = await popupOfSavedPaper();
    // Remove A in This tab, save B from Trending, remove B in Saved: within a few seconds.
    await thisTab.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('undo-bar').textContent()).toContain('Removed “');
    const trendingB = popup.locator('[data-testid="trending-item"][data-arxiv-id="2407.06950"]');
    const title = await trendingB.locator('.title').textContent();
    await trendingB.getByTestId('save').click();
    await expect.poll(() => trendingB.getByTestId('save').textContent()).toBe('Saved');
    await popup.getByTestId('tab-saved').click();
    const savedB = popup.locator('[data-testid="saved-item"][data-arxiv-id="2407.06950"]');
    await savedB.getByTestId('save').focus();
    await popup.keyboard.press('Enter');
    // Two offers, each its own: the bar does not say "Removed 2 papers".
    await expect.poll(() => focused(popup)).toBe('undo');
    expect((await popup.getByTestId('undo-offer').allTextContents())[0]).toContain(`Removed “${title}”`);
    await popup.keyboard.press('Enter');
    await expect.poll(() => savedIds(popup)).toEqual(['2407.06950']);
    await expect.poll(() => focused(popup)).toBe('save in saved-item:2407.06950');
    expect(await thisTab.getByTestId('save').textContent()).toBe('Save');
    await popup.close();
    await abs.close();
  });

  test('a paper removed and saved again in the popup: its Undo goes (it would put back nothing, and say so)', async () => {
    const { abs, popup, thisTab } = await popupOfSavedPaper();
    try {
      await thisTab.getByTestId('save').click();
      await expect.poll(() => popup.getByTestId('undo-offer').count()).toBe(1);
      await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Save');
      await thisTab.getByTestId('save').click();
      await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
      await expect.poll(() => popup.getByTestId('undo-offer').count()).toBe(0);
    } finally {
      // Not saved, as the next test finds it (whatever this one found).
      await sendFromPage(popup, { type: 'removeSaved', ids: ['2310.01779'] });
      await popup.close();
      await abs.close();
    }
  });

  test('an Undo that says why it put nothing back leaves the other offer whole and its Undo working', async () => {
    const { abs, popup, thisTab } = await popupOfSavedPaper();
    // Two offers: this tab's paper removed, then another saved from Trending and removed under Saved.
    await thisTab.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('undo-offer').count()).toBe(1);
    const trendingC = popup.locator('[data-testid="trending-item"][data-arxiv-id="2310.15539"]');
    await trendingC.getByTestId('save').click();
    await expect.poll(() => trendingC.getByTestId('save').textContent()).toBe('Saved');
    await popup.getByTestId('tab-saved').click();
    await popup.locator('[data-testid="saved-item"][data-arxiv-id="2310.15539"]').getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('undo-offer').count()).toBe(2);
    // The first paper saved again on its card: its Undo puts nothing back, and says so.
    await card(abs).getByTestId('save').click();
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe('Saved');
    await popup.getByTestId('undo-offer').nth(1).getByTestId('undo').click();
    await expect.poll(() => popup.locator('.undo-bar .error').textContent()).toContain('changed since');
    // The other offer keeps its width (it was squeezed to a letter a line, under the message), and its Undo works.
    expect(await popup.getByTestId('undo-offer').locator('.undo-message').evaluate((message) => message.getBoundingClientRect().width)).toBeGreaterThan(150);
    expect(await popup.getByTestId('undo-bar').evaluate((bar) => bar.getBoundingClientRect().height)).toBeLessThan(120);
    await popup.getByTestId('undo-offer').getByTestId('undo').click();
    await expect.poll(async () => (await savedIds(popup)).filter((id) => id !== '2407.06950')).toEqual(['2310.01779', '2310.15539']);
    await popup.close();
    await abs.close();
  });

  test("un-saving from This tab or Trending moves nothing under the pointer: the Undo comes at the popup's foot", async () => {
    const abs = await browser.context.newPage();
    await abs.goto('https://arxiv.org/abs/2310.01779');
    const popup = await browser.popup();
    // Tall enough to show Trending's first rows without scrolling.
    await popup.setViewportSize({ width: 420, height: 1000 });
    const thisTab = popup.getByTestId('this-tab');
    // Nothing saved by the tests before (Trending's rows among them), then this tab's paper saved.
    expect((await sendFromPage(popup, { type: 'clearReadingData' })).ok).toBe(true);
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Save');
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
    const tops = () =>
      popup.evaluate(() =>
        ['[data-testid="this-tab"] [data-testid="save"]', '[data-testid="tab-trending"]', '[data-testid="trending-item"]:nth-child(2) [data-testid="save"]'].map((selector) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top)),
      );
    const before = await tops();
    await thisTab.getByTestId('save').click();
    await popup.getByTestId('undo').waitFor();
    expect(await tops()).toEqual(before);
    expect(await undoInView(popup)).toBe(true);
    // A second paper, saved then un-saved in Trending: its button stays where it was clicked.
    const second = popup.locator('[data-testid="trending-item"]:nth-child(2)');
    await second.getByTestId('save').click();
    await expect.poll(() => second.getByTestId('save').textContent()).toBe('Saved');
    const beforeSecond = await tops();
    const secondTitle = await second.locator('.title').textContent();
    // Past a double click's time (its second click repeats the first, and is not taken).
    await popup.waitForTimeout(600);
    await second.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('undo-bar').textContent()).toContain(`Removed “${secondTitle}`);
    expect(await tops()).toEqual(beforeSecond);
    await Promise.all([popup.close(), abs.close()]);
  });

  test('Ctrl+Z undoes the newest change from a button, its Undo far down the Tab order; in the search box it is the box\'s own', async () => {
    const popup = await browser.popup();
    expect((await sendFromPage(popup, { type: 'clearReadingData' })).ok).toBe(true);
    const first = popup.locator('[data-testid="trending-item"]:nth-child(1)');
    const id = (await first.getAttribute('data-arxiv-id'))!;
    await first.getByTestId('save').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => first.getByTestId('save').textContent()).toBe('Saved');
    // Un-saved from the keyboard: Trending keeps the row, and the focus on its button.
    await popup.keyboard.press('Enter');
    await expect.poll(() => savedIds(popup)).toEqual([]);
    expect(await popup.getByTestId('undo').getAttribute('aria-keyshortcuts')).toBe('Control+Z');
    expect(await focused(popup)).toBe(`save in trending-item:${id}`);
    // In the search box, Ctrl+Z takes back its typing and leaves the removal.
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('search').focus();
    await popup.keyboard.type('zz');
    await popup.keyboard.press('Control+z');
    await popup.waitForTimeout(300);
    expect(await savedIds(popup)).toEqual([]);
    await popup.keyboard.press('Control+a');
    await popup.keyboard.press('Backspace');
    await first.getByTestId('save').focus();
    await popup.keyboard.press('Control+z');
    await expect.poll(() => savedIds(popup)).toEqual([id]);
    await expect.poll(() => first.getByTestId('save').textContent()).toBe('Saved');
    await expect.poll(() => popup.getByTestId('undo-offer').count()).toBe(0);
    // With nothing to undo, the key does nothing: not even the browser's undo, which took back the
    // search cleared above (QA: it came back and took the focus).
    await popup.keyboard.press('Control+z');
    await popup.waitForTimeout(300);
    expect(await savedIds(popup)).toEqual([id]);
    expect(await popup.getByTestId('search').inputValue()).toBe('');
    expect(await focused(popup)).toBe(`save in trending-item:${id}`);
    await popup.close();
  });

  test('the Undo bar leaving far down Saved, on its own or dismissed from the keyboard, leaves the reader where they were, the focus on the row in the removed one\'s place', async () => {
    const popup = await browser.popup();
    await popup.setViewportSize({ width: 420, height: 600 });
    const items = Array.from({ length: 30 }, (_, n) => ({ id: `2106.${String(n + 1).padStart(5, '0')}`, title: `Kept paper number ${n + 1}`, authors: ['A. Author'], addedAt: Date.UTC(2026, 0, 1) + n * 60_000, updatedAt: Date.UTC(2026, 0, 1) + n * 60_000 }));
    await popup.evaluate((items) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'importApply', items, rejected: [] }), items);
    await popup.getByTestId('tab-saved').click();
    const scrolledTo = async (row: number) => {
      const target = popup.getByTestId('saved-item').nth(row);
      await target.getByTestId('save').scrollIntoViewIfNeeded();
      const before = await popup.evaluate(() => scrollY);
      expect(before).toBeGreaterThan(1000);
      return { target, before, next: await popup.getByTestId('saved-item').nth(row + 1).getAttribute('data-arxiv-id') };
    };

    const first = await scrolledTo(25);
    await first.target.getByTestId('save').click();
    // The focus on the Undo (where a click's removal may put it).
    await popup.getByTestId('undo').focus();
    // The reader reads on: a click on a row's text (the Undo waits while it has the focus). Ten
    // seconds later, the bar goes.
    await popup.getByTestId('saved-item').nth(22).locator('.meta').click();
    await popup.getByTestId('undo-bar').waitFor({ state: 'detached', timeout: 15_000 });
    expect(Math.abs((await popup.evaluate(() => scrollY)) - first.before)).toBeLessThan(200);
    // The next Tab goes on from there, not from the popup's top (the focus was on the search box, out of view).
    expect(await focused(popup)).toBe(`save in saved-item:${first.next}`);

    // From the keyboard: removed, Undo, then its × (the focus came to the search box at the popup's top).
    const second = await scrolledTo(20);
    await second.target.getByTestId('save').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toBe('undo');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('undo-bar').waitFor({ state: 'detached' });
    expect(await focused(popup)).toBe(`save in saved-item:${second.next}`);
    expect(Math.abs((await popup.evaluate(() => scrollY)) - second.before)).toBeLessThan(200);
    await popup.close();
  });

  test('removing a paper far down Saved (mouse or keyboard) or Trending keeps the reader where they were, with the Undo in view', async () => {
    const popup = await browser.popup();
    await popup.setViewportSize({ width: 420, height: 600 });
    const items = Array.from({ length: 30 }, (_, n) => ({ id: `2105.${String(n + 1).padStart(5, '0')}`, title: `Imported paper number ${n + 1}`, authors: ['A. Author'], addedAt: Date.UTC(2026, 0, 1) + n * 60_000, updatedAt: Date.UTC(2026, 0, 1) + n * 60_000 }));
    await popup.evaluate((items) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'importApply', items, rejected: [] }), items);
    for (const [tab, row, how] of [['tab-saved', 'saved-item', 'mouse'], ['tab-saved', 'saved-item', 'keyboard'], ['tab-trending', 'trending-item', 'mouse']] as const) {
      await popup.getByTestId(tab).click();
      const target = popup.getByTestId(row).nth(25);
      await target.waitFor();
      if (row === 'trending-item') {
        await target.getByTestId('save').click();
        await expect.poll(() => target.getByTestId('save').textContent()).toBe('Saved');
      }
      await target.getByTestId('save').scrollIntoViewIfNeeded();
      const before = await popup.evaluate(() => scrollY);
      expect(before, `${row} ${how}: scrolled down first`).toBeGreaterThan(1000);
      if (how === 'mouse') await target.getByTestId('save').click();
      else {
        await target.getByTestId('save').focus();
        await popup.keyboard.press('Enter');
      }
      await popup.getByTestId('undo').first().waitFor();
      await expect.poll(() => undoInView(popup)).toBe(true);
      // Still about where the reader was (the bar may push the list down by its height).
      expect(Math.abs((await popup.evaluate(() => scrollY)) - before), `${row} ${how}`).toBeLessThan(200);
      if (how === 'keyboard') expect(await focused(popup)).toBe('undo');
      await popup.getByTestId('undo').first().click();
      await expect.poll(() => popup.getByTestId('undo').count()).toBe(0);
    }
    await popup.close();
  });

  test('accessibility QA: with the Undo bar at the foot, each control Tab reaches down the list comes out above the bar, not under it', async () => {
    const popup = await browser.popup();
    await popup.setViewportSize({ width: 320, height: 600 });
    expect((await sendFromPage(popup, { type: 'clearReadingData' })).ok).toBe(true);
    const items = Array.from({ length: 30 }, (_, n) => ({ id: `2104.${String(n + 1).padStart(5, '0')}`, title: `Listed paper number ${n + 1}`, authors: ['A. Author'], addedAt: Date.UTC(2026, 0, 1) + n * 60_000, updatedAt: Date.UTC(2026, 0, 1) + n * 60_000 }));
    await popup.evaluate((items) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'importApply', items, rejected: [] }), items);
    await popup.getByTestId('tab-saved').click();
    await popup.getByTestId('saved-item').first().getByTestId('save').click();
    await popup.getByTestId('undo').waitFor();
    await popup.getByTestId('search').focus();
    const hidden: string[] = [];
    for (let press = 0; press < 40; press++) {
      await popup.keyboard.press('Tab');
      const where = await popup.evaluate(() => {
        const active = document.activeElement!;
        const bar = document.querySelector('.undo-region');
        if (!bar || bar.contains(active)) return null;
        const box = active.getBoundingClientRect();
        return box.bottom > bar.getBoundingClientRect().top + 1 ? `${active.getAttribute('data-testid')} in ${active.closest('[data-arxiv-id]')?.getAttribute('data-arxiv-id')}` : '';
      });
      if (where === null) break;
      if (where !== '') hidden.push(where);
    }
    expect(hidden).toEqual([]);
    // The keys went down the list (the Undo's offer kept while the test tabbed).
    expect(await popup.getByTestId('undo').count()).toBe(1);
    await popup.close();
  });
});
