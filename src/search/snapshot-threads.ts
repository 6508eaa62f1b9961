import type { PackedSearchSnapshot } from '../schema/search';
import { errorMessage } from '../messaging/error-message';
import { documentsRead, runSnapshotJob, wholeJob, type SnapshotBuilder } from './snapshot-job';
import type { OffThread } from './snapshot-offscreen';

/**
 * A build that adds this many papers or more goes to another thread (100,000 took seconds here).
 * Below, it takes the thread that asked a few tenths of a second at most, however large the store:
 * the stored index is only copied over (one paper retitled in a store of 45,000 took 0.36 s here).
 * The other thread pays for the stored index more (handed over, read and packed again: the same
 * retitle into 50,000 took 3.6 s off-thread), and the thread's callers wait for the build anyway
 * (a card whose paper arXiv retitled waits for its write).
 */
export const OFF_THREAD_MIN_ADDED = 8_000;

/** The performance measure of each build (its detail says where it ran, 'here' or 'off-thread', and over how many documents). */
export const INDEX_BUILD_MEASURE = 'paperlens:search-index-built';

const measured = (start: number, where: string, documents: number) => (snapshot: PackedSearchSnapshot) => {
  performance.measure(INDEX_BUILD_MEASURE, { start, detail: { where, documents } });
  return snapshot;
};

/**
 * Builds large jobs on `offThread` (null: none here, as outside the background) and the rest here. A job the other thread
 * fails is built here after all, with a warning: a load never fails for want of a thread.
 */
export function offThreadWhenLarge(offThread: OffThread | null): SnapshotBuilder {
  return {
    prepare: (papers) => {
      if (offThread && papers >= OFF_THREAD_MIN_ADDED) offThread.prepare();
    },
    start: (job) => {
      const documents = documentsRead(job);
      if (!offThread || job.count < OFF_THREAD_MIN_ADDED) {
        // Made when asked: a thrown error rejects it.
        const snapshot = () => {
          const start = performance.now();
          return new Promise<PackedSearchSnapshot>((resolve) => resolve(runSnapshotJob(wholeJob(job)))).then(measured(start, 'here', documents));
        };
        return { started: Promise.resolve(), snapshot };
      }
      const start = performance.now();
      const build = offThread.start(job);
      const hereInstead = (error: unknown) => {
        console.warn(`PaperLens: building the search index on this thread instead: ${errorMessage(error)}`);
        return measured(start, 'here', documents)(runSnapshotJob(wholeJob(job)));
      };
      const snapshot = build.snapshot().then(measured(start, 'off-thread', documents), hereInstead);
      return { started: build.started.catch(() => undefined), snapshot: () => snapshot };
    },
  };
}
