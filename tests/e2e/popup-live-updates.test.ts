import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser, oldStyleAbsPage } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  browser.serve('https://arxiv.org/html/2310.01779v3', await fixture('arxiv-html-2310.01779v3.html'));
  browser.serve('https://arxiv.org/html/2310.01779v3/x1.png', { body: '', contentType: 'image/png' });
  browser.serve('https://arxiv.org/abs/hep-th/9901001', await oldStyleAbsPage());
});

afterAll(async () => {
  await browser?.close();
});

const ids = (page: Page, testId: string) => page.getByTestId(testId).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-arxiv-id')));

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await expect.poll(() => card(page).count()).toBe(1);
  return page;
}

describe('the popup left open while the week goes on elsewhere', () => {
  test('Saved and Recent follow saves in cards, a removal and its Undo in the reading list, and Clear data in the options, without reopening', async () => {
    const attention = await open('https://arxiv.org/abs/1706.03762');
    const halle = await open('https://arxiv.org/html/2310.01779v3');
    const conformal = await open('https://arxiv.org/abs/hep-th/9901001');

    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => ids(popup, 'recent-item')).toEqual(['hep-th/9901001', '2310.01779', '1706.03762']);

    await popup.getByTestId('tab-saved').click();
    for (const page of [attention, conformal]) {
      await card(page).getByTestId('save').click();
      await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    }
    await card(conformal).getByTestId('status').selectOption('reading');
    await expect.poll(() => ids(popup, 'saved-item')).toEqual(['hep-th/9901001', '1706.03762']);
    await expect.poll(() => popup.locator('[data-testid="saved-item"][data-arxiv-id="hep-th/9901001"] [data-testid="status"]').inputValue()).toBe('reading');

    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const row = list.locator('[data-testid="reading-item"][data-arxiv-id="hep-th/9901001"]');
    await row.getByTestId('remove').click();
    await expect.poll(() => ids(popup, 'saved-item')).toEqual(['1706.03762']);
    await expect.poll(() => card(conformal).getByTestId('save').textContent()).toBe('Save');
    await list.getByTestId('undo').click();
    await expect.poll(() => ids(popup, 'saved-item')).toEqual(['hep-th/9901001', '1706.03762']);
    expect(await popup.locator('[data-testid="saved-item"][data-arxiv-id="hep-th/9901001"] [data-testid="status"]').inputValue()).toBe('reading');
    await expect.poll(() => card(conformal).getByTestId('status').inputValue()).toBe('reading');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-clear').click();
    await options.getByTestId('clear-confirm').click();
    await options.getByTestId('clear-result').waitFor();
    await expect.poll(() => popup.getByTestId('saved-item').count()).toBe(0);
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => popup.getByTestId('recent-item').count()).toBe(0);
    // The cards left open follow too.
    await expect.poll(() => card(attention).getByTestId('save').textContent()).toBe('Save');
    for (const page of [attention, halle, conformal, list, options, popup]) await page.close();
  });

  test('search as you type for an old-style paper opened (not saved) by words of its title, then Enter, opens its abstract page', async () => {
    // Cleared above: opened again, it is among the papers opened that search looks through.
    await (await open('https://arxiv.org/abs/hep-th/9901001')).close();
    const popup = await browser.popup();
    await popup.getByTestId('search').pressSequentially('conformal plane', { delay: 30 });
    await expect.poll(() => ids(popup, 'search-item')).toContain('hep-th/9901001');
    expect((await ids(popup, 'search-item'))[0]).toBe('hep-th/9901001');
    const opened = browser.context.waitForEvent('page', (page) => page.url().includes('9901001'));
    await popup.getByTestId('search').press('Enter');
    expect((await opened).url()).toBe('https://arxiv.org/abs/hep-th/9901001');
  });
});
