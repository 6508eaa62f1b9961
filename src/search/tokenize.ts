import { ASCII_OR_TYPOGRAPHIC, foldLetters, TYPOGRAPHIC } from '../export/text';

/**
 * Search tokens: accent-folded (ø, ł, ß and Greek letters spelled in ASCII too, as the reading-list
 * search does: "lukasz" finds Łukasz, "tau" finds τ), lowercased runs of letters and digits, with
 * the commonest English function words dropped. Shared by the search index and related-paper similarity.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be by can for from has have in is it its of on or our that the their this to ' +
    'was we were which with via using use based new towards toward into than these those also').split(' '),
);

/**
 * Text holding what `tokenize` folds and splits: what it makes of it tells one tokenizer from another
 * (Korean alone, without a kept mark: whether its syllables come back whole).
 */
export const FOLDING_SAMPLE = 'The Łukasz Søren τ-bench: straße façade GPT-4o, Ω/π₀ 3D-ΜΟΕ via RL 한국어';

// Greek letters by name: titles made from LaTeX hold them ($\tau$-bench → τ-bench, $\pi_0$ → π₀),
// and readers type them spelled out ("tau-bench", "pi0").
const GREEK_NAMES = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho',
  'sigma', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

// What text copied from a PDF or a page has for the typed apostrophe.
const CURLY_APOSTROPHES = '\u2018\u2019\u02bc';
const APOSTROPHES = `'${CURLY_APOSTROPHES}`;
const CURLY_APOSTROPHE = new RegExp(`[${CURLY_APOSTROPHES}]`, 'g');

/** Text folded for search: `foldLetters`, and Greek letters spelled out (α → alpha; ς and σ → sigma). */
export function foldForSearch(text: string): string {
  // A curly apostrophe (a name copied from a PDF or a page: O’Brien) is the typed one.
  return foldLetters(text)
    .replace(/[\u03b1-\u03c9]/g, (letter) => GREEK_NAMES[letter.charCodeAt(0) - 0x3b1]!)
    .replace(CURLY_APOSTROPHE, "'");
}

const ASCII = /^[\x00-\x7f]*$/;
const TYPOGRAPHIC_CHARACTERS = new RegExp(`[${TYPOGRAPHIC}]`, 'g');

/**
 * `text` as ASCII, when it holds nothing past ASCII but TYPOGRAPHIC punctuation: a curly apostrophe
 * as the typed one, the rest as '"', which no pattern here reads but as a separator (a space would
 * join "Llama–2" as "Llama 2"). Null for other text.
 */
function asAscii(text: string): string | null {
  if (ASCII.test(text)) return text;
  if (!ASCII_OR_TYPOGRAPHIC.test(text)) return null;
  return text.replace(CURLY_APOSTROPHE, "'").replace(TYPOGRAPHIC_CHARACTERS, '"');
}

const UMLAUTS = /[äöü]/g;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/**
 * `text`, then its words holding ä, ö or ü with them written ae, oe, ue, as German readers type
 * them without umlauts: "Schoelkopf" finds Schölkopf (and "Scholkopf" still does).
 */
export function withGermanSpellings(text: string): string {
  if (ASCII_OR_TYPOGRAPHIC.test(text)) return text;
  const lower = text.normalize('NFC').toLowerCase();
  // The word around each umlaut, each once: a pattern around the umlaut backtracks over every word,
  // and reading every word of a 4 KB note took longer than the rest of its search text.
  const words: string[] = [];
  UMLAUTS.lastIndex = 0;
  for (let umlaut = UMLAUTS.exec(lower); umlaut; umlaut = UMLAUTS.exec(lower)) {
    const end = runEnd(lower, umlaut.index + 1, LETTER_OR_MARK);
    words.push(lower.slice(runStart(lower, umlaut.index, LETTER_OR_MARK), end));
    UMLAUTS.lastIndex = end;
  }
  return words.length > 0 ? `${text}\n${words.join(' ').replace(UMLAUTS, (umlaut) => `${umlaut.normalize('NFD')[0]}e`)}` : text;
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

/** A text as search reads it: its words, and its tokens (`tokenize`'s). */
export interface ReadText {
  /**
   * Lowercased, accent-folded runs of letters, marks and digits, stopwords kept (acronyms' long
   * forms hold them: "mixture of experts"); an empty string where the text begins or ends with
   * something else.
   */
  words: string[];
  tokens: string[];
}

/** A text's words and tokens from one pass over it: the search index reads 100,000 papers' texts for both. */
export function readText(text: string): ReadText {
  const lower = text.toLowerCase();
  // Most text is ASCII: skip Unicode folding and matching for it (indexing 100,000 papers
  // tokenizes 3 million words).
  const asciiText = asAscii(lower);
  if (asciiText !== null || !lower.includes('\n')) return readLine(lower, asciiText);
  // Past ASCII, line by line: one name (Schölkopf) sent a whole note of 4 KB down the Unicode
  // paths; its other lines stay on the ASCII one. The words are those of the whole text: a line's
  // '' at an end where it meets another line is no word (the whole has one separator there).
  const lines = lower.split('\n');
  const words: string[] = [];
  const tokens: string[] = [];
  lines.forEach((line, at) => {
    const read = readLine(line, asAscii(line));
    read.words.forEach((word, index) => {
      if (word !== '' || (at === 0 && index === 0) || (at === lines.length - 1 && index === read.words.length - 1)) words.push(word);
    });
    tokens.push(...read.tokens);
  });
  return { words, tokens };
}

/** readText of lowercased text with no line break (or ASCII: `asciiText`, asAscii's reading, not null). */
function readLine(lower: string, asciiText: string | null): ReadText {
  const ascii = asciiText !== null;
  const folded = asciiText ?? foldForSearch(lower);
  const cjk = !ascii && CJK.test(folded);
  const words = folded.split(ascii ? ASCII_SEPARATORS : SEPARATORS);
  const tokens: string[] = [];
  for (const word of words) {
    if (cjk && CJK.test(word)) {
      // Split: odd pieces are the runs of Chinese or Japanese ("llm", "の推論").
      word.split(CJK_RUNS).forEach((piece, at) => {
        if (at % 2 === 1) pushBigrams(piece, tokens);
        else if (piece !== '' && !STOPWORDS.has(piece)) tokens.push(piece);
      });
    } else if (word !== '' && !STOPWORDS.has(word)) tokens.push(word);
  }
  return { words, tokens };
}

/** readText's code and the code it reads lines with: what the related papers' kept terms are made by. */
export const READ_TEXT_SOURCE = [readText, readLine, asAscii].map(String).join('\n');

/** A text's search tokens (see the top of this module). */
export function tokenize(text: string): string[] {
  return readText(text).tokens;
}

// Hyphens that join a compound ("fine-tuning", "multi‐lingual"): not en or em dashes, which set off ranges and clauses.
const HYPHENS: ReadonlySet<string> = new Set(['-', '\u2010', '\u2011']);
const HAS_HYPHEN = /[-\u2010\u2011]/u;
const HYPHENS_FOUND = /[-\u2010\u2011]/gu;
/** The hyphens that join a compound (global: for `replace`). */
export const HYPHEN = /[-\u2010\u2011]/gu;
const DIGITS = /^[\d-]+$/;
// Where a word's case changes inside it: lower to upper ("FlashAttention", "ChatQA") or capitals to a
// word ("LLMRec"). Looked for in the whole text, then the word around each found (reading every
// word of a 4 KB note took longer than the rest of this).
const ASCII_CAMEL = /[a-z][A-Z]|[A-Z][A-Z][a-z]/g;
const CAMEL = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/gu;
const ASCII_LETTER_RUNS = /[A-Za-z]+/g;
const LETTER_RUNS = /\p{L}+/gu;
const LETTER = /^\p{L}$/u;
const ASCII_LETTER = /^[A-Za-z]$/;
// Its parts: capitalized words and runs of capitals (an acronym ends before a capital that begins a word: "LLMRec").
const CAMEL_PARTS = /\p{Lu}{2,}(?!\p{Ll})|\p{Lu}?\p{Ll}+/gu;

const isAsciiWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

/** Where the run of characters `kind` matches (one at a time; a character past the BMP is two code units) ending at `end` starts. */
function runStart(text: string, end: number, kind: RegExp): number {
  let start = end;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    const length = code >= 0xdc00 && code <= 0xdfff && start > 1 && (text.charCodeAt(start - 2) & 0xfc00) === 0xd800 ? 2 : 1;
    if (!kind.test(text.slice(start - length, start))) break;
    start -= length;
  }
  return start;
}

/** Where the run of characters `kind` matches starting at `at` ends. */
function runEnd(text: string, at: number, kind: RegExp): number {
  let end = at;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    const length = (code & 0xfc00) === 0xd800 && end + 1 < text.length && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (!kind.test(text.slice(end, end + length))) break;
    end += length;
  }
  return end;
}

/**
 * The hyphenated compounds of text past ASCII, as asciiCompounds finds them: from each hyphen (a
 * pattern from each word's start, with a look-behind tried at every character, took longer than
 * reading the rest of a note).
 */
function compounds(text: string): string[] {
  const found: string[] = [];
  HYPHENS_FOUND.lastIndex = 0;
  for (let hyphen = HYPHENS_FOUND.exec(text); hyphen; hyphen = HYPHENS_FOUND.exec(text)) {
    const start = runStart(text, hyphen.index, WORD_CHARACTER);
    let end = hyphen.index;
    // The compound goes on while a hyphen is followed by a letter, mark or digit.
    while (start < hyphen.index && HYPHENS.has(text[end]!)) {
      const wordEnd = runEnd(text, end + 1, WORD_CHARACTER);
      if (wordEnd === end + 1) break;
      end = wordEnd;
    }
    if (end > hyphen.index) found.push(text.slice(start, end));
    HYPHENS_FOUND.lastIndex = end + 1;
  }
  return found;
}

/** The hyphenated compounds of ASCII text: found from each hyphen, as a pattern costs a third of tokenizing the text. */
function asciiCompounds(text: string): string[] {
  const found: string[] = [];
  for (let hyphen = text.indexOf('-'); hyphen !== -1; ) {
    let start = hyphen;
    while (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) start--;
    let end = hyphen;
    // The compound goes on while a hyphen is followed by a letter or digit.
    while (start < hyphen && text.charCodeAt(end) === 45 && isAsciiWordChar(text.charCodeAt(end + 1))) {
      end++;
      while (isAsciiWordChar(text.charCodeAt(end))) end++;
    }
    if (end > hyphen) found.push(text.slice(start, end));
    hyphen = text.indexOf('-', end + 1);
  }
  return found;
}

/** The word's parts when it is made of words ("FlashAttention", "ChatQA", "OpenAI"); null for names like "LLaMA", "LoRA", "MoE", "iPhone". */
function camelParts(word: string): string[] | null {
  const parts = word.match(CAMEL_PARTS);
  // Parts of one or two letters ("Lo" in LoRA, "i" in iPhone) are more often a name's syllables than words.
  if (!parts || parts.length < 2 || parts.join('') !== word || parts.some((part) => part.length < 2 || (part.length < 3 && part !== part.toUpperCase()))) return null;
  return parts;
}

// A name and its version written apart ("Llama 2", "Phi 3"), which readers also type as one ("llama2"):
// a capitalized word and a whole number of up to three digits (not a year, a decimal or a section "3.3").
const NAME_AND_NUMBER = /(?<![A-Za-z0-9])([A-Z][A-Za-z]+) (\d{1,3})(?![A-Za-z0-9]|[.,]\d)/g;
const SPACE_DIGIT = / \d/;

const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`);
// A name with an apostrophe (O'Brien, D'Amour, d'Ascoli), which readers also type as one word ("obrien").
// Not a contraction in capitals ("I'LL", "WE'RE"): the name goes on in lowercase.
// (The apostrophe first, then what is behind it: a look-behind tried at every character took as long
// as reading the rest of a note.)
const APOSTROPHE_NAMES = new RegExp(`[${APOSTROPHES}](?<=(?<![\\p{L}\\p{M}])(\\p{L}{1,2})[${APOSTROPHES}])(\\p{Lu}\\p{Ll}[\\p{L}\\p{M}]*)`, 'gu');

/**
 * Terms a text is also found by, beside its `tokenize` tokens: a hyphenated compound as one word
 * ("fine-tuning" → "finetuning", "GPT-4o" → "gpt4o"; not a number range), a name with an apostrophe
 * as one word ("O'Brien" → "obrien"), a name and its version as one word ("Llama 2" → "llama2") and a
 * word made of words as its parts ("FlashAttention" → "flash", "attention"), so either spelling finds the other.
 */
export function compoundTerms(written: string): string[] {
  const asciiText = asAscii(written);
  const ascii = asciiText !== null;
  const text = asciiText ?? written;
  const terms: string[] = [];
  if (ascii ? text.includes('-') : HAS_HYPHEN.test(text)) {
    for (const compound of ascii ? asciiCompounds(text) : compounds(text)) {
      if (DIGITS.test(compound)) continue;
      const joined = tokenize(compound.replace(HYPHEN, '')).join('');
      // Chinese or Japanese is read in pairs of characters already.
      if (joined !== '' && !CJK.test(joined)) terms.push(joined);
    }
  }
  if (SPACE_DIGIT.test(text)) {
    for (const [, name, number] of text.matchAll(NAME_AND_NUMBER)) {
      const joined = tokenize(name! + number!).join('');
      if (joined !== '') terms.push(joined);
    }
  }
  if (APOSTROPHE.test(text)) {
    // Each name once, as matched from its start: "O'Ne'Il" is "O'Ne", not also "Ne'Il".
    let end = 0;
    for (const { 0: apostropheOn, 1: before, 2: after, index } of text.matchAll(APOSTROPHE_NAMES)) {
      if (index - before!.length < end) continue;
      end = index + apostropheOn.length;
      const joined = tokenize(before! + after!).join('');
      if (joined !== '') terms.push(joined);
    }
  }
  const camel = ascii ? ASCII_CAMEL : CAMEL;
  const runs = ascii ? ASCII_LETTER_RUNS : LETTER_RUNS;
  camel.lastIndex = 0;
  for (let change = camel.exec(text); change; change = camel.exec(text)) {
    runs.lastIndex = runStart(text, change.index, ascii ? ASCII_LETTER : LETTER);
    const [word] = runs.exec(text)!;
    // On past the word: each once.
    camel.lastIndex = runs.lastIndex;
    const parts = camelParts(word);
    if (parts) for (const part of parts) terms.push(...tokenize(part));
  }
  return terms;
}

/** A run of words in a query that may be written as one ("fine-tuning", "flash attention" → "finetuning", "flashattention"). */
export interface QueryJoin {
  joined: string;
  /** The query's words (tokenize's) it stands for: stopwords joined in are not among them ("on-device"). */
  words: string[];
  /** Whether it ends with the query's last word. */
  last: boolean;
  /**
   * What the joined word stands for. `spelling`: another spelling of the words, matched as well as
   * they are. A stopword and a word ("in-context", "on policy"), the stopword telling it from other
   * compounds ("long-context", "off-policy"): hyphenated, `compound`, which alone stands for the
   * word; with a space, `ranking`: the words match, papers writing the compound first. (Longer
   * phrases, "in-the-wild", are as often written without hyphens: their words stand for them.)
   */
  kind: 'spelling' | 'compound' | 'ranking';
}

const QUERY_WORDS = /[\p{L}\p{M}\p{N}]+/gu;
const SPACES = /^\s+$/u;

/**
 * The runs of a query's words that may be written as one word: a hyphenated compound, whole
 * ("state-of-the-art" → "stateoftheart", as compoundTerms indexes it), and two words side by
 * side ("flash attention", "in context"), unless the second is a stopword.
 */
export function queryJoins(query: string): QueryJoin[] {
  const folded = foldForSearch(query.toLowerCase());
  const runs: { word: string; end: number; start: number }[] = [];
  for (const match of folded.matchAll(QUERY_WORDS)) runs.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  const joins: QueryJoin[] = [];
  const add = (parts: string[], last: boolean, hyphenated: boolean) => {
    if (parts.some((part) => CJK.test(part)) || DIGITS.test(parts.join(''))) return;
    const words = parts.filter((part) => !STOPWORDS.has(part));
    const stopwordFirst = parts.length === 2 && STOPWORDS.has(parts[0]!);
    if (words.length > 0) joins.push({ joined: parts.join(''), words, last, kind: !stopwordFirst ? 'spelling' : hyphenated ? 'compound' : 'ranking' });
  };
  let chain = runs.length > 0 ? [runs[0]!] : [];
  for (let at = 1; at <= runs.length; at++) {
    const run = runs[at];
    const between = run ? folded.slice(runs[at - 1]!.end, run.start) : '';
    if (run && HYPHENS.has(between)) {
      chain.push(run);
      continue;
    }
    if (chain.length > 1) add(chain.map(({ word }) => word), !run, true);
    if (!run) break;
    const previous = runs[at - 1]!.word;
    if (SPACES.test(between) && !STOPWORDS.has(run.word)) add([previous, run.word], at === runs.length - 1, false);
    chain = [run];
  }
  return joins;
}
