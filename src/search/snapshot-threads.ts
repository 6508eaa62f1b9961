import type { PackedSearchSnapshot } from '../schema/search';
import { documentsRead, runSnapshotJob, type SnapshotBuilder } from './snapshot-job';
import type { OffThread } from './snapshot-offscreen';

/**
 * From this many documents (stored and added) a build goes to another thread, and the thread that
 * asked stays free (Chrome's service worker answers the cards' lookups meanwhile). A build of
 * 2,000 holds a thread about a tenth of a second, one of 100,000 seconds; opening the offscreen
 * document and handing it the job costs a few tenths, so smaller builds stay where they are asked.
 */
export const OFF_THREAD_MIN_DOCUMENTS = 2_000;

/** The performance measure of each build (its detail says where it ran, 'here' or 'off-thread', and over how many documents). */
export const INDEX_BUILD_MEASURE = 'paperlens:search-index-built';

const measured = (start: number, where: string, documents: number) => (snapshot: PackedSearchSnapshot) => {
  performance.measure(INDEX_BUILD_MEASURE, { start, detail: { where, documents } });
  return snapshot;
};

/**
 * Builds large jobs on `offThread` (null: none here) and the rest here. A job the other thread
 * fails is built here after all, with a warning: a load never fails for want of a thread.
 */
export function offThreadWhenLarge(offThread: OffThread | null): SnapshotBuilder {
  return {
    prepare: (papers) => {
      if (offThread && papers >= OFF_THREAD_MIN_DOCUMENTS) offThread.prepare();
    },
    start: (job) => {
      const start = performance.now();
      const documents = documentsRead(job);
      if (!offThread || documents < OFF_THREAD_MIN_DOCUMENTS) {
        return { started: Promise.resolve(), snapshot: new Promise<PackedSearchSnapshot>((resolve) => resolve(runSnapshotJob(job))).then(measured(start, 'here', documents)) };
      }
      const build = offThread.start(job);
      const hereInstead = (error: unknown) => {
        console.warn(`PaperLens: building the search index on this thread instead: ${error instanceof Error ? error.message : String(error)}`);
        return measured(start, 'here', documents)(runSnapshotJob(job));
      };
      return {
        started: build.started.catch(() => undefined),
        snapshot: build.snapshot.then(measured(start, 'off-thread', documents), hereInstead),
      };
    },
  };
}
