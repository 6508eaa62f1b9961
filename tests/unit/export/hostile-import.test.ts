import { describe, expect, test } from 'vitest';
import { parseImport } from '../../../src/export';
import { SavedItemSchema, type SavedItem } from '../../../src/schema/papers';

// Just past the largest time a JavaScript Date holds (8.64e15 ms, 275760-09-13), yet a safe integer:
// a backup may carry a time no Date can show.
const PAST_DATE_RANGE = 8_640_000_000_000_001;

const item = (extra: Partial<SavedItem>): SavedItem =>
  SavedItemSchema.parse({
    id: '2310.01779', title: 'HallE-Control', authors: ['Bohan Zhai'], tldr: '', status: 'read', tags: [], notes: '',
    addedAt: Date.UTC(2024, 0, 1), updatedAt: Date.UTC(2024, 0, 1), readAt: Date.UTC(2024, 0, 2),
    sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, ...extra,
  });

const backup = (items: unknown[]): string => JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: 1, items });

describe('a JSON backup with times past what a Date holds', () => {
  test.each(['addedAt', 'updatedAt', 'readAt'] as const)('%s past 275760-09-13: the item is refused by line, naming the field; the other is imported', (field) => {
    const parsed = parseImport(backup([item({}), { ...item({ id: '2401.00001' }), [field]: PAST_DATE_RANGE }]));
    expect(parsed.items.map((imported) => imported.id)).toEqual(['2310.01779']);
    // Kept, such a time broke the reading list's "Export CSV" (RangeError: Invalid time value).
    expect(parsed.rejected).toEqual([{ line: 1, reason: expect.stringMatching(new RegExp(`^item 2 \\(2401\\.00001\\): ${field}: `)) }]);
  });
});

describe('a JSON backup with a link longer than the store keeps', () => {
  test('the item is refused with the reason that is true: the https link is too long, not "not an http(s) URL"', () => {
    const long = `https://example.org/digest?utm_source=${'x'.repeat(2100)}`;
    const parsed = parseImport(backup([item({}), { ...item({ id: '2401.00001' }), sourceUrl: long }]));
    expect(parsed.items.map((imported) => imported.id)).toEqual(['2310.01779']);
    const reason = parsed.rejected[0]?.reason ?? '';
    expect(reason).toContain('sourceUrl');
    // Without the fix: "item 2 (2401.00001): sourceUrl: not an http(s) URL", for a link that is https.
    expect(reason).not.toContain('not an http(s) URL');
    expect(reason).toMatch(/2,?048/);
  });
});

describe('more keywords than a paper keeps', () => {
  const keywords = Array.from({ length: 10_000 }, (_, i) => `topic ${i}`);
  test.each([
    ['BibTeX', `@article{a, title={HallE-Control}, eprint={2310.01779}, archivePrefix={arXiv}, keywords={${keywords.join(', ')}}}\n`],
    ['RIS', `TY  - JOUR\nTI  - HallE-Control\nUR  - https://arxiv.org/abs/2310.01779\n${keywords.map((keyword) => `KW  - ${keyword}`).join('\n')}\nER  - \n`],
    ['CSV', `id,title,tags\n2310.01779,HallE-Control,${keywords.join('; ')}\n`],
  ])('%s with 10,000 keywords: the paper is imported with 100 tags, and the preview says the other 9,900 were left out', (_format, text) => {
    const parsed = parseImport(text);
    expect(parsed.items.map((imported) => [imported.id, imported.tags?.length])).toEqual([['2310.01779', 100]]);
    // Without the fix they are dropped without a word: `leftOut` (the preview's "Left out of imported papers") is absent.
    expect(parsed.leftOut?.map((left) => left.reason).join('\n') ?? '').toMatch(/9,?900|left out/i);
    expect(parsed.leftOut?.[0]?.line).toBe(parsed.items[0]?.line);
  });
});

describe('a title of nothing but invisible characters', () => {
  test.each([
    ['JSON', backup([{ ...item({}), title: '\u200B\u200C\u2060' }])],
    ['BibTeX', '@article{a, title={\u200B\u200C\u2060}, eprint={2310.01779}, archivePrefix={arXiv}}\n'],
  ])('%s: the paper is not listed under a title that shows nothing (refused, or named by its id)', (_format, text) => {
    const parsed = parseImport(text);
    // Without the fix the title is kept as it is: the reading list and the popup show an empty link.
    const invisible = parsed.items.flatMap((imported) => (imported.title !== undefined && !/[^\p{Cf}\p{Z}\s]/u.test(imported.title) ? [imported.title] : []));
    expect(invisible).toEqual([]);
  });
});
