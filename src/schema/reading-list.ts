import * as z from 'zod/mini';
import { ArxivIdSchema, Count, Timestamp, text } from './common';
import { MAX_AUTHOR_NAME, MAX_GIVEN_CITE_KEYS, MAX_TITLE } from '../papers/bounds';
import { ReadingStatusSchema, RemovedItemSchema, SavedItemSchema } from './papers';

/** The reading-list backup file (`exportJson`): everything needed to restore the list. */
export const READING_LIST_FORMAT = 'paperlens-reading-list';
export const READING_LIST_VERSION = 1;

export const ReadingListFileSchema = z.object({
  format: z.literal(READING_LIST_FORMAT),
  version: z.literal(READING_LIST_VERSION),
  exportedAt: Timestamp,
  items: z.array(SavedItemSchema),
});
export type ReadingListFile = z.infer<typeof ReadingListFileSchema>;

/**
 * One paper read from an import file: whatever the file knew about it, with at least its id.
 * `line` is where it starts in the file (1-based), for messages.
 */
export const ImportedItemSchema = z.extend(z.required(z.partial(SavedItemSchema), { id: true }), {
  line: z.optional(z.int().check(z.positive())),
  /**
   * The TL;DR is ours, picked from the file's abstract: it fills a TL;DR the list lacks and never
   * replaces one (a newer "Date Modified" says the reference was edited, not that summary).
   */
  tldrFromAbstract: z.optional(z.literal(true)),
});
export type ImportedItem = z.infer<typeof ImportedItemSchema>;

/**
 * An entry of an import file that names no arXiv id but has a title (Google Scholar's entry of a
 * conference paper): imported as the saved or stored paper of that title, else rejected for `noId`.
 */
export const UnidentifiedEntrySchema = z.object({
  item: z.extend(z.omit(ImportedItemSchema, { id: true }), { title: SavedItemSchema.shape.title }),
  /** Why the entry names no paper ("no arXiv id (eprint, url or note) in @article{…}"). */
  noId: z.string(),
});
export type UnidentifiedEntry = z.infer<typeof UnidentifiedEntrySchema>;

export const ImportFormatSchema = z.enum(['json', 'bibtex', 'ris', 'csv', 'ids']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** An entry of an import file that was not taken, and why. `line` is 1-based (0 when unknown). */
export const ImportRejectionSchema = z.object({
  line: Count,
  reason: z.string(),
});
export type ImportRejection = z.infer<typeof ImportRejectionSchema>;

export const ImportParseSchema = z.object({
  format: ImportFormatSchema,
  items: z.array(ImportedItemSchema),
  rejected: z.array(ImportRejectionSchema),
  /** Values of imported papers that were left out (the paper is imported without them), and why. */
  leftOut: z.optional(z.array(ImportRejectionSchema)),
  /** Entries to import by their title, once the list and the store are asked for it (see matchTitles). */
  unidentified: z.optional(z.array(UnidentifiedEntrySchema)),
});
export type ImportParse = z.infer<typeof ImportParseSchema>;

/** What importing would do to the reading list; nothing is written until the caller applies it. */
export const ImportPlanSchema = z.object({
  added: z.array(SavedItemSchema),
  updated: z.array(SavedItemSchema),
  /** Items of the file already in the list that the import would not change. */
  unchanged: Count,
  rejected: z.array(ImportRejectionSchema),
  /** One line for the user: "12 new, 3 updated, 2 rejected: line 40: no arXiv id …". */
  summary: z.string(),
});
export type ImportPlan = z.infer<typeof ImportPlanSchema>;

/**
 * One tag as stored: one line, runs of whitespace collapsed to a space, trimmed, composed (NFC: a
 * "résumé" pasted decomposed from a PDF is the one typed).
 */
export function normalizeTag(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/**
 * Tags typed as a comma-separated list ("ml, vision , ml"): each once (ignoring case), blanks dropped.
 * A tag already kept that holds a comma ("Learning, Deep", from a Zotero keyword), among `known`,
 * reads as one tag where its parts come in a row.
 */
export function parseTagList(text: string, known: readonly string[] = []): string[] {
  const pieces = text.split(',').map(normalizeTag);
  const withCommas = known.filter((tag) => tag.includes(',')).map((tag) => ({ tag, parts: tag.split(',').map((part) => normalizeTag(part).toLowerCase()) }));
  const tags: string[] = [];
  for (let at = 0; at < pieces.length; ) {
    const kept = withCommas.find(({ parts }) => parts.every((part, k) => pieces[at + k]?.toLowerCase() === part));
    tags.push(kept?.tag ?? pieces[at]!);
    at += kept?.parts.length ?? 1;
  }
  return uniqueTags(tags.filter((tag) => tag !== ''));
}

/** The key a tag is compared by: case and composition (NFC or NFD) aside. */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

/** Each tag once (as tagKey compares them), composed; the first spelling wins. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.flatMap((tag) => {
    const key = tagKey(tag);
    if (seen.has(key)) return [];
    seen.add(key);
    return [tag.normalize('NFC')];
  });
}

export const MAX_TAGS = 100;
export const MAX_TAG_LENGTH = 100;
export const MAX_NOTES_LENGTH = 100_000;
/** The most items one reading-list request may name (a 20 MB import holds far fewer). */
export const MAX_BULK_ITEMS = 100_000;

/**
 * Why a note or tags were not written: the store no longer held what the edit began from (another
 * tab or window changed them meanwhile), and writing over it would lose that change unseen.
 */
export const EDITED_ELSEWHERE = 'changed in another tab or window while you were editing';

export const TagSchema = z.pipe(
  z.pipe(text(10_000), z.transform(normalizeTag)),
  z.string().check(z.minLength(1, 'a tag cannot be blank'), z.maxLength(MAX_TAG_LENGTH, `a tag is at most ${MAX_TAG_LENGTH} characters`)),
);

const IdListSchema = z.array(ArxivIdSchema).check(z.minLength(1, 'no papers named'), z.maxLength(MAX_BULK_ITEMS));
const TagListSchema = z.array(TagSchema).check(z.minLength(1, 'no tags named'), z.maxLength(MAX_TAGS));

/**
 * Requests that edit the reading list (the reading-list page, the card's undo, the options page).
 * Each is validated here and applied by the background in one transaction that reads the items,
 * changes them and writes them back, so edits from several tabs at once are all kept.
 */
export const ReadingListRequestSchemas = [
  /**
   * Replaces one item's tags. `since`: the tags the edit began from (then those it last sent), as
   * stored (not as typed: a tag imported with a double space is kept so); an item holding others
   * was changed elsewhere meanwhile, and the write is refused (EDITED_ELSEWHERE).
   */
  z.object({ type: z.literal('setTags'), id: ArxivIdSchema, tags: z.array(TagSchema).check(z.maxLength(MAX_TAGS)), since: z.optional(SavedItemSchema.shape.tags) }),
  /**
   * Adds the tags to each named item, those it lacks (ignoring case), all in one transaction: the
   * answer's before and after are then one state each, what an exact Undo needs (a request per tag
   * let a note written between two of them be undone too).
   */
  z.object({ type: z.literal('addTags'), ids: IdListSchema, tags: TagListSchema }),
  /** Removes the tags (ignoring case) from each named item, in one transaction as addTags. */
  z.object({ type: z.literal('removeTags'), ids: IdListSchema, tags: TagListSchema }),
  /** Replaces one item's notes; `since` as setTags'. */
  z.object({ type: z.literal('setNotes'), id: ArxivIdSchema, notes: text(MAX_NOTES_LENGTH), since: z.optional(text(MAX_NOTES_LENGTH)) }),
  /** Sets the status of every named item ('read' sets readAt). */
  z.object({ type: z.literal('setStatusMany'), ids: IdListSchema, status: ReadingStatusSchema }),
  /** Removes items; answers with them as they were and kept (with the removal's removedAt), for undo. */
  z.object({ type: z.literal('removeSaved'), ids: IdListSchema }),
  /**
   * A removal's Undo: puts back each paper's copy kept by the removal (see removeSaved's answer,
   * each item's removedAt), if that copy is still the one kept and the paper is not listed again.
   * Not the page's copies, which may lag the store, and not an older removal's over a newer one
   * (another tab restored the paper, edited it and removed it again).
   */
  z.object({
    type: z.literal('undoRemoval'),
    removals: z.array(z.object({ id: ArxivIdSchema, removedAt: Timestamp })).check(z.minLength(1, 'no papers named'), z.maxLength(MAX_BULK_ITEMS)),
  }),
  /** The Undo of a bulk edit (what it changed goes back), or of a removal (items put back as they were; a removed paper restored with an edit). */
  z
    .object({
      type: z.literal('restoreSaved'),
      /** The items as they were before the step undone. */
      items: z.array(SavedItemSchema).check(z.minLength(1), z.maxLength(MAX_BULK_ITEMS)),
      /**
       * Null for a removal (put back only papers no longer listed), else the items as the undone
       * edit left them (`after` of its answer), in the same order: each item gets back the fields
       * the edit changed while they are still as it left them, so an Undo never overwrites a later
       * change, and keeps changes made since to other fields (db/reading-list.ts `revertEdit`).
       */
      expected: z.nullable(z.array(SavedItemSchema).check(z.maxLength(MAX_BULK_ITEMS))),
    })
    .check(z.refine((request) => request.expected === null || request.expected.length === request.items.length, 'expected must name one state per item')),
  /**
   * "Restore all" of Recently removed: puts back every paper of one removal (those kept with this
   * removedAt), as restoreSaved does for a removal's Undo (a paper listed again meanwhile stays as it is).
   */
  z.object({ type: z.literal('restoreRemoved'), removedAt: Timestamp }),
  /**
   * Applies an import file's items (from parseImport), all or nothing: the merge is planned again
   * inside the writing transaction against the list as it is then. `rejected` (the file's own
   * rejections) only goes into the answer's summary.
   */
  z.object({
    type: z.literal('importApply'),
    items: z.array(ImportedItemSchema).check(z.minLength(1, 'the file holds no papers to import'), z.maxLength(MAX_BULK_ITEMS)),
    rejected: z._default(z.array(ImportRejectionSchema).check(z.maxLength(MAX_BULK_ITEMS)), []),
  }),
  /** "Clear PaperLens data": the reading list and the seen marks (the bundled papers stay). */
  z.object({ type: z.literal('clearReadingData') }),
] as const;

export const ReadingListRequestSchema = z.discriminatedUnion('type', ReadingListRequestSchemas);
/** A reading-list request as the background handles it (validated, tags normalized). */
export type ReadingListCommand = z.infer<typeof ReadingListRequestSchema>;

/**
 * The keys Copy BibTeX gave, as [paper id, key] pairs, oldest first (the `meta` row givenCiteKeys).
 * The keys are checked where they are used: one refused (made before store version 20) is dropped there.
 */
export const GivenCiteKeysSchema = z.array(z.tuple([text(100), text(MAX_AUTHOR_NAME + MAX_TITLE + 100)])).check(z.maxLength(MAX_GIVEN_CITE_KEYS));

/** How many items a bulk edit changed (items already as asked, or no longer in the list, are not counted). */
export const ChangeCountSchema = z.object({ changed: Count });
export type ChangeCount = z.infer<typeof ChangeCountSchema>;

/** A bulk edit's count, and the items it changed as they were and as it left them (what its Undo needs). */
export const EditResultSchema = z.extend(ChangeCountSchema, {
  before: z.array(SavedItemSchema),
  after: z.array(SavedItemSchema),
});
export type EditResult = z.infer<typeof EditResultSchema>;

/** What "Restore all" of a removal did: `changed` papers put back, `listed` left as they are (listed again meanwhile). */
export const RestoreRemovalResultSchema = z.extend(ChangeCountSchema, { listed: Count });
export type RestoreRemovalResult = z.infer<typeof RestoreRemovalResultSchema>;

export const ImportResultSchema = z.object({
  added: Count,
  updated: Count,
  unchanged: Count,
  rejected: z.array(ImportRejectionSchema),
  summary: z.string(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ClearResultSchema = z.object({
  saved: Count,
  /** Papers removed from the list within REMOVED_KEPT_MS, kept for their Undo and Recently removed. */
  removed: Count,
  seen: Count,
});
export type ClearResult = z.infer<typeof ClearResultSchema>;

/** What each reading-list request answers with. */
export const ReadingListResponseSchemas = {
  setTags: SavedItemSchema,
  addTags: EditResultSchema,
  removeTags: EditResultSchema,
  setNotes: SavedItemSchema,
  setStatusMany: EditResultSchema,
  removeSaved: z.array(RemovedItemSchema),
  undoRemoval: ChangeCountSchema,
  restoreSaved: ChangeCountSchema,
  restoreRemoved: RestoreRemovalResultSchema,
  importApply: ImportResultSchema,
  clearReadingData: ClearResultSchema,
} as const;
