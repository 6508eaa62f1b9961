import * as z from 'zod/mini';
import { Abstract, ArxivIdSchema, Authors, Count, HttpUrlSchema, Rank, Title, text } from './common';
import { MAX_AUTHOR_NAME, MAX_PAGE_CODE_LINKS, MAX_TITLE, MAX_TLDR, MAX_WITHDRAWAL, SEEN_AUTHORS } from '../papers/bounds';
import { PageMetadataShape, ReadingStatusSchema, RemovedItemSchema, SavedItemSchema } from './papers';
import { FeedRefreshStateSchema } from './feed';
import { PaperPageSiteKeySchema } from './settings';
import { ChangeCountSchema, MAX_BULK_ITEMS, ReadingListRequestSchemas, ReadingListResponseSchemas } from './reading-list';

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
  rank: z.nullable(Rank),
  /** Where the rank comes from: the bundled snapshot's label ("2025-07-30"), a fresh feed list ("Live · 2026-11-30"), or an older one ("2026-11-27"). */
  snapshot: z.nullable(z.string()),
  /** From the daily-papers feed, when it listed the paper. */
  upvotes: z.nullable(Count),
  projectPage: z.nullable(HttpUrlSchema),
  status: z.nullable(ReadingStatusSchema),
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
  id: z.nullable(ArxivIdSchema),
  title: text(MAX_TITLE),
  abstract: Abstract,
  authors: Authors,
  ...PageMetadataShape,
  /** Code and model links the page links to (arXiv shows URLs in abstracts as "this https URL"). */
  codeLinks: z.array(HttpUrlSchema).check(z.maxLength(MAX_PAGE_CODE_LINKS)),
  /** The project page the abstract or its comments link to (projectPageHref). */
  projectPage: z.optional(z.nullable(HttpUrlSchema)),
  /** Set when the page says its authors withdrew the paper: the reason it gives (arXiv's comments). */
  withdrawal: z.optional(text(MAX_WITHDRAWAL)),
});
export type PagePaper = z.infer<typeof PagePaperSchema>;

/** A paper page's answer when its server said the paper does not exist (arXiv's "identifier not recognized"). */
export const PageNotFoundSchema = z.object({ notFound: z.literal(true) });
/**
 * What a tab's page answers about its paper: the paper, null when it shows none it can read, or
 * not found.
 */
export const PageAnswerSchema = z.union([z.null(), PagePaperSchema, PageNotFoundSchema]);
export type PageAnswer = z.infer<typeof PageAnswerSchema>;

/** A list's answer: whether it shows badges to save from (BADGED_LIST_REQUEST). */
export const BadgedListAnswerSchema = z.boolean();

/** The page's own knowledge of a paper, sent when saving so the reading list is complete. */
export const SaveInputSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  /** The title is only a guess (read off a tab, not a page of ours): the store's title wins. */
  titleIsGuess: z._default(z.boolean(), false),
  authors: z._default(Authors, []),
  tldr: z._default(text(MAX_TLDR), ''),
  sourceUrl: z._default(z.nullable(HttpUrlSchema), null),
  published: z._default(PageMetadataShape.published, null),
  primaryCategory: z._default(PageMetadataShape.primaryCategory, null),
  doi: z._default(PageMetadataShape.doi, null),
  journalRef: z._default(PageMetadataShape.journalRef, null),
  pdfUrl: z._default(PageMetadataShape.pdfUrl, null),
});
export type SaveInput = z.input<typeof SaveInputSchema>;
/** A save as validated (defaults filled in). */
export type ValidSaveInput = z.output<typeof SaveInputSchema>;

const LookupQuerySchema = z
  .object({
    id: z.optional(text(100)),
    title: z.optional(text(1000)),
    /** The page's abstract: when the store does not know the paper, the reply summarizes it. */
    abstract: z.optional(text(20_000)),
    /** The page's first authors: a paper the store does not know keeps them with its seen mark. */
    authors: z.optional(z.array(text(MAX_AUTHOR_NAME)).check(z.maxLength(SEEN_AUTHORS))),
    /** The page's code links (PagePaper's): a paper of the store takes those its arXiv page adds to its abstract's. */
    codeLinks: z.optional(z.array(HttpUrlSchema).check(z.maxLength(MAX_PAGE_CODE_LINKS))),
  })
  .check(z.refine((q) => q.id !== undefined || q.title !== undefined, 'a query needs an id or a title'));
export type LookupQuery = z.infer<typeof LookupQuerySchema>;

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('lookup'),
    queries: z.array(LookupQuerySchema).check(z.minLength(1), z.maxLength(10_000)),
    /** Sent from a paper's own page on this site: remember it as seen (if the user allows, there). */
    seenOn: z.optional(PaperPageSiteKeySchema),
  }),
  z
    .object({
      type: z.literal('badges'),
      ids: z.array(text(100)).check(z.minLength(1), z.maxLength(10_000)),
      /** An arXiv listing's entries' titles, one per id: it shows each paper's current title (see BadgeInfo.retitled). */
      titles: z.optional(z.array(text(1000)).check(z.maxLength(10_000))),
    })
    .check(z.refine((request) => request.titles === undefined || request.titles.length === request.ids.length, 'one title per id')),
  /** Papers of the store related to a page's paper the store does not hold (asked after its card shows). */
  z.object({ type: z.literal('related'), paper: z.object({ id: ArxivIdSchema, title: text(1000), abstract: text(20_000) }) }),
  z.object({ type: z.literal('save'), paper: SaveInputSchema }),
  /** From a saved paper's card: fill in what the saved item lacks (title, authors, dates) from its page. */
  z.object({ type: z.literal('completeSaved'), paper: SaveInputSchema }),
  z.object({ type: z.literal('setStatus'), id: ArxivIdSchema, status: ReadingStatusSchema }),
  z.object({ type: z.literal('listSaved') }),
  /** The copies the store kept of these papers' last removal, of those not listed again: what a removal whose answer was lost offers back. */
  z.object({ type: z.literal('keptRemoved'), ids: z.array(ArxivIdSchema).check(z.minLength(1, 'no papers named'), z.maxLength(MAX_BULK_ITEMS)) }),
  /**
   * "Copy BibTeX" (card, popup): the entry for what the page says, completed from the store (built
   * in the background, not in every page's script).
   */
  z.object({ type: z.literal('citation'), paper: SaveInputSchema }),
  z.object({ type: z.literal('health') }),
  /** The popup on a PDF tab of a paper the store does not hold: what its arXiv abstract page says. */
  z.object({ type: z.literal('arxivPage'), id: ArxivIdSchema }),
  /** A PDF tab's paper: the title to name the tab by. */
  z.object({ type: z.literal('paperTitle'), id: ArxivIdSchema }),
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
  error: z.nullable(z.string()),
  seedVersion: z.nullable(z.string()),
  papers: Count,
});
export type Health = z.infer<typeof HealthSchema>;

/**
 * What a listing badge needs, and nothing more (a listing can hold 2,000 entries): the TL;DR is
 * fetched with `lookup` when the user expands a badge.
 */
export const BadgeInfoSchema = z.object({
  id: ArxivIdSchema,
  rank: z.nullable(Rank),
  snapshot: z.nullable(z.string()),
  status: z.nullable(ReadingStatusSchema),
  seen: z.boolean(),
  codeLink: z.nullable(HttpUrlSchema),
  upvotes: z.nullable(Count),
  projectPage: z.nullable(HttpUrlSchema),
  inStore: z.boolean(),
  /** arXiv retitled the paper: its entry's title is not the store's, and the store would take it with its abstract (retitleFromArxiv). */
  retitled: z.optional(z.literal(true)),
});
export type BadgeInfo = z.infer<typeof BadgeInfoSchema>;

/** What each request answers with. */
export const ResponseSchemas = {
  ...ReadingListResponseSchemas,
  lookup: z.array(z.nullable(PaperViewSchema)),
  /** One answer per requested id, in order; null for an id that is not an arXiv id. */
  badges: z.array(z.nullable(BadgeInfoSchema)),
  related: z.array(RelatedLinkSchema),
  save: PaperViewSchema,
  completeSaved: ChangeCountSchema,
  setStatus: PaperViewSchema,
  listSaved: z.array(SavedItemSchema),
  keptRemoved: z.array(RemovedItemSchema),
  /** A BibTeX entry. */
  citation: z.string(),
  health: HealthSchema,
  /** Null when there is no page to read (no such paper) or the user switched such requests off; an error reply, with why, when arXiv did not answer (offline, 503, 429). */
  arxivPage: z.nullable(PagePaperSchema),
  /** Null when neither the store, the reading list nor the paper's arXiv page (when it may be asked) names it. */
  paperTitle: z.nullable(z.string()),
  refreshFeed: FeedRefreshStateSchema,
} as const satisfies Record<RequestType, z.ZodMiniType>;
export type ResponseMap = { [T in RequestType]: z.infer<(typeof ResponseSchemas)[T]> };

/** A refused request's answer: why, and how long until asking again may be answered otherwise (`retryAfterMs`: arXiv's Retry-After). */
export const RefusalSchema = z.object({ ok: z.literal(false), error: z.string(), retryAfterMs: z.optional(z.number()) });
export type Reply<T> = { ok: true; result: T } | z.infer<typeof RefusalSchema>;
