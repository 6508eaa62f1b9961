import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

// The bundled snapshot captured 2310.01779 under its first title; arXiv's /new lists it among the
// replacements under its current one, without its abstract (tests/fixtures/listings/arxiv-list-cs.CL-new.html).
const CURRENT = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const ID = '2310.01779';
const NEW_LIST = 'https://arxiv.org/list/cs.CL/new';
/** A row's text: the current title, then (after its rank or meta lines) the TL;DR of the current abstract. */
const CURRENT_ROW = /HallE-Control: Controlling Object Hallucination in Large Multimodal Models\n(?:.*\n)*?We introduce HallE-Control/;

let browser: ExtensionBrowser;
let listing: string;

beforeAll(async () => {
  browser = await launchExtension();
  listing = await fixture('listings/arxiv-list-cs.CL-new.html');
  browser.serve(NEW_LIST, listing);
  browser.serve(`https://arxiv.org/abs/${ID}`, await fixture('arxiv-abs-2310.01779v3.html'));
});

afterAll(async () => {
  await browser?.close();
});

/** The /new listing with the paper's entry showing its abstract (as a new submission or cross-list does), taken from its arXiv page. */
async function listingWithAbstract(): Promise<string> {
  const abstract = /<blockquote class="abstract mathjax"><span class="descriptor">Abstract:<\/span>([^<]*)<\/blockquote>/.exec(await fixture('arxiv-abs-2310.01779v3.html'))![1]!;
  const entry = listing.indexOf(`id="${ID}"`);
  const end = listing.indexOf('</dd>', entry);
  return `${listing.slice(0, end)}<p class='mathjax'>${abstract}</p>${listing.slice(end)}`;
}

/** Opens the listing and saves the paper from its badge. */
async function saveFromListing(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(NEW_LIST);
  await expect.poll(() => badgeOf(page, ID).count()).toBe(1);
  await badgeOf(page, ID).getByTestId('badge-save').click();
  await expect.poll(() => badgeOf(page, ID).getByTestId('badge-save').textContent()).toBe('Saved');
  return page;
}

const badgeOf = (page: Page, id: string) => page.locator(`[data-paperlens="badge"][data-arxiv-id="${id}"]`);
const BRIEF = { timeout: 2_000 };

/** What the popup's Trending, Saved and search rows of the paper and the reading list's row say, and the titles search found. */
async function everywhere() {
  const popup = await browser.popup();
  const rowText = (testId: string) => popup.locator(`[data-testid="${testId}"][data-arxiv-id="${ID}"]`).innerText(BRIEF);
  const trending = await rowText('trending-item');
  await popup.getByTestId('tab-saved').click();
  const saved = await rowText('saved-item');
  await popup.getByTestId('search').fill('HallE-Control');
  await popup.waitForFunction(() => document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') === 'HallE-Control', undefined, BRIEF);
  const search = await rowText('search-item');
  const searchTitles = (await popup.getByTestId('search-item').locator('.title').allTextContents()).map((title) => title.trim());
  await popup.close();

  const list = await browser.context.newPage();
  await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  const readingList = [await list.getByTestId('title').innerText(BRIEF), await list.locator('p.tldr').innerText(BRIEF)].join('\n');
  await list.close();
  return { trending, saved, search, searchTitles, readingList };
}

describe('a paper arXiv retitled since the snapshot, listed on /new under its current title', () => {
  test("saved from its badge (a replacement: the listing shows no abstract): once its arXiv page is read, the popup's Trending, Saved and search rows and the reading list all show the current title with the TL;DR of its current abstract", async () => {
    const page = await saveFromListing();

    // Each row shows the current title over the TL;DR of the current abstract (not the snapshot's
    // "We introduce HallE-Switch"); the Saved tab shows no TL;DR.
    const current = expect.stringMatching(CURRENT_ROW);
    await expect
      .poll(() => everywhere().catch((error: unknown) => String(error)), { timeout: 20_000, interval: 1_000 })
      .toEqual({ trending: current, saved: expect.stringMatching(/^HallE-Control: Controlling Object Hallucination in Large Multimodal Models\n/), search: current, searchTitles: [CURRENT], readingList: current });
    await page.close();
  });

  test("its entry showing the abstract: the store takes the title and that abstract as the listing opens (no arXiv page read), so every view agrees, saved or not", async () => {
    await browser.close();
    browser = await launchExtension();
    browser.serve(NEW_LIST, await listingWithAbstract());
    const page = await browser.context.newPage();
    await page.goto(NEW_LIST);
    await expect.poll(() => badgeOf(page, ID).count()).toBe(1);
    const popup = await browser.popup();
    await expect.poll(() => popup.locator(`[data-testid="trending-item"][data-arxiv-id="${ID}"]`).innerText()).toMatch(CURRENT_ROW);
    await popup.close();
    await page.close();

    const saved = await saveFromListing();
    await expect
      .poll(() => everywhere().catch((error: unknown) => String(error)), { timeout: 20_000, interval: 1_000 })
      .toEqual({ trending: expect.stringMatching(CURRENT_ROW), saved: expect.stringMatching(/^HallE-Control: Controlling Object Hallucination in Large Multimodal Models\n/), search: expect.stringMatching(CURRENT_ROW), searchTitles: [CURRENT], readingList: expect.stringMatching(CURRENT_ROW) });
    await saved.close();
  });
});

describe("a paper listed on /new under its title spelled otherwise (\"…Candidate Length\" for the snapshot's \"…Lengths\"), arXiv not answering", () => {
  test("its badge shows the store's TL;DR, not \"arXiv did not give this paper's abstract\"; saved, the reading list has that TL;DR under the listing's title, as the popup's Trending row has it", async () => {
    await browser.close();
    browser = await launchExtension();
    browser.serve(NEW_LIST, listing); // no arXiv page is served: every request to it fails
    const specDec = '2405.19715';
    const title = 'SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Length';
    const page = await browser.context.newPage();
    await page.goto(NEW_LIST);
    const badge = badgeOf(page, specDec);
    await expect.poll(() => badge.getByTestId('badge-rank').count()).toBe(1);
    await badge.getByTestId('badge-tldr-toggle').click();
    await expect.poll(() => badge.getByTestId('badge-tldr').textContent()).toMatch(/^We propose SpecDec\+\+/);
    await badge.getByTestId('badge-save').click();
    await expect.poll(() => badge.getByTestId('badge-save').textContent()).toBe('Saved');

    const popup = await browser.popup();
    await expect.poll(() => popup.locator(`[data-testid="trending-item"][data-arxiv-id="${specDec}"]`).innerText()).toMatch(/\nSpecDec\+\+: Boosting Speculative Decoding via Adaptive Candidate Lengths\n(?:.*\n)*?We propose SpecDec\+\+/);
    await popup.close();
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    await expect.poll(() => list.getByTestId('title').innerText()).toBe(title);
    expect(await list.locator('p.tldr').innerText()).toMatch(/^We propose SpecDec\+\+/);
    await Promise.all([list.close(), page.close()]);
  });
});
