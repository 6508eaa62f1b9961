import { Dexie } from 'dexie';
import type { Paper } from '../schema';
import type { PaperLensDatabase } from './database';
import { PAPERS_INDEX_KEY, snapshotJob } from './search';

// How long the transaction stays open for the index build (Dexie's own limit is 60 s; the build
// of a store far larger than 100,000 papers might take longer).
const BUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * Writes papers and adds them to the search index in one transaction (or the caller's), so a
 * reader never sees papers the index does not know. The path for feed merges and bulk loads.
 */
export async function putPapers(db: PaperLensDatabase, papers: Paper[], now: number): Promise<void> {
  db.buildSnapshot.prepare(papers.length);
  await db.transaction('rw', db.paperBlocks, db.searchIndex, async () => {
    const [stored, blocks] = await Promise.all([db.searchIndex.get(PAPERS_INDEX_KEY), db.papers.blocksWith(papers)]);
    // A build on another thread starts first (see db.buildSnapshot), then the records are handed to
    // IndexedDB, which writes them in the browser's process: serialising 100,000 papers' takes
    // this thread a second or two, which that build need not wait for. A build here runs after.
    // waitFor keeps the transaction open while nothing of it is pending; it never settles if the
    // transaction aborts meanwhile, hence the race.
    // Only the outermost transaction hears of an abort (a caller's, as a feed merge's).
    let transaction = Dexie.currentTransaction;
    while (transaction.parent) transaction = transaction.parent;
    const aborted = new Dexie.Promise<never>((_, reject) => transaction.on('abort', () => reject(new Error('the store aborted the load'))));
    const build = db.buildSnapshot.start(snapshotJob(stored?.snapshot, papers));
    await Dexie.Promise.race([Dexie.waitFor(build.started, BUILD_TIMEOUT_MS), aborted]);
    const written = db.paperBlocks.bulkPut(blocks);
    // Awaited below unless the build fails first (the transaction then aborts, and this with it).
    written.catch(() => undefined);
    const snapshot = await Dexie.Promise.race([Dexie.waitFor(build.snapshot(), BUILD_TIMEOUT_MS), aborted]);
    await Promise.all([written, db.searchIndex.put({ key: PAPERS_INDEX_KEY, snapshot, builtAt: now })]);
  });
}
