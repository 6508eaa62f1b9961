import { describe, expect, test } from 'vitest';
import { isArxivPdfPage, pdfPaper, pdfTabTitle, withoutPdfTabSuffix } from '../../../src/sites/arxiv-pdf';

describe('arXiv PDF tabs', () => {
  test.each([
    ['https://arxiv.org/pdf/2310.01779', { id: '2310.01779', shownId: '2310.01779' }],
    ['https://arxiv.org/pdf/2310.01779v3', { id: '2310.01779', shownId: '2310.01779v3' }],
    ['https://arxiv.org/pdf/2310.01779v3.pdf', { id: '2310.01779', shownId: '2310.01779v3' }],
    ['https://arxiv.org/pdf/2310.01779.pdf#page=3', { id: '2310.01779', shownId: '2310.01779' }],
    ['https://arxiv.org/pdf/hep-th/9901001v2', { id: 'hep-th/9901001', shownId: 'hep-th/9901001v2' }],
    ['https://arxiv.org/pdf/2310.01779/', { id: '2310.01779', shownId: '2310.01779' }],
    ['https://arxiv.org/pdf/', null],
    ['https://arxiv.org/pdf/not-a-paper', null],
    ['https://arxiv.org/abs/2310.01779', null],
    ['https://export.arxiv.org/pdf/2310.01779', null],
    ['https://example.org/pdf/2310.01779', null],
  ])('%s shows %j', (url, expected) => {
    expect(pdfPaper(new URL(url))).toEqual(expected);
    expect(isArxivPdfPage(new URL(url))).toBe(expected !== null);
  });

  test("the tab's title puts the paper's first, and the popup can take it back out", () => {
    const title = pdfTabTitle('  Attention Is\nAll You Need ', '1706.03762v7');
    expect(title).toBe('Attention Is All You Need | arXiv 1706.03762v7');
    expect(withoutPdfTabSuffix(title)).toBe('Attention Is All You Need');
    expect(withoutPdfTabSuffix('A | B testing')).toBe('A | B testing');
  });
});
