import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { snapshotJob, snapshotOf } from '../../../src/db/search';
import type { Paper } from '../../../src/schema';
import { jobReceiver, replyTransfer, runSnapshotJob, wholeJob, type SnapshotJobInParts } from '../../../src/search/snapshot-job';
import { answerTimeoutMs, DOCUMENT_CHECK_MS, IDLE_CLOSE_MS, offscreenBuilder, OPEN_TIMEOUT_MS, type OffscreenDocuments, type PageClient } from '../../../src/search/snapshot-offscreen';

let papers: Paper[];
beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * The browser's offscreen document, here: `create` opens it (after `opening` settles), and while
 * open it answers each port it is given as the page's worker would, unless told to stay silent.
 * Closed, its client takes nothing, as a client of a closed page does. `missed` (while open): how
 * many more looks for it find nothing.
 */
function fakeDocuments(options: { opening?: Promise<void>; silent?: boolean } = {}) {
  const log: string[] = [];
  let client: PageClient | undefined;
  let opened = 0;
  const state = { missed: 0 };
  const openClient = (id: string): PageClient => ({
    id,
    url: 'chrome-extension://id/index-builder.html',
    postMessage: (_message, [port]) => {
      if (client?.id !== id) return;
      const worker = port as MessagePort;
      const take = jobReceiver();
      worker.onmessage = ({ data }: MessageEvent<unknown>) => {
        log.push('parts' in (data as object) ? `job in ${(data as { parts: number }).parts} parts` : `part of ${(data as { count: number }).count}`);
        if (options.silent) return;
        const reply = take(data);
        if (reply === null) return;
        worker.postMessage(reply, replyTransfer(reply));
        worker.close();
      };
    },
  });
  const documents: OffscreenDocuments = {
    find: async () => {
      if (client && state.missed > 0) {
        state.missed--;
        return undefined;
      }
      return client;
    },
    create: async () => {
      log.push('create');
      await options.opening;
      client = openClient(`document ${++opened}`);
    },
    close: async () => {
      log.push('close');
      client = undefined;
    },
  };
  return { documents, log, isOpen: () => client !== undefined, state };
}

test('a job crosses to the document\'s worker on a port and its snapshot comes back; two jobs at once open one document', async () => {
  const { documents, log } = fakeDocuments();
  const builder = offscreenBuilder(documents);
  const jobs = [snapshotJob(undefined, papers.slice(0, 30)), snapshotJob(snapshotOf(papers.slice(0, 30)), papers.slice(30))];
  const builds = jobs.map((job) => builder.start(job));
  expect(await Promise.all(builds.map((build) => build.snapshot()))).toEqual(jobs.map((job) => runSnapshotJob(wholeJob(job))));
  expect(log.filter((entry) => entry === 'create')).toHaveLength(1);
  expect(log).toContain('part of 36');
});

test('a job in several parts crosses a part at a time, and its snapshot is the whole job\'s', async () => {
  const { documents, log } = fakeDocuments();
  const slices = [papers.slice(0, 20), papers.slice(20, 40), papers.slice(40)];
  const job: SnapshotJobInParts = { stored: null, count: papers.length, parts: slices.map((slice) => () => snapshotJob(undefined, slice).parts[0]!()) };
  expect(await offscreenBuilder(documents).start(job).snapshot()).toEqual(runSnapshotJob(wholeJob(job)));
  expect(log.filter((entry) => entry !== 'create')).toEqual(['job in 3 parts', 'part of 20', 'part of 20', `part of ${papers.length - 40}`]);
});

test('a document closed since its last job (by the browser, a crash) is opened again for the next, which does not wait for an answer that cannot come', async () => {
  const { documents, log } = fakeDocuments();
  const builder = offscreenBuilder(documents);
  await builder.start(snapshotJob(undefined, papers.slice(0, 5))).snapshot();
  await documents.close();
  const job = snapshotJob(undefined, papers.slice(0, 7));
  expect(await builder.start(job).snapshot()).toEqual(runSnapshotJob(wholeJob(job)));
  expect(log.filter((entry) => entry === 'create')).toHaveLength(2);
});

test('a document closed while it builds, or closed and opened again by another job, fails the build within two looks (it is built here), not at the answer time limit', async () => {
  vi.useFakeTimers();
  for (const reopen of [false, true]) {
    const { documents } = fakeDocuments({ silent: true });
    const build = offscreenBuilder(documents).start(snapshotJob(undefined, papers.slice(0, 5)));
    await build.started;
    const rejected = expect(build.snapshot()).rejects.toThrow('the offscreen document closed before it answered');
    await documents.close();
    if (reopen) await documents.create();
    await vi.advanceTimersByTimeAsync(2 * DOCUMENT_CHECK_MS);
    await rejected;
    // Nothing left to fire: the answer's time limit went with the build.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS);
    expect(vi.getTimerCount()).toBe(0);
  }
});

test('a look that misses the document once does not fail a build it is making', async () => {
  vi.useFakeTimers();
  const { documents, state } = fakeDocuments({ silent: true });
  const build = offscreenBuilder(documents).start(snapshotJob(undefined, papers.slice(0, 5)));
  await build.started;
  let failed = false;
  build.snapshot().catch(() => (failed = true));
  state.missed = 1;
  await vi.advanceTimersByTimeAsync(5 * DOCUMENT_CHECK_MS);
  expect(failed).toBe(false);
});

test('the document closes once no job has come for a while, and a prepare that no job follows does not leave it open', async () => {
  vi.useFakeTimers();
  const { documents, isOpen } = fakeDocuments();
  const builder = offscreenBuilder(documents);
  await builder.start(snapshotJob(undefined, papers.slice(0, 5))).snapshot();
  expect(isOpen()).toBe(true);
  await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS);
  expect(isOpen()).toBe(false);
  builder.prepare();
  await vi.advanceTimersByTimeAsync(0);
  expect(isOpen()).toBe(true);
  await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS);
  expect(isOpen()).toBe(false);
});

test('a document that does not open in time fails the job (it is built here); the next job uses it once open, and it still closes when idle', async () => {
  vi.useFakeTimers();
  let opened: () => void = () => undefined;
  const { documents, log } = fakeDocuments({ opening: new Promise((resolve) => (opened = resolve)) });
  const builder = offscreenBuilder(documents);
  const failed = builder.start(snapshotJob(undefined, papers.slice(0, 5))).snapshot();
  const rejected = expect(failed).rejects.toThrow(`the offscreen document for the search index did not open in ${OPEN_TIMEOUT_MS / 1000} s`);
  await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
  await rejected;
  opened();
  const job = snapshotJob(undefined, papers.slice(0, 5));
  const next = builder.start(job).snapshot();
  await vi.advanceTimersByTimeAsync(0);
  expect(await next).toEqual(runSnapshotJob(wholeJob(job)));
  await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS);
  expect(log.at(-1)).toBe('close');
});

test('after a job fails, the document is still closed when idle', async () => {
  vi.useFakeTimers();
  const { documents, isOpen } = fakeDocuments({ silent: true });
  const failed = offscreenBuilder(documents).start(snapshotJob(undefined, papers.slice(0, 5))).snapshot();
  const rejected = expect(failed).rejects.toThrow('no answer');
  await vi.advanceTimersByTimeAsync(answerTimeoutMs(5));
  await rejected;
  expect(isOpen()).toBe(true);
  await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS);
  expect(isOpen()).toBe(false);
});

test('a document a stopped worker left open is closed by the next worker once idle', async () => {
  vi.useFakeTimers();
  const { documents, isOpen } = fakeDocuments();
  await documents.create();
  offscreenBuilder(documents);
  await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS);
  expect(isOpen()).toBe(false);
});

test('a document that takes the job and never answers fails it after a time that grows with the job', async () => {
  vi.useFakeTimers();
  const { documents } = fakeDocuments({ silent: true });
  const job = snapshotJob(undefined, papers.slice(0, 5));
  const failed = offscreenBuilder(documents).start(job).snapshot();
  const rejected = expect(failed).rejects.toThrow('no answer from the offscreen document in 30 s');
  await vi.advanceTimersByTimeAsync(answerTimeoutMs(5));
  await rejected;
});
