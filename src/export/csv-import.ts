import { titleFromTex } from '../papers/latex';
import { arxivIdFromReference } from '../papers/ids';
import { ImportedItemSchema, UnidentifiedEntrySchema, type ImportRejection, type ImportedItem, type UnidentifiedEntry } from '../schema/reading-list';
import { isKeepableCiteKey, ReadingStatusSchema, type ReadingStatus } from '../schema/papers';
import { abstractToSummarize, plainAbstract, type PendingTldr } from './abstract-import';
import { ImportError } from './errors';
import { arxivIdAmong, bareDoi, citeKeyOfOtherTool, isSubmissionDate, importRecords, issueText, keywordTags, personName, withNotes, type ParsedFile } from './references';
import { noteText, singleLine } from './text';
import { ET_AL, isEtAl } from '../papers/names';
import { CSV_COLUMNS, CSV_COLUMNS_BEFORE_CITE_KEYS, splitListCell } from './csv';

/** One CSV record: its cells and the line it starts on (a quoted cell may span lines). */
interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records: a quoted cell may hold the delimiter, `""` for a quote and line breaks (kept
 * as written). Rows with only empty cells are skipped.
 */
function parseCsvRows(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStart = true;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    cellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    let char = text[i]!;
    // A row ends at CRLF, LF or CR; inside quotes, line breaks are kept as written.
    if (char === '\r' && !quoted) {
      if (text[i + 1] === '\n') i++;
      char = '\n';
    }
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && cellStart) {
      quoted = true;
      quoteLine = line;
      cellStart = false;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      cellStart = true;
    } else if (char === '\n') {
      endRow();
      rowLine = line;
    } else {
      cell += char;
      cellStart = false;
    }
  }
  if (quoted) throw new ImportError(`line ${quoteLine}: a quoted cell is never closed (a '"' is missing)`, quoteLine);
  endRow();
  return rows;
}

/** A header cell as a key: `Date Added` → `date_added`, `arXiv ID` → `arxiv_id`. */
const columnKey = (header: string): string => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

// Where the paper's arXiv id may be, most specific first: our export's `id`, other tools' columns
// (Zotero: Url, DOI, Extra holding "arXiv: <id>").
// A spreadsheet's "Paper" column holds the paper's title or its link: last, and read for an id only.
const ID_COLUMNS = ['id', 'arxiv_id', 'arxiv', 'eprint', 'paper_id', 'url', 'link', 'source_url', 'pdf_url', 'doi', 'extra', 'paper'];
// Columns that name a paper: by its id, else by its title (found among the reading list's and the store's).
const NAMING_COLUMNS = [...ID_COLUMNS, 'title', 'paper_title'];
// Columns that may name an arXiv paper, or hold something else (another DOI, a title).
const NAMES_PAPER_IN_PASSING = ['doi', 'extra', 'paper', 'title', 'paper_title'];
// Our export's columns and Zotero's names for the same thing.
const FIELD_COLUMNS = {
  title: ['title', 'paper_title', 'paper'],
  authors: ['authors', 'author'],
  status: ['status'],
  tags: ['tags', 'manual_tags', 'keywords'],
  // A spreadsheet's own names for the reader's notes (QA: "Note" was dropped). Not "Comments":
  // arXiv's metadata has a column of the authors' comments ("10 pages, accepted at …").
  notes: ['notes', 'note', 'my_notes', 'personal_notes', 'annotation', 'annotations'],
  tldr: ['tldr'],
  // Zotero's "Abstract Note", a spreadsheet's "Abstract": its TL;DR when there is no TL;DR column.
  abstract: ['abstract', 'abstract_note'],
  addedAt: ['added_at', 'date_added'],
  updatedAt: ['updated_at', 'date_modified'],
  readAt: ['read_at'],
  published: ['published', 'date'],
  primaryCategory: ['primary_category'],
  doi: ['doi'],
  journalRef: ['journal_ref', 'publication_title'],
  // (Not Zotero's Key column: the item's own id there, ABCD1234.)
  citeKey: ['cite_key', 'citation_key', 'citekey', 'bibtex_key'],
} as const;
type Field = keyof typeof FIELD_COLUMNS;

/** Excel's first line naming the delimiter (`sep=;`), which it reads but does not show. */
const SEPARATOR_LINE = /^sep=([,;\t])$/i;

/**
 * Whether a file's first line opens a CSV of papers: Excel's `sep=` line, or a header with a
 * column naming the paper (by id or title) and another we know.
 */
export function looksLikeCsvStart(firstLine: string): boolean {
  if (SEPARATOR_LINE.test(firstLine)) return true;
  const keys = firstLine.split(/[,\t;]/).map((cell) => columnKey(cell.replace(/"/g, '')));
  const known = new Set<string>(Object.values(FIELD_COLUMNS).flat());
  const naming = keys.filter((key) => NAMING_COLUMNS.includes(key));
  // Another column than the one naming the paper (a title names it, and describes it).
  return keys.length >= 2 && keys.some((key) => known.has(key) && !ID_COLUMNS.includes(key) && naming.some((other) => other !== key));
}


/**
 * The delimiter a file uses: tab for .tsv, else the one under which its header names the paper
 * (Excel writes ";" in some locales; a column's name may hold a comma: "Authors (last, first)").
 */
function delimiterOf(header: string, extension: string | undefined): string {
  if (extension === 'tsv') return '\t';
  const namesPaper = (delimiter: string) => {
    try {
      return parseCsvRows(header, delimiter)[0]?.cells.some((cell) => NAMING_COLUMNS.includes(columnKey(cell))) === true;
    } catch {
      return false; // A quoted header cell that goes on to the next line: the whole file's parse says where.
    }
  };
  return [',', '\t', ';'].find(namesPaper) ?? ',';
}

/** Our export guards a cell a spreadsheet would run as a formula with a leading apostrophe (csvField): undone. */
const unguarded = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** `2024-07-31T09:15:00.000Z` (our export) or `2024-07-31 09:15:00` (Zotero, UTC) in ms; null when it is neither. */
function timestamp(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : ms;
}

/** Authors or tags in one cell: "; " between them (our export and Zotero's). */
const splitList = (value: string, ours: boolean, separators: RegExp = /;/): string[] =>
  (ours ? splitListCell(value) : value.split(separators).map((part) => part.trim())).filter((part) => part.trim() !== '');

/**
 * A tags cell's tags: Zotero's Manual Tags ("Learning, Deep; to cite") and a cell with a ";" have
 * "; " between them; a spreadsheet's other cells are written as the reading list's tag fields read
 * tags ("nlp, classic").
 */
function tagsOf(cell: { key: string; value: string } | null, ours: boolean): string[] {
  if (!cell) return [];
  const commas = !ours && cell.key !== 'manual_tags' && !cell.value.includes(';');
  return splitList(cell.value, ours, commas ? /,/ : /;/);
}

// The statuses a spreadsheet or another reading list may name otherwise ("done", "to do").
const STATUS_NAMES: Readonly<Record<string, ReadingStatus>> = {
  unread: 'to-read',
  todo: 'to-read',
  'to-do': 'to-read',
  'want-to-read': 'to-read',
  'in-progress': 'reading',
  started: 'reading',
  'currently-reading': 'reading',
  done: 'read',
  finished: 'read',
  completed: 'read',
};

/** The reading status a cell names ("To read", "to_read", "done"), or null. */
function statusNamed(cell: string): ReadingStatus | null {
  const name = cell.toLowerCase().replace(/[\s_]+/g, '-');
  const parsed = ReadingStatusSchema.safeParse(name);
  return parsed.success ? parsed.data : (STATUS_NAMES[name] ?? null);
}

/** How a file's cells are read: our own export writes names as they are, other tools "Last, First". */
interface CsvDialect {
  /** Each column key's cells, left to right (a header may name a column twice). */
  columns: Map<string, number[]>;
  ours: boolean;
}

/**
 * `leftOut` gets the values left out of an imported paper, and why. A row naming no arXiv id but a
 * title is one to import by its title (a spreadsheet of titles and authors).
 */
function rowToItem(row: CsvRow, { columns, ours }: CsvDialect, leftOut: ImportRejection[]): ImportedItem | PendingTldr | UnidentifiedEntry | ImportRejection {
  // The first of the key's cells with something in it; only our export's cells carry its formula guard.
  const cellOf = (key: string): string => {
    const cells = (columns.get(key) ?? []).map((index) => row.cells[index] ?? '');
    const cell = cells.find((value) => value.trim() !== '') ?? cells[0] ?? '';
    return ours ? unguarded(cell) : cell;
  };
  // The first of a field's columns with something in it, as written (notes keep their line breaks;
  // a note of only line breaks is one too).
  const field = (name: Field, blankCounts = false): { key: string; value: string } | null => {
    for (const key of FIELD_COLUMNS[name]) {
      const value = cellOf(key);
      if (blankCounts ? value !== '' : value.trim() !== '') return { key, value };
    }
    return null;
  };
  // Another tool's title on one line, its TeX read (titleFromTex); ours as exported. Not a title
  // cell that is the paper's link or id (one naming its id in passing, "… (arXiv:1706.03762)", is a title).
  const titled = field('title');
  const written = titled && !/^\s*https?:\/\/\S*\s*$/i.test(titled.value) && arxivIdFromReference(titled.value) === null ? titled.value : '';
  const title = ours ? written.trim() : singleLine(titleFromTex(written)).trim();
  const where = `the row at line ${row.line}${title ? ` ("${singleLine(title).slice(0, 60)}")` : ''}`;
  // Any column may hold the id alone (a title column too); a DOI, Extra or title that names no arXiv
  // paper is not what was wrong.
  const sources = NAMING_COLUMNS.map((key) => ({ text: cellOf(key).trim(), bare: true, namesPaper: !NAMES_PAPER_IN_PASSING.includes(key) }));
  const { id, candidate, arxivLike } = arxivIdAmong(sources.filter((source) => source.text !== ''));
  const noId = candidate ? `"${singleLine(candidate).slice(0, 80)}" is not a valid arXiv id or URL in ${where}` : `no arXiv id (id, URL, DOI or Extra column) in ${where}`;
  // Another site's link beside a title (OpenReview, ACL Anthology) is no arXiv id written wrong: the
  // paper is found by its title, as a BibTeX entry's with such a url is.
  if (!id && (title === '' || arxivLike)) return { line: row.line, reason: noId };

  const item: Omit<ImportedItem, 'id'> = { line: row.line };
  if (title !== '') item.title = title;
  const authors = splitList(field('authors')?.value ?? '', ours).map((name) => (ours ? name : personName(name))).filter((name) => name !== '');
  // A list cut short ("…; et al", "…; et. al.") ends in the store's one marker.
  if (authors.length > 1 && isEtAl(authors[authors.length - 1]!)) authors[authors.length - 1] = ET_AL;
  if (authors.length > 0) item.authors = authors;
  const status = field('status')?.value.trim();
  if (status !== undefined && status !== '') {
    // As the list names them too ("To read"), or as a spreadsheet may ("to_read", "done").
    const named = statusNamed(status);
    // A status of its own ("skimmed") loses the paper nothing else: it is left out, and said.
    if (named) item.status = named;
    else leftOut.push({ line: row.line, reason: `status "${singleLine(status).slice(0, 40)}" is not one of to-read, reading, read: left out of ${where}` });
  }
  // In our own export, edited in a spreadsheet, a cell left empty says the paper has none (one
  // cleared there): the import keeps the list's all the same, and its preview says so.
  const clearable = (name: Field) => ours && FIELD_COLUMNS[name].some((key) => columns.has(key));
  const tags = tagsOf(field('tags'), ours);
  if (tags.length > 0 || clearable('tags')) item.tags = keywordTags(tags, (reason) => leftOut.push({ line: row.line, reason: `${reason}: left out of ${where}` }));
  // Every notes column's (a sheet may have "Notes" and "Note"): one would be lost without a word (review).
  const noteCells = FIELD_COLUMNS.notes.map(cellOf).filter((value) => value !== '');
  const notes = noteCells.length > 0 ? noteCells.join('\n\n') : undefined;
  // Zotero's Notes column holds its notes' HTML; ours holds the text as typed (a "<b>" in it is text).
  if (notes !== undefined) item.notes = ours ? notes : noteText(notes);
  else if (clearable('notes')) item.notes = '';
  const tldr = field('tldr', true)?.value;
  if (tldr !== undefined) item.tldr = tldr;
  // A spreadsheet rewrites times in its locale's form ("7/31/2024 9:15"), which cannot be read
  // for sure: such a time is left out (and said) rather than the paper and the edits made to it.
  // A listed paper keeps its own times; a new one is added now.
  for (const name of ['addedAt', 'updatedAt', 'readAt'] as const) {
    const cell = field(name);
    if (cell === null) continue;
    const at = timestamp(cell.value.trim());
    if (at !== null) item[name] = at;
    else leftOut.push({ line: row.line, reason: `${cell.key} "${singleLine(cell.value).slice(0, 40)}" is not a time we can read for sure (like 2024-07-31T09:15:00Z): left out of ${where}` });
  }
  const category = field('primaryCategory')?.value;
  if (category !== undefined) item.primaryCategory = category.trim();
  for (const [name, key] of [['pdfUrl', 'pdf_url'], ['sourceUrl', 'source_url']] as const) {
    const url = cellOf(key).trim();
    if (/^https?:\/\//i.test(url)) item[name] = url;
  }
  const doi = bareDoi(field('doi')?.value ?? '');
  if (doi) item.doi = doi;
  const journal = field('journalRef');
  // Zotero names a preprint's "publication" arXiv: not a journal.
  if (journal && !(journal.key === 'publication_title' && /arxiv|^corr$/i.test(journal.value))) item.journalRef = singleLine(journal.value);
  // Our export's keys are the store's; another tool's column may hold record ids (review).
  const citeKey = field('citeKey')?.value.trim();
  const keptKey = ours ? (isKeepableCiteKey(citeKey) ? citeKey : undefined) : citeKeyOfOtherTool(citeKey);
  if (keptKey !== undefined) item.citeKey = keptKey;
  else if (citeKey !== undefined) leftOut.push({ line: row.line, reason: `cite key "${singleLine(citeKey).slice(0, 40)}" is not a citation key BibTeX reads: left out of ${where}` });
  const published = field('published');
  const day = /^\d{4}-\d{2}-\d{2}/.exec(published?.value.trim() ?? '')?.[0];
  // Another tool's date may be the latest version's: only a submission date is kept (see isSubmissionDate).
  if (day && (published?.key === 'published' || (id && isSubmissionDate(day, id)))) item.published = day;
  if (!id) {
    // Its abstract is not summarised: the paper its title names has its own TL;DR.
    const unidentified = UnidentifiedEntrySchema.safeParse({ item: { ...item, title }, noId });
    return unidentified.success ? unidentified.data : { line: row.line, reason: `${where}: ${issueText(unidentified.error.issues[0])}` };
  }
  const identified: ImportedItem = { ...item, id };
  const abstract = abstractToSummarize(identified, field('abstract')?.value, plainAbstract, leftOut, where);
  const checked = ImportedItemSchema.safeParse(identified);
  if (checked.success) return abstract ? { item: checked.data, ...abstract } : checked.data;
  return { line: row.line, reason: `${where} (${id}): ${issueText(checked.error.issues[0])}` };
}

/**
 * Papers of a CSV (or tab-separated) file with a header row: our CSV export, Zotero's, or a
 * spreadsheet with an id, URL, DOI or title column. Rows that name no arXiv paper are reported.
 */
export function parseCsvImport(text: string, extension?: string): ParsedFile {
  const [firstLine = ''] = text.split(/\r\n|\r|\n/, 1);
  const separator = SEPARATOR_LINE.exec(firstLine)?.[1];
  const parsed = parseCsvRows(text, separator ?? delimiterOf(firstLine, extension));
  const [head, ...rows] = separator === undefined ? parsed : parsed.slice(1);
  const columns = new Map<string, number[]>();
  head?.cells.forEach((cell, index) => {
    const key = columnKey(cell);
    columns.set(key, [...(columns.get(key) ?? []), index]);
  });
  const header = head?.cells.join(',');
  const ours = header === CSV_COLUMNS.join(',') || header === CSV_COLUMNS_BEFORE_CITE_KEYS.join(',');
  if (!NAMING_COLUMNS.some((key) => columns.has(key))) {
    const found = head?.cells.map((cell) => `"${singleLine(cell).slice(0, 30)}"`).join(', ') ?? 'none';
    throw new ImportError(`line 1: the header names no column that identifies the paper (id, arXiv ID, URL, DOI, Extra or Title); its columns are ${found}`, 1);
  }
  if (rows.length === 0) throw new ImportError('the file has a header row but no papers');
  const records = importRecords(rows, (row, leftOut) => rowToItem(row, { columns, ours }, leftOut));
  const unread = head && !ours && !isZoteroExport(columns) ? unreadColumns(head, rows) : [];
  return { format: 'csv', ...records, ...withNotes(records.leftOut, unread) };
}

const READ_COLUMNS: ReadonlySet<string> = new Set([...Object.values(FIELD_COLUMNS).flat(), ...NAMING_COLUMNS]);

/** Zotero's export: dozens of columns a reading list has no use for (pages, ISBN, …), none of them the reader's. */
const isZoteroExport = (columns: ReadonlyMap<string, number[]>): boolean => columns.has('key') && columns.has('item_type');

/**
 * A spreadsheet's columns with something in them that no field is read from, each said once (QA:
 * a "Comments" column of the reader's was dropped without a word).
 */
function unreadColumns(head: CsvRow, rows: readonly CsvRow[]): ImportRejection[] {
  return head.cells.flatMap((cell, index) => {
    if (READ_COLUMNS.has(columnKey(cell)) || !rows.some((row) => (row.cells[index] ?? '').trim() !== '')) return [];
    return [{ line: head.line, reason: `column "${singleLine(cell).slice(0, 40)}" is not one PaperLens imports: left out of every row (a column of notes is read when named Notes or Note)` }];
  });
}
