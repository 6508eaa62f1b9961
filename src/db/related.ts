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
 */
async function buildInSlices(db: PaperLensDatabase): Promise<RelatedCorpus> {
  const builder = new RelatedCorpusBuilder();
  for await (const papers of db.papers.inSlices(BLOCKS_PER_SLICE)) {
    for (const paper of papers) builder.add(paper);
  }
  return builder.finish();
}

/** Related papers for pages of papers the store does not hold, over a corpus built once and kept. */
export function createRelatedPapers(db: PaperLensDatabase): RelatedPapers {
  let corpus: Promise<RelatedCorpus> | null = null;
  return {
    forPage: async (page) => {
      if (!corpus) {
        const building = buildInSlices(db);
        corpus = building;
        // A failed read is tried again by the next question, not remembered.
        building.catch(() => {
          if (corpus === building) corpus = null;
        });
      }
      return relatedTo(await corpus, page);
    },
    invalidate: () => {
      corpus = null;
    },
  };
}
