import { describe, expect, test } from 'vitest';
import { parseImport, parseImportInSteps, planImport } from '../../../src/export';
import { wantsArxivPage } from '../../../src/db/feed';
import { MAX_ABSTRACT } from '../../../src/papers/bounds';
import { summarize } from '../../../src/summarize';
import { savedItem } from './fixtures';
import { zoteroLibraryOfAbstracts } from '../../../bench/tldr-data';

// A reference manager keeps each paper's abstract: the imported paper's TL;DR is the one its card
// would pick from that abstract, so the list shows it at once and arXiv is not asked for its page.

const ABSTRACT =
  'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks that include an encoder and a decoder. ' +
  'We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely. ' +
  'Experiments on two machine translation tasks show these models to be superior in quality while being more parallelizable and requiring significantly less time to train.';
const TITLE = 'Attention Is All You Need';
/** What the card shows for this paper's page. */
const CARD_TLDR = summarize(TITLE, ABSTRACT).tldr;

const zoteroBib = (abstract: string, id = '1706.03762') => String.raw`
@misc{vaswani_attention_2023,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/${id}},
	doi = {10.48550/arXiv.${id}},
	abstract = {${abstract}},
	author = {Vaswani, Ashish and Shazeer, Noam},
	note = {arXiv:${id} [cs]},
}
`;

describe("an imported paper's abstract becomes its TL;DR", () => {
  test('Zotero and Mendeley BibTeX: the TL;DR the card would pick, the abstract\'s LaTeX read as text', () => {
    expect(CARD_TLDR).toMatch(/Transformer/);
    expect(parseImport(zoteroBib(ABSTRACT), 'My Library.bib').items[0]).toMatchObject({ id: '1706.03762', tldr: CARD_TLDR });
    // Mendeley writes the abstract unbraced, over lines; LaTeX escapes and math as in a title.
    const mendeley = `@article{Kingma2013,\narchivePrefix = {arXiv},\narxivId = {1312.6114},\nabstract = {We introduce a stochastic variational\ninference algorithm for {\\"{u}}ber-large data. It reaches 50\\% of $\\alpha$-bounds.},\nauthor = {Kingma, Diederik P and Welling, Max},\ntitle = {{Auto-Encoding Variational Bayes}},\n}\n`;
    const [item] = parseImport(mendeley, 'library.bib').items;
    expect(item!.tldr).toBe(summarize('Auto-Encoding Variational Bayes', 'We introduce a stochastic variational inference algorithm for über-large data. It reaches 50% of α-bounds.').tldr);
    expect(item!.tldr).not.toMatch(/[\\{}$]/);
  });

  test('RIS: AB (Zotero, Mendeley) and N2 (EndNote), continued over lines', () => {
    const wrap = ABSTRACT.indexOf(' ', 150);
    const ris = (tag: string) => ['TY  - PREP', `TI  - ${TITLE}`, 'AU  - Vaswani, Ashish', `${tag}  - ${ABSTRACT.slice(0, wrap)}`, ABSTRACT.slice(wrap + 1), 'UR  - http://arxiv.org/abs/1706.03762', 'ER  - ', ''].join('\r\n');
    expect(parseImport(ris('AB'), 'Exported Items.ris').items[0]!.tldr).toBe(CARD_TLDR);
    expect(parseImport(ris('N2'), 'endnote.ris').items[0]!.tldr).toBe(CARD_TLDR);
  });

  test('CSV: Zotero\'s "Abstract Note", a spreadsheet\'s "Abstract"; a TL;DR column is kept as it is', () => {
    const quoted = (cells: string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',');
    const zotero = [quoted(['Key', 'Item Type', 'Author', 'Title', 'Url', 'Abstract Note']), quoted(['ABCD1234', 'preprint', 'Vaswani, Ashish', TITLE, 'http://arxiv.org/abs/1706.03762', ABSTRACT])].join('\r\n');
    expect(parseImport(zotero, 'Exported Items.csv').items[0]).toMatchObject({ authors: ['Ashish Vaswani'], tldr: CARD_TLDR });
    const sheet = [quoted(['arXiv ID', 'Title', 'Abstract']), quoted(['1706.03762', TITLE, ABSTRACT])].join('\n');
    expect(parseImport(sheet, 'papers.csv').items[0]!.tldr).toBe(CARD_TLDR);
    const withTldr = [quoted(['id', 'title', 'tldr', 'abstract']), quoted(['1706.03762', TITLE, 'My own summary.', ABSTRACT])].join('\n');
    expect(parseImport(withTldr, 'papers.csv').items[0]!.tldr).toBe('My own summary.');
  });

  test('markup an abstract carries from where it was taken (Crossref JATS, HTML) is not shown', () => {
    const ris = ['TY  - JOUR', `TI  - ${TITLE}`, `AB  - <jats:p>We show that <i>attention</i> alone suffices when n &lt; 512 &amp; d &gt; 64.</jats:p>`, 'UR  - https://arxiv.org/abs/1706.03762', 'ER  - '].join('\n');
    expect(parseImport(ris, 'crossref.ris').items[0]!.tldr).toBe('We show that attention alone suffices when n < 512 & d > 64.');
    const csv = `arXiv ID,Abstract\n1706.03762,"<p>Background.</p><p>We split H<sub>2</sub>O with <i>attention</i>, a <jats:italic>new</jats:italic> method.</p>"\n`;
    expect(parseImport(csv, 'papers.csv').items[0]!.tldr).toBe('We split H2O with attention, a new method.');
    // A "<" that is a comparison stays.
    const plain = ['TY  - JOUR', `TI  - ${TITLE}`, 'AB  - We prove that the error is O(n) for n<k and k>2 in all cases.', 'UR  - https://arxiv.org/abs/1706.03762', 'ER  - '].join('\n');
    expect(parseImport(plain, 'plain.ris').items[0]!.tldr).toBe('We prove that the error is O(n) for n<k and k>2 in all cases.');
  });

  test(`an abstract past ${MAX_ABSTRACT.toLocaleString('en')} characters is left out (and said); the paper is imported without it`, () => {
    const parse = parseImport(zoteroBib('We study noise. '.repeat(Math.ceil((MAX_ABSTRACT + 1) / 16))), 'big.bib');
    expect(parse.items).toHaveLength(1);
    expect(parse.items[0]!.tldr).toBeUndefined();
    expect(parse.leftOut).toEqual([{ line: 2, reason: expect.stringMatching(/^the abstract is 20,0\d\d characters long \(at most 20,000\): left out of @misc\{vaswani_attention_2023\}$/) }]);
    // At the bound it is read.
    expect(parseImport(zoteroBib(`We study noise. ${'x'.repeat(MAX_ABSTRACT - 16)}`), 'big.bib').items[0]!.tldr).toMatch(/^We study noise/);
  });

  test('papers imported with their abstract and authors do not ask arXiv for their page; one without an abstract still does', () => {
    const bib = zoteroBib(ABSTRACT) + zoteroBib('', '2310.01779');
    const plan = planImport([], parseImport(bib, 'My Library.bib').items, Date.UTC(2026, 0, 1));
    expect(plan.added.map((item) => [item.id, item.tldr === CARD_TLDR, wantsArxivPage(item)])).toEqual([
      ['1706.03762', true, false],
      ['2310.01779', false, true],
    ]);
  });

  test('a paper already listed keeps its TL;DR; one listed without a TL;DR gets the abstract\'s', () => {
    const listed = [savedItem({ id: '1706.03762', title: TITLE, tldr: 'Attention alone is enough.' }), savedItem({ id: '2310.01779', tldr: '' })];
    const bib = zoteroBib(ABSTRACT) + zoteroBib(ABSTRACT, '2310.01779');
    const plan = planImport(listed, parseImport(bib, 'My Library.bib').items, Date.UTC(2026, 0, 1));
    expect(plan.updated.map((item) => [item.id, item.tldr])).toEqual([['2310.01779', summarize(TITLE, ABSTRACT).tldr]]);
    expect(plan.unchanged).toBe(1);
  });

  test("a library of thousands of abstracts is summarised in steps the page runs between, and gives parseImport's TL;DRs", async () => {
    // 1,238 SciTLDR abstracts (about 0.5 ms each to summarise): the page would freeze for over half a second.
    const library = zoteroLibraryOfAbstracts(1238);
    let pageTasks = 0;
    let running = true;
    const otherTask = () => {
      pageTasks++;
      if (running) setTimeout(otherTask, 0);
    };
    setTimeout(otherTask, 0);
    const heard: [done: number, total: number, pageTasks: number][] = [];
    const parse = await parseImportInSteps(library, 'My Library.bib', (done, total) => heard.push([done, total, pageTasks]));
    running = false;
    expect(parse).toEqual(parseImport(library, 'My Library.bib'));
    expect(parse.items.filter((item) => item.tldr)).toHaveLength(1238);
    expect(heard.length).toBeGreaterThan(3);
    heard.forEach(([done, total, tasks], k) => {
      expect(total).toBe(1238);
      if (k === 0) return;
      // Each step goes further, after the page's other tasks have run.
      expect(done).toBeGreaterThan(heard[k - 1]![0]);
      expect(tasks).toBeGreaterThan(heard[k - 1]![2]);
    });
    // Two summaries of 1,238 abstracts (about 1.5 s idle): a busy machine takes longer, which is not what is tested.
  }, 30_000);
});

describe('a TL;DR picked from an imported abstract fills, never replaces', () => {
  test('a Zotero CSV edited after the paper was listed ("Date Modified" newer): the listed TL;DR stays; its other fields are the newer', () => {
    const quoted = (cells: string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',');
    const zotero = [
      quoted(['Key', 'Item Type', 'Author', 'Title', 'Url', 'Abstract Note', 'Date Modified']),
      quoted(['ABCD1234', 'preprint', 'Vaswani, Ashish', TITLE, 'http://arxiv.org/abs/1706.03762', ABSTRACT, '2026-02-01 10:00:00']),
      quoted(['EFGH5678', 'preprint', 'Doe, Jane', 'Second Paper', 'http://arxiv.org/abs/2310.01779', ABSTRACT, '2026-02-01 10:00:00']),
    ].join('\r\n');
    const listed = [
      savedItem({ id: '1706.03762', title: TITLE, tldr: 'Attention alone is enough.', updatedAt: Date.UTC(2026, 0, 1) }),
      savedItem({ id: '2310.01779', title: 'Second Paper', tldr: '', updatedAt: Date.UTC(2026, 0, 1) }),
    ];
    const parse = parseImport(zotero, 'Exported Items.csv');
    expect(parse.items.map((item) => item.updatedAt)).toEqual([Date.UTC(2026, 1, 1, 10), Date.UTC(2026, 1, 1, 10)]);
    const plan = planImport(listed, parse.items, Date.UTC(2026, 2, 1));
    expect(plan.updated.map((item) => [item.id, item.tldr, item.authors])).toEqual([
      ['1706.03762', 'Attention alone is enough.', ['Ashish Vaswani']],
      ['2310.01779', CARD_TLDR, ['Jane Doe']],
    ]);
  });
});
