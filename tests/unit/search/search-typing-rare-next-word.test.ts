import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { snapshotOf, type IndexedPaper } from '../../../src/db/search';
import { SearchIndex, unpackSnapshot } from '../../../src/search/search-index';
import { summarize, SUMMARIZER_VERSION } from '../../../src/summarize';

let papers: IndexedPaper[];
let index: SearchIndex;

// A store of 2,611 real machine-learning papers: SciTLDR's (vendored in data/scitldr), with their titles and our summaries.
beforeAll(() => {
  const rows = ['train', 'dev'].flatMap((split) =>
    readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), `../../../data/scitldr/${split}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title: string; source: string[] }),
  );
  papers = rows
    .filter((row) => row.title)
    .map((row, i) => ({ id: `2401.${String(i).padStart(5, '0')}`, title: row.title, authors: [], rank: null, snapshot: null, summary: { version: SUMMARIZER_VERSION, ...summarize(row.title, row.source.join(' ')) } }));
  index = new SearchIndex(unpackSnapshot(snapshotOf(papers)));
});

test.each([
  ['Adversarial Examples Are a Natural con', 'Adversarial Examples Are a Natural Consequence'],
  ['I Know the Feeling: Learning to con', 'I Know the Feeling: Learning to Converse'],
  ['Rethinking Curriculum Learning With Incremental Labels And Adaptive com', 'Rethinking Curriculum Learning With Incremental Labels And Adaptive Compensation'],
])('typing "%s…", the paper whose title it begins stays listed', (typed, title) => {
  const paper = papers.find((candidate) => candidate.title.startsWith(title))!;
  expect(paper).toBeDefined();
  // The whole word typed finds it first...
  expect(index.search(title, 20)[0]?.id).toBe(paper.id);
  // ...and so must the first three letters of that word, on the way there.
  expect(index.search(typed, 20).map((hit) => hit.id)).toContain(paper.id);
});
