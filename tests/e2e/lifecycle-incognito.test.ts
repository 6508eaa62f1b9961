import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PDF, card, fixture, launchExtension, type ExtensionBrowser } from './harness';
import { allowInIncognito, openInNewWindow } from './lifecycle-helpers';

// PaperLens allowed in incognito (chrome://extensions' switch). With no "incognito" key in its
// manifest it runs "spanning": incognito tabs talk to the regular profile's worker and store.
let browser: ExtensionBrowser;
const PRIVATE = '2310.01779';
const PUBLIC = '1706.03762';
const PRIVATE_PDF = '2402.18041';

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(`https://arxiv.org/abs/${PRIVATE}`, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(`https://arxiv.org/abs/${PUBLIC}`, await fixture('arxiv-abs-1706.03762.html'));
  browser.serve(`https://arxiv.org/pdf/${PRIVATE_PDF}`, { body: PDF, contentType: 'application/pdf' });
  await allowInIncognito(browser);
});

afterAll(async () => {
  await browser?.close();
});

/** The popup, in a regular tab (the worker that launchExtension found was replaced by the reload). */
async function regularPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('tab-recent').click();
  return popup;
}

async function recentIds(popup: Page): Promise<(string | null)[]> {
  return popup.getByTestId('recent-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-arxiv-id')));
}

describe('an incognito window', () => {
  test('a paper read in an incognito window is not listed in the regular profile’s Recent', async () => {
    const opener = await regularPopup();
    const privateTab = await openInNewWindow(browser, opener, `https://arxiv.org/abs/${PRIVATE}`, true);
    type Tabs = { chrome: { tabs: { query: (query: { url: string }) => Promise<{ incognito: boolean }[]> } } };
    expect(await opener.evaluate((url) => (globalThis as unknown as Tabs).chrome.tabs.query({ url }), privateTab.url())).toMatchObject([{ incognito: true }]);
    // The card works there (its lookup reached the store).
    await expect.poll(() => card(privateTab).getByTestId('save').count()).toBe(1);
    // Then a paper read in a regular tab: once it is listed, whatever the incognito visit wrote is too.
    const publicTab = await browser.context.newPage();
    await publicTab.goto(`https://arxiv.org/abs/${PUBLIC}`);
    await expect.poll(() => card(publicTab).getByTestId('save').count()).toBe(1);
    const popup = await regularPopup();
    await expect.poll(() => recentIds(popup)).toContain(PUBLIC);
    expect(await recentIds(popup)).toEqual([PUBLIC]);
  });

  test('an arXiv PDF read in an incognito window is not listed in the regular profile’s Recent', async () => {
    const opener = await regularPopup();
    const before = await recentIds(opener);
    const privatePdf = await openInNewWindow(browser, opener, `https://arxiv.org/pdf/${PRIVATE_PDF}`, true);
    // PaperLens named the tab after its paper (the store's title): it has seen the tab.
    await expect.poll(() => privatePdf.title()).toMatch(/ \| arXiv /);
    // The visit is taken from the loaded tab by the worker; a regular tab's visit after it is listed after it.
    const publicTab = await browser.context.newPage();
    await publicTab.goto(`https://arxiv.org/abs/${PUBLIC}`);
    await expect.poll(() => card(publicTab).getByTestId('save').count()).toBe(1);
    await publicTab.waitForTimeout(500);
    const popup = await regularPopup();
    await expect.poll(() => recentIds(popup)).toContain(PUBLIC);
    expect(await recentIds(popup)).not.toContain(PRIVATE_PDF);
    expect(before).not.toContain(PRIVATE_PDF);
  });
});
