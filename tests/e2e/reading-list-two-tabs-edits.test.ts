// Two reading-list tabs editing the same paper's note or tags: an edit made over the other tab's
// change is not written over it unseen (the QA pass found the other tab's words silently gone).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, listedItem, listSavedFrom, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let first: Page;
let second: Page;

const ID = '2310.01779';
const TITLE = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const row = (page: Page) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${ID}"]`);
const stored = async () => (await listSavedFrom(first)).find((item) => item.id === ID)!;

beforeAll(async () => {
  browser = await launchExtension();
  first = await openEmptyReadingList(browser, 1200);
  const reply = await sendFromPage(first, { type: 'importApply', items: [listedItem(ID, TITLE, { notes: 'Great paper.', tags: ['nlp'] })], rejected: [] });
  expect(reply.ok).toBe(true);
  await first.reload();
  second = await browser.context.newPage();
  await second.setViewportSize({ width: 1200, height: 900 });
  await second.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  for (const page of [first, second]) await row(page).waitFor();
});

afterAll(() => browser?.close());

/** Types `text` at the end of a field of the paper's row in `page`, the field keeping the focus. */
async function typeAtEnd(page: Page, field: 'notes' | 'tags', text: string): Promise<void> {
  await row(page).getByTestId(field).click();
  await page.keyboard.press('End');
  if (field === 'notes') await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('two reading-list tabs, one paper', () => {
  test("a note typed in one tab after the other changed it: not written over the other's, the typed note kept in a bar that can save it", async () => {
    // The second tab writes first; the first tab, which shows it, adds to it.
    await typeAtEnd(second, 'notes', ' [B1]');
    await expect.poll(async () => (await stored()).notes).toBe('Great paper. [B1]');
    await expect.poll(() => row(first).getByTestId('notes').inputValue()).toBe('Great paper. [B1]');
    await typeAtEnd(first, 'notes', ' [A]');
    await first.keyboard.press('Tab');
    await expect.poll(async () => (await stored()).notes).toBe('Great paper. [B1] [A]');

    // The second tab's field still has its focus and its own text; what it types now began before [A].
    expect(await second.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notes');
    await second.keyboard.type(' [B2]');
    const bar = second.getByTestId('lost-note');
    await expect.poll(() => second.getByTestId('lost-note-message').textContent()).toBe(`Your note on “${TITLE}” was not saved: its note was changed in another tab or window while you were editing.`);
    expect(await bar.getByTestId('lost-note-text').inputValue()).toBe('Great paper. [B1] [B2]');
    // The field shows the note as stored, the first tab's words in it; nothing was written over them.
    await expect.poll(() => row(second).getByTestId('notes').inputValue()).toBe('Great paper. [B1] [A]');
    expect((await stored()).notes).toBe('Great paper. [B1] [A]');

    // The reader chooses theirs: written over it, as asked.
    await bar.getByTestId('lost-note-restore').click();
    await expect.poll(async () => (await stored()).notes).toBe('Great paper. [B1] [B2]');
    await expect.poll(() => row(first).getByTestId('notes').inputValue()).toBe('Great paper. [B1] [B2]');
    await expect.poll(() => bar.count()).toBe(0);
  });

  test('tags: one tab\'s own writes are no other tab\'s change (committed, then more typed at once); typed on over the other tab\'s, refused', async () => {
    await typeAtEnd(first, 'tags', ', vision');
    await first.keyboard.press('Enter');
    await first.keyboard.type(', thesis');
    await first.keyboard.press('Enter');
    await expect.poll(async () => (await stored()).tags).toEqual(['nlp', 'vision', 'thesis']);
    expect(await first.getByTestId('lost-note').count()).toBe(0);

    // Typed on in the first tab (written, the field keeping the focus); the second, which shows it, adds one; the first types on without having seen it.
    await typeAtEnd(first, 'tags', ', later');
    await expect.poll(async () => (await stored()).tags).toEqual(['nlp', 'vision', 'thesis', 'later']);
    await expect.poll(() => row(second).getByTestId('tags').inputValue()).toBe('nlp, vision, thesis, later');
    await typeAtEnd(second, 'tags', ', cv');
    await second.keyboard.press('Enter');
    await expect.poll(async () => (await stored()).tags).toEqual(['nlp', 'vision', 'thesis', 'later', 'cv']);
    await first.keyboard.type(', more');
    await first.keyboard.press('Enter');
    await expect.poll(() => first.getByTestId('lost-note-message').textContent()).toBe(`Your tags on “${TITLE}” were not saved: its tags were changed in another tab or window while you were editing.`);
    expect(await first.getByTestId('lost-note-tags').inputValue()).toBe('nlp, vision, thesis, later, more');
    expect((await stored()).tags).toEqual(['nlp', 'vision', 'thesis', 'later', 'cv']);
    await expect.poll(() => row(first).getByTestId('tags').inputValue()).toBe('nlp, vision, thesis, later, cv');
  });
});
