import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { downloadExport, launchExtension, listedItem, listSavedFrom, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';
import { BERT, FLASH_ATTENTION, GHORBANI, RESNET, VASWANI } from '../unit/export/scholar-bib';

let browser: ExtensionBrowser;
let page: Page;

const SCHOLAR_BIB = `${[BERT, FLASH_ATTENTION, VASWANI, GHORBANI, RESNET].join('\n\n')}\n`;

const download = async (format: string) => (await downloadExport(page, format)).text;

/** The exported BibTeX entry of one paper, by its arXiv id. */
function entryOf(bibtex: string, id: string): string {
  return bibtex.split('\n\n').find((entry) => entry.includes(`eprint = {${id}}`)) ?? '';
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await openEmptyReadingList(browser, 1200);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a Google Scholar .bib of published papers', () => {
  test('each paper keeps its venue and year, entries without an arXiv id land on the saved (or stored) paper of their title, and the BibTeX and CSV exports cite them as published', async () => {
    const listed = [
      listedItem('1706.03762', 'Attention Is All You Need', { authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-06-12', status: 'reading', notes: 'My own note' }),
      listedItem('1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', { authors: ['Jacob Devlin', 'Ming-Wei Chang'], published: '2018-10-11' }),
    ];
    expect((await sendFromPage(page, { type: 'importApply', items: listed, rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();

    await page.getByTestId('import-file').setInputFiles({ name: 'scholar.bib', mimeType: 'application/octet-stream', buffer: Buffer.from(SCHOLAR_BIB) });
    await page.getByTestId('import-summary').filter({ hasText: 'scholar.bib' }).waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toBe(
      'scholar.bib: 2 new, 2 updated, 1 rejected: line 34: no arXiv id (eprint, url or note) in @inproceedings{he2016deep}, and no paper in your reading list or in PaperLens\'s store is titled "Deep residual learning for image recognition"',
    );
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor();
    await page.locator('[data-testid="reading-list"][data-count="4"]').waitFor();

    const saved = new Map((await listSavedFrom(page)).map((item) => [item.id, item]));
    expect([...saved.keys()].sort()).toEqual(['1706.03762', '1810.04805', '2109.07740', '2205.14135']);
    expect(saved.get('1706.03762')).toMatchObject({ title: 'Attention Is All You Need', status: 'reading', notes: 'My own note', journalRef: 'Advances in neural information processing systems, 2017' });
    expect(saved.get('2109.07740')).toMatchObject({ title: 'Scaling Laws for Neural Machine Translation', journalRef: 'International Conference on Learning Representations, 2022' });

    const bibtex = await download('bibtex');
    const bert = entryOf(bibtex, '1810.04805');
    expect(bert).toContain('year = {2019}');
    expect(bert).toContain('note = {Proceedings of NAACL-HLT, 2019}');
    expect(bert).not.toMatch(/month|date =/);
    expect(entryOf(bibtex, '2205.14135')).toContain('note = {Advances in Neural Information Processing Systems, 2022}');
    expect(entryOf(bibtex, '2109.07740')).toContain('year = {2022}');
    expect(entryOf(bibtex, '1706.03762')).toMatch(/year = \{2017\}[\s\S]*note = \{Advances in neural information processing systems, 2017\}/);

    const csv = await download('csv');
    expect(csv.split('\n').find((row) => row.includes('1810.04805'))).toContain('Proceedings of NAACL-HLT, 2019');
  }, 60_000);
});
