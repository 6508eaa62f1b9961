import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { LARGE_LOAD_MIN_ADDED, PAPERS_PER_BLOCK, PAPERS_PER_LARGE_BLOCK } from '../../../src/db/paper-blocks';
import type { Paper } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { keysRead } from './keys-read';

/** The popup asks the store's health, its paper count among it, on every open. */
let template: Paper;
let counter = 0;

beforeAll(async () => {
  template = (await buildSeedAsset()).papers[0]!;
});

const papers = (from: number, count: number): Paper[] =>
  Array.from({ length: count }, (_, n) => ({ ...template, id: `2001.${10_000 + from + n}`, title: `Paper ${from + n}`, normTitle: `paper ${from + n}` }));

describe('counting the papers', () => {
  test('right after puts, replacements, deletes that empty blocks or leave holes, and a clear', async () => {
    const db = new PaperLensDatabase(`paper-count-${++counter}`);
    expect(await db.papers.count()).toBe(0);
    await db.papers.bulkPut(papers(0, 3 * PAPERS_PER_BLOCK + 7));
    expect(await db.papers.count()).toBe(3 * PAPERS_PER_BLOCK + 7);
    // Replaced in place: no more papers.
    await db.papers.bulkPut(papers(10, 60).map((paper) => ({ ...paper, title: `${paper.title}, revised` })));
    expect(await db.papers.count()).toBe(3 * PAPERS_PER_BLOCK + 7);
    // Holes in the first block, the second emptied, the last block filled and a new one begun.
    await db.papers.bulkDelete([...papers(0, 3), ...papers(PAPERS_PER_BLOCK, PAPERS_PER_BLOCK)].map((paper) => paper.id));
    expect(await db.papers.count()).toBe(2 * PAPERS_PER_BLOCK + 4);
    await db.papers.bulkPut(papers(1000, PAPERS_PER_BLOCK));
    expect(await db.papers.count()).toBe(3 * PAPERS_PER_BLOCK + 4);
    // A replacement of a paper in a block with holes, and the same paper put twice.
    await db.papers.bulkPut([...papers(5, 1), ...papers(5, 1), ...papers(2000, 1)]);
    expect(await db.papers.count()).toBe(3 * PAPERS_PER_BLOCK + 5);
    expect(await db.papers.count()).toBe((await db.papers.toArray()).length);
    await db.papers.clear();
    expect(await db.papers.count()).toBe(0);
    db.close();
  });

  test('a large load in large blocks: counted, got, replaced, deleted from, and followed by small writes', async () => {
    const db = new PaperLensDatabase(`paper-count-${++counter}`);
    await db.papers.bulkPut(papers(0, 30));
    const loaded = LARGE_LOAD_MIN_ADDED + 70;
    await db.papers.bulkPut(papers(100, loaded));
    // The last small block filled first, then large blocks.
    const sizes = (await db.paperBlocks.toArray()).map((row) => row.papers.length);
    expect(sizes.slice(0, 2)).toEqual([PAPERS_PER_BLOCK, PAPERS_PER_LARGE_BLOCK]);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(30 + loaded);
    expect(await db.papers.count()).toBe(30 + loaded);
    expect((await db.papers.get('2001.15000'))?.title).toBe('Paper 5000');
    await db.papers.bulkPut(papers(5000, 2).map((paper) => ({ ...paper, title: `${paper.title}, revised` })));
    expect((await db.papers.get('2001.15001'))?.title).toBe('Paper 5001, revised');
    await db.papers.bulkDelete(papers(5000, 3).map((paper) => paper.id));
    await db.papers.bulkPut(papers(100_000, 10));
    expect(await db.papers.count()).toBe(30 + loaded - 3 + 10);
    expect(await db.papers.count()).toBe((await db.papers.toArray()).length);
    db.close();
  });

  test('reads the blocks that are not full, not every paper', async () => {
    const db = new PaperLensDatabase(`paper-count-${++counter}`);
    await db.papers.bulkPut(papers(0, 100 * PAPERS_PER_BLOCK + 20));
    await db.papers.bulkDelete(papers(500, 3).map((paper) => paper.id));
    const { result, keys } = await keysRead(() => db.papers.count());
    expect(result).toBe(100 * PAPERS_PER_BLOCK + 17);
    // 5,020 papers in 101 blocks, two of them not full.
    expect(keys).toBeLessThan(10);
    db.close();
  });
});
