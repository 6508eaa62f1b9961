// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { arxivListing } from '../../../src/sites/arxiv-listing';
import { loadFixture } from './load-fixture';
import { typesetLikeMathJax2 } from './mathjax';

async function listing(name: string) {
  const { doc, url } = await loadFixture(`listings/${name}`);
  expect(arxivListing.isPage(url)).toBe(true);
  const entries = arxivListing.entries(doc);
  return { doc, entries, details: entries.map((entry) => arxivListing.details(entry, doc)) };
}

describe('arXiv listing and search pages', () => {
  test.each([
    ['https://arxiv.org/list/cs.CL/new', true],
    ['https://arxiv.org/list/cs.CL/new/', true],
    ['https://arxiv.org/list/cs.CL/recent', true],
    ['https://arxiv.org/list/cs.CL/recent?skip=25&show=25', true],
    ['https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25', true],
    ['https://arxiv.org/list/hep-th/9901?skip=0&show=25', true],
    ['https://arxiv.org/list/cond-mat.mes-hall/2407', true],
    ['https://arxiv.org/list/math/2024-07', true],
    // "current month", linked for every category from arXiv's archive pages; a year written YY, which arXiv also takes.
    ['https://arxiv.org/list/cs.CL/current', true],
    ['https://arxiv.org/list/cs.CL/current?skip=25&show=25', true],
    ['https://arxiv.org/list/hep-th/99', true],
    ['https://arxiv.org/list/cs.CL/currently', false],
    ['https://arxiv.org/catchup/cs.CL/2024-07-29', true],
    ['https://arxiv.org/catchup?smonth=07&group=grp_cs', true],
    ['https://arxiv.org/search/?query=hallucination&searchtype=all', true],
    ['https://arxiv.org/search/cs?query=llm', true],
    ['https://arxiv.org/a/vaswani_a_1', true],
    ['https://arxiv.org/a/vaswani_a_1.html', true],
    ['https://arxiv.org/a/vaswani_a_1.atom', false],
    ['https://arxiv.org/a/vaswani_a_1.json', false],
    ['https://arxiv.org/abs/2310.01779', false],
    ['https://arxiv.org/pdf/2310.01779', false],
    ['https://arxiv.org/list/cs.CL', false],
    ['https://arxiv.org/list/cs.CL/new.rss', false],
    ['https://arxiv.org/', false],
    ['https://arxiv.org/searchlight', false],
    ['https://example.org/list/cs.CL/new', false],
    ['http://arxiv.org/list/cs.CL/new', false],
    ['https://huggingface.co/papers', false],
  ])('%s is a listing: %s', (url, expected) => {
    expect(arxivListing.isPage(new URL(url))).toBe(expected);
  });

  test('/new: new submissions, cross-lists and replacements, abstracts where the page shows them', async () => {
    const { entries, details } = await listing('arxiv-list-cs.CL-new.html');
    expect(entries.map((entry) => entry.id)).toEqual([
      '2407.21001', '2501.09999', '2407.21123', '2407.21200', // new
      '2407.20877', '2407.20950', // cross-lists
      '2310.01779', '2407.13623', '2406.11111', '2405.19715', // replacements
    ]);
    expect(entries.every((entry) => entry.anchor.matches('.list-title') && entry.element.tagName === 'DD')).toBe(true);
    expect(details[0]).toEqual({
      title: 'Tiny Language Models Learn Syntax Before Semantics',
      abstract: expect.stringMatching(/^We train a family of tiny language models .* probing code\.$/),
      authors: ['Ana Ruiz', 'Tom Becker', 'Li Wei'],
      primaryCategory: 'cs.CL',
    });
    expect(details[4]!.abstract).toMatch(/^Mixture-of-experts models/);
    expect(details[5]!.primaryCategory).toBe('cs.CV');
    // arXiv shows no abstracts for replacements.
    expect(details.slice(6).map((entry) => entry.abstract)).toEqual([null, null, null, null]);
    expect(details[6]!.title).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
  });

  test('markup in a title is text, and a javascript: link is never a code link', async () => {
    const { entries, details } = await listing('arxiv-list-cs.CL-new.html');
    expect(details[1]!.title).toBe('<img src=x onerror="window.__paperlensXss=1">Robust Parsing of <script>window.__paperlensXss=4</script> Untrusted Markup');
    expect(details[1]!.abstract).toContain('<script>window.__paperlensXss=3</script>');
    expect(entries[1]!.codeLink).toBeNull();
    expect(entries[0]!.codeLink).toBe('https://github.com/example/tiny-lm');
  });

  test.each([
    ['arxiv-list-cs.CL-recent.html', ['2407.21500', '2407.21555', '2402.18041', '2310.15539', '2407.21001']],
    ['arxiv-list-cs.LG-pastweek.html', ['2407.20001', '2505.10465', '2407.19002', '2407.18003']],
    ['arxiv-list-hep-th-9901.html', ['hep-th/9901001', 'hep-th/9901002', 'hep-th/9901003']],
    ['arxiv-catchup-cs.CL-2024-07-29.html', ['2407.21500', '2407.13623', '2505.10465']],
  ])('%s: every entry, titles without the "Title:" label, no abstracts', async (name, ids) => {
    const { entries, details } = await listing(name);
    expect(entries.map((entry) => entry.id)).toEqual(ids);
    for (const entry of details) {
      expect(entry.title).not.toMatch(/^Title:|^\s|\s$/);
      expect(entry.title.length).toBeGreaterThan(10);
      expect(entry.abstract).toBeNull();
    }
  });

  test('old-style ids from a monthly listing', async () => {
    const { details } = await listing('arxiv-list-hep-th-9901.html');
    expect(details[0]).toEqual({ title: 'Conformal Field Theory on the Plane', abstract: null, authors: ['A. Author'], primaryCategory: 'hep-th' });
  });

  test("an author page's papers, new- and old-style ids, with their code links", async () => {
    const { entries, details } = await listing('arxiv-author-vaswani_a_1.html');
    expect(entries.map((entry) => entry.id)).toEqual(['2310.01779', '1706.03762', 'cs/0112017']);
    expect(entries[1]!.codeLink).toBe('https://github.com/tensorflow/tensor2tensor');
    expect(details[1]).toEqual({ title: 'Attention Is All You Need', abstract: null, authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], primaryCategory: 'cs.CL' });
  });

  test('an old-style id is read from the abs link when the link text does not say it', () => {
    const doc = new DOMParser().parseFromString(
      '<dl><dt><a href="/abs/math.AG/0601001v2" title="Abstract">abstract</a></dt><dd><div class="list-title"><span class="descriptor">Title:</span> Curves</div></dd></dl>',
      'text/html',
    );
    expect(arxivListing.entries(doc).map((entry) => entry.id)).toEqual(['math/0601001']);
  });

  test("an entry whose comments say its authors withdrew it carries the reason (listing and search result); other comments, or another venue's withdrawal, do not", async () => {
    const { doc, entries } = await listing('arxiv-list-cs.CL-new.html');
    expect(entries.map((entry) => entry.withdrawal)).toEqual(entries.map(() => null));
    const comments = (text: string) => Object.assign(doc.createElement('div'), { className: 'list-comments mathjax', textContent: text });
    const replacements = entries.slice(6).map((entry) => entry.element);
    replacements[0]!.querySelector('.list-comments')!.replaceWith(comments('Comments: This paper has been withdrawn by the authors due to a flaw in Theorem 1'));
    replacements[1]!.querySelector('.list-authors')!.after(comments('Comments: Withdrawn from ICML 2023; accepted at NeurIPS 2023'));
    expect(arxivListing.entries(doc).slice(6).map((entry) => entry.withdrawal)).toEqual(['This paper has been withdrawn by the authors due to a flaw in Theorem 1', null, null, null]);

    const search = await listing('arxiv-search-hallucination.html');
    const result = search.entries[1]!.element;
    result.querySelector('p.authors')!.after(Object.assign(search.doc.createElement('p'), { className: 'comments is-size-7', textContent: 'Comments: Paper withdrawn due to an error in Lemma 3' }));
    expect(arxivListing.entries(search.doc).map((entry) => entry.withdrawal)).toEqual([null, 'Paper withdrawn due to an error in Lemma 3', null]);
  });

  test('search results: ids from the abs URL, titles, full abstracts without "More"/"Less"', async () => {
    const { entries, details } = await listing('arxiv-search-hallucination.html');
    expect(entries.map((entry) => entry.id)).toEqual(['2310.01779', '2407.20950', '2407.21123']);
    expect(entries.every((entry) => entry.anchor.matches('p.title'))).toBe(true);
    expect(details[0]).toEqual({
      title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models',
      abstract: expect.stringMatching(/^Current Large Vision Language Models .* compared to LLaVA-7B\.$/),
      authors: ['Bohan Zhai', 'Shijia Yang', 'Chenfeng Xu', 'Sheng Shen', 'Kurt Keutzer', 'Chunyuan Li', 'Manling Li'],
      primaryCategory: 'cs.CV',
    });
  });

  test('math MathJax has typeset in a title or abstract is read once, as the TeX arXiv wrote (not its rendering three times over)', async () => {
    const { doc, entries } = await listing('arxiv-list-cs.CL-new.html');
    const item = entries[0]!.element;
    item.querySelector('.list-title')!.lastChild!.textContent = ' Tiny $k$-Gram Models Learn Syntax in $O(n)$ Steps ';
    item.querySelector('p.mathjax')!.textContent = 'We bound the loss by $$L \\le 2^{-k}$$ and train $k$-gram models.';
    for (const element of item.querySelectorAll('.mathjax')) typesetLikeMathJax2(element);
    // What the page shows once MathJax has run: the formula rendered, its MathML copy and its source.
    expect(item.querySelector('.list-title')!.textContent).toContain('O(n)O(n)O(n)');
    expect(arxivListing.details(entries[0]!, doc)).toMatchObject({
      title: 'Tiny $k$-Gram Models Learn Syntax in $O(n)$ Steps',
      abstract: 'We bound the loss by $$L \\le 2^{-k}$$ and train $k$-gram models.',
    });

    const search = await listing('arxiv-search-hallucination.html');
    const result = search.entries[0]!.element;
    result.querySelector('p.title')!.textContent = ' $\\ell_1$ Control of Hallucination ';
    result.querySelector('span.abstract-full')!.firstChild!.textContent = ' We penalize $\\ell_1$ norms. ';
    for (const element of result.querySelectorAll('.mathjax')) typesetLikeMathJax2(element);
    expect(arxivListing.details(search.entries[0]!, search.doc)).toMatchObject({
      title: '$\\ell_1$ Control of Hallucination',
      abstract: 'We penalize $\\ell_1$ norms.',
    });
  });

  test("a search result's primary category, also when the query matched it (arXiv then marks it a search hit)", async () => {
    const { doc, entries } = await listing('arxiv-search-hallucination.html');
    const primary = entries[0]!.element.querySelector('.tags .tag')!;
    primary.classList.replace('is-link', 'search-hit');
    primary.after(Object.assign(doc.createElement('span'), { className: 'tag is-small is-grey tooltip is-tooltip-top', textContent: 'cs.CL' }));
    expect(arxivListing.details(entries[0]!, doc).primaryCategory).toBe('cs.CV');
  });

  test.each(['arxiv-list-math.HO-new-empty.html', 'arxiv-list-not-recognized.html'])('%s has no entries', async (name) => {
    const { doc } = await loadFixture(`listings/${name}`);
    expect(arxivListing.entries(doc)).toEqual([]);
  });
});
