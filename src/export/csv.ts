import { arxivAbsUrl } from '../papers/ids';
import type { SavedItem } from '../schema/papers';
import { splitEscapedList } from './text';

/** The CSV export's columns, in order. `cite_key`: the paper's kept citation key, so `\cite{}` keys survive a round trip. */
export const CSV_COLUMNS = [
  'id', 'title', 'authors', 'status', 'tags', 'notes', 'tldr', 'added_at', 'updated_at', 'read_at',
  'published', 'primary_category', 'doi', 'journal_ref', 'url', 'pdf_url', 'source_url', 'cite_key',
] as const;
/** The header of our export before it wrote cite keys: still read as ours. */
export const CSV_COLUMNS_BEFORE_CITE_KEYS = CSV_COLUMNS.slice(0, -1);

/** Joins authors and tags in one cell. */
const CSV_LIST_SEPARATOR = '; ';

/**
 * Authors or tags in one cell. A ";" or "\" in one (a tag "reading group; week 3") is
 * backslash-escaped, so the cell is split back where the list was joined, not inside an item.
 */
function listCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, '\\$&')).join(CSV_LIST_SEPARATOR);
}

/** The items of a list cell listCell wrote (one from before it escaped reads as it did). */
export function splitListCell(cell: string): string[] {
  return splitEscapedList(cell, CSV_LIST_SEPARATOR, /[\\;]/);
}

function isoTime(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) gets a leading apostrophe, the usual guard: text from pages must not execute in Excel.
 */
function csvField(value: string): string {
  // A value that already opens with apostrophes before such a character gets one more, which the import takes off.
  const guarded = /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function row(item: SavedItem): string[] {
  return [
    item.id, item.title, listCell(item.authors), item.status, listCell(item.tags),
    item.notes, item.tldr, isoTime(item.addedAt), isoTime(item.updatedAt), isoTime(item.readAt),
    item.published ?? '', item.primaryCategory ?? '', item.doi ?? '', item.journalRef ?? '',
    arxivAbsUrl(item.id), item.pdfUrl ?? '', item.sourceUrl ?? '', item.citeKey ?? '',
  ];
}

/**
 * RFC 4180 CSV: a header row, one row per paper, CRLF line ends. Starts with a UTF-8 byte-order
 * mark, without which Excel reads UTF-8 as a legacy code page and garbles accents and CJK.
 */
export function exportCsv(items: readonly SavedItem[]): string {
  const rows = [[...CSV_COLUMNS], ...items.map(row)];
  return `\uFEFF${rows.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
