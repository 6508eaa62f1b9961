import { z } from 'zod';
import { ARXIV_ID_PATTERN } from './papers/ids';

// Extension pages forbid eval (MV3 CSP): keep Zod from probing for it.
z.config({ jitless: true });

/**
 * The one schema module: every shape that crosses a boundary (seed file, store, messages) is a
 * Zod schema here and its TypeScript type is inferred from it. Content scripts import types only
 * (`import type`), so Zod stays out of their bundles.
 */

export const ArxivIdSchema = z.string().regex(ARXIV_ID_PATTERN, 'not a canonical arXiv id');
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).max(2048);
const Title = z.string().trim().min(1).max(1000);
const Abstract = z.string().max(20_000);
const Timestamp = z.number().int().nonnegative();

export const SummarySchema = z.object({
  version: z.number().int().nonnegative(),
  tldr: z.string().max(2000),
  keyResults: z.array(z.string().max(500)).max(12),
  codeLinks: z.array(HttpUrlSchema).max(10),
});
export type Summary = z.infer<typeof SummarySchema>;

/** A paper as the store keeps it. `rank` is its place in the snapshot's trending list. */
export const PaperSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  normTitle: z.string().max(1000),
  abstract: Abstract,
  authors: z.array(z.string().max(300)).max(2000).default([]),
  rank: z.number().int().positive().nullable(),
  snapshot: z.string().max(40).nullable(),
  source: z.enum(['seed', 'feed']),
  summary: SummarySchema,
});
export type Paper = z.infer<typeof PaperSchema>;

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

/** An item of the user's reading list. Never written by seeding. */
export const SavedItemSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  authors: z.array(z.string().max(300)).max(2000),
  tldr: z.string().max(2000),
  status: ReadingStatusSchema,
  tags: z.array(z.string().min(1).max(100)).max(100),
  notes: z.string().max(100_000),
  addedAt: Timestamp,
  updatedAt: Timestamp,
  readAt: Timestamp.nullable(),
  sourceUrl: HttpUrlSchema.nullable(),
});
export type SavedItem = z.infer<typeof SavedItemSchema>;

export const MetaSchema = z.object({ key: z.string(), value: z.string() });

/** What a card or popup row shows for one paper. */
export const PaperViewSchema = z.object({
  id: ArxivIdSchema,
  title: z.string(),
  tldr: z.string(),
  keyResults: z.array(z.string()),
  codeLinks: z.array(HttpUrlSchema),
  rank: z.number().int().positive().nullable(),
  snapshot: z.string().nullable(),
  status: ReadingStatusSchema.nullable(),
  /** False when the store does not hold the paper: the summary was computed from the page's text. */
  inStore: z.boolean(),
});
export type PaperView = z.infer<typeof PaperViewSchema>;

/** The page's own knowledge of a paper, sent when saving so the reading list is complete. */
export const SaveInputSchema = z.object({
  id: ArxivIdSchema,
  title: Title,
  authors: z.array(z.string().max(300)).max(2000).default([]),
  tldr: z.string().max(2000).default(''),
  sourceUrl: HttpUrlSchema.nullable().default(null),
});
export type SaveInput = z.input<typeof SaveInputSchema>;

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
  z.object({ type: z.literal('lookup'), queries: z.array(LookupQuerySchema).min(1).max(10_000) }),
  z.object({ type: z.literal('trending') }),
  z.object({ type: z.literal('save'), paper: SaveInputSchema }),
  z.object({ type: z.literal('unsave'), id: ArxivIdSchema }),
  z.object({ type: z.literal('setStatus'), id: ArxivIdSchema, status: ReadingStatusSchema }),
  z.object({ type: z.literal('listSaved') }),
  z.object({ type: z.literal('health') }),
]);
export type Request = z.input<typeof RequestSchema>;
export type RequestType = Request['type'];

export const HealthSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  seedVersion: z.string().nullable(),
  papers: z.number().int().nonnegative(),
});
export type Health = z.infer<typeof HealthSchema>;

/** What each request answers with. */
export interface ResponseMap {
  lookup: (PaperView | null)[];
  trending: PaperView[];
  save: PaperView;
  unsave: null;
  setStatus: PaperView;
  listSaved: SavedItem[];
  health: Health;
}

export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };
