import { describe, expect, test } from 'vitest';
import { pdfFileName } from '../../../src/papers/pdf-file-name';

describe('a PDF named after its paper', () => {
  test('first author, year, title, as Zotero names attachments', () => {
    const authors = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'];
    expect(pdfFileName({ id: '1706.03762', title: 'Attention Is All You Need', authors, published: '2017-06-12' })).toBe('Vaswani et al. - 2017 - Attention Is All You Need.pdf');
    expect(pdfFileName({ id: '1706.03762', title: 'Attention Is All You Need', authors: authors.slice(0, 2), published: null })).toBe('Vaswani and Shazeer - 2017 - Attention Is All You Need.pdf');
    expect(pdfFileName({ id: '2310.01779', title: 'HallE-Switch', authors: ['Li, Bohan'], published: null })).toBe('Li - 2023 - HallE-Switch.pdf');
    // Old-style ids give their year too.
    expect(pdfFileName({ id: 'hep-th/9901001', title: 'Conformal Field Theory on the Plane', authors: [], published: null })).toBe('1999 - Conformal Field Theory on the Plane.pdf');
  });

  test('characters a file system refuses go; a colon reads as a dash', () => {
    expect(pdfFileName({ id: '1810.04805', title: 'BERT: Pre-training of Deep Bidirectional Transformers', authors: ['Jacob Devlin'], published: '2018' })).toBe('Devlin - 2018 - BERT - Pre-training of Deep Bidirectional Transformers.pdf');
    expect(pdfFileName({ id: '2401.00001', title: 'Why <Not> "Both"? A/B tests | 50%*', authors: ['A. Author'], published: null })).toBe('Author - 2024 - Why Not Both A B tests 50%.pdf');
    expect(pdfFileName({ id: '2401.00001', title: '...hidden', authors: [], published: null })).toBe('2024 - ...hidden.pdf');
    expect(pdfFileName({ id: '2401.00001', title: 'Line\nbreak\ttab', authors: [], published: null })).toBe('2024 - Line break tab.pdf');
  });

  test('a long title is cut at a word, so the name stays short enough for every file system', () => {
    const title = 'A Very Long Title About Speculative Decoding With Many Many Words That Goes On And On Beyond Any Reasonable Length';
    const name = pdfFileName({ id: '2401.00001', title, authors: ['Jane Doe'], published: null });
    expect(name).toBe('Doe - 2024 - A Very Long Title About Speculative Decoding With Many Many Words That….pdf');
    expect(new TextEncoder().encode(pdfFileName({ id: '2401.00001', title: '大'.repeat(300), authors: ['李'], published: null })).length).toBeLessThan(255);
    // A character outside the BMP (a math letter) at the cut stays whole.
    const math = pdfFileName({ id: '2401.00001', title: '𝔼'.repeat(100), authors: [], published: null });
    expect(math).toBe(`2024 - ${'𝔼'.repeat(70)}….pdf`);
  });

  test('a paper without a title yet is named by its arXiv id', () => {
    expect(pdfFileName({ id: '2401.00001', title: '', authors: [], published: null })).toBe('2024 - arXiv 2401.00001.pdf');
    expect(pdfFileName({ id: 'hep-th/9901001', title: '  ', authors: [], published: null })).toBe('1999 - arXiv hep-th 9901001.pdf');
  });
});
