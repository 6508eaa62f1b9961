// Reading list: a mouse click on another row while a row is held in place (the reader just edited
// it, or the focus came back to it after an Undo) acts on the row it was aimed at: the rows do not
// reshuffle on the mousedown, under the mouse, before the click.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { launchExtension, openEmptyReadingList, type ExtensionBrowser, sendFromPage, listSavedFrom, listedItem, LISTED_AT } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const DAY = 86_400_000;
/** Ten papers, newest first both by date added and by last update. */
const TEN: SavedItem[] = Array.from({ length: 10 }, (_, index) =>
  listedItem(`2401.0000${index}`, `Paper ${index}`, { addedAt: LISTED_AT - index * DAY, updatedAt: LISTED_AT - index * DAY }),
);

const list = () => page.getByTestId('reading-list');
const row = (id: string) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${id}"]`);
const shownIds = () => page.getByTestId('reading-item').evaluateAll((rows) => rows.map((node) => node.getAttribute('data-arxiv-id')));
const listedIds = async () => (await listSavedFrom(page)).map((item) => item.id);
const focusedRowId = () => page.evaluate(() => document.activeElement?.closest('[data-arxiv-id]')?.getAttribute('data-arxiv-id') ?? null);

/** A real mouse click (down, then up a moment later, as a hand makes one) in the middle of `id`'s Remove. */
async function clickRemoveOf(id: string): Promise<void> {
  const remove = row(id).getByTestId('remove');
  await remove.scrollIntoViewIfNeeded();
  const box = (await remove.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

async function listOf(items: SavedItem[]): Promise<void> {
  await sendFromPage(page, { type: 'clearReadingData' });
  const reply = await sendFromPage(page, { type: 'importApply', items, rejected: [] });
  expect(reply.ok).toBe(true);
  await page.reload();
  await expect.poll(() => list().getAttribute('data-count')).toBe(String(items.length));
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
});
afterAll(() => browser?.close());

describe('reading list: a click while a row is held in place', () => {
  test('by last update, a note typed in the 5th row, then Remove clicked on the 2nd: the 2nd is removed; the edited row moves to the top only after the click', async () => {
    await listOf(TEN);
    await page.getByTestId('sort').selectOption('updated');
    await expect.poll(shownIds).toEqual(TEN.map((item) => item.id));
    const edited = '2401.00004';
    const target = '2401.00001';
    await row(edited).getByTestId('notes').click();
    await page.keyboard.type('read section 3 again');
    await expect.poll(async () => (await listSavedFrom(page)).find((item) => item.id === edited)?.notes).toBe('read section 3 again');
    await page.waitForTimeout(300); // the list has the stored note back
    // Held where it was while the reader is in it (newest by last update, it would be first).
    expect((await shownIds()).indexOf(edited)).toBe(4);

    await clickRemoveOf(target);
    await expect.poll(listedIds).not.toContain(target);
    expect(await listedIds()).toHaveLength(9);
    await expect.poll(() => page.getByTestId('undo-offer').allTextContents()).toEqual([expect.stringContaining('Removed “Paper 1”')]);
    // The focus has left the edited row: it goes where the sort puts it now.
    await expect.poll(async () => (await shownIds())[0]).toBe(edited);
    await page.getByTestId('undo').click();
    await expect.poll(listedIds).toContain(target);
    await page.getByTestId('search').focus();
    await page.getByTestId('sort').selectOption('added');
  });

  test('a paper removed from the keyboard, j, then Undo clicked: the paper comes back where the sort puts it (not below the cursor\'s row), and a click on its Remove removes it', async () => {
    await listOf(TEN);
    const removed = '2401.00002';
    await row(removed).getByTestId('remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(listedIds).not.toContain(removed);
    await expect.poll(() => list().getAttribute('data-count')).toBe('9');
    // j takes the cursor, and the focus, to the paper that took its place.
    await page.keyboard.press('j');
    await expect.poll(focusedRowId).toBe('2401.00003');

    await page.getByTestId('undo').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('10');
    // Aimed once the Undo bar above the list has gone (the rows move up with it) and the focus is
    // back on the cursor's row: on a busy machine either came after a fixed wait, and the press
    // landed where the row had been.
    await expect.poll(() => page.getByTestId('undo-bar').count()).toBe(0);
    await expect.poll(focusedRowId).toBe('2401.00003');
    expect(await shownIds()).toEqual(TEN.map((item) => item.id));
    // Drawn there too (rows are placed by their index).
    const top = (id: string) => row(id).evaluate((node) => node.getBoundingClientRect().top);
    expect(await top(removed)).toBeLessThan(await top('2401.00003'));

    await clickRemoveOf(removed);
    await expect.poll(listedIds).not.toContain(removed);
    expect(await listedIds()).toHaveLength(9);
    expect(await shownIds()).toEqual(TEN.map((item) => item.id).filter((id) => id !== removed));
  });

  test('a status picked in a row\'s menu opened with the mouse, under a status filter it no longer matches: the row stays shown until the reader leaves it', async () => {
    await listOf(TEN);
    await page.getByTestId('filter-status').selectOption('to-read');
    const id = '2401.00003';
    const status = row(id).getByTestId('status');
    await status.scrollIntoViewIfNeeded();
    const box = (await status.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('ArrowDown'); // To read → Reading
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await listSavedFrom(page)).find((item) => item.id === id)?.status).toBe('reading');
    await page.waitForTimeout(300); // the list has the stored status back
    expect(await row(id).count()).toBe(1);
    expect((await shownIds()).indexOf(id)).toBe(3);
    await page.getByTestId('search').focus();
    await expect.poll(() => row(id).count()).toBe(0);
    await page.getByTestId('filter-status').selectOption('all');
  });
});
