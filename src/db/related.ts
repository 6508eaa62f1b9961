import { RelatedCorpusBuilder, relatedTo, type RelatedCorpus } from '../search/related';
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
 * The corpus of every stored paper, read and built a slice at a time: over a large store this takes
 * seconds, and between slices the worker answers other messages (a Save click, a listing's badges).
 * Null when it stopped because the papers changed meanwhile (`wanted` turned false).
 */
async function buildInSlices(db: PaperLensDatabase, wanted: () => boolean): Promise<RelatedCorpus | null> {
  const builder = new RelatedCorpusBuilder();
  for await (const papers of db.papers.inSlices(BLOCKS_PER_SLICE)) {
    if (!wanted()) return null;
    for (const paper of papers) builder.add(paper);
  }
  return builder.finish();
}

/** Related papers for pages of papers the store does not hold, over a corpus built once and kept. */
export function createRelatedPapers(db: PaperLensDatabase): RelatedPapers {
  let corpus: Promise<RelatedCorpus> | null = null;
  let generation = 0;
  const currentCorpus = (): Promise<RelatedCorpus> => {
    if (!corpus) {
      const mine = ++generation;
      // A build the papers changed under stops, and its askers get the build that replaced it.
      const building = buildInSlices(db, () => mine === generation).then((built) => built ?? currentCorpus());
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
