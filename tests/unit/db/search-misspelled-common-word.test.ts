import { beforeAll, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { seedStore } from '../../../src/db/seed';
import { loadSearchIndex, rowContext, searchRows, type RowContext } from '../../../src/db/search';
import type { SearchIndex } from '../../../src/search/search-index';

let index: SearchIndex;
let context: RowContext;

beforeAll(async () => {
  const db = new PaperLensDatabase('search-misspelled-common-word');
  await seedStore(db, await buildSeedAsset());
  index = (await loadSearchIndex(db))!;
  context = await rowContext(db);
});

const ids = (query: string) => searchRows(index, context, query, 20).map((row) => row.id);

// Search forgives a typo per word (README). A misspelled content word is forgiven; a misspelled
// common word (one the index leaves out: towards, using, based…) empties the results.
test.each([
  ['Towrads Open Foundation Language Model and Corpus for Macedonian', 'Towards Open Foundation Language Model and Corpus for Macedonain', '2506.09560'],
  ['CompactifAI: Extreme Compression of Large Language Models usign Quantum-Inspired Tensor Networks', 'CompactifAI: Extreme Compression of Large Language Models using Quantum-Inspired Tensro Networks', '2401.14109'],
  ['XL3M: A Training-free Framework for LLM Length Extension Basde on Segment-wise Inference', 'XL3M: A Training-free Framework for LLM Length Extension Based on Segment-wise Infernece', '2405.17755'],
])('a typo in a common word of the title: "%s" finds the paper, as a typo in another word does', (commonWordTypo, contentWordTypo, id) => {
  expect(ids(contentWordTypo)).toContain(id);
  expect(ids(commonWordTypo)).toContain(id);
});
