import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, listedItem, LISTED_AT, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
});

afterAll(async () => {
  await browser?.close();
});

/** The reading list's BibTeX export, as the user downloads it: each paper's key by arXiv id. */
async function exportedKeys(): Promise<Record<string, string>> {
  const waiting = page.waitForEvent('download');
  await page.getByTestId('export-bibtex').click();
  const text = await readFile((await (await waiting).path())!, 'utf8');
  return Object.fromEntries([...text.matchAll(/^@misc\{([^,]+),[\s\S]*?eprint = \{([^}]+)\}/gm)].map((match) => [match[2]!, match[1]!]));
}

async function importFile(name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').filter({ hasText: name }).waitFor({ timeout: 20_000 });
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
}

test('a paper keeps its BibTeX key after a namesake paper is saved, in the whole list and in "the shown" only; an imported key is kept', async () => {
  const backup = { format: 'paperlens-reading-list', version: 1, exportedAt: LISTED_AT, items: [listedItem('2401.00001', 'Learning to Reason with Graphs', { authors: ['Wei Wang'], published: '2024-01-02', tags: ['thesis'] })] };
  await importFile('thesis.json', JSON.stringify(backup));
  await page.locator('[data-testid="reading-list"][data-count="1"]').waitFor();
  expect(await exportedKeys()).toEqual({ '2401.00001': 'wang2024learning' });

  // Another Wang, 2024, "Learning…" saved from its page (as the card's Save sends it).
  const saved = await sendFromPage(page, { type: 'save', paper: { id: '2405.00002', title: 'Learning Sparse Features', authors: ['Jun Wang'], published: '2024-05-02' } });
  expect(saved.ok).toBe(true);
  await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
  // The paper already cited keeps its key; only the newcomer is suffixed.
  expect(await exportedKeys()).toEqual({ '2401.00001': 'wang2024learning', '2405.00002': 'wang2024learninga' });

  // Exporting only the papers shown gives each the same key: the newcomer alone is still suffixed.
  await page.getByTestId('search').fill('Sparse');
  await page.locator('[data-testid="reading-list"][data-count="1"]').waitFor();
  await page.getByTestId('export-scope').selectOption('shown');
  expect(await exportedKeys()).toEqual({ '2405.00002': 'wang2024learninga' });
  await page.getByTestId('search').fill('');
  await page.getByTestId('export-scope').selectOption('all');

  // A Zotero export's key comes back as it was written.
  await importFile('zotero.bib', '@article{vaswani_attention_2023,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish},\n  year = {2017},\n  eprint = {1706.03762}\n}\n');
  await page.locator('[data-testid="reading-list"][data-count="3"]').waitFor();
  expect((await exportedKeys())['1706.03762']).toBe('vaswani_attention_2023');
});
