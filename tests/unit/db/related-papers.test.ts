import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createRelatedPapers } from '../../../src/db/related';
import { buildRelatedCorpus, relatedTo } from '../../../src/search/related';
import type { Paper } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';

let seed: Paper[];
let counter = 0;

beforeAll(async () => {
  seed = (await buildSeedAsset()).papers;
});

/** A store holding the seed papers 15 times over (990 papers, 20 blocks), counting the slices read. */
async function countedStore(): Promise<{ db: PaperLensDatabase; slicesRead: () => number }> {
  const db = new PaperLensDatabase(`related-papers-${++counter}`);
  await db.papers.bulkPut(Array.from({ length: 15 }, (_, copy) => seed.map((paper, index) => ({ ...paper, id: `26${String(copy).padStart(2, '0')}.${String(index).padStart(5, '0')}` }))).flat());
  let slices = 0;
  const read = db.papers.inSlices.bind(db.papers);
  db.papers.inSlices = async function* (blocksPerSlice: number) {
    for await (const slice of read(blocksPerSlice)) {
      slices++;
      yield slice;
    }
  };
  return { db, slicesRead: () => slices };
}

const page = {
  id: '2601.00042',
  title: 'Tree Drafts for Faster Speculative Decoding',
  abstract: 'A small draft model proposes tokens that the target model verifies in parallel; adaptive candidate lengths raise the acceptance rate.',
};

describe('related papers for pages the store does not hold (worker)', () => {
  test('the corpus is built once and kept: a second question reads nothing', async () => {
    const { db, slicesRead } = await countedStore();
    const related = createRelatedPapers(db);
    const expected = relatedTo(buildRelatedCorpus(await db.papers.toArray()), page);
    expect(await related.forPage(page)).toEqual(expected);
    const afterFirst = slicesRead();
    expect(await related.forPage(page)).toEqual(expected);
    expect(slicesRead()).toBe(afterFirst);
  });

  test('when the papers change during a build, it stops and every asker gets the build that replaced it', async () => {
    const { db, slicesRead } = await countedStore();
    const full = (await db.paperBlocks.count()) / 4; // slices in one whole build
    const related = createRelatedPapers(db);
    const first = related.forPage(page);
    related.invalidate(); // before its first slice is in
    const second = related.forPage(page);
    const expected = relatedTo(buildRelatedCorpus(await db.papers.toArray()), page);
    expect(await first).toEqual(expected);
    expect(await second).toEqual(expected);
    // The replaced build read one slice, not the whole store a second time.
    expect(slicesRead()).toBeLessThanOrEqual(full + 1);
  });
});
