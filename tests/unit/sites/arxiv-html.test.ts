// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { arxivHtml } from '../../../src/sites/arxiv-html';
import { arxivAbs } from '../../../src/sites/arxiv-abs';
import { PagePaperSchema } from '../../../src/schema';
import { loadFixture } from './load-fixture';

describe("arXiv's HTML view of a paper", () => {
  test.each([
    ['https://arxiv.org/html/2310.01779', true],
    ['https://arxiv.org/html/2310.01779v3', true],
    ['https://arxiv.org/html/2310.01779v3/', true],
    ['https://arxiv.org/html/2310.01779v3/#S1', true],
    ['https://arxiv.org/html/', false],
    ['https://arxiv.org/html', false],
    ['https://arxiv.org/html/2310.01779v3/x1.png', false],
    ['https://arxiv.org/html/not-an-id', false],
    ['https://arxiv.org/abs/2310.01779v3', false],
    ['https://arxiv.org/pdf/2310.01779v3', false],
    ['https://ar5iv.labs.arxiv.org/html/2310.01779', false],
    ['https://example.org/html/2310.01779', false],
  ])('%s is an HTML view of a paper: %s', (url, expected) => {
    expect(arxivHtml.isPage(new URL(url))).toBe(expected);
  });

  test('is the same site as the abstract page: one switch, one site for seen marks', () => {
    expect(arxivHtml.key).toBe(arxivAbs.key);
  });

  test('reads id, title, authors (without footnotes and affiliations), category and abstract (its formulas as TeX)', async () => {
    const { doc, url } = await loadFixture('arxiv-html-2310.01779v3.html');
    const paper = arxivHtml.extract(doc, url)!;
    expect(arxivHtml.idFromUrl(url)).toBe('2310.01779');
    expect(paper).toMatchObject({
      id: '2310.01779',
      title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models',
      authors: ['Bohan Zhai', 'Shijia Yang', 'Chenfeng Xu', 'Sheng Shen', 'Kurt Keutzer', 'Chunyuan Li', 'Manling Li'],
      primaryCategory: 'cs.CV',
      published: null,
      pdfUrl: 'https://arxiv.org/pdf/2310.01779',
      codeLinks: ['https://github.com/bronyayang/HallE_Control'],
    });
    expect(paper.abstract).toMatch(/^Current Large Vision Language Models \(LVLMs\) achieve/);
    expect(paper.abstract).not.toMatch(/^Abstract/);
    // The MathML is read once, as the TeX LaTeXML keeps beside it (not its glyphs and annotation run together).
    expect(paper.abstract).toContain('compared to LLaVA${}_{7B}$ and maintains');
    expect(paper.abstract).toContain('we introduce CCEval, a GPT-4 assisted');
    expect(PagePaperSchema.safeParse(paper).success).toBe(true);
    expect(arxivHtml.cardAnchor(doc)?.matches('div.ltx_abstract')).toBe(true);
  });

  test('a title that opens with a formula, and authors each in a creator of their own', async () => {
    const { doc, url } = await loadFixture('arxiv-html-2410.24164v1.html');
    const paper = arxivHtml.extract(doc, url)!;
    expect(paper.title).toBe('$\\pi_{0}$: A Vision-Language-Action Flow Model for General Robot Control');
    expect(paper.authors).toEqual(['Kevin Black', 'Noah Brown', 'Danny Driess', 'Adnan Esmail', 'Michael Equi', 'Chelsea Finn']);
    expect(paper).toMatchObject({ id: '2410.24164', primaryCategory: 'cs.LG', codeLinks: [] });
  });

  test('a footnote in the title is not part of it', async () => {
    const { doc, url } = await loadFixture('arxiv-html-2310.01779v3.html');
    doc.querySelector('h1.ltx_title_document')!.insertAdjacentHTML('beforeend', '<span class="ltx_note ltx_role_thanks"><sup class="ltx_note_mark">†</sup><span class="ltx_note_outer"><span class="ltx_note_content">Work done at Microsoft.</span></span></span>');
    expect(arxivHtml.extract(doc, url)!.title).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
  });

  test('affiliation and equal-contribution marks written as math ($^{1}$, $^{*}$) are not part of the names', async () => {
    const { doc, url } = await loadFixture('arxiv-html-2310.01779v3.html');
    const mark = (tex: string, mn: string) => `<math alttext="{}^{${tex}}" class="ltx_Math" display="inline"><semantics><msup><mi></mi><mn>${mn}</mn></msup><annotation encoding="application/x-tex">{}^{${tex}}</annotation></semantics></math>`;
    doc.querySelector('.ltx_authors')!.innerHTML = `<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Bohan Zhai${mark('1,*', '1,*')}, Shijia Yang${mark('2', '2')}<br class="ltx_break">${mark('1', '1')}UC Berkeley</span></span>`;
    expect(arxivHtml.extract(doc, url)!.authors).toEqual(['Bohan Zhai', 'Shijia Yang']);
  });

  test('names set apart by wide spaces (\\quad, ~~) in one personname are several authors', async () => {
    const { doc, url } = await loadFixture('arxiv-html-2310.01779v3.html');
    doc.querySelector('.ltx_authors')!.innerHTML =
      '<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Alice Smith\u2003Bob Jones\u2003\u2003Carol White\u00a0\u00a0Dan Lee<br class="ltx_break">UC Berkeley</span></span>';
    expect(arxivHtml.extract(doc, url)!.authors).toEqual(['Alice Smith', 'Bob Jones', 'Carol White', 'Dan Lee']);
  });

  test('a footnote in the abstract is not part of it, and its code link is still found', async () => {
    const { doc, url } = await loadFixture('arxiv-html-2410.24164v1.html');
    const lastParagraph = [...doc.querySelectorAll('.ltx_abstract p')].pop()!;
    lastParagraph.insertAdjacentHTML(
      'beforeend',
      '<span class="ltx_note ltx_role_footnote"><sup class="ltx_note_mark">1</sup><span class="ltx_note_outer"><span class="ltx_note_content"><sup class="ltx_note_mark">1</sup>Code: <a class="ltx_ref ltx_href" href="https://github.com/example/pi0">github.com/example/pi0</a></span></span></span>',
    );
    const paper = arxivHtml.extract(doc, url)!;
    expect(paper.abstract).not.toMatch(/Code:|github/);
    expect(paper.abstract).toMatch(/[a-z.]$/);
    expect(paper.codeLinks).toEqual(['https://github.com/example/pi0']);
  });

  test('a page without a LaTeXML abstract gives nothing', async () => {
    const { doc, url } = await loadFixture('arxiv-html-not-recognized.html');
    expect(arxivHtml.isPage(url)).toBe(true);
    expect(arxivHtml.extract(doc, url)).toBeNull();
    expect(arxivHtml.cardAnchor(doc)).toBeNull();
  });
});
