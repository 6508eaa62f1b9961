import { expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyFeedDay } from '../../../src/db/feed';
import { seedStore } from '../../../src/db/seed';
import { loadSearchIndex, rowContext, searchRows } from '../../../src/db/search';
import { parseDailyPapers } from '../../../src/feed/parse';

const FIRST = ['Rohan', 'Sebastian', 'Yonghui', 'Jean-Baptiste', 'Jiahui', 'Radu', 'Anja', 'Andrew', 'Katie', 'David', 'Johan', 'Julian', 'Maria', 'Oriol', 'Koray', 'Jeff', 'Noam', 'Emily', 'Sara', 'Wei'];
const LAST = ['Anil', 'Borgeaud', 'Wu', 'Alayrac', 'Yu', 'Soricut', 'Schalkwyk', 'Dai', 'Hauth', 'Millican', 'Silver', 'Schrittwieser', 'Vinyals', 'Kavukcuoglu', 'Dean', 'Shazeer', 'Pitler', 'Mokra', 'Chen', 'Zhang'];
/** `count` author names as the feed sends them. */
const authors = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}` }));

// Abstracts as arXiv has them (first sentences).
const GEMINI = {
  id: '2312.11805',
  title: 'Gemini: A Family of Highly Capable Multimodal Models',
  summary:
    'This report introduces a new family of multimodal models, Gemini, that exhibit remarkable capabilities across image, audio, video, and text understanding. The Gemini family consists of Ultra, Pro, and Nano sizes, suitable for applications ranging from complex reasoning tasks to on-device memory-constrained use-cases. Evaluation on a broad range of benchmarks shows that our most-capable Gemini Ultra model advances the state of the art in 30 of 32 of these benchmarks.',
};
const GEMINI_15 = {
  id: '2403.05530',
  title: 'Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context',
  summary:
    'In this report, we introduce the Gemini 1.5 family of models, representing the next generation of highly compute-efficient multimodal models capable of recalling and reasoning over fine-grained information from millions of tokens of context, including multiple long documents and hours of video and audio. Gemini 1.5 Pro achieves near-perfect recall on long-context retrieval tasks across modalities.',
};

test("searching a collaboration paper's exact title lists that paper first, whatever the length of its author list", async () => {
  const db = new PaperLensDatabase('search-collaboration-title-first');
  await seedStore(db, await buildSeedAsset());
  // A day's feed: the Gemini report (a team paper: the feed lists its ~1,350 authors) and a later paper that only mentions its title's words.
  const feed = parseDailyPapers([
    { paper: { ...GEMINI, authors: authors(1350), upvotes: 40 } },
    { paper: { ...GEMINI_15, authors: authors(30), upvotes: 30 } },
  ]);
  if (!feed.ok) throw new Error(feed.failure.reason);
  await applyFeedDay(db, { ...feed, day: '2024-03-08' }, Date.now());

  const index = (await loadSearchIndex(db))!;
  const rows = searchRows(index, await rowContext(db), 'Gemini: A Family of Highly Capable Multimodal Models', 10);
  expect(rows.map((row) => row.id)[0]).toBe(GEMINI.id);
});
