import type { Paper } from '../schema';
import { buildSearchSnapshot, packSnapshot, SearchIndex, unpackSnapshot, updateSearchSnapshot, type PackedSearchSnapshot, type SearchDocument } from '../search/search-index';
import { PAPERS_INDEX_KEY, type PaperLensDatabase } from './database';

export function searchDocument(paper: Paper): SearchDocument {
  return {
    id: paper.id,
    title: paper.title,
    text: [paper.summary.tldr, paper.summary.topics.join(' '), paper.authors.join(' ')].join(' '),
  };
}

/**
 * Rebuilds the persisted search index from every paper in the store. Call inside the transaction
 * that changed `papers` (it must include `papers` and `searchIndex`) so the two never disagree.
 */
export async function rebuildSearchIndex(db: PaperLensDatabase, now: number): Promise<void> {
  const documents: SearchDocument[] = [];
  await db.papers.each((paper) => {
    documents.push(searchDocument(paper));
  });
  await db.searchIndex.put({ key: PAPERS_INDEX_KEY, snapshot: packSnapshot(buildSearchSnapshot(documents)), builtAt: now });
}

/**
 * The stored snapshot (undefined before the first) with these papers added or replaced, built
 * from their text alone: a feed merge or bulk load into a large store costs what it adds.
 */
export function snapshotWithPapers(stored: PackedSearchSnapshot | undefined, papers: Paper[]): PackedSearchSnapshot {
  const documents = papers.map(searchDocument);
  return packSnapshot(stored ? updateSearchSnapshot(unpackSnapshot(stored), documents) : buildSearchSnapshot(documents));
}

/** The persisted index, ready to query (null before the first seeding). */
export async function loadSearchIndex(db: PaperLensDatabase): Promise<SearchIndex | null> {
  const row = await db.searchIndex.get(PAPERS_INDEX_KEY);
  return row ? new SearchIndex(unpackSnapshot(row.snapshot)) : null;
}
