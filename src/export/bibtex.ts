import { arxivAbsUrl, placeholderTitle } from '../papers/ids';
import { isEtAl, lastName, nameParts, nameSuffix } from '../papers/names';
import { ACCENTS, latexToText } from '../papers/latex';
import type { SavedItem } from '../schema/papers';
import { foldForSearch } from '../search/tokenize';
import { asciiFold, citedDate, paperYearMonth, singleLine, unixNewlines } from './text';

/**
 * BibTeX export: one `@misc` entry per paper, in the form arXiv itself uses (eprint, archivePrefix,
 * primaryClass), readable by BibTeX and biber. Text stays UTF-8 but for what pdfLaTeX cannot typeset
 * from it (latexCharacter: math, scripts, accents; emoji left out); LaTeX's special characters are
 * written as commands whose only braces are `{}` pairs, so every field's braces balance (BibTeX
 * counts `\{` as a brace, so `\{` alone would break the file).
 */

const LATEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '%': '\\%',
  '&': '\\&',
  '$': '\\$',
  '#': '\\#',
  '_': '\\_',
};

/**
 * Characters pdfLaTeX cannot typeset from UTF-8 (Overleaf's default compiler stops at them with
 * "Unicode character α not set up for use with LaTeX"), though titles hold them often once their
 * LaTeX is rendered (`$\beta$-VAE`, `$\pi_0$`): Greek letters and math symbols as math commands.
 * Latin-1 and Latin Extended-A letters, dashes, quotes, ×, ±, → and the like pdfLaTeX reads as they are.
 */
export const LATEX_MATH: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'varepsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta',
  θ: 'theta', ϑ: 'vartheta', ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi',
  ρ: 'rho', σ: 'sigma', ς: 'varsigma', τ: 'tau', υ: 'upsilon', φ: 'varphi', ϕ: 'phi', χ: 'chi',
  ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi',
  Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
  '∓': 'mp', '≈': 'approx', '≃': 'simeq', '∼': 'sim', '≡': 'equiv', '≤': 'leq', '≥': 'geq', '≠': 'neq',
  '≪': 'll', '≫': 'gg', '∞': 'infty', '⇒': 'Rightarrow', '↔': 'leftrightarrow', '∈': 'in', '∑': 'sum',
  '∏': 'prod', '∂': 'partial', '∇': 'nabla', '√': 'surd', '∝': 'propto', '⋯': 'cdots', ℓ: 'ell',
  '∅': 'emptyset', '∀': 'forall', '∃': 'exists', '∧': 'wedge', '∨': 'vee', '∩': 'cap', '∪': 'cup',
  '⊂': 'subset', '⊆': 'subseteq', '∗': 'ast', '⊕': 'oplus', '⊗': 'otimes', '∘': 'circ', '⋅': 'cdot',
  '∥': 'parallel', '′': 'prime', '≅': 'cong', '∖': 'setminus', '≺': 'prec',
  // What latexToText renders titles' math as (`$\lesssim$`, `$\mathbb{R}$`, `$W^\top$`).
  '≲': 'lesssim', '≳': 'gtrsim', '⊤': 'top', '⊥': 'perp', '∫': 'int', '∮': 'oint', '↦': 'mapsto', ℏ: 'hbar',
  '⊙': 'odot', '⊨': 'models', '⊢': 'vdash', '⟹': 'Longrightarrow', '⟺': 'Longleftrightarrow',
  '⟶': 'longrightarrow', '⇐': 'Leftarrow', '⇔': 'Leftrightarrow', '△': 'triangle', '⌈': 'lceil',
  '⌉': 'rceil', '⌊': 'lfloor', '⌋': 'rfloor', ℜ: 'Re', ℑ: 'Im', ℵ: 'aleph', '≍': 'asymp', '≻': 'succ',
  '⪯': 'preceq', '⪰': 'succeq', '∉': 'notin', '∋': 'ni', '⊃': 'supset', '⊇': 'supseteq', '∠': 'angle',
  '⋮': 'vdots', '⋱': 'ddots', ϱ: 'varrho', ϖ: 'varpi', Υ: 'Upsilon', '✓': 'checkmark',
};

// Characters written as another's LaTeX (∆ INCREMENT as Δ, Greek capital Α as A): kept apart so the
// import reads each command back as the character of LATEX_MATH.
const LATEX_MATH_ALIASES: Readonly<Record<string, string>> = {
  '∆': '\\ensuremath{\\Delta}', '⩽': '\\ensuremath{\\leq}', '⩾': '\\ensuremath{\\geq}', '∣': '|', '∕': '/', '−': '-',
  '⋆': '\\ensuremath{\\star}', ...Object.fromEntries([...'ΑΒΕΖΗΙΚΜΝΟΡΤΧο'].map((ch, index) => [ch, 'ABEZHIKMNOPTXo'[index]!])),
};

/**
 * Commands above that base LaTeX lacks (amssymb has them, \xmark is nobody's): the file's @preamble
 * provides each that its entries use, for documents not loading amssymb, and leaves a document's own alone.
 */
const PROVIDED_COMMANDS: Readonly<Record<string, string>> = {
  mathbb: '\\providecommand{\\mathbb}[1]{\\mathbf{#1}}',
  lesssim: '\\providecommand{\\lesssim}{\\mathrel{\\stackrel{<}{\\sim}}}',
  gtrsim: '\\providecommand{\\gtrsim}{\\mathrel{\\stackrel{>}{\\sim}}}',
  checkmark: '\\providecommand{\\checkmark}{\\surd}',
  xmark: '\\providecommand{\\xmark}{\\ensuremath{\\times}}',
};
const PROVIDED_USE = new RegExp(`\\\\(${Object.keys(PROVIDED_COMMANDS).join('|')})(?![A-Za-z])`, 'g');

/** `text` (entries) after the @preamble providing the commands of PROVIDED_COMMANDS they use, if any. */
function withPreamble(text: string): string {
  const used = new Set([...text.matchAll(PROVIDED_USE)].map((match) => match[1]!));
  if (used.size === 0) return text;
  return `@preamble{"${[...used].sort().map((name) => PROVIDED_COMMANDS[name]).join(' ')}"}\n\n${text}`;
}

/** Sub- and superscript characters pdfLaTeX cannot typeset either (`π₀`, `Wᵀ`): the character each raises or lowers. */
export const LATEX_SCRIPTS: Readonly<Record<string, { command: 'textsubscript' | 'textsuperscript'; text: string }>> = Object.fromEntries([
  ...[...'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'].map((ch, index) => [ch, { command: 'textsubscript', text: '0123456789+-=()aehijklmnoprstuvx'[index]! }] as const),
  ...[...'⁰⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ'].map((ch, index) => [ch, { command: 'textsuperscript', text: '0456789+-=()niT'[index]! }] as const),
  ...[...'ᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵁⱽᵂ'].map((ch, index) => [ch, { command: 'textsuperscript', text: 'abcdefghjklmoprstuvwxyzABDEGHIJKLMNOPRUVW'[index]! }] as const),
]);

/** LaTeX's accent command for each combining mark a letter decomposes into. */
const ACCENT_COMMANDS: ReadonlyMap<string, string> = new Map(Object.entries(ACCENTS).map(([command, mark]) => [mark, command]));

/**
 * A letter of Latin Extended-B or Extended Additional, which pdfLaTeX's T1 fonts lack (Vietnamese
 * "ễ", "ạ", pinyin "ǎ"): as stacked accent commands, `{\~{\^{e}}}`. A mark LaTeX has no command
 * for (Vietnamese horn and hook above) leaves the plain letter, as such names are written in ASCII.
 */
function accentedLetter(ch: string): string {
  const [base = ch, ...marks] = ch.normalize('NFD');
  if (!/^[A-Za-z]$/.test(base) || marks.length === 0) return ch;
  if (marks.some((mark) => !ACCENT_COMMANDS.has(mark))) return base;
  return `{${marks.reduce((inner, mark) => `\\${ACCENT_COMMANDS.get(mark)!}{${inner}}`, base)}}`;
}

const EXTENDED_LATIN = /[\u0180-\u024F\u1E00-\u1EFF]/u;
const LATEX_SPECIAL = /[\\{}~^<>%&$#_]|[^\x00-\x7f]/gu;

/**
 * What pdfLaTeX sets from UTF-8 as it is: the characters LaTeX's t1enc, ts1enc, ot1enc, omsenc .dfu
 * files and utf8.def declare (TeX Live 2022), Latin-1 and Extended-A letters, quotes, dashes, € among them.
 */
const PDFLATEX_TEXT = /[\u00A0-\u0125\u0128-\u0137\u0139-\u013E\u0141-\u0148\u014A-\u0165\u0168-\u017E\u0192\u01C4-\u01D4\u01E2\u01E3\u01E6-\u01EB\u01F0\u01F4\u01F5\u0218-\u021B\u0232\u0233\u0237\u02C6\u02C7\u02D8\u02D9\u02DB-\u02DD\u0E3F\u1E02\u1E03\u1E0D\u1E1E-\u1E21\u1E25\u1E30\u1E31\u1E37\u1E43\u1E45\u1E47\u1E5B\u1E63\u1E6D\u1E8E-\u1E91\u1E9E\u1EF2\u1EF3\u2010-\u2016\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2031\u2039-\u203B\u203D\u2044\u204E\u2052\u20A1\u20A4\u20A6\u20A9\u20AB\u20AC\u20B1\u2103\u2116\u2117\u211E\u2120\u2122\u2126\u2127\u212E\u2190-\u2193\u2329\u232A\u2422\u2423\u25E6\u25EF\u266A\u27E8\u27E9\u3008\u3009\uFB00-\uFB06]/u;

// Latin letters the tables lack, as their ASCII look-alikes (Maltese ħ, Sámi ŧ, Azerbaijani ə), so a name keeps every letter.
const PLAIN_LATIN: Readonly<Record<string, string>> = {
  ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ĸ: 'q', ŀ: 'l', Ŀ: 'L', ŉ: "'n", ə: 'e', Ə: 'E', ɛ: 'e', Ɛ: 'E', ɔ: 'o', Ɔ: 'O',
};

// ℝ, 𝔼 (latexToText's \mathbb): the letter NFKD gives them.
const DOUBLE_STRUCK = /^(?:[ℂℍℕℙℚℝℤ]|[\u{1D538}-\u{1D56B}\u{1D7D8}-\u{1D7E1}])$/u;
// Letters, marks and digits of scripts other than Latin and Greek (張偉, Иванов): a name or word itself.
const OTHER_SCRIPT = /^(?![\p{sc=Latin}\p{sc=Greek}\p{sc=Common}\p{sc=Inherited}])[\p{L}\p{M}\p{N}]$/u;
// Common-script characters of a few scripts only: Japanese's long vowel ー (データ is not デタ),
// the ideographic 。、「」, the Arabic comma. Part of that text, kept as it.
const OTHER_SCRIPTS_COMMON = /^(?![\p{scx=Latin}\p{scx=Greek}\p{scx=Common}\p{scx=Inherited}])[\p{sc=Common}\p{sc=Inherited}]$/u;

/**
 * A character pdfLaTeX cannot set from UTF-8, as LaTeX: accents as commands, math as math, ℝ as
 * \mathbb{R}, a compatibility form (①, ﬁ, full-width Ａ) as what it stands for. Text of other
 * scripts, with their own marks, stays UTF-8: dropped, a name would be lost, and its readers compile with XeLaTeX or CJK.
 * What is left (emoji, dingbats, stray marks) is dropped: a field pdfLaTeX stops at costs the whole
 * bibliography, one without its 🤗 nothing.
 */
function latexCharacter(ch: string): string {
  if (EXTENDED_LATIN.test(ch)) {
    const letter = accentedLetter(ch);
    if (letter !== ch || PDFLATEX_TEXT.test(ch)) return letter;
  }
  if (PDFLATEX_TEXT.test(ch)) return ch;
  const math = LATEX_MATH[ch];
  if (math !== undefined) return `\\ensuremath{\\${math}}`;
  if (LATEX_MATH_ALIASES[ch] !== undefined) return LATEX_MATH_ALIASES[ch];
  const script = LATEX_SCRIPTS[ch];
  if (script !== undefined) return `\\${script.command}{${script.text}}`;
  if (ch === '✗') return '\\xmark{}';
  if (PLAIN_LATIN[ch] !== undefined) return PLAIN_LATIN[ch];
  if (OTHER_SCRIPT.test(ch) || OTHER_SCRIPTS_COMMON.test(ch)) return ch;
  const compatible = ch.normalize('NFKD');
  if (DOUBLE_STRUCK.test(ch)) return /^[A-Z]$/.test(compatible) ? `\\ensuremath{\\mathbb{${compatible}}}` : `\\ensuremath{\\mathbf{${compatible}}}`;
  return compatible !== ch ? escapeCharacters(compatible) : '';
}

// Latin letters without an accent to split off, as the commands classic BibTeX knows (or LaTeX's T1 has).
const LETTER_COMMANDS: Readonly<Record<string, string>> = {
  Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', ß: 'ss', ı: 'i', Đ: 'DJ', đ: 'dj', Þ: 'TH',
  þ: 'th', Ð: 'DH', ð: 'dh', Ŋ: 'NG', ŋ: 'ng',
};
const LATIN_LETTER = /^[\u00C0-\u017F]$/u;

/**
 * A Latin-1 or Extended-A letter of a name as BibTeX's "special character" (`{\L}`, `{\'{E}}`):
 * classic BibTeX takes a name word starting with UTF-8 (Łukasz, Émile) for a lower-case "von"
 * particle, gives it no initial and sorts it after Z; it reads the case, initial and sort letter
 * of a special character.
 */
function nameLetter(ch: string): string | null {
  if (!LATIN_LETTER.test(ch) || !/\p{L}/u.test(ch)) return null;
  if (LETTER_COMMANDS[ch] !== undefined) return `{\\${LETTER_COMMANDS[ch]}}`;
  const accented = accentedLetter(ch);
  return accented !== ch ? accented : null;
}

// A word of three Greek letters or more standing alone (not "αβγ-divergences", a symbols' compound):
// a field holding one is Greek text, every Greek letter in it kept UTF-8 as Cyrillic is ("Η", "το",
// an initial "Ο."). Elsewhere a Greek letter is a symbol, LaTeX math (β-VAE, π₀). (QA: a Greek word
// came out as italic math letters, its capital Ε a Latin E and its accent lost.)
const GREEK_WORD = /(?<![\p{L}\p{M}\p{N}-])(?:\p{sc=Greek}\p{M}*){3,}(?![\p{L}\p{M}\p{N}-])/u;
const GREEK = /^\p{sc=Greek}$/u;

function escapeCharacters(text: string, names = false): string {
  const greekText = GREEK_WORD.test(text);
  return text.replace(LATEX_SPECIAL, (ch) => (greekText && GREEK.test(ch) ? ch : (LATEX_ESCAPES[ch] ?? (names ? nameLetter(ch) : null) ?? latexCharacter(ch))));
}

/** Whether `text`, written for pdfLaTeX, loses characters (emoji, dingbats: see latexCharacter). */
export function losesCharactersInLatex(text: string): boolean {
  for (const [ch] of text.normalize('NFC').matchAll(LATEX_SPECIAL)) if (LATEX_ESCAPES[ch] === undefined && latexCharacter(ch) === '') return true;
  return false;
}

/** `text` without the characters a BibTeX export leaves out (emoji, dingbats), as an import of that export reads it. */
export function withoutLatexLost(text: string): string {
  return text.normalize('NFC').replace(LATEX_SPECIAL, (ch) => (LATEX_ESCAPES[ch] === undefined && latexCharacter(ch) === '' ? '' : ch));
}

/** `text` as LaTeX; `names`: its accented Latin letters as commands too, as BibTeX's name parsing needs. */
function escapeLatex(text: string, names = false): string {
  return escapeCharacters(text.normalize('NFC'), names);
}

/** A field's text on one line as LaTeX (`names`: as escapeLatex's), without the spaces a character left out (an emoji) leaves doubled or at an end. */
function latexLine(text: string, names = false): string {
  return escapeLatex(singleLine(text), names).replace(/ {2,}/g, ' ').trim();
}

const AND_WORD = /(^|\s)and(\s|$)/i;

/**
 * An author as BibTeX reads it. A name with a suffix ("Guy L. Steele Jr.", "…, Jr.") is written in
 * BibTeX's `von Last, Jr, First` form, which alone keeps "Jr." out of the last name. Other names
 * BibTeX would misread — a comma ("Last, First"), the word "and" (the name separator) or a lone
 * "others" (et al.) — are braced so they stay one name as typed.
 */
function bibtexAuthor(name: string): string {
  const suffix = nameSuffix(name);
  // Lower-case words before the last name are its particles ("Ludwig van Beethoven Jr."): BibTeX's von part.
  const parts = suffix === '' || AND_WORD.test(name) ? null : nameParts(name);
  if (parts) return [parts.last, parts.suffix, parts.first].map((part) => latexLine(part, true)).join(', ');
  const escaped = latexLine(name, true);
  // (A one-word name with a suffix, "Steele Jr.", too: BibTeX's form needs a first name.)
  return /,/.test(name) || suffix !== '' || AND_WORD.test(name) || /^others$/i.test(name) ? `{${escaped}}` : escaped;
}

/** A tag as a keyword: one holding a separator (";") is braced so it reads back as one tag. */
function bibtexKeyword(tag: string): string {
  const escaped = escapeLatex(tag);
  return /[,;]/.test(tag) ? `{${escaped}}` : escaped;
}

// Words skipped when picking the title word of a citation key.
const KEY_STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'from', 'by', 'at', 'is', 'are', 'do', 'does', 'towards', 'toward']);

/** What a citation needs to know of a paper (and its kept key, for a saved one). */
export type Citable = Pick<SavedItem, 'id' | 'title' | 'authors' | 'published' | 'primaryCategory' | 'doi' | 'journalRef'> & Partial<Pick<SavedItem, 'citeKey'>>;

/**
 * The first significant title word, in ASCII ('' when there is none). Of a title holding TeX, a
 * word of its text ("On the $\mathcal{O}(n)$ …" gives o, not mathcal), unless `legacy`.
 */
function titleWord(title: string, legacy: boolean): string {
  for (const raw of (legacy ? title : latexToText(title)).split(/[^\p{L}\p{N}]+/u)) {
    // Greek letters spelled out, as ML titles use them ("π₀: …" → pi0, not a bare 0 after the year).
    const word = asciiFold(foldForSearch(raw));
    if (word !== '' && !KEY_STOPWORDS.has(word)) return word;
  }
  return '';
}

/** `arxiv2401_12345`, `arxivmath_0309136`: a key from the id alone, which no other paper has. */
function idCitationKey(id: string): string {
  return `arxiv${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The last name as keys had it before suffixes were read ("Guy L. Steele Jr." → Jr., "Steele, Jr." → Steele). */
function legacyLastName(name: string): string {
  const trimmed = name.trim();
  const comma = trimmed.indexOf(',');
  return comma >= 0 ? trimmed.slice(0, comma) : trimmed.split(/\s+/).pop() ?? '';
}

/**
 * `vaswani2017attention`: first author's last name, year, first significant title word, in ASCII.
 * A first author whose name has no Latin letters (張偉, Иванов) or no author gives the id's key
 * rather than `anon…`, which every such paper of a year shared. `legacy`: keys as exports made them
 * before keys were kept (`anon` for these), which the store's upgrade keeps for items already saved.
 */
export function baseCitationKey(item: Citable, legacy = false): string {
  const first = item.authors.find((name) => name.trim() !== '') ?? '';
  const author = asciiFold(legacy ? legacyLastName(first) : lastName(first));
  if (author === '' && !legacy) return idCitationKey(item.id);
  const year = paperYearMonth(item)?.year ?? '';
  const word = titleWord(item.title, legacy);
  if (legacy) return `${author || 'anon'}${year}${word}`;
  return `${author.slice(0, MAX_KEY_PART)}${year}${word.slice(0, MAX_KEY_PART)}`;
}

/**
 * The most of the last name, and of the title word, a key takes: with the year and a suffix it stays
 * inside CITE_KEY_PATTERN's 100 characters. A 35-letter surname and a 93-letter title word had made a
 * 132-character key, and the store then refused to read the saved paper (QA).
 */
const MAX_KEY_PART = 40;

/** a, b, …, z, aa, ab, … */
function keySuffix(index: number): string {
  let suffix = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) suffix = String.fromCharCode(97 + ((n - 1) % 26)) + suffix;
  return suffix;
}

/** BibTeX reads keys that differ only in case as one (biber warns), so keys are compared so. */
export function citeKeyId(key: string): string {
  return key.toLowerCase();
}

/** The key, or with the first suffix (a, b, …) that is not `taken` (as citeKeyId compares). */
function untakenKey(key: string, taken: (id: string) => boolean): string {
  if (!taken(citeKeyId(key))) return key;
  for (let next = 0; ; next++) {
    const candidate = key + keySuffix(next);
    if (!taken(citeKeyId(candidate))) return candidate;
  }
}

/** The key to keep for a paper: its base key, suffixed when another paper holds it (only the newcomer is). */
export function newCitationKey(item: Citable, taken: ReadonlySet<string>): string {
  return untakenKey(baseCitationKey(item), (id) => taken.has(id));
}

/**
 * Whether a paper's key is kept once given: its title and first author are known. A paper saved by
 * id only, or without its authors yet, is keyed by its id (idCitationKey) until its details come.
 */
export function wantsCiteKey(item: Citable): boolean {
  return item.citeKey === undefined && item.authors.some((name) => name.trim() !== '') && item.title !== placeholderTitle(item.id);
}

/** Orders indexes of `items` by the items' ids (then by index): keys suffixed a, b, … in id order. */
function byIdThenIndex(items: readonly Citable[], a: number, b: number): number {
  const [first, second] = [items[a]!.id, items[b]!.id];
  return first < second ? -1 : first > second ? 1 : a - b;
}

/**
 * Citation keys as exports made them before keys were kept: unique within the file, items sharing
 * a base key suffixed a, b, c… in id order. Only the store's upgrade uses them, to keep for each
 * saved item the key a whole-list export gave it then.
 */
export function legacyCitationKeys(items: readonly Citable[]): string[] {
  const bases = items.map((item) => baseCitationKey(item, true));
  const byBase = new Map<string, number[]>();
  bases.forEach((base, index) => byBase.set(base, [...(byBase.get(base) ?? []), index]));
  const keys = [...bases];
  const taken = new Set([...byBase].filter(([, indices]) => indices.length === 1).map(([base]) => base));
  const shared = [...byBase].filter(([, indices]) => indices.length > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [base, indices] of shared) {
    const ordered = [...indices].sort((a, b) => byIdThenIndex(items, a, b));
    let next = 0;
    for (const index of ordered) {
      let key: string;
      do key = base + keySuffix(next++);
      while (taken.has(key));
      taken.add(key);
      keys[index] = key;
    }
  }
  return keys;
}

/**
 * Citation keys of the file: each item's kept key. An item without one (the store keeps one for
 * every saved paper whose details are known) gets the key it would be given, one no kept key of the
 * file holds. Kept keys do not depend on the other items, so a paper has the same key in every
 * export; two items holding the same key (a hand-edited backup) get the later ones suffixed, so
 * the file stays valid.
 */
export function citationKeys(items: readonly Citable[]): string[] {
  const kept = new Set(items.flatMap((item) => (item.citeKey === undefined ? [] : [citeKeyId(item.citeKey)])));
  const used = new Set<string>();
  const keys: string[] = new Array<string>(items.length);
  // Kept keys first, then the others in id order: the same list gets the same keys in any order.
  const order = items.map((_, index) => index);
  order.sort((a, b) => {
    const keptA = items[a]!.citeKey !== undefined;
    const keptB = items[b]!.citeKey !== undefined;
    if (keptA !== keptB) return keptA ? -1 : 1;
    if (keptA) return a - b;
    return byIdThenIndex(items, a, b);
  });
  for (const index of order) {
    const item = items[index]!;
    const own = item.citeKey;
    const key =
      own === undefined
        ? untakenKey(baseCitationKey(item), (id) => kept.has(id) || used.has(id))
        : untakenKey(own, (id) => used.has(id) || (id !== citeKeyId(own) && kept.has(id)));
    used.add(citeKeyId(key));
    keys[index] = key;
  }
  return keys;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// DOIs are written verbatim (biblatex reads the field as a URL); braces, backslashes and
// whitespace would break the entry, so they are percent-encoded.
function bibtexDoi(doi: string): string {
  return doi.trim().replace(/[{}\\\s]/g, (ch) => encodeURIComponent(ch));
}

/** A title's math as the card shows it ($\beta$-VAE as β-VAE), and TeX's escaped dollar (\$5) as a dollar; the rest of it as written. */
function withMathRendered(title: string): string {
  return title.replace(/(?<!\\)\$\$[^$\n]+\$\$|(?<!\\)\$(?!\s)(?:[^$\n\\]|\\.)+(?<![\s\\])\$|\\\$/g, (math) => {
    if (math === '\\$') return '$';
    // Display math ($$…$$) as the inline math it holds.
    const inline = math.startsWith('$$') ? math.slice(1, -1) : math;
    return latexToText(inline) || math;
  });
}

function entry(item: Citable & Pick<SavedItem, 'tags' | 'notes'>, key: string): string {
  const fields: [string, string][] = [];
  // The inner braces keep the title's case: ML titles are full of names like LLaMA and GPT-4. Its
  // math rendered (β-VAE, then \ensuremath{\beta}): escaped as it is, a bibliography printed "$\beta$-VAE".
  // A title pdfLaTeX keeps nothing of (emoji alone) names the paper by its id, not by nothing ("title = {{}}").
  fields.push(['title', `{{${latexLine(withMathRendered(item.title)) || `arXiv:${item.id}`}}}`]);
  const authors = item.authors.map(singleLine).filter((name) => name !== '');
  // A list cut short ends in BibTeX's own marker, "and others", which styles print as "et al.".
  const cut = authors.length > 0 && isEtAl(authors[authors.length - 1]!);
  const named = cut ? authors.slice(0, -1) : authors;
  if (named.length > 0) fields.push(['author', `{${[...named.map(bibtexAuthor), ...(cut ? ['others'] : [])].join(' and ')}}`]);
  // Without authors, BibTeX's styles sort and label the entry by `key` ("to sort, need author or key").
  else fields.push(['key', `{${latexLine(item.title) || item.id}}`]);
  const date = citedDate(item);
  if (date) {
    fields.push(['year', `{${date.year}}`]);
    const month = date.month === null ? undefined : MONTHS[date.month - 1];
    if (month) fields.push(['month', month]);
  }
  // The submission day as biblatex's `date` (Zotero reads it too), from the same date as year and
  // month, so biber does not warn of overwriting them; it is what the import reads back as the
  // submission date, so a paper given next month's id keeps its year and key once re-imported.
  if (date?.day) fields.push(['date', `{${date.day}}`]);
  fields.push(['eprint', `{${item.id}}`], ['archivePrefix', '{arXiv}']);
  if (item.primaryCategory) fields.push(['primaryClass', `{${escapeLatex(singleLine(item.primaryCategory))}}`]);
  if (item.doi) fields.push(['doi', `{${bibtexDoi(item.doi)}}`]);
  fields.push(['url', `{${arxivAbsUrl(item.id)}}`]);
  // `note` is printed in the bibliography, so it carries where the paper was published; the
  // reader's own notes go to `annote` (biblatex: annotation), which citation styles leave out.
  if (item.journalRef) fields.push(['note', `{${escapeLatex(singleLine(item.journalRef))}}`]);
  const tags = item.tags.map(singleLine).filter((tag) => tag !== '');
  if (tags.length > 0) fields.push(['keywords', `{${tags.map(bibtexKeyword).join(', ')}}`]);
  if (item.notes.trim() !== '') fields.push(['annote', `{${escapeLatex(unixNewlines(item.notes))}}`]);
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

export function exportBibtex(items: readonly SavedItem[]): string {
  const keys = citationKeys(items);
  return withPreamble(items.map((item, index) => entry(item, keys[index]!)).join('\n'));
}

/** One paper's entry to cite it, without the reader's tags and notes (a shared .bib is no place for them). */
export function citationEntry(paper: Citable): string {
  return withPreamble(entry({ ...paper, tags: [], notes: '' }, paper.citeKey ?? baseCitationKey(paper)));
}

/**
 * Whether a citation of the paper would be a stub: no authors, and for a title only its id's
 * placeholder ("arXiv:2501.12345") or `guessedTitle`, a PDF tab's own (a PDF tab of a paper the
 * store lacks, when arXiv could not be asked). Such an entry cites nothing a reader could find, so
 * it is not copied; with a real title and no authors (a snapshot paper) the entry still names it.
 */
export function isCitationStub(paper: Citable, guessedTitle: string | null = null): boolean {
  if (paper.authors.some((name) => name.trim() !== '')) return false;
  const title = singleLine(paper.title);
  return title === '' || title === placeholderTitle(paper.id) || (guessedTitle !== null && title === singleLine(guessedTitle));
}
