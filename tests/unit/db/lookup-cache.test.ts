import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createCachedLookup } from '../../../src/db/lookup-cache';
import { markSeen, savePaper, setStatus } from '../../../src/db/papers';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';

let db: PaperLensDatabase;

beforeAll(async () => {
  db = new PaperLensDatabase('lookup-cache-test');
  await seedStore(db, await buildSeedAsset());
});

describe('cached card lookups', () => {
  test('answers a repeated id from memory, and never serves a stale reading status or paper', async () => {
    const lookup = createCachedLookup(db);
    const [first] = await lookup([{ id: '2310.01779' }]);
    expect(first).toMatchObject({ id: '2310.01779', status: null });
    // An unrelated write (a seen mark) keeps the cache; the same answer comes back.
    await markSeen(db, [{ id: '2310.01779' }], 1);
    expect((await lookup([{ id: '2310.01779' }]))[0]).toBe(first);

    await savePaper(db, { id: '2310.01779', title: 'x' }, 2);
    await expect.poll(async () => (await lookup([{ id: '2310.01779' }]))[0]?.status).toBe('to-read');
    await setStatus(db, '2310.01779', 'read', 3);
    await expect.poll(async () => (await lookup([{ id: '2310.01779' }]))[0]?.status).toBe('read');

    await db.papers.bulkPut([{ ...(await db.papers.get('2310.01779'))!, title: 'Renamed by a feed refresh' }]);
    await expect.poll(async () => (await lookup([{ id: '2310.01779' }]))[0]?.title).toBe('Renamed by a feed refresh');
  });

  test('title and abstract queries always go to the store', async () => {
    const lookup = createCachedLookup(db);
    const [byTitle] = await lookup([{ title: 'Salamandra Technical Report' }]);
    expect(byTitle?.id).toBe('2502.08489');
    const [page] = await lookup([{ id: '1706.03762', title: 'Attention', abstract: 'We propose the Transformer. It reaches 28.4 BLEU.' }]);
    expect(page).toMatchObject({ id: '1706.03762', inStore: false });
  });
});
