import * as z from 'zod/mini';
import { Abstract, ArxivIdSchema, Authors, Count, HttpUrlSchema, Rank, Timestamp, Title, text } from './common';
import { MAX_ABSTRACT_NAMES, MAX_AUTHOR_NAME, MAX_TLDR, MAX_CODE_LINKS, MAX_NAME_LENGTH, SEEN_AUTHORS } from '../papers/bounds';

export const SummarySchema = z.object({
  version: Count,
  tldr: text(MAX_TLDR),
  keyResults: z.array(text(500)).check(z.maxLength(12)),
  codeLinks: z.array(HttpUrlSchema).check(z.maxLength(MAX_CODE_LINKS)),
  topics: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(5)), []),
  /** The names the abstract uses, found by search (summaries before version 24 have none). */
  names: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH))).check(z.maxLength(MAX_ABSTRACT_NAMES)), []),
});

/** What the Hugging Face daily-papers feed adds to a paper (null for papers it never listed). */
export const FeedInfoSchema = z.object({
  upvotes: Count,
  comments: z.nullable(Count),
  publishedAt: z.nullable(text(40)),
  githubRepo: z.nullable(HttpUrlSchema),
  projectPage: z.nullable(HttpUrlSchema),
  keywords: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(40)),
  /** When the feed last told us about this paper (ms). */
  fetchedAt: Timestamp,
});

/** A paper as the store keeps it. `rank` is its place in the bundled snapshot's trending list. */
export const PaperSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  normTitle: text(1000),
  abstract: Abstract,
  authors: z._default(Authors, []),
  rank: z.nullable(Rank),
  snapshot: z.nullable(text(40)),
  source: z.enum(['seed', 'feed']),
  summary: SummarySchema,
  feed: z._default(z.nullable(FeedInfoSchema), null),
  /** The most similar papers in the store (TF-IDF over title + abstract), best first. */
  related: z._default(z.array(ArxivIdSchema).check(z.maxLength(5)), []),
  /**
   * When the paper's arXiv page gave it its title (arXiv retitled it since the snapshot or the feed
   * named it), or its abstract (the feed gave none): the page's text then outlasts a feed's merge.
   */
  retitledAt: z.optional(Timestamp),
});
export type Paper = z.infer<typeof PaperSchema>;

/** What the reading list's search reads of a saved paper the store holds (savedPapersText). */
export const SearchedPaperTextSchema = z.object({
  id: ArxivIdSchema,
  abstract: Abstract,
  summary: z.object({ topics: SummarySchema.shape.topics, names: SummarySchema.shape.names }),
});

/** What a search result shows of a paper: kept with it in the search index. */
export const SearchRowSchema = z.object({
  title: Title,
  tldr: SummarySchema.shape.tldr,
  topics: SummarySchema.shape.topics,
  rank: PaperSchema.shape.rank,
  snapshot: PaperSchema.shape.snapshot,
});
export type SearchRow = z.infer<typeof SearchRowSchema>;

export const SeedSnapshotSchema = z.object({
  label: z.string().check(z.minLength(1), z.maxLength(40)),
  file: z.string().check(z.minLength(1), z.maxLength(200)),
  papers: Count,
});
/** The loaded seed's snapshot labels, newest first, as the store keeps them (meta row `seedSnapshots`). */
export const SeedSnapshotLabelsSchema = z.array(SeedSnapshotSchema.shape.label);

/** The bundled seed asset compiled from seeds/ at build time. */
export const SeedAssetSchema = z.object({
  format: z.literal(1),
  version: z.string().check(z.minLength(1), z.maxLength(100)),
  snapshots: z.array(SeedSnapshotSchema).check(z.minLength(1)),
  papers: z.array(PaperSchema),
});
export type SeedAsset = z.infer<typeof SeedAssetSchema>;

export const ReadingStatusSchema = z.enum(['to-read', 'reading', 'read']);
export type ReadingStatus = z.infer<typeof ReadingStatusSchema>;

/** What a paper's page says beyond its title and abstract, kept with a saved item so exports are complete. */
export const PageMetadataShape = {
  published: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  primaryCategory: z.nullable(text(100)),
  doi: z.nullable(text(300)),
  journalRef: z.nullable(text(1000)),
  pdfUrl: z.nullable(HttpUrlSchema),
};

/**
 * A citation key BibTeX and biber read as one: printable ASCII without the characters that end or
 * break a key (comma, braces, quotes, parentheses, `#`, `%`, `=`, `~`, backslash), at most 100.
 */
export const CITE_KEY_PATTERN = /^[!$&*+\-./0-9:;<>?@A-Z[\]^_`a-z|]{1,100}$/;

/** Whether a key from a file (an imported BibTeX entry, a backup) can be kept as it is. */
export function isKeepableCiteKey(key: string | undefined): key is string {
  return key !== undefined && CITE_KEY_PATTERN.test(key);
}

/** An item of the user's reading list. Never written by seeding. */
export const SavedItemSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  authors: Authors,
  tldr: text(MAX_TLDR),
  status: ReadingStatusSchema,
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)),
  notes: text(100_000),
  addedAt: Timestamp,
  updatedAt: Timestamp,
  readAt: z.nullable(Timestamp),
  sourceUrl: z.nullable(HttpUrlSchema),
  ...PageMetadataShape,
  /**
   * The paper's BibTeX key, kept once given (when its title and authors are known, or from an
   * imported file) so a `\cite{}` of it holds whatever else is saved or exported with it. Items
   * still without their title and first author have none (an export keys them by their id).
   */
  citeKey: z.optional(z.string().check(z.regex(CITE_KEY_PATTERN))),
});
export type SavedItem = z.infer<typeof SavedItemSchema>;

/**
 * A paper removed from the reading list, as it was, kept a while after the Undo that the popup,
 * a card or a badge offered went with it: saving the paper again brings back its notes and tags.
 */
export const RemovedItemSchema = z.extend(SavedItemSchema, { removedAt: Timestamp });
export type RemovedItem = z.infer<typeof RemovedItemSchema>;

export const MetaSchema = z.object({ key: z.string(), value: z.string() });
export type Meta = z.infer<typeof MetaSchema>;

/**
 * Which related rule (search/related.ts RELATED_RULE) the stored related lists follow (a `meta`
 * record): made again under `rule` up to block `nextBlock`, or all of them when it is null.
 */
export const RelatedListsStateSchema = z.object({ rule: z.string(), nextBlock: z.nullable(Count) });
export type RelatedListsState = z.infer<typeof RelatedListsStateSchema>;

/**
 * A paper whose abstract page the user opened: the "seen" mark in listings, and the popup's Recent
 * list. `at` is the last visit. Title and first authors as the page showed them (marks from before
 * version 8 have neither), and the TL;DR its card gave a paper the store does not hold (none in older
 * marks), so such a paper can be listed and searched.
 */
export const SeenSchema = z.object({
  id: ArxivIdSchema,
  at: Timestamp,
  title: z.optional(Title),
  authors: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_AUTHOR_NAME))).check(z.maxLength(SEEN_AUTHORS))),
  tldr: z.optional(SummarySchema.shape.tldr),
});
export type Seen = z.infer<typeof SeenSchema>;

