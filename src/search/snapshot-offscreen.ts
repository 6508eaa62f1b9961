import { browser } from 'wxt/browser';
import { documentsRead, jobSender, snapshotOfReply, type SnapshotBuild, type SnapshotJobInParts } from './snapshot-job';

/** The offscreen document that starts the search index's workers for Chrome's service worker. */
const INDEX_BUILDER_PAGE = '/index-builder.html';
/** Opening the document takes a fraction of a second; past this it is given up on (the job is built here). */
export const OPEN_TIMEOUT_MS = 10_000;
/**
 * A build not answered by then is given up on (and made here): the document's worker died.
 * 100,000 papers took 5 s; the time allowed grows with the documents a build reads.
 */
export const answerTimeoutMs = (documents: number) => 30_000 + documents;
/**
 * While a build runs, the document is looked for this often: one closed meanwhile (by the browser,
 * a crash) took its worker with it, and the build is made here within two looks, not at the
 * answer's time limit (80 s for 50,000 papers, the store's write waiting all along).
 */
export const DOCUMENT_CHECK_MS = 1_000;
/**
 * The document stays open this long after its last job (or a prepare that no job followed): loads
 * come in runs. Shorter than the 30 s after which Chrome stops an idle service worker, whose timer
 * would go with it; a document a stopped worker left open is closed the same way by the next one.
 */
export const IDLE_CLOSE_MS = 10_000;

/** The offscreen document as the service worker reaches it: a client of the worker it can post to. */
export interface PageClient {
  /** Another for each document opened. */
  id: string;
  url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Opening, finding and closing the offscreen document (the browser's, or a test's). */
export interface OffscreenDocuments {
  /** The open document, if there is one. */
  find(): Promise<PageClient | undefined>;
  create(): Promise<void>;
  close(): Promise<void>;
}

// The service worker's clients (the project's TypeScript has no WebWorker lib).
interface WorkerScope {
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly PageClient[]> };
}

/** Chrome's offscreen document for the index builder. */
const chromeOffscreenDocuments: OffscreenDocuments = {
  find: async () => {
    const clients = await (self as unknown as WorkerScope).clients.matchAll({ type: 'window', includeUncontrolled: true });
    return clients.find((client) => new URL(client.url).pathname === INDEX_BUILDER_PAGE);
  },
  create: () => browser.offscreen.createDocument({ url: INDEX_BUILDER_PAGE, reasons: ['WORKERS'], justification: 'Builds the search index of a large store off the service worker.' }),
  close: () => browser.offscreen.closeDocument(),
};

/** A thread other than this one that builds jobs. */
export interface OffThread {
  /** Gets the thread ready for a job soon. */
  prepare(): void;
  start(job: SnapshotJobInParts): SnapshotBuild;
}

/** `promise`, or a failure saying what did not happen in time. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${what} in ${Math.round(ms / 1000)} s`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timeout));
  });
}

/**
 * The answer on `port`, or a failure: none within `ms`, or the document `client` gone (closed by
 * the browser, crashed; another opened since is not it), missing at two looks in a row.
 */
function answerWhileOpen(port: MessagePort, ms: number, documents: OffscreenDocuments, client: PageClient): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let misses = 0;
    const done = () => {
      clearTimeout(timeout);
      clearInterval(looks);
      port.onmessage = null;
    };
    const timeout = setTimeout(() => {
      done();
      reject(new Error(`no answer from the offscreen document in ${Math.round(ms / 1000)} s`));
    }, ms);
    const looks = setInterval(() => {
      documents.find().then(
        (open) => {
          misses = open?.id === client.id ? 0 : misses + 1;
          if (misses < 2) return;
          done();
          reject(new Error('the offscreen document closed before it answered'));
        },
        () => undefined,
      );
    }, DOCUMENT_CHECK_MS);
    port.onmessage = ({ data }: MessageEvent<unknown>) => {
      done();
      resolve(data);
    };
  });
}

/**
 * Builds in a worker started by an offscreen document (Chrome's service worker cannot start one).
 * The document is given a port, which it passes to a worker; the job and its answer cross on it
 * (extension messages would turn the typed arrays into JSON). The document opens when prepared or
 * asked, and closes once no job has come for IDLE_CLOSE_MS.
 */
export function offscreenBuilder(documents: OffscreenDocuments = chromeOffscreenDocuments): OffThread {
  let page: Promise<PageClient> | null = null;
  let running = 0;
  let idleClose: ReturnType<typeof setTimeout> | undefined;

  const openPage = async (): Promise<PageClient> => {
    const open = await documents.find();
    if (open) return open;
    await documents.create();
    const opened = await documents.find();
    if (!opened) throw new Error('the offscreen document for the search index did not open');
    return opened;
  };

  let closing: Promise<void> = Promise.resolve();
  // Once per opening (after the last one has closed); a failed one is tried again by the next job.
  const ready = () => {
    clearTimeout(idleClose);
    page ??= within(closing.then(openPage), OPEN_TIMEOUT_MS, 'the offscreen document for the search index did not open');
    const opening = page;
    opening.catch(() => forget(opening));
    return opening;
  };
  // The document may have gone (closed by the browser, crashed): the next job looks for it again.
  const forget = (used: Promise<PageClient>) => {
    if (page === used) page = null;
  };

  // Closes whatever document is open, this worker's or one a stopped worker left, once no job has come for a while.
  const closeWhenIdle = () => {
    clearTimeout(idleClose);
    idleClose = setTimeout(() => {
      if (running > 0) return;
      page = null;
      closing = documents
        .find()
        .then((open) => (open ? documents.close() : undefined))
        .catch(() => undefined);
    }, IDLE_CLOSE_MS);
  };
  closeWhenIdle();

  return {
    prepare: () => {
      ready().catch(() => undefined);
      closeWhenIdle();
    },
    start: (job) => {
      running++;
      const channel = new MessageChannel();
      const sender = jobSender(job);
      let opening = ready();
      const posted = opening
        .then(async () => {
          // One gone since it opened (closed by the browser, crashed) would take the port and do nothing.
          const open = await documents.find();
          if (open) return open;
          forget(opening);
          opening = ready();
          return opening;
        })
        .then((client) => {
          // The port goes through the document to the worker; the job goes straight to the worker,
          // each part as it is packed (the worker indexes the first while the next are).
          client.postMessage(null, [channel.port2]);
          for (const message of sender.messages()) channel.port1.postMessage(message);
          return client;
        });
      const started = posted.then(() => undefined);
      // Its failure is the snapshot's too, reported there.
      started.catch(() => undefined);
      const snapshot = posted
        .then((client) => answerWhileOpen(channel.port1, answerTimeoutMs(documentsRead(job)), documents, client))
        .then((reply) => sender.snapshot(snapshotOfReply(reply)))
        .catch((error: unknown) => {
          forget(opening);
          throw error;
        })
        .finally(() => {
          running--;
          channel.port1.close();
          if (running === 0) closeWhenIdle();
        });
      return { started, snapshot: () => snapshot };
    },
  };
}
