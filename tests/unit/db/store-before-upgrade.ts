import { Dexie } from 'dexie';
import { packBlocks } from '../../../src/db/paper-blocks';
import { PAPERS_INDEX_KEY } from '../../../src/db/search';
import type { Paper, SavedItem } from '../../../src/schema';
import type { PackedSearchSnapshot } from '../../../src/schema/search';
import { SHIPPED_STORES } from './shipped-stores';

/** A store as a shipped version left it: its papers, one saved item and a search index built as that version built it. */
export async function storeBeforeUpgrade(name: string, version: 17 | 18, { papers, saved, searchIndex }: { papers: Paper[]; saved: SavedItem; searchIndex: PackedSearchSnapshot }): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(SHIPPED_STORES[`version ${version}`]);
  await old.open();
  await old.table('paperBlocks').bulkPut(packBlocks(papers));
  await old.table('saved').put(saved);
  await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: searchIndex, builtAt: 1 });
  old.close();
}
