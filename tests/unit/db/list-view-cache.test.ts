import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createListViewCache } from '../../../src/db/list-view-cache';
import { listViews, markSeen, savePaper } from '../../../src/db/papers';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';

let db: PaperLensDatabase;
const IDS = ['2310.01779', '2407.13623', '2502.08489'];

beforeAll(async () => {
  db = new PaperLensDatabase('list-view-cache-test');
  await seedStore(db, await buildSeedAsset());
});

describe('remembered result rows', () => {
  test('answer at once once read, as the store has them, and never outlive a change', async () => {
    const views = createListViewCache(db);
    expect(views.cached(IDS)).toBeNull();
    expect(await views.load(IDS)).toEqual(await listViews(db, IDS));
    expect(views.cached(IDS)).toEqual(await listViews(db, IDS));
    expect(views.cached([...IDS, 'not-read-yet'])).toBeNull();

    // A write rows do not show (a seen mark) keeps them.
    await markSeen(db, [IDS[0]!], 1);
    expect(views.cached(IDS)).not.toBeNull();

    let changed = 0;
    views.onChange(() => changed++);
    await savePaper(db, { id: IDS[1]!, title: 'x' }, 2);
    await expect.poll(() => changed).toBe(1);
    expect(views.cached(IDS)).toBeNull();
    const [, saved] = await views.load(IDS);
    expect(saved).toMatchObject({ id: IDS[1], status: 'to-read' });
  });

  test('papers the store does not hold are left out', async () => {
    const views = createListViewCache(db);
    expect((await views.load(['1901.00000', IDS[2]!])).map((view) => view.id)).toEqual([IDS[2]]);
  });
});
