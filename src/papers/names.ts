const GENERATIONS = '[JjSs][Rr]\\.?|II|III|IV';
// A generational suffix after a name ("Guy L. Steele Jr.", "Guy L. Steele, Jr.", "Henry Ford II"): not its last name.
const SUFFIX = new RegExp(`(?<=\\S)(?:\\s*,\\s*|\\s+)(${GENERATIONS})$`);

/** The name's generational suffix as written ("Jr.", "III"), or ''. */
export function nameSuffix(name: string): string {
  return SUFFIX.exec(name.trim())?.[1] ?? '';
}

/** The name without its generational suffix: "Guy L. Steele, Jr." → "Guy L. Steele". */
function withoutSuffix(name: string): string {
  return name.trim().replace(SUFFIX, '');
}

// A generational suffix filed as a name part of its own ("King, Jr., Martin Luther").
const SUFFIX_PART = new RegExp(`^(?:${GENERATIONS})$`);
// Chinese, Japanese and Korean names are written family name first, unspaced (王小明, 山田太郎, 김민수): a
// family name in Han or Hangul. (A name in katakana alone is a foreign one, given name first.)
const CJK_FAMILY_NAME = /^[\p{sc=Han}\p{sc=Hangul}]+$/u;
const CJK_GIVEN_NAME = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー]+$/u;

/** A person's given and family names as one: "Ashish Vaswani", but 王小明 for 小明 of the family 王. */
export function givenThenFamily(given: string, family: string): string {
  if (given === '' || family === '') return given + family;
  return CJK_FAMILY_NAME.test(family) && CJK_GIVEN_NAME.test(given) ? family + given : `${given} ${family}`;
}

/**
 * A name filed at its commas ("Vaswani, Ashish": citation_author, RIS, CSV), its parts trimmed, as
 * the store writes names: given names first, then the suffix after a comma. A suffix is filed last
 * ("King, Martin Luther, Jr.", RIS's order: the third part is one, whatever it says, "3rd") or, known
 * by name, second ("King, Jr., Martin Luther", BibTeX's order).
 */
export function filedName(parts: readonly string[]): string {
  const [family = '', second = '', ...rest] = parts;
  const [given, suffixes] = SUFFIX_PART.test(second) && rest.length > 0 ? [rest.join(' '), [second]] : [second, rest];
  return [givenThenFamily(given, family), ...suffixes.filter((suffix) => suffix !== '')].join(', ');
}

/**
 * How a list of authors cut short is kept: this last "author" (as RIS and CSV files write it, and
 * as Google Scholar's BibTeX "and others" is read). Shown as it is ("Vaswani, Shazeer, et al."),
 * exported as each format's own marker.
 */
export const ET_AL = 'et al.';

/** Whether a name is an "et al." marker, as files write it ("et al", "et. al.", "and others", "…"). */
export function isEtAl(name: string): boolean {
  return /^(?:et\.?\s*al(?:\.|ii\.?)?|and others|…|\.\.\.)$/i.test(name.trim());
}

/** An author's last name: before the comma of "Vaswani, Ashish", else the last word ("Ashish Vaswani"); never a "Jr."; '' for "et al.". */
export function lastName(name: string): string {
  if (isEtAl(name)) return '';
  const trimmed = withoutSuffix(name);
  const comma = trimmed.indexOf(',');
  if (comma >= 0) return withoutSuffix(trimmed.slice(0, comma));
  const words = trimmed.split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** A person's name as reference managers file it: last name (with its particles), given names, suffix. */
export interface NameParts {
  last: string;
  first: string;
  suffix: string;
}

// A group's name is no person's: "ATLAS Collaboration", "Gemini Team", "AI2 Lab", "Smith & Co".
const ORGANIZATION = /\b(?:collaboration|consortium|team|group|project|institute|university|laborator(?:y|ies)|labs?|corp(?:oration)?|inc|ltd|llc|foundation|society|association|committee|council|organi[sz]ation|cent(?:er|re))\b|&/i;

/**
 * A name written "First Last" ("Ashish Vaswani", "Jan van der Berg", "Guy L. Steele Jr.") in parts:
 * the lowercase words before the last one belong to the last name ("van der Berg"), as BibTeX
 * reads them. Null for a name to keep as it is: one word (張偉), a group's name, "et al.", or one with a
 * comma that is no suffix's (it is "Last, First" already, or nothing known).
 */
export function nameParts(name: string): NameParts | null {
  const whole = name.trim().replace(/\s+/g, ' ');
  if (ORGANIZATION.test(whole) || isEtAl(whole)) return null;
  const suffix = nameSuffix(whole);
  const rest = withoutSuffix(whole);
  if (rest.includes(',')) return null;
  const words = rest.split(' ');
  if (words.length < 2) return null;
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1]!)) start--;
  return { last: words.slice(start).join(' '), first: words.slice(0, start).join(' '), suffix };
}
