import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, listSavedFrom, type ExtensionBrowser } from './harness';

// A removal is one click on "Saved", and the popup's Undo closes with the popup (a click on the
// page closes a real one): the paper's notes and tags must not go with it.
const ABS = 'https://arxiv.org/abs/2310.01779v3';
const ID = '2310.01779';
const NOTES = 'Compare Table 2 with our numbers; ask Ana about CCEval';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(ABS, await fixture('arxiv-abs-2310.01779v3.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('a paper removed in the popup, the popup closed', () => {
  test('saved again from its card, it comes back with its notes, tags and status, in the reading list too', async () => {
    const page = await browser.context.newPage();
    await page.goto(ABS);
    await card(page).getByTestId('save').click();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');

    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const row = list.locator(`[data-testid="reading-item"][data-arxiv-id="${ID}"]`);
    await row.getByTestId('notes').fill(NOTES);
    await row.getByTestId('notes').press('Tab');
    await row.getByTestId('tags').fill('thesis, to cite');
    await row.getByTestId('tags').press('Enter');
    await expect.poll(async () => (await listSavedFrom(list)).find((item) => item.id === ID)?.tags).toEqual(['thesis', 'to cite']);

    await page.bringToFront();
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe(ID);
    await thisTab.getByTestId('save').click();
    await popup.getByTestId('undo-bar').waitFor();
    await popup.close();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    await expect.poll(() => row.count()).toBe(0);

    await card(page).getByTestId('save').click();
    await expect.poll(() => row.getByTestId('notes').inputValue()).toBe(NOTES);
    expect((await listSavedFrom(list)).find((item) => item.id === ID)).toMatchObject({ notes: NOTES, tags: ['thesis', 'to cite'], status: 'to-read' });
  });
});

describe('Recently removed, in the reading list', () => {
  test('lists a paper removed elsewhere; Restore puts it back with its notes', async () => {
    // The paper the test above saved again, with its notes.
    const page = await browser.context.newPage();
    await page.goto(ABS);
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const row = list.locator(`[data-testid="reading-item"][data-arxiv-id="${ID}"]`);
    await expect.poll(() => row.getByTestId('notes').inputValue()).toBe(NOTES);

    // Removed from its card; the page left, the card's Undo with it.
    await card(page).getByTestId('save').click();
    await page.close();
    const removed = list.getByTestId('recently-removed');
    await removed.locator('summary').click();
    const entry = removed.locator(`[data-testid="removed-item"][data-arxiv-id="${ID}"]`);
    await expect.poll(() => entry.textContent()).toMatch(/^HallE-Control: Controlling Object Hallucination in Large Multimodal Models · removed just now/);
    await entry.getByRole('button', { name: 'Restore “HallE-Control: Controlling Object Hallucination in Large Multimodal Models”' }).click();
    await expect.poll(() => row.getByTestId('notes').inputValue()).toBe(NOTES);
    await expect.poll(() => removed.locator('summary').textContent()).toBe('Recently removed (0)');
    await expect.poll(() => entry.count()).toBe(0);
  });
});
