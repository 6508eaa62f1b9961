// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { arxivAbs } from '../../../src/sites/arxiv-abs';
import { PagePaperSchema } from '../../../src/schema';
import { loadFixture } from './load-fixture';
import { typesetLikeMathJax2, typesetLikeMathJax3 } from './mathjax';

describe('arXiv abstract pages', () => {
  test.each([
    ['https://arxiv.org/abs/2310.01779', true],
    ['https://arxiv.org/abs/2310.01779v3', true],
    ['https://arxiv.org/abs/hep-th/9901001', true],
    ['https://arxiv.org/abs/hep-th/9901001v2', true],
    ['https://arxiv.org/pdf/2310.01779', false],
    ['https://arxiv.org/list/cs.CL/new', false],
    ['https://arxiv.org/abs/', false],
    ['https://arxiv.org/abs/2310.01779%', false],
    ['https://example.org/abs/2310.01779', false],
  ])('%s is an abstract page: %s', (url, expected) => {
    expect(arxivAbs.isPage(new URL(url))).toBe(expected);
  });

  test('extracts id, title, authors and abstract from the fixture (retitled paper)', async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    const paper = arxivAbs.extract(doc, url)!;
    expect(paper.id).toBe('2310.01779');
    expect(paper.title).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    expect(paper.authors.slice(0, 2)).toEqual(['Bohan Zhai', 'Shijia Yang']);
    expect(paper.abstract).toMatch(/^Current Large Vision Language Models/);
    expect(paper.abstract).not.toContain('Abstract:');
    expect(arxivAbs.cardAnchor(doc)?.matches('blockquote.abstract')).toBe(true);
    expect(paper).toMatchObject({ published: '2023-10-03', primaryCategory: 'cs.CV', pdfUrl: 'https://arxiv.org/pdf/2310.01779', doi: null });
  });

  test("reads the code links the page links to: the abstract's \"this https URL\" and the comments; other links are not code", async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    expect(arxivAbs.extract(doc, url)!.codeLinks).toEqual(['https://github.com/bronyayang/HallE_Control']);
    const abstract = doc.querySelector('blockquote.abstract')!;
    for (const href of ['https://gitlab.com/team/model', 'https://example.org/paper', 'javascript:alert(1)//github.com/x/y', `https://github.com/x/${'y'.repeat(2100)}`, 'https://github.com/bronyayang/HallE_Control']) {
      abstract.append(Object.assign(doc.createElement('a'), { href, textContent: 'this https URL' }));
    }
    const paper = arxivAbs.extract(doc, url)!;
    expect(paper.codeLinks).toEqual(['https://gitlab.com/team/model', 'https://github.com/bronyayang/HallE_Control']);
    // What the page says must pass the message schema whole: an over-long link would lose it all.
    expect(PagePaperSchema.safeParse(paper).success).toBe(true);
  });

  test('reads the project page the comments or the abstract call one; a code link or another link is none', async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    // The fixture's comments link only to code.
    expect(arxivAbs.extract(doc, url)!.projectPage).toBeNull();
    const comments = doc.querySelector('.comments')!;
    comments.append(' Data at ', Object.assign(doc.createElement('a'), { href: 'https://zenodo.org/records/1', textContent: 'this https URL' }));
    comments.append('. Project page: ', Object.assign(doc.createElement('a'), { href: 'https://halle.example.org/', textContent: 'this https URL' }));
    expect(arxivAbs.extract(doc, url)!.projectPage).toBe('https://halle.example.org/');
    const abstract = doc.querySelector('blockquote.abstract')!;
    abstract.append(' Videos: ', Object.assign(doc.createElement('a'), { href: 'https://bohan.github.io/halle', textContent: 'this https URL' }));
    const paper = arxivAbs.extract(doc, url)!;
    expect(paper.projectPage).toBe('https://bohan.github.io/halle');
    expect(PagePaperSchema.safeParse(paper).success).toBe(true);
  });

  test("a paper its authors withdrew carries the reason arXiv's comments give; other comments, and a mention of another paper's withdrawal, do not", async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    expect(arxivAbs.extract(doc, url)!).not.toHaveProperty('withdrawal');
    const comments = doc.querySelector('.comments')!;
    const cases: [string, string | undefined][] = [
      ['Comments: This paper has been withdrawn by the author due to an error in the evaluation code', 'This paper has been withdrawn by the author due to an error in the evaluation code'],
      ['Comments: Withdrawn: the main theorem is false', 'Withdrawn: the main theorem is false'],
      ['Comments: We withdraw this paper because of a bug in Table 2', 'We withdraw this paper because of a bug in Table 2'],
      ['Comments: The author has withdrawn this paper due to a crucial error', 'The author has withdrawn this paper due to a crucial error'],
      ['Comments: Paper withdrawn due to an error in Lemma 3', 'Paper withdrawn due to an error in Lemma 3'],
      ['Comments: This paper has been withdrawn from arXiv due to a copyright issue', 'This paper has been withdrawn from arXiv due to a copyright issue'],
      ['Comments: 12 pages. This version replaces the withdrawn arXiv:2309.00001', undefined],
      ['Comments: Accepted at ICLR 2024; code at this https URL', undefined],
      // Another venue's, version's or claim's withdrawal (from a review).
      ['Comments: Withdrawn from ICML 2023; accepted at NeurIPS 2023', undefined],
      ['Comments: A version of this paper was withdrawn from a conference', undefined],
      ['Comments: This work was withdrawn from NeurIPS 2022 and is now published at ICLR 2023', undefined],
      ['Comments: We withdraw the claim in Section 4; see v3', undefined],
      ['Comments: The previous version was withdrawn due to an error; this version fixes it', undefined],
      ['Comments: We have withdrawn the dataset from public access due to privacy concerns', undefined],
    ];
    for (const [text, withdrawal] of cases) {
      comments.textContent = text;
      expect(arxivAbs.extract(doc, url)!.withdrawal, text).toBe(withdrawal);
    }
  });

  test('falls back to the visible title and URL id without citation meta', async () => {
    const { doc } = await loadFixture('arxiv-abs-2310.01779v3.html');
    for (const meta of doc.querySelectorAll('meta[name^="citation_"]')) meta.remove();
    const paper = arxivAbs.extract(doc, new URL('https://arxiv.org/abs/2310.01779v3'))!;
    expect(paper.id).toBe('2310.01779');
    expect(paper.title).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    expect(paper.authors).toContain('Manling Li');
  });

  test('an abstract and title MathJax has typeset are read once, as their TeX', async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    for (const meta of doc.querySelectorAll('meta[name="citation_title"]')) meta.remove();
    doc.querySelector('h1.title')!.lastChild!.textContent = 'HallE-Control in $O(n)$ Steps';
    for (const element of doc.querySelectorAll('.mathjax')) typesetLikeMathJax2(element);
    const paper = arxivAbs.extract(doc, url)!;
    expect(paper.title).toBe('HallE-Control in $O(n)$ Steps');
    expect(paper.abstract).toContain('we introduce $\\textit{CCEval}$, a GPT-4 assisted');
    expect(paper.abstract).toMatch(/compared to LLaVA\$_\{7B\}\$ and maintains/);
  });

  test('a title and abstract typeset by MathJax 3 (which keeps no TeX) are read once, from its MathML copy', async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    for (const meta of doc.querySelectorAll('meta[name="citation_title"]')) meta.remove();
    doc.querySelector('h1.title')!.lastChild!.textContent = 'HallE-Control in $O(n)$ Steps';
    for (const element of doc.querySelectorAll('.mathjax')) typesetLikeMathJax3(element);
    const paper = arxivAbs.extract(doc, url)!;
    expect(paper.title).toBe('HallE-Control in O(n) Steps');
    expect(paper.abstract).toContain('we introduce CCEval, a GPT-4 assisted');
    expect(paper.abstract).toMatch(/compared to LLaVA7B and maintains/);
  });

  test('an old-style id page', () => {
    const doc = new DOMParser().parseFromString(
      '<h1 class="title mathjax"><span class="descriptor">Title:</span>Old Physics</h1><blockquote class="abstract"><span class="descriptor">Abstract:</span>We study strings.</blockquote>',
      'text/html',
    );
    expect(arxivAbs.extract(doc, new URL('https://arxiv.org/abs/hep-th/9901001v1'))).toMatchObject({
      id: 'hep-th/9901001',
      title: 'Old Physics',
      abstract: 'We study strings.',
      authors: [],
      pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001',
    });
  });

  test("authors' citation_author names keep every part: a suffix filed either side of the given names, and a Chinese, Japanese or Korean name family name first, unspaced", () => {
    const names = ['Zhai, Bohan', 'King, Jr., Martin Luther', 'Steele, Guy L., Jr.', '王, 小明', 'Wang, Xiaoming', '山田, 太郎', '김, 민수', 'ATLAS Collaboration'];
    const doc = new DOMParser().parseFromString(
      `${names.map((name) => `<meta name="citation_author" content="${name}">`).join('')}<h1 class="title">Names</h1><blockquote class="abstract">We study names.</blockquote>`,
      'text/html',
    );
    expect(arxivAbs.extract(doc, new URL('https://arxiv.org/abs/2310.01779'))?.authors).toEqual([
      'Bohan Zhai',
      'Martin Luther King, Jr.',
      'Guy L. Steele, Jr.',
      '王小明',
      'Xiaoming Wang',
      '山田太郎',
      '김민수',
      'ATLAS Collaboration',
    ]);
  });

  test('a page that is not an abstract page gives nothing', async () => {
    const { doc, url } = await loadFixture('arxiv-abs-not-recognized.html');
    expect(arxivAbs.extract(doc, url)).toBeNull();
    expect(arxivAbs.cardAnchor(doc)).toBeNull();
  });
});
