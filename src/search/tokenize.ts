/**
 * Search tokens: accent-folded, lowercased runs of letters and digits, with the commonest English
 * function words dropped. Shared by the search index and related-paper similarity.
 */
const STOPWORDS = new Set(
  ('a an and are as at be by can for from has have in is it its of on or our that the their this to ' +
    'was we were which with via using use based new towards toward into than these those also').split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const tokens: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const token = match[0];
    if (!STOPWORDS.has(token)) tokens.push(token);
  }
  return tokens;
}
