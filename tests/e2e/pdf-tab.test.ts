import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, type ExtensionBrowser, setSwitch } from './harness';

let browser: ExtensionBrowser;

// A one-page PDF whose metadata names a title of its own, as many arXiv PDFs do.
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj 4 0 obj<</Title(Microsoft Word - paper.docx)>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF';
const HALLE = 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption';

beforeAll(async () => {
  browser = await launchExtension();
  for (const url of ['https://arxiv.org/pdf/2310.01779v3', 'https://arxiv.org/pdf/1706.03762v7.pdf', 'https://arxiv.org/pdf/2402.18041']) browser.serve(url, { body: PDF, contentType: 'application/pdf' });
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function openPdf(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url).catch(() => undefined); // the PDF viewer may not report a load
  return page;
}

/** The tab's title as the browser shows it (tab strip, history), which the PDF viewer sets without the page's DOM. */
async function tabTitle(url: string): Promise<string | undefined> {
  return browser.worker.evaluate(async (wanted) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ url?: string; title?: string }[]> } } }).chrome;
    return (await chrome.tabs.query({ url: wanted }))[0]?.title;
  }, url);
}

const arxivRequests = (id: string) => browser.requests.filter((request) => request.url() === `https://arxiv.org/abs/${id}`).length;

describe('arXiv PDF tabs are named after their paper', () => {
  test("a snapshot paper's PDF: the store's title, no request; switched off and on, the tab follows at once", async () => {
    const pdf = await openPdf('https://arxiv.org/pdf/2310.01779v3');
    await expect.poll(() => pdf.title()).toBe(`${HALLE} | arXiv 2310.01779v3`);
    expect(arxivRequests('2310.01779')).toBe(0);
    await setSwitch(browser, 'pdfTabTitles', false);
    await expect.poll(() => pdf.title()).not.toContain('HallE');
    await setSwitch(browser, 'pdfTabTitles', true);
    await expect.poll(() => pdf.title()).toBe(`${HALLE} | arXiv 2310.01779v3`);
    await pdf.close();
  });

  test("the PDF viewer naming the tab after the file once it has read it (in the browser, not the page): the tab is named after its paper again", async () => {
    // Every title the browser gives the tab, as the tab strip shows it.
    await browser.worker.evaluate(() => {
      const scope = globalThis as unknown as { shownTitles: string[]; chrome: { tabs: { onUpdated: { addListener: (listener: (id: number, change: { title?: string }, tab: { url?: string }) => void) => void } } } };
      scope.shownTitles = [];
      scope.chrome.tabs.onUpdated.addListener((_id, change, tab) => {
        if (change.title !== undefined && tab.url === 'https://arxiv.org/pdf/2310.01779v3') scope.shownTitles.push(change.title);
      });
    });
    const pdf = await openPdf('https://arxiv.org/pdf/2310.01779v3');
    const shownTitles = () => browser.worker.evaluate(() => (globalThis as unknown as { shownTitles: string[] }).shownTitles);
    await expect.poll(shownTitles, { timeout: 20_000 }).toContain('Microsoft Word - paper.docx');
    await expect.poll(() => tabTitle('https://arxiv.org/pdf/2310.01779v3')).toBe(`${HALLE} | arXiv 2310.01779v3`);
    expect(await pdf.title()).toBe(`${HALLE} | arXiv 2310.01779v3`);
    await pdf.close();
  });

  test("a paper PaperLens does not know: its arXiv page's title, one request, shared with the popup", async () => {
    const pdf = await openPdf('https://arxiv.org/pdf/1706.03762v7.pdf');
    await expect.poll(() => pdf.title()).toBe('Attention Is All You Need | arXiv 1706.03762v7');
    const popup = await browser.popup();
    await expect.poll(() => popup.getByTestId('this-tab').locator('.title').textContent()).toBe('Attention Is All You Need');
    await popup.close();
    expect(arxivRequests('1706.03762')).toBe(1);
    await pdf.close();
  });

  test('with requests to arXiv switched off, an unknown paper\'s tab keeps its own title and nothing is asked', async () => {
    await setSwitch(browser, 'completeFromArxiv', false);
    const before = browser.requests.length;
    const pdf = await openPdf('https://arxiv.org/pdf/2402.18041');
    // The snapshot knows this one: still named, without a request.
    await expect.poll(() => pdf.title()).toBe('Datasets for Large Language Models: A Comprehensive Survey | arXiv 2402.18041');
    await pdf.close();
    browser.serve('https://arxiv.org/pdf/2105.00001', { body: PDF, contentType: 'application/pdf' });
    const unknown = await openPdf('https://arxiv.org/pdf/2105.00001');
    await unknown.waitForTimeout(1000);
    expect(await unknown.title()).not.toContain('| arXiv');
    expect(browser.requests.slice(before).filter((request) => request.url().startsWith('https://arxiv.org/abs/'))).toEqual([]);
    await unknown.close();
    await setSwitch(browser, 'completeFromArxiv', true);
  });
});
