import { browser } from 'wxt/browser';
import type { SnapshotJob } from '../schema/search';
import { snapshotOfReply, type SnapshotBuild } from './snapshot-job';

/** The offscreen document that starts the search index's workers for Chrome's service worker. */
export const INDEX_BUILDER_PAGE = '/index-builder.html';
/** A build not answered by then is given up on (and made here): the document or its worker died. */
const ANSWER_TIMEOUT_MS = 30_000;

// The service worker's view of its pages (the project's TypeScript has no WebWorker lib).
interface PageClient {
  url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
interface WorkerScope {
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly PageClient[]> };
}

/** A thread other than this one that builds jobs. */
export interface OffThread {
  /** Gets the thread ready for a job soon. */
  prepare(): void;
  start(job: SnapshotJob): SnapshotBuild;
}

function answerOn(port: MessagePort): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no answer from the offscreen document in ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
    port.onmessage = ({ data }: MessageEvent<unknown>) => {
      clearTimeout(timeout);
      resolve(data);
    };
  });
}

/**
 * Builds in a worker started by an offscreen document (Chrome's service worker cannot start one).
 * The document is given a port, which it passes to a worker; the job and its answer cross on it
 * (extension messages would turn the typed arrays into JSON). The document opens when prepared or
 * asked, and closes after the last job.
 */
export function offscreenBuilder(): OffThread {
  let page: Promise<PageClient> | null = null;
  let running = 0;

  const pageClient = async (): Promise<PageClient | undefined> => {
    const clients = await (self as unknown as WorkerScope).clients.matchAll({ type: 'window', includeUncontrolled: true });
    return clients.find((client) => new URL(client.url).pathname === INDEX_BUILDER_PAGE);
  };

  const openPage = async (): Promise<PageClient> => {
    const open = await pageClient();
    if (open) return open;
    await browser.offscreen.createDocument({ url: INDEX_BUILDER_PAGE, reasons: ['WORKERS'], justification: 'Builds the search index of a large store off the service worker.' });
    const opened = await pageClient();
    if (!opened) throw new Error('the offscreen document for the search index did not open');
    return opened;
  };

  let closing: Promise<void> = Promise.resolve();
  // Once per opening (after the last one has closed); a failed one is tried again by the next job.
  const ready = () =>
    (page ??= closing.then(openPage).catch((error: unknown) => {
      page = null;
      throw error;
    }));

  const finished = async () => {
    running--;
    if (running > 0) return;
    page = null;
    closing = browser.offscreen.closeDocument().catch(() => undefined);
    await closing;
  };

  return {
    prepare: () => void ready().catch(() => undefined),
    start: (job) => {
      running++;
      const channel = new MessageChannel();
      // The port goes through the document to the worker; the job goes straight to the worker.
      const started = ready().then((client) => {
        client.postMessage(null, [channel.port2]);
        channel.port1.postMessage(job);
      });
      const snapshot = started.then(() => answerOn(channel.port1)).then(snapshotOfReply).finally(finished);
      return { started, snapshot };
    },
  };
}
