import * as z from 'zod/mini';
import { isKeepableCiteKey, SavedItemSchema, type SavedItem } from '../schema/papers';
import {
  READING_LIST_FORMAT,
  READING_LIST_VERSION,
  ReadingListFileSchema,
  type ImportParse,
  type ImportRejection,
  type ImportedItem,
  type ReadingListFile,
} from '../schema/reading-list';
import { ImportError } from './errors';
import { scanJson } from './json-scan';
import { LineIndex } from './lines';
import { isRecord } from '../schema/is-record';
import { arxivIdFromReference, withoutSubjectClass } from '../papers/ids';
import { isPaperMemoryFile, parsePaperMemory } from './papermemory';

/** Every field of the item, in the schema's order, and nothing else the caller's object may carry. */
function savedFields(item: SavedItem): SavedItem {
  return {
    id: item.id,
    title: item.title,
    authors: item.authors,
    tldr: item.tldr,
    status: item.status,
    tags: item.tags,
    notes: item.notes,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
    readAt: item.readAt,
    sourceUrl: item.sourceUrl,
    published: item.published,
    primaryCategory: item.primaryCategory,
    doi: item.doi,
    journalRef: item.journalRef,
    pdfUrl: item.pdfUrl,
    // Kept by a restore, so a \cite{} of the paper holds on another device too.
    ...(item.citeKey === undefined ? {} : { citeKey: item.citeKey }),
  };
}

/** The item without a citation key BibTeX could not read (a hand-edited backup): the paper is imported, and keyed anew. */
function withValidCiteKey(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.citeKey === undefined || (typeof raw.citeKey === 'string' && isKeepableCiteKey(raw.citeKey))) return raw;
  const { citeKey: _citeKey, ...rest } = raw;
  return rest;
}

/** The complete, versioned backup of the reading list. */
export function exportJson(items: readonly SavedItem[], exportedAt: number): string {
  const file: ReadingListFile = { format: READING_LIST_FORMAT, version: READING_LIST_VERSION, exportedAt, items: items.map(savedFields) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// Items are checked one by one below, so one bad item is rejected alone.
const EnvelopeSchema = z.extend(ReadingListFileSchema, { items: z.array(z.unknown()) });

/** What is wrong with `value`, at most three problems; a field it lacks is "missing" (Zod says "expected string, received undefined", or a field's own message). */
function describeIssues(error: z.core.$ZodError, value?: unknown): string {
  return error.issues
    .slice(0, 3)
    .map(({ path, message }) => {
      if (path.length === 0) return message;
      const lacking = path.length === 1 && isRecord(value) && !Object.hasOwn(value, path[0]!);
      return `${path.join('.')}: ${lacking ? 'missing' : message}`;
    })
    .join('; ');
}

/** Reads a reading-list backup; each item is checked against the store's own rules. */
export function parseJsonImport(text: string): ImportParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const scan = scanJson(text);
    const lines = new LineIndex(text);
    const offset = scan.error?.offset ?? 0;
    const where = `line ${lines.line(offset)}, column ${lines.column(offset)}`;
    const line = lines.line(offset);
    if (scan.error?.truncated) {
      throw new ImportError(`the file is truncated: it stops at ${where}, and ${scan.error.message} (was the download or copy cut short?)`, line);
    }
    throw new ImportError(`invalid JSON at ${where}: ${scan.error?.message ?? 'the file is not JSON'}`, line);
  }

  if (isPaperMemoryFile(data)) return parsePaperMemory(data);
  // Zotero's and Mendeley's "CSL JSON": a list of items, each with its type.
  if (Array.isArray(data) && data.length > 0 && data.every((item) => isRecord(item) && typeof item.type === 'string' && ('title' in item || 'author' in item))) {
    throw new ImportError('this is CSL JSON (a Zotero or Mendeley export), which PaperLens does not read: export the collection as BibTeX or RIS instead');
  }
  if (!isRecord(data) || data.format !== READING_LIST_FORMAT) {
    const found = isRecord(data) && typeof data.format === 'string' ? ` (its format is "${data.format.slice(0, 60)}")` : '';
    throw new ImportError(`not a PaperLens reading-list export${found}: expected a JSON file with "format": "${READING_LIST_FORMAT}"`);
  }
  if (data.version !== READING_LIST_VERSION) {
    throw new ImportError(
      `unsupported version ${JSON.stringify(data.version) ?? 'missing'} of the reading-list format: this PaperLens reads version ${READING_LIST_VERSION}` +
        (typeof data.version === 'number' && data.version > READING_LIST_VERSION ? ' (the file comes from a newer PaperLens; update the extension)' : ''),
    );
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) throw new ImportError(`the reading-list file is malformed: ${describeIssues(envelope.error)}`);
  const rawItems = envelope.data.items;
  if (rawItems.length === 0) throw new ImportError('the file holds no papers: its reading list is empty');

  const scan = scanJson(text);
  if (scan.error) throw new ImportError(`the reading-list file is malformed: ${scan.error.message}`);
  const lines = new LineIndex(text);
  const items: ImportedItem[] = [];
  const rejected: ImportRejection[] = [];
  rawItems.forEach((raw, index) => {
    const offset = scan.itemOffsets[index];
    const line = offset === undefined ? 0 : lines.line(offset);
    // A backup made before the store dropped subject classes may hold `math.GT/0309136` for math/0309136;
    // a list written by hand, an id as arXiv writes it ("arXiv:2502.10001", "2502.10000v3") or its address.
    const parsed = SavedItemSchema.safeParse(isRecord(raw) && typeof raw.id === 'string' ? withValidCiteKey({ ...raw, id: arxivIdFromReference(withoutSubjectClass(raw.id)) ?? raw.id }) : raw);
    if (parsed.success) {
      items.push(line > 0 ? { ...parsed.data, line } : parsed.data);
      return;
    }
    const id = isRecord(raw) && typeof raw.id === 'string' ? ` (${raw.id.slice(0, 40)})` : '';
    const reason = isRecord(raw) && raw.id === undefined ? 'no arXiv id' : describeIssues(parsed.error, raw);
    rejected.push({ line, reason: `item ${index + 1}${id}: ${reason}` });
  });
  return { format: 'json', items, rejected };
}
