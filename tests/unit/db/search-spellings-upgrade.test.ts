import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { packBlocks } from '../../../src/db/paper-blocks';
import { loadSearchIndex, PAPERS_INDEX_KEY, searchDocument } from '../../../src/db/search';
import { buildSearchSnapshot, packSnapshot } from '../../../src/search/search-index';
import { SHIPPED_STORES } from './shipped-stores';

test('the version 15 upgrade rebuilds a search index built before joined spellings were indexed: "finetuning" finds "Fine-tuning"', async () => {
  const template = (await buildSeedAsset()).papers[0]!;
  const paper = { ...template, id: '2410.00009', title: 'Fine-tuning Large Language Models with Sequential Instructions', rank: null, snapshot: null, summary: { ...template.summary, tldr: '', topics: [] } };
  const name = 'search-spellings-upgrade';
  const old = new Dexie(name);
  old.version(14).stores(SHIPPED_STORES['version 14']);
  await old.open();
  await old.table('paperBlocks').bulkPut(packBlocks([paper]));
  // As version 14 indexed it: the compound's words, not the compound joined (written here without its hyphen).
  const document = searchDocument(paper);
  await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: packSnapshot(buildSearchSnapshot([{ ...document, title: paper.title.replace('-', ' ') }])), builtAt: 1 });
  old.close();

  const db = new PaperLensDatabase(name);
  const index = (await loadSearchIndex(db))!;
  expect(index.search('finetuning').map((hit) => hit.id)).toEqual([paper.id]);
  expect(index.search('fine-tuning').map((hit) => hit.id)).toEqual([paper.id]);
  db.close();
});
