import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type { DBCoreTable } from 'dexie';
import { PaperLensDatabase } from '../../../src/db/database';
import { packBlocks, PAPERS_PER_LARGE_BLOCK } from '../../../src/db/paper-blocks';
import { createStore } from '../../../src/db/open';
import { lookupPapers, markSeen, savePaper, setStatus } from '../../../src/db/papers';
import { setNotes, setTags } from '../../../src/db/reading-list';
import { seedStore } from '../../../src/db/seed';
import type { Paper, SeedAsset } from '../../../src/schema';
import { buildRelatedCorpus, RELATED_RULE, relatedTo } from '../../../src/search/related';
import { countedStore } from './counted-store';

/**
 * A feed paper's related list is made once, on arrival: after an update that changes the related
 * rule, the store makes the feed papers' lists again, once, without touching what the user owns.
 */
let asset: SeedAsset;
let counter = 0;

beforeAll(async () => {
  asset = await buildSeedAsset();
});

// Two seed papers' ids: links an older rule gave every feed paper, whatever its subject.
const OLD_LIST = ['2310.01779', '2401.14556'];
const OLD_STATE = { key: 'relatedLists', value: JSON.stringify({ rule: 'a rule of an older build', nextBlock: null }) };

/**
 * A store that an older build left: the seed papers eight times over as feed papers retold (ids
 * 2701.* to 2708.*, 528 papers in blocks 0–10, or 0-2 in a large load's blocks of 200), each with
 * the older rule's links, then the snapshot; the lists noted as made under that rule.
 */
async function olderStore(largeBlocks = false): Promise<{ db: PaperLensDatabase; blocksRead: () => number; feedPapers: Paper[] }> {
  const counted = await countedStore(`related-lists-${++counter}`, [], 0);
  const feedPapers = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((copy) =>
    asset.papers.map((paper, index): Paper => ({
      ...paper,
      id: `270${copy}.${String(index).padStart(5, '0')}`,
      source: 'feed',
      rank: null,
      snapshot: null,
      title: `${paper.title}: revisited`,
      abstract: `${paper.abstract} We revisit it.`,
      related: OLD_LIST,
    })),
  );
  if (largeBlocks) await counted.db.paperBlocks.bulkPut(packBlocks(feedPapers, 0, PAPERS_PER_LARGE_BLOCK));
  else await counted.db.papers.bulkPut(feedPapers);
  await seedStore(counted.db, asset);
  await counted.db.meta.put(OLD_STATE);
  return { ...counted, feedPapers };
}

/** A second connection to `db` whose writes of blocks fail after one: a worker that stops while its second step writes. */
function stoppingAfterAStep(db: PaperLensDatabase): PaperLensDatabase {
  const stopping = new PaperLensDatabase(db.name);
  let blockWrites = 0;
  stopping.use({
    stack: 'dbcore',
    name: 'stop-after-a-step',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'paperBlocks') return table;
        const stopped: DBCoreTable = { ...table, mutate: (request) => (++blockWrites > 1 ? Promise.reject(new Error('the worker stopped')) : table.mutate(request)) };
        return stopped;
      },
    }),
  });
  return stopping;
}

const storeOver = (db: PaperLensDatabase) => createStore({ db, loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });

/** What a user owns: the reading list (status, notes, tags, dates), removed papers, seen marks. */
const owned = async (db: PaperLensDatabase) => JSON.stringify([await db.saved.toArray(), await db.removed.toArray(), await db.seen.toArray()]);

describe('related lists made under an older rule', () => {
  test("a feed paper's card lists its related papers under this build's rule; the reading list, the paper's other fields and the snapshot's lists are as they were", async () => {
    const { db, feedPapers } = await olderStore();
    const paper = feedPapers.find((candidate) => candidate.title.startsWith('Scaling Laws with Vocabulary'))!;
    await savePaper(db, { id: paper.id, title: paper.title }, 10);
    await setStatus(db, paper.id, 'reading', 11);
    await setNotes(db, paper.id, 'Compare with Chinchilla.\nSecond line.', 12);
    await setTags(db, paper.id, ['scaling', 'vocab'], 13);
    await markSeen(db, [{ id: paper.id, title: paper.title }], 14);
    const userBefore = await owned(db);
    const seedListsBefore = (await db.papers.toArray()).filter((stored) => stored.source === 'seed').map((stored) => [stored.id, stored.related]);
    expect((await lookupPapers(db, [{ id: paper.id }]))[0]!.related.map((link) => link.id)).toEqual(OLD_LIST);

    // The update's worker opens the store.
    const changed = await storeOver(db).refreshRelatedLists();

    const all = await db.papers.toArray();
    const expected = relatedTo(buildRelatedCorpus(all), paper);
    expect(expected).not.toEqual(OLD_LIST);
    expect(expected.length).toBeGreaterThan(0);
    expect((await lookupPapers(db, [{ id: paper.id }]))[0]!.related.map((link) => link.id)).toEqual(expected);
    // Every feed paper's list is this rule's.
    const corpus = buildRelatedCorpus(all);
    for (const feedPaper of all.filter((stored) => stored.source === 'feed')) expect(feedPaper.related).toEqual(relatedTo(corpus, feedPaper));
    expect(changed).toBe(feedPapers.length);
    expect(await owned(db)).toBe(userBefore);
    const { related: _after, ...restAfter } = (await db.papers.get(paper.id))!;
    const { related: _before, ...restBefore } = paper;
    expect(JSON.stringify(restAfter)).toBe(JSON.stringify(restBefore));
    expect(all.filter((stored) => stored.source === 'seed').map((stored) => [stored.id, stored.related])).toEqual(seedListsBefore);
    db.close();
  });

  test('the next worker reads one record for it and writes nothing, though papers arrived since', async () => {
    const { db, blocksRead, feedPapers } = await olderStore();
    await storeOver(db).refreshRelatedLists();
    // A feed refresh adds a block of papers, related on arrival.
    await db.papers.bulkPut(asset.papers.map((paper, index) => ({ ...feedPapers[index]!, id: `2709.${String(index).padStart(5, '0')}`, related: [paper.id] })));
    const blocks = JSON.stringify(await db.paperBlocks.toArray());
    const before = blocksRead();

    expect(await storeOver(db).refreshRelatedLists()).toBe(0);
    expect(blocksRead() - before).toBe(0);
    expect(JSON.stringify(await db.paperBlocks.toArray())).toBe(blocks);
    db.close();
  });

  test('a worker stopped midway leaves a note of the blocks it made, and the next goes on from there', async () => {
    const { db, feedPapers } = await olderStore();
    const blockOf = new Map((await db.paperBlocks.toArray()).flatMap((row) => row.ids.map((id) => [id, row.block])));
    const stopping = stoppingAfterAStep(db);
    await expect(storeOver(stopping).refreshRelatedLists()).rejects.toThrow('the worker stopped');
    stopping.close();
    const note = JSON.parse((await db.meta.get('relatedLists'))!.value) as { rule: string; nextBlock: number };
    expect(note.rule).toBe(RELATED_RULE);
    expect(note.nextBlock).toBeGreaterThan(0);
    expect(note.nextBlock).toBeLessThan(blockOf.get(feedPapers.at(-1)!.id)!);
    const corpus = buildRelatedCorpus(await db.papers.toArray());
    const madeFirst = (paper: Paper) => blockOf.get(paper.id)! < note.nextBlock;
    expect((await db.papers.bulkGet(feedPapers.map((paper) => paper.id))).map((paper) => paper!.related)).toEqual(
      feedPapers.map((paper) => (madeFirst(paper) ? relatedTo(corpus, paper) : OLD_LIST)),
    );

    // The next worker makes the rest: the lists of the first blocks (here made older again) it does not read.
    const firstBlocks = await db.paperBlocks.bulkGet(Array.from({ length: note.nextBlock }, (_, block) => block));
    await db.paperBlocks.bulkPut(firstBlocks.map((row) => ({ ...row!, papers: row!.papers.map((paper) => ({ ...paper, related: OLD_LIST })) })));
    expect(await storeOver(db).refreshRelatedLists()).toBe(feedPapers.filter((paper) => !madeFirst(paper)).length);
    expect((await db.papers.bulkGet(feedPapers.map((paper) => paper.id))).map((paper) => paper!.related)).toEqual(
      feedPapers.map((paper) => (madeFirst(paper) ? OLD_LIST : relatedTo(corpus, paper))),
    );
    expect(JSON.parse((await db.meta.get('relatedLists'))!.value)).toEqual({ rule: RELATED_RULE, nextBlock: null });
    db.close();
  });

  test("a large load's blocks of 200 are made two a step, not eight (1,600 papers a pass kept lookups waiting on each of its slices)", async () => {
    const { db } = await olderStore(true);
    const stopping = stoppingAfterAStep(db);
    await expect(storeOver(stopping).refreshRelatedLists()).rejects.toThrow('the worker stopped');
    stopping.close();
    expect(JSON.parse((await db.meta.get('relatedLists'))!.value)).toEqual({ rule: RELATED_RULE, nextBlock: 2 });
    db.close();
  });
});
