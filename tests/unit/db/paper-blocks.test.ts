import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { PAPERS_PER_BLOCK } from '../../../src/db/paper-blocks';
import { titleKeyOf } from '../../../src/db/title-key';
import type { Paper } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';

let template: Paper;
let db: PaperLensDatabase;
let counter = 0;

beforeAll(async () => {
  template = (await buildSeedAsset()).papers[0]!;
});
beforeEach(() => {
  db = new PaperLensDatabase(`paper-blocks-${++counter}`);
});

/** Papers 2501.00000 … with distinct titles; every tenth has a snapshot rank. */
function papers(from: number, count: number): Paper[] {
  return Array.from({ length: count }, (_, offset) => {
    const n = from + offset;
    return { ...template, id: `2501.${String(n).padStart(5, '0')}`, title: `Paper ${n}`, normTitle: `paper ${n}`, rank: n % 10 === 0 ? n + 1 : null };
  });
}

const ids = (list: (Paper | undefined)[]) => list.map((paper) => paper?.id);

describe('papers stored many to a row', () => {
  test('a paper put is a paper got, in the order asked, across blocks; the store counts papers, not rows', async () => {
    const written = papers(0, 120);
    await db.papers.bulkPut(written);
    expect(await db.paperBlocks.count()).toBe(Math.ceil(120 / PAPERS_PER_BLOCK));
    expect(await db.papers.count()).toBe(120);
    expect(await db.papers.bulkGet(['2501.00119', '2501.99999', '2501.00003'])).toEqual([written[119], undefined, written[3]]);
    expect(await db.papers.get('2501.00060')).toEqual(written[60]);
    expect(ids(await db.papers.toArray()).sort()).toEqual(ids(written));
  });

  test('many ids at once (a listing, a feed): the papers held, in the order asked, whether the ids are most of their key range or a few of it', async () => {
    const written = papers(0, 3000);
    await db.papers.bulkPut(written);
    await db.papers.bulkDelete(['2501.00040', '2501.00041']);
    // A listing's ids, most of their key range, some not stored (one deleted), one twice.
    const dense = [...Array.from({ length: 50 }, (_, n) => `2501.${String(2 * n + 20).padStart(5, '0')}`), '2501.00041', '2501.00020'];
    expect(ids(await db.papers.bulkGet(dense))).toEqual(dense.map((id) => (id === '2501.00040' || id === '2501.00041' ? undefined : id)));
    expect((await db.papers.bulkGet(dense))[1]).toEqual(written[22]);
    // 40 ids spread over all 3,000 (and beyond).
    const sparse = [...Array.from({ length: 40 }, (_, n) => `2501.${String(n * 70 + 7).padStart(5, '0')}`), '2501.99999'];
    expect(ids(await db.papers.bulkGet(sparse))).toEqual(sparse.map((id) => (Number(id.slice(5)) < 3000 ? id : undefined)));
    expect((await db.papers.bulkGet(sparse))[3]).toEqual(written[217]);
  });

  test('putting a known paper replaces it where it is; new papers fill the last block first', async () => {
    await db.papers.bulkPut(papers(0, PAPERS_PER_BLOCK + 10));
    const blocks = await db.paperBlocks.count();
    const renamed = { ...papers(5, 1)[0]!, title: 'Renamed' };
    await db.papers.bulkPut([renamed]);
    expect(await db.paperBlocks.count()).toBe(blocks);
    expect((await db.papers.get(renamed.id))!.title).toBe('Renamed');
    expect(await db.papers.count()).toBe(PAPERS_PER_BLOCK + 10);

    await db.papers.bulkPut(papers(PAPERS_PER_BLOCK + 10, PAPERS_PER_BLOCK));
    const sizes = (await db.paperBlocks.toArray()).map((row) => row.papers.length);
    expect(sizes).toEqual([PAPERS_PER_BLOCK, PAPERS_PER_BLOCK, 10]);
  });

  test('deleting empties and drops blocks, and the indexes forget the papers', async () => {
    const written = papers(0, PAPERS_PER_BLOCK + 5);
    await db.papers.bulkPut(written);
    await db.papers.bulkDelete([...ids(written.slice(PAPERS_PER_BLOCK)), '2501.00001'] as string[]);
    expect(await db.paperBlocks.count()).toBe(1);
    expect(await db.papers.count()).toBe(PAPERS_PER_BLOCK - 1);
    expect(await db.papers.get('2501.00001')).toBeUndefined();
    expect(await db.paperBlocks.where('ids').between('2501.00000', '2501.00003', true, true).keys()).toEqual(['2501.00000', '2501.00002', '2501.00003']);
  });

  test('title keys and snapshot ranks find their papers', async () => {
    await db.papers.bulkPut(papers(0, 120));
    expect(ids(await db.papers.withTitleKeys([titleKeyOf('paper 77'), titleKeyOf('no such paper')]))).toEqual(['2501.00077']);
    expect(ids(await db.papers.ranked()).sort()).toEqual(ids(papers(0, 120).filter((paper) => paper.rank !== null)));
    await db.papers.bulkPut([{ ...papers(10, 1)[0]!, rank: null }]);
    expect(ids(await db.papers.ranked())).not.toContain('2501.00010');
  });

  test('a write in a transaction that fails leaves the store as it was', async () => {
    await db.papers.bulkPut(papers(0, 10));
    const before = await db.paperBlocks.toArray();
    await expect(
      db.transaction('rw', db.paperBlocks, async () => {
        await db.papers.bulkPut(papers(10, 100));
        await db.papers.bulkDelete(['2501.00000']);
        throw new Error('the merge failed');
      }),
    ).rejects.toThrow('the merge failed');
    expect(await db.paperBlocks.toArray()).toEqual(before);
  });
});
