import { beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper, trendingList } from '../../../src/db/papers';
import { SEED_SNAPSHOTS_KEY, seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';

const db = new PaperLensDatabase('popup-trending-reads');
let dayIds: string[] = [];

beforeAll(async () => {
  const asset = await buildSeedAsset();
  await seedStore(db, asset);
  // A live day of snapshot papers that have related papers of their own.
  dayIds = asset.papers.filter((paper) => paper.related.length > 0).slice(0, 5).map((paper) => paper.id);
  await db.trendingDays.put({ day: '2026-11-30', ids: dayIds, fetchedAt: Date.now(), ranks: dayIds.map((_, index) => index + 1) });
  await savePaper(db, { id: dayIds[1]!, title: 'x' }, 5);
});

test("a live day's Trending reads the day's papers and no other (their related papers' titles are not shown)", async () => {
  const bulkGet = vi.spyOn(db.papers, 'bulkGet');
  const list = await trendingList(db);
  expect(list.papers.map((paper) => [paper.id, paper.rank, paper.status])).toEqual(dayIds.map((id, index) => [id, index + 1, index === 1 ? 'to-read' : null]));
  expect(list.papers[0]!.snapshot).toMatch(/2026-11-30/);
  expect(bulkGet.mock.calls.map(([ids]) => ids)).toEqual([dayIds]);
  bulkGet.mockRestore();
});

test('the bundled snapshot reads no related papers either', async () => {
  const bulkGet = vi.spyOn(db.papers, 'bulkGet');
  const list = await trendingList(db, null);
  expect(list.papers.length).toBeGreaterThan(0);
  expect(list.papers.every((paper) => paper.title.length > 0 && paper.snapshot !== null)).toBe(true);
  expect(bulkGet).not.toHaveBeenCalled();
  bulkGet.mockRestore();
});

test("the bundled snapshot's Trending still lists its papers, in rank order, when the stored order of its snapshots is unreadable", async () => {
  const row = (await db.meta.get(SEED_SNAPSHOTS_KEY))!;
  try {
    for (const value of ['{not json', '{"labels": 3}']) {
      await db.meta.put({ key: SEED_SNAPSHOTS_KEY, value });
      const list = await trendingList(db, null);
      expect(list.papers.length, value).toBeGreaterThan(0);
      expect(list.papers.map((paper) => paper.rank)).toEqual([...list.papers.map((paper) => paper.rank)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    }
  } finally {
    await db.meta.put(row);
  }
});
