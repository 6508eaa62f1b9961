import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { packBlocks } from '../../../src/db/paper-blocks';
import { loadSearchIndex, PAPERS_INDEX_KEY, rowContext, searchDocument, searchRows } from '../../../src/db/search';
import { buildSearchSnapshot, packSnapshot, SearchIndex, unpackSnapshot } from '../../../src/search/search-index';
import { savedItem } from '../export/fixtures';
import { SHIPPED_STORES } from './shipped-stores';

/** Version 15: the tables of version 14 and `removed`. */
const VERSION_15_STORES = { ...SHIPPED_STORES['version 14'], removed: 'id, removedAt' };

test('the version 16 upgrade rebuilds a search index built before acronyms were indexed: "moe" finds "Mixture-of-Experts", the store kept', async () => {
  const asset = await buildSeedAsset();
  const template = asset.papers[0]!;
  const summary = { ...template.summary, tldr: '', topics: [] };
  const longForm = { ...template, id: '2401.04088', title: 'Mixture-of-Experts Routing at Scale', rank: null, snapshot: null, summary };
  const acronym = { ...template, id: '2401.06066', title: 'RAG for Open-Domain Question Answering', rank: null, snapshot: null, summary };
  const papers = [...asset.papers, longForm, acronym];
  const saved = savedItem({ id: longForm.id, title: longForm.title, tags: ['moe'], notes: 'read the routing part' });
  const name = 'search-acronyms-upgrade';
  const old = new Dexie(name);
  old.version(15).stores(VERSION_15_STORES);
  await old.open();
  await old.table('paperBlocks').bulkPut(packBlocks(papers));
  await old.table('saved').put(saved);
  // As version 15 indexed them (format 2): their words alone, no acronym or long form (the words of
  // "Mixture-of-Experts" reordered and "RAG" spelled apart here, so that today's index adds none).
  const documents = papers.map(searchDocument).map((document) =>
    document.id === longForm.id ? { ...document, title: 'Experts Mixture Routing at Scale' } : document.id === acronym.id ? { ...document, title: 'R A G for Open-Domain Question Answering' } : document,
  );
  const before = packSnapshot(buildSearchSnapshot(documents));
  const searchedBefore = new SearchIndex(unpackSnapshot(before));
  expect(searchedBefore.search('moe', 20).map((hit) => hit.id)).not.toContain(longForm.id);
  expect(searchedBefore.search('retrieval augmented generation', 20).map((hit) => hit.id)).not.toContain(acronym.id);
  await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: { ...before, format: 2 }, builtAt: 1 });
  old.close();

  const db = new PaperLensDatabase(name);
  await db.open();
  expect(await db.saved.toArray()).toEqual([saved]);
  expect(await db.papers.count()).toBe(papers.length);
  expect((await db.papers.get(longForm.id))?.title).toBe(longForm.title);
  const index = (await loadSearchIndex(db))!;
  const context = await rowContext(db);
  expect(searchRows(index, context, 'moe', 20).map((row) => row.id)).toContain(longForm.id);
  expect(searchRows(index, context, 'retrieval augmented generation', 20).map((row) => row.id)).toContain(acronym.id);
  db.close();
});
