import * as z from 'zod/mini';
import { MAX_ABSTRACT, MAX_TITLE } from '../papers/bounds';
import { SNAPSHOT_FORMAT } from '../search/search-index';

/**
 * The search index as stored and as it crosses to the thread that builds it (src/search/
 * snapshot-job.ts): its string lists joined into one string each, its numbers in typed arrays.
 */
export const PackedSearchSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  ids: z.string(),
  rows: z.string(),
  terms: z.string(),
  docLengths: z.instanceof(Uint16Array),
  termStarts: z.instanceof(Uint32Array),
  postingDocs: z.instanceof(Uint32Array),
  postingWeights: z.instanceof(Uint8Array),
});
export type PackedSearchSnapshot = z.infer<typeof PackedSearchSnapshotSchema>;

/** Documents to index, each field of them joined into one string, a line a document. */
export const PackedDocumentsSchema = z.object({
  count: z.number().check(z.int(), z.nonnegative()),
  ids: z.string(),
  titles: z.string(),
  texts: z.string(),
  authors: z.string(),
  names: z.string(),
  rows: z.string(),
});
export type PackedDocuments = z.infer<typeof PackedDocumentsSchema>;

/** Documents as a first build's thread is sent them: their rows, which it only stores as they are, stay with the sender. */
export const PackedTextsSchema = z.omit(PackedDocumentsSchema, { rows: true });
export type PackedTexts = z.infer<typeof PackedTextsSchema>;

/**
 * What the thread that builds a job is sent first: the stored index (null for none), and how many
 * parts of documents follow (each PackedDocuments; PackedTexts for a first build).
 */
export const SnapshotJobHeaderSchema = z.object({
  stored: z.nullable(PackedSearchSnapshotSchema),
  parts: z.number().check(z.int(), z.nonnegative()),
});
export type SnapshotJobHeader = z.infer<typeof SnapshotJobHeaderSchema>;

/** What the thread that ran a job answers: the snapshot, or why it failed. */
export const SnapshotReplySchema = z.union([z.object({ snapshot: PackedSearchSnapshotSchema }), z.object({ error: z.string() })]);
export type SnapshotReply = z.infer<typeof SnapshotReplySchema>;

/**
 * The related papers' terms, numbered by position (the `meta` row relatedDictionary); `tokenizer`
 * says what tokenized them. The bounds are far above what can be written (a term is at most a
 * title and an abstract), so a dictionary is never refused for its size and made again at each start.
 */
export const RelatedDictionarySchema = z.object({
  generation: z.string().check(z.maxLength(100)),
  tokenizer: z.string().check(z.maxLength(1_000_000)),
  terms: z.array(z.string().check(z.maxLength(MAX_TITLE + MAX_ABSTRACT))).check(z.maxLength(50_000_000)),
});
export type RelatedDictionary = z.infer<typeof RelatedDictionarySchema>;
