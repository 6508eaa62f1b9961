import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, fixture, launchExtension, listSavedFrom, pressSaveShortcut, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

// The bundled snapshot captured 2310.01779 under its first title (Hugging Face's); arXiv's page
// (tests/fixtures/arxiv-abs-2310.01779v3.html) gives its current one.
const CAPTURED = 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption';
const CURRENT = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const PDF_URL = 'https://arxiv.org/pdf/2310.01779v3';

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(PDF_URL, { body: PDF, contentType: 'application/pdf' });
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function openPdf(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(PDF_URL).catch(() => undefined); // the PDF viewer may not report a load
  return page;
}

describe('a paper arXiv retitled after the snapshot captured it', () => {
  test("saved from its PDF tab: once its arXiv page is read, the popup's This tab, the tab's name and the reading list all say arXiv's title", async () => {
    const pdf = await openPdf();
    await expect.poll(() => pdf.title()).toBe(`${CAPTURED} | arXiv 2310.01779v3`);
    const popup = await browser.popup();
    const shown = popup.getByTestId('this-tab').locator('.title');
    await expect.poll(() => shown.textContent()).toBe(CAPTURED);

    await pdf.bringToFront();
    await pressSaveShortcut(browser);
    // Saved without authors (the snapshot names none), it is completed from its arXiv page.
    await expect.poll(async () => (await listSavedFrom(popup)).map((item) => [item.title, item.authors[0]])).toEqual([[CURRENT, 'Bohan Zhai']]);
    // The popup left open follows, and the tab is named after the same title when it loads again.
    await expect.poll(() => shown.textContent()).toBe(CURRENT);
    await pdf.reload().catch(() => undefined);
    await expect.poll(() => pdf.title()).toBe(`${CURRENT} | arXiv 2310.01779v3`);
    await popup.getByTestId('search').fill('HallE');
    await expect.poll(() => popup.locator('[data-arxiv-id="2310.01779"] a.title').first().textContent()).toBe(CURRENT);
    await Promise.all([popup.close(), pdf.close()]);
  });
});
