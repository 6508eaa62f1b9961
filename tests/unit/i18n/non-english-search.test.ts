import { describe, expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex } from '../../../src/search/search-index';
import { titleDocument as doc } from '../search/title-document';
import { EMPTY_QUERY, filterItems } from '../../../src/ui/reading-list/query';
import { savedItem } from '../export/fixtures';

// Searches as readers in Japan, China and India type them, over titles and notes in their own scripts.


const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);

describe('the store search (popup) over titles in Chinese and Japanese', () => {
  const index = new SearchIndex(
    buildSearchSnapshot([
      doc('2401.00001', '大規模言語モデルの推論高速化'),
      doc('2401.00002', '基于深度学习的图像识别方法'),
      doc('2401.00003', 'Scaling laws for language models'),
    ]),
  );
  const search = (query: string) => ids(index.search(query));

  test('a word inside a Japanese title finds it ("推論", inference; "言語モデル", language model)', () => {
    expect(search('推論')).toEqual(['2401.00001']);
    expect(search('言語モデル')).toEqual(['2401.00001']);
  });

  test('a word inside a Chinese title finds it ("图像识别", image recognition)', () => {
    expect(search('图像识别')).toEqual(['2401.00002']);
  });

  test('the first character typed already finds the titles with a word starting with it, as "lang" finds "language"', () => {
    expect(search('推')).toEqual(['2401.00001']);
    expect(search('图')).toEqual(['2401.00002']);
  });
});

describe('letters that are marks in their script are not dropped as accents', () => {
  // パス (path) and バス (bus) differ only by a (han)dakuten; काम (work) and कम (less) by a vowel sign.
  const items = [
    savedItem({ id: '2401.00011', title: 'パス計画の新手法', notes: '' }),
    savedItem({ id: '2401.00012', title: 'バス路線の最適化', notes: '' }),
    savedItem({ id: '2401.00013', title: 'Robot planning', notes: 'काम के लिए पढ़ना' }),
    savedItem({ id: '2401.00014', title: 'Efficient inference', notes: 'कम मेमोरी' }),
  ];
  const search = (text: string) => ids(filterItems(items, { ...EMPTY_QUERY, text }));

  test('reading list: "パス" (path) finds the path-planning paper only, "バス" (bus) the bus one only', () => {
    expect(search('パス')).toEqual(['2401.00011']);
    expect(search('バス')).toEqual(['2401.00012']);
  });

  test('reading list: "कम" (less) finds the note that says it, not the one that says "काम" (work)', () => {
    expect(search('कम')).toEqual(['2401.00014']);
    expect(search('काम')).toEqual(['2401.00013']);
  });

  test('store search (popup): "バス" does not find "パス"', () => {
    const index = new SearchIndex(buildSearchSnapshot([doc('2401.00011', 'パス'), doc('2401.00012', 'バス')]));
    expect(ids(index.search('バス'))).toEqual(['2401.00012']);
  });
});

describe('German spelling without umlauts', () => {
  const items = [savedItem({ id: '2401.00021', title: 'Kernel methods', authors: ['Bernhard Schölkopf'] }), savedItem({ id: '2401.00022', title: 'Müller nets', authors: ['Klaus Müller'] })];
  const search = (text: string) => ids(filterItems(items, { ...EMPTY_QUERY, text }));

  test('reading list: "Schoelkopf" and "Mueller" (ö and ü written oe, ue) find them, as "Scholkopf" does', () => {
    expect(search('Scholkopf')).toEqual(['2401.00021']);
    expect(search('Schoelkopf')).toEqual(['2401.00021']);
    expect(search('Mueller')).toEqual(['2401.00022']);
  });
});

// Arabic harakat and Hebrew niqqud are optional vowel points: a reader types the word without
// them, as it is written everywhere but in teaching and religious texts (found by review10).
describe('optional vowel points (Arabic, Hebrew) do not hide a title from a search typed without them', () => {
  const ARABIC = 'التَّعَلُّمُ العَمِيقُ لِلرُّؤْيَة';
  const HEBREW = 'לְמִידָה עֲמוּקָה לִרְאִיָּה';

  test('reading list: "التعلم العميق" and "למידה עמוקה" find the vocalized titles', () => {
    const items = [savedItem({ id: '2401.00031', title: ARABIC }), savedItem({ id: '2401.00032', title: HEBREW })];
    const search = (text: string) => ids(filterItems(items, { ...EMPTY_QUERY, text }));
    expect(search('التعلم العميق')).toEqual(['2401.00031']);
    expect(search('למידה עמוקה')).toEqual(['2401.00032']);
  });

  test('store search (popup): the same', () => {
    const index = new SearchIndex(buildSearchSnapshot([doc('2401.00031', ARABIC), doc('2401.00032', HEBREW)]));
    expect(ids(index.search('التعلم العميق'))).toEqual(['2401.00031']);
    expect(ids(index.search('למידה עמוקה'))).toEqual(['2401.00032']);
  });
});

// Hangul syllables come apart into their letters when accents are folded; a text whose Hindi vowel
// signs were kept is put together again, so a Korean word must be read the same either way.
describe('a Korean word is found whatever else the text holds', () => {
  const KOREAN_AND_HINDI = '한국어 언어 모델 (हिन्दी सारांश)';
  const KOREAN_ONLY = '한국어 음성 인식';

  test('reading list: "한국어" (Korean) finds the title that also holds Hindi, and the one that does not', () => {
    const items = [savedItem({ id: '2401.00041', title: KOREAN_AND_HINDI }), savedItem({ id: '2401.00042', title: KOREAN_ONLY }), savedItem({ id: '2401.00043', title: 'हिन्दी मॉडल' })];
    const search = (text: string) => ids(filterItems(items, { ...EMPTY_QUERY, text }));
    expect(search('한국어')).toEqual(['2401.00041', '2401.00042']);
    expect(search('한국어 हिन्दी')).toEqual(['2401.00041']);
  });

  test('store search (popup): the same', () => {
    const index = new SearchIndex(buildSearchSnapshot([doc('2401.00041', KOREAN_AND_HINDI), doc('2401.00042', KOREAN_ONLY), doc('2401.00043', 'हिन्दी मॉडल')]));
    expect(ids(index.search('한국어')).sort()).toEqual(['2401.00041', '2401.00042']);
    expect(ids(index.search('한국어 हिन्दी'))).toEqual(['2401.00041']);
  });
});
