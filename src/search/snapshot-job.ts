import * as z from 'zod/mini';
import { PackedDocumentsSchema, PackedTextsSchema, SnapshotJobHeaderSchema, SnapshotReplySchema, type PackedDocuments, type PackedSearchSnapshot, type PackedTexts, type SnapshotJobHeader, type SnapshotReply } from '../schema/search';
import { errorMessage } from '../messaging/error-message';
import { packSnapshot, packedSnapshotBuilder, unpackSnapshot, updateSearchSnapshot, type DocumentText, type SearchDocument } from './search-index';

/**
 * A build of the search index as a job that can run on another thread (snapshot-threads.ts): its
 * documents packed into a few long strings, which cross to a worker far faster than 100,000
 * objects (most of a second each way).
 */

/** A build of the search index: the stored index (null for none) and the documents it gains or replaces. */
export interface SnapshotJob {
  stored: PackedSearchSnapshot | null;
  documents: PackedDocuments;
}

/**
 * A build under way: `started` settles once the job is with the thread that builds it; `snapshot`
 * is asked for once the caller has handed its records to IndexedDB (a build here runs then).
 */
export interface SnapshotBuild {
  started: Promise<void>;
  snapshot: () => Promise<PackedSearchSnapshot>;
}

/**
 * A job whose documents are packed a part at a time, each when asked (and again, should a build
 * that failed on another thread be made here). Sent in parts, a first build of 100,000 papers
 * starts on the other thread as soon as the first part is there: packed and sent whole, it waited
 * 1.5 s for all of it (packing took 0.6 s, sending 0.4 s, and the worker's copy the rest). The
 * load took a median 7.9 s against 8.8 s, the two builds in turn (npm run bench -- --only load
 * --repeat 4 --compare).
 */
export interface SnapshotJobInParts {
  stored: PackedSearchSnapshot | null;
  /** How many documents its parts hold. */
  count: number;
  parts: (() => PackedDocuments)[];
}

/** How many documents a job's part holds. */
export const JOB_PART_DOCUMENTS = 5_000;

/** The job for these items' documents, in parts of JOB_PART_DOCUMENTS items, each made into its documents when packed. */
export function jobInParts<T>(stored: PackedSearchSnapshot | null, items: readonly T[], documentOf: (item: T) => SearchDocument): SnapshotJobInParts {
  const parts: (() => PackedDocuments)[] = [];
  for (let start = 0; start < items.length; start += JOB_PART_DOCUMENTS) {
    const part = items.slice(start, start + JOB_PART_DOCUMENTS);
    parts.push(() => packDocuments(part.map(documentOf)));
  }
  return { stored, count: items.length, parts };
}

/** Builds the index a job asks for, here or on another thread. */
export interface SnapshotBuilder {
  /** Told how many papers are coming before the store is read: a builder that needs time to get a thread ready starts now. */
  prepare(papers: number): void;
  start(job: SnapshotJobInParts): SnapshotBuild;
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

/** Documents packed in parts, packed as one (a part of none adds no line). */
export function joinDocuments(parts: readonly PackedDocuments[]): PackedDocuments {
  const some = parts.filter((part) => part.count > 0);
  const field = (read: (part: PackedDocuments) => string) => some.map(read).join(LINE);
  return {
    count: some.reduce((sum, part) => sum + part.count, 0),
    ids: field((part) => part.ids),
    titles: field((part) => part.titles),
    texts: field((part) => part.texts),
    authors: field((part) => part.authors),
    names: field((part) => part.names),
    rows: field((part) => part.rows),
  };
}

/** The job with its parts packed as one. */
export function wholeJob({ stored, parts }: SnapshotJobInParts): SnapshotJob {
  return { stored, documents: joinDocuments(parts.map((pack) => pack())) };
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

/** The documents' text alone: a snapshot made of them alone keeps their ids and rows packed (rows not sent: kept by the sender). */
function* unpackTexts({ count, ids, titles, texts, authors, names, ...rest }: PackedTexts & { rows?: string }): Generator<DocumentText> {
  if (count === 0) return;
  if (lineCount(ids) !== count || (rest.rows !== undefined && lineCount(rest.rows) !== count)) throw miscounted(count);
  const [titleLines, textLines, authorLines, nameLines] = unpacked(count, [titles, texts, authors, names]) as [string[], string[], string[], string[]];
  for (let at = 0; at < count; at++) yield { title: titleLines[at]!, text: textLines[at]!, authors: authorLines[at]!, names: nameLines[at]! };
}

/** The job's snapshot: the stored one with its documents added or replaced, or one of them alone. */
export function runSnapshotJob({ stored, documents }: SnapshotJob): PackedSearchSnapshot {
  if (stored === null) {
    const builder = packedSnapshotBuilder();
    builder.add(unpackTexts(documents));
    return builder.finish(documents);
  }
  const replacing = new Set(documents.count === 0 ? [] : documents.ids.split(LINE));
  return packSnapshot(updateSearchSnapshot(unpackSnapshot(stored), unpackDocuments(documents), replacing));
}

/**
 * A job as it is sent to a thread, a message at a time: its header, then its parts, each packed
 * as it is sent. A first build's rows stay here (its thread only stores them as they are) and are
 * put in the snapshot it answers: 30 MB of them for 100,000 papers, sent there they slowed the
 * worker, and sent back the answer took 0.4 s to come (20 ms without them).
 */
export function jobSender(job: SnapshotJobInParts): { messages: () => Generator<SnapshotJobHeader | PackedDocuments | PackedTexts>; snapshot: (answered: PackedSearchSnapshot) => PackedSearchSnapshot } {
  let keptRows: string[] = [];
  return {
    *messages() {
      keptRows = [];
      yield { stored: job.stored, parts: job.parts.length };
      for (const pack of job.parts) {
        const part = pack();
        if (job.stored !== null) {
          yield part;
          continue;
        }
        const { rows, ...texts } = part;
        if (part.count > 0) keptRows.push(rows);
        yield texts;
      }
    },
    snapshot: (answered) => {
      if (job.stored !== null) return answered;
      // The rows kept are put with the ids answered: they must be as many (a build answered for another job).
      if (answered.docLengths.length !== job.count) throw new Error(`the search index builder answered ${answered.docLengths.length} documents for a job of ${job.count}`);
      return { ...answered, rows: keptRows.join(LINE) };
    },
  };
}

/**
 * Takes a job as a thread is sent it (jobSender), a message at a time. Answers once the job is
 * whole, or at the first message that is not what was due (null meanwhile, and after). A first build indexes
 * each part as it comes, and answers without rows (its sender has them); one that updates a
 * stored index waits for the last.
 */
export function jobReceiver(): (message: unknown) => SnapshotReply | null {
  let answered = false;
  let header: SnapshotJobHeader | null = null;
  const firstBuildIds: string[] = [];
  const updateParts: PackedDocuments[] = [];
  let received = 0;
  const builder = packedSnapshotBuilder();
  const answer = (): SnapshotReply | null => {
    if (header === null || received < header.parts) return null;
    if (header.stored !== null) return { snapshot: runSnapshotJob({ stored: header.stored, documents: joinDocuments(updateParts) }) };
    return { snapshot: builder.finish({ ids: firstBuildIds.join(LINE), rows: '' }) };
  };
  const malformed = (what: string, error: z.core.$ZodError) => ({ error: `a malformed ${what}: ${z.prettifyError(error)}` });
  const take = (message: unknown): SnapshotReply | null => {
    try {
      if (header === null) {
        const read = SnapshotJobHeaderSchema.safeParse(message);
        if (!read.success) return malformed('job', read.error);
        header = read.data;
        return answer();
      }
      if (header.stored === null) {
        const part = PackedTextsSchema.safeParse(message);
        if (!part.success) return malformed('part of a job', part.error);
        builder.add(unpackTexts(part.data));
        if (part.data.count > 0) firstBuildIds.push(part.data.ids);
      } else {
        const part = PackedDocumentsSchema.safeParse(message);
        if (!part.success) return malformed('part of a job', part.error);
        updateParts.push(part.data);
      }
      received++;
      return answer();
    } catch (error) {
      return { error: errorMessage(error) };
    }
  };
  return (message) => {
    if (answered) return null;
    const reply = take(message);
    answered = reply !== null;
    return reply;
  };
}

/** How many documents the job's snapshot holds: those stored and those it adds. */
export function documentsRead({ stored, count }: Pick<SnapshotJobInParts, 'stored' | 'count'>): number {
  return count + (stored?.docLengths.length ?? 0);
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
