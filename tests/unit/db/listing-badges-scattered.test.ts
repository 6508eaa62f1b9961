import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { badgeInfo, markSeen, savePaper } from '../../../src/db/papers';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { keysRead } from './keys-read';

/**
 * A listing whose ids are spread over years (an arXiv /new listing's replacements, search
 * results), each far from the next, badged from a freshly seeded store that holds few keys between
 * them: a few requests, not one a listed id and table.
 */
let db: PaperLensDatabase;
let seeded: string[];

beforeAll(async () => {
  db = new PaperLensDatabase('listing-badges-scattered');
  const asset = await buildSeedAsset();
  await seedStore(db, asset);
  seeded = asset.papers.map((paper) => paper.id).sort();
  await savePaper(db, { id: seeded[0]!, title: 'First' }, 1000);
  await markSeen(db, [{ id: seeded[1]! }, { id: '2105.10001' }], 2000);
});

describe('listing badges of ids spread over years', () => {
  test('right answers from a few requests', async () => {
    // 300 ids the store lacks, a month each from 2101 on and far apart, and the store's first two papers.
    const months = Array.from({ length: 48 }, (_, n) => `${21 + Math.floor(n / 12)}${String(1 + (n % 12)).padStart(2, '0')}`);
    const absent = Array.from({ length: 300 }, (_, n) => `${months[n % months.length]}.${10_000 + 100 * n}`);
    const listed = [...absent, seeded[0]!, seeded[1]!];
    const { result, requests } = await keysRead(() => badgeInfo(db, listed));
    expect(result.slice(0, 300)).toEqual(absent.map((id) => ({ id, rank: null, snapshot: null, status: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false })));
    expect(result[300]).toMatchObject({ id: seeded[0], inStore: true, status: 'to-read', seen: false });
    expect(result[301]).toMatchObject({ id: seeded[1], inStore: true, status: null, seen: true });
    // A request a listed id and table would be 906.
    expect(requests).toBeLessThan(20);
  });
});
