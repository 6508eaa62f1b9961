// Reading list: each change's Undo for its own 10 s (a bulk edit no longer takes away the Undo of a
// removal made just before), and a bulk change on thousands of papers that says it is working.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { launchExtension, openEmptyReadingList, type ExtensionBrowser, sendFromPage, listSavedFrom, listedItem, LISTED_AT } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const row = (id: string) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${id}"]`);
const list = () => page.getByTestId('reading-list');
/** What the Undo bar offers to undo, top first. */
const offerTexts = () => page.locator('[data-testid="undo-bar"] .undo-message').allTextContents();
const offer = (text: string) => page.getByTestId('undo-offer').filter({ hasText: text });

async function listOf(items: SavedItem[]): Promise<void> {
  await sendFromPage(page, { type: 'clearReadingData' });
  const reply = await sendFromPage(page, { type: 'importApply', items, rejected: [] });
  expect(reply.ok).toBe(true);
  await page.reload();
  await expect.poll(() => list().getAttribute('data-count'), { timeout: 20_000 }).toBe(String(items.length));
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
});
afterAll(() => browser?.close());

describe('reading list: several changes within their Undo time', () => {
  const FOUR = [1, 2, 3, 4].map((index) => listedItem(`2001.0000${index}`, `Paper ${index}`, { notes: `note ${index}`, addedAt: LISTED_AT + index }));

  test('two removals, then a bulk status edit: the removals keep their (shared) Undo beside the edit\'s, and each Undo puts back only its own change', async () => {
    await listOf(FOUR);
    const before = await listSavedFrom(page);
    await row('2001.00001').getByTestId('remove').click();
    await expect.poll(offerTexts).toEqual(['Removed “Paper 1”']);
    await row('2001.00002').getByTestId('remove').click();
    // The offer names the removal just made, and that its Undo puts back the one before too.
    await expect.poll(offerTexts).toEqual(['Removed “Paper 2” (2 with the one before)']);
    await row('2001.00003').getByTestId('select').check();
    await page.getByTestId('bulk-status').selectOption('read');
    // Newest first; the removals' Undo is still there, 10 s from the second removal.
    await expect.poll(offerTexts, { timeout: 3_000 }).toEqual(['1 set to Read', 'Removed “Paper 2” (2 with the one before)']);

    await offer('(2 with the one before)').getByTestId('undo').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('4');
    // Back as they were, notes included; the status edit is left as it is, with its Undo.
    const back = await listSavedFrom(page);
    expect(back.filter((item) => item.id !== '2001.00003')).toEqual(before.filter((item) => item.id !== '2001.00003'));
    expect(back.find((item) => item.id === '2001.00003')?.status).toBe('read');
    await expect.poll(offerTexts).toEqual(['1 set to Read']);

    await offer('1 set to Read').getByTestId('undo').click();
    await expect.poll(() => listSavedFrom(page)).toEqual(before);
    await expect.poll(() => page.getByTestId('undo-bar').count()).toBe(0);
  });

  test('a bulk status edit, then one of its papers removed: the edit\'s Undo covers that paper too, so the removal\'s Undo brings it back as it was before the edit', async () => {
    await listOf(FOUR);
    const before = await listSavedFrom(page);
    for (const id of ['2001.00001', '2001.00002']) await row(id).getByTestId('select').check();
    await page.getByTestId('bulk-status').selectOption('read');
    await expect.poll(offerTexts).toEqual(['2 set to Read']);
    await page.getByTestId('bulk-clear').click();
    await row('2001.00002').getByTestId('remove').click();
    await expect.poll(offerTexts).toEqual(['Removed “Paper 2”', '2 set to Read']);

    await offer('2 set to Read').getByTestId('undo').click();
    await expect.poll(offerTexts).toEqual(['Removed “Paper 2”']);
    expect(await page.getByRole('alert').count()).toBe(0);
    await offer('Removed “Paper 2”').getByTestId('undo').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('4');
    await expect.poll(() => listSavedFrom(page)).toEqual(before);
  });

  test('a bulk status edit, then a tag added to the same papers: the status\' Undo sets the statuses back and keeps the tag', async () => {
    await listOf(FOUR.map((item, index) => (index === 0 ? { ...item, status: 'read' as const, readAt: LISTED_AT } : item)));
    const before = await listSavedFrom(page);
    for (const id of ['2001.00001', '2001.00002']) await row(id).getByTestId('select').check();
    await page.getByTestId('bulk-status').selectOption('reading');
    await expect.poll(offerTexts).toEqual(['2 set to Reading']);
    await page.getByTestId('bulk-tag').fill('to-cite');
    await page.getByTestId('bulk-add-tag').click();
    await expect.poll(offerTexts).toEqual(['“to-cite” added to 2', '2 set to Reading']);

    await offer('2 set to Reading').getByTestId('undo').click();
    await expect.poll(offerTexts).toEqual(['“to-cite” added to 2']);
    const after = await listSavedFrom(page);
    for (const id of ['2001.00001', '2001.00002']) {
      const was = before.find((item) => item.id === id)!;
      expect(after.find((item) => item.id === id)).toMatchObject({ status: was.status, readAt: was.readAt, notes: was.notes, tags: ['to-cite'] });
    }
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  test('a removal after a bulk edit, and each offer running out on its own 10 s', async () => {
    // The seconds go by at once: Playwright's clock, run forward by the test (and on in real time),
    // in every page of this browser from here on.
    await page.clock.install();
    await listOf(FOUR);
    await row('2001.00004').getByTestId('select').check();
    await page.getByTestId('bulk-tag').fill('later');
    await page.getByTestId('bulk-add-tag').click();
    await expect.poll(offerTexts).toEqual(['“later” added to 1']);
    await page.getByTestId('bulk-clear').click();
    await page.clock.runFor(4_000);
    await row('2001.00001').getByTestId('remove').click();
    await expect.poll(offerTexts).toEqual(['Removed “Paper 1”', '“later” added to 1']);
    // The tag's offer goes 10 s after the tag was added; the removal's stays for its own 10 s.
    // (The clock also runs on in real time: each step leaves seconds of margin for a slow machine.)
    await page.clock.runFor(3_000);
    expect(await offerTexts()).toEqual(['Removed “Paper 1”', '“later” added to 1']);
    await page.clock.runFor(3_000);
    await expect.poll(offerTexts).toEqual(['Removed “Paper 1”']);
    await offer('Removed “Paper 1”').getByTestId('undo').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('4');
    expect((await listSavedFrom(page)).find((item) => item.id === '2001.00004')?.tags).toEqual(['later']);
  });

  test('from the keyboard: an offer dismissed leaves the focus on the Undo in its place, not at the page\'s start; that Undo then puts its papers back', async () => {
    await listOf(FOUR);
    await row('2001.00001').getByTestId('remove').focus();
    await page.keyboard.press('Enter');
    // The removed row's button goes: the focus goes to the new offer's Undo.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');
    await row('2001.00002').getByTestId('select').check();
    await page.getByTestId('bulk-status').selectOption('reading');
    await expect.poll(offerTexts, { timeout: 3_000 }).toEqual(['1 set to Reading', 'Removed “Paper 1”']);
    // Dismissed from the keyboard: the row goes, and the focus stays in the bar, on the Undo in its place.
    await offer('1 set to Reading').getByRole('button', { name: 'Dismiss: 1 set to Reading' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(offerTexts).toEqual(['Removed “Paper 1”']);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="undo-offer"]')?.textContent)).toContain('Removed “Paper 1”');
    await page.keyboard.press('Enter');
    // Undo of a removal: the paper is back, and the focus goes to the list (the cursor's row, here the
    // one checked), as with one offer.
    await expect.poll(() => list().getAttribute('data-count')).toBe('4');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="reading-item"]')?.getAttribute('data-arxiv-id'))).toBe('2001.00002');
  });
});

describe('reading list: the bulk status menu from the keyboard', () => {
  const FOUR = [1, 2, 3, 4].map((index) => listedItem(`2001.0000${index}`, `Paper ${index}`, { addedAt: LISTED_AT + index }));
  const statuses = async () => (await listSavedFrom(page)).map((item) => [item.id, item.status]).sort();

  test('arrows on the closed menu go through the statuses without setting any; Enter sets the one shown; Tab away sets none', async () => {
    await listOf(FOUR);
    const before = await statuses();
    await row('2001.00001').getByTestId('select').check();
    await row('2001.00002').getByTestId('select').check();
    const menu = page.getByTestId('bulk-status');
    await menu.focus();
    // Down to the third status, as on Windows and Linux, where each arrow changes a closed select.
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    expect(await menu.inputValue()).toBe('read');
    await page.waitForTimeout(300);
    expect(await statuses()).toEqual(before);
    expect(await offerTexts()).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(offerTexts).toEqual(['2 set to Read']);
    expect((await listSavedFrom(page)).filter((item) => item.status === 'read').map((item) => item.id).sort()).toEqual(['2001.00001', '2001.00002']);
    expect(await menu.inputValue()).toBe('');

    const after = await statuses();
    await page.keyboard.press('ArrowDown');
    expect(await menu.inputValue()).toBe('to-read');
    await page.keyboard.press('Tab');
    expect(await menu.inputValue()).toBe('');
    await page.waitForTimeout(300);
    expect(await statuses()).toEqual(after);
    expect(await offerTexts()).toEqual(['2 set to Read']);

    // A step, then a choice from the menu (as the mouse makes it): the choice is set at once.
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    await menu.selectOption('reading');
    await expect.poll(offerTexts).toEqual(['2 set to Reading', '2 set to Read']);
    expect(await menu.inputValue()).toBe('');
  });
});

describe('reading list: a bulk change on thousands of papers', () => {
  const N = 2_500;
  const MANY = Array.from({ length: N }, (_, index) => listedItem(`2403.${String(10_000 + index)}`, `Paper ${index} on things`, { tags: index % 2 ? ['nlp'] : [], addedAt: LISTED_AT + index * 1000, updatedAt: LISTED_AT + index * 1000 }));
  const bulkState = () =>
    page.getByTestId('bulk-bar').evaluate((bar) => ({
      status: bar.querySelector('[data-testid="bulk-status-text"]')?.textContent ?? '',
      waiting: ['bulk-status', 'bulk-add-tag', 'bulk-delete'].map((id) => bar.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-disabled')),
    }));
  // What the bar said at each press and change that reached it (recorded in the page, so that a
  // change quicker than a round trip to the test is seen too).
  const recordPresses = () =>
    page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { presses: string[] }).presses = seen;
      for (const type of ['click', 'change']) {
        document.addEventListener(
          type,
          (event) => {
            const control = (event.target as Element).closest('button[data-testid^="bulk-"], select[data-testid^="bulk-"]');
            if (!control) return;
            const bar = document.querySelector('[data-testid="bulk-bar"]');
            seen.push(`${type} ${control.getAttribute('data-testid')}: ${bar?.querySelector('[data-testid="bulk-status-text"]')?.textContent ?? ''} (${control.getAttribute('aria-disabled')})`);
          },
          true,
        );
      }
    });
  const presses = () => page.evaluate(() => (window as unknown as { presses: string[] }).presses);

  test('the bar says "Working…" and its controls wait until the answer; Add tag and Set status pressed meanwhile change nothing, and one Undo takes it all back', async () => {
    await listOf(MANY);
    await page.getByTestId('select-all').click();
    await page.getByTestId('bulk-tag').fill('batch');
    await recordPresses();
    // Add tag, and 50 ms later (the first still running: a change of 2,500 papers takes longer) Add
    // tag again and Set status: pressed from the page, as a round trip to the test could outlast it.
    await page.evaluate(async () => {
      const control = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
      control('bulk-add-tag').click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      control('bulk-add-tag').click();
      const status = control<HTMLSelectElement>('bulk-status');
      status.value = 'read';
      status.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // The presses after the first found the bar saying so, its controls waiting.
    expect((await presses()).slice(1)).toEqual(['click bulk-add-tag: Working… (true)', 'change bulk-status: Working… (true)']);
    await expect.poll(offerTexts, { timeout: 20_000 }).toEqual([`“batch” added to ${N}`]);
    await expect.poll(bulkState).toEqual({ status: '', waiting: ['false', 'false', 'false'] });
    await page.waitForTimeout(500);
    expect(await offerTexts()).toEqual([`“batch” added to ${N}`]);
    expect((await listSavedFrom(page)).filter((item) => item.status === 'read')).toEqual([]);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await listSavedFrom(page)).filter((item) => item.tags.includes('batch')).length, { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('undo-bar').count()).toBe(0);
  });

  test('Delete: "Working…" until the papers are gone; a second Delete meanwhile reports nothing, and Undo puts all back', async () => {
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe(`${N} selected`);
    await recordPresses();
    await page.getByTestId('bulk-delete').evaluate(async (button: HTMLElement) => {
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      button.click();
    });
    expect((await presses()).slice(1)).toEqual(['click bulk-delete: Working… (true)']);
    await page.getByTestId('empty').waitFor({ timeout: 20_000 });
    await expect.poll(offerTexts).toEqual([`Removed ${N} papers`]);
    await page.waitForTimeout(500);
    expect(await page.locator('[role="alert"]').allTextContents()).toEqual([]);
    expect(await offerTexts()).toEqual([`Removed ${N} papers`]);
    await page.getByTestId('undo').click();
    await expect.poll(() => list().getAttribute('data-count'), { timeout: 20_000 }).toBe(String(N));
  });
});
