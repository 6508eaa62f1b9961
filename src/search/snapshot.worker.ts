// The search index's builder on a thread of its own (started by snapshot-worker.ts): it says it
// is ready, is given a port to the service worker, takes one job from it, answers there and ends.
import * as z from 'zod/mini';
import { SnapshotJobSchema, type SnapshotReply } from '../schema/search';
import { errorMessage } from '../messaging/error-message';
import { replyTransfer, runSnapshotJob } from './snapshot-job';

function answer(data: unknown): SnapshotReply {
  const job = SnapshotJobSchema.safeParse(data);
  if (!job.success) return { error: `a malformed job: ${z.prettifyError(job.error)}` };
  try {
    return { snapshot: runSnapshotJob(job.data) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

self.onmessage = ({ ports: [port] }: MessageEvent<unknown>) => {
  if (!port) return;
  port.onmessage = ({ data }: MessageEvent<unknown>) => {
    const reply = answer(data);
    try {
      port.postMessage(reply, replyTransfer(reply));
    } catch (error) {
      // The page that started this worker cannot answer for it: the port is here.
      port.postMessage({ error: `the search index could not be sent back: ${errorMessage(error)}` } satisfies SnapshotReply);
    }
    self.close();
  };
};
self.postMessage('ready');
