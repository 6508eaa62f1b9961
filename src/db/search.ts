import * as z from 'zod/mini';
import { ReadingStatusSchema, SearchRowSchema, type Paper, type PaperView, type ReadingStatus, type SearchRow } from '../schema';
import { PackedSearchSnapshotSchema, type PackedSearchSnapshot } from '../schema/search';
import { buildSearchSnapshot, packSnapshot, SearchIndex, SNAPSHOT_FORMAT, unpackSnapshot, type SearchDocument } from '../search/search-index';
import { jobInParts, type SnapshotJobInParts } from '../search/snapshot-job';
import { tokenize } from '../search/tokenize';
import type { PaperLensDatabase } from './database';
import { keptLiveRanking, shownRank, type LiveRanking } from './ranking';

/** The key of the one search index over `papers`. */
export const PAPERS_INDEX_KEY = 'papers';

/** A search result as a list shows it. */
export type ResultRow = Pick<PaperView, 'id' | 'title' | 'tldr' | 'topics' | 'rank' | 'snapshot' | 'status'>;

/** What the index is built from. */
export type IndexedPaper = Pick<Paper, 'id' | 'title' | 'authors' | 'rank' | 'snapshot' | 'summary'>;

export function searchDocument(paper: IndexedPaper): SearchDocument {
  const row: SearchRow = { title: paper.title, tldr: paper.summary.tldr, topics: paper.summary.topics, rank: paper.rank, snapshot: paper.snapshot };
  return {
    id: paper.id,
    title: paper.title,
    text: [paper.summary.tldr, paper.summary.topics.join(' ')].join(' '),
    authors: paper.authors.join(' '),
    names: paper.summary.names.join(' '),
    // JSON never holds a raw line break, the index's separator.
    row: JSON.stringify(row),
  };
}

/** Each paper's search document, made as the index asks for it: a large store's never all live at once. */
function* searchDocuments(papers: readonly IndexedPaper[]): Generator<SearchDocument> {
  for (const paper of papers) yield searchDocument(paper);
}

/** A snapshot of every paper given, as stored. */
export function snapshotOf(papers: readonly IndexedPaper[]): PackedSearchSnapshot {
  return packSnapshot(buildSearchSnapshot(searchDocuments(papers)));
}

/**
 * Rebuilds the persisted search index from every paper in the store. Call inside the transaction
 * that changed papers (it must include `paperBlocks` and `searchIndex`) so the two never disagree.
 */
export async function rebuildSearchIndex(db: PaperLensDatabase, now: number): Promise<void> {
  await writeSearchIndex(db, await db.papers.toArray(), now);
}

/** Replaces the index with one of `papers`, which must be every paper in the store. */
export async function writeSearchIndex(db: PaperLensDatabase, papers: Paper[], now: number): Promise<void> {
  await db.searchIndex.put({ key: PAPERS_INDEX_KEY, snapshot: snapshotOf(papers), builtAt: now });
}

/**
 * The build that adds these papers to the stored snapshot (undefined before the first), or
 * replaces them in it, from their text alone: a feed merge or bulk load into a large store costs what it adds.
 */
export function snapshotJob(stored: PackedSearchSnapshot | undefined, papers: readonly Paper[]): SnapshotJobInParts {
  return jobInParts(stored ?? null, papers, searchDocument);
}

/** The persisted index, ready to query (null before the first seeding). */
export async function loadSearchIndex(db: PaperLensDatabase): Promise<SearchIndex | null> {
  const stored = await db.searchIndex.get(PAPERS_INDEX_KEY);
  if (!stored) return null;
  if (stored.snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`The search index is in format ${String(stored.snapshot.format)}, not ${SNAPSHOT_FORMAT}: reload the extension to rebuild it.`);
  const read = PackedSearchSnapshotSchema.safeParse(stored.snapshot);
  if (!read.success) throw new Error(`The search index could not be read (${z.prettifyError(read.error).replace(/\s+/g, ' ')}): reload the extension to rebuild it.`);
  return new SearchIndex(unpackSnapshot(read.data));
}

const StoredRowSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text: string, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.issues.push({ code: 'custom', message: 'not JSON', input: text });
        return z.NEVER;
      }
    }),
  ),
  SearchRowSchema,
);

/** What search result rows need beyond the search index: reading statuses and today's live ranking. */
export interface RowContext {
  statusOf: Map<string, ReadingStatus>;
  live: LiveRanking | null;
}

/** Reads keys only: the reading list's notes can be large. */
export async function rowContext(db: PaperLensDatabase): Promise<RowContext> {
  return db.transaction('r', db.saved, db.trendingDays, async () => {
    const [live, ...byStatus] = await Promise.all([
      keptLiveRanking(db),
      ...ReadingStatusSchema.options.map(async (status) => ({ status, ids: await db.saved.where('status').equals(status).primaryKeys() })),
    ]);
    return { statusOf: new Map(byStatus.flatMap(({ status, ids }) => ids.map((id) => [id, status] as const))), live };
  });
}

/**
 * The best `limit` papers for a query, as result rows, from the index alone (plus the reading
 * statuses and live ranking in `context`): nothing is read from the store per keystroke.
 */
export function searchRows(index: SearchIndex, context: RowContext, query: string, limit: number): ResultRow[] {
  return titledFirst(
    index.search(query, limit).map(({ id, row }) => resultRow(id, row, context)),
    query,
  );
}

/** A paper with some of a query's words, and those it lacks. */
export interface SomeWordsRow {
  row: ResultRow;
  missing: string[];
}

/**
 * For a query of several words no paper has all of ("adam optimizer"): the papers with some of
 * them, those with more first, each with the words it lacks. Empty for a query of one word.
 */
export function someWordsRows(index: SearchIndex, context: RowContext, query: string, limit: number): SomeWordsRow[] {
  return index.search(query, limit, { someWords: true }).map(({ id, row, missing }) => ({ row: resultRow(id, row, context), missing }));
}

/**
 * The papers titled as the query, or named so before their title's colon ("BERT" for "BERT:
 * Pre-training of …"), first: a long TL;DR dilutes their title's hit (the paper titled "Generative
 * Adversarial Networks" came 8th for those words, after papers holding them in shorter texts).
 */
function titledFirst(rows: ResultRow[], query: string): ResultRow[] {
  const asked = tokenize(query).join(' ');
  const titled = asked === '' ? [] : rows.filter(({ title }) => tokenize(title).join(' ') === asked || tokenize(title.split(':')[0]!).join(' ') === asked);
  return titled.length === 0 ? rows : [...titled, ...rows.filter((row) => !titled.includes(row))];
}

/** The store's paper with this id as a result row, or null when the store does not hold it. */
export function paperRow(index: SearchIndex, context: RowContext, id: string): ResultRow | null {
  const row = index.rowOf(id);
  return row === null ? null : resultRow(id, row, context);
}

/** The title the index lists a paper of the store under (null when the store does not hold it). */
export function indexedTitle(index: SearchIndex, id: string): string | null {
  const row = index.rowOf(id);
  const parsed = row === null ? null : StoredRowSchema.safeParse(row);
  return parsed?.success ? parsed.data.title : null;
}

function resultRow(id: string, row: string, context: RowContext): ResultRow {
  const parsed = StoredRowSchema.safeParse(row);
  if (!parsed.success) throw new Error(`The search index holds a malformed row for ${id}: ${z.prettifyError(parsed.error)}`);
  const { title, tldr, topics } = parsed.data;
  return { id, title, tldr, topics, ...shownRank(id, parsed.data, context.live), status: context.statusOf.get(id) ?? null };
}
