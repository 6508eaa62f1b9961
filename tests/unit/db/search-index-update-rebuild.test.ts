import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { packBlocks } from '../../../src/db/paper-blocks';
import { createStore } from '../../../src/db/open';
import { SEED_SNAPSHOTS_KEY, SEED_VERSION_KEY } from '../../../src/db/seed';
import { loadSearchIndex, PAPERS_INDEX_KEY, rowContext, searchRows, snapshotOf } from '../../../src/db/search';
import { normalizeTitle } from '../../../src/papers/ids';

// An update that changes how search reads words (CJK runs as character pairs) but not the bundled
// snapshot: the seed version is the same, so seeding leaves the index alone. The store version
// must rebuild it, or a store built before finds no word inside a Japanese title.
test('a store built by version 12 (same seed) finds a word inside a Japanese title after the update', async () => {
  const asset = await buildSeedAsset();
  const title = '大規模言語モデルの推論高速化';
  const japanese = { ...asset.papers[0]!, id: '2401.00001', title, normTitle: normalizeTitle(title), source: 'feed' as const, rank: null, snapshot: null };
  const old = new Dexie('update-rebuild');
  old.version(12).stores({ paperBlocks: 'block, *ids, *titleKeys, *rankedIds, shortBy, written', relatedTerms: 'block', saved: 'id, addedAt, updatedAt, status, *tags', meta: 'key', seen: 'id, at', searchIndex: 'key', trendingDays: 'day' });
  await old.open();
  await old.table('paperBlocks').bulkPut(packBlocks([...asset.papers, japanese]));
  await old.table('meta').bulkPut([
    { key: SEED_VERSION_KEY, value: asset.version },
    { key: SEED_SNAPSHOTS_KEY, value: JSON.stringify(asset.snapshots.map((snapshot) => snapshot.label)) },
  ]);
  // Version 12's tokens kept the title as one word: no term of it is "推論" (here: no term of it at all).
  await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: snapshotOf([...asset.papers, { ...japanese, title: 'untitled' }]), builtAt: 1 });
  old.close();

  const store = createStore({ db: new PaperLensDatabase('update-rebuild'), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
  await store.refreshSeed();
  const db = await store.ready();
  expect(searchRows((await loadSearchIndex(db))!, await rowContext(db), '推論', 3).map((row) => row.id)).toEqual(['2401.00001']);
  db.close();
});
