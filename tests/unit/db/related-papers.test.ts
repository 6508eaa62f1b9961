import { beforeAll, describe, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createRelatedPapers, relatedOnArrival } from '../../../src/db/related';
import { buildRelatedCorpus, relatedTo, type RelatedDocument } from '../../../src/search/related';
import type { Paper } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { countedStore } from './counted-store';

let seed: Paper[];
let counter = 0;

beforeAll(async () => {
  seed = (await buildSeedAsset()).papers;
});

/** A store holding the seed papers 15 times over (990 papers, 20 blocks), counting the paper blocks read. */
const store = () => countedStore(`related-papers-${++counter}`, seed, 15);

const page = {
  id: '2601.00042',
  title: 'Tree Drafts for Faster Speculative Decoding',
  abstract: 'A small draft model proposes tokens that the target model verifies in parallel; adaptive candidate lengths raise the acceptance rate.',
};

/** Pages of papers the store lacks: the one above and seed papers retold under new ids. */
const pages = (): RelatedDocument[] => [page, ...seed.slice(0, 12).map((paper, index) => ({ id: `2801.${String(index).padStart(5, '0')}`, title: `${paper.title}, revisited`, abstract: `${paper.abstract} We revisit it.` }))];

/** What forPage must answer for each page: related papers over a corpus built afresh from the store's text. */
async function expected(db: PaperLensDatabase): Promise<string[][]> {
  const corpus = buildRelatedCorpus(await db.papers.toArray());
  return pages().map((target) => relatedTo(corpus, target));
}

const answers = (related: ReturnType<typeof createRelatedPapers>): Promise<string[][]> => Promise.all(pages().map((target) => related.forPage(target)));

/** Waits until a build's terms, kept after its answer, are all written. */
async function keptAll(db: PaperLensDatabase): Promise<void> {
  const blocks = await db.paperBlocks.count();
  await vi.waitFor(async () => expect(await db.relatedTerms.count()).toBe(blocks), { timeout: 10_000 });
}

describe('related papers for pages the store does not hold (worker)', () => {
  test('the corpus is built once and kept: a second question reads nothing', async () => {
    const { db, blocksRead } = await store();
    const related = createRelatedPapers(db);
    const wanted = relatedTo(buildRelatedCorpus(await db.papers.toArray()), page);
    expect(await related.forPage(page)).toEqual(wanted);
    const afterFirst = blocksRead();
    expect(await related.forPage(page)).toEqual(wanted);
    expect(blocksRead()).toBe(afterFirst);
    db.close();
  });

  test('when the papers change during a build, it stops and every asker gets the build that replaced it', async () => {
    const { db, blocksRead } = await store();
    const blocks = await db.paperBlocks.count();
    const related = createRelatedPapers(db);
    const first = related.forPage(page);
    related.invalidate(); // before its first slice is in
    const second = related.forPage(page);
    const answered = await Promise.all([first, second]);
    // The replaced build read one slice (4 blocks) at most, not the whole store a second time.
    expect(blocksRead()).toBeLessThanOrEqual(blocks + 4);
    const wanted = relatedTo(buildRelatedCorpus(await db.papers.toArray()), page);
    expect(answered).toEqual([wanted, wanted]);
    db.close();
  });

  test('a failed read is tried again by the next question', async () => {
    const { db } = await store();
    const related = createRelatedPapers(db);
    const failing = vi.spyOn(db.paperBlocks, 'bulkGet').mockRejectedValueOnce(new Error('read failed'));
    await expect(related.forPage(page)).rejects.toThrow('read failed');
    failing.mockRestore();
    expect(await related.forPage(page)).toEqual(relatedTo(buildRelatedCorpus(await db.papers.toArray()), page));
    db.close();
  });

  test('after a worker start it is built from the kept terms: the related papers of a fresh build, reading only the blocks written since', async () => {
    const { db, blocksRead } = await store();
    // The first build tokenizes every block (nothing kept yet) and keeps them all after its answer.
    const firstWorker = createRelatedPapers(db);
    expect(await answers(firstWorker)).toEqual(await expected(db));
    await keptAll(db);

    // A worker start: the corpus again, from kept terms alone.
    const before = blocksRead();
    const secondWorker = createRelatedPapers(db);
    const again = await answers(secondWorker);
    expect(blocksRead() - before).toBe(0);
    expect(again).toEqual(await expected(db));
    expect(again.filter((ids) => ids.length > 0).length).toBeGreaterThan(6);

    // Papers change: one retitled, two deleted from another block, papers added (to the last block and a new one).
    const retitled = (await db.papers.get('2603.00003'))!;
    await db.papers.bulkPut([{ ...retitled, title: 'Speculative decoding with tree drafts', abstract: 'Draft trees proposed by a small model, verified in parallel by the target model.' }]);
    await db.papers.bulkDelete(['2607.00010', '2607.00011']);
    await db.papers.bulkPut(seed.slice(20, 70).map((paper, index) => ({ ...paper, id: `2702.${String(index).padStart(5, '0')}`, title: `${paper.title}: a follow-up` })));
    secondWorker.invalidate();
    const afterChanges = blocksRead();
    const changed = await answers(secondWorker);
    expect(blocksRead() - afterChanges).toBeLessThanOrEqual(4);
    expect(changed).toEqual(await expected(db));
    expect(changed[0]).toContain('2603.00003');

    // Those blocks kept too: the next worker reads none.
    await keptAll(db);
    const afterKeep = blocksRead();
    expect(await answers(createRelatedPapers(db))).toEqual(changed);
    expect(blocksRead() - afterKeep).toBe(0);
    db.close();
  });

  test('a store of more blocks than a refresh keeps has them all kept, a write at a time', async () => {
    const db = new PaperLensDatabase(`related-papers-${++counter}`);
    // 70 blocks: more than a refresh keeps (64), in five writes.
    await db.papers.bulkPut(Array.from({ length: 53 }, (_, copy) => seed.map((paper, index) => ({ ...paper, id: `25${String(copy).padStart(2, '0')}.${String(index).padStart(5, '0')}` }))).flat());
    expect(await db.paperBlocks.count()).toBe(70);
    const wanted = await answers(createRelatedPapers(db));
    await keptAll(db);
    expect(await answers(createRelatedPapers(db))).toEqual(wanted);
    db.close();
  });

  test('kept counts are bytes where they fit, and a count past 255 is kept whole', async () => {
    const { db } = await store();
    const repeated = (await db.papers.get('2604.00002'))!;
    await db.papers.bulkPut([{ ...repeated, title: 'Drafts', abstract: `${'draft '.repeat(300)}verified by a target model.` }]);
    const target = { id: '2801.99998', title: 'Drafts, drafts', abstract: 'A draft model.' };
    const wanted = relatedTo(buildRelatedCorpus(await db.papers.toArray()), target);
    expect(await createRelatedPapers(db).forPage(target)).toEqual(wanted);
    await keptAll(db);
    const rows = await db.relatedTerms.toArray();
    const holding = rows.find((row) => row.counted.ids.includes('2604.00002'))!;
    expect(holding.counted.counts).toBeInstanceOf(Uint32Array);
    expect(Math.max(...holding.counted.counts)).toBe(300);
    expect(rows.filter((row) => row.counted.counts instanceof Uint8Array)).toHaveLength(rows.length - 1);
    expect(await createRelatedPapers(db).forPage(target)).toEqual(wanted);
    db.close();
  });

  test('a block another pass kept after the build read the dictionary, numbered in terms the build lacks, is tokenized again', async () => {
    const { db } = await store();
    await answers(createRelatedPapers(db));
    await keptAll(db);
    // A paper rewritten with words no stored paper has, before the next build starts.
    const rewritten = (await db.papers.get('2605.00007'))!;
    await db.papers.bulkPut([{ ...rewritten, title: 'Quokka zebrafish axolotl tree drafts', abstract: 'Quokka and zebrafish drafts verified by an axolotl target model.' }]);
    // Related to it by those words alone.
    const target = { id: '2801.99999', title: 'Quokka zebrafish', abstract: 'Axolotl and quokka.' };

    // The build reads the dictionary, then, before it reads the kept terms, a feed refresh
    // tokenizes that block with the new words and keeps it with the dictionary it grew.
    const related = createRelatedPapers(db);
    const bulkGet = db.relatedTerms.bulkGet.bind(db.relatedTerms);
    let refreshed = false;
    db.relatedTerms.bulkGet = (async (keys: number[]) => {
      if (!refreshed) {
        refreshed = true;
        await relatedOnArrival(db, [{ id: '2901.00001', title: 'Unrelated', abstract: 'Nothing here.' }], new Set());
      }
      return bulkGet(keys);
    }) as typeof bulkGet;
    const answer = await related.forPage(target);
    expect(refreshed).toBe(true);
    expect(answer).toEqual(relatedTo(buildRelatedCorpus(await db.papers.toArray()), target));
    expect(answer[0]).toBe('2605.00007');
    db.close();
  });
});
