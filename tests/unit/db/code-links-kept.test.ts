import { beforeAll, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyFeedDay } from '../../../src/db/feed';
import { addArxivCodeLinks, lookupPapers } from '../../../src/db/papers';
import { resummarizeStale } from '../../../src/db/resummarize';
import { seedStore } from '../../../src/db/seed';
import type { FeedSuccess } from '../../../src/feed/client';
import type { SeedAsset } from '../../../src/schema';
import { SUMMARIZER_VERSION } from '../../../src/summarize';
import { recordedDay } from '../feed/fixtures';

// A code link only arXiv's comments give ("Code: https://github.com/…"), which no abstract writes.
const COMMENT_CODE = 'https://github.com/lab/from-the-comments';
// In the bundled snapshot and in the recorded day's feed (whose repository is sail-sg/scaling-with-vocab).
const IN_FEED = '2407.13623';

let asset: SeedAsset;
let day: FeedSuccess;

beforeAll(async () => {
  asset = await buildSeedAsset();
  day = recordedDay();
});

const codeLinksOf = async (db: PaperLensDatabase, id: string) => (await lookupPapers(db, [{ id }]))[0]?.codeLinks;

test("an update's new snapshot keeps the code link arXiv's comments gave a bundled paper, after the feed's repository", async () => {
  const db = new PaperLensDatabase('code-links-kept-reseed');
  await seedStore(db, asset);
  await applyFeedDay(db, day, Date.now());
  const notInFeed = asset.papers.find((paper) => paper.summary.codeLinks.length === 0 && !day.entries.some((entry) => entry.id === paper.id))!;
  expect(await addArxivCodeLinks(db, notInFeed.id, [COMMENT_CODE])).toBe(true);
  expect(await addArxivCodeLinks(db, IN_FEED, [COMMENT_CODE])).toBe(true);

  await seedStore(db, { ...asset, version: `${asset.version}-next` });

  expect(await codeLinksOf(db, notInFeed.id)).toEqual([COMMENT_CODE]);
  expect(await codeLinksOf(db, IN_FEED)).toEqual(['https://github.com/sail-sg/scaling-with-vocab', COMMENT_CODE]);
});

test("a newer summarizer's summary keeps the comments' code link; one the abstract writes is the summarizer's to give", async () => {
  const db = new PaperLensDatabase('code-links-kept-resummarize');
  await seedStore(db, asset);
  await resummarizeStale(db, 1);
  const first = asset.papers[0]!;
  // Stored by an older summarizer that took a host inside another address, which this one does not.
  const docs = 'https://docs.github.com/en/actions';
  const abstract = `${first.abstract} Our pipeline runs as described at docs.github.com/en/actions.`;
  await db.papers.bulkPut([{ ...first, abstract, summary: { ...first.summary, version: SUMMARIZER_VERSION - 1, codeLinks: [docs, COMMENT_CODE] } }]);
  await db.meta.delete('summarizerVersion');

  expect(await resummarizeStale(db, 2)).toBe(1);

  expect((await db.papers.get(first.id))!.summary.version).toBe(SUMMARIZER_VERSION);
  expect(await codeLinksOf(db, first.id)).toEqual([...first.summary.codeLinks, COMMENT_CODE]);
});

test("review: a repository the feed corrected or took back goes; the comments' link stays", async () => {
  const db = new PaperLensDatabase('code-links-kept-feed-corrected');
  await seedStore(db, asset);
  const withRepo = (repo: string | null): FeedSuccess => ({ ...day, entries: day.entries.map((entry) => (entry.id === IN_FEED ? { ...entry, githubRepo: repo } : entry)) });
  await applyFeedDay(db, withRepo('https://github.com/wrong-org/unrelated-repo'), 1);
  await addArxivCodeLinks(db, IN_FEED, [COMMENT_CODE]);

  await applyFeedDay(db, withRepo('https://github.com/right-org/paper-code'), 2);
  expect(await codeLinksOf(db, IN_FEED)).toEqual(['https://github.com/right-org/paper-code', COMMENT_CODE]);
  await applyFeedDay(db, withRepo(null), 3);
  expect(await codeLinksOf(db, IN_FEED)).toEqual([COMMENT_CODE]);
});

test('review: a repository on another host, stored before the feed was checked, is no code link once resummarized; a comments link whose address starts another the abstract writes stays', async () => {
  const db = new PaperLensDatabase('code-links-kept-review');
  await seedStore(db, asset);
  await resummarizeStale(db, 1);
  const [first, second] = asset.papers;
  const attacker = 'https://github.com.attacker.example/openai/whisper';
  const feed = { upvotes: 1, comments: null, publishedAt: null, githubRepo: attacker, projectPage: null, keywords: [], fetchedAt: 1 };
  const llama = 'https://github.com/facebookresearch/llama';
  await db.papers.bulkPut([
    { ...first!, feed, summary: { ...first!.summary, version: SUMMARIZER_VERSION - 1, codeLinks: [attacker] } },
    { ...second!, abstract: `${second!.abstract} Recipes: github.com/facebookresearch/llama-recipes.`, summary: { ...second!.summary, version: SUMMARIZER_VERSION - 1, codeLinks: [llama] } },
  ]);
  await db.meta.delete('summarizerVersion');

  await resummarizeStale(db, 2);

  expect((await codeLinksOf(db, first!.id))?.join(' ') ?? '').not.toContain('attacker');
  expect(await codeLinksOf(db, second!.id)).toEqual(['https://github.com/facebookresearch/llama-recipes', llama]);
});
