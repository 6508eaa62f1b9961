import { errorMessage } from '../messaging/error-message';
import type { SnapshotReply } from '../schema/search';

/** A worker that has loaded its script, or why it could not (not reported unhandled while no job has come for it). */
function readyWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./snapshot.worker.ts', import.meta.url), { type: 'module', name: 'PaperLens search index' });
  const ready = new Promise<Worker>((resolve, reject) => {
    worker.onmessage = () => resolve(worker);
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the search index worker failed: ${event.message || 'it did not start'}`));
    };
  });
  ready.catch(() => undefined);
  return ready;
}

/**
 * Gives each port the service worker posts (snapshot-offscreen.ts) to a worker of its own, which
 * takes the job from it and answers there: a job that crossed this page too took seconds more.
 * A worker is started ahead (when the page opens, and after each job), so that one is ready when
 * a job comes; one that fails to start answers the failure.
 */
export function relayJobsToWorkers(): void {
  let next = readyWorker();
  navigator.serviceWorker.onmessage = ({ ports: [port] }) => {
    if (!port) return;
    const taken = next;
    next = readyWorker();
    taken.then(
      (worker) => worker.postMessage(null, [port]),
      (error: unknown) => port.postMessage({ error: errorMessage(error) } satisfies SnapshotReply),
    );
  };
}
