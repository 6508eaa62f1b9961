import { describe, expect, test } from 'vitest';
import { exportRis, parseImport, planImport } from '../../../src/export';
import { savedItem } from './fixtures';

// As Zotero 7 exports an arXiv preprint (one note of its own, one written by the reader).
const ZOTERO = [
  'TY  - PREP',
  'TI  - Attention Is All You Need',
  'AU  - Vaswani, Ashish',
  'AU  - Shazeer, Noam',
  'AB  - The dominant sequence transduction models are based on complex recurrent networks.',
  'DA  - 2017/06/12/',
  'PY  - 2017',
  'DO  - 10.48550/arXiv.1706.03762',
  'DP  - arXiv.org',
  'PB  - arXiv',
  'ST  - Attention Is All You Need',
  'UR  - http://arxiv.org/abs/1706.03762',
  'Y2  - 2024/05/01/19:10:02',
  'KW  - Computer Science - Computation and Language',
  'KW  - transformers',
  'N1  - arXiv:1706.03762 [cs]',
  'N1  - <p>Comment: 15 pages, 5 figures</p>',
  'N1  - <p>Read with the group &amp; compare to <b>ConvS2S</b>.</p><p>Section 3.2 matters.</p>',
  'ER  - ',
  '',
  'TY  - JOUR',
  'TI  - A journal paper with no arXiv version',
  'AU  - Doe, Jane',
  'DO  - 10.1000/xyz123',
  'ER  - ',
  '',
].join('\r\n');

describe('RIS import', () => {
  test("a Zotero export: the arXiv paper with its title, authors, date, keywords and the reader's notes; the rest reported", () => {
    const parse = parseImport(ZOTERO, 'My Library.ris');
    expect(parse.format).toBe('ris');
    expect(parse.items).toEqual([
      {
        id: '1706.03762',
        line: 1,
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        // Not arXiv's subject Zotero adds to the keywords (QA: a library's filled the tag filter).
        tags: ['transformers'],
        notes: 'Comment: 15 pages, 5 figures\n\nRead with the group & compare to ConvS2S.\nSection 3.2 matters.',
        published: '2017-06-12',
        // Its TL;DR from its abstract (AB).
        tldr: 'The dominant sequence transduction models are based on complex recurrent networks.',
        tldrFromAbstract: true,
      },
    ]);
    expect(parse.rejected).toEqual([{ line: 21, reason: 'no arXiv id (UR, DO or a note) in the record at line 21 ("A journal paper with no arXiv version")' }]);
    expect(parse.leftOut).toEqual([{ line: 1, reason: 'arXiv\'s subjects among the keywords of 1 entry ("Computer Science - …", as Zotero adds them) are not taken as tags' }]);
  });

  test("a title of an arXiv paper written with arXiv's TeX, as Zotero writes it, comes in readable, as a BibTeX import reads it", () => {
    const record = ['TY  - PREP', 'TI  - $\\beta$-VAE: Learning Basic Visual Concepts with $\\mathcal{O}(n)$ Constraints', 'UR  - http://arxiv.org/abs/2410.00001', 'ER  - ', ''].join('\r\n');
    expect(parseImport(record, 'My Library.ris').items[0]?.title).toBe('β-VAE: Learning Basic Visual Concepts with O(n) Constraints');
  });

  test('our own RIS export of titles holding a backslash or $ that are no TeX reads them back as written', () => {
    const titles = ['Matching \\d+ and \\w+: Regular Expressions', 'Escaping \\n in Tokenizers', 'Training for $5 and $10 on ~1 GPU'];
    const items = titles.map((title, index) => savedItem({ id: `2502.1000${index}`, title }));
    expect(parseImport(exportRis(items), 'list.ris').items.map((item) => item.title)).toEqual(titles);
  });

  test('is told apart by its content, without the file name', () => {
    expect(parseImport(ZOTERO).format).toBe('ris');
  });

  test('our own RIS export reads back: title, authors, date, tags, journal reference and multi-line notes', () => {
    const item = savedItem({
      id: '2310.01779',
      title: 'HallE-Control',
      authors: ['Bohan Zhai', 'Shijia Yang'],
      published: '2023-10-03',
      tags: ['hallucination', 'vision-language'],
      notes: 'First line\nER  - looks like a tag line\n\nlast paragraph',
      journalRef: 'EMNLP 2023',
      doi: '10.1000/halle',
    });
    const [back] = parseImport(exportRis([item])).items;
    expect(back).toMatchObject({
      id: '2310.01779',
      title: 'HallE-Control',
      authors: ['Bohan Zhai', 'Shijia Yang'],
      published: '2023-10-03',
      tags: ['hallucination', 'vision-language'],
      journalRef: 'EMNLP 2023',
      doi: '10.1000/halle',
      notes: 'First line\nER  - looks like a tag line\n\nlast paragraph',
    });
    // Imported into a list that already has it, nothing the reader wrote is lost.
    const plan = planImport([item], [back!], Date.UTC(2025, 0, 1));
    expect(plan.added).toEqual([]);
  });

  test('a note holding what looks like HTML ("<i>", "<code>", a script) comes back as written, and Zotero reads it as text', () => {
    const notes = ['Eq. 3 uses <i> and <j> as indices; see <code>attn.py</code>.', '<img src=x onerror=alert(1)> <b>bold?</b> <script>alert(2)</script> & &amp; done\n\nSecond  paragraph,\nits second line.'];
    for (const note of notes) {
      const file = exportRis([savedItem({ id: '2310.01779', notes: note })]);
      expect(parseImport(file).items[0]?.notes, note).toBe(note);
      // As Zotero's RIS translator takes a note: HTML, its text escaped (no tag of the reader's).
      expect(file).not.toContain('<i>');
    }
    // A note with no such tag is written as it is, for readers that show N1 as text.
    expect(exportRis([savedItem({ id: '2310.01779', notes: 'x < y and <mask> tokens' })])).toContain('N1  - x < y and <mask> tokens');
  });

  test("a note's paragraphs come back apart; blank lines elsewhere (between fields, before ER, between records) add nothing", () => {
    const item = savedItem({ id: '2310.01779', tags: ['vision'], notes: 'Para one.\n\nPara two,\nits second line.\n\n\nPara three.' });
    expect(parseImport(exportRis([item])).items[0]?.notes).toBe('Para one.\n\nPara two,\nits second line.\n\n\nPara three.');
    const spaced = ['TY  - JOUR', '', 'TI  - Spaced', '', 'KW  - vision', '', 'N1  - A note.', '', 'UR  - https://arxiv.org/abs/2310.01779', 'AB  - An abstract.', '', 'ER  - ', '', ''].join('\r\n');
    expect(parseImport(spaced).items[0]).toMatchObject({ title: 'Spaced', tags: ['vision'], notes: 'A note.' });
  });

  test("our export's ID line (a kept cite key, as JabRef writes one) comes back as the key; another tool's record id there is no key", () => {
    const ours = exportRis([savedItem({ id: '2310.01779', citeKey: 'lecun2024383' }), savedItem({ id: '1706.03762' })]);
    expect(ours).toContain('ID  - lecun2024383\r\n');
    expect(parseImport(ours, 'list.ris').items.map((item) => [item.id, item.citeKey])).toEqual([['2310.01779', 'lecun2024383'], ['1706.03762', undefined]]);
    const record = (id: string, arxivId: string) => ['TY  - JOUR', `ID  - ${id}`, 'TI  - One', `UR  - https://arxiv.org/abs/${arxivId}`, 'ER  - ', ''].join('\n');
    // Review: other tools' record ids (EndNote's number, a GUID, an accession number, a DOI) would be the paper's key for good.
    const others = ['123', '6d3a2f5b-3c1e-4f3a-9b0a-1a2b3c4d5e6f', 'd3a2f5b1-3c1e-4f3a-9b0a-1a2b3c4d5e6f', 'WOS:000455291400001', 'citeulike:14259453', '10.48550/arXiv.1706.03762'];
    const file = [...others.map((id, index) => record(id, `2402.1804${index}`)), record('Vaswani2017', '1706.03762')].join('\n');
    expect(parseImport(file, 'library.ris').items.map((item) => item.citeKey)).toEqual([...others.map(() => undefined), 'Vaswani2017']);
  });

  test('a record without ER still counts; a bad arXiv reference is said', () => {
    const text = ['TY  - GEN', 'TI  - One', 'UR  - https://arxiv.org/abs/2402.18041', 'TY  - GEN', 'TI  - Two', 'UR  - https://arxiv.org/abs/9999.9', ''].join('\n');
    const parse = parseImport(text);
    expect(parse.items.map((item) => [item.id, item.title])).toEqual([['2402.18041', 'One']]);
    expect(parse.rejected).toEqual([{ line: 4, reason: '"https://arxiv.org/abs/9999.9" is not a valid arXiv id or URL in the record at line 4 ("Two")' }]);
  });

  test('a .ris file with no record is refused with the reason', () => {
    expect(() => parseImport('nothing here\n', 'empty.ris')).toThrow('no RIS records found: the file has no "TY  - " line');
  });
});
