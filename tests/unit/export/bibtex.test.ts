import { describe, expect, test } from 'vitest';
import { citationKeys, exportBibtex, parseImport } from '../../../src/export';
import { citationEntry, isCitationStub, legacyCitationKeys } from '../../../src/export/bibtex';
import { planImport } from '../../../src/export/merge';
import { SaveInputSchema } from '../../../src/schema';
import { boundPaper } from '../../../src/sites/page-text';
import { latexToText } from '../../../src/papers/latex';
import { savedItem, hostileItems } from './fixtures';

// BibTeX reads any run of whitespace as one space, so titles and names come back on one line.
const oneLine = (text: string) => text.replace(/[\t\n\v\f\r ]+/g, ' ').trim();
// pdfLaTeX has no glyph for an emoji (it stops at one), so the export leaves emoji out.
const withoutEmoji = (text: string) => text.replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, '');

function entryKeys(bibtex: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const match of bibtex.matchAll(/^@misc\{([^,]+),[\s\S]*?eprint = \{([^}]+)\}/gm)) keys.set(match[2]!, match[1]!);
  return keys;
}

describe('BibTeX export', () => {
  const items = hostileItems(1000);
  const bibtex = exportBibtex(items);

  test('1,000 hostile items parse back to the same ids, titles (math rendered), authors, notes and journal references', () => {
    const parse = parseImport(bibtex, 'papers.bib');
    expect(parse.format).toBe('bibtex');
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map((item) => item.id)).toEqual(items.map((item) => item.id));
    parse.items.forEach((imported, index) => {
      const original = items[index]!;
      // Its math as the card shows it (x², \textsuperscript{2} in the file).
      expect(imported.title).toBe(oneLine(withoutEmoji(original.title)).replaceAll('$x^2$', 'x²'));
      expect(imported.authors ?? []).toEqual(original.authors.map((name) => oneLine(withoutEmoji(name))).filter((name) => name !== ''));
      if (original.notes.trim() !== '') expect(imported.notes).toBe(withoutEmoji(original.notes).replace(/\r\n?/g, '\n'));
      expect(imported.primaryCategory).toBe(original.primaryCategory ?? undefined);
      expect(imported.journalRef).toBe(original.journalRef === null ? undefined : oneLine(original.journalRef));
    });
  });

  test("QA: a title's inline math is written as LaTeX sets it, not printed as its source; a dollar amount stays one", () => {
    const titleOf = (title: string) => /title = \{\{(.*)\}\},/.exec(exportBibtex([savedItem({ title })]))![1];
    expect(titleOf('$\\beta$-diffusion at scale')).toBe('\\ensuremath{\\beta}-diffusion at scale');
    expect(titleOf('$k$NN-LM and $\\infty$-former')).toBe('kNN-LM and \\ensuremath{\\infty}-former');
    expect(titleOf('Scaling $x_1$ to 50%')).toBe('Scaling x\\textsubscript{1} to 50\\%');
    expect(titleOf('Costs $5 and $6')).toBe('Costs \\$5 and \\$6');
    // Review: TeX's escaped dollar is a dollar (it lost one and printed a backslash); display math as inline.
    expect(titleOf('A \\$5 model and a \\$6 one')).toBe('A \\$5 model and a \\$6 one');
    expect(titleOf('$$x^2$$ at scale')).toBe('x² at scale');
  });

  test('every entry is an arXiv @misc and every brace balances', () => {
    // The ✓ of a note is \\checkmark, which the file's @preamble provides.
    const [preamble, ...entries] = bibtex.split(/\n(?=@misc\{)/);
    expect(preamble).toBe('@preamble{"\\providecommand{\\checkmark}{\\surd}"}\n');
    expect(entries).toHaveLength(1000);
    entries.forEach((entry, index) => {
      const item = items[index]!;
      expect(entry).toContain(`eprint = {${item.id}}`);
      expect(entry).toContain('archivePrefix = {arXiv}');
      expect(entry).toContain(`url = {https://arxiv.org/abs/${item.id}}`);
      let depth = 0;
      let lowest = 0;
      for (const ch of entry) {
        if (ch === '{') depth++;
        if (ch === '}') lowest = Math.min(lowest, --depth);
      }
      expect([lowest, depth]).toEqual([0, 0]);
    });
  });

  test('citation keys are unique, ASCII, and the same whatever the export order', () => {
    const keys = entryKeys(bibtex);
    expect(keys.size).toBe(1000);
    expect(new Set(keys.values()).size).toBe(1000);
    for (const key of keys.values()) expect(key).toMatch(/^[a-z0-9_]+$/);
    const reversed = entryKeys(exportBibtex([...items].reverse()));
    expect(reversed).toEqual(keys);
    // A key does not depend on unrelated items: the first item alone keeps its key unless it shared one.
    expect(citationKeys(items)).toEqual(items.map((item) => keys.get(item.id)));
  });

  test('keys read as author, year and first significant title word, with a/b suffixes on collisions', () => {
    const first = savedItem({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], published: '2017-06-12' });
    const second = savedItem({ id: '1706.99999', title: 'Attention, again', authors: ['Álvaro Vaswani'], published: '2017-07-01' });
    const anonymous = savedItem({ id: '2310.01779', title: 'The 深度 Model', authors: [] });
    // Items without a kept key (the store keeps one for every saved paper with details): the
    // suffix goes to the later id; no Latin author names the arXiv id, not a shared `anon`.
    expect(citationKeys([second, first, anonymous])).toEqual(['vaswani2017attentiona', 'vaswani2017attention', 'arxiv2310_01779']);
    // A title opening with a Greek letter (as a title made from LaTeX has it): the letter by its name.
    const pi = savedItem({ id: '2410.24164', title: 'π₀: A Vision-Language-Action Flow Model', authors: ['Kevin Black'], published: '2024-10-31' });
    const tau = savedItem({ id: '2406.12045', title: 'τ-bench: A Benchmark for Tool-Agent-User Interaction', authors: ['Shunyu Yao'], published: '2024-06-17' });
    expect(citationKeys([pi, tau])).toEqual(['black2024pi0', 'yao2024tau']);
    // A title holding TeX is keyed by its text's words, not a command's name; π₀ written in TeX as in Unicode.
    const bigO = savedItem({ id: '2401.00001', title: 'On the $\\mathcal{O}(n)$ Cost of \\textsc{Attention}', authors: ['Ann Smith'], published: '2024-01-02' });
    const piTex = savedItem({ id: '2410.24164', title: '$\\pi_0$: A Vision-Language-Action Flow Model', authors: ['Kevin Black'], published: '2024-10-31' });
    const textsc = savedItem({ id: '2401.00002', title: '\\textsc{Lumos}: Agents', authors: ['Da Yin'], published: '2024-01-02' });
    expect(citationKeys([bigO, piTex, textsc])).toEqual(['smith2024o', 'black2024pi0', 'yin2024lumos']);
    // The keys earlier exports gave them, which the store's upgrade keeps for papers saved then, stay as they were.
    expect(legacyCitationKeys([bigO, textsc])).toEqual(['smith2024mathcal', 'yin2024textsc']);
  });

  test('special characters are escaped for LaTeX and Unicode pdfLaTeX sets is kept; an emoji, which it cannot, is left out', () => {
    const item = savedItem({ title: 'Über 50% of R&D costs $5 #1 a_b ~x ^y {z} \\ 🤖', authors: ['Zoë Ångström', 'Smith, Jr., John', 'Tom and Jerry'] });
    const entry = exportBibtex([item]);
    expect(entry).toContain(
      'title = {{Über 50\\% of R\\&D costs \\$5 \\#1 a\\_b \\textasciitilde{}x \\textasciicircum{}y \\textbraceleft{}z\\textbraceright{} \\textbackslash{}}}',
    );
    expect(entry).toContain('author = {Zo{\\"{e}} {\\r{A}}ngstr{\\"{o}}m and {Smith, Jr., John} and {Tom and Jerry}}');
  });

  test('Japanese, Chinese and Arabic text keeps its own marks (データ, 。、「」, ،), and comes back as it was', () => {
    const item = savedItem({
      title: '日本語ベンチマーク「JGLUE」の構築',
      notes: '読了。ベンチマーク「BLiMP」の結果が重要、第3章を参照。\n注意力机制 — 重要。《论文》\nنموذج، لغوي',
      tags: ['データ', '要再読'],
    });
    const entry = exportBibtex([item]);
    expect(entry).toContain('keywords = {データ, 要再読}');
    const [back] = parseImport(entry).items;
    expect(back).toMatchObject({ title: item.title, notes: item.notes, tags: item.tags });
  });

  test('a field holding a word of Greek (three letters or more) keeps its Greek letters as text, as Cyrillic; elsewhere a Greek letter is math', () => {
    const item = savedItem({ title: 'Η γλώσσα και το μοντέλο: ΟΧΙ σε όλα (русский)', authors: ['Ηλίας Ο. Παπάς', 'Ada Lovelace'], notes: 'β-VAE and αβγ-divergences' });
    const entry = exportBibtex([item]);
    expect(entry).toContain('title = {{Η γλώσσα και το μοντέλο: ΟΧΙ σε όλα (русский)}}');
    expect(entry).toContain('author = {Ηλίας Ο. Παπάς and Ada Lovelace}');
    expect(entry).toContain('\\ensuremath{\\beta}-VAE and \\ensuremath{\\alpha}\\ensuremath{\\beta}\\ensuremath{\\gamma}-divergences');
    const [back] = parseImport(entry).items;
    expect(back).toMatchObject({ title: item.title, authors: item.authors, notes: item.notes });
  });

  test("Greek letters, math symbols and sub- or superscripts (which stop pdfLaTeX, Overleaf's default) are written as LaTeX commands and read back as they were", () => {
    // Titles as the store keeps them once their LaTeX is rendered: `$\pi_0$: …`, `$\beta$-VAE …`.
    const item = savedItem({
      title: 'π₀: Flow Models and β-VAE with ∞ ≤ ℓ₁ → x² Wᵀ, for Łukasz at 20 °C',
      authors: ['Łukasz Kaiser'],
      notes: 'λ ≈ 0.5\nΔ ≥ ε, f∘g ⊕ h′',
      tags: ['β-VAE'],
    });
    const entry = exportBibtex([item]);
    expect(entry).toContain(
      'title = {{\\ensuremath{\\pi}\\textsubscript{0}: Flow Models and \\ensuremath{\\beta}-VAE with \\ensuremath{\\infty} \\ensuremath{\\leq} ' +
        '\\ensuremath{\\ell}\\textsubscript{1} → x² W\\textsuperscript{T}, for Łukasz at 20 °C}}',
    );
    // What pdfLaTeX reads as it is (accented Latin letters, →, ², °) stays UTF-8; no Greek letter or math symbol is left in the title, notes or keywords.
    for (const field of ['title', 'annote', 'keywords']) expect(entry.split('\n').find((line) => line.startsWith(`  ${field} =`))).not.toMatch(/[α-ωΑ-Ω∞≤≥≈ℓ₀-₉ᵀ]/u);
    const [back] = parseImport(entry).items;
    expect(back).toMatchObject({ title: item.title, authors: item.authors, notes: item.notes, tags: item.tags });
  });

  test('math a title renders to (ℝ, ≲, ℏ, ∆, ✓, ᵏ), which stops pdfLaTeX ("Unicode character ℝ not set up"), is written as LaTeX math; commands without amssymb are provided; an emoji is left out', () => {
    const title = `${latexToText('Sharp $\\lesssim$ bounds for $W^\\top x$ in $\\mathbb{R}^d$ with $\\hbar \\mapsto \\otimes$')}: ∆ ✓ ✗ xᵏ 🤗 Transformers`;
    const entry = citationEntry(savedItem({ id: '2401.00001', title, authors: ['Ada Lovelace'] }));
    expect(entry).toContain(
      'title = {{Sharp \\ensuremath{\\lesssim} bounds for W\\textsuperscript{T} x in \\ensuremath{\\mathbb{R}}\\textasciicircum{}d with \\ensuremath{\\hbar} ' +
        '\\ensuremath{\\mapsto} \\ensuremath{\\otimes}: \\ensuremath{\\Delta} \\ensuremath{\\checkmark} \\xmark{} x\\textsuperscript{k} Transformers}}',
    );
    // \\mathbb, \\lesssim and \\checkmark are amssymb's: a document without it would stop at them too.
    expect(entry.split('\n')[0]).toBe(
      '@preamble{"\\providecommand{\\checkmark}{\\surd} \\providecommand{\\lesssim}{\\mathrel{\\stackrel{<}{\\sim}}} ' +
        '\\providecommand{\\mathbb}[1]{\\mathbf{#1}} \\providecommand{\\xmark}{\\ensuremath{\\times}}"}',
    );
    expect(entry).toMatch(/^[\x00-\x7f]*$/);
    expect(citationEntry(savedItem({ title: 'Plain ≤ title' }))).toMatch(/^@misc\{/);
    // A Latin letter with no LaTeX form is its look-alike, not dropped from a name.
    expect(citationEntry(savedItem({ title: 'X', authors: ['Rəşad Əliyev'] }))).toContain('author = {Re{\\c{s}}ad Eliyev}');
    expect(parseImport(entry).items[0]?.title).toBe('Sharp ≲ bounds for Wᵀ x in ℝ^d with ℏ ↦ ⊗: Δ ✓ ✗ xᵏ Transformers');
  });

  test('names starting with a non-ASCII letter (Łukasz, Émile) are written as BibTeX reads them: an upper-case first name, not a "von" particle (natbib printed "Łukasz Kaiser and Gomez"), and read back as written', () => {
    const item = savedItem({
      title: 'Łukasz and Émile keep their letters in a title',
      authors: ['Łukasz Kaiser', 'Émile Borel', 'Øyvind Tafjord', 'Ştefan Zweig', 'Ákos Kádár', 'Đorđe Đorđević', 'Bernhard Schölkopf'],
    });
    const entry = citationEntry(item);
    expect(entry).toContain(
      "author = {{\\L}ukasz Kaiser and {\\'{E}}mile Borel and {\\O}yvind Tafjord and {\\c{S}}tefan Zweig and {\\'{A}}kos K{\\'{a}}d{\\'{a}}r and " +
        '{\\DJ}or{\\dj}e {\\DJ}or{\\dj}evi{\\\'{c}} and Bernhard Sch{\\"{o}}lkopf}',
    );
    expect(entry).toContain('title = {{Łukasz and Émile keep their letters in a title}}');
    expect(parseImport(entry).items[0]).toMatchObject({ title: item.title, authors: item.authors });
  });

  test('a "Jr." or "III" is the name\'s suffix, not its last name: written as BibTeX\'s "Last, Jr., First" (natbib printed "Jr. and Doe"), keyed by the last name, read back', () => {
    const plain = savedItem({ id: '2301.00002', title: 'Suffix without comma', authors: ['Guy L. Steele Jr.', 'Jane Doe'], published: '2023-01-05' });
    const comma = savedItem({ id: '2301.00003', title: 'Suffix with comma', authors: ['Guy L. Steele, Jr.', 'Ludwig van Beethoven III'], published: '2023-01-05' });
    const bibtex = exportBibtex([plain, comma]);
    expect(bibtex).toContain('@misc{steele2023suffix,\n  title = {{Suffix without comma}},\n  author = {Steele, Jr., Guy L. and Jane Doe},');
    expect(bibtex).toContain('@misc{steele2023suffixa,\n  title = {{Suffix with comma}},\n  author = {Steele, Jr., Guy L. and van Beethoven, III, Ludwig},');
    expect(parseImport(bibtex).items.map((item) => item.authors)).toEqual([['Guy L. Steele, Jr.', 'Jane Doe'], ['Guy L. Steele, Jr.', 'Ludwig van Beethoven, III']]);
    // Keys given before (which the store's upgrade keeps for papers saved then) are as they were.
    expect(legacyCitationKeys([plain])).toEqual(['jr2023suffix']);
  });

  test('an author list cut short ("and others", "et al.") stays marked so: Copy BibTeX ends it in "and others", not as the complete list or an author named "et al."', () => {
    const scholar = '@article{v, title={Attention is all you need}, author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others}, eprint={1706.03762}}\n';
    const ris = 'TY  - JOUR\r\nTI  - Attention is all you need\r\nAU  - Vaswani, Ashish\r\nAU  - et al.\r\nUR  - https://arxiv.org/abs/1706.03762\r\nER  - \r\n';
    const csv = 'id,title,authors\r\n1706.03762,Attention is all you need,Ashish Vaswani; et al\r\n';
    const read = [parseImport(scholar, 'scholar.bib'), parseImport(ris, 'x.ris'), parseImport(csv, 'x.csv')].map((parse) => parse.items[0]!.authors);
    expect(read).toEqual([['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'et al.'], ['Ashish Vaswani', 'et al.'], ['Ashish Vaswani', 'et al.']]);
    const cite = (authors: string[]) => citationEntry(savedItem({ id: '1706.03762', title: 'Attention', authors })).split('\n').find((line) => line.includes('author')) ?? '';
    expect(cite(read[0]!)).toBe('  author = {Ashish Vaswani and Noam Shazeer and Niki Parmar and others},');
    expect(cite(['Ashish Vaswani', 'et. al'])).toBe('  author = {Ashish Vaswani and others},');
    expect(cite(['Ashish Vaswani', 'et al.']) + cite(['others', 'Ashish Vaswani'])).toBe('  author = {Ashish Vaswani and others},  author = {{others} and Ashish Vaswani},');
    expect(parseImport(citationEntry(savedItem({ id: '1706.03762', title: 'Attention', authors: read[0]! }))).items[0]!.authors).toEqual(read[0]);
  });

  test('Vietnamese and pinyin letters (which stop pdfLaTeX: "Unicode character ễ not set up") are written as accent commands and read back; a horn, which LaTeX has no command for, leaves the plain letter', () => {
    const item = savedItem({ title: 'Học sâu cho Tiếng Việt', authors: ['Nguyễn Thị Lan', 'Trường Đặng', 'Lǚ Xún'] });
    const entry = exportBibtex([item]);
    expect(entry).toContain('author = {Nguy{\\~{\\^{e}}}n Th{\\d{i}} Lan and Truong {\\DJ}{\\u{\\d{a}}}ng and L{\\v{\\"{u}}} X{\\\'{u}}n}');
    expect(entry).not.toMatch(/[\u0180-\u024F\u1E00-\u1EFF]/u);
    const [back] = parseImport(entry).items;
    expect(back).toMatchObject({ title: 'Học sâu cho Tiếng Việt', authors: ['Nguyễn Thị Lan', 'Truong Đặng', 'Lǚ Xún'] });
  });

  test('year comes from the publication date, else from the arXiv id; unknown fields are left out', () => {
    const dated = exportBibtex([savedItem({ published: '2024-02-29', primaryCategory: 'cs.CV', doi: '10.1/x', journalRef: 'ICLR 2024' })]);
    expect(dated).toMatch(/year = \{2024\},\n {2}month = feb,/);
    expect(dated).toContain('primaryClass = {cs.CV}');
    expect(dated).toContain('doi = {10.1/x}');
    expect(dated).toContain('note = {ICLR 2024}');
    const bare = exportBibtex([savedItem({ id: 'hep-th/9901001', authors: [] })]);
    expect(bare).toMatch(/year = \{1999\},\n {2}month = jan,/);
    expect(bare).not.toMatch(/author|primaryClass|doi|note|keywords|annote/);
  });

  test('an entry without authors has a key (BibTeX\'s styles sort and label by it: "to sort, need author or key"), its title; one with authors has none', () => {
    const bare = exportBibtex([savedItem({ id: '2502.10003', title: 'Scaling 100% of R&D', authors: [] })]);
    expect(bare).toMatch(/^ {2}key = \{Scaling 100\\% of R\\&D\},$/m);
    expect(exportBibtex([savedItem({ id: '2502.10003', authors: ['Jane Doe'] })])).not.toMatch(/^ {2}key =/m);
    // A title BibTeX keeps nothing of (emoji): the id.
    expect(exportBibtex([savedItem({ id: '2502.10004', title: '🤖🚀', authors: [] })])).toMatch(/^ {2}key = \{2502\.10004\},$/m);
    // And its title by its id, rather than an empty one.
    expect(exportBibtex([savedItem({ id: '2502.10004', title: '🤖🚀', authors: ['Jane Doe'] })])).toMatch(/^ {2}title = \{\{arXiv:2502\.10004\}\},$/m);
  });

  test('the submission day is written as biblatex\'s date, agreeing with year and month; a paper known only by its id gets none', () => {
    const dated = exportBibtex([savedItem({ id: '2401.00001', published: '2023-12-29' })]);
    expect(dated).toMatch(/year = \{2023\},\n {2}month = dec,\n {2}date = \{2023-12-29\},/);
    expect(exportBibtex([savedItem({ id: '2401.00001' })])).not.toContain('date =');
  });

  test('exported, imported into an empty list and exported again: the same file, keys included (a paper submitted in December and given a January id keeps its year)', () => {
    const items = [
      savedItem({ id: '2401.00001', title: 'Late in December', authors: ['Ada Lovelace'], published: '2023-12-29' }),
      savedItem({ id: '2402.00002', title: 'Mid February', authors: ['Alan Turing'], published: '2024-02-05' }),
    ];
    const first = exportBibtex(items);
    const imported = parseImport(first, 'papers.bib').items;
    expect(imported.map((item) => item.published)).toEqual(['2023-12-29', '2024-02-05']);
    const again = exportBibtex(planImport([], imported, 5_000).added);
    expect(again).toBe(first);
    expect([...entryKeys(again).values()]).toEqual(['lovelace2023late', 'turing2024mid']);
  });

  test("a large collaboration's 5,000 authors are kept whole: read off the page, saved, cited and imported", () => {
    const authors = Array.from({ length: 5000 }, (_, index) => `Person Author${index + 1}`);
    const page = boundPaper({ id: '2312.11805', title: 'Gemini', abstract: '', authors, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null });
    expect(page.authors).toEqual(authors);
    expect(SaveInputSchema.safeParse({ id: page.id, title: page.title, authors: page.authors }).success).toBe(true);
    const item = savedItem({ id: '2312.11805', title: 'Gemini', authors: page.authors });
    const citation = citationEntry(item);
    expect(citation).toContain(`author = {Person Author1 and Person Author2 and `);
    expect(citation).toContain(` and Person Author5000},`);
    const parse = parseImport(exportBibtex([item]), 'gemini.bib');
    expect(parse.rejected).toEqual([]);
    expect(parse.items[0]!.authors).toEqual(authors);
  });

  test('tags come back as the same tags, one holding a ";" or LaTeX specials included', () => {
    const tags = ['to cite', 'A;B testing', 'x_{1} & 50%', 'plain'];
    const parse = parseImport(exportBibtex([savedItem({ id: '2401.00001', tags })]), 'papers.bib');
    expect(parse.items[0]!.tags).toEqual(tags);
  });

  test("one paper's citation (the card's Copy BibTeX) is its export entry without the reader's tags and notes", () => {
    const item = savedItem({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-06-12', primaryCategory: 'cs.CL', tags: ['to cite'], notes: 'my private notes' });
    const citation = citationEntry(item);
    expect(citation).toBe(exportBibtex([{ ...item, tags: [], notes: '' }]));
    expect(citation).toMatch(/^@misc\{vaswani2017attention,\n {2}title = \{\{Attention Is All You Need\}\},\n {2}author = \{Ashish Vaswani and Noam Shazeer\},/);
    expect(citation).toContain('eprint = {1706.03762}');
    expect(citation).not.toMatch(/keywords|annote|private/);
  });

  test('a citation knowing neither the title (only the id\'s placeholder or a PDF\'s own guess) nor the authors is a stub, not an entry to copy', () => {
    const bare = { id: '2501.12345', title: 'arXiv:2501.12345', authors: [], published: null, primaryCategory: null, doi: null, journalRef: null };
    expect(isCitationStub(bare)).toBe(true);
    expect(isCitationStub({ ...bare, title: '  ' })).toBe(true);
    expect(isCitationStub({ ...bare, title: 'Microsoft Word - draft.docx' }, 'Microsoft Word - draft.docx')).toBe(true);
    expect(isCitationStub({ ...bare, authors: [' '] })).toBe(true);
    // A real title (a snapshot paper's) names the paper; so do authors, whatever the title.
    expect(isCitationStub({ ...bare, title: 'Attention Is All You Need' })).toBe(false);
    expect(isCitationStub({ ...bare, title: 'Attention Is All You Need' }, 'Microsoft Word - draft.docx')).toBe(false);
    expect(isCitationStub({ ...bare, authors: ['Ashish Vaswani'] })).toBe(false);
  });
});

describe('BibTeX import from other tools', () => {
  const file = [
    '% Exported by someone@example.org',
    '@string{ preprint = "arXiv preprint" }',
    '@comment{ ignored {entirely} }',
    '@article{vaswani2017attention,',
    '  title={Attention is all you need},',
    '  author={Vaswani, Ashish and Shazeer, Noam and others},',
    '  journal=preprint # " arXiv:1706.03762",',
    '  year={2017}',
    '}',
    '',
    '@online{zhai2023,',
    '  title = {{HallE-Switch}: Rethinking {\\"U}ber},',
    '  eprinttype = {arxiv}, eprint = {2310.01779v2},',
    '  keywords = {hallucination; vision, llm},',
    '}',
    '@misc(datacite, title = "A {DOI} paper", doi = {10.48550/arXiv.2401.00001})',
    '@inproceedings{pdflink, title = {From a PDF link}, url = {https://arxiv.org/pdf/2402.00002v1}}',
    '@misc{hf, title = {Seen on the Hub}, note = {\\url{https://huggingface.co/papers/2403.00003}}}',
    '@book{noid,',
    '  title = {A Book Without arXiv},',
    '  publisher = {Someone},',
    '}',
    '@misc{badeprint, title = {Bad}, eprint = {2313.01779}, archivePrefix = {arXiv}}',
    '@misc{sentence, title = {In a sentence}, note = {Preprint at arXiv:2404.00004.}}',
    '@misc{bare, title = {Bare eprint}, eprint = {2405.00005v3}}',
    '',
  ].join('\n');

  test('reads eprint, arXiv DOIs, URLs and "arXiv:" references; reports entries without an id by line', () => {
    const parse = parseImport(file);
    expect(parse.format).toBe('bibtex');
    expect(parse.items.map(({ id, title }) => [id, title])).toEqual([
      ['1706.03762', 'Attention is all you need'],
      ['2310.01779', 'HallE-Switch: Rethinking Über'],
      ['2401.00001', 'A DOI paper'],
      ['2402.00002', 'From a PDF link'],
      ['2403.00003', 'Seen on the Hub'],
      ['2404.00004', 'In a sentence'],
      ['2405.00005', 'Bare eprint'],
    ]);
    expect(parse.items[0]!.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'et al.']);
    expect(parse.items[0]!.line).toBe(4);
    expect(parse.items[1]!.tags).toEqual(['hallucination', 'vision', 'llm']);
    expect(parse.items[2]!.doi).toBeUndefined();
    expect(parse.rejected).toEqual([
      { line: 19, reason: 'no arXiv id (eprint, url or note) in @book{noid}' },
      { line: 23, reason: 'eprint "2313.01779" is not a valid arXiv id in @misc{badeprint}' },
    ]);
  });

  test("Semantic Scholar's and DBLP's arXiv entries (journal ArXiv or CoRR, volume abs/ID) are read; keywords once each, ignoring case", () => {
    const parse = parseImport(
      [
        '@Article{Vaswani2017AttentionIA, author = {Ashish Vaswani}, journal = {ArXiv}, title = {Attention is All you Need}, volume = {abs/1706.03762}, year = {2017}}',
        '@article{DBLP:journals/corr/abs-2310-01779, title = {HallE-Switch}, journal = {CoRR}, volume = {abs/2310.01779v2}, keywords = {LLM; llm, Vision}}',
        '@article{other, title = {A journal paper}, journal = {Nature}, volume = {abs/2401.00001}}',
        '',
      ].join('\n'),
    );
    expect(parse.items.map(({ id, title }) => [id, title])).toEqual([
      ['1706.03762', 'Attention is All you Need'],
      ['2310.01779', 'HallE-Switch'],
    ]);
    expect(parse.items[1]!.tags).toEqual(['LLM', 'Vision']);
    expect(parse.rejected).toEqual([{ line: 3, reason: 'no arXiv id (eprint, url or note) in @article{other}' }]);
  });

  test("Zotero's keywords of arXiv papers: arXiv's subjects are not taken as tags, said once for the file; the reader's keywords are", () => {
    const parse = parseImport(
      [
        '@misc{vaswani2017, title = {Attention Is All You Need}, eprint = {1706.03762}, archivePrefix = {arXiv}, keywords = {Computer Science - Computation and Language, Computer Science - Machine Learning, to cite}}',
        '@misc{kingma2014, title = {Adam}, eprint = {1412.6980}, archivePrefix = {arXiv}, keywords = {Computer Science - Machine Learning}}',
        '@misc{plain, title = {Plain}, eprint = {2401.00001}, archivePrefix = {arXiv}, keywords = {Physics of language models}}',
        '',
      ].join('\n'),
    );
    // (An entry whose keywords were all subjects has no tags to give, as one without keywords.)
    expect(parse.items.map((item) => item.tags)).toEqual([['to cite'], undefined, ['Physics of language models']]);
    expect(parse.leftOut).toEqual([{ line: 1, reason: 'arXiv\'s subjects among the keywords of 2 entries ("Computer Science - …", as Zotero adds them) are not taken as tags' }]);
  });

  test("an address or DOI as LaTeX escapes it (Mendeley's \"{\\_}\", a \"\\%\") is read as written", () => {
    const mendeley = ['@inproceedings{He2016,', 'doi = {10.1007/978-3-319-46493-0{\\_}38},', 'title = {{Identity Mappings in Deep Residual Networks}},', 'url = {http://arxiv.org/abs/1603.05027},', 'year = {2016}', '}'].join('\n');
    expect(parseImport(mendeley, 'library.bib').items[0]).toMatchObject({ id: '1603.05027', doi: '10.1007/978-3-319-46493-0_38' });
    const escaped = ['@misc{witten,', 'title = {An Old Paper},', 'url = {https://arxiv.org/abs/hep-th\\%2F9901001},', '}'].join('\n');
    expect(parseImport(escaped, 'library.bib').items.map((item) => item.id)).toEqual(['hep-th/9901001']);
  });

  test('LaTeX text commands (Better BibTeX, JabRef, Zotero with a non-UTF-8 charset) keep their letters and quotes: Don’t, “Adapt”, Đorđević, Þorsson', () => {
    const bib = [
      '@article{dordevic2020dont,',
      '  title = {Don{\\textquoteright}t Stop Pretraining: {\\textquotedblleft}Adapt{\\textquotedblright} Language Models},',
      "  author = {{\\DJ}or{\\dj}evi{\\'c}, Milan and {\\TH}orsson, Gunnar},",
      '  eprint = {2004.10964},',
      '  archiveprefix = {arXiv}',
      '}',
    ].join('\n');
    expect(parseImport(bib, 'library.bib').items[0]).toMatchObject({ title: 'Don’t Stop Pretraining: “Adapt” Language Models', authors: ['Milan Đorđević', 'Gunnar Þorsson'] });
  });

  test("other tools' exports: Zotero BibLaTeX, Zotero's notes, Mendeley, JabRef, Google Scholar, BibDesk, Better BibTeX", () => {
    const parse = parseImport(
      [
        // Zotero BibLaTeX: the primary class after the id.
        '@online{vaswani_attention_2023, title = {Attention Is All You Need}, url = {http://arxiv.org/abs/1706.03762}, eprinttype = {arxiv}, eprint = {1706.03762 [cs]}}',
        // Zotero BibTeX with its notes: each note is an annote of its own.
        '@misc{devlin_bert_2019, url = {http://arxiv.org/abs/1810.04805}, annote = {Comment: 13 pages}, annote = {My notes',
        'Key result: +7.7\\% GLUE.}}',
        // Mendeley: accents as LaTeX in a note of several lines.
        "@article{Radford2019, eprint = {2103.00020}, archivePrefix = {arXiv}, annote = {Main points:",
        '- contrastive pre-training',
        '',
        "see caf{\\'{e}} discussion}}",
        // JabRef keeps notes in comment.
        '@article{jabref, eprint = {2005.14165}, archivePrefix = {arXiv}, comment = {Read for the seminar}}',
        // Google Scholar, an old-style id.
        '@article{villarino2005ramanujan, title={Ramanujan\'s Perimeter of an Ellipse}, journal={arXiv preprint math/0506384}, year={2005}}',
        // BibDesk keeps links in bdsk-url-1; Better BibTeX writes a group as the class.
        '@misc{bibdesk, title = {Linked}, bdsk-url-1 = {https://arxiv.org/abs/2106.09685}, primaryclass = {cs}}',
        // An eprint that is not arXiv's, with the arXiv URL beside it.
        '@misc{zenodo, eprinttype = {arxiv}, eprint = {zenodo.1234}, url = {https://arxiv.org/abs/2307.09288}}',
        '',
      ].join('\n'),
    );
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map((item) => item.id)).toEqual(['1706.03762', '1810.04805', '2103.00020', '2005.14165', 'math/0506384', '2106.09685', '2307.09288']);
    expect(parse.items[1]!.notes).toBe('Comment: 13 pages\n\nMy notes\nKey result: +7.7% GLUE.');
    expect(parse.items[2]!.notes).toBe('Main points:\n- contrastive pre-training\n\nsee café discussion');
    expect(parse.items[3]!.notes).toBe('Read for the seminar');
    expect(parse.items[5]!.primaryCategory).toBeUndefined();
    // Zotero's date is the latest version's: not the arXiv submission date `published` holds.
    const dated = parseImport(
      [
        '@online{a, eprinttype = {arxiv}, eprint = {1706.03762}, date = {2023-08-02}}',
        '@online{b, eprinttype = {arxiv}, eprint = {2310.01779}, date = {2023-10-03}}',
        // Submitted on 30 December, announced (and numbered) in January.
        '@online{c, eprinttype = {arxiv}, eprint = {2301.00001}, date = {2022-12-30}}',
      ].join('\n'),
    );
    expect(dated.items.map((item) => item.published)).toEqual([undefined, '2023-10-03', '2022-12-30']);
    // Keywords longer than a tag may be are shortened, and past 100 left out: the paper is not refused for them.
    const long = parseImport(`@misc{e, eprint = {2401.00002}, keywords = {${'x'.repeat(150)}, ${Array.from({ length: 120 }, (_, k) => `k${k}`).join(', ')}}}\n`);
    expect(long.rejected).toEqual([]);
    expect(long.items[0]!.tags).toHaveLength(100);
    expect(long.items[0]!.tags![0]).toBe(`${'x'.repeat(99)}…`);
    // The same note as annote and annotation is kept once.
    expect(parseImport('@misc{d, eprint = {2401.00001}, annote = {My note}, annotation = {My note}}\n').items[0]!.notes).toBe('My note');
    // Nothing names an arXiv paper: the eprint is what is wrong.
    expect(parseImport('@misc{x, eprinttype = {arxiv}, eprint = {zenodo.1234}}\n').rejected[0]!.reason).toBe('eprint "zenodo.1234" is not a valid arXiv id in @misc{x}');
  });

  test('a DOI written as a resolver URL is kept bare; arXiv\'s own DOI, in any form, is not kept', () => {
    const parse = parseImport(
      [
        '@article{a, title = {A}, eprint = {1810.04805}, archivePrefix = {arXiv}, doi = {https://doi.org/10.18653/v1/N19-1423}}',
        '@article{b, title = {B}, eprint = {1706.03762}, archivePrefix = {arXiv}, doi = {https://doi.org/10.48550/arXiv.1706.03762}}',
      ].join('\n'),
    );
    expect(parse.items.map((item) => [item.id, item.doi])).toEqual([
      ['1810.04805', '10.18653/v1/N19-1423'],
      ['1706.03762', undefined],
    ]);
  });

  test('an author field with a long run of spaces or tabs is read at once', () => {
    const started = performance.now();
    const parse = parseImport(`@misc{a, eprint = {2401.00001}, author = {Doe, Jane and Roe${'\t'.repeat(100_000)}andy and {Team} and Smith, Bob}}\n`);
    expect(parse.items.map((item) => item.authors)).toEqual([['Jane Doe', 'Roe andy', 'Team', 'Bob Smith']]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a line of 150,000 "@" (no entry) is read at once; a commented-out entry is still left out', () => {
    const text = `@misc{a, eprint = {2401.00001}}\n${'@'.repeat(150_000)}\n  % @misc{b, eprint = {2401.00002}}\n@misc{c, eprint = {2401.00003}}\n`;
    const started = performance.now();
    expect(parseImport(text, 'papers.bib').items.map((item) => item.id)).toEqual(['2401.00001', '2401.00003']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a field commented out with "%" inside an entry (as a hand-kept .bib does) is left out, and the entry is read; a "%" inside a value is text', () => {
    const text = [
      '@article{vaswani2017,',
      '  title = {Attention Is All You Need: 50% fewer {FLOPs}}, % as the venue printed it',
      '  % url = {https://example.org/draft},',
      '  eprint = {1706.03762},',
      '  %archivePrefix = {hal},',
      '  archivePrefix = {arXiv},',
      '}',
      '',
    ].join('\n');
    const parse = parseImport(text, 'refs.bib');
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map((item) => [item.id, item.title])).toEqual([['1706.03762', 'Attention Is All You Need: 50% fewer FLOPs']]);
  });

  test("a field whose name opens with '_' (JabRef's __markedentry on an entry marked in it) is read as any other, not a malformed entry", () => {
    const text = ['@article{vaswani2017,', '  __markedentry = {[alice:6]},', '  title = {Attention Is All You Need},', '  eprint = {1706.03762},', '  archivePrefix = {arXiv},', '}', ''].join('\n');
    const parse = parseImport(text, 'refs.bib');
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map((item) => [item.id, item.title])).toEqual([['1706.03762', 'Attention Is All You Need']]);
  });

  test('a malformed entry is reported and the entries after it are still read', () => {
    const parse = parseImport('@misc{a, title {x}, eprint={2310.01779}, archivePrefix={arXiv}}\n@misc{b, eprint={1706.03762}, archivePrefix={arXiv}}\n');
    expect(parse.items.map((item) => item.id)).toEqual(['1706.03762']);
    expect(parse.rejected).toEqual([{ line: 1, reason: 'malformed @misc entry: expected "=" after field "title" at line 1' }]);
  });
});
