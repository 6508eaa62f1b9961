import { arxivAbsUrl } from '../papers/ids';
import type { ReadingStatus, SavedItem } from '../schema/papers';
import type { ImportedItem } from '../schema/reading-list';
import { keywordTags } from './references';
import { escapeMarkdown, escapeMarkdownLine, MARKDOWN_SPECIAL_CHARACTERS, unescapeMarkdown } from './markdown-escape';
import { paperLink } from './paper-link';
import { singleLine, splitEscapedList } from './text';

const GROUPS: readonly { status: ReadingStatus; heading: string }[] = [
  { status: 'to-read', heading: 'To read' },
  { status: 'reading', heading: 'Reading' },
  { status: 'read', heading: 'Read' },
];

// The characters escapeList escapes: escapeMarkdown's and ",".
const ESCAPED_IN_LIST = new RegExp(`[${MARKDOWN_SPECIAL_CHARACTERS},]`);

/** A list's items as Markdown shows them, ", " between them: a comma inside an item ("King, Jr.") is escaped. */
function escapeList(items: readonly string[]): string {
  return items.map((item) => escapeMarkdown(item).replaceAll(',', '\\,')).join(', ');
}

/** The items escapeList wrote (an export from before it escaped commas reads as it did: split at each ", "). */
function unescapeList(text: string): string[] {
  return splitEscapedList(text, ', ', ESCAPED_IN_LIST).filter((name) => name !== '');
}

// The labelled lines of a paper's item, as entry() writes them.
const ENTRY_FIELD = /^(Tags|TL;DR|Notes): (.*)$/;

// A note's line escaped where it would start a block (a heading, a list, a setext underline), or
// look like a BibTeX entry's start to an import that lost the file's name ("@Sam (postdoc) says").
const NOTE_LINE_BLOCK = /^(?:[#=+@-]|\d+[.)])/;
const NOTE_LINE_ESCAPED = /^(\d*)\\([#=+.)@-])/;

// Markdown drops a line's leading spaces, or reads four as code: a note's indentation (a nested
// list) is written as no-break spaces, which it shows as they are. A tab is four.
const NO_BREAK_SPACE = '\u00a0';
const NOTE_INDENT = /^[\t ]+/;
const WRITTEN_INDENT = /^\u00a0+/;

/** One line of a note, as Markdown shows it literally inside the paper's list item (its indentation kept). */
function escapeNoteLine(line: string): string {
  const indent = NOTE_INDENT.exec(line)?.[0].replaceAll('\t', '    ').length ?? 0;
  // Its spacing kept (a small table's columns); the ends go (a line break's spaces follow it).
  const text = escapeMarkdownLine(line.trim());
  return NO_BREAK_SPACE.repeat(indent) + (NOTE_LINE_BLOCK.test(text) ? text.replace(/^(\d*)(.)/, '$1\\$2') : text);
}

/** A note's line as escapeNoteLine wrote it (the list item's own indentation and line break removed). */
function unescapeNoteLine(line: string): string {
  const text = line.replace(/^[\t ]+|[\t ]+$/g, '');
  const indent = WRITTEN_INDENT.exec(text)?.[0].length ?? 0;
  return ' '.repeat(indent) + unescapeMarkdown(text.slice(indent).replace(NOTE_LINE_ESCAPED, '$1$2'));
}

/**
 * Reads a line of a paper's item in our export into `item`: its authors (the item's first line
 * after the link, unlabelled), tags, TL;DR or notes. The notes come last: every line after their
 * first is one of theirs (a blank one is read as `''`). `line` is as the file has it, spaces included.
 */
export function readEntryLine(item: ImportedItem, line: string, first: boolean): void {
  if (item.notes !== undefined) {
    item.notes += `\n${unescapeNoteLine(line)}`;
    return;
  }
  const text = line.trim();
  const field = ENTRY_FIELD.exec(text);
  if (!field) {
    if (first) item.authors = unescapeList(text);
    return;
  }
  const value = field[2]!;
  if (field[1] === 'Tags') item.tags = keywordTags(unescapeList(value));
  else if (field[1] === 'TL;DR') item.tldr = unescapeMarkdown(value);
  else item.notes = unescapeMarkdown(value);
}

function entry(item: SavedItem): string {
  const lines = [`- ${paperLink(item.title, arxivAbsUrl(item.id)).markdown}`];
  const authors = item.authors.map(singleLine).filter((name) => name !== '');
  if (authors.length > 0) lines.push(`  ${escapeList(authors)}`);
  const tags = item.tags.map(singleLine).filter((tag) => tag !== '');
  if (tags.length > 0) lines.push(`  Tags: ${escapeList(tags)}`);
  if (item.tldr.trim() !== '') lines.push(`  TL;DR: ${escapeMarkdown(item.tldr)}`);
  // A note keeps its lines (a weekly review's lists, its paragraphs), each escaped where it could
  // start a Markdown block; a blank one is a line of spaces, which ends the paragraph.
  if (item.notes.trim() !== '') {
    const [first = '', ...more] = item.notes.trim().split(/\r\n?|\n/);
    lines.push(`  Notes: ${escapeMarkdownLine(first.trimEnd())}`, ...more.map((line) => (line.trim() === '' ? '' : `  ${escapeNoteLine(line)}`)));
  }
  // Two trailing spaces: a line break inside the list item.
  return lines.join('  \n');
}

// A section's heading, as exportMarkdown writes it (with its count, or without it as a reader may
// edit it): the headings spelled out keep the match linear on any line.
const SECTION_HEADING = new RegExp(`^##\\s+(${GROUPS.map((group) => group.heading).join('|')})(\\s+\\(\\d+\\))?$`);

/**
 * The status of a section of our export ("## Read (3)"), or null for any other line. In a file
 * opening with our export's title, also a heading without its count ("## Read"); in another
 * file, such a heading is the writer's own.
 */
export function sectionStatus(line: string, inOurExport: boolean): ReadingStatus | null {
  const match = SECTION_HEADING.exec(line.trim());
  const heading = match && (match[2] !== undefined || inOurExport) ? match[1] : undefined;
  return GROUPS.find((group) => group.heading === heading)?.status ?? null;
}

/** The first line of our Markdown export. */
export const MARKDOWN_TITLE = '# Reading list';

/** The reading list as Markdown: one section per status, each paper a link to its arXiv page. */
export function exportMarkdown(items: readonly SavedItem[]): string {
  const sections = GROUPS.flatMap(({ status, heading }) => {
    const group = items.filter((item) => item.status === status);
    return group.length > 0 ? [`## ${heading} (${group.length})\n\n${group.map(entry).join('\n')}\n`] : [];
  });
  const body = sections.length > 0 ? sections.join('\n') : '_No saved papers._\n';
  return `${MARKDOWN_TITLE}\n\n${body}`;
}
