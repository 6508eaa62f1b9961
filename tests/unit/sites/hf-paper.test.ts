// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { hfPaper } from '../../../src/sites/hf-paper';
import { loadFixture } from './load-fixture';
import { typesetLikeKatex, typesetLikeMathJax3 } from './mathjax';

describe('Hugging Face paper pages', () => {
  test.each([
    ['https://huggingface.co/papers/2310.01779', true],
    ['https://huggingface.co/papers/2310.01779#community', true],
    ['https://huggingface.co/papers', false],
    ['https://huggingface.co/papers/trending', false],
    ['https://huggingface.co/papers/date/2025-07-30', false],
    ['https://huggingface.co/papers/week/2025-W31', false],
    ['https://huggingface.co/models', false],
    ['https://arxiv.org/abs/2310.01779', false],
  ])('%s is a paper page: %s', (url, expected) => {
    expect(hfPaper.isPage(new URL(url))).toBe(expected);
  });

  test('extracts the paper from the visible page and authors from the embedded JSON', async () => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    const paper = hfPaper.extract(doc, url)!;
    expect(paper.id).toBe('2310.01779');
    expect(paper.title).toMatch(/^HallE-Switch: Rethinking/);
    expect(paper.abstract).toMatch(/^Current large vision-language models/);
    expect(paper.authors).toEqual(['Bohan Zhai', 'Shijia Yang', 'Manling Li']);
    expect(hfPaper.cardAnchor(doc)?.querySelector('h2')?.textContent).toBe('Abstract');
  });

  test('the AI-generated summary box is skipped when its label follows an icon with a title or the summary itself, or shares a block with the abstract', async () => {
    const ABSTRACT = /^Current large vision-language models/;
    const boxes = [
      // An icon whose <title> is text before the label.
      '<div><div><svg><title>sparkles</title></svg><span>AI-generated summary</span></div><p>HallE-Switch cuts hallucinations 44% less.</p></div>',
      // The label after the summary.
      '<div><p>HallE-Switch cuts hallucinations 44% less.</p><div class="label">AI-generated summary</div></div>',
      // Box and abstract in one block (the page's abstract paragraph moved into it below).
      '<div class="block"><div class="box"><span>AI-generated summary</span><p>HallE-Switch cuts hallucinations 44% less.</p></div></div>',
    ];
    // An abstract that mentions the words is the abstract, with or without a box before it.
    for (const withBox of [false, true]) {
      const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
      const abstract = doc.querySelector('p.text-gray-600')!;
      abstract.textContent = `${abstract.textContent} Unlike an AI-generated summary, our captions are checked by people.`;
      if (withBox) doc.querySelector('.pb-8 h2')!.insertAdjacentHTML('afterend', boxes[0]!);
      expect(hfPaper.extract(doc, url)!.abstract, `box ${withBox}`).toMatch(/Unlike an AI-generated summary/);
    }
    // The label and its summary as the heading's siblings, the abstract after them.
    {
      const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
      const label = doc.createElement('div');
      label.textContent = 'AI-generated summary';
      const summary = doc.createElement('p');
      summary.textContent = 'HallE-Switch cuts hallucinations 44% less.';
      doc.querySelector('.pb-8 h2')!.after(label, summary);
      expect(hfPaper.extract(doc, url)!.abstract).toMatch(ABSTRACT);
    }
    for (const [k, html] of boxes.entries()) {
      const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
      const heading = doc.querySelector('.pb-8 h2')!;
      heading.insertAdjacentHTML('afterend', html);
      if (k === 2) doc.querySelector('.block')!.append(doc.querySelector('p.text-gray-600')!);
      for (const withJson of [true, false]) {
        if (!withJson) doc.querySelector('[data-target="PaperContent"]')!.removeAttribute('data-props');
        expect(hfPaper.extract(doc, url)!.abstract, `box ${k}, embedded JSON ${withJson}`).toMatch(ABSTRACT);
      }
    }
  });

  test.each([
    ['KaTeX', typesetLikeKatex, 'HallE-Switch in $O(n)$ Steps', /models \$\\alpha\$-tuned on \$\$x_\{7B\}\$\$ data/],
    ['MathJax 3', typesetLikeMathJax3, 'HallE-Switch in O(n) Steps', /models α-tuned on x7B data/],
  ])('a title and abstract typeset by %s are read once (no formula repeated or lost)', async (_name, typeset, title, abstract) => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    doc.querySelector('h1')!.textContent = 'HallE-Switch in $O(n)$ Steps';
    const paragraph = hfPaper.cardAnchor(doc)!.querySelector('p')!;
    paragraph.prepend('Language models $\\alpha$-tuned on $$x_{7B}$$ data. ');
    for (const element of [doc.querySelector('h1')!, paragraph]) typeset(element);
    const paper = hfPaper.extract(doc, url)!;
    expect(paper.title).toBe(title);
    expect(paper.abstract).toMatch(abstract);
    expect(paper.abstract).toMatch(/^Language models .* data\. Current large vision-language models/);
  });

  test('a formula in an element of class "katex" without a MathML copy (KaTeX\'s HTML-only output) is read as its glyphs, not dropped', async () => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    const heading = doc.querySelector('h1')!;
    const formula = Object.assign(doc.createElement('span'), { className: 'katex' });
    formula.append(Object.assign(doc.createElement('span'), { className: 'katex-html', textContent: 'O(n)' }));
    heading.replaceChildren('HallE-Switch in ', formula, ' Steps');
    expect(hfPaper.extract(doc, url)!.title).toBe('HallE-Switch in O(n) Steps');
  });

  test("the paper's GitHub repository from the embedded JSON is a code link, only when that JSON is this paper's", async () => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    expect(hfPaper.extract(doc, url)!.codeLinks).toEqual([]);
    const data = doc.querySelector('[data-target="PaperContent"]')!;
    const props = JSON.parse(data.getAttribute('data-props')!) as { paper: Record<string, unknown> };
    props.paper.githubRepo = 'https://github.com/bronyayang/HallE_Control';
    data.setAttribute('data-props', JSON.stringify(props));
    expect(hfPaper.extract(doc, url)!.codeLinks).toEqual(['https://github.com/bronyayang/HallE_Control']);
    expect(hfPaper.extract(doc, new URL('https://huggingface.co/papers/2407.13623'))!.codeLinks).toEqual([]);
  });

  test('embedded JSON describing another paper (stale after client-side navigation) is ignored: the authors come from the page', async () => {
    const { doc } = await loadFixture('hf-paper-2310.01779.html');
    // The site rendered the next paper into the page; its embedded JSON still describes the first.
    doc.querySelector('h1')!.textContent = 'Scaling Laws with Vocabulary';
    const names = doc.querySelectorAll('.author');
    names[0]!.textContent = 'Chaofan Tao';
    names[1]!.textContent = 'Qian Liu';
    names[2]!.remove();
    const paper = hfPaper.extract(doc, new URL('https://huggingface.co/papers/2407.13623'))!;
    expect(paper).toMatchObject({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', authors: ['Chaofan Tao', 'Qian Liu'], published: null });
    // Author names elsewhere on the page (comments) are not the paper's.
    const comment = doc.createElement('span');
    comment.className = 'author';
    comment.textContent = 'A Commenter';
    doc.querySelector('.pb-8')!.append(comment);
    expect(hfPaper.extract(doc, new URL('https://huggingface.co/papers/2407.13623'))!.authors).toEqual(['Chaofan Tao', 'Qian Liu']);
  });

  test("Hugging Face's AI-generated summary box before the abstract is not taken for the abstract, with or without the embedded JSON", async () => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    const box = doc.createElement('div');
    const label = doc.createElement('div');
    label.textContent = 'AI-generated summary';
    const summary = doc.createElement('p');
    summary.textContent = 'HallE-Switch reduces object hallucinations in vision-language models.';
    box.append(label, summary);
    doc.querySelector('.pb-8 h2')!.after(box);
    expect(hfPaper.extract(doc, url)!.abstract).toMatch(/^Current large vision-language models/);
    doc.querySelector('[data-target="PaperContent"]')!.removeAttribute('data-props');
    expect(hfPaper.extract(doc, url)!.abstract).toMatch(/^Current large vision-language models/);
    expect(hfPaper.cardAnchor(doc)?.querySelector('h2')?.textContent).toBe('Abstract');
  });

  test("the abstract is the paragraph that opens as the page data's abstract, whatever the AI-generated summary box's layout; without that data, a label written as a paragraph is one", async () => {
    const layouts = [
      // The summary, its label under it, then the abstract: all the heading's siblings.
      (summary: Element, label: Element) => [summary, label],
      // The label written as a paragraph.
      (summary: Element, label: Element) => [label, summary],
    ];
    for (const [k, layout] of layouts.entries()) {
      for (const labelTag of ['div', 'p']) {
        const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
        const label = doc.createElement(labelTag);
        label.textContent = 'AI-generated summary';
        const summary = doc.createElement('p');
        summary.textContent = 'HallE-Switch cuts object hallucinations by 44% in vision-language models.';
        doc.querySelector('.pb-8 h2')!.after(...layout(summary, label));
        expect(hfPaper.extract(doc, url)!.abstract, `layout ${k}, label ${labelTag}`).toMatch(/^Current large vision-language models/);
        if (k === 1 && labelTag === 'p') {
          doc.querySelector('[data-target="PaperContent"]')!.removeAttribute('data-props');
          expect(hfPaper.extract(doc, url)!.abstract, 'label as a paragraph, no page data').toMatch(/^Current large vision-language models/);
          // A label paragraph with no summary paragraph after it (from a review): the paragraph after it is the abstract.
          summary.remove();
          expect(hfPaper.extract(doc, url)?.abstract, 'label paragraph alone, no page data').toMatch(/^Current large vision-language models/);
        }
      }
    }
  });

  test('malformed embedded JSON is ignored, not thrown: the page\'s own author list stands in', async () => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    doc.querySelector('[data-target="PaperContent"]')!.setAttribute('data-props', '{"paper": [1, 2');
    expect(hfPaper.extract(doc, url)?.authors).toEqual(['Bohan Zhai', 'Shijia Yang', 'Manling Li']);
  });

  test('a page without a title and abstract gives nothing', () => {
    const doc = new DOMParser().parseFromString('<main><h1>Daily Papers</h1><article>…</article></main>', 'text/html');
    expect(hfPaper.extract(doc, new URL('https://huggingface.co/papers/2310.01779'))).toBeNull();
  });
});
