import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { badgeInfo, markSeen, savePaper, setStatus } from '../../../src/db/papers';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';

/** What the store answers a listing's one `badges` request with (the badges show exactly this). */
let db: PaperLensDatabase;

beforeAll(async () => {
  db = new PaperLensDatabase('badge-answers-test');
  await seedStore(db, await buildSeedAsset());
  await savePaper(db, { id: '2407.21123', title: 'Retrieval Heads Explain Long-Context Factuality' }, 1000);
  await savePaper(db, { id: '2310.01779', title: 'HallE-Control' }, 1000);
  await setStatus(db, '2310.01779', 'reading', 2000);
  await markSeen(db, [{ id: '2310.01779' }, { id: 'hep-th/9901001' }], 3000);
});

describe('badge answers', () => {
  test('one answer per id in order: rank, code link, reading status and seen mark', async () => {
    const answers = await badgeInfo(db, ['2310.01779v3', '2310.15539', '2407.21123', 'hep-th/9901001', 'not-an-id', '2310.01779', '2407.99999']);
    expect(answers).toEqual([
      { id: '2310.01779', rank: 1, snapshot: '2025-07-30', status: 'reading', seen: true, codeLink: null, upvotes: null, projectPage: null, inStore: true },
      { id: '2310.15539', rank: 3, snapshot: '2025-07-30', status: null, seen: false, codeLink: 'https://github.com/sade-adrien/SteloCoder', upvotes: null, projectPage: null, inStore: true },
      { id: '2407.21123', rank: null, snapshot: null, status: 'to-read', seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false },
      { id: 'hep-th/9901001', rank: null, snapshot: null, status: null, seen: true, codeLink: null, upvotes: null, projectPage: null, inStore: false },
      null,
      { id: '2310.01779', rank: 1, snapshot: '2025-07-30', status: 'reading', seen: true, codeLink: null, upvotes: null, projectPage: null, inStore: true },
      { id: '2407.99999', rank: null, snapshot: null, status: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false },
    ]);
  });

  test('a listing of 2,000 ids gets 2,000 answers, the store’s papers among them', async () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `2407.${String(20000 + index).padStart(5, '0')}`);
    ids[1234] = '2407.13623';
    const answers = await badgeInfo(db, ids);
    expect(answers).toHaveLength(2000);
    expect(answers[1234]).toMatchObject({ id: '2407.13623', rank: 10, inStore: true });
    expect(answers.filter((answer) => answer?.inStore)).toHaveLength(1);
  });

  test('only ids that are not arXiv ids: all null', async () => {
    expect(await badgeInfo(db, ['x', ''])).toEqual([null, null]);
  });
});
