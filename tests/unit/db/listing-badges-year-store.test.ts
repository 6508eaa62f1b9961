import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { badgeInfo, markSeen, savePaper, setStatus } from '../../../src/db/papers';
import type { Paper, ReadingStatus } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { keysRead } from './keys-read';

/**
 * A year-old store (as `npm run bench:year` builds it, smaller): a year of feed papers, every
 * fourth saved, two in three seen, and a listing of the store's first papers and a day the store
 * lacks. The listing's first and last id hold the whole store between them.
 */
const STORED = 6000;
const id = (n: number) => `2001.${10_000 + n}`;
let db: PaperLensDatabase;

const STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];
const statusOf = (n: number): ReadingStatus | null => (n % 4 === 0 ? STATUSES[(n / 4) % 3]! : null);
const seenAt = (n: number) => n % 3 !== 0;

beforeAll(async () => {
  const template: Paper = (await buildSeedAsset()).papers[0]!;
  db = new PaperLensDatabase('listing-badges-year-store');
  await db.papers.bulkPut([
    ...Array.from({ length: STORED }, (_, n): Paper => ({
      ...template,
      id: id(n),
      title: `Paper ${n}`,
      normTitle: `paper ${n}`,
      rank: null,
      snapshot: null,
      summary: { ...template.summary, codeLinks: n % 7 === 0 ? [`https://github.com/lab/paper-${n}`] : [] },
      feed: n % 5 === 0 ? { upvotes: n, comments: null, publishedAt: null, githubRepo: null, projectPage: n % 10 === 0 ? `https://lab.example/${n}` : null, keywords: [], fetchedAt: 1 } : null,
    })),
    { ...template, id: 'hep-th/9901001', title: 'Old style', normTitle: 'old style', rank: null, snapshot: null, summary: { ...template.summary, codeLinks: [] }, feed: null },
  ]);
  await savePaper(db, { id: id(0), title: 'Paper 0' }, 1000);
  await setStatus(db, id(0), 'to-read', 1000);
  const item = (await db.saved.get(id(0)))!;
  const savedNs = Array.from({ length: STORED }, (_, n) => n).filter((n) => statusOf(n) !== null);
  await db.saved.bulkPut([...savedNs.map((n) => ({ ...item, id: id(n), title: `Paper ${n}`, status: statusOf(n)! })), { ...item, id: '2409.10000', title: 'arXiv:2409.10000' }]);
  await markSeen(db, Array.from({ length: STORED }, (_, n) => n).filter(seenAt).slice(0, 3900).map((n) => ({ id: id(n) })), 2000);
});

describe('listing badges from a year-old store', () => {
  test('a listing of the store’s first papers and a day it lacks: right answers, reading a few keys a listed id', async () => {
    const listed = [...Array.from({ length: 300 }, (_, n) => id(n)), ...Array.from({ length: 200 }, (_, n) => `2407.${20_000 + n}`), id(STORED - 1), 'hep-th/9901001v2', '2409.10000'];
    const { result, keys, requests } = await keysRead(() => badgeInfo(db, listed));
    expect(result).toHaveLength(listed.length);
    for (let n = 0; n < 300; n++) {
      const codeLink = n % 7 === 0 ? `https://github.com/lab/paper-${n}` : null;
      const projectPage = n % 10 === 0 ? `https://lab.example/${n}` : null;
      expect(result[n]).toEqual({ id: id(n), rank: null, snapshot: null, status: statusOf(n), seen: seenAt(n), codeLink, upvotes: n % 5 === 0 ? n : null, projectPage, inStore: true });
    }
    result.slice(300, 500).forEach((answer, n) => expect(answer).toEqual({ id: `2407.${20_000 + n}`, rank: null, snapshot: null, status: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false }));
    expect(result.slice(500)).toEqual([
      { id: id(STORED - 1), rank: null, snapshot: null, status: null, seen: false, codeLink: `https://github.com/lab/paper-${STORED - 1}`, upvotes: null, projectPage: null, inStore: true },
      { id: 'hep-th/9901001', rank: null, snapshot: null, status: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: true },
      { id: '2409.10000', rank: null, snapshot: null, status: 'to-read', seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false },
    ]);
    // Between the first and last listed id: 6,001 papers, 1,501 saved items, 3,900 seen marks.
    // The listing's ranges hold 302 papers, 76 saved items (their keys, then the items) and 200
    // seen marks; the first read of the whole range stops after a few keys a range.
    expect(keys).toBeLessThan(800);
    // A request a range and table, a block a request; saved items a range at a time, not one by one (76 more).
    expect(requests).toBeLessThan(50);
  });
});
