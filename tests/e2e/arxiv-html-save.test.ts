import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import type { Browser } from 'wxt/browser';
import { card, fixture, launchExtension, pressSaveShortcut, type ExtensionBrowser } from './harness';

type PageGlobal = { chrome: typeof Browser };

// arXiv's HTML view of a paper the store lacks (π₀): every way to save it from there keeps what its card shows.
const UNKNOWN = 'https://arxiv.org/html/2410.24164v1';
const ID = '2410.24164';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(UNKNOWN, await fixture('arxiv-html-2410.24164v1.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function listSaved(from: Page): Promise<SavedItem[]> {
  const reply = (await from.evaluate(() => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'listSaved' }))) as { ok: boolean; result: SavedItem[] };
  return reply.result;
}

async function unsave(from: Page): Promise<void> {
  await from.evaluate((id) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'removeSaved', ids: [id] }), ID);
}

describe("saving from arXiv's HTML view of a paper the store lacks", () => {
  test('the card, the popup and the shortcut each save the title, authors and TL;DR the card shows, and no arXiv request is made', async () => {
    const page = await browser.context.newPage();
    await page.goto(UNKNOWN);
    await expect.poll(() => card(page).count()).toBe(1);
    const shown = {
      title: (await card(page).locator('.pl-title').textContent())!.trim(),
      tldr: (await card(page).getByTestId('tldr').textContent())!.replace(/^TL;DR\s*/, '').trim(),
    };
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.bringToFront();

    const results: Record<string, Pick<SavedItem, 'title' | 'tldr'> & { authors: number }> = {};
    const record = async (how: string) => {
      await expect.poll(async () => (await listSaved(ext)).some((item) => item.id === ID)).toBe(true);
      const item = (await listSaved(ext)).find((saved) => saved.id === ID)!;
      results[how] = { title: item.title, tldr: item.tldr, authors: item.authors.length };
      await unsave(ext);
      await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    };

    await card(page).getByTestId('save').click();
    await record('card');

    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe(ID);
    await thisTab.getByTestId('save').click();
    await record('popup');
    await popup.close();

    await page.bringToFront();
    await pressSaveShortcut(browser);
    await record('shortcut');

    const expected = { title: shown.title, tldr: shown.tldr, authors: results.card!.authors };
    expect(results).toEqual({ card: expected, popup: expected, shortcut: expected });
    expect(results.card!.authors).toBeGreaterThan(0);
    expect(browser.requests.filter((request) => request.serviceWorker() !== null && request.url().startsWith('https://arxiv.org/'))).toHaveLength(0);
  });
});
