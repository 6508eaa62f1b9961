import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { relatedOnArrival } from '../../../src/db/related';
import { buildRelatedCorpus, relatedTo, TERM_COUNTING } from '../../../src/search/related';
import type { Paper } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { countedStore } from './counted-store';

/**
 * A feed refresh relates the papers it brings against the whole store; the stored papers' terms
 * are kept per block, so a refresh tokenizes what arrives and the blocks that changed since.
 */
let seed: Paper[];
let counter = 0;

beforeAll(async () => {
  seed = (await buildSeedAsset()).papers;
});

/** A store of the seed papers 10 times over (660 papers, 14 blocks), counting the paper blocks read. */
const store = () => countedStore(`related-on-arrival-${++counter}`, seed, 10);

/** Feed papers: seed papers under new ids, retold (so that they relate to the store's copies). */
const arriving = (prefix: string, count: number, from = 0): Paper[] =>
  seed.slice(from, from + count).map((paper, index) => ({ ...paper, id: `${prefix}.${String(index).padStart(5, '0')}`, title: `${paper.title}: a follow-up`, abstract: `${paper.abstract} We revisit it.` }));

/** What relatedOnArrival must answer: related papers over the store without the arrivals' old versions, the arrivals last. */
async function expected(db: PaperLensDatabase, arrivals: Paper[], of: Set<string>): Promise<Map<string, string[]>> {
  const ids = new Set(arrivals.map((paper) => paper.id));
  const corpus = buildRelatedCorpus([...(await db.papers.toArray()).filter((paper) => !ids.has(paper.id)), ...arrivals]);
  return new Map(arrivals.filter((paper) => of.has(paper.id)).map((paper) => [paper.id, relatedTo(corpus, paper)]));
}

describe('related papers of arriving feed papers, from kept terms', () => {
  test('the same papers a fresh build relates, refresh after refresh, with changes, deletes and a replaced paper between', async () => {
    const { db, blocksRead } = await store();
    const blocks = await db.paperBlocks.count();

    // The first refresh tokenizes the store: nothing is kept yet.
    const first = arriving('2701', 8);
    const firstOf = new Set(first.map((paper) => paper.id));
    const start = blocksRead();
    const firstRelated = await relatedOnArrival(db, first, firstOf);
    expect(blocksRead() - start).toBe(blocks);
    expect(firstRelated).toEqual(await expected(db, first, firstOf));
    await db.papers.bulkPut(first);

    // Between refreshes: a paper retitled (block 2), two deleted (block 5), one arrival stored again with a new abstract.
    const retitled = (await db.papers.get('2602.00003'))!;
    await db.papers.bulkPut([{ ...retitled, title: 'Speculative decoding with tree drafts', abstract: 'Draft trees verified in parallel.' }]);
    await db.papers.bulkDelete(['2605.00010', '2605.00011']);
    const second = [...arriving('2702', 6, 20), { ...first[0]!, abstract: 'Rewritten: retrieval heads explain long-context factuality.' }];
    const secondOf = new Set(second.slice(0, 6).map((paper) => paper.id));
    const before = blocksRead();
    const related = await relatedOnArrival(db, second, secondOf);
    // The retitled paper's block, the one deletes changed, and the last block (where the first refresh's papers went).
    expect(blocksRead() - before).toBeLessThanOrEqual(3);
    expect(related).toEqual(await expected(db, second, secondOf));
    expect([...related.values()].some((ids) => ids.length > 0)).toBe(true);
    db.close();
  });

  test('terms kept by another tokenizer are tokenized again', async () => {
    const { db, blocksRead } = await store();
    const first = arriving('2701', 4);
    await relatedOnArrival(db, first, new Set());
    // As an older build's tokenizer would have kept them: other terms under the same numbers.
    const kept = JSON.parse((await db.meta.get('relatedDictionary'))!.value) as { terms: string[] };
    await db.meta.put({ key: 'relatedDictionary', value: JSON.stringify({ ...kept, tokenizer: 'an older build', terms: kept.terms.map((term) => `${term}_`) }) });
    const before = blocksRead();
    const of = new Set(first.map((paper) => paper.id));
    const related = await relatedOnArrival(db, first, of);
    expect(blocksRead() - before).toBe(await db.paperBlocks.count());
    expect(related).toEqual(await expected(db, first, of));
    db.close();
  });

  test('terms kept by a build that counted other words of the same tokens (before generic words were dropped) are counted again', async () => {
    const { db, blocksRead } = await store();
    const first = arriving('2701', 4);
    await relatedOnArrival(db, first, new Set());
    const kept = JSON.parse((await db.meta.get('relatedDictionary'))!.value) as { tokenizer: string };
    // The same tokenizer, without what decides which of its tokens are counted.
    await db.meta.put({ key: 'relatedDictionary', value: JSON.stringify({ ...kept, tokenizer: kept.tokenizer.replace(`\n${TERM_COUNTING}`, '') }) });
    const before = blocksRead();
    await relatedOnArrival(db, first, new Set());
    expect(blocksRead() - before).toBe(await db.paperBlocks.count());
    db.close();
  });
});
