import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, listedItem, LISTED_AT, listSavedFrom, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

// A bulk delete is one click (no question) and its Undo lasts 10 s on that page only: afterwards
// Recently removed is the one way back, and restoring 300 papers took 300 clicks.
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

const activeTestId = (page: import('playwright-core').Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

describe('Recently removed, after a bulk delete whose Undo is gone', () => {
  test('says how many it lists of how many, offers Restore all for the whole removal, puts all back with their notes, and keeps the focus', async () => {
    const page = await openEmptyReadingList(browser, 1200);
    const ALONE = listedItem('2310.01779', 'HallE-Control: Controlling Object Hallucination', { notes: 'removed on its own', addedAt: LISTED_AT + 1_000 });
    const items = [ALONE, ...Array.from({ length: 301 }, (_, index) => listedItem(`2401.${String(10_000 + index)}`, `Paper ${index + 1}`, { notes: `note ${index}`, tags: ['batch'], addedAt: LISTED_AT + index }))];
    expect((await sendFromPage(page, { type: 'importApply', items, rejected: [] })).ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count'), { timeout: 20_000 }).toBe('302');
    const listed = await listSavedFrom(page);

    // One paper removed on its own, then all the others at once; the page closed, its Undo with it.
    await page.locator(`[data-testid="reading-item"][data-arxiv-id="${ALONE.id}"]`).getByTestId('remove').click();
    await expect.poll(() => page.getByTestId('reading-list').getAttribute('data-count')).toBe('301');
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-delete').click();
    await page.getByTestId('empty').waitFor();
    await page.close();

    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const removed = list.getByTestId('recently-removed');
    await removed.locator('summary').click();
    await expect.poll(() => removed.locator('summary').textContent()).toBe('Recently removed (302)');
    expect(await list.getByTestId('removed-shown').textContent()).toBe('Listed by title: 101 of the 302 papers, the newest first. Restore all puts back a whole removal.');
    const removal = removed.getByTestId('removal');
    expect(await removal.count()).toBe(1);
    expect(await removal.locator('.removal-head').textContent()).toMatch(/^301 papers removed together just now, at \d{1,2}:\d\d(\s[AP]M)? Restore all 301$/);
    expect(await removal.getByTestId('removed-item').count()).toBe(100);
    expect(await removal.locator('li.hint').textContent()).toBe('and 201 more');
    // The paper removed on its own is listed too, with its own Restore.
    const alone = removed.locator(`[data-testid="removed-item"][data-arxiv-id="${ALONE.id}"]`);
    expect(await alone.textContent()).toMatch(/^HallE-Control: Controlling Object Hallucination · removed just now/);

    await removed.getByRole('button', { name: /^Restore all 301 papers removed together just now, at \d{1,2}:\d\d(\s[AP]M)?$/ }).click();
    await expect.poll(() => list.getByTestId('reading-list').getAttribute('data-count')).toBe('301');
    await expect.poll(() => list.getByTestId('removed-status').textContent()).toBe('Restored 301 papers.');
    await expect.poll(() => removed.locator('summary').textContent()).toBe('Recently removed (1)');
    expect(await list.getByTestId('removed-shown').count()).toBe(0);
    // The focus goes to the Restore now in the pressed one's place, not to the page's start.
    await expect.poll(() => list.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Restore “HallE-Control: Controlling Object Hallucination”');

    await list.keyboard.press('Enter');
    await expect.poll(() => list.getByTestId('reading-list').getAttribute('data-count')).toBe('302');
    await expect.poll(() => removed.locator('summary').textContent()).toBe('Recently removed (0)');
    await expect.poll(() => activeTestId(list)).toBe('SUMMARY');
    // Every paper as it was, notes and tags with it.
    expect(await listSavedFrom(list)).toEqual(listed);
  });
});
