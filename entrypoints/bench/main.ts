// Benchmark hooks, in an extension page so they run against the real IndexedDB of the extension
// origin (loads run in the worker: bench/worker-hooks.ts). Built only for `npm run bench`
// (PAPERLENS_BENCH=1), never into the shipped extension.
import { PaperLensDatabase } from '../../src/db/database';
import { RELATED_LISTS_KEY } from '../../src/db/related-lists';
import { RelatedListsStateSchema } from '../../src/schema';

const db = new PaperLensDatabase();

/** Leaves the stored related lists as an update that changed the related rule finds them: their rule unknown. */
async function staleRelatedLists(): Promise<void> {
  await db.meta.delete(RELATED_LISTS_KEY);
}

/** Whether the stored related lists all follow this build's rule (the worker made them again). */
async function relatedListsDone(): Promise<boolean> {
  const row = await db.meta.get(RELATED_LISTS_KEY);
  return row !== undefined && RelatedListsStateSchema.parse(JSON.parse(row.value)).nextBlock === null;
}

Object.assign(globalThis, { paperlensBench: { staleRelatedLists, relatedListsDone } });
