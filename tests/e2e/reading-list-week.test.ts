import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { launchExtension, type ExtensionBrowser, listSavedFrom } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const STATUSES = ['to-read', 'reading', 'read'] as const;

/** A week's list of 220 papers: statuses in turn, "nlp" on every 7th, "vision" on every 3rd of the rest. */
const ITEMS: SavedItem[] = Array.from({ length: 220 }, (_, i) => {
  const status = STATUSES[i % 3]!;
  return {
    id: `2501.${String(10000 + i)}`,
    title: i % 11 === 0 ? `Survey of graphs, part ${i}` : `Paper number ${String(i).padStart(3, '0')}: a study of things`,
    authors: [`Author ${i}`],
    tldr: `We show result ${i}.`,
    status,
    tags: i % 7 === 0 ? ['nlp'] : i % 3 === 0 ? ['vision'] : [],
    notes: '',
    addedAt: BASE + i * 3_600_000,
    updatedAt: BASE + i * 3_600_000 + DAY,
    readAt: status === 'read' ? BASE + i * 3_600_000 + DAY : null,
    sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null,
  };
});

const listed = () => listSavedFrom(page);

const shownIds = () => page.getByTestId('reading-item').evaluateAll((rows) => rows.map((node) => node.getAttribute('data-arxiv-id')));

beforeAll(async () => {
  browser = await launchExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
  const backup = JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: BASE + 30 * DAY, items: ITEMS });
  await page.getByTestId('import-file').setInputFiles({ name: 'week.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.getByTestId('import-apply').click();
  await page.locator(`[data-testid="reading-list"][data-count="${ITEMS.length}"]`).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a week of 220 papers in the reading list', () => {
  // Reading, tagged nlp, "study" in the title: i ≡ 7 (mod 21), not a survey.
  const matching = ITEMS.filter((_, i) => i % 3 === 1 && i % 7 === 0 && i % 11 !== 0);

  test('status + tag + search + title sort together: exactly the matching papers, in title order; select all, set Read, Undo restores each exactly', async () => {
    await page.getByTestId('filter-status').selectOption('reading');
    await page.getByTestId('filter-tag').selectOption('nlp');
    await page.getByTestId('sort').selectOption('title');
    await page.getByTestId('search').fill('study');
    const expected = [...matching].sort((a, b) => a.title.localeCompare(b.title)).map((item) => item.id);
    await expect.poll(shownIds).toEqual(expected);

    const mine = async () => (await listed()).filter((item) => expected.includes(item.id)).sort((a, b) => a.id.localeCompare(b.id));
    const before = await mine();
    await page.getByTestId('select-all').check();
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe(`${expected.length} selected`);
    await page.getByTestId('bulk-status').selectOption('read');
    await expect.poll(async () => (await listed()).filter((item) => expected.includes(item.id) && item.status === 'read').length).toBe(expected.length);
    // Read now, they leave the "reading" filter.
    await expect.poll(shownIds).toEqual([]);
    await page.getByTestId('undo').click();
    await expect.poll(mine).toEqual(before);
    await expect.poll(shownIds).toEqual(expected);
    // Nothing else in the list moved.
    const byId = (a: SavedItem, b: SavedItem) => a.id.localeCompare(b.id);
    // (Each as imported, with the citation key the import gave it.)
    const others = (await listed()).filter((item) => !expected.includes(item.id)).sort(byId);
    expect(others.map(({ citeKey: _citeKey, ...item }) => item)).toEqual(ITEMS.filter((item) => !expected.includes(item.id)).sort(byId));
  });

  test('a bulk tag added to the filtered papers, one of them then set to Read in the popup: Undo takes the tag off all of them and keeps the popup\'s Read', async () => {
    const expected = [...matching].sort((a, b) => a.title.localeCompare(b.title)).map((item) => item.id);
    await expect.poll(shownIds).toEqual(expected);
    if (!(await page.getByTestId('bulk-bar').isVisible())) await page.getByTestId('select-all').check();
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe(`${expected.length} selected`);
    await page.getByTestId('bulk-tag').fill('week 1');
    await page.getByTestId('bulk-add-tag').click();
    await expect.poll(async () => (await listed()).filter((item) => item.tags.includes('week 1')).length).toBe(expected.length);

    // The newest of them, changed in the popup's Saved tab while the Undo is offered.
    const newest = [...matching].sort((a, b) => b.addedAt - a.addedAt)[0]!.id;
    const popup = await browser.popup();
    await popup.getByTestId('tab-saved').click();
    const row = popup.locator(`[data-testid="saved-item"][data-arxiv-id="${newest}"]`);
    await row.getByTestId('status').selectOption('read');
    await expect.poll(async () => (await listed()).find((item) => item.id === newest)!.status).toBe('read');
    await popup.close();

    await page.bringToFront();
    await page.getByTestId('undo').click();
    // The Undo takes back its own change only: the tag goes from every paper, the popup's Read stays.
    await expect.poll(async () => (await listed()).filter((item) => item.tags.includes('week 1')).length).toBe(0);
    expect((await listed()).find((item) => item.id === newest)!.status).toBe('read');
    await expect.poll(() => page.getByTestId('undo-offer').count()).toBe(0);
    expect(await page.getByText('changed since').count()).toBe(0);
    // The paper set to Read leaves the "reading" filter; the rest stay.
    await expect.poll(shownIds).toEqual(expected.filter((id) => id !== newest));
  });
});
