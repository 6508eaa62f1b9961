import { beforeAll, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { seedStore } from '../../../src/db/seed';
import { loadSearchIndex, rowContext, searchRows, type RowContext } from '../../../src/db/search';
import type { SearchIndex } from '../../../src/search/search-index';

let index: SearchIndex;
let context: RowContext;

beforeAll(async () => {
  const db = new PaperLensDatabase('search-next-word-first-letter');
  await seedStore(db, await buildSeedAsset());
  index = (await loadSearchIndex(db))!;
  context = await rowContext(db);
});

const ids = (query: string) => searchRows(index, context, query, 20).map((row) => row.id);

// Bundled papers, their titles typed letter by letter in the popup's search box.
test.each([
  ['Giraffe: Adventures in Expanding Context Lengths in LLMs', '2308.10882'],
  ['Densing Law of LLMs', '2412.04315'],
  ['Return of the Encoder: Maximizing Parameter Efficiency for SLMs', '2501.16273'],
])('typing "%s": the paper stays listed at the first letter of the next word', (title, id) => {
  const lastWord = title.split(' ').pop()!;
  const before = title.slice(0, title.length - lastWord.length).trim();
  // One keystroke earlier the paper is found...
  expect(ids(before)).toContain(id);
  // ...and the first letter of the next word must not make it (and every other result) vanish.
  expect(ids(`${before} ${lastWord[0]}`)).toContain(id);
});
