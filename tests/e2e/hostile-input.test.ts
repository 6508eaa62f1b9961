import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, listSavedFrom, listedItem, openEmptyReadingList, type ExtensionBrowser } from './harness';

// Hostile and unfamiliar input, end to end: what a page, or a file a reader imports, says must not
// keep a paper from being saved or exported, and must show as what it is.

let browser: ExtensionBrowser;

/** Past the 2,048 characters the store keeps of a link (a digest's tracking query on the PDF link). */
const LONG_PDF_URL = `https://arxiv.org/pdf/2310.01779v3?utm_source=${'x'.repeat(2100)}`;

/** Problems PaperLens leaves in a page: uncaught exceptions and console errors. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}

/** Picks a JSON backup of `items` to import, and waits for its preview. */
async function previewBackup(page: Page, items: unknown[]): Promise<void> {
  const text = JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: Date.UTC(2025, 0, 2), items });
  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').filter({ hasText: 'backup.json' }).waitFor({ timeout: 20_000 });
}

async function importBackup(page: Page, items: unknown[]): Promise<void> {
  await previewBackup(page, items);
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(
    'https://arxiv.org/abs/2310.01779v3',
    (await fixture('arxiv-abs-2310.01779v3.html')).replace(/(<meta name="citation_pdf_url" content=")[^"]*"/, `$1${LONG_PDF_URL}"`),
  );
  browser.serve(
    'https://arxiv.org/list/cs.CL/new',
    (await fixture('listings/arxiv-list-cs.CL-new.html')).replace(
      'Computation and Language (cs.CL)',
      `Computation and Language (cs.CL ${'and more '.repeat(20)})`,
    ),
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('a page that says more than the store keeps', () => {
  test("an abstract page whose PDF link is past 2,048 characters: the card's Save saves the paper", async () => {
    const page = await browser.context.newPage();
    const problems = problemsOf(page);
    await page.goto('https://arxiv.org/abs/2310.01779v3');
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    await card(page).getByTestId('save').click();
    const from = await browser.context.newPage();
    await from.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    // Without the fix the worker refuses the save ("pdfUrl: not an http(s) URL") and nothing is kept.
    await expect.poll(async () => (await listSavedFrom(from)).map((item) => item.id), { timeout: 5_000 }).toEqual(['2310.01779']);
    // The card learns it from the worker's reply, which may come after the store shows the paper.
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    expect(problems).toEqual([]);
    await from.close();
    await page.close();
  });

  test("a listing entry whose primary subject is past 100 characters: the badge's Save saves the paper", async () => {
    const page = await browser.context.newPage();
    const problems = problemsOf(page);
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const save = page.locator('[data-paperlens="badge"][data-arxiv-id="2407.21001"]').getByTestId('badge-save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await save.click();
    const from = await browser.context.newPage();
    await from.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    // Without the fix the worker refuses the save ("primaryCategory: Too big") and nothing is kept.
    await expect.poll(async () => (await listSavedFrom(from)).map((item) => item.id), { timeout: 5_000 }).toContain('2407.21001');
    expect(problems).toEqual([]);
    await from.close();
    await page.close();
  });
});

describe('an imported backup', () => {
  test('a time past what a Date holds (after 275760-09-13): the preview refuses that item by line, and Export CSV downloads the rest', async () => {
    const fresh = await launchExtension();
    try {
      const page = await openEmptyReadingList(fresh, 1000);
      const problems = problemsOf(page);
      await previewBackup(page, [listedItem('2310.01779', 'HallE-Control'), listedItem('2401.00001', 'A paper read in the far future', { status: 'read', readAt: 8_640_000_000_000_001 })]);
      expect(await page.getByTestId('import-rejections').locator('li').allTextContents()).toEqual([expect.stringMatching(/^line 1: item 2 \(2401\.00001\): readAt: /)]);
      await page.getByTestId('import-apply').click();
      await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
      expect((await listSavedFrom(page)).map((item) => item.id)).toEqual(['2310.01779']);
      // Kept, such a time made Export CSV throw in the page (RangeError: Invalid time value) and download nothing.
      const downloading = page.waitForEvent('download', { timeout: 5_000 });
      await page.getByTestId('export-csv').click();
      const file = await downloading.catch((error: Error) => error);
      expect(problems).toEqual([]);
      expect(file).not.toBeInstanceOf(Error);
    } finally {
      await fresh.close();
    }
  });

  test('a title with a right-to-left override shows in the order it is stored: it cannot pass for another paper', async () => {
    const fresh = await launchExtension();
    try {
      const page = await openEmptyReadingList(fresh, 1000);
      // Stored reversed behind U+202E: shown as "Attention Is All You Need" without the fix, while search,
      // exports and citations see "deeN uoY llA sI noitnettA".
      await importBackup(page, [listedItem('2401.00002', '\u202EdeeN uoY llA sI noitnettA')]);
      const title = page.getByTestId('title').first();
      await title.waitFor();
      const order = await title.evaluate((element) => {
        const text = element.firstChild!;
        const box = (at: number) => {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 1);
          return range.getBoundingClientRect().left;
        };
        const value = text.textContent!;
        // The first letter and the last, as stored (skipping any format character).
        const first = [...value].findIndex((ch) => /\p{L}/u.test(ch));
        return { firstLeft: box(first), lastLeft: box(value.length - 1) };
      });
      // A left-to-right title: its first letter is drawn left of its last.
      expect(order.firstLeft).toBeLessThan(order.lastLeft);
    } finally {
      await fresh.close();
    }
  });
});
