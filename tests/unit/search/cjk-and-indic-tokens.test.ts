import { describe, expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex } from '../../../src/search/search-index';
import { titleDocument as doc } from './title-document';
import { tokenize } from '../../../src/search/tokenize';

// The store search's words in scripts that write no spaces between words (Chinese, Japanese) or
// whose letters carry vowel signs (Hindi), beside English, whose tokens stay as they were.


const search = (titles: string[], query: string) =>
  new SearchIndex(buildSearchSnapshot(titles.map((title, at) => doc(`2401.0010${at}`, title))))
    .search(query)
    .map((hit) => hit.id);

describe('tokens', () => {
  test('English (and accented Latin) words are tokens as before', () => {
    expect(tokenize('Scaling Laws for Neural Language Models')).toEqual(['scaling', 'laws', 'neural', 'language', 'models']);
    expect(tokenize('Łukasz Kaiser, Søren Müller: τ-bench')).toEqual(['lukasz', 'kaiser', 'soren', 'muller', 'tau', 'bench']);
  });

  test('a run of Chinese or Japanese is its pairs of characters, and Latin letters beside it stay a word', () => {
    expect(tokenize('LLMの推論')).toEqual(['llm', 'の推', '推論']);
    expect(tokenize('図 B')).toEqual(['図', 'b']);
  });

  test('a Hindi word keeps its vowel signs', () => {
    expect(tokenize('काम कम')).toEqual(['काम', 'कम']);
  });
});

describe('the store search', () => {
  test('a Japanese word right after Latin letters ("LLMの推論") is found', () => {
    expect(search(['LLMの推論高速化', '画像生成'], '推論')).toEqual(['2401.00100']);
  });

  test('a Hindi word finds the title that says it, not one that differs by a vowel sign', () => {
    expect(search(['काम की योजना', 'कम मेमोरी'], 'कम')).toEqual(['2401.00101']);
  });

  test('an author whose name has an umlaut is found written with it, without it, or with oe/ue, as it is typed ("Schoel")', () => {
    const index = new SearchIndex(buildSearchSnapshot([doc('2401.00102', 'Kernel methods', 'Bernhard Schölkopf'), doc('2401.00103', 'Sparse nets', 'Anna Schol')]));
    for (const query of ['Schölkopf', 'Scholkopf', 'Schoelkopf', 'Schoel']) expect(index.search(query).map((hit) => hit.id)).toEqual(['2401.00102']);
  });
});
