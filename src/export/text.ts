import { decodeCharacterReferences } from '../papers/html-text';
import { idYearMonth } from '../papers/ids';
import type { SavedItem } from '../schema/papers';

/** Runs of ASCII whitespace (line breaks included) as one space: for formats whose fields are one line. */
export function singleLine(text: string): string {
  return text.replace(/[\t\n\v\f\r ]+/g, ' ').trim();
}

/** Line breaks of any platform as `\n`. */
export function unixNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Year and month of a paper: its publication date's when known, else its first submission's. */
export function paperYearMonth(item: Pick<SavedItem, 'id' | 'published'>): { year: number; month: number } | null {
  if (item.published) {
    const [year, month] = item.published.split('-').map(Number);
    return { year: year!, month: month! };
  }
  return idYearMonth(item.id);
}

/** The year a journal reference names: its last ("Phys. Rev. D 76, 013009 (2007)"), not a page range's ("pp. 2019–2025"). */
export function journalRefYear(journalRef: string | null): number | null {
  const years = journalRef?.match(/(?<![\d\-–])(?:19|20)\d{2}(?![\d\-–])/g);
  return years ? Number(years[years.length - 1]) : null;
}

/**
 * When a citation says the paper appeared: in the year its journal reference names when that
 * differs from its arXiv date (a conference paper is cited by its proceedings' year, BERT's 2019,
 * not its preprint's 2018), month and day unknown then; else its arXiv date (paperYearMonth), with
 * the submission day (`published`) when known.
 */
export function citedDate(item: Pick<SavedItem, 'id' | 'published' | 'journalRef'>): { year: number; month: number | null; day: string | null } | null {
  const arxiv = paperYearMonth(item);
  const venueYear = journalRefYear(item.journalRef);
  if (venueYear !== null && venueYear !== arxiv?.year) return { year: venueYear, month: null, day: null };
  return arxiv && { ...arxiv, day: item.published };
}

/**
 * Punctuation past ASCII that text copied from PDFs and web pages is full of (curly quotes, dashes, a
 * bullet, ×, ≤, a no-break space): no letter, mark or digit, and none that NFKD changes but the
 * no-break space (a space). A text holding nothing else past ASCII can be read as ASCII: one curly
 * quote sent a note of 4 KB down the Unicode paths, several times slower.
 */
export const TYPOGRAPHIC = '\u00a0\u00b0\u00b1\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2190\u2192\u2212\u2248\u2264\u2265';
/** Text of ASCII and TYPOGRAPHIC characters only. */
export const ASCII_OR_TYPOGRAPHIC = new RegExp(`^[\\x00-\\x7f${TYPOGRAPHIC}]*$`);
const NO_BREAK_SPACES = /\u00a0/g;

// Letters NFKD does not split into a base and an accent.
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/** Lower-case ASCII letters and digits only: `Müller-Łukasz` → `mullerlukasz`, `李` → ``. */
export function asciiFold(text: string): string {
  return foldLetters(text).replace(/[^a-z0-9]/g, '');
}

// What a mark is dropped after: a Latin, Greek or Cyrillic letter (an accent), an Arabic or Hebrew
// one (optional vowel points, which readers do not type), or no letter (the end of the text before it).
const ACCENTED = /(?:[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}]|[^\p{L}\p{M}]|^)$/u;
// The letters NFKD takes a Hangul syllable apart into (conjoining jamo).
const HANGUL_LETTER = /[\u1100-\u11ff]/;

/**
 * Lower case, accents dropped and letters like ß, ø, ł spelled in ASCII ("Søren" → "soren"). Only
 * marks on Latin, Greek and Cyrillic letters (or on no letter) are accents, and Arabic and Hebrew
 * vowel points are dropped too: elsewhere a mark makes another letter or word (パス is not バス,
 * काम is not कम), so it stays, composed again.
 */
export function foldLetters(text: string): string {
  if (ASCII_OR_TYPOGRAPHIC.test(text)) return text.toLowerCase().replace(NO_BREAK_SPACES, ' ');
  const decomposed = text.toLowerCase().normalize('NFKD');
  // Hangul syllables come apart into letters (no marks): put together again, as they are typed,
  // whether or not the text holds marks that are kept (Hindi beside Korean).
  let kept = HANGUL_LETTER.test(decomposed);
  const folded = decomposed.replace(/\p{M}+/gu, (marks: string, at: number, whole: string) => {
    // Two code units: the letter before may be outside the BMP.
    if (ACCENTED.test(whole.slice(Math.max(0, at - 2), at))) return '';
    kept = true;
    return marks;
  });
  return (kept ? folded.normalize('NFC') : folded).replace(/[ßæœøłđðþıħ]/g, (letter) => FOLDED_LETTERS[letter]!);
}

/**
 * The items of a list joined with `separator` (", ", "; ") in which a backslash escapes what
 * `escaped` matches (the separator's character among them); a list written before its items were
 * escaped reads as it did.
 */
export function splitEscapedList(text: string, separator: string, escaped: RegExp): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && escaped.test(text[i + 1]!)) item += text[++i];
    else if (text.startsWith(separator, i)) {
      items.push(item);
      item = '';
      i += separator.length - 1;
    } else item += ch;
  }
  items.push(item);
  return items;
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text as HTML writes it: its markup characters as references. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => HTML_SPECIAL[char]!);

// HTML as Zotero writes notes; "<mask>" or "<eos>" in a plain note is no tag.
const HTML_TAG = /<\/?(?:p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|blockquote|pre|code|sub|sup)\b[^>]*>/i;

/** A note as Zotero writes it, in HTML ("<p>Comment: 15 pages</p>"): its text, paragraphs as lines; a plain note as it is. */
export function noteText(value: string): string {
  // Tags are looked for only up to the last ">": a "<" with no ">" after it is text, and "[^>]*"
  // would rescan to the end from each such "<" (seconds for a note of many "<p ").
  const tagged = value.slice(0, value.lastIndexOf('>') + 1);
  if (!HTML_TAG.test(tagged)) return value.trim();
  const lines = value.replace(/<br\s*\/?>|<\/(?:p|div|li|h\d)>/gi, '\n');
  const lastTagEnd = lines.lastIndexOf('>') + 1;
  const text = decodeCharacterReferences(lines.slice(0, lastTagEnd).replace(/<[^>]*>/g, '') + lines.slice(lastTagEnd));
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}
