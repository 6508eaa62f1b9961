import { Dexie, type Transaction } from 'dexie';
import { beforeEach, expect, test, vi } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { putPapers } from '../../../src/db/bulk';
import { PaperLensDatabase } from '../../../src/db/database';
import { loadSearchIndex, rowContext, searchRows } from '../../../src/db/search';
import { seedStore } from '../../../src/db/seed';
import { normalizeTitle } from '../../../src/papers/ids';
import type { Paper, SeedAsset } from '../../../src/schema';
import { runSnapshotJob, wholeJob, type SnapshotBuilder } from '../../../src/search/snapshot-job';

let asset: SeedAsset;
let db: PaperLensDatabase;
let counter = 0;

beforeEach(async () => {
  asset ??= await buildSeedAsset();
  db = new PaperLensDatabase(`bulk-off-thread-${++counter}`);
  await seedStore(db, asset);
});

const arrivals = (): Paper[] => ['Sparse mixture routing for tiny robots', 'Quantized lemmings at scale'].map((title, at) => ({
  ...asset.papers[at]!,
  id: `2601.0000${at + 1}`,
  title,
  normTitle: normalizeTitle(title),
  source: 'feed',
  rank: null,
  snapshot: null,
}));

const found = async (query: string) => searchRows((await loadSearchIndex(db))!, await rowContext(db), query, 5).map((row) => row.id);

/** A builder on another thread: it answers long after IndexedDB would have ended an idle transaction. */
function slowBuilder(ms: number, fails = false): SnapshotBuilder {
  return {
    prepare: () => undefined,
    start: (job) => ({
      started: Promise.resolve(),
      snapshot: () => new Promise((resolve, reject) => setTimeout(() => (fails ? reject(new Error('the worker died')) : resolve(runSnapshotJob(wholeJob(job)))), ms)),
    }),
  };
}

test('a load whose index is built elsewhere, slowly, writes its papers and their index together', async () => {
  db.buildSnapshot = slowBuilder(300);
  await putPapers(db, arrivals(), 1);
  expect(await db.papers.count()).toBe(asset.papers.length + 2);
  expect(await found('lemmings')).toEqual(['2601.00002']);
  // The seed papers are still found: the build added to the stored index.
  expect(await found('specdec')).toContain('2405.19715');
});

test('a load whose index build fails writes nothing: the store stays as it was', async () => {
  db.buildSnapshot = slowBuilder(50, true);
  await expect(putPapers(db, arrivals(), 1)).rejects.toThrow('the worker died');
  expect(await db.papers.count()).toBe(asset.papers.length);
  expect(await db.papers.get('2601.00002')).toBeUndefined();
  expect(await found('lemmings')).toEqual([]);
});

test('a load whose transaction aborts while its index is built elsewhere fails, and the store stays as it was', async () => {
  const slow = slowBuilder(300);
  db.buildSnapshot = {
    ...slow,
    start: (job) => {
      const transaction = Dexie.currentTransaction;
      setTimeout(() => transaction.abort(), 50);
      return slow.start(job);
    },
  };
  await expect(putPapers(db, arrivals(), 1)).rejects.toThrow();
  expect(await db.papers.count()).toBe(asset.papers.length);
  expect(await found('lemmings')).toEqual([]);
});

test('a feed merge whose transaction aborts while the index is built elsewhere fails too (putPapers inside the caller\'s transaction)', async () => {
  const slow = slowBuilder(300);
  let outer: Transaction | undefined;
  db.buildSnapshot = {
    ...slow,
    start: (job) => {
      setTimeout(() => outer!.abort(), 50);
      return slow.start(job);
    },
  };
  const merge = db.transaction('rw', db.paperBlocks, db.trendingDays, db.searchIndex, async () => {
    outer = Dexie.currentTransaction;
    await putPapers(db, arrivals(), 1);
  });
  await expect(merge).rejects.toThrow();
  expect(await db.papers.count()).toBe(asset.papers.length);
});

test('reads of the store wait for the load, then see the papers and the index agree', async () => {
  db.buildSnapshot = slowBuilder(200);
  const loading = putPapers(db, arrivals(), 1);
  const seenDuring = vi.fn();
  // A card's lookup while the load runs: it sees the store before or after the load, never between.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const read = db.transaction('r', db.paperBlocks, db.searchIndex, async () => seenDuring(await db.papers.get('2601.00001'), await loadSearchIndex(db)));
  await Promise.all([loading, read]);
  const [paper, index] = seenDuring.mock.calls[0]!;
  expect(paper?.id).toBe('2601.00001');
  expect(index.rowOf('2601.00001')).not.toBeNull();
});
