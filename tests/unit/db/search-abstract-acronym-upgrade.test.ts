import { expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { loadSearchIndex, rowContext, searchDocument, searchRows } from '../../../src/db/search';
import { buildSearchSnapshot, packSnapshot, SearchIndex, unpackSnapshot } from '../../../src/search/search-index';
import { savedItem } from '../export/fixtures';
import { storeBeforeUpgrade } from './store-before-upgrade';

test('the version 19 upgrade rebuilds the search index: "mixture of experts" finds a paper whose abstract alone says MoE, the store kept', async () => {
  const asset = await buildSeedAsset();
  const template = asset.papers[0]!;
  const routing = { ...template, id: '2401.00060', title: 'Routing Tokens to Sparse Layers', rank: null, snapshot: null, summary: { ...template.summary, tldr: 'Tokens pick their layers.', topics: [], names: ['MoE'] } };
  const papers = [...asset.papers, routing];
  const saved = savedItem({ id: routing.id, title: routing.title, tags: ['routing'], notes: 'read the router section' });
  const name = 'search-abstract-acronym-upgrade';
  // An index that does not find the paper by the long form, as version 18's did not (it indexed its
  // names without the long forms; here they are left out).
  const before = packSnapshot(buildSearchSnapshot(papers.map((paper) => (paper === routing ? { ...searchDocument(paper), names: '' } : searchDocument(paper)))));
  expect(new SearchIndex(unpackSnapshot(before)).search('mixture of experts', 50, { prefixLast: false }).map((hit) => hit.id)).not.toContain(routing.id);
  await storeBeforeUpgrade(name, 18, { papers, saved, searchIndex: before });

  const db = new PaperLensDatabase(name);
  await db.open();
  expect(await db.saved.toArray()).toEqual([saved]);
  expect(await db.papers.count()).toBe(papers.length);
  const index = (await loadSearchIndex(db))!;
  expect(searchRows(index, await rowContext(db), 'mixture of experts', 50).map((row) => row.id)).toContain(routing.id);
  db.close();
});
