import { arxivIdFromReference, writtenAsUrl } from '../papers/ids';
import { ImportedItemSchema, READING_LIST_FORMAT, type ImportFormat, type ImportParse, type ImportRejection, type ImportedItem } from '../schema/reading-list';
import { parseBibtexImport } from './bibtex-import';
import { parseRisImport } from './ris-import';
import { looksLikeCsvStart, parseCsvImport } from './csv-import';
import { ImportError } from './errors';
import { parseJsonImport } from './json';
import { MARKDOWN_TITLE, readEntryLine, sectionStatus } from './markdown';
import { unescapeMarkdown } from './markdown-escape';
import type { ReadingStatus } from '../schema/papers';
import { unixNewlines } from './text';
import { pickPendingTldr } from './abstract-import';
import type { ParsedFile } from './references';
import { matchTitles } from './title-match';

/** The largest import file read (UTF-8 bytes). Check a File's size against it before reading it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/**
 * The largest of our own JSON backups read: a reading list with long notes exports more than
 * MAX_IMPORT_BYTES (240 papers of 90,000-character notes make 21 MB), and its backup must restore
 * it. Its papers go to the background in one message, which Chrome refuses over 64 MiB.
 */
export const MAX_BACKUP_BYTES = 60 * 1024 * 1024;

/** What an exported file of `bytes` lacks to be imported back: null when nothing, else why (a file over its import limit). */
export function reimportProblem(bytes: number, backup: boolean): string | null {
  const limit = backup ? MAX_BACKUP_BYTES : MAX_IMPORT_BYTES;
  return bytes > limit ? `it is ${megabytes(bytes)}, more than the ${megabytes(limit)} an import reads back` : null;
}
// How our JSON backup opens: its `format` before its items (exportJson writes it first; a tool
// that sorts keys, jq -S, after "exportedAt"), after any byte order mark.
const BACKUP_OPENING = new RegExp(`^\\uFEFF?\\s*\\{[^[]*"format"\\s*:\\s*"${READING_LIST_FORMAT}"`);

/** The import limit of a file that opens with `opening` (its first few hundred characters): a JSON backup's, or any other file's. */
export function importLimitOf(opening: string): number {
  return BACKUP_OPENING.test(opening) ? MAX_BACKUP_BYTES : MAX_IMPORT_BYTES;
}

/** Why a file of `bytes` is refused, over `limit`; `atLeast` when the count stopped there. */
export function tooLargeMessage(bytes: number, limit: number, atLeast = false): string {
  const backups = limit === MAX_IMPORT_BYTES ? ` (${megabytes(MAX_BACKUP_BYTES)} for a PaperLens JSON backup)` : '';
  return `the file is too large: ${atLeast ? 'over ' : ''}${megabytes(bytes)}, and the limit is ${megabytes(limit)}${backups}`;
}

/** UTF-8 size of a string without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function checkSize(text: string): void {
  const limit = importLimitOf(text.slice(0, 200));
  // A UTF-16 unit is 1 to 3 UTF-8 bytes, so the exact count is needed only in between.
  const bytes = text.length > limit ? text.length : text.length * 3 <= limit ? 0 : utf8Length(text);
  if (bytes > limit) throw new ImportError(tooLargeMessage(bytes, limit, text.length > limit));
}

function quoted(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line);
}

// A Markdown link's "](", where "](address)" starts; a "\]" (an escaped bracket in its text, as our
// export writes one) is no link's end.
const MARKDOWN_LINK_OPEN = /(?<!\\)(?:\\\\)*\]\(/g;

/**
 * The first Markdown link's "](address)" in a line: its address (a run of non-space characters up
 * to the first ")" after it starts) and where it ends. Found by hand rather than by one regex,
 * whose retries from every "](" of a long line without ")" take quadratic time.
 */
function markdownLinkEnd(line: string): { address: string; end: number } | null {
  MARKDOWN_LINK_OPEN.lastIndex = 0;
  for (let open = MARKDOWN_LINK_OPEN.exec(line); open; open = MARKDOWN_LINK_OPEN.exec(line)) {
    const from = open.index + open[0].length;
    let at = from + 1;
    if (from < line.length && !/\s/.test(line[from]!)) {
      while (at < line.length && line[at] !== ')' && !/\s/.test(line[at]!)) at++;
      if (line[at] === ')') return { address: line.slice(from, at), end: at + 1 };
    }
    // Every later "](" in the same run of non-space characters has no ")" either.
    MARKDOWN_LINK_OPEN.lastIndex = Math.min(at, line.length);
  }
  return null;
}

// A Markdown line break at a line's end: two spaces (as our export ends each line of a paper's
// item), or a backslash (not an escaped one, as a field ending in "\\" is written).
const MARKDOWN_BREAK = /(?: {2}|(?<!\\)(?:\\\\)*\\)$/;
// A line indented under a list item, not an item itself: Markdown's continuation of that item. (An
// editor that trims the lines' trailing spaces leaves our export's item lines only this.)
// (A "•" is no Markdown list marker: a note's line may open with one, unescaped.)
const INDENTED_LINE = /^\s+(?!(?:[-*+]|\d+[.)])\s)\S/;
// A labelled line of an item of our export (markdown.ts readEntryLine), indented under it.
const ITEM_FIELD_LINE = /^\s+(?:Tags|TL;DR|Notes): /;
// A list item's marker ("- ", "1. ") and a task list's box ("- [ ] ", "* [x] ").
const LIST_MARKER = /^\s*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/;
// A line that opens with a Markdown link, after any list marker.
const MARKDOWN_LINK_LINE = new RegExp(`${LIST_MARKER.source}\\[`);
// A reference written out later in a line ("ResNet — arXiv:1512.03385"): arXiv's own form, an
// arXiv or Hugging Face address, arXiv's DOI. A bare number there could be anything.
const REFERENCE_IN_LINE = /\barxiv:\s*(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?|https?:\/\/(?:www\.)?(?:arxiv\.org|huggingface\.co)\/\S+|\b10\.48550\/arxiv\.[\w.]+/i;
// A link's text that names no paper, as lists of papers write it ("[PDF](…)", "[[arXiv]](…)").
const NOT_A_TITLE = /^\W*(?:paper|pdf|arxiv|abs|abstract|link|here|code|project(?: page)?|html|preprint|hf|hugging ?face|page|website|url|source|download)\W*$/i;

/**
 * The reference a line of a list gives: a Markdown link's address, else the line's first word
 * after any list marker ("- ", "1. ") when it is one (what follows it is a title or arXiv's
 * category), else an arXiv reference written out later in the line.
 */
function referenceOf(entry: string): string {
  const markdownLink = markdownLinkEnd(entry);
  if (markdownLink) return markdownLink.address;
  // "2310.01779, HallE-Switch": the comma ends the id.
  const first = entry.replace(LIST_MARKER, '').replace(/^arxiv:\s+/i, 'arXiv:').split(/\s+/)[0]!.replace(/[,;]$/, '');
  if (arxivIdFromReference(first)) return first;
  return REFERENCE_IN_LINE.exec(entry)?.[0].replace(/[.,;:)\]]+$/, '') ?? first;
}

/** The text of a Markdown link that opens a line, when it names a paper rather than its id, address or a "PDF". */
function linkTitle(raw: string, link: { address: string; end: number }, id: string): string {
  // Without the emphasis around it ("[**Attention Is All You Need**](…)").
  const text = unescapeMarkdown(raw.slice(LIST_MARKER.exec(raw)![0].length + 1, link.end - link.address.length - 3))
    .trim()
    .replace(/^([*_`]+)(.+)\1$/, '$2');
  if (NOT_A_TITLE.test(text) || !/\p{L}/u.test(text) || text.includes(id) || /https?:\/\//i.test(text)) return '';
  return text;
}

/**
 * One arXiv id, DOI or paper URL per line; blank lines and `#` comments are skipped. The papers
 * under a section of our Markdown export ("## Read (3)") have its status, and their title, authors,
 * tags, TL;DR and notes from their item's lines.
 */
function parseIdList(text: string): ImportParse {
  const items: ImportedItem[] = [];
  const rejected: ImportRejection[] = [];
  let status: ReadingStatus | null = null;
  // The paper of our export whose item's lines come next, and how many were read.
  let exported: ImportedItem | null = null;
  let linesRead = 0;
  const inOurExport = text.slice(0, text.search(/[\r\n]|$/)).trim() === MARKDOWN_TITLE;
  // The first line after a run of blank lines that is not blank, found once per run.
  let afterBlanks = -1;
  unixNewlines(text)
    .split('\n')
    .forEach((raw, index, lines) => {
      if (raw.trimStart().startsWith('#')) status = sectionStatus(raw, inOurExport);
      // A comment after whitespace; a `#` inside a URL is its fragment, and one in a Markdown
      // link's text ("[Tracking #COVID19 tweets](…)") is part of the title.
      const link = MARKDOWN_LINK_LINE.test(raw) ? markdownLinkEnd(raw) : null;
      const textEnd = link ? link.end : 0;
      // (The lookbehind tries each run of spaces once: "\s+#" alone retries from every space of a long run.)
      const entry = (raw.slice(0, textEnd) + raw.slice(textEnd).replace(/(?<!\s)\s+#[^]*$/, '')).trim();
      // A blank line of a paper's notes (our Markdown export writes it as a line of spaces, after a
      // line break; trimmed, it is one of the empty lines before the note's next indented line).
      if (raw.trim() === '' && exported?.notes !== undefined) {
        if (afterBlanks <= index) for (afterBlanks = index + 1; (lines[afterBlanks] ?? 'end').trim() === ''; ) afterBlanks++;
        if (MARKDOWN_BREAK.test(lines[index - 1] ?? '') || INDENTED_LINE.test(lines[afterBlanks] ?? '')) {
          exported.notes += '\n';
          return;
        }
      }
      if (entry === '' || entry.startsWith('#')) return;
      const line = index + 1;
      const reference = referenceOf(entry);
      const id = arxivIdFromReference(reference);
      // After a Markdown line break, or indented under the paper's item, a line is the paper's own
      // text: its authors, tags or notes. An indented line giving a paper's id, address or "arXiv:…" is
      // a paper of its own, but for an item's labelled line ("  Notes: https://arxiv.org/abs/…") and,
      // in our export's notes, a note's line opening with one (our export writes a new-style id there
      // escaped, "2401\.00001": an unescaped one was added by hand).
      const inNotes = inOurExport && exported?.notes !== undefined && !/^\d{4}\.\d{4,5}(?:v\d+)?\b/.test(entry);
      const continues = MARKDOWN_BREAK.test(lines[index - 1] ?? '') || (exported !== null && INDENTED_LINE.test(raw) && (id === null || inNotes || ITEM_FIELD_LINE.test(raw)));
      // A list item opening with a paper's link is a paper of its own, whatever the line before ends with.
      if (continues && exported && !(link && id)) {
        // The whole line: a note's " #" is no comment, and its no-break spaces are its indentation.
        readEntryLine(exported, raw, linesRead++ === 0);
        return;
      }
      if (id) {
        const item: ImportedItem = status === null ? { id, line } : { id, line, status };
        // "- [Title](https://arxiv.org/abs/…)", the title escaped (our export's), as lists of papers link them.
        const title = link ? linkTitle(raw, link, id) : '';
        if (title) item.title = title;
        items.push(item);
        exported = status === null ? null : item;
        linesRead = 0;
      } else if (continues) return;
      else {
        // The lines after this one are not the paper's before it.
        exported = null;
        if (writtenAsUrl(reference)) rejected.push({ line, reason: `${quoted(entry)} is not an arXiv or Hugging Face paper URL` });
        else rejected.push({ line, reason: `${quoted(entry)} is neither an arXiv id nor an arXiv or Hugging Face URL` });
      }
    });
  // Blank lines before an indented line that was no note's (a paper's id): the export trims notes.
  // (Each run of line ends tried once: "\n+$" alone retries from every line end of a long run.)
  for (const item of items) if (item.notes !== undefined) item.notes = item.notes.replace(/(?<!\n)\n+$/, '');
  if (items.length === 0 && rejected.length === 0) throw new ImportError('the file holds no papers: it is empty or has only blank lines and comments');
  if (items.length === 0) {
    const first = rejected[0]!;
    throw new ImportError(
      `not a recognised file: expected a PaperLens JSON export, a BibTeX, RIS or CSV file or a list of arXiv ids or URLs (line ${first.line}: ${first.reason})`,
      first.line,
    );
  }
  // The fields read from an export's item lines are checked as every format's are (a hand-edited
  // TL;DR past 2,000 characters would otherwise fail the whole import when it is applied).
  const checked = items.flatMap((item) => {
    const result = ImportedItemSchema.safeParse(item);
    if (result.success) return [result.data];
    const issue = result.error.issues[0];
    rejected.push({ line: item.line ?? 0, reason: `arXiv ${item.id}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    return [];
  });
  return { format: 'ids', items: checked, rejected: rejected.sort((a, b) => a.line - b.line) };
}

const extensionOf = (fileName: string | undefined): string | undefined => /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();

function detectFormat(text: string, fileName: string | undefined): ImportFormat {
  const extension = extensionOf(fileName);
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || extension === 'json') return 'json';
  // A list whose first line is a Markdown link ("[LoRA](https://arxiv.org/abs/2106.09685)") opens
  // with "[" too; any other "[" opens JSON (a broken one is told where it breaks).
  if (first === '[' && !/^\s*\[[^\]\n]*\]\(/.test(text)) return 'json';
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  // Before BibTeX's test, which any line may pass: a RIS note can hold a pasted BibTeX entry.
  if (extension === 'ris' || /^\s*TY {1,2}- /.test(text)) return 'ris';
  // Before BibTeX's test too: a CSV cell can hold a pasted BibTeX entry.
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  if (extension === 'csv' || extension === 'tsv' || looksLikeCsvStart(firstLine)) return 'csv';
  // Our Markdown export, before BibTeX's test too: a line of a note in it can begin "@Sam (postdoc)".
  // (By its title, not by a .md name: notes in Markdown hold BibTeX entries to import.)
  if (firstLine.trim() === MARKDOWN_TITLE) return 'ids';
  if (/^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/m.test(text)) return 'bibtex';
  return 'ids';
}

/**
 * Reads an import file: a PaperLens JSON export, BibTeX, RIS, CSV, or a list of arXiv ids/URLs, told apart by
 * content (the file name breaks ties). Entries that cannot be imported come back in `rejected` with
 * their line; a file that cannot be read at all throws ImportError saying what is wrong and where.
 */
export function parseImport(text: string, fileName?: string): ImportParse {
  const { pendingTldrs, ...parse } = parseFile(text, fileName);
  pendingTldrs.forEach(pickPendingTldr);
  return matchTitles(parse, null);
}

// How long parseImportInSteps picks TL;DRs before it lets the page run (a frame and a half).
const STEP_MS = 25;

/**
 * parseImport for a page, its entries without an id (`unidentified`) left for the page to find by
 * their title (matchTitles). Picking the TL;DR of each abstract a file gives takes about 0.5 ms, so
 * a reference manager's library of thousands would freeze the page for seconds. They are picked
 * in steps of STEP_MS between tasks, and `onProgress` hears how many are done.
 */
export async function parseImportInSteps(text: string, fileName: string, onProgress: (done: number, total: number) => void): Promise<ImportParse> {
  const { pendingTldrs, ...parse } = parseFile(text, fileName);
  let done = 0;
  while (done < pendingTldrs.length) {
    onProgress(done, pendingTldrs.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const until = performance.now() + STEP_MS;
    do pickPendingTldr(pendingTldrs[done++]!);
    while (done < pendingTldrs.length && performance.now() < until);
  }
  return parse;
}

/** parseImport's reading of the file, before the TL;DRs of its abstracts are picked. */
function parseFile(text: string, fileName?: string): ParsedFile {
  checkSize(text);
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (content.trim() === '') throw new ImportError('the file is empty');
  // Read as a list of ids, each of its lines would be rejected.
  if (/^\s*%0 /.test(content)) throw new ImportError("this is an EndNote file (.enw), which PaperLens does not read: export RIS from EndNote instead", 1);
  switch (detectFormat(content, fileName)) {
    case 'json':
      return { ...parseJsonImport(content), pendingTldrs: [] };
    case 'bibtex':
      return parseBibtexImport(unixNewlines(content));
    case 'ris':
      return parseRisImport(unixNewlines(content));
    case 'csv':
      return parseCsvImport(content, extensionOf(fileName));
    case 'ids':
      return { ...parseIdList(content), pendingTldrs: [] };
  }
}
