import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { savedItem } from '../unit/export/fixtures';
import { downloadExport, launchExtension, openEmptyReadingList, type ExtensionBrowser, sendFromPage, listSavedFrom } from './harness';

let browser: ExtensionBrowser;
let page: Page;

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const STATUSES = ['to-read', 'reading', 'read'] as const;

/** A realistic week's list: 220 papers, new- and old-style ids, punctuation in titles, names and tags, notes on several lines. */
function week(): SavedItem[] {
  const items: SavedItem[] = [];
  for (let i = 0; i < 220; i++) {
    const status = STATUSES[i % 3]!;
    const oldStyle = i % 20 === 7;
    const id = oldStyle ? `hep-th/99${String(1 + (i % 12)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}` : `2501.${String(10000 + i)}`;
    items.push(
      savedItem({
        id,
        title: i % 11 === 0 ? `On {braces}, "quotes" & commas: part ${i}` : `Paper number ${i}: a study of things`,
        authors: i % 5 === 0 ? ['Martin Luther King, Jr.', 'Zoë Ünal'] : [`Author ${i}`, 'Second Author'],
        tldr: i % 4 === 0 ? '' : `We show result ${i}; it beats the baseline by 3.2%.`,
        status,
        tags: i % 7 === 0 ? ['nlp', 'to cite'] : i % 3 === 0 ? ['vision'] : [],
        // Some with what looks like HTML (a reader's note on code), which RIS readers take for Zotero's; a
        // line spaced as a table.
        notes: i % 9 === 0 ? `Line one of ${i}\nLine two, with a comma${i % 2 === 0 ? ' and <code>attn.py</code> & <i>' : ''}\nacc    71.2\t(table)` : '',
        addedAt: BASE + i * 3_600_000,
        updatedAt: BASE + i * 3_600_000 + DAY,
        readAt: status === 'read' ? BASE + i * 3_600_000 + DAY : null,
      }),
    );
  }
  return items;
}

const ITEMS = week();

const listed = () => listSavedFrom(page);

const list = () => page.getByTestId('reading-list');

const download = (format: string) => downloadExport(page, format);

async function importFile(name: string, text: string): Promise<string> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').filter({ hasText: name }).waitFor({ timeout: 20_000 });
  const summary = (await page.getByTestId('import-summary').textContent())!;
  // A file that changes nothing leaves the button disabled ("Nothing to import").
  if (await page.getByTestId('import-apply').isEnabled()) {
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
  }
  return summary;
}

/** What each format carries of an item, to compare before and after (BibTeX and RIS, citation formats, carry no reading status). */
function essentialsOf(format: string) {
  return (item: SavedItem) => ({
    id: item.id, title: item.title, authors: item.authors, tags: [...item.tags].sort(),
    ...(format === 'bibtex' || format === 'ris' ? {} : { status: item.status, tldr: item.tldr }),
    ...(format === 'json' || format === 'csv' ? { readAt: item.readAt, addedAt: item.addedAt } : {}),
    notes: item.notes,
  });
}

async function backupFile(): Promise<string> {
  return `${JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: BASE + 30 * DAY, items: ITEMS }, null, 2)}\n`;
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('export each format and import it back', () => {
  const byId = (items: SavedItem[]) => new Map(items.map((item) => [item.id, item]));

  // Each format starts from the week's list, whatever the one before left.
  beforeEach(async () => {
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.reload();
    await page.getByTestId('empty').waitFor();
    await importFile('backup.json', await backupFile());
    await page.locator(`[data-testid="reading-list"][data-count="${ITEMS.length}"]`).waitFor();
  }, 60_000);

  for (const format of ['json', 'bibtex', 'ris', 'csv', 'markdown'] as const) {
    const essentials = essentialsOf(format);
    test(`${format}: imported over the same list changes no count and duplicates nothing; into an empty list, every paper comes back with what the format carries (title, authors, tags; status, TL;DR, notes where it has them)`, async () => {
      const before = await listed();
      expect(before).toHaveLength(ITEMS.length);
      const file = await download(format);

      // Over the list it came from: nothing new, nothing duplicated.
      const summary = await importFile(file.name, file.text);
      expect(summary).toContain('0 new');
      await page.reload();
      await expect.poll(() => list().getAttribute('data-count')).toBe(String(ITEMS.length));
      const over = await listed();
      expect(new Set(over.map((item) => item.id)).size).toBe(ITEMS.length);
      expect(over.map(essentials).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.map(essentials).sort((a, b) => a.id.localeCompare(b.id)));

      // Into an empty list: nothing lost.
      await sendFromPage(page, { type: 'clearReadingData' });
      await page.reload();
      await page.getByTestId('empty').waitFor();
      await importFile(file.name, file.text);
      await expect.poll(() => list().getAttribute('data-count')).toBe(String(ITEMS.length));
      const back = byId(await listed());
      const lost = ITEMS.filter((item) => !back.has(item.id)).map((item) => item.id);
      expect(lost).toEqual([]);
      const differing = ITEMS.filter((item) => JSON.stringify(essentials(item)) !== JSON.stringify(essentials(back.get(item.id)!))).map((item) => ({ want: essentials(item), got: essentials(back.get(item.id)!) }));
      expect(differing.slice(0, 3)).toEqual([]);

    }, 120_000);
  }
});

describe('a tag typed with a semicolon in it', () => {
  test('"reading group; week 3", typed in a row\'s Tags, comes back from a CSV export as the one tag it was, and the CSV imported over the list changes nothing', async () => {
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.reload();
    await page.getByTestId('empty').waitFor();
    await importFile('backup.json', `${JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: BASE, items: ITEMS.slice(1, 4) })}\n`);
    await page.locator('[data-testid="reading-list"][data-count="3"]').waitFor();
    const id = ITEMS[1]!.id;
    const tags = page.locator(`[data-testid="reading-item"][data-arxiv-id="${id}"]`).getByTestId('tags');
    await tags.fill('reading group; week 3');
    await tags.press('Enter');
    await expect.poll(async () => (await listed()).find((item) => item.id === id)!.tags).toEqual(['reading group; week 3']);
    // The export is written from the page's list, whose live query learns of the worker's write a
    // moment after the store has it: its tag filter offers the tag once it has.
    await expect.poll(() => page.getByTestId('filter-tag').locator('option').allTextContents()).toContain('reading group; week 3 (1)');

    const csv = await download('csv');
    const summary = await importFile(csv.name, csv.text);
    const over = (await listed()).find((item) => item.id === id)!.tags;
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.reload();
    await page.getByTestId('empty').waitFor();
    await importFile(csv.name, csv.text);
    await page.locator('[data-testid="reading-list"][data-count="3"]').waitFor();
    const back = (await listed()).find((item) => item.id === id)!.tags;
    expect({ summary, over, back }).toEqual({ summary: expect.stringMatching(/: 0 new, 0 updated/), over: ['reading group; week 3'], back: ['reading group; week 3'] });
  }, 60_000);
});

describe('papers saved from their arXiv pages (date, category, DOI, journal reference, PDF)', () => {
  const SAVED: SavedItem[] = [
    {
      ...ITEMS[1]!, id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], notes: 'My note',
      tags: ['nlp'], status: 'reading', published: '2017-06-12', primaryCategory: 'cs.CL', doi: '10.5555/3295222.3295349', journalRef: 'Advances in Neural Information Processing Systems 30 (NIPS 2017)',
      pdfUrl: 'https://arxiv.org/pdf/1706.03762v7', sourceUrl: 'https://arxiv.org/abs/1706.03762',
    },
    {
      ...ITEMS[2]!, id: 'hep-th/9901001', title: 'Conformal Field Theory on the Plane', authors: ['A. Author'], notes: '', tags: [], status: 'read',
      published: '1999-01-04', primaryCategory: 'hep-th', doi: null, journalRef: 'Nucl. Phys. B 550 (1999) 1', pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001v2', sourceUrl: null,
    },
  ];
  const metadataOf = (format: string) => (item: SavedItem) => ({
    id: item.id, notes: item.notes, journalRef: item.journalRef, doi: item.doi,
    // BibTeX keeps the year and month only (the id says as much).
    ...(format === 'bibtex' ? {} : { published: item.published }),
  });

  for (const format of ['bibtex', 'ris', 'csv'] as const) {
    const metadata = metadataOf(format);
    test(`${format}: exported and imported into an empty list, each paper keeps its notes apart from its journal reference, and its DOI (and date)`, async () => {
      await sendFromPage(page, { type: 'clearReadingData' });
      await page.reload();
      await page.getByTestId('empty').waitFor();
      await importFile('saved.json', `${JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: BASE, items: SAVED })}\n`);
      await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
      const file = await download(format);
      await sendFromPage(page, { type: 'clearReadingData' });
      await page.reload();
      await page.getByTestId('empty').waitFor();
      await importFile(file.name, file.text);
      await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
      const back = (await listed()).map(metadata).sort((a, b) => a.id.localeCompare(b.id));
      expect(back).toEqual(SAVED.map(metadata).sort((a, b) => a.id.localeCompare(b.id)));
    }, 60_000);
  }
});
