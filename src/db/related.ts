import { RelatedCorpusBuilder, relatedTo, type RelatedCorpus, type RelatedDocument } from '../search/related';
import type { PaperLensDatabase } from './database';
import type { RelatedForPage } from './papers';

export interface RelatedPapers {
  forPage: RelatedForPage;
  /** Call after `papers` changes: the next page question rebuilds the corpus. */
  invalidate: () => void;
}

// Blocks of 50 papers read and added to the corpus at a time: ~15 ms of work on this machine.
const BLOCKS_PER_SLICE = 4;

/**
 * Adds every stored paper but those in `skip` to `builder`, read a slice at a time: over a large
 * store this takes seconds, and between slices the worker answers other messages (a Save click, a
 * listing's badges). False when it stopped because the papers changed meanwhile (`wanted` turned false).
 */
async function addStoredPapers(db: PaperLensDatabase, builder: RelatedCorpusBuilder, wanted: () => boolean, skip: ReadonlySet<string> = new Set()): Promise<boolean> {
  for await (const papers of db.papers.inSlices(BLOCKS_PER_SLICE)) {
    if (!wanted()) return false;
    for (const paper of papers) if (!skip.has(paper.id)) builder.add(paper);
  }
  return true;
}

/**
 * Related papers of the papers `of` among `arrivals`, against the store as it will be once
 * `arrivals` are stored (they replace their stored versions). It reads the store outside any write
 * transaction, so that cards and badges are not held while the corpus is built.
 */
export async function relatedOnArrival(db: PaperLensDatabase, arrivals: readonly RelatedDocument[], of: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const builder = new RelatedCorpusBuilder();
  await addStoredPapers(db, builder, () => true, new Set(arrivals.map((paper) => paper.id)));
  for (const paper of arrivals) builder.add(paper);
  const corpus = builder.finish();
  return new Map(arrivals.filter((paper) => of.has(paper.id)).map((paper) => [paper.id, relatedTo(corpus, paper)]));
}

/** Related papers for pages of papers the store does not hold, over a corpus built once and kept. */
export function createRelatedPapers(db: PaperLensDatabase): RelatedPapers {
  let corpus: Promise<RelatedCorpus> | null = null;
  let generation = 0;
  const currentCorpus = (): Promise<RelatedCorpus> => {
    if (!corpus) {
      const mine = ++generation;
      // A build the papers changed under stops, and its askers get the build that replaced it.
      const builder = new RelatedCorpusBuilder();
      const building = addStoredPapers(db, builder, () => mine === generation).then((complete) => (complete ? builder.finish() : currentCorpus()));
      corpus = building;
      // A failed read is tried again by the next question, not remembered.
      building.catch(() => {
        if (corpus === building) corpus = null;
      });
    }
    return corpus;
  };
  return {
    forPage: async (page) => relatedTo(await currentCorpus(), page),
    invalidate: () => {
      corpus = null;
      generation++;
    },
  };
}
