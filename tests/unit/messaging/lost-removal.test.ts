import { beforeEach, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import type { sendRequest } from '../../../src/messaging/client';
import { keptIfRemoved } from '../../../src/messaging/lost-removal';
import type { HandlerDeps } from '../../../src/messaging/handler';
import type { Request } from '../../../src/schema';
import { savedItem } from '../export/fixtures';
import { depsFor, freshDatabase, sendOk } from '../reading-list/helpers';

let db: PaperLensDatabase;
let deps: HandlerDeps;
const ID = '1706.03762';
const lost = new Error('PaperLens did not answer: reload the page');

beforeEach(async () => {
  db = freshDatabase('lost-removal');
  deps = depsFor(db, { now: 10_000 });
  await db.saved.put(savedItem({ id: ID, title: 'Attention Is All You Need', notes: 'kept note' }));
});

// The pages' sendRequest, answered by the background's handler over the same store.
const send = (async (request: Request) => sendOk(deps, request)) as typeof sendRequest;

test("a removal made and its answer lost (a card's, a badge's) is answered with the copy the store kept, and its time, which its Undo puts back", async () => {
  await sendOk(deps, { type: 'removeSaved', ids: [ID] });
  const [kept] = await keptIfRemoved([ID], send)(lost);
  expect(kept).toMatchObject({ id: ID, notes: 'kept note', removedAt: 10_000 });
  expect(await sendOk(deps, { type: 'undoRemoval', removals: [{ id: ID, removedAt: kept!.removedAt }] })).toEqual({ changed: 1 });
});

test('a removal that was not made (the paper still listed) fails as it did', async () => {
  await sendOk(deps, { type: 'removeSaved', ids: [ID] });
  await sendOk(deps, { type: 'undoRemoval', removals: [{ id: ID, removedAt: 10_000 }] });
  await expect(keptIfRemoved([ID], send)(lost)).rejects.toBe(lost);
});
