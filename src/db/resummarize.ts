import { feedSummary } from '../feed/merge';
import { SummarySchema, type Paper } from '../schema';
import { SUMMARIZER_VERSION } from '../summarize';
import type { PaperLensDatabase } from './database';
import { writeSearchIndex } from './search';
import { equalLists } from '../equal-lists';

const SUMMARIZER_VERSION_KEY = 'summarizerVersion';

// Papers written at a time. All at once, in one transaction, a store of 3,075 papers answered no
// request for 10-12 s after an update (QA): 1-2 ms of summarizing a paper, and every read of the
// papers waiting for the transaction. A write each 25 papers took 58 s for 19,566 (bench:year), 21.9 s each 100.
const PAPERS_PER_CHUNK = 100;
// Papers summarized between two pauses for requests: some 25-50 ms of the worker's time.
const PAPERS_PER_SLICE = 25;

/** Lets the worker answer the requests that came while a chunk was summarized. */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The summary a fresh fetch would make (the feed's repository first among the code links), keeping the links arXiv's comments gave. */
function currentSummary(paper: Paper): Paper['summary'] {
  return SummarySchema.parse(feedSummary(paper.title, paper.abstract, paper.feed?.githubRepo ?? null, paper));
}

/** Whether a paper's summary is made from what it was made from when `before` was read. */
function sameSources(paper: Paper, before: Paper): boolean {
  return (
    paper.title === before.title &&
    paper.abstract === before.abstract &&
    (paper.feed?.githubRepo ?? null) === (before.feed?.githubRepo ?? null) &&
    equalLists(paper.summary.codeLinks, before.summary.codeLinks)
  );
}

/**
 * After an update brings a better summarizer, recomputes every stored summary made by an older one
 * (from the stored abstract), a chunk of papers at a time, so cards, badges and the popup are
 * answered meanwhile (from the older summaries until theirs are made); then rebuilds the search
 * index and records the version, in one transaction. A worker stopped midway leaves the version
 * unrecorded: the next start recomputes what is still old. The reading list keeps the TL;DR it was
 * saved with: only `papers` changes. A no-op (one read) when the store is current.
 */
export async function resummarizeStale(db: PaperLensDatabase, now: number, pause: () => Promise<void> = yieldToRequests): Promise<number> {
  if ((await db.meta.get(SUMMARIZER_VERSION_KEY))?.value === String(SUMMARIZER_VERSION)) return 0;
  const stale = (await db.papers.toArray()).filter((paper) => paper.summary.version !== SUMMARIZER_VERSION);
  let changed = 0;
  for (let start = 0; start < stale.length; start += PAPERS_PER_CHUNK) {
    const chunk: { paper: Paper; summary: Paper['summary'] }[] = [];
    for (const paper of stale.slice(start, start + PAPERS_PER_CHUNK)) {
      chunk.push({ paper, summary: currentSummary(paper) });
      if (chunk.length % PAPERS_PER_SLICE === 0 && chunk.length < PAPERS_PER_CHUNK) await pause();
    }
    changed += await db.transaction('rw', db.paperBlocks, async () => {
      // As the papers are now: one removed meanwhile stays removed, one the feed or arXiv rewrote
      // has a summary of this version already, and one whose summary's sources changed meanwhile
      // (arXiv's comments added a code link: review) is summarized again from them.
      const stored = await db.papers.bulkGet(chunk.map(({ paper }) => paper.id));
      const updated = chunk.flatMap(({ paper, summary }, index) => {
        const held = stored[index];
        if (!held || held.summary.version === SUMMARIZER_VERSION) return [];
        return [{ ...held, summary: sameSources(held, paper) ? summary : currentSummary(held) }];
      });
      await db.papers.bulkPut(updated);
      return updated.length;
    });
    await pause();
  }
  return db.transaction('rw', db.paperBlocks, db.meta, db.searchIndex, async () => {
    // Papers still of an older version (written by another path meanwhile) are made now.
    const papers = await db.papers.toArray();
    const current = papers.map((paper) => (paper.summary.version === SUMMARIZER_VERSION ? paper : { ...paper, summary: currentSummary(paper) }));
    const late = current.filter((paper, index) => paper !== papers[index]);
    await db.papers.bulkPut(late);
    await db.meta.put({ key: SUMMARIZER_VERSION_KEY, value: String(SUMMARIZER_VERSION) });
    // Summaries are in the search rows: the index is rebuilt from the papers already in hand.
    if (changed + late.length > 0) await writeSearchIndex(db, current, now);
    return changed + late.length;
  });
}
