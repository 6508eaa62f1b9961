import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedItem, SeedAsset } from '../../src/schema';
import { EXTENSION_DIR, card, fixture, launchExtension, type ExtensionBrowser, PDF } from './harness';

let browser: ExtensionBrowser;

// In the bundled snapshot, and not in it (most of arXiv).
const KNOWN = '2310.01779';
const UNKNOWN = '1706.03762';
const KNOWN_PAGE_TITLE = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
// In the snapshot, which names no authors, under the title its page shows.
const TITLED_AS_STORED = '2402.18041';

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(`https://arxiv.org/abs/${KNOWN}`, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(`https://arxiv.org/abs/${UNKNOWN}`, await fixture('arxiv-abs-1706.03762.html'));
  for (const id of [KNOWN, UNKNOWN]) browser.serve(`https://arxiv.org/pdf/${id}`, { body: PDF, contentType: 'application/pdf' });
  browser.serve(`https://arxiv.org/abs/${TITLED_AS_STORED}`, await fixture('arxiv-abs-2402.18041.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function savedFrom(page: Page): Promise<SavedItem[]> {
  type Runtime = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ result: SavedItem[] }> } } };
  return (await page.evaluate(() => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'listSaved' }))).result;
}

/** Opens a paper's PDF, as from a link (no card: the PDF viewer), and waits until PaperLens has named the tab. */
async function openPdf(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://arxiv.org/pdf/${id}`).catch(() => undefined); // the PDF viewer may not report a load
  await expect.poll(() => page.title()).toMatch(/ \| arXiv /);
  return page;
}

/** Opens a paper's abstract page and waits for its card (its visit is recorded as the card asks). */
async function openPaper(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://arxiv.org/abs/${id}`);
  await expect.poll(() => card(page).getByTestId('save').count()).toBe(1);
  return page;
}

describe('the popup’s Recent tab', () => {
  test('lists the papers whose pages were opened, newest first, with their titles; saves from a row; search finds the one the store lacks', async () => {
    let popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => popup.getByTestId('recent-empty').textContent()).toMatch(/Papers whose arXiv or Hugging Face pages you open appear here/);
    expect(await popup.getByTestId('recent-empty').textContent()).not.toMatch(/switched off/);
    await popup.close();

    const known = await openPaper(KNOWN);
    const unknown = await openPaper(UNKNOWN);

    popup = await browser.popup();
    // The first render shows Trending: the Recent list is read when its tab is chosen.
    await popup.getByTestId('tab-recent').click();
    const rows = popup.getByTestId('recent-item');
    await expect.poll(() => rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')))).toEqual([UNKNOWN, KNOWN]);
    // The snapshot's paper under the title its page showed: arXiv retitled it since (the store has Hugging Face's "HallE-Switch: …").
    const stored: SeedAsset = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8'));
    expect(stored.papers.find((paper) => paper.id === KNOWN)!.title).not.toBe(KNOWN_PAGE_TITLE);
    expect(await rows.locator('a.title').allTextContents()).toEqual(['Attention Is All You Need', KNOWN_PAGE_TITLE]);
    expect(await rows.locator('a.title').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([`https://arxiv.org/abs/${UNKNOWN}`, `https://arxiv.org/abs/${KNOWN}`]);
    // With the first authors its page showed.
    const meta = await rows.locator('.meta').allTextContents();
    expect(meta[0]).toBe('Opened just now · Ashish Vaswani, Noam Shazeer, Niki Parmar');
    expect(meta[1]).toMatch(/^Opened just now/);
    // With the TL;DR its card gave it (the store does not hold it).
    const cardTldr = (await card(unknown).getByTestId('tldr').locator('bdi').textContent())!;
    expect(cardTldr).toMatch(/recurrence/);
    expect(await rows.first().locator('.tldr').textContent()).toBe(cardTldr);

    // Search finds the paper the snapshot does not hold by a word of its title.
    await popup.getByTestId('search').fill('attention need');
    const result = popup.locator(`[data-testid="search-item"][data-arxiv-id="${UNKNOWN}"]`);
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('a.title').textContent()).toBe('Attention Is All You Need');
    await popup.getByTestId('search').fill('shazeer');
    await expect.poll(() => popup.getByTestId('search-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')))).toEqual([UNKNOWN]);
    // And by a word of the TL;DR its card gave it ("recurrence" is not in its title), with a typo
    // too, shown with that TL;DR (above).
    for (const query of ['recurrence', 'recurence']) {
      await popup.getByTestId('search').fill(query);
      await expect.poll(() => result.count()).toBe(1);
      expect(await result.locator('.tldr').textContent()).toBe(cardTldr);
    }
    // And the retitled one by the title its page showed, under that title.
    await popup.getByTestId('search').fill('HallE-Control');
    await expect.poll(() => popup.locator(`[data-testid="search-item"][data-arxiv-id="${KNOWN}"] a.title`).textContent()).toBe(KNOWN_PAGE_TITLE);
    await popup.getByTestId('tab-recent').click();

    // Saved from its row: the row shows it, the reading list holds it with its title, the card follows.
    const row = popup.locator(`[data-testid="recent-item"][data-arxiv-id="${UNKNOWN}"]`);
    await row.getByTestId('save').click();
    await expect.poll(() => row.getByTestId('save').textContent()).toBe('Saved');
    expect(await row.getByRole('combobox', { name: 'Reading status of Attention Is All You Need' }).count()).toBe(1);
    await expect.poll(async () => (await savedFrom(popup)).map((item) => [item.id, item.title])).toEqual([[UNKNOWN, 'Attention Is All You Need']]);
    await expect.poll(() => card(unknown).getByTestId('save').textContent()).toBe('Saved');
    expect(await popup.locator(`[data-testid="recent-item"][data-arxiv-id="${KNOWN}"] [data-testid="save"]`).textContent()).toBe('Save');

    // Opened again: back to the top.
    await known.reload();
    await expect.poll(() => rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')))).toEqual([KNOWN, UNKNOWN]);
    await popup.close();
    await known.close();
    await unknown.close();
  });

  test('with seen marks off the list says so, and a page opened is not added; "Clear data" empties it', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-seenEnabled').uncheck();
    expect(await options.getByText(/Recent tab/).count()).toBe(1);
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => popup.getByTestId('recent-off').textContent()).toMatch(/switched off/);
    await expect.poll(() => popup.getByTestId('recent-item').count()).toBe(2);
    expect(await popup.getByTestId('recent-item').first().getAttribute('data-arxiv-id')).toBe(KNOWN);
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${UNKNOWN}`);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await popup.getByTestId('recent-item').first().getAttribute('data-arxiv-id')).toBe(KNOWN);
    await options.getByTestId('setting-seenEnabled').check();

    await options.getByTestId('setting-clear').click();
    await options.getByTestId('clear-confirm').click();
    await expect.poll(() => popup.getByTestId('recent-empty').count()).toBe(1);
    await popup.close();
    await page.close();
    await options.close();
  });

  test('a PDF opened straight from a link is listed too (as PaperLens named its tab); with seen marks off it is not', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => popup.getByTestId('recent-empty').count()).toBe(1);
    const known = await openPdf(KNOWN);
    const rows = popup.getByTestId('recent-item');
    await expect.poll(() => rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')))).toEqual([KNOWN]);
    // Named by arXiv's current title: an earlier test opened its abstract page, which retitled the snapshot's paper.
    expect(await rows.locator('a.title').textContent()).toMatch(/^HallE-Control: /);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-seenEnabled').uncheck();
    await expect.poll(() => popup.getByTestId('recent-off').count()).toBe(1);
    const unknown = await openPdf(UNKNOWN);
    await unknown.waitForTimeout(500);
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')))).toEqual([KNOWN]);
    // Closed before seen marks are back on: a PDF tab loaded out of sight is a visit once chosen, and
    // closing the other tabs may choose it (the last test needs the paper unvisited).
    await unknown.close();
    await options.getByTestId('setting-seenEnabled').check();
    await Promise.all([popup.close(), known.close(), options.close()]);
  });

  test('a snapshot paper whose page titles it as the store does is listed with the authors its page names', async () => {
    const page = await openPaper(TITLED_AS_STORED);
    const stored: SeedAsset = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8'));
    const paper = stored.papers.find((entry) => entry.id === TITLED_AS_STORED)!;
    expect(paper.authors).toEqual([]);
    expect(await card(page).locator('h2').textContent()).toBe(paper.title);
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    const row = popup.locator(`[data-testid="recent-item"][data-arxiv-id="${TITLED_AS_STORED}"]`);
    await expect.poll(() => row.locator('.meta').textContent()).toBe('Opened just now · Yang Liu, Jiahuan Cao, Chongyu Liu et al.');
    await popup.close();
    await page.close();
  });

  test('with cards switched off on arXiv abstract pages the list says so, and a page opened there is not added', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-arxivAbs').uncheck();
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => popup.getByTestId('recent-off').textContent()).toBe('Cards are switched off on arXiv abstract pages in the options, so the pages you open there are not remembered.');
    const rows = popup.getByTestId('recent-item');
    const listed = () => rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')));
    const before = await listed();
    expect(before).not.toContain(UNKNOWN);
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${UNKNOWN}`);
    await page.waitForTimeout(500);
    expect(await listed()).toEqual(before);
    await options.getByTestId('setting-arxivAbs').check();
    await expect.poll(() => popup.getByTestId('recent-off').count()).toBe(0);
    await Promise.all([popup.close(), page.close(), options.close()]);
  });
});
