import { beforeAll, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyFeedDay } from '../../../src/db/feed';
import { lookupPapers, trendingList } from '../../../src/db/papers';
import { loadSearchIndex } from '../../../src/db/search';
import { seedStore } from '../../../src/db/seed';
import type { FeedSuccess } from '../../../src/feed/client';
import type { SeedAsset } from '../../../src/schema';
import { recordedDay } from '../feed/fixtures';

let asset: SeedAsset;
let day: FeedSuccess;

beforeAll(async () => {
  asset = await buildSeedAsset();
  day = recordedDay();
});

// 2407.13623 is both in the bundled snapshot and in the recorded day's feed (rank 1, 52 upvotes).
const BOTH = '2407.13623';

test("an update whose snapshot drops a bundled paper keeps it while today's live list shows it", async () => {
  const db = new PaperLensDatabase('reseed-feed-paper-dropped');
  await seedStore(db, asset);
  await applyFeedDay(db, day, Date.now());
  expect((await trendingList(db)).papers.map((paper) => paper.id)).toContain(BOTH);

  // The next build's snapshot no longer bundles it (a newer capture replaced the old one).
  await seedStore(db, { ...asset, version: `${asset.version}-next`, papers: asset.papers.filter((paper) => paper.id !== BOTH) });

  // The live list the feed gave today still lists it first; its card still knows it from the feed.
  const live = await trendingList(db);
  expect(live.papers.map((paper) => paper.id)).toEqual(day.entries.map((entry) => entry.id));
  const [view] = await lookupPapers(db, [{ id: BOTH }]);
  expect(view).toMatchObject({ inStore: true, upvotes: 52, rank: 1 });
  expect((await loadSearchIndex(db))!.search('Scaling Laws with Vocabulary').map((hit) => hit.id)).toContain(BOTH);
});

test("an update's reseed keeps the title the live feed gave a bundled paper since (arXiv retitled it)", async () => {
  const db = new PaperLensDatabase('reseed-feed-paper-retitled');
  await seedStore(db, asset);
  const bundled = asset.papers.find((paper) => paper.id === BOTH)!;
  // Today's feed has the paper under its current arXiv title (a later version renamed it).
  const renamed = 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies (v2)';
  const retitled: FeedSuccess = { ...day, entries: day.entries.map((entry) => (entry.id === BOTH ? { ...entry, title: renamed } : entry)) };
  await applyFeedDay(db, retitled, Date.now());
  expect((await db.papers.get(BOTH))!.title).toBe(renamed);

  // An update brings a new snapshot that still bundles the paper, under the title it was captured with.
  await seedStore(db, { ...asset, version: `${asset.version}-next` });
  expect(bundled.title).not.toBe(renamed);
  const [view] = await lookupPapers(db, [{ id: BOTH }]);
  expect(view?.title).toBe(renamed);
});
