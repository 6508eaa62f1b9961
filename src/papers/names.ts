// A generational suffix after a name ("Guy L. Steele Jr.", "Guy L. Steele, Jr.", "Henry Ford II"): not its last name.
const SUFFIX = /(?<=\S)(?:\s*,\s*|\s+)([JjSs][Rr]\.?|II|III|IV)$/;

/** The name's generational suffix as written ("Jr.", "III"), or ''. */
export function nameSuffix(name: string): string {
  return SUFFIX.exec(name.trim())?.[1] ?? '';
}

/** The name without its generational suffix: "Guy L. Steele, Jr." → "Guy L. Steele". */
export function withoutSuffix(name: string): string {
  return name.trim().replace(SUFFIX, '');
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
