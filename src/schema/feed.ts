import * as z from 'zod/mini';
import { normalizeArxivId } from '../papers/ids';
import { pageCodeLink } from '../summarize/links';
import { Abstract, ArxivIdSchema, Count, HttpUrlSchema, Rank, Timestamp, Title, text } from './common';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_FEED_PAPERS, MAX_TITLE } from '../papers/bounds';
import { isRecord } from './is-record';

/**
 * The Hugging Face daily-papers feed (`GET https://huggingface.co/api/daily_papers`): an array of
 * items `{ paper: { id, title, summary, authors, publishedAt, upvotes, … }, title, summary,
 * publishedAt, numComments, thumbnail, submittedBy, … }`. Responses place some fields under
 * `paper` and others at the top level; both are accepted (the `paper` one wins when both are
 * usable) and normalized into one `FeedEntry`.
 *
 * Only a missing or malformed id or title, or an abstract too long to be one, costs an item; any
 * other malformed field (a `javascript:` link, a negative count, a stray keyword) is read as absent.
 */

const MAX_FEED_KEYWORDS = 40;
const MAX_AI_SUMMARY = 2000;

/** A calendar day, `YYYY-MM-DD` (UTC). */
export const FeedDaySchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD day'),
  z.refine((day: string) => {
    const at = Date.parse(`${day}T00:00:00Z`);
    // 2024-02-30 parses in some engines and rolls over: only a day that reads back is one.
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(day);
  }, 'not a calendar day'),
);

/** A value that is either usable or read as absent, never failing its item. */
function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const LinkField = lenient(z.pipe(z.string().check(z.trim()), HttpUrlSchema));
const CountField = lenient(Count);
// ISO timestamps (`2024-07-18T17:59:51.000Z`), normalized so both placements compare equal.
const TimeField = lenient(
  z.pipe(
    z.string().check(
      z.trim(),
      z.maxLength(40),
      z.regex(/^\d{4}-\d{2}-\d{2}/),
      z.refine((time: string) => !Number.isNaN(Date.parse(time))),
    ),
    z.transform((time: string) => new Date(time).toISOString()),
  ),
);
const TextField = lenient(z.string());
const AiSummaryField = lenient(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_AI_SUMMARY)));

/** Author names from `[{ name, … }]` (plain strings too); unnamed or absurd entries are skipped. */
const AuthorsField = lenient(
  z.pipe(z.array(z.unknown()), z.transform((authors: unknown[]) => {
    const names: string[] = [];
    for (const author of authors) {
      const raw = typeof author === 'string' ? author : isRecord(author) && typeof author.name === 'string' ? author.name : undefined;
      const name = raw?.replace(/\s+/g, ' ').trim();
      if (name && name.length <= MAX_AUTHOR_NAME) names.push(name);
    }
    return names.slice(0, MAX_AUTHORS);
  })),
);

/** Keywords trimmed, deduplicated (case-insensitively) and capped; non-strings and blanks skipped. */
const KeywordsField = lenient(
  z.pipe(z.array(z.unknown()), z.transform((keywords: unknown[]) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const keyword of keywords) {
      if (typeof keyword !== 'string') continue;
      const cleaned = keyword.replace(/\s+/g, ' ').trim();
      if (cleaned.length === 0 || cleaned.length > 100 || seen.has(cleaned.toLowerCase())) continue;
      seen.add(cleaned.toLowerCase());
      out.push(cleaned);
    }
    return out.slice(0, MAX_FEED_KEYWORDS);
  })),
);

/** Fields that may sit under `paper` or at the top level of an item. */
const placedFields = {
  title: TextField,
  authors: AuthorsField,
  summary: TextField,
  publishedAt: TimeField,
  submittedOnDailyAt: TimeField,
  upvotes: CountField,
  githubRepo: LinkField,
  projectPage: LinkField,
  ai_summary: AiSummaryField,
  ai_keywords: KeywordsField,
};

export const DailyPaperRawSchema = z.looseObject({
  id: TextField,
  ...placedFields,
});

/** One item of the response as sent (unknown fields kept). */
export const DailyPaperItemRawSchema = z.looseObject({
  paper: lenient(DailyPaperRawSchema),
  numComments: CountField,
  ...placedFields,
});
type DailyPaperItemRaw = z.infer<typeof DailyPaperItemRawSchema>;

/** What PaperLens keeps of one feed item. */
export const FeedEntrySchema = z.object({
  /** Canonical arXiv id. */
  id: ArxivIdSchema,
  /** As the feed sends it (may hold LaTeX). */
  title: Title,
  abstract: Abstract,
  authors: z.array(z.string().check(z.minLength(1), z.maxLength(MAX_AUTHOR_NAME))).check(z.maxLength(MAX_AUTHORS)),
  /** When the paper appeared on arXiv (ISO timestamp). */
  publishedAt: z.nullable(text(40)),
  /** When it was submitted to Daily Papers (ISO timestamp): the day the list is for. */
  submittedAt: z.nullable(text(40)),
  upvotes: Count,
  comments: z.nullable(Count),
  githubRepo: z.nullable(HttpUrlSchema),
  projectPage: z.nullable(HttpUrlSchema),
  keywords: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(MAX_FEED_KEYWORDS)),
  /** Hugging Face's own one-line summary, shown only as the feed's. */
  aiSummary: z.nullable(text(MAX_AI_SUMMARY)),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

/** The first of the texts that is not blank, trimmed. */
function firstText(...texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    const trimmed = text?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** One response item, validated and normalized into a `FeedEntry`; fails with the reason it is unusable. */
export const DailyPaperItemSchema = z.pipe(
  z.pipe(
    DailyPaperItemRawSchema,
    z.transform((item: DailyPaperItemRaw, ctx): FeedEntry => {
      const paper = item.paper ?? {};
      const unusable = (message: string, path: (string | number)[]): never => {
        ctx.issues.push({ code: 'custom', message, input: item, path });
        return z.NEVER;
      };
      if (paper.id === undefined) return unusable('no paper id', ['paper', 'id']);
      const id = normalizeArxivId(paper.id);
      if (id === null) return unusable(`${JSON.stringify(paper.id.slice(0, 60))} is not an arXiv id`, ['paper', 'id']);
      const title = firstText(paper.title, item.title);
      const titlePath = firstText(paper.title) !== undefined ? ['paper', 'title'] : ['title'];
      if (title === undefined) return unusable('no title', titlePath);
      if (title.length > MAX_TITLE) return unusable(`title is ${title.length} characters long (at most ${MAX_TITLE})`, titlePath);
      const abstract = firstText(paper.summary, item.summary) ?? '';
      if (abstract.length > MAX_ABSTRACT) {
        const path = firstText(paper.summary) !== undefined ? ['paper', 'summary'] : ['summary'];
        return unusable(`abstract is ${abstract.length} characters long (at most ${MAX_ABSTRACT})`, path);
      }
      return {
        id,
        title,
        abstract,
        authors: paper.authors ?? item.authors ?? [],
        publishedAt: paper.publishedAt ?? item.publishedAt ?? null,
        submittedAt: paper.submittedOnDailyAt ?? item.submittedOnDailyAt ?? null,
        upvotes: paper.upvotes ?? item.upvotes ?? 0,
        comments: item.numComments ?? null,
        // Shown as the paper's code ("Code: owner/repo"): a code host's address or none.
        githubRepo: pageCodeLink(paper.githubRepo ?? item.githubRepo),
        projectPage: paper.projectPage ?? item.projectPage ?? null,
        keywords: paper.ai_keywords ?? item.ai_keywords ?? [],
        aiSummary: paper.ai_summary ?? item.ai_summary ?? null,
      };
    }),
  ),
  FeedEntrySchema,
);

export const FeedFailureKindSchema = z.enum([
  'offline',
  'dns',
  'http',
  'rate-limited',
  'timeout',
  'invalid-json',
  'schema',
  'empty',
  'bad-options',
]);
export type FeedFailureKind = z.infer<typeof FeedFailureKindSchema>;

export const MAX_REASON_LENGTH = 2000;
/** How the reason of a fetched list that could not be stored starts (it is recorded as a `schema` failure). */
export const STORE_FAILURE_REASON = "the feed's data could not be stored";
const Reason = z.string().check(z.minLength(1), z.maxLength(MAX_REASON_LENGTH));

/** Why a feed refresh failed, each with a sentence a person can read. */
export const FeedFailureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline'), reason: Reason }),
  z.object({ kind: z.literal('dns'), reason: Reason }),
  /** `retryAfterMs`: a 503's Retry-After (the server down for a while says how long), when it gave one. */
  z.object({ kind: z.literal('http'), reason: Reason, status: z.int(), retryAfterMs: z.optional(Count) }),
  /** `retryAfterMs`: what the Retry-After header asked for, null when it was absent or unreadable. */
  z.object({ kind: z.literal('rate-limited'), reason: Reason, retryAfterMs: z.nullable(Count) }),
  z.object({ kind: z.literal('timeout'), reason: Reason, timeoutMs: z.int().check(z.positive()) }),
  /** `position`: the character offset where parsing failed, when known. */
  z.object({ kind: z.literal('invalid-json'), reason: Reason, position: z.nullable(Count) }),
  /** `path`: where in the response the mismatch is, e.g. `(root)` or `[0].paper.id`. */
  z.object({ kind: z.literal('schema'), reason: Reason, path: text(200) }),
  z.object({ kind: z.literal('empty'), reason: Reason }),
  /** The caller passed an unusable date or limit; nothing was requested. */
  z.object({ kind: z.literal('bad-options'), reason: Reason }),
]);
export type FeedFailure = z.infer<typeof FeedFailureSchema>;

/** The stored refresh schedule (one record). Times are ms since the epoch. */
export const FeedRefreshStateSchema = z.object({
  lastSuccessAt: z.nullable(Timestamp),
  lastAttemptAt: z.nullable(Timestamp),
  consecutiveFailures: Count,
  lastFailure: z.nullable(
    z.object({
      kind: FeedFailureKindSchema,
      reason: Reason,
      at: Timestamp,
      /** Until when the server asked to be left alone (a 429's or 503's Retry-After). */
      waitUntil: z.optional(Timestamp),
      /** The Refresh button's attempt, not a scheduled one. */
      pressed: z.optional(z.literal(true)),
    }),
  ),
  /** When the next attempt is due; null before the first attempt (due at once). */
  nextAttemptAt: z.nullable(Timestamp),
});
export type FeedRefreshState = z.infer<typeof FeedRefreshStateSchema>;

/**
 * Saved papers waiting to be completed from their arXiv pages (one record), kept so that a worker
 * stopped mid-queue goes on where it was. `retryAt`: after a failure, when to try again unasked.
 */
export const MAX_ARXIV_FILL_QUEUE = 100_000;
export const ArxivFillQueueSchema = z.object({
  ids: z.array(ArxivIdSchema).check(z.maxLength(MAX_ARXIV_FILL_QUEUE)),
  retryAt: z.nullable(Timestamp),
  /** Why the last request failed (arXiv down, the browser offline), while the queue waits for its retry time: the reading list says it. */
  failure: z.optional(text(300)),
  /** The extension version that last queued every saved paper lacking its details (see ArxivFiller.resume). */
  sweptVersion: z.optional(z.string().check(z.maxLength(50))),
});
export type ArxivFillQueue = z.infer<typeof ArxivFillQueueSchema>;

/** A day's list in the feed's order, which is its ranking. */
export const FeedDayListSchema = z.object({
  day: FeedDaySchema,
  ids: z.array(ArxivIdSchema).check(z.maxLength(MAX_FEED_PAPERS)),
  /**
   * Each paper's place in the feed, when items before it could not be used (so a paper keeps the
   * rank Hugging Face shows); absent when the places are 1, 2, 3… (and in lists stored before it).
   */
  ranks: z.optional(z.array(Rank).check(z.maxLength(MAX_FEED_PAPERS))),
});
export type FeedDayList = z.infer<typeof FeedDayListSchema>;

/** A day's trending list as the store keeps it: with when it was fetched. */
export const TrendingDayRowSchema = z.extend(FeedDayListSchema, { fetchedAt: Timestamp });
export type TrendingDayRow = z.infer<typeof TrendingDayRowSchema>;
