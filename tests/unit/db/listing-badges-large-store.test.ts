import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { PAPERS_PER_BLOCK } from '../../../src/db/paper-blocks';
import { badgeInfo, markSeen, savePaper } from '../../../src/db/papers';
import type { Paper } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { keysRead } from './keys-read';

/**
 * A listing's badges from a store that holds many more papers between the listing's first and
 * last id than the listing names (a year of feed papers): the answers stay right, and what the
 * store reads follows the listing's size.
 */
let template: Paper;
let db: PaperLensDatabase;

/** Papers 2001.10000 … in order, as a year of feed merges stores them. */
const stored = (count: number): Paper[] =>
  Array.from({ length: count }, (_, n) => {
    const id = `2001.${10_000 + n}`;
    return { ...template, id, title: `Paper ${n}`, normTitle: `paper ${n}`, rank: null, snapshot: null };
  });

beforeAll(async () => {
  template = (await buildSeedAsset()).papers[0]!;
  db = new PaperLensDatabase('listing-badges-large-store');
  await db.papers.bulkPut([...stored(3000), { ...template, id: 'hep-th/9901001', title: 'Old style', normTitle: 'old style' }]);
  // Saved and seen marks spread over the whole range, most of them not listed.
  for (let n = 0; n < 3000; n += 10) await savePaper(db, { id: `2001.${10_000 + n}`, title: `Paper ${n}` }, 1000 + n);
  await markSeen(db, Array.from({ length: 300 }, (_, n) => ({ id: `2001.${10_005 + 10 * n}` })), 2000);
  await savePaper(db, { id: 'hep-th/9901001', title: 'Old style' }, 5000);
  await markSeen(db, [{ id: 'math/0309136' }], 5000);
});

describe('listing badges from a large store', () => {
  test('the first and last of a range the store fills: right answers, reading about as many keys as the listing has ids', async () => {
    // 40 ids: a block's last and the next block's first, versions, ids the store lacks, 2001.12999 the last stored.
    const listed = [
      ...Array.from({ length: 30 }, (_, n) => `2001.${10_000 + PAPERS_PER_BLOCK * n + (n % 2 === 0 ? PAPERS_PER_BLOCK - 1 : 0)}`),
      '2001.10010v2',
      '2001.10005v3',
      '2001.13000',
      '2001.99999',
      '2407.20000',
      'hep-th/9901001v2',
      'math.GT/0309136',
      'not-an-id',
      '2001.12999',
      '2001.10000',
    ];
    const { result, keys } = await keysRead(() => badgeInfo(db, listed));
    const byId = new Map(result.flatMap((answer) => (answer ? [[answer.id, answer] as const] : [])));
    expect(result).toHaveLength(listed.length);
    // Across a block boundary: 2001.10049 ends block 0, 2001.10050 starts block 1.
    expect(byId.get('2001.10049')).toMatchObject({ inStore: true, status: null, seen: false });
    expect(byId.get('2001.10050')).toMatchObject({ inStore: true, status: 'to-read', seen: false });
    expect(byId.get('2001.10010')).toMatchObject({ inStore: true, status: 'to-read', seen: false });
    expect(byId.get('2001.10005')).toMatchObject({ inStore: true, status: null, seen: true });
    expect(byId.get('2001.12999')).toMatchObject({ inStore: true, status: null, seen: false });
    expect(byId.get('2001.10000')).toMatchObject({ inStore: true, status: 'to-read' });
    for (const id of ['2001.13000', '2001.99999', '2407.20000']) expect(byId.get(id)).toMatchObject({ inStore: false, status: null, seen: false });
    expect(byId.get('hep-th/9901001')).toMatchObject({ inStore: true, status: 'to-read', seen: false });
    expect(byId.get('math/0309136')).toMatchObject({ inStore: false, status: null, seen: true });
    expect(result[listed.indexOf('not-an-id')]).toBeNull();
    expect(result.filter((answer) => answer?.inStore)).toHaveLength(35);
    // The range holds 3,001 papers, 301 saved items and 301 seen marks; walking it read them all.
    expect(keys).toBeLessThan(600);
  });

  test('a listing dense in the store (most of its range listed) is answered from the range', async () => {
    const listed = Array.from({ length: 200 }, (_, n) => `2001.${11_000 + n}`);
    const { result, keys } = await keysRead(() => badgeInfo(db, listed));
    expect(result.every((answer) => answer?.inStore)).toBe(true);
    expect(result.filter((answer) => answer?.status === 'to-read').map((answer) => answer!.id)).toEqual(listed.filter((_, n) => n % 10 === 0));
    expect(result.filter((answer) => answer?.seen).map((answer) => answer!.id)).toEqual(listed.filter((_, n) => n % 10 === 5));
    expect(keys).toBeLessThan(1500);
  });
});
