import { z } from 'zod';
import { Timestamp } from './common';
import { SavedItemSchema } from './papers';

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
export const ImportedItemSchema = SavedItemSchema.partial()
  .required({ id: true })
  .extend({ line: z.number().int().positive().optional() });
export type ImportedItem = z.infer<typeof ImportedItemSchema>;

export const ImportFormatSchema = z.enum(['json', 'bibtex', 'ids']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** An entry of an import file that was not taken, and why. `line` is 1-based (0 when unknown). */
export const ImportRejectionSchema = z.object({
  line: z.number().int().nonnegative(),
  reason: z.string(),
});
export type ImportRejection = z.infer<typeof ImportRejectionSchema>;

export const ImportParseSchema = z.object({
  format: ImportFormatSchema,
  items: z.array(ImportedItemSchema),
  rejected: z.array(ImportRejectionSchema),
});
export type ImportParse = z.infer<typeof ImportParseSchema>;

/** What importing would do to the reading list; nothing is written until the caller applies it. */
export const ImportPlanSchema = z.object({
  added: z.array(SavedItemSchema),
  updated: z.array(SavedItemSchema),
  /** Items of the file already in the list that the import would not change. */
  unchanged: z.number().int().nonnegative(),
  rejected: z.array(ImportRejectionSchema),
  /** One line for the user: "12 new, 3 updated, 2 rejected: line 40: no arXiv id …". */
  summary: z.string(),
});
export type ImportPlan = z.infer<typeof ImportPlanSchema>;
