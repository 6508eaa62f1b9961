import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { markSeen, MAX_SEEN, recentlySeen, savePaper } from '../../../src/db/papers';
import { clearReadingData } from '../../../src/db/reading-list';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type { SeedAsset } from '../../../src/schema';
import { SEEN_AUTHORS } from '../../../src/papers/bounds';

let asset: SeedAsset;
let counter = 0;

beforeAll(async () => {
  asset = await buildSeedAsset();
});

async function seededStore(): Promise<PaperLensDatabase> {
  const db = new PaperLensDatabase(`recent-test-${++counter}`);
  await seedStore(db, asset);
  return db;
}

describe('the papers whose pages were opened (Recent)', () => {
  test('newest first, each with the title its page showed, else the store’s, else its id', async () => {
    const db = await seededStore();
    const stored = asset.papers[0]!;
    // A mark from before version 8 (no title) of a paper the store holds, one of a paper it does not.
    await db.seen.bulkPut([{ id: stored.id, at: 10 }, { id: '2501.99999', at: 20 }]);
    await markSeen(db, [{ id: '2502.00001', title: '  A  Paper\nthe Store Lacks ', authors: ['Ada Lovelace', ' ', 'Alan Turing'] }], 30);
    const recent = await recentlySeen(db, 50);
    expect(recent.map(({ id, at, title, authors }) => ({ id, at, title, authors }))).toEqual([
      { id: '2502.00001', at: 30, title: 'A Paper the Store Lacks', authors: ['Ada Lovelace', 'Alan Turing'] },
      { id: '2501.99999', at: 20, title: 'arXiv:2501.99999', authors: [] },
      { id: stored.id, at: 10, title: stored.title, authors: stored.authors.slice(0, SEEN_AUTHORS) },
    ]);
    expect(recent[2]!.tldr).toBe(stored.summary.tldr);
    expect(await recentlySeen(db, 2)).toHaveLength(2);
  });

  test('a visit again moves the paper to the top and keeps its title when the page gave none this time', async () => {
    const db = await seededStore();
    await markSeen(db, [{ id: '2502.00001', title: 'Unknown Paper', authors: ['A. Author'] }], 1);
    await markSeen(db, [{ id: '2502.00002', title: 'Second Paper' }], 2);
    // The card asks first by id alone: no title then, and a view of a paper it does not know names it by its id.
    await markSeen(db, [{ id: '2502.00001' }], 3);
    await markSeen(db, [{ id: '2502.00001', title: 'arXiv:2502.00001' }], 4);
    const recent = await recentlySeen(db, 50);
    expect(recent.map(({ id, at, title, authors }) => ({ id, at, title, authors }))).toEqual([
      { id: '2502.00001', at: 4, title: 'Unknown Paper', authors: ['A. Author'] },
      { id: '2502.00002', at: 2, title: 'Second Paper', authors: [] },
    ]);
  });

  test('a saved paper the store names no authors of (a PDF visit gives none) is listed with its reading-list authors', async () => {
    const db = await seededStore();
    const stored = asset.papers.find((paper) => paper.authors.length === 0)!;
    await savePaper(db, { id: stored.id, title: stored.title, authors: ['Yang Liu', 'Jiahuan Cao', 'Chongyu Liu', 'Kai Ding', 'Lianwen Jin'] }, 1);
    await markSeen(db, [{ id: stored.id, title: stored.title }], 2);
    expect((await recentlySeen(db, 50))[0]!.authors).toEqual(['Yang Liu', 'Jiahuan Cao', 'Chongyu Liu', 'Kai Ding', 'Lianwen Jin'].slice(0, SEEN_AUTHORS));
  });

  test('shows whether each paper is saved, and follows a save', async () => {
    const db = await seededStore();
    await markSeen(db, [{ id: '2502.00001', title: 'Unknown Paper' }], 1);
    expect((await recentlySeen(db, 50))[0]!.status).toBeNull();
    await savePaper(db, { id: '2502.00001', title: 'Unknown Paper' }, 2);
    expect((await recentlySeen(db, 50))[0]!.status).toBe('to-read');
  });

  test(`keeps at most ${MAX_SEEN} visits: the oldest go`, async () => {
    const db = await seededStore();
    const ids = Array.from({ length: MAX_SEEN }, (_, index) => `2401.${String(10000 + index)}`);
    await db.seen.bulkPut(ids.map((id, index) => ({ id, at: index })));
    await markSeen(db, [{ id: '2502.00001', title: 'Newest' }, { id: '2502.00002', title: 'Also new' }], MAX_SEEN + 10);
    expect(await db.seen.count()).toBe(MAX_SEEN);
    // The two oldest went; the one seen before them all stays until it is the oldest.
    expect(await db.seen.bulkGet([ids[0]!, ids[1]!, ids[2]!])).toEqual([undefined, undefined, { id: ids[2], at: 2 }]);
    expect((await recentlySeen(db, 2)).map((paper) => paper.title).sort()).toEqual(['Also new', 'Newest']);
  });

  test('"Clear data" clears the list and its titles', async () => {
    const db = await seededStore();
    await markSeen(db, [{ id: '2502.00001', title: 'Private Reading' }], 1);
    await clearReadingData(db, Date.now());
    expect(await recentlySeen(db, 50)).toEqual([]);
    expect(await db.seen.count()).toBe(0);
  });
});
