import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, listedItem, listSavedFrom, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let a: Page;
let b: Page;
const ID = '1706.03762';
const row = (page: Page) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${ID}"]`);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

beforeAll(async () => {
  browser = await launchExtension();
  a = await openEmptyReadingList(browser, 1200);
  const items = [listedItem(ID, 'Attention Is All You Need', { tags: ['nlp'], status: 'reading' }), listedItem('2310.01779', 'HallE-Switch')];
  expect((await sendFromPage(a, { type: 'importApply', items, rejected: [] })).ok).toBe(true);
  await a.reload();
  b = await browser.context.newPage();
  await b.setViewportSize({ width: 1200, height: 900 });
  await b.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  for (const page of [a, b]) await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

test('tab A types a note, tab B removes the paper before the note is saved: A says so, keeps the text, and Restore puts the paper back with it in both tabs', async () => {
  await row(a).getByTestId('notes').fill('Compare with Mamba, section 3');
  // Within the note's 500 ms debounce.
  await row(b).getByTestId('remove').click();
  expect(await a.getByTestId('lost-note-message').textContent()).toBe('“Attention Is All You Need” was removed elsewhere before your note on it was saved.');
  expect(await a.getByTestId('lost-note-text').inputValue()).toBe('Compare with Mamba, section 3');
  // The note's field went with its row: the focus is on the way to keep the note, not at the page's start.
  await expect.poll(() => focused(a)).toBe('lost-note-restore');
  await a.keyboard.press('Enter');
  await expect.poll(async () => (await listSavedFrom(a)).find((item) => item.id === ID)).toMatchObject({ notes: 'Compare with Mamba, section 3', tags: ['nlp'], status: 'reading' });
  await expect.poll(() => row(b).getByTestId('notes').inputValue()).toBe('Compare with Mamba, section 3');
  // A's bar goes on the worker's reply to A, which may come after B's list shows the stored note.
  await expect.poll(() => a.getByTestId('lost-note').count()).toBe(0);
  expect(await focused(a)).toBe('search');
});
