// QA: the Undo bar a Remove brings, and the selection's bar the first checkbox brings, pushed the rows
// 49–116 px down under the pointer: removing or selecting papers one after another by clicking took
// the next click beside the control it was aimed at. The rows stay where they are on screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, listedItem, LISTED_AT, listSavedFrom, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const DAY = 86_400_000;
/** Newest first by date added: the list shows them in this order. */
const PAPERS = Array.from({ length: 40 }, (_, index) =>
  listedItem(`2401.${String(index + 1).padStart(5, '0')}`, `Paper ${index + 1}`, { tldr: `What paper ${index + 1} finds.`, authors: ['A. Author'], published: '2024-01-02', addedAt: LISTED_AT - index * DAY }),
);

const row = (id: string) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${id}"]`);
const topOf = (id: string) => row(id).evaluate((node) => Math.round(node.getBoundingClientRect().top));

/** A hand's click (down, a moment, up) in the middle of `id`'s control `testId`; answers where it clicked. */
async function clickIn(id: string, testId: string): Promise<{ x: number; y: number }> {
  const box = (await row(id).getByTestId(testId).boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await clickAt(at);
  return at;
}

async function clickAt(at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await page.mouse.up();
}

async function listOf(width: number): Promise<void> {
  await sendFromPage(page, { type: 'clearReadingData' });
  expect((await sendFromPage(page, { type: 'importApply', items: PAPERS, rejected: [] })).ok).toBe(true);
  await page.setViewportSize({ width, height: 900 });
  await page.reload();
  await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe('40');
}

/** Scrolls the list so that the row at `index` (rows are placed by index; only those near the screen are drawn) is in the middle of the window. */
async function scrollToRow(index: number): Promise<void> {
  await page.getByTestId('reading-list').evaluate((list, index) => {
    const height = list.querySelector('[data-testid="reading-item"]')!.getBoundingClientRect().height;
    scrollBy({ top: list.getBoundingClientRect().top + index * height - innerHeight / 2, behavior: 'instant' });
  }, index);
  await page.waitForTimeout(200);
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
});
afterAll(() => browser?.close());

describe('the rows stay under the pointer while the bars above them come and go', () => {
  for (const width of [1200, 400]) {
    test(`${width} px: two clicks on the same spot remove the paper there, then the one that took its place`, async () => {
      await listOf(width);
      await scrollToRow(11);
      const nextTop = await topOf('2401.00013');
      const at = await clickIn('2401.00012', 'remove');
      await page.getByTestId('undo-offer').waitFor();
      await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe('39');
      // The next paper has taken the removed one's place: nothing above pushed it down.
      expect(await topOf('2401.00013')).toBe(nextTop - (await row('2401.00013').evaluate((node) => node.getBoundingClientRect().height)));
      await clickAt(at);
      await expect.poll(async () => (await listSavedFrom(page)).length).toBe(38);
      const listed = new Set((await listSavedFrom(page)).map((item) => item.id));
      expect(['2401.00012', '2401.00013'].filter((id) => listed.has(id))).toEqual([]);
    });

    test(`${width} px: checkboxes clicked one after another select each paper clicked`, async () => {
      await listOf(width);
      await scrollToRow(19);
      const second = (await row('2401.00021').getByTestId('select').boundingBox())!;
      await clickIn('2401.00020', 'select');
      await page.getByTestId('bulk-bar').waitFor();
      await page.waitForTimeout(100);
      await clickAt({ x: second.x + second.width / 2, y: second.y + second.height / 2 });
      await expect.poll(() => page.locator('[data-testid="reading-item"] [data-testid="select"]:checked').count()).toBe(2);
      expect(await row('2401.00021').getByTestId('select').isChecked()).toBe(true);
    });
  }

  test('review: at 400 px, a Remove just below the sticky top, which the Undo bar grows over, then a second press at that spot: it lands on the Undo, which does not take back the removal', async () => {
    await listOf(400);
    await scrollToRow(12);
    // The Remove of a row 12 px below the sticky top.
    const target = '2401.00013';
    await page.evaluate((id) => {
      const stickyBottom = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
      const remove = document.querySelector(`[data-arxiv-id="${id}"] [data-testid="remove"]`)!;
      scrollBy({ top: remove.getBoundingClientRect().top - stickyBottom - 12, behavior: 'instant' });
    }, target);
    await page.waitForTimeout(200);
    const at = await clickIn(target, 'remove');
    await page.getByTestId('undo-offer').waitFor();
    await expect.poll(async () => (await listSavedFrom(page)).length).toBe(39);
    // The Undo is where the Remove was.
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('data-testid'), at)).toBe('undo');
    await clickAt(at);
    await page.waitForTimeout(500);
    expect((await listSavedFrom(page)).map((item) => item.id)).not.toContain(target);
    // A press aimed at it is an Undo.
    await page.mouse.move(at.x + 10, at.y + 2);
    await page.waitForTimeout(1_100);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await listSavedFrom(page)).map((item) => item.id)).toContain(target);
  });

  test("review: at the page's end, a checkbox clicked on, off and on again at one spot stays under the pointer (the selection's bar going shortens the page, which scrolls up by itself)", async () => {
    await listOf(1200);
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await page.waitForTimeout(200);
    const last = PAPERS[PAPERS.length - 2]!.id;
    const top = await topOf(last);
    const at = await clickIn(last, 'select');
    await expect.poll(() => row(last).getByTestId('select').isChecked()).toBe(true);
    await clickAt(at);
    await expect.poll(() => row(last).getByTestId('select').isChecked()).toBe(false);
    await page.waitForTimeout(100);
    expect(await topOf(last)).toBe(top);
    await clickAt(at);
    await expect.poll(() => row(last).getByTestId('select').isChecked()).toBe(true);
    expect(await topOf(last)).toBe(top);
  });

  test('a short window (640x360, its top not sticky): a Remove keeps the window where the reader is (it jumped to the top, its Undo under the pointer), and a second click removes the next paper', async () => {
    await listOf(640);
    await page.setViewportSize({ width: 640, height: 360 });
    await scrollToRow(6);
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(500);
    const at = await clickIn('2401.00007', 'remove');
    await page.getByTestId('undo-offer').waitFor();
    await page.waitForTimeout(200);
    // Kept where it was, but for the Undo bar's height added above (the rows stay put).
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(150);
    await clickAt(at);
    await expect.poll(async () => (await listSavedFrom(page)).length).toBe(38);
    const listed = new Set((await listSavedFrom(page)).map((item) => item.id));
    expect(['2401.00007', '2401.00008'].filter((id) => listed.has(id))).toEqual([]);
    // The focus went to the Undo all the same (a keyboard's Enter undoes), without scrolling there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');

    // Review: removed from the keyboard, the Undo the focus goes to is scrolled to, so the focus is seen.
    await row('2401.00010').getByTestId('remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await listSavedFrom(page)).length).toBe(37);
    await expect
      .poll(() => page.evaluate(() => {
        const focused = document.activeElement!;
        const box = focused.getBoundingClientRect();
        return focused.getAttribute('data-testid') === 'undo' && box.top >= 0 && box.bottom <= innerHeight;
      }))
      .toBe(true);
  });

  test("accessibility QA: the controls above the rows, under the sticky top the selection's bar grew, come out from under it when the keyboard reaches them", async () => {
    await listOf(800);
    await page.setViewportSize({ width: 800, height: 700 });
    // From the list's top (a reload may bring back where the test before left the window).
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await row('2401.00001').waitFor();
    await clickIn('2401.00001', 'select');
    await page.getByTestId('bulk-bar').waitFor();
    // Shift+Tab from the first row's checkbox up to the controls between the toolbar and the rows.
    const seen: string[] = [];
    const reached: string[] = [];
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Shift+Tab');
      const where = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        if (focused.closest('.sticky')) return null;
        const stickyBottom = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
        return { id: focused.dataset.testid ?? focused.tagName, top: focused.getBoundingClientRect().top, stickyBottom };
      });
      if (where === null) break;
      reached.push(where.id);
      if (where.top < where.stickyBottom) seen.push(`${where.id} at ${Math.round(where.top)}, under the sticky top ending at ${Math.round(where.stickyBottom)}`);
    }
    expect(seen).toEqual([]);
    expect(reached).toContain('export-bibtex');
    await page.getByTestId('bulk-clear').click();
  });
});
