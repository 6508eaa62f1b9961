import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { packBlocks } from '../../../src/db/paper-blocks';
import { loadSearchIndex, PAPERS_INDEX_KEY, rowContext, searchDocument, searchRows } from '../../../src/db/search';
import { buildSearchSnapshot, packSnapshot, SearchIndex, unpackSnapshot } from '../../../src/search/search-index';
import { savedItem } from '../export/fixtures';
import { SHIPPED_STORES } from './shipped-stores';

test('the version 18 upgrade rebuilds a search index whose Korean words were taken apart: "한국어" finds the Korean title, the store kept', async () => {
  const asset = await buildSeedAsset();
  const template = asset.papers[0]!;
  const korean = { ...template, id: '2401.00050', title: '한국어 언어 모델 평가', rank: null, snapshot: null, summary: { ...template.summary, tldr: '', topics: [] } };
  const papers = [...asset.papers, korean];
  const saved = savedItem({ id: korean.id, title: korean.title, tags: ['korean'], notes: '평가 부분 읽기' });
  const name = 'search-korean-upgrade';
  const old = new Dexie(name);
  old.version(17).stores(SHIPPED_STORES['version 17']);
  await old.open();
  await old.table('paperBlocks').bulkPut(packBlocks(papers));
  await old.table('saved').put(saved);
  // As version 17 indexed it: the syllables taken apart into their letters (written here letter by
  // letter, which today's index leaves apart too), so the word typed whole found nothing.
  const documents = papers.map(searchDocument).map((document) => (document.id === korean.id ? { ...document, title: 'ㅎ ㅏ ㄴ ㄱ ㅜ ㄱ ㅇ ㅓ 언어 모델 평가' } : document));
  const before = packSnapshot(buildSearchSnapshot(documents));
  expect(new SearchIndex(unpackSnapshot(before)).search('한국어', 20).map((hit) => hit.id)).not.toContain(korean.id);
  await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: before, builtAt: 1 });
  old.close();

  const db = new PaperLensDatabase(name);
  await db.open();
  expect(await db.saved.toArray()).toEqual([saved]);
  expect(await db.papers.count()).toBe(papers.length);
  const index = (await loadSearchIndex(db))!;
  expect(searchRows(index, await rowContext(db), '한국어', 20).map((row) => row.id)).toEqual([korean.id]);
  db.close();
});
