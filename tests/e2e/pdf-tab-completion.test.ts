import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, fixture, launchExtension, type ExtensionBrowser, setSwitch, oldStyleAbsPage } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  browser.serve('https://arxiv.org/abs/hep-th/9901001', await oldStyleAbsPage());
  for (const url of ['https://arxiv.org/pdf/1706.03762v7', 'https://arxiv.org/pdf/hep-th/9901001v2']) browser.serve(url, { body: PDF, contentType: 'application/pdf' });
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
});
