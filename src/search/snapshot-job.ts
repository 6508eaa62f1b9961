import * as z from 'zod/mini';
import { SnapshotReplySchema, type PackedDocuments, type PackedSearchSnapshot, type SnapshotJob, type SnapshotReply } from '../schema/search';
import { buildPackedSnapshot, packSnapshot, unpackSnapshot, updateSearchSnapshot, type DocumentText, type SearchDocument } from './search-index';

/**
 * A build of the search index as a job that can run on another thread (snapshot-threads.ts): its
 * documents packed into a few long strings, which cross to a worker in milliseconds where 100,000
 * objects took most of a second each way.
 */

/**
 * A build under way: `started` settles once the job is with the thread that builds it; `snapshot`
 * is asked for once the caller has handed its records to IndexedDB (a build here runs then).
 */
export interface SnapshotBuild {
  started: Promise<void>;
  snapshot: () => Promise<PackedSearchSnapshot>;
}

/** Builds the index a job asks for, here or on another thread. */
export interface SnapshotBuilder {
  /** Told how many papers are coming before the store is read: a builder that needs time to get a thread ready starts now. */
  prepare(papers: number): void;
  start(job: SnapshotJob): SnapshotBuild;
}

const LINE = '\n';
// Titles, texts and names are only tokenized: a line break in them reads as the space it becomes.
const LINE_BREAKS = /[\r\n]/g;
const oneLine = (text: string) => text.replace(LINE_BREAKS, ' ');

export function packDocuments(documents: readonly SearchDocument[]): PackedDocuments {
  const field = (read: (document: SearchDocument) => string) => documents.map((document) => oneLine(read(document))).join(LINE);
  // Ids (arXiv ids) and rows (JSON) hold no line break: not scanned for one (rows are half the text;
  // a job whose lines do not add up is refused).
  const asIs = (read: (document: SearchDocument) => string) => documents.map(read).join(LINE);
  return {
    count: documents.length,
    ids: asIs((document) => document.id),
    titles: field((document) => document.title),
    texts: field((document) => document.text),
    authors: field((document) => document.authors),
    names: field((document) => document.names),
    rows: asIs((document) => document.row),
  };
}

const miscounted = (count: number) => new Error(`A search index job lists ${count} documents but not as many lines in each field`);

/** A job's packed fields, each split into its lines (one per document). */
function unpacked(count: number, fields: string[]): string[][] {
  const lines = fields.map((packed) => packed.split(LINE));
  if (lines.some((field) => field.length !== count)) throw miscounted(count);
  return lines;
}

/** How many lines a packed field has, counted without splitting it. */
function lineCount(packed: string): number {
  let count = 1;
  for (let at = packed.indexOf(LINE); at !== -1; at = packed.indexOf(LINE, at + 1)) count++;
  return count;
}

function* unpackDocuments({ count, ids, titles, texts, authors, names, rows }: PackedDocuments): Generator<SearchDocument> {
  if (count === 0) return;
  const [idLines, titleLines, textLines, authorLines, nameLines, rowLines] = unpacked(count, [ids, titles, texts, authors, names, rows]) as [string[], string[], string[], string[], string[], string[]];
  for (let at = 0; at < count; at++) yield { id: idLines[at]!, title: titleLines[at]!, text: textLines[at]!, authors: authorLines[at]!, names: nameLines[at]!, row: rowLines[at]! };
}

/** The documents' text alone: a snapshot made of them alone keeps their ids and rows packed. */
function* unpackTexts({ count, ids, titles, texts, authors, names, rows }: PackedDocuments): Generator<DocumentText> {
  if (count === 0) return;
  if (lineCount(ids) !== count || lineCount(rows) !== count) throw miscounted(count);
  const [titleLines, textLines, authorLines, nameLines] = unpacked(count, [titles, texts, authors, names]) as [string[], string[], string[], string[]];
  for (let at = 0; at < count; at++) yield { title: titleLines[at]!, text: textLines[at]!, authors: authorLines[at]!, names: nameLines[at]! };
}

/** The job's snapshot: the stored one with its documents added or replaced, or one of them alone. */
export function runSnapshotJob({ stored, documents }: SnapshotJob): PackedSearchSnapshot {
  if (stored === null) return buildPackedSnapshot(unpackTexts(documents), documents);
  const replacing = new Set(documents.count === 0 ? [] : documents.ids.split(LINE));
  return packSnapshot(updateSearchSnapshot(unpackSnapshot(stored), unpackDocuments(documents), replacing));
}

/** How many documents the job's snapshot holds: those stored and those it adds. */
export function documentsRead({ stored, documents }: SnapshotJob): number {
  return documents.count + (stored?.docLengths.length ?? 0);
}

/** The snapshot a thread answered, or its failure as an error. */
export function snapshotOfReply(data: unknown): PackedSearchSnapshot {
  const reply = SnapshotReplySchema.safeParse(data);
  if (!reply.success) throw new Error(`the search index builder answered something else: ${z.prettifyError(reply.error)}`);
  if ('error' in reply.data) throw new Error(`the search index builder failed: ${reply.data.error}`);
  return reply.data.snapshot;
}

/** The transferable buffers of a reply (a snapshot's typed arrays move to the receiver instead of being copied). */
export function replyTransfer(reply: SnapshotReply): Transferable[] {
  if ('error' in reply) return [];
  const { snapshot } = reply;
  return [snapshot.docLengths.buffer, snapshot.termStarts.buffer, snapshot.postingDocs.buffer, snapshot.postingWeights.buffer];
}
