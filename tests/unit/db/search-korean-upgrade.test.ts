import { expect, test, vi } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { loadSearchIndex, rowContext, searchDocument, searchRows } from '../../../src/db/search';
import { SearchIndex, unpackSnapshot } from '../../../src/search/search-index';
import { savedItem } from '../export/fixtures';
import { storeBeforeUpgrade } from './store-before-upgrade';

/** foldLetters as version 17 had it: NFC again only when a mark was kept. */
function version17Fold(text: string): string {
  let kept = false;
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, (marks: string, at: number, whole: string) => {
      if (/(?:[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}]|[^\p{L}\p{M}]|^)$/u.test(whole.slice(Math.max(0, at - 2), at))) return '';
      kept = true;
      return marks;
    });
  return kept ? folded.normalize('NFC') : folded;
}

/** The search index's module with its letters folded by `fold` (a copy of its own: this file's imports keep today's). */
async function searchIndexFoldingAs(fold: (text: string) => string): Promise<typeof import('../../../src/search/search-index')> {
  vi.resetModules();
  vi.doMock('../../../src/export/text', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../../src/export/text')>()), foldLetters: fold }));
  try {
    return await import('../../../src/search/search-index');
  } finally {
    vi.doUnmock('../../../src/export/text');
    vi.resetModules();
  }
}

test('the version 18 upgrade rebuilds a search index whose Korean words were taken apart: "한국어" finds the Korean title, the store kept', async () => {
  const asset = await buildSeedAsset();
  const template = asset.papers[0]!;
  const korean = { ...template, id: '2401.00050', title: '한국어 언어 모델 평가', rank: null, snapshot: null, summary: { ...template.summary, tldr: '', topics: [] } };
  const papers = [...asset.papers, korean];
  const saved = savedItem({ id: korean.id, title: korean.title, tags: ['korean'], notes: '평가 부분 읽기' });
  const name = 'search-korean-upgrade';
  // As version 17 indexed it: its fold took the syllables apart into letters (NFKD) and put them
  // together again only beside a kept mark, so the word typed whole found nothing.
  const version17 = await searchIndexFoldingAs(version17Fold);
  const before = version17.packSnapshot(version17.buildSearchSnapshot(papers.map(searchDocument)));
  expect(new SearchIndex(unpackSnapshot(before)).search('한국어', 20).map((hit) => hit.id)).not.toContain(korean.id);
  await storeBeforeUpgrade(name, 17, { papers, saved, searchIndex: before });

  const db = new PaperLensDatabase(name);
  await db.open();
  expect(await db.saved.toArray()).toEqual([saved]);
  expect(await db.papers.count()).toBe(papers.length);
  const index = (await loadSearchIndex(db))!;
  expect(searchRows(index, await rowContext(db), '한국어', 20).map((row) => row.id)).toEqual([korean.id]);
  db.close();
});
