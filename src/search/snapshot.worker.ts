// The search index's builder on a thread of its own (started by snapshot-worker.ts): it says it
// is ready, is given a port to the service worker, takes one job from it (in parts), answers there and ends.
import type { SnapshotReply } from '../schema/search';
import { errorMessage } from '../messaging/error-message';
import { jobReceiver, replyTransfer } from './snapshot-job';

self.onmessage = ({ ports: [port] }: MessageEvent<unknown>) => {
  if (!port) return;
  const take = jobReceiver();
  port.onmessage = ({ data }: MessageEvent<unknown>) => {
    const reply = take(data);
    if (reply === null) return;
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
