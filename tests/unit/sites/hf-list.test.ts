// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { hfList } from '../../../src/sites/hf-list';
import { loadFixture } from './load-fixture';
import { typesetLikeKatex } from './mathjax';

async function list(name: string) {
  const { doc, url } = await loadFixture(`listings/${name}`);
  expect(hfList.isPage(url)).toBe(true);
  const entries = hfList.entries(doc);
  return { doc, entries, details: entries.map((entry) => hfList.details(entry, doc)) };
}

describe('Hugging Face paper lists', () => {
  test.each([
    ['https://huggingface.co/papers', true],
    ['https://huggingface.co/papers/', true],
    ['https://huggingface.co/papers?q=llm', true],
    ['https://huggingface.co/papers/date/2024-07-31', true],
    ['https://huggingface.co/papers/week/2024-W31', true],
    ['https://huggingface.co/papers/month/2024-07', true],
    ['https://huggingface.co/papers/trending', true],
    ['https://huggingface.co/papers/2310.01779', false],
    ['https://huggingface.co/papers/hep-th/9901001', false],
    ['https://huggingface.co/papers/date/yesterday', false],
    ['https://huggingface.co/models', false],
    ['https://huggingface.co/papersmith', false],
    ['https://arxiv.org/papers/date/2024-07-31', false],
  ])('%s is a list: %s', (url, expected) => {
    expect(hfList.isPage(new URL(url))).toBe(expected);
  });

  test('a day: the cards the page shows, with the embedded data for their ids only', async () => {
    const { doc, entries, details } = await list('hf-papers-date-2024-07-31.html');
    expect(entries.map((entry) => entry.id)).toEqual(['2407.13623', '2407.21001', '2501.09999', '2407.21123', '2310.15539']);
    // The embedded data also holds 2407.29999, which the page does not show.
    expect(doc.querySelector('[data-target="DailyPapers"]')?.getAttribute('data-props')).toContain('2407.29999');
    expect(entries.every((entry) => entry.anchor.tagName === 'H3' && entry.element.tagName === 'ARTICLE')).toBe(true);
    expect(details[0]).toEqual({
      title: 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies',
      abstract: expect.stringMatching(/^Research on scaling large language models/),
      authors: ['Chaofan Tao', 'Qian Liu', 'Longxu Dou', 'Niklas Muennighoff', 'Ngai Wong', 'Min Lin'],
      primaryCategory: null,
    });
  });

  test('markup in a title is text; only an http(s) githubRepo becomes a code link', async () => {
    const { entries, details } = await list('hf-papers-date-2024-07-31.html');
    expect(details[2]!.title).toBe('<img src=x onerror="window.__paperlensXss=1">Robust Parsing of <script>window.__paperlensXss=4</script> Untrusted Markup');
    expect(entries[2]!.codeLink).toBeNull(); // javascript: in the data
    expect(entries[1]!.codeLink).toBe('https://github.com/example/tiny-lm');
    expect(entries[0]!.codeLink).toBeNull();
  });

  test.each([
    ['hf-papers-week-2024-W31.html', ['2405.19715', '2407.13623', '2407.21123', '2310.15539']],
    ['hf-papers-month-2024-07.html', ['2407.21001', '2407.13623', '2405.19715', '2402.18041', '2407.21123']],
  ])('%s: every card, abstracts from the embedded data', async (name, ids) => {
    const { entries, details } = await list(name);
    expect(entries.map((entry) => entry.id)).toEqual(ids);
    expect(details.every((entry) => entry.title.length > 10 && (entry.abstract?.length ?? 0) > 50)).toBe(true);
  });

  test('a title typeset by KaTeX is read once, as its TeX', async () => {
    const { doc, entries } = await list('hf-papers-trending.html');
    entries[0]!.anchor.textContent = 'SteloCoder in $O(n)$ Steps';
    typesetLikeKatex(entries[0]!.anchor);
    expect(hfList.details(entries[0]!, doc).title).toBe('SteloCoder in $O(n)$ Steps');
  });

  test('without embedded data: titles from the page, no abstracts', async () => {
    const { entries, details } = await list('hf-papers-trending.html');
    expect(entries.map((entry) => entry.id)).toEqual(['2310.15539', '2405.19715', '2407.13623']);
    expect(details.map((entry) => entry.abstract)).toEqual([null, null, null]);
    expect(details[0]!.title).toBe('SteloCoder: a Decoder-Only LLM for Multi-Language to Python Code Translation');
  });

  test('embedded data that is not JSON, or not the expected shape, is ignored', () => {
    const doc = new DOMParser().parseFromString(
      `<div data-target="DailyPapers" data-props="{not json"></div>
       <article><h3><a href="/papers/2407.13623">Scaling Laws with Vocabulary</a></h3></article>`,
      'text/html',
    );
    const [entry] = hfList.entries(doc);
    expect(hfList.details(entry!, doc)).toEqual({ title: 'Scaling Laws with Vocabulary', abstract: null, authors: [], primaryCategory: null });
    doc.querySelector('[data-target]')!.setAttribute('data-props', JSON.stringify({ dailyPapers: [{ paper: { id: 2407.13623 } }, { paper: { id: '2407.13623', summary: 42, authors: 'x' } }] }));
    expect(hfList.details(entry!, doc)).toEqual({ title: 'Scaling Laws with Vocabulary', abstract: null, authors: [], primaryCategory: null });
  });

  test('links that are not paper links are no entries', () => {
    const doc = new DOMParser().parseFromString(
      `<article><h3><a href="/papers/date/2025-07-30">Previous day</a></h3></article>
       <article><h3><a href="/papers/not-an-id">Odd</a></h3></article>
       <article><h3><a href="/papers/50%off">A stray percent sign</a></h3></article>
       <h3><a href="/papers/2407.13623">Outside a card</a></h3>
       <article><h3><a href="/papers/2407.21001">A paper after them</a></h3></article>`,
      'text/html',
    );
    expect(hfList.entries(doc).map((entry) => entry.id)).toEqual(['2407.21001']);
  });
});
