import { describe, expect, test } from 'vitest';
import { arxivIdFromAddress, arxivIdFromReference, arxivIdFromSearch, arxivIdFromUrl, normalizeArxivId, normalizeTitle, PAPER_LINK_PATTERNS } from '../../../src/papers/ids';

describe('normalizeArxivId', () => {
  test.each([
    ['2310.01779', '2310.01779'],
    ['2310.01779v3', '2310.01779'],
    ['arXiv:2310.01779v12', '2310.01779'],
    ['  arxiv: 2310.01779 ', '2310.01779'],
    ['0704.0001', '0704.0001'],
    ['1412.9999v2', '1412.9999'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['HEP-TH/9901001v2', 'hep-th/9901001'],
    // The subject class is no part of the id: arXiv serves both addresses as one paper.
    ['math.ag/0601001', 'math/0601001'],
    ['math.GT/0309136v2', 'math/0309136'],
    ['cond-mat.stat-mech/0102003', null],
    ['cond-mat/0102003v1', 'cond-mat/0102003'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeArxivId(raw)).toBe(expected);
  });

  test.each([['2310.1779'], ['1501.1234'], ['1412.12345'], ['2300.01779'], ['2313.01779'], ['hep-th/990100'], ['10.1145/3292500'], [''], ['2310.01779v']])(
    'rejects %s',
    (raw) => {
      expect(normalizeArxivId(raw)).toBeNull();
    },
  );
});

describe('arxivIdFromUrl', () => {
  test.each([
    ['https://arxiv.org/abs/2310.01779', '2310.01779'],
    ['https://arxiv.org/abs/2310.01779v3', '2310.01779'],
    ['https://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['https://arxiv.org/pdf/2310.01779', '2310.01779'],
    ['https://arxiv.org/pdf/2310.01779v2.pdf', '2310.01779'],
    ['https://www.arxiv.org/pdf/hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/html/2310.01779v3', '2310.01779'],
    ['https://arxiv.org/html/2310.01779v3/', '2310.01779'],
    ['https://huggingface.co/papers/2310.01779', '2310.01779'],
    ['https://huggingface.co/papers/2310.01779?utm=x#comments', '2310.01779'],
    ['https://huggingface.co/papers/trending', null],
    ['https://huggingface.co/papers/date/2025-07-30', null],
    ['https://arxiv.org/list/cs.CL/new', null],
    ['https://example.org/abs/2310.01779', null],
    ['javascript:alert(1)//arxiv.org/abs/2310.01779', null],
    ['not a url', null],
    // A stray % (no escape after it) is no paper, and no exception for the caller.
    ['https://arxiv.org/abs/2310.01779%', null],
    ['https://huggingface.co/papers/50%off', null],
    ['https://example.org/50%off', null],
  ])('%s → %s', (url, expected) => {
    expect(arxivIdFromUrl(url)).toBe(expected);
  });
});

describe('an old-style id written with its subject class', () => {
  // arxiv.org/abs/math.GT/0309136 is the paper math/0309136: one paper, one record, one entry.
  test.each([
    'math.GT/0309136',
    'arXiv:math.GT/0309136v1',
    'https://arxiv.org/abs/math.GT/0309136',
    'https://arxiv.org/abs/math.GT/0309136v2',
    'https://arxiv.org/pdf/math.GT/0309136v1.pdf',
    'https://arxiv.org/html/math.GT/0309136',
    'arxiv.org/abs/math.GT/0309136',
    'https://alphaxiv.org/abs/math.GT/0309136',
    '10.48550/arXiv.math.GT/0309136',
    'math.GT/0309136 [math.GT]',
  ])('%s is math/0309136', (reference) => {
    expect(arxivIdFromReference(reference)).toBe('math/0309136');
  });
});

describe('normalizeTitle', () => {
  test('case, punctuation and whitespace do not matter', () => {
    expect(normalizeTitle('HallE-Switch:  Rethinking\tand Controlling')).toBe('halle switch rethinking and controlling');
    expect(normalizeTitle('Do Not (Always) Look Right')).toBe(normalizeTitle('do not always look right'));
  });

  test('LaTeX and accents are rendered before comparing', () => {
    expect(normalizeTitle('$\\textit{HallE-Switch}$: Rethinking')).toBe('halle switch rethinking');
    expect(normalizeTitle('Code Llama (Rozi\\`ere et al.)')).toBe(normalizeTitle('Code Llama (Rozière et al.)'));
    expect(normalizeTitle('Code Llama (Rozière et al.)')).toBe('code llama roziere et al');
    expect(normalizeTitle('LLaVA$_{7B}$ Beats')).toBe('llava 7b beats');
  });
});

describe('PAPER_LINK_PATTERNS (the links the "Save paper" menu is offered on)', () => {
  // A match pattern `*://host/path*` as a regular expression (`*` scheme: http and https).
  const matches = (pattern: string, url: string): boolean => {
    const [, host, path] = /^\*:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
    const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^https?://${escape(host!)}${escape(path!)}$`).test(url);
  };
  const PAPER_LINKS = [
    'https://arxiv.org/abs/2310.01779',
    'http://arxiv.org/pdf/2310.01779v3',
    'https://arxiv.org/html/2310.01779v3',
    'https://www.arxiv.org/abs/2310.01779',
    'https://export.arxiv.org/abs/hep-th/9901001',
    'https://huggingface.co/papers/2310.01779',
    'https://hf.co/papers/2310.01779',
    'https://www.alphaxiv.org/abs/2310.01779v2',
    'https://alphaxiv.org/overview/2310.01779',
    'https://ar5iv.labs.arxiv.org/html/2310.01779',
    'https://ar5iv.org/abs/2310.01779',
    'https://doi.org/10.48550/arXiv.2310.01779',
    'https://www.huggingface.co/papers/2310.01779',
    'https://www.hf.co/papers/2310.01779',
    'https://www.ar5iv.org/html/2310.01779',
    'https://www.doi.org/10.48550/arXiv.2310.01779',
    'https://dx.doi.org/10.48550/arXiv.2310.01779',
  ];

  test.each(PAPER_LINKS)('%s: offered, and read as its paper', (url) => {
    expect(PAPER_LINK_PATTERNS.some((pattern) => matches(pattern, url))).toBe(true);
    expect(arxivIdFromAddress(url)).toMatch(/^(?:2310\.01779|hep-th\/9901001)$/);
  });

  test('not offered on links that name no paper', () => {
    for (const url of ['https://arxiv.org/list/cs.CL/new', 'https://huggingface.co/models', 'https://doi.org/10.1145/3442188', 'https://example.org/abs/2310.01779']) {
      expect(PAPER_LINK_PATTERNS.some((pattern) => matches(pattern, url))).toBe(false);
    }
  });
});

describe('arxivIdFromSearch (what a search box reads as a paper)', () => {
  test.each([
    // Google Scholar's reference, and a whole copied reference ending with it.
    ['arXiv preprint arXiv:1706.03762', '1706.03762'],
    ['Vaswani et al. Attention is all you need. arXiv preprint arXiv:1706.03762, 2017.', '1706.03762'],
    ['see arXiv:hep-th/9901001).', 'hep-th/9901001'],
    // A downloaded file's name, and an id with punctuation or brackets around it.
    ['1706.03762v7.pdf', '1706.03762'],
    ['2310.01779,', '2310.01779'],
    ['<2310.01779>', '2310.01779'],
    ['"(2310.01779v2)."', '2310.01779'],
    ['<https://arxiv.org/abs/2310.01779>', '2310.01779'],
    // As before: a reference that is the whole query.
    ['arXiv:1706.03762v7 [cs.CL]', '1706.03762'],
    ['https://arxiv.org/pdf/2310.01779v3.pdf', '2310.01779'],
  ])('%s → %s', (query, id) => {
    expect(arxivIdFromSearch(query)).toBe(id);
  });

  test('numbers among words are words, and an "arXiv:" naming no id is no paper', () => {
    for (const query of ['top 1706 results', 'see 1706.03762 results', 'results in 2310.01779.', 'arxiv:bar', 'arXiv: the preprint server', '2310.1779,']) {
      expect(arxivIdFromSearch(query), query).toBeNull();
    }
  });

  test('a long run of brackets or punctuation is read at once', () => {
    const started = performance.now();
    expect(arxivIdFromSearch(`<${'('.repeat(100_000)}2310.01779${'.'.repeat(100_000)}x`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
