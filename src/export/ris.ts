import { arxivAbsUrl } from '../papers/ids';
import { nameParts } from '../papers/names';
import type { SavedItem } from '../schema/papers';
import { citedDate, escapeHtml, noteText, singleLine } from './text';

/**
 * RIS export (Zotero, EndNote, Mendeley). Type UNPB, the RIS specification's "unpublished work",
 * as a preprint is. Zotero's RIS translator (RIS.js, 2023-07-28) has no UNPB in its importTypeMap:
 * it files the paper as a journal article (its default type), title, authors, date and URL kept.
 * ELEC would make it a web page and GEN drops the type altogether. A journal reference, when there
 * is one, is kept in a note. Lines end in CRLF, as the RIS specification says.
 */

// What readers take for a tag line: Zotero strips leading whitespace and allows one or two spaces.
const TAG_LINE = /^\s*[A-Z][A-Z0-9] {1,2}-/;

function field(tag: string, value: string): string {
  return `${tag}  - ${value}`;
}

/**
 * A multi-line value: its first line on the tag, the rest as continuation lines (which Zotero and
 * EndNote append to the field), a blank line between paragraphs as in the value (Zotero's reader
 * keeps it in a note, as a new paragraph; blank lines before and after are left out). A line that
 * looks like a tag line (`ER  - `) gets a `> ` in front (readers strip leading spaces, so indenting
 * would not do), so a note can never end or start a record.
 */
function multiline(tag: string, value: string): string[] {
  const [first = '', ...rest] = value
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd());
  return [field(tag, first), ...rest.map((line) => (TAG_LINE.test(line) ? `> ${line}` : line))];
}

/**
 * An author as RIS writes one, "Last, First" or "Last, First, Suffix": Zotero splits a name only at
 * a comma, and files one without as a group's ("Ashish Vaswani" would be cited as a single name).
 * A name nameParts leaves whole (a group, one word) is written as it is.
 */
function risAuthor(name: string): string {
  const parts = nameParts(name);
  if (!parts) return name;
  return parts.suffix === '' ? `${parts.last}, ${parts.first}` : `${parts.last}, ${parts.first}, ${parts.suffix}`;
}

/**
 * A note as N1 holds it: as written, unless a reader would take it for HTML, as Zotero writes notes
 * (it holds "<i>" or "<code>"): then in HTML, its text escaped and its lines apart, so Zotero and
 * our import show it as written (ours stripped those as tags). Such a note's lines come back
 * trimmed, blank lines between paragraphs once.
 */
function noteValue(notes: string): string {
  if (noteText(notes) === notes.trim()) return notes;
  return `<p>${notes.trim().split(/\r\n|\r|\n/).map(escapeHtml).join('<br>')}</p>`;
}

function record(item: SavedItem): string[] {
  const lines = [field('TY', 'UNPB'), field('TI', singleLine(item.title))];
  // The kept citation key, where JabRef writes and reads a BibTeX key (Zotero ignores it).
  if (item.citeKey !== undefined) lines.push(field('ID', item.citeKey));
  for (const author of item.authors.map(singleLine)) if (author !== '') lines.push(field('AU', risAuthor(author)));
  const date = citedDate(item);
  if (date) lines.push(field('PY', String(date.year)));
  if (date?.day) lines.push(field('DA', `${date.day.replace(/-/g, '/')}/`));
  lines.push(field('UR', arxivAbsUrl(item.id)));
  if (item.pdfUrl) lines.push(field('L1', item.pdfUrl));
  if (item.doi) lines.push(field('DO', singleLine(item.doi)));
  lines.push(field('DB', 'arXiv'), field('AN', `arXiv:${item.id}`));
  for (const tag of item.tags.map(singleLine)) if (tag !== '') lines.push(field('KW', tag));
  if (item.journalRef) lines.push(field('N1', `Journal reference: ${singleLine(item.journalRef)}`));
  if (item.notes.trim() !== '') lines.push(...multiline('N1', noteValue(item.notes)));
  lines.push('ER  - ');
  return lines;
}

export function exportRis(items: readonly SavedItem[]): string {
  return items.map((item) => `${record(item).join('\r\n')}\r\n`).join('\r\n');
}
