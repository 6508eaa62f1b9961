import { PaperLensDatabase } from '../../../src/db/database';
import { createStore } from '../../../src/db/open';
import type { HandlerDeps } from '../../../src/messaging/handler';
import { buildSeedAsset } from '../../../scripts/seed-build';

/** The bundled snapshot as the build compiles it from the project's seeds. */
export const seedAsset = await buildSeedAsset();

/** A store seeded with the bundled snapshot (the project's seeds), and the background's handler over it, at 5,000 ms. */
export async function seededStore(name: string): Promise<{ db: PaperLensDatabase; deps: HandlerDeps }> {
  const store = createStore({ db: new PaperLensDatabase(name), loadSeed: async () => seedAsset, onError: () => undefined, onRecovered: () => undefined });
  const db = await store.ready();
  return { db, deps: { ready: store.ready, health: store.health, now: () => 5_000, relatedForPage: store.related.forPage, seenEnabled: async () => true, refreshFeed: () => Promise.reject(new Error('no feed here')) } };
}
