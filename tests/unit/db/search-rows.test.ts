import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyFeedDay } from '../../../src/db/feed';
import { savePaper, setStatus } from '../../../src/db/papers';
import { loadSearchIndex, PAPERS_INDEX_KEY, rowContext, searchRows } from '../../../src/db/search';
import { seedStore } from '../../../src/db/seed';
import { parseDailyPapers } from '../../../src/feed/parse';
import type { SeedAsset } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { fixtureText, NESTED_FIXTURE } from '../feed/fixtures';

let db: PaperLensDatabase;
let asset: SeedAsset;
let counter = 0;

beforeEach(async () => {
  asset ??= await buildSeedAsset();
  db = new PaperLensDatabase(`search-rows-${++counter}`);
  await seedStore(db, asset);
});

async function search(query: string) {
  return searchRows((await loadSearchIndex(db))!, await rowContext(db), query, 20);
}

describe('search results come from the index alone', () => {
  test('a result row shows the paper as the store holds it: title, TL;DR, topics, snapshot rank', async () => {
    const [row] = await search('salamandra');
    const paper = asset.papers.find((candidate) => candidate.id === row!.id)!;
    expect(row).toEqual({ id: paper.id, title: paper.title, tldr: paper.summary.tldr, topics: paper.summary.topics, rank: paper.rank, snapshot: '2025-07-30', status: null });
  });

  test('rows follow the reading list and the latest live ranking without a rebuilt index', async () => {
    const id = (await search('salamandra'))[0]!.id;
    await savePaper(db, { id, title: 'x' }, 1);
    expect((await search('salamandra'))[0]!.status).toBe('to-read');
    await setStatus(db, id, 'read', 2);
    expect((await search('salamandra'))[0]!.status).toBe('read');

    const parsed = parseDailyPapers(JSON.parse(fixtureText(NESTED_FIXTURE)));
    if (!parsed.ok) throw new Error(parsed.failure.reason);
    await applyFeedDay(db, { ...parsed, day: '2024-07-19' }, Date.now());
    const first = parsed.entries[0]!;
    const [row] = await search(first.title);
    expect(row).toMatchObject({ id: first.id, rank: 1, snapshot: 'Live · 2024-07-19' });
  });

  test('a malformed stored row is an error that names the paper, not a blank row', async () => {
    const stored = (await db.searchIndex.get(PAPERS_INDEX_KEY))!;
    const rows = stored.snapshot.rows.split('\n');
    rows[0] = JSON.stringify({ title: '', tldr: 5 });
    await db.searchIndex.put({ ...stored, snapshot: { ...stored.snapshot, rows: rows.join('\n') } });
    const id = stored.snapshot.ids.split('\n')[0]!;
    const title = asset.papers.find((paper) => paper.id === id)!.title;
    await expect(search(title)).rejects.toThrow(new RegExp(`malformed row for ${id.replace('.', '\\.')}`));
  });
});
