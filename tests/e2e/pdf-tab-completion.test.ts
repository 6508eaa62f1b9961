import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, fixture, launchExtension, type ExtensionBrowser, setSwitch, oldStyleAbsPage } from './harness';

let browser: ExtensionBrowser;
let arxivUp = false;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  browser.serve('https://arxiv.org/abs/hep-th/9901001', await oldStyleAbsPage());
  for (const url of ['https://arxiv.org/pdf/1706.03762v7', 'https://arxiv.org/pdf/hep-th/9901001v2', 'https://arxiv.org/pdf/2501.12345v2', 'https://arxiv.org/pdf/2402.18041']) browser.serve(url, { body: PDF, contentType: 'application/pdf' });
  // A paper nobody here knows, whose arXiv page answers 503 (busy) until a test lets it answer.
  const page = (await fixture('arxiv-abs-1706.03762.html')).replaceAll('1706.03762', '2501.12345').replaceAll('Attention Is All You Need', 'A Paper Only arXiv Knows');
  browser.serve('https://arxiv.org/abs/2501.12345', (route) => route.fulfill(arxivUp ? { status: 200, contentType: 'text/html', body: page } : { status: 503, body: 'busy' }));
});

afterAll(async () => {
  await browser?.close();
});

async function openPdf(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url).catch(() => undefined);
  return page;
}

const absRequests = (id: string) => browser.requests.filter((request) => request.url() === `https://arxiv.org/abs/${id}`).length;

describe('PDF tabs of papers the store lacks, and the completion switch', () => {
  test('an old-style PDF (hep-th/9901001v2): the tab is named after the paper, and the popup describes it from its arXiv page', async () => {
    const pdf = await openPdf('https://arxiv.org/pdf/hep-th/9901001v2');
    await expect.poll(() => pdf.title()).toBe('Conformal Field Theory on the Plane | arXiv hep-th/9901001v2');
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.locator('.title').textContent()).toBe('Conformal Field Theory on the Plane');
    await expect.poll(() => thisTab.locator('.tldr').textContent()).toMatch(/conformal field theory/i);
    await popup.close();
    await pdf.close();
  });

  test('completion off: a PDF tab of a paper the store lacks keeps its title and nothing is asked; switched on, the open tab is named at once', async () => {
    await setSwitch(browser, 'completeFromArxiv', false);
    const before = absRequests('1706.03762');
    const pdf = await openPdf('https://arxiv.org/pdf/1706.03762v7');
    await pdf.waitForTimeout(1500);
    expect(await pdf.title()).not.toContain('Attention');
    expect(absRequests('1706.03762')).toBe(before);
    await setSwitch(browser, 'completeFromArxiv', true);
    await expect.poll(() => pdf.title()).toBe('Attention Is All You Need | arXiv 1706.03762v7');
    await pdf.close();
  });

  test('Copy BibTeX while arXiv answers 503: nothing copied and the popup says why; pressed again once arXiv answers, the whole entry', async () => {
    const pdf = await openPdf('https://arxiv.org/pdf/2501.12345v2');
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe('2501.12345');
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.bringToFront(); // the clipboard is written only from the focused page
    await popup.evaluate(() => navigator.clipboard.writeText('what the user copied before'));
    const error = thisTab.getByRole('alert');
    await thisTab.getByTestId('copy-bibtex').click();
    await expect.poll(() => error.allTextContents()).toEqual([
      "BibTeX not copied: PaperLens knows neither this paper's title nor its authors, and arXiv did not give them (arXiv answered HTTP 503 for 2501.12345) — try again later",
    ]);
    expect(await thisTab.getByTestId('copied').textContent()).toBe('');
    // No stub (`title = {{arXiv:2501.12345}}`, no authors) replaced what was there.
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe('what the user copied before');

    arxivUp = true;
    await thisTab.getByTestId('copy-bibtex').click();
    await expect.poll(() => thisTab.getByTestId('copied').textContent()).toBe('BibTeX copied');
    expect(await error.count()).toBe(0);
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{vaswani\d{4}paper,\n {2}title = \{\{A Paper Only arXiv Knows\}\},\n {2}author = \{Ashish Vaswani and /);
    expect(copied).toContain('eprint = {2501.12345}');
    await popup.close();
    await pdf.close();
  });

  test("Copy BibTeX on a snapshot paper's PDF tab with arXiv out of reach: the store's title is cited, not refused as the tab's guess", async () => {
    // The snapshot names no authors, and arXiv's page (not served) cannot: the entry has the title alone.
    const pdf = await openPdf('https://arxiv.org/pdf/2402.18041');
    await expect.poll(() => pdf.title()).toMatch(/ \| arXiv 2402\.18041$/);
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe('2402.18041');
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.bringToFront();
    await popup.evaluate(() => navigator.clipboard.writeText('what the user copied before'));
    await thisTab.getByTestId('copy-bibtex').click();
    // Before b6ec1c4: "BibTeX not copied: PaperLens knows neither this paper's title nor its authors …",
    // as the title PaperLens gave the tab was read back as the tab's own guess.
    // Copied, and said to name no authors: pasted into a paper unnoticed, it would cite no one.
    await expect.poll(() => thisTab.getByTestId('copied').textContent()).toBe('Copied (no authors)');
    const title = (await pdf.title()).replace(/ \| arXiv 2402\.18041$/, '');
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`title = {{${title}}}`);
    expect(copied).not.toMatch(/author =/);
    await popup.close();
    await pdf.close();
  });
});
