import { arxivAbsUrl } from '../papers/ids';
import type { SavedItem } from '../schema/papers';
import { paperYearMonth, singleLine } from './text';

/**
 * RIS export (Zotero, EndNote, Mendeley). Type UNPB ("unpublished work"): an arXiv paper is a
 * preprint, and reference managers read UNPB as a manuscript with authors and a date; ELEC would
 * make it a web page and GEN drops the type altogether. A journal reference, when there is one,
 * is kept in a note. Lines end in CRLF, as the RIS specification says.
 */

// What readers take for a tag line: Zotero strips leading whitespace and allows one or two spaces.
const TAG_LINE = /^\s*[A-Z][A-Z0-9] {1,2}-/;

function field(tag: string, value: string): string {
  return `${tag}  - ${value}`;
}

/**
 * A multi-line value: its first line on the tag, the rest as continuation lines (which Zotero and
 * EndNote append to the field). A line that looks like a tag line (`ER  - `) gets a `> ` in front
 * (readers strip leading spaces, so indenting would not do), so a note can never end or start a record.
 */
function multiline(tag: string, value: string): string[] {
  const [first = '', ...rest] = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  return [field(tag, first.trimStart()), ...rest.map((line) => (TAG_LINE.test(line) ? `> ${line}` : line))];
}

// A name with its suffix after a comma ("Martin Luther King, Jr."): readers take "A, B" for
// "last, first", so it is written as RIS writes a suffix, "King, Martin Luther, Jr.".
const NAME_WITH_SUFFIX = /^(.+)\s(\S+),\s*((?:Jr|Sr)\.?|I{2,3}|IV)$/i;

function risAuthor(name: string): string {
  const parts = NAME_WITH_SUFFIX.exec(name);
  return parts ? `${parts[2]}, ${parts[1]}, ${parts[3]}` : name;
}

function record(item: SavedItem): string[] {
  const lines = [field('TY', 'UNPB'), field('TI', singleLine(item.title))];
  for (const author of item.authors.map(singleLine)) if (author !== '') lines.push(field('AU', risAuthor(author)));
  const date = paperYearMonth(item);
  if (date) lines.push(field('PY', String(date.year)));
  if (item.published) lines.push(field('DA', `${item.published.replace(/-/g, '/')}/`));
  lines.push(field('UR', arxivAbsUrl(item.id)));
  if (item.pdfUrl) lines.push(field('L1', item.pdfUrl));
  if (item.doi) lines.push(field('DO', singleLine(item.doi)));
  lines.push(field('DB', 'arXiv'), field('AN', `arXiv:${item.id}`));
  for (const tag of item.tags.map(singleLine)) if (tag !== '') lines.push(field('KW', tag));
  if (item.journalRef) lines.push(field('N1', `Journal reference: ${singleLine(item.journalRef)}`));
  if (item.notes.trim() !== '') lines.push(...multiline('N1', item.notes));
  lines.push('ER  - ');
  return lines;
}

export function exportRis(items: readonly SavedItem[]): string {
  return items.map((item) => `${record(item).join('\r\n')}\r\n`).join('\r\n');
}
