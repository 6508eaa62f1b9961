// QA, on a list of thousands: deep in the list, a narrower window showed another row (row 1,495 at
// 1,200 px wide showed 1,190 at 700: the rows grow, the pixel position stayed), and a note being
// typed lost the focus once its row was scrolled or resized off the drawn range: the next letters
// went to the page's keys (x selected a paper, b opened the bulk status menu). And after b, Escape
// left the focus in the bulk status menu: the way back to the paper was 13 Tabs, to the first row.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, listedItem, LISTED_AT, listSavedFrom, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const COUNT = 400;
/** Newest first by date added: the list shows them in this order (row i is paper i + 1). */
const PAPERS = Array.from({ length: COUNT }, (_, index) =>
  listedItem(`2401.${String(index + 1).padStart(5, '0')}`, `Paper ${index + 1} on a subject long enough to wrap in a narrow window`, {
    tldr: `What paper ${index + 1} finds, said at the length a TL;DR has, which wraps onto more lines as the window narrows.`,
    authors: ['A. Author', 'B. Author'],
    published: '2024-01-02',
    addedAt: LISTED_AT - index * 60_000,
  }),
);

const row = (index: number) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${PAPERS[index]!.id}"]`);

/** The index of the paper whose row is first below the sticky toolbar. */
const firstBelowToolbar = () =>
  page.evaluate(() => {
    const below = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="reading-item"]')].filter((node) => node.getBoundingClientRect().bottom > below + 1);
    rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return Number(rows[0]!.dataset.arxivId!.split('.')[1]) - 1;
  });

/** Scrolls the row at `index` to just below the sticky toolbar. */
async function scrollToRow(index: number): Promise<void> {
  await page.getByTestId('reading-list').evaluate((list, index) => {
    const height = list.querySelector('[data-testid="reading-item"]')!.getBoundingClientRect().height;
    const below = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
    scrollBy({ top: list.getBoundingClientRect().top + index * height - below + 20, behavior: 'instant' });
  }, index);
  await expect.poll(firstBelowToolbar).toBe(index);
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
  expect((await sendFromPage(page, { type: 'importApply', items: PAPERS, rejected: [] })).ok).toBe(true);
});
afterAll(() => browser?.close());

describe('deep in a long list', () => {
  test('narrowing and widening the window keeps the row the reader was at', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe(String(COUNT));
    await scrollToRow(300);
    const tall = async () => (await row(300).boundingBox())!.height;
    const wide = await tall();
    for (const width of [700, 420, 1200]) {
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(firstBelowToolbar).toBe(300);
    }
    // The rows did change height (else this would pass without the fix).
    await page.setViewportSize({ width: 420, height: 900 });
    await expect.poll(tall).toBeGreaterThan(wide + 20);
    await expect.poll(firstBelowToolbar).toBe(300);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  test('a note being typed keeps the focus when its row is scrolled or resized away, and the typing goes into it', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe(String(COUNT));
    await scrollToRow(250);
    const notes = row(251).getByTestId('notes');
    await notes.click();
    await page.keyboard.type('first ');
    // Far down: the row is far off the rows drawn around the window.
    await page.evaluate(() => scrollBy({ top: 30_000, behavior: 'instant' }));
    await page.waitForTimeout(300);
    await page.keyboard.type('x then b ');
    // Narrower: the rows grow and the window's rows are others.
    await page.setViewportSize({ width: 500, height: 900 });
    await page.evaluate(() => scrollBy({ top: -20_000, behavior: 'instant' }));
    await page.waitForTimeout(300);
    await page.keyboard.type('last');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('notes');
    // x and b were letters of the note: nothing selected, no bulk menu.
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);
    await notes.blur();
    await expect.poll(async () => (await listSavedFrom(page)).find((item) => item.id === PAPERS[251]!.id)?.notes).toBe('first x then b last');
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  test("Escape from the selected papers' actions (b) goes back to the cursor's paper, and j goes on from it", async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe(String(COUNT));
    await scrollToRow(200);
    await row(201).getByTestId('select').focus();
    await page.keyboard.press('x');
    await page.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('bulk-status');
    await page.keyboard.press('r');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await listSavedFrom(page)).find((item) => item.id === PAPERS[201]!.id)?.status).toBe('reading');
    await page.keyboard.press('Escape');
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[data-testid="reading-item"]')?.getAttribute('data-arxiv-id'));
    await expect.poll(focusedRow).toBe(PAPERS[201]!.id);
    await page.keyboard.press('j');
    await expect.poll(focusedRow).toBe(PAPERS[202]!.id);
    // On screen, below the toolbar.
    const box = (await row(202).boundingBox())!;
    const below = await page.evaluate(() => document.querySelector('.sticky')!.getBoundingClientRect().bottom);
    expect(box.y).toBeGreaterThanOrEqual(below - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
  });

  test('Shift+click on a checkbox selects, or clears, every paper from the one last clicked to it', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe(String(COUNT));
    await scrollToRow(100);
    const box = (index: number) => row(index).getByTestId('select');
    const selected = async () => {
      const checked = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('[data-testid="reading-item"] [data-testid="select"]')].filter((input) => input.checked).map((input) => input.closest('[data-arxiv-id]')!.getAttribute('data-arxiv-id')));
      return checked.sort();
    };
    const ids = (from: number, to: number) => PAPERS.slice(from, to + 1).map((paper) => paper.id);
    await box(101).click();
    await box(105).click({ modifiers: ['Shift'] });
    await expect.poll(selected).toEqual(ids(101, 105));
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('5 selected');
    // Cleared from the last one clicked (105) up to 103, as 103 is now.
    await box(103).click({ modifiers: ['Shift'] });
    await expect.poll(selected).toEqual(ids(101, 102));
    // Upwards from a plain click.
    await box(104).click();
    await box(100).click({ modifiers: ['Shift'] });
    await expect.poll(selected).toEqual(ids(100, 104));
    await page.getByTestId('bulk-clear').click();
  });
});
