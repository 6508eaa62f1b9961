import { describe, expect, test } from 'vitest';
import { foldLetters } from '../../../src/export/text';
import { compoundTerms, foldForSearch, readText, withGermanSpellings } from '../../../src/search/tokenize';

// Text as notes and abstracts pasted from PDFs and pages hold it: curly quotes and apostrophes,
// dashes, bullets, signs and no-break spaces, and no other character past ASCII. Each ends with a word.
const TEXTS = [
  'O’Brien’s “FlashAttention”–2 beats ‘GPT-4o’ — see Llama–2 and Phi 3 end',
  '• 3× faster, ±0.5 points, ≤ 2% loss, ≈ 10°, a → b ← c, x·y, −1 end',
  'fine‑tuning vs fine–tuning vs fine—tuning vs d’Ascoli end',
  'Mixture–of–Experts (MoE) and “mixtures of experts” in LLaMA\u00a02 and ChatQA\u00a02 end',
  'I’LL see: “LLMRec” and ‘Llama 2’ end',
];

// A letter past ASCII that is no punctuation sends a text down the Unicode paths: the same text then
// reads the same, but for that letter's word.
const UNICODE_WORD = ' é';

describe('text holding curly quotes, dashes and signs reads as it does with a letter past ASCII', () => {
  test.each(TEXTS)('%s', (text) => {
    const unicode = `${text}${UNICODE_WORD}`;
    const { words, tokens } = readText(text);
    expect(readText(unicode)).toEqual({ words: [...words, 'e'], tokens: [...tokens, 'e'] });
    expect(compoundTerms(unicode)).toEqual(compoundTerms(text));
    expect(foldForSearch(unicode)).toBe(`${foldForSearch(text)} e`);
    expect(foldLetters(unicode)).toBe(`${foldLetters(text)} e`);
    expect(withGermanSpellings(unicode)).toBe(unicode);
    expect(withGermanSpellings(text)).toBe(text);
  });

  test('an en dash joins no name and number, a curly apostrophe joins a name', () => {
    expect(compoundTerms('Llama–2 and O’Brien')).toEqual(['obrien']);
    expect(readText('“Llama”–2 O’Brien').words).toEqual(['', 'llama', '2', 'o', 'brien']);
  });
});

describe('text past ASCII, read from each hyphen, umlaut and change of case, and line by line', () => {
  test('compounds, names with an apostrophe, words made of words and German spellings are found as in ASCII text', () => {
    expect(compoundTerms('Müller‐Lüdenscheidt’s ŁukaszKaiser and d’Amour, fine‑tuning of GPT-4o (2023–2024) é')).toEqual(['mullerludenscheidt', 'finetuning', 'gpt4o', 'damour', 'lukasz', 'kaiser']);
    expect(compoundTerms('Schölkopf‑Müller über ÜberNet and Öl-Ölmo')).toEqual(['scholkopfmuller', 'ololmo', 'uber', 'net']);
    // A name with two apostrophes is one name, read from its start.
    expect(compoundTerms("O'Ne'Il and d’Al’Ascoli é")).toEqual(['one', 'dal']);
    expect(withGermanSpellings('Schölkopf‑Müller über ÜberNet and Öl-Ölmo')).toBe('Schölkopf‑Müller über ÜberNet and Öl-Ölmo\nschoelkopf mueller ueber uebernet oel oelmo');
  });

  test.each([
    'Notes on Schölkopf’s kernels.\nMixture of experts\n\nand ViT.\n',
    '\n한국어 요약\nplain line\n',
    'Ωmega line\n\n\nlast é',
  ])('a text of several lines reads the words and tokens it reads on one line: %j', (text) => {
    expect(readText(text)).toEqual(readText(text.replaceAll('\n', ' ')));
  });
});
