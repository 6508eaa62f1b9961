import { z } from 'zod';
import { Abstract, ArxivIdSchema, Authors, HttpUrlSchema, Timestamp, Title } from './common';

export const SummarySchema = z.object({
  version: z.number().int().nonnegative(),
  tldr: z.string().max(2000),
  keyResults: z.array(z.string().max(500)).max(12),
  codeLinks: z.array(HttpUrlSchema).max(10),
  topics: z.array(z.string().min(1).max(60)).max(5).default([]),
});
export type Summary = z.infer<typeof SummarySchema>;

/** What the Hugging Face daily-papers feed adds to a paper (null for papers it never listed). */
export const FeedInfoSchema = z.object({
  upvotes: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative().nullable(),
  publishedAt: z.string().max(40).nullable(),
  githubRepo: HttpUrlSchema.nullable(),
  projectPage: HttpUrlSchema.nullable(),
  keywords: z.array(z.string().min(1).max(100)).max(40),
  /** When the feed last told us about this paper (ms). */
  fetchedAt: Timestamp,
});
export type FeedInfo = z.infer<typeof FeedInfoSchema>;

/** A paper as the store keeps it. `rank` is its place in the bundled snapshot's trending list. */
export const PaperSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  normTitle: z.string().max(1000),
  abstract: Abstract,
  authors: Authors.default([]),
  rank: z.number().int().positive().nullable(),
  snapshot: z.string().max(40).nullable(),
  source: z.enum(['seed', 'feed']),
  summary: SummarySchema,
  feed: FeedInfoSchema.nullable().default(null),
  /** The most similar papers in the store (TF-IDF over title + abstract), best first. */
  related: z.array(ArxivIdSchema).max(5).default([]),
});
export type Paper = z.infer<typeof PaperSchema>;

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
  label: z.string().min(1).max(40),
  file: z.string().min(1).max(200),
  papers: z.number().int().nonnegative(),
});

/** The bundled seed asset compiled from seeds/ at build time. */
export const SeedAssetSchema = z.object({
  format: z.literal(1),
  version: z.string().min(1).max(100),
  snapshots: z.array(SeedSnapshotSchema).min(1),
  papers: z.array(PaperSchema),
});
export type SeedAsset = z.infer<typeof SeedAssetSchema>;

export const ReadingStatusSchema = z.enum(['to-read', 'reading', 'read']);
export type ReadingStatus = z.infer<typeof ReadingStatusSchema>;

/** What a paper's page says beyond its title and abstract, kept with a saved item so exports are complete. */
export const PageMetadataShape = {
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  primaryCategory: z.string().max(100).nullable(),
  doi: z.string().max(300).nullable(),
  journalRef: z.string().max(1000).nullable(),
  pdfUrl: HttpUrlSchema.nullable(),
};

/** An item of the user's reading list. Never written by seeding. */
export const SavedItemSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  authors: Authors,
  tldr: z.string().max(2000),
  status: ReadingStatusSchema,
  tags: z.array(z.string().min(1).max(100)).max(100),
  notes: z.string().max(100_000),
  addedAt: Timestamp,
  updatedAt: Timestamp,
  readAt: Timestamp.nullable(),
  sourceUrl: HttpUrlSchema.nullable(),
  ...PageMetadataShape,
});
export type SavedItem = z.infer<typeof SavedItemSchema>;

export const MetaSchema = z.object({ key: z.string(), value: z.string() });

/** A paper whose abstract page the user opened (for the "seen" mark in listings). */
export const SeenSchema = z.object({ id: ArxivIdSchema, at: Timestamp });
export type Seen = z.infer<typeof SeenSchema>;

