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

/** An author's last name: before the comma of "Vaswani, Ashish", else the last word ("Ashish Vaswani"); never a "Jr.". */
export function lastName(name: string): string {
  const trimmed = withoutSuffix(name);
  const comma = trimmed.indexOf(',');
  if (comma >= 0) return withoutSuffix(trimmed.slice(0, comma));
  const words = trimmed.split(/\s+/);
  return words[words.length - 1] ?? '';
}
