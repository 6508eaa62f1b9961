import { buildRelatedCorpus, relatedTo, type RelatedCorpus } from '../search/related';
import type { PaperLensDatabase } from './database';
import type { RelatedForPage } from './papers';

export interface RelatedPapers {
  forPage: RelatedForPage;
  /** Call after `papers` changes: the next page question rebuilds the corpus. */
  invalidate: () => void;
}

/** Related papers for pages of papers the store does not hold, over a corpus built once and kept. */
export function createRelatedPapers(db: PaperLensDatabase): RelatedPapers {
  let corpus: Promise<RelatedCorpus> | null = null;
  return {
    forPage: async (page) => {
      corpus ??= db.papers.toArray().then(buildRelatedCorpus);
      return relatedTo(await corpus, page);
    },
    invalidate: () => {
      corpus = null;
    },
  };
}
