import type { SavedItem } from '../schema/papers';

/** Runs of ASCII whitespace (line breaks included) as one space: for formats whose fields are one line. */
export function singleLine(text: string): string {
  return text.replace(/[\t\n\v\f\r ]+/g, ' ').trim();
}

/** Line breaks of any platform as `\n`. */
export function unixNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

const NEW_STYLE_ID = /^(\d{2})(\d{2})\.\d{4,5}$/;
const OLD_STYLE_ID = /\/(\d{2})(\d{2})\d{3}$/;

/** Year and month of first submission, which every arXiv id encodes (`2310.01779` → 2023-10). */
export function idYearMonth(id: string): { year: number; month: number } | null {
  const fresh = NEW_STYLE_ID.exec(id);
  if (fresh) return { year: 2000 + Number(fresh[1]), month: Number(fresh[2]) };
  const old = OLD_STYLE_ID.exec(id);
  if (!old) return null;
  // Old-style ids ran from 1991 to March 2007.
  const yy = Number(old[1]);
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(old[2]) };
}

/** Year and month of a paper: its publication date's when known, else its first submission's. */
export function paperYearMonth(item: Pick<SavedItem, 'id' | 'published'>): { year: number; month: number } | null {
  if (item.published) {
    const [year, month] = item.published.split('-').map(Number);
    return { year: year!, month: month! };
  }
  return idYearMonth(item.id);
}

// Letters NFKD does not split into a base and an accent.
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/** Lower-case ASCII letters and digits only: `Müller-Łukasz` → `mullerlukasz`, `李` → ``. */
export function asciiFold(text: string): string {
  return foldLetters(text).replace(/[^a-z0-9]/g, '');
}

/** Lower case, accents dropped and letters like ß, ø, ł spelled in ASCII ("Søren" → "soren"). */
export function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþıħ]/g, (letter) => FOLDED_LETTERS[letter]!);
}
