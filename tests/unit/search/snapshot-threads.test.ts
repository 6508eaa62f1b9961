import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { snapshotJob, snapshotOf } from '../../../src/db/search';
import type { Paper } from '../../../src/schema';
import { runSnapshotJob, wholeJob, type SnapshotJobInParts } from '../../../src/search/snapshot-job';
import type { OffThread } from '../../../src/search/snapshot-offscreen';
import { INDEX_BUILD_MEASURE, OFF_THREAD_MIN_ADDED, offThreadWhenLarge } from '../../../src/search/snapshot-threads';

let papers: Paper[];
beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});
afterEach(() => {
  performance.clearMeasures(INDEX_BUILD_MEASURE);
  vi.restoreAllMocks();
});

/** `count` papers: the seed's over and over (a job need not have distinct ids to count). */
const many = (count: number) => Array.from({ length: count }, (_, at) => papers[at % papers.length]!);
let largeStore: ReturnType<typeof snapshotOf>;
const LARGE_STORE = 20_000;
beforeAll(() => {
  largeStore = snapshotOf(many(LARGE_STORE));
});

/** Another thread, here: builds as asked after a turn of the event loop, or fails. */
function otherThread(fails?: string) {
  const jobs: SnapshotJobInParts[] = [];
  const thread: OffThread & { prepared: number } = {
    prepared: 0,
    prepare: () => void thread.prepared++,
    start: (job) => {
      jobs.push(job);
      const snapshot = new Promise<ReturnType<typeof runSnapshotJob>>((resolve, reject) => setTimeout(() => (fails ? reject(new Error(fails)) : resolve(runSnapshotJob(wholeJob(job)))), 5));
      return { started: Promise.resolve(), snapshot: () => snapshot };
    },
  };
  return { thread, jobs };
}

const lastMeasure = () => performance.getEntriesByName(INDEX_BUILD_MEASURE).at(-1) as PerformanceMeasure;

test('a small load is built here, without getting another thread ready', async () => {
  const { thread, jobs } = otherThread();
  const builder = offThreadWhenLarge(thread);
  builder.prepare(papers.length);
  const snapshot = await builder.start(snapshotJob(undefined, papers)).snapshot();
  expect(snapshot).toEqual(snapshotOf(papers));
  expect([thread.prepared, jobs.length]).toEqual([0, 0]);
  expect(lastMeasure().detail).toEqual({ where: 'here', documents: papers.length });
});

// However large the store, a build goes to the other thread by the papers it adds: the stored
// index is copied over here in a few tenths of a second, and costs the other thread more.
test('papers added to a large store are built on the other thread from OFF_THREAD_MIN_ADDED of them on; one paper stays here', async () => {
  const { thread, jobs } = otherThread();
  const builder = offThreadWhenLarge(thread);
  await builder.start(snapshotJob(largeStore, many(1))).snapshot();
  await builder.start(snapshotJob(largeStore, many(OFF_THREAD_MIN_ADDED - 1))).snapshot();
  expect(jobs).toHaveLength(0);
  expect(lastMeasure().detail).toEqual({ where: 'here', documents: LARGE_STORE + OFF_THREAD_MIN_ADDED - 1 });
  await builder.start(snapshotJob(largeStore, many(OFF_THREAD_MIN_ADDED))).snapshot();
  expect(jobs).toHaveLength(1);
  expect(lastMeasure().detail).toEqual({ where: 'off-thread', documents: LARGE_STORE + OFF_THREAD_MIN_ADDED });
});

test('a large load gets the other thread ready before the store is read', () => {
  const { thread } = otherThread();
  const builder = offThreadWhenLarge(thread);
  builder.prepare(OFF_THREAD_MIN_ADDED - 1);
  expect(thread.prepared).toBe(0);
  builder.prepare(OFF_THREAD_MIN_ADDED);
  expect(thread.prepared).toBe(1);
});

test('when the other thread fails, the load is built here after all, with a warning that says why', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { thread } = otherThread('no answer from the offscreen document in 30 s');
  const job = snapshotJob(undefined, many(OFF_THREAD_MIN_ADDED));
  expect((await offThreadWhenLarge(thread).start(job).snapshot()).docLengths).toHaveLength(OFF_THREAD_MIN_ADDED);
  expect(warn).toHaveBeenCalledWith('PaperLens: building the search index on this thread instead: no answer from the offscreen document in 30 s');
  expect(lastMeasure().detail).toMatchObject({ where: 'here' });
});

test('with no other thread (Firefox\'s event page builds itself), a large load is built here without a warning', async () => {
  const warn = vi.spyOn(console, 'warn');
  const job = snapshotJob(undefined, many(OFF_THREAD_MIN_ADDED));
  expect((await offThreadWhenLarge(null).start(job).snapshot()).docLengths).toHaveLength(OFF_THREAD_MIN_ADDED);
  expect(lastMeasure().detail).toEqual({ where: 'here', documents: OFF_THREAD_MIN_ADDED });
  expect(warn).not.toHaveBeenCalled();
});

test('a build here runs when its snapshot is asked for (after the caller has handed over its records), and is timed from then', async () => {
  const build = offThreadWhenLarge(null).start(snapshotJob(undefined, many(3_000)));
  expect(performance.getEntriesByName(INDEX_BUILD_MEASURE)).toHaveLength(0);
  await build.snapshot();
  expect(performance.getEntriesByName(INDEX_BUILD_MEASURE)).toHaveLength(1);
  // Indexing 3,000 papers takes tens of milliseconds at least: a measure taken after it reads about 0.
  expect(lastMeasure().duration).toBeGreaterThan(5);
});
