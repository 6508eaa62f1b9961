import { foldLetters } from '../export/text';

/**
 * Search tokens: accent-folded (ø, ł, ß and Greek letters spelled in ASCII too, as the reading-list
 * search does: "lukasz" finds Łukasz, "tau" finds τ), lowercased runs of letters and digits, with
 * the commonest English function words dropped. Shared by the search index and related-paper similarity.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be by can for from has have in is it its of on or our that the their this to ' +
    'was we were which with via using use based new towards toward into than these those also').split(' '),
);

// Greek letters by name: titles made from LaTeX hold them ($\tau$-bench → τ-bench, $\pi_0$ → π₀),
// and readers type them spelled out ("tau-bench", "pi0").
const GREEK_NAMES = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho',
  'sigma', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

/** Text folded for search: `foldLetters`, and Greek letters spelled out (α → alpha; ς and σ → sigma). */
export function foldForSearch(text: string): string {
  return foldLetters(text).replace(/[\u03b1-\u03c9]/g, (letter) => GREEK_NAMES[letter.charCodeAt(0) - 0x3b1]!);
}

const ASCII = /^[\x00-\x7f]*$/;
const UMLAUT = /[äöü]/;

/**
 * `text`, then its words holding ä, ö or ü with them written ae, oe, ue, as German readers type
 * them without umlauts: "Schoelkopf" finds Schölkopf (and "Scholkopf" still does).
 */
export function withGermanSpellings(text: string): string {
  if (ASCII.test(text)) return text;
  const lower = text.normalize('NFC').toLowerCase();
  // Words first, then those with an umlaut: one pattern around the umlaut backtracks over every word.
  const words = UMLAUT.test(lower) ? lower.match(/[\p{L}\p{M}]+/gu)!.filter((word) => UMLAUT.test(word)) : [];
  return words.length > 0 ? `${text}\n${words.join(' ').replace(/[äöü]/g, (umlaut) => `${umlaut.normalize('NFD')[0]}e`)}` : text;
}

const ASCII_SEPARATORS = /[^a-z0-9]+/;
// Marks are part of words: foldLetters keeps only those that make letters (Devanagari vowel signs).
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;
// Chinese and Japanese write no spaces between words (ー lengthens a katakana vowel).
export const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]/u;
const CJK_RUNS = /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+)/u;

/**
 * A run of Chinese or Japanese as its overlapping pairs of characters (a run of one, as itself): a
 * word inside it ("推論" in "言語モデルの推論高速化") is found, whatever its neighbours.
 */
function pushBigrams(run: string, tokens: string[]): void {
  const chars = [...run];
  if (chars.length === 1) tokens.push(run);
  for (let i = 1; i < chars.length; i++) tokens.push(chars[i - 1]! + chars[i]!);
}

export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // Most text is ASCII: skip Unicode folding and matching for it (indexing 100,000 papers
  // tokenizes 3 million words).
  const ascii = ASCII.test(lower);
  const folded = ascii ? lower : foldForSearch(lower);
  const cjk = !ascii && CJK.test(folded);
  const tokens: string[] = [];
  for (const token of folded.split(ascii ? ASCII_SEPARATORS : SEPARATORS)) {
    if (cjk && CJK.test(token)) {
      // Split: odd pieces are the runs of Chinese or Japanese ("llm", "の推論").
      token.split(CJK_RUNS).forEach((piece, at) => {
        if (at % 2 === 1) pushBigrams(piece, tokens);
        else if (piece !== '' && !STOPWORDS.has(piece)) tokens.push(piece);
      });
    } else if (token !== '' && !STOPWORDS.has(token)) tokens.push(token);
  }
  return tokens;
}
