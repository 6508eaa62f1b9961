import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyFeedDay, KEPT_TRENDING_DAYS } from '../../../src/db/feed';
import { lookupPapers, savePaper, trendingList } from '../../../src/db/papers';
import { loadSearchIndex } from '../../../src/db/search';
import { seedStore } from '../../../src/db/seed';
import { buildRelatedCorpus, relatedTo } from '../../../src/search/related';
import type { FeedSuccess } from '../../../src/feed/client';
import type { SeedAsset } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { recordedDay } from '../feed/fixtures';

let db: PaperLensDatabase;
let asset: SeedAsset;
let day: FeedSuccess;
let counter = 0;

beforeEach(async () => {
  asset ??= await buildSeedAsset();
  day = recordedDay();
  db = new PaperLensDatabase(`feed-store-${++counter}`);
  await seedStore(db, asset);
});

describe('merging a fetched day into the store', () => {
  test('adds its papers with feed info, keeps seed ranks, ranks the day, indexes and relates new papers', async () => {
    await savePaper(db, { id: '2407.13623', title: 'mine' }, 1);
    const savedBefore = await db.saved.toArray();
    // Fetched now: the list reads as live.
    await applyFeedDay(db, day, Date.now());

    expect(await db.papers.count()).toBe(66 + day.entries.filter((entry) => !asset.papers.some((paper) => paper.id === entry.id)).length);
    const seedPaper = (await db.papers.get('2407.13623'))!;
    expect(seedPaper).toMatchObject({ source: 'seed', rank: asset.papers.find((paper) => paper.id === '2407.13623')!.rank, snapshot: '2025-07-30' });
    expect(seedPaper.feed?.upvotes).toBe(52);
    expect(await db.saved.toArray()).toEqual(savedBefore);

    const list = await trendingList(db);
    expect(list).toMatchObject({ source: 'live', day: '2024-07-19', days: ['2024-07-19'] });
    expect(list.papers.map((paper) => paper.id)).toEqual(day.entries.map((entry) => entry.id));
    expect(list.papers[0]).toMatchObject({ rank: 1, snapshot: 'Live · 2024-07-19', upvotes: 52, status: 'to-read' });
    expect((await trendingList(db, null)).papers).toHaveLength(66);

    const freshIds = day.entries.filter((entry) => !asset.papers.some((paper) => paper.id === entry.id)).map((entry) => entry.id);
    const fresh = (await db.papers.bulkGet(freshIds)).map((paper) => paper!);
    const index = (await loadSearchIndex(db))!;
    for (const paper of fresh) expect(index.search(paper.title).map((hit) => hit.id)).toContain(paper.id);
    // Related against the store as it is after the merge (the day's other papers included).
    const corpus = buildRelatedCorpus(await db.papers.toArray());
    for (const paper of fresh) expect(paper.related).toEqual(relatedTo(corpus, paper));
    const relatedPaper = fresh.find((paper) => paper.related.length > 0)!;
    const [view] = await lookupPapers(db, [{ id: relatedPaper.id }]);
    expect(view?.related.map((related) => related.id)).toEqual(relatedPaper.related);
    expect(view?.related.every((related) => related.title.length > 0)).toBe(true);
  });

  test("an update's reseed keeps what the feed said of a bundled paper: its authors and its code link", async () => {
    await applyFeedDay(db, day, Date.now());
    const before = (await db.papers.get('2407.13623'))!;
    expect(before.authors).toContain('Chaofan Tao');
    expect(before.summary.codeLinks[0]).toBe('https://github.com/sail-sg/scaling-with-vocab');

    // An update brings a new snapshot (the bundled papers carry no authors).
    expect(await seedStore(db, { ...asset, version: 'next' })).toBe('seeded');
    const after = (await db.papers.get('2407.13623'))!;
    expect(after.authors).toEqual(before.authors);
    expect(after.summary.codeLinks[0]).toBe('https://github.com/sail-sg/scaling-with-vocab');
    const [view] = await lookupPapers(db, [{ id: '2407.13623' }]);
    expect(view?.codeLinks[0]).toBe('https://github.com/sail-sg/scaling-with-vocab');
    // Search by an author still finds it.
    expect((await loadSearchIndex(db))!.search('Chaofan Tao').map((hit) => hit.id)).toContain('2407.13623');
  });

  test('fetching the same day again changes nothing but the feed info', async () => {
    await applyFeedDay(db, day, 1000);
    const count = await db.papers.count();
    await applyFeedDay(db, day, 2000);
    expect(await db.papers.count()).toBe(count);
    expect(await db.trendingDays.count()).toBe(1);
    expect((await db.papers.get(day.entries[0]!.id))!.feed?.fetchedAt).toBe(2000);
  });

  test('the last month of days is kept for the day picker; older lists go, their papers stay', async () => {
    const dayOf = (offset: number) => new Date(Date.UTC(2024, 6, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    for (let offset = 0; offset < KEPT_TRENDING_DAYS + 2; offset++) await applyFeedDay(db, { ...day, day: dayOf(offset) }, 1000 + offset);
    const days = (await trendingList(db)).days;
    expect(days).toHaveLength(KEPT_TRENDING_DAYS);
    expect(days[0]).toBe(dayOf(KEPT_TRENDING_DAYS + 1));
    expect(days).not.toContain(dayOf(1));
    expect(await db.papers.get(day.entries[0]!.id)).toBeDefined();
    // 32 merges: 2.6 s alone, twice that on a loaded machine (past the default 5 s).
  }, 20_000);

  test('an entry that does not fit the store aborts the whole merge: the store is as it was', async () => {
    await applyFeedDay(db, day, 1000);
    const before = { papers: await db.papers.toArray(), days: await db.trendingDays.toArray(), index: await db.searchIndex.toArray() };
    const broken: FeedSuccess = { ...day, day: '2024-07-20', entries: [...day.entries.slice(0, 3), { ...day.entries[3]!, title: 'x'.repeat(5000) }] };
    await expect(applyFeedDay(db, broken, 3000)).rejects.toThrow(/does not fit the store/);
    expect({ papers: await db.papers.toArray(), days: await db.trendingDays.toArray(), index: await db.searchIndex.toArray() }).toEqual(before);
  });

  test('a card asked for while the related papers of new feed papers are computed is answered before the merge ends', async () => {
    // 1,056 papers in 22 blocks: relating the day's new papers reads the store in several slices.
    await db.papers.bulkPut(Array.from({ length: 15 }, (_, copy) => asset.papers.map((paper, index) => ({ ...paper, id: `26${String(copy).padStart(2, '0')}.${String(index).padStart(5, '0')}` }))).flat());
    const done: string[] = [];
    const merge = applyFeedDay(db, day, 1000).then(() => done.push('merge'));
    const card = lookupPapers(db, [{ id: '2407.13623' }]).then((views) => done.push(`card ${views[0]?.title ?? 'missing'}`));
    await Promise.all([merge, card]);
    expect(done).toEqual([`card ${asset.papers.find((paper) => paper.id === '2407.13623')!.title}`, 'merge']);
  });
});
