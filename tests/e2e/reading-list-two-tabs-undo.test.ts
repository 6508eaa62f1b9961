import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, listedItem, listSavedFrom, LISTED_AT, readStore, sendFromPage, type ExtensionBrowser } from './harness';
import type { RemovedItem } from '../../src/schema';

// Two reading-list tabs: a paper removed in one, brought back, edited and removed again in the
// other. The first tab's Undo must not put back its older copy over the newer one.
let browser: ExtensionBrowser;
let first: Page;
let second: Page;
const ID = '2001.00001';

beforeAll(async () => {
  browser = await launchExtension();
  first = await browser.context.newPage();
  await first.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await sendFromPage(first, { type: 'clearReadingData' });
  const items = [listedItem(ID, 'Paper one', { notes: 'first note', addedAt: LISTED_AT + 1 }), listedItem('2001.00002', 'Paper two', { addedAt: LISTED_AT })];
  expect((await sendFromPage(first, { type: 'importApply', items, rejected: [] })).ok).toBe(true);
  await first.reload();
  second = await browser.context.newPage();
  await second.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
});
afterAll(() => browser?.close());

test("an older removal's Undo leaves the paper another tab restored, noted and removed again: that tab's Undo brings it back with its note", async () => {
  for (const page of [first, second]) await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe('2');
  const row = (page: Page) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${ID}"]`);
  await row(first).getByTestId('remove').click();
  await expect.poll(() => first.getByTestId('undo-bar').textContent()).toContain('Removed “Paper one”');
  // The other tab: Recently removed's Restore, a note, Remove again.
  await second.getByTestId('recently-removed').locator('summary').click();
  await second.getByTestId('restore-removed').first().click();
  await expect.poll(() => row(second).count()).toBe(1);
  await row(second).getByTestId('notes').fill('second note, written in the other tab');
  await row(second).getByTestId('notes').press('Tab');
  await expect.poll(async () => (await listSavedFrom(second)).find((item) => item.id === ID)?.notes).toBe('second note, written in the other tab');
  await row(second).getByTestId('remove').click();
  await expect.poll(() => second.getByTestId('undo-bar').textContent()).toContain('Removed “Paper one”');

  // The first tab's Undo (its 10 s still running): the paper stays out, its newer copy kept, and the tab says why.
  await first.bringToFront();
  await first.getByTestId('undo').click();
  await expect.poll(() => first.getByTestId('undo-offer').count()).toBe(0);
  await expect.poll(() => first.getByRole('alert').first().textContent()).toContain('One paper was changed since');
  expect((await listSavedFrom(first)).some((item) => item.id === ID)).toBe(false);
  expect((await readStore<RemovedItem>(browser, 'removed', ID)).notes).toBe('second note, written in the other tab');

  await second.bringToFront();
  await second.getByTestId('undo').click();
  await expect.poll(async () => (await listSavedFrom(second)).find((item) => item.id === ID)?.notes).toBe('second note, written in the other tab');
}, 60_000);
