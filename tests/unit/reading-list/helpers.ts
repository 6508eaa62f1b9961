import { PaperLensDatabase } from '../../../src/db/database';
import { handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import type { Reply, Request, ResponseMap } from '../../../src/schema';

let counter = 0;

/** A fresh, empty database of its own (fake-indexeddb). */
export function freshDatabase(prefix: string): PaperLensDatabase {
  return new PaperLensDatabase(`${prefix}-${++counter}-${Date.now()}`);
}

/** Handler dependencies over `db` with a clock the test controls. */
export function depsFor(db: PaperLensDatabase, clock: { now: number }): HandlerDeps {
  return {
    ready: async () => db,
    health: async () => ({ ok: true, error: null, seedVersion: null, papers: await db.papers.count() }),
    now: () => clock.now,
    relatedForPage: async () => [],
    seenEnabled: async () => true,
    refreshFeed: async () => {
      throw new Error('no feed in these tests');
    },
  };
}

/** Sends one request through the background's handler, as a page would. */
export async function send<R extends Request>(deps: HandlerDeps, request: R): Promise<Reply<ResponseMap[R['type']]>> {
  return (await handleMessage(request, deps)) as Reply<ResponseMap[R['type']]>;
}

/** Sends and returns the result, failing the test on an error reply. */
export async function sendOk<R extends Request>(deps: HandlerDeps, request: R): Promise<ResponseMap[R['type']]> {
  const reply = await send(deps, request);
  if (!reply.ok) throw new Error(`${request.type} refused: ${reply.error}`);
  return reply.result;
}

/** Everything the store holds, in a stable text form, to compare before and after. */
export async function dump(db: PaperLensDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}
