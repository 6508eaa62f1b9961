import { describe, expect, test } from 'vitest';
import { exportRis, parseImport } from '../../../src/export';
import { savedItem } from './fixtures';

describe('RIS import: what other tools and our own export write', () => {
  test('a bare arXiv id in the accession number or a misc field (no "arXiv:", no URL) names the paper; a page count there does not', () => {
    const text = [
      'TY  - JOUR', 'TI  - Attention Is All You Need', 'AN  - 1706.03762v7', 'ER  - ',
      'TY  - JOUR', 'TI  - BERT', 'M1  - 1810.04805', 'ER  - ',
      'TY  - JOUR', 'TI  - A journal paper', 'M1  - 12', 'AN  - 2019-12345', 'ER  - ', '',
    ].join('\n');
    const parse = parseImport(text, 'endnote.ris');
    expect(parse.items.map((item) => item.id)).toEqual(['1706.03762', '1810.04805']);
    expect(parse.rejected).toEqual([{ line: 9, reason: 'no arXiv id (UR, DO or a note) in the record at line 9 ("A journal paper")' }]);
  });

  test('a Zotero .ris file whose note holds a pasted BibTeX entry is read as RIS', () => {
    const text = [
      'TY  - PREP',
      'TI  - Attention Is All You Need',
      'AU  - Vaswani, Ashish',
      'UR  - http://arxiv.org/abs/1706.03762',
      'N1  - Cite as:',
      '@misc{vaswani2017attention,',
      '  title={Attention Is All You Need},',
      '}',
      'ER  - ',
      '',
    ].join('\r\n');
    const parse = parseImport(text, 'My Library.ris');
    expect(parse.format).toBe('ris');
    expect(parse.items.map((item) => item.id)).toEqual(['1706.03762']);
  });

  test('a Zotero note with 90,000 "<" after its HTML is read at once', () => {
    const text = ['TY  - JOUR', 'T1  - BERT', 'UR  - https://arxiv.org/abs/1810.04805', `N1  - <p>Long</p>${'<'.repeat(90_000)}`, 'ER  - ', ''].join('\n');
    const started = performance.now();
    const parse = parseImport(text, 'zotero.ris');
    expect(parse.items.map((item) => item.id)).toEqual(['1810.04805']);
    expect(parse.items[0]!.notes).toMatch(/^Long\n<<</);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a field with a link of 90,000 dots before the link naming the paper is read at once', () => {
    const text = ['TY  - JOUR', 'T1  - HallE', `JO  - arxiv.org/${'.'.repeat(90_000)}a then https://arxiv.org/abs/2310.01779`, 'ER  - ', ''].join('\n');
    const started = performance.now();
    expect(parseImport(text, 'zotero.ris').items.map((item) => item.id)).toEqual(['2310.01779']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("a plain-text note (EndNote, Mendeley, our own export) keeps its <angle-bracket> tokens", () => {
    const text = ['TY  - JOUR', 'T1  - BERT', 'UR  - https://arxiv.org/abs/1810.04805', 'N1  - Replaces 15% of tokens with <mask>; compare with the <eos> handling in T5', 'ER  - ', ''].join('\n');
    expect(parseImport(text, 'endnote.txt').items[0]?.notes).toBe('Replaces 15% of tokens with <mask>; compare with the <eos> handling in T5');
  });

  test('our own RIS export reads back a note with a model token', () => {
    const item = savedItem({ id: '1810.04805', title: 'BERT', notes: 'pads with <pad> and masks with <mask>' });
    expect(parseImport(exportRis([item])).items[0]?.notes).toBe('pads with <pad> and masks with <mask>');
  });

  test('our own RIS export reads back a tag with a semicolon as one tag', () => {
    const item = savedItem({ id: '1810.04805', title: 'BERT', tags: ['reading group; week 3', 'nlp'] });
    expect(parseImport(exportRis([item])).items[0]?.tags).toEqual(['reading group; week 3', 'nlp']);
  });

  test("a reader's note naming another paper's arXiv id is kept (only Zotero's note restating this paper's id is dropped)", () => {
    const text = ['TY  - PREP', 'TI  - Attention Is All You Need', 'UR  - http://arxiv.org/abs/1706.03762', 'N1  - arXiv:1706.03762 [cs]', 'N1  - arXiv:2005.14165', 'ER  - ', ''].join('\n');
    expect(parseImport(text, 'zotero.ris').items[0]?.notes).toBe('arXiv:2005.14165');
  });

  test("arXiv's DOI written as a URL (EndNote, ReadCube) is not kept as the paper's DOI; another DOI is kept without the resolver", () => {
    const text = [
      'TY  - JOUR', 'T1  - One', 'UR  - https://arxiv.org/abs/1706.03762', 'DO  - https://doi.org/10.48550/arXiv.1706.03762', 'ER  - ',
      'TY  - JOUR', 'T1  - Two', 'UR  - https://arxiv.org/abs/1810.04805', 'DO  - https://doi.org/10.18653/v1/N19-1423', 'ER  - ', '',
    ].join('\n');
    const [one, two] = parseImport(text, 'endnote.ris').items;
    expect(one?.doi).toBeUndefined();
    expect(two?.doi).toBe('10.18653/v1/N19-1423');
  });

  test('the submission date is found in whichever date tag holds a whole one', () => {
    const text = ['TY  - JOUR', 'T1  - Attention', 'UR  - https://arxiv.org/abs/1706.03762', 'DA  - 2017', 'Y1  - 2017/06/12/', 'ER  - ', ''].join('\n');
    expect(parseImport(text, 'endnote.ris').items[0]?.published).toBe('2017-06-12');
  });

  test("a reader's note citing another arXiv paper does not make a journal article that paper; a note that is only the paper's id still names it", () => {
    const nature = ['TY  - JOUR', 'TI  - Deep learning', 'AU  - LeCun, Yann', 'T2  - Nature', 'DO  - 10.1038/nature14539', 'UR  - https://www.nature.com/articles/nature14539', 'N1  - <p>Compare with LoRA, arXiv:2106.09685</p>', 'ER  - ', ''];
    const parse = parseImport(nature.join('\r\n'), 'zotero.ris');
    // Imported, it was LoRA (2106.09685) titled "Deep learning", with Nature's DOI and journal.
    expect(parse.items).toEqual([]);
    expect(parse.rejected).toHaveLength(1);
    const preprint = ['TY  - PREP', 'TI  - Attention Is All You Need', 'N1  - <p>arXiv: 1706.03762 [cs]</p>', 'ER  - ', ''];
    expect(parseImport(preprint.join('\r\n'), 'zotero.ris').items.map((item) => item.id)).toEqual(['1706.03762']);
  });
});
