import { beforeAll, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { recentlySeen, trendingList } from '../../../src/db/papers';
import { keptLiveRanking } from '../../../src/db/ranking';
import { loadSearchIndex } from '../../../src/db/search';
import { seedStore } from '../../../src/db/seed';
import type { SeedAsset } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';

let asset: SeedAsset;
let counter = 0;

beforeAll(async () => {
  asset = await buildSeedAsset();
});

async function seededStore(): Promise<PaperLensDatabase> {
  const db = new PaperLensDatabase(`damaged-rows-${++counter}`);
  await seedStore(db, asset);
  return db;
}

// Standards audit: these rows were used as read, unchecked; a damaged one broke the popup's lists.
test("a damaged day's trending list is passed over: the popup shows the bundled list, and no live ranks from it", async () => {
  const db = await seededStore();
  await db.trendingDays.put({ day: '2026-12-07', ids: 'not a list', fetchedAt: Date.now() } as never);
  const list = await trendingList(db);
  expect(list.source).toBe('bundled');
  expect(list.papers).toHaveLength(66);
  expect(await keptLiveRanking(db)).toBeNull();
});

test('a damaged mark of an opened page is left out of Recent; the others are listed', async () => {
  const db = await seededStore();
  await db.seen.bulkPut([{ id: '2502.00001', at: 30, title: 'Kept Paper' }, { id: '2502.00002', at: 'yesterday', title: 'Damaged' } as never]);
  expect((await recentlySeen(db, 10)).map((paper) => paper.title)).toEqual(['Kept Paper']);
});

test('a damaged search index is refused with what is wrong and how to rebuild it, not read as garbage', async () => {
  const db = await seededStore();
  const row = (await db.searchIndex.toArray())[0]!;
  await db.searchIndex.put({ ...row, snapshot: { ...row.snapshot, postingDocs: [1, 2, 3] } } as never);
  await expect(loadSearchIndex(db)).rejects.toThrow(/search index could not be read \(.*postingDocs.*\): reload the extension to rebuild it/);
});
