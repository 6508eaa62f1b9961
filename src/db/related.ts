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
 * The corpus of every stored paper, read and built a slice at a time: over a large store this takes
 * seconds, and between slices the worker answers other messages (a Save click, a listing's badges).
 * `arrivals` are papers about to be stored: they replace their stored versions. Null when it
 * stopped because the papers changed meanwhile (`wanted` turned false).
 */
async function buildInSlices(db: PaperLensDatabase, wanted: () => boolean, arrivals: readonly RelatedDocument[] = []): Promise<RelatedCorpus | null> {
  const arriving = new Set(arrivals.map((paper) => paper.id));
  const builder = new RelatedCorpusBuilder();
  for await (const papers of db.papers.inSlices(BLOCKS_PER_SLICE)) {
    if (!wanted()) return null;
    for (const paper of papers) if (!arriving.has(paper.id)) builder.add(paper);
  }
  for (const paper of arrivals) builder.add(paper);
  return builder.finish();
}

/**
 * Related papers of the papers `of` among `arrivals`, against the store as it will be once
 * `arrivals` are stored. It reads the store outside any write transaction, so that cards and
 * badges are not held while the corpus is built.
 */
export async function relatedOnArrival(db: PaperLensDatabase, arrivals: readonly RelatedDocument[], of: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const corpus = await buildInSlices(db, () => true, arrivals);
  const related = new Map<string, string[]>();
  if (corpus) for (const paper of arrivals) if (of.has(paper.id)) related.set(paper.id, relatedTo(corpus, paper));
  return related;
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
