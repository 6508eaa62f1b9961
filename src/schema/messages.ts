import { z } from 'zod';
import { Abstract, ArxivIdSchema, Authors, HttpUrlSchema, Title } from './common';
import { MAX_TITLE } from '../papers/bounds';
import { PageMetadataShape, ReadingStatusSchema, type SavedItem } from './papers';
import type { FeedRefreshState } from './feed';
import { PaperPageSiteKeySchema } from './settings';
import { ReadingListRequestSchemas, type ChangeCount, type ReadingListResponseMap } from './reading-list';

/** A paper of the store related to the one shown: a link with its title. */
export const RelatedLinkSchema = z.object({ id: ArxivIdSchema, title: z.string() });
export type RelatedLink = z.infer<typeof RelatedLinkSchema>;

/** What a card or popup row shows for one paper. */
export const PaperViewSchema = z.object({
  id: ArxivIdSchema,
  title: z.string(),
  tldr: z.string(),
  keyResults: z.array(z.string()),
  codeLinks: z.array(HttpUrlSchema),
  topics: z.array(z.string()),
  related: z.array(RelatedLinkSchema),
  rank: z.number().int().positive().nullable(),
  /** Where the rank comes from: the bundled snapshot's label ("Jul 30"), a fresh feed list ("Live · 2026-11-30"), or an older one ("2026-11-27"). */
  snapshot: z.string().nullable(),
  /** From the daily-papers feed, when it listed the paper. */
  upvotes: z.number().int().nonnegative().nullable(),
  projectPage: HttpUrlSchema.nullable(),
  status: ReadingStatusSchema.nullable(),
  /** False when the store does not hold the paper: the summary was computed from the page's text. */
  inStore: z.boolean(),
});
export type PaperView = z.infer<typeof PaperViewSchema>;

/**
 * What a paper page tells us about its paper (src/sites/*, bounded there by boundPaper): read
 * by a content script, and checked here wherever it crosses to the extension (popup, background).
 */
export const PagePaperSchema = z.object({
  /** Canonical arXiv id, or null when the page does not say. */
  id: ArxivIdSchema.nullable(),
  title: z.string().max(MAX_TITLE),
  abstract: Abstract,
  authors: Authors,
  ...PageMetadataShape,
});
export type PagePaper = z.infer<typeof PagePaperSchema>;

/** The page's own knowledge of a paper, sent when saving so the reading list is complete. */
export const SaveInputSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  /** The title is only a guess (read off a tab, not a page of ours): the store's title wins. */
  titleIsGuess: z.boolean().default(false),
  authors: Authors.default([]),
  tldr: z.string().max(2000).default(''),
  sourceUrl: HttpUrlSchema.nullable().default(null),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  primaryCategory: z.string().max(100).nullable().default(null),
  doi: z.string().max(300).nullable().default(null),
  journalRef: z.string().max(1000).nullable().default(null),
  pdfUrl: HttpUrlSchema.nullable().default(null),
});
export type SaveInput = z.input<typeof SaveInputSchema>;
/** A save as validated (defaults filled in). */
export type ValidSaveInput = z.output<typeof SaveInputSchema>;

const LookupQuerySchema = z
  .object({
    id: z.string().max(100).optional(),
    title: z.string().max(1000).optional(),
    /** The page's abstract: when the store does not know the paper, the reply summarizes it. */
    abstract: z.string().max(20_000).optional(),
  })
  .refine((q) => q.id !== undefined || q.title !== undefined, 'a query needs an id or a title');
export type LookupQuery = z.infer<typeof LookupQuerySchema>;

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('lookup'),
    queries: z.array(LookupQuerySchema).min(1).max(10_000),
    /** Sent from a paper's own page on this site: remember it as seen (if the user allows, there). */
    seenOn: PaperPageSiteKeySchema.optional(),
  }),
  z.object({ type: z.literal('badges'), ids: z.array(z.string().max(100)).min(1).max(10_000) }),
  /** Papers of the store related to a page's paper the store does not hold (asked after its card shows). */
  z.object({ type: z.literal('related'), paper: z.object({ id: ArxivIdSchema, title: z.string().max(1000), abstract: z.string().max(20_000) }) }),
  z.object({ type: z.literal('save'), paper: SaveInputSchema }),
  /** From a saved paper's card: fill in what the saved item lacks (title, authors, dates) from its page. */
  z.object({ type: z.literal('completeSaved'), paper: SaveInputSchema }),
  z.object({ type: z.literal('unsave'), id: ArxivIdSchema }),
  z.object({ type: z.literal('setStatus'), id: ArxivIdSchema, status: ReadingStatusSchema }),
  z.object({ type: z.literal('listSaved') }),
  z.object({ type: z.literal('health') }),
  /** The popup's Refresh button: fetch the daily-papers feed now. */
  z.object({ type: z.literal('refreshFeed') }),
  ...ReadingListRequestSchemas,
]);
export type Request = z.input<typeof RequestSchema>;
/** A request as validated (defaults filled in). */
export type ValidRequest = z.output<typeof RequestSchema>;
export type RequestType = Request['type'];

export const HealthSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  seedVersion: z.string().nullable(),
  papers: z.number().int().nonnegative(),
});
export type Health = z.infer<typeof HealthSchema>;

/**
 * What a listing badge needs, and nothing more (a listing can hold 2,000 entries): the TL;DR is
 * fetched with `lookup` when the user expands a badge.
 */
export const BadgeInfoSchema = z.object({
  id: ArxivIdSchema,
  rank: z.number().int().positive().nullable(),
  snapshot: z.string().nullable(),
  status: ReadingStatusSchema.nullable(),
  seen: z.boolean(),
  codeLink: HttpUrlSchema.nullable(),
  upvotes: z.number().int().nonnegative().nullable(),
  projectPage: HttpUrlSchema.nullable(),
  inStore: z.boolean(),
});
export type BadgeInfo = z.infer<typeof BadgeInfoSchema>;

/** What each request answers with. */
export interface ResponseMap extends ReadingListResponseMap {
  lookup: (PaperView | null)[];
  /** One answer per requested id, in order; null for an id that is not an arXiv id. */
  badges: (BadgeInfo | null)[];
  related: RelatedLink[];
  save: PaperView;
  completeSaved: ChangeCount;
  unsave: null;
  setStatus: PaperView;
  listSaved: SavedItem[];
  health: Health;
  refreshFeed: FeedRefreshState;
}

export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };
