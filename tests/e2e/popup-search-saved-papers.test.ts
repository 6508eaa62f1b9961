import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, listedItem, openEmptyReadingList, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  // A paper of the bundled snapshot, which names no authors: its arXiv page does.
  browser.serve('https://arxiv.org/abs/2402.18041', await fixture('arxiv-abs-2402.18041.html'));
  // Saved from a file (the store's snapshot holds none of them), as a reader's library is.
  const page = await openEmptyReadingList(browser, 1200);
  const items = [
    listedItem('2303.08774', 'GPT-4 Technical Report', { authors: ['OpenAI'], published: '2023-03-15' }),
    listedItem('1706.03762', 'Attention Is All You Need', { authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-06-12' }),
    listedItem('2006.11239', 'Denoising Diffusion Probabilistic Models', { authors: ['Jonathan Ho', 'Ajay Jain'], published: null }),
    listedItem('2401.04088', 'Mixtral of Experts', { tldr: 'A sparse mixture-of-experts language model.' }),
  ];
  const text = JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: Date.UTC(2025, 0, 2), items });
  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').filter({ hasText: 'backup.json' }).waitFor({ timeout: 20_000 });
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
  await page.close();
});

afterAll(async () => {
  await browser?.close();
});

/** The ids the popup's search lists for `query`, in order, once its results for it are shown. */
async function found(popup: Page, query: string): Promise<string[]> {
  await popup.getByTestId('search').fill(query);
  await popup.waitForFunction((typed) => document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') === typed, query);
  return popup.getByTestId('search-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-arxiv-id')!));
}

describe('popup search: saved papers as researchers look for them', () => {
  test('a joined spelling ("gpt4"), a year beside an author ("Vaswani 2017") and an id in a copied reference find the saved paper first', async () => {
    const popup = await browser.popup();
    const first = async (query: string) => (await found(popup, query))[0];
    expect({
      gpt4: await first('gpt4'),
      gpt4TechnicalReport: await first('GPT4 technical report'),
      vaswani2017: await first('Vaswani 2017'),
      // No date saved: the year its id was submitted.
      ho2020: await first('Ho 2020'),
      scholar: await found(popup, 'arXiv preprint arXiv:1706.03762'),
      pdfName: await found(popup, '1706.03762v7.pdf'),
    }).toEqual({
      gpt4: '2303.08774',
      gpt4TechnicalReport: '2303.08774',
      vaswani2017: '1706.03762',
      ho2020: '2006.11239',
      scholar: ['1706.03762'],
      pdfName: ['1706.03762'],
    });
    await popup.close();
  });

  test('an acronym finds a saved paper by its long form; "in-context" lists no long-context paper of the store', async () => {
    const popup = await browser.popup();
    expect(await found(popup, 'moe')).toContain('2401.04088');
    // The bundled snapshot's long-context papers: "How to Train Long-Context Language Models (Effectively)", …
    const longContext = await found(popup, 'long-context');
    expect(longContext).toContain('2410.02660');
    expect((await found(popup, 'in-context')).filter((id) => longContext.includes(id))).toEqual([]);
    await popup.close();
  });

  test("a year narrows the store's papers too: 'decoding 2025' lists the decoding papers first submitted in 2025", async () => {
    const popup = await browser.popup();
    const decoding = await found(popup, 'decoding');
    const of2025 = await found(popup, 'decoding 2025');
    expect(decoding.filter((id) => id.startsWith('25'))).toEqual(of2025);
    expect(of2025.length).toBeGreaterThan(1);
    expect(decoding.length).toBeGreaterThan(of2025.length);
    await popup.close();
  });

  test('an id in brackets or before a comma, of a paper PaperLens does not know, is offered to open or save', async () => {
    const popup = await browser.popup();
    for (const query of ['<2412.99999>', '2412.99999,']) {
      expect(await found(popup, query), query).toEqual(['2412.99999']);
      await expect.poll(() => popup.getByTestId('search-item').first().innerText()).toContain('Not in PaperLens yet');
    }
    await popup.close();
  });
});

describe('popup search: papers whose pages were opened', () => {
  test('a snapshot paper whose abstract page was opened is found by the authors that page showed, once, as the store lists it', async () => {
    const before = await browser.popup();
    await before.getByTestId('trending-item').first().waitFor();
    expect(await found(before, 'Jiahuan Cao')).toEqual([]);
    await before.close();

    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2402.18041');
    await card(page).waitFor();
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await popup.getByTestId('recent-item').filter({ hasText: 'Jiahuan Cao' }).waitFor();
    for (const query of ['Jiahuan Cao', 'Jiahuan', 'Chongyu Liu']) {
      const ids = await found(popup, query);
      expect(ids[0], query).toBe('2402.18041');
      expect(ids.filter((id) => id === '2402.18041'), query).toHaveLength(1);
    }
    // With the store's TL;DR, as Trending shows it.
    expect(await popup.getByTestId('search-item').first().locator('.tldr').textContent()).toBeTruthy();
    await page.close();
  });
});
