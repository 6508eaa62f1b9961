import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { snapshotJob, snapshotOf } from '../../../src/db/search';
import type { Paper } from '../../../src/schema';
import type { SnapshotJob } from '../../../src/schema/search';
import { runSnapshotJob } from '../../../src/search/snapshot-job';
import type { OffThread } from '../../../src/search/snapshot-offscreen';
import { INDEX_BUILD_MEASURE, OFF_THREAD_MIN_DOCUMENTS, offThreadWhenLarge } from '../../../src/search/snapshot-threads';

let papers: Paper[];
beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});
afterEach(() => {
  performance.clearMeasures(INDEX_BUILD_MEASURE);
  vi.restoreAllMocks();
});

/** A stored index as large as the threshold says, made of the seed papers over and over (ids need not differ to count). */
function storeOf(documents: number) {
  const many = Array.from({ length: documents }, (_, at) => papers[at % papers.length]!);
  return snapshotOf(many);
}

/** Another thread, here: builds as asked after a turn of the event loop, or fails. */
function otherThread(fails?: string) {
  const jobs: SnapshotJob[] = [];
  const thread: OffThread & { prepared: number } = {
    prepared: 0,
    prepare: () => void thread.prepared++,
    start: (job) => {
      jobs.push(job);
      const snapshot = new Promise<ReturnType<typeof runSnapshotJob>>((resolve, reject) => setTimeout(() => (fails ? reject(new Error(fails)) : resolve(runSnapshotJob(job))), 5));
      return { started: Promise.resolve(), snapshot };
    },
  };
  return { thread, jobs };
}

const lastMeasure = () => performance.getEntriesByName(INDEX_BUILD_MEASURE).at(-1) as PerformanceMeasure;

test('a small load is built here, without getting another thread ready', async () => {
  const { thread, jobs } = otherThread();
  const builder = offThreadWhenLarge(thread);
  builder.prepare(papers.length);
  const snapshot = await builder.start(snapshotJob(undefined, papers)).snapshot;
  expect(snapshot).toEqual(snapshotOf(papers));
  expect([thread.prepared, jobs.length]).toEqual([0, 0]);
  expect(lastMeasure().detail).toEqual({ where: 'here', documents: papers.length });
});

test('a large load, or papers added to a large store, is built on the other thread (made ready first for a large load)', async () => {
  const { thread, jobs } = otherThread();
  const builder = offThreadWhenLarge(thread);
  builder.prepare(OFF_THREAD_MIN_DOCUMENTS);
  expect(thread.prepared).toBe(1);
  const stored = storeOf(OFF_THREAD_MIN_DOCUMENTS - 1);
  const job = snapshotJob(stored, papers.slice(0, 1));
  expect(await builder.start(job).snapshot).toEqual(runSnapshotJob(job));
  expect(jobs).toHaveLength(1);
  expect(lastMeasure().detail).toEqual({ where: 'off-thread', documents: OFF_THREAD_MIN_DOCUMENTS });
});

test('when the other thread fails, the load is built here after all, with a warning that says why', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { thread } = otherThread('no answer from the offscreen document in 30 s');
  const job = snapshotJob(storeOf(OFF_THREAD_MIN_DOCUMENTS), papers.slice(0, 3));
  expect(await offThreadWhenLarge(thread).start(job).snapshot).toEqual(runSnapshotJob(job));
  expect(warn).toHaveBeenCalledWith('PaperLens: building the search index on this thread instead: no answer from the offscreen document in 30 s');
  expect(lastMeasure().detail).toMatchObject({ where: 'here' });
});

test('with no other thread (Firefox\'s event page builds itself), a large load is built here without a warning', async () => {
  const warn = vi.spyOn(console, 'warn');
  const job = snapshotJob(storeOf(OFF_THREAD_MIN_DOCUMENTS), []);
  expect(await offThreadWhenLarge(null).start(job).snapshot).toEqual(runSnapshotJob(job));
  expect(warn).not.toHaveBeenCalled();
});
