import { idYearMonth, normalizeArxivId, normalizeTitle } from './ids';
import { latexToText } from './latex';
import { summarize, SUMMARIZER_VERSION } from '../summarize';
import { PaperSchema, type Paper, type SeedAsset } from '../schema';
import { buildRelatedCorpus, relatedTo } from '../search/related';

/**
 * Compiles the raw Daily Papers captures in seeds/ into the bundled snapshot.
 *
 * A capture is the text of the Hugging Face Daily Papers page: page chrome lines, the snapshot
 * label ("Jul 30"), then for each paper a title line and an abstract line (blank lines between).
 * The label becomes the snapshot's day, "2025-07-30", as the feed's days are written: the page gives
 * no year, and without one an old snapshot's rank reads as today's.
 * Captures are named `NNN_<anything>.txt`; a higher NNN is a later capture. The id table
 * (`*.tsv`: arxiv_id, title, note) attaches each title's verified arXiv id.
 */

export interface SeedSourceFile {
  name: string;
  text: string;
}

export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SeedError';
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SNAPSHOT_LABEL = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{1,2})(?:, (\d{4}))?$/;
const CAPTURE_NAME = /^(\d+)_.*\.txt$/;

interface IdRow {
  id: string;
  title: string;
  line: number;
  file: string;
}

interface CapturedPaper {
  title: string;
  abstract: string;
  line: number;
}

interface Capture {
  file: string;
  order: number;
  /** The label line as written, and where. */
  label: string;
  labelLine: number;
  papers: CapturedPaper[];
}

/** An abstract is a paragraph: long, or several sentences. Titles are one short line. */
function isAbstractLine(line: string): boolean {
  return line.length > 300 || (line.match(/[.!?]\s+[A-Z]/g)?.length ?? 0) >= 2;
}

function parseIdTable(file: SeedSourceFile): IdRow[] {
  const rows: IdRow[] = [];
  const lines = file.text.split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (header[0] !== 'arxiv_id' || header[1] !== 'title') {
    throw new SeedError(file.name, 1, 'expected a header row "arxiv_id<TAB>title<TAB>note"');
  }
  lines.forEach((text, index) => {
    const line = index + 1;
    if (index === 0 || text.trim() === '') return;
    const [rawId = '', title = ''] = text.split('\t');
    if (title.trim() === '') throw new SeedError(file.name, line, 'id row has no title column');
    const id = normalizeArxivId(rawId);
    if (id === null || id !== rawId.trim()) {
      throw new SeedError(file.name, line, `"${rawId}" is not a valid arXiv id (expected e.g. 2310.01779 or hep-th/9901001, without version)`);
    }
    rows.push({ id, title: title.trim(), line, file: file.name });
  });
  return rows;
}

export function parseCapture(file: SeedSourceFile): Capture {
  const order = Number(CAPTURE_NAME.exec(file.name.split('/').pop() ?? '')?.[1]);
  if (!Number.isFinite(order)) {
    throw new SeedError(file.name, 1, 'capture files are named NNN_<name>.txt (NNN orders captures, higher is later)');
  }
  const lines = file.text.split(/\r?\n/);
  const labelIndex = lines.findIndex((line) => SNAPSHOT_LABEL.test(line.trim()));
  if (labelIndex < 0) {
    throw new SeedError(file.name, 1, 'no snapshot label line (e.g. "Jul 30") after the page chrome');
  }
  const papers: CapturedPaper[] = [];
  let pendingTitle: { text: string; line: number } | null = null;
  for (let index = labelIndex + 1; index < lines.length; index++) {
    const text = lines[index]!.trim();
    if (text === '') continue;
    const line = index + 1;
    if (isAbstractLine(text)) {
      if (!pendingTitle) throw new SeedError(file.name, line, 'abstract with no title line before it');
      papers.push({ title: pendingTitle.text, abstract: text, line: pendingTitle.line });
      pendingTitle = null;
    } else {
      if (pendingTitle) throw new SeedError(file.name, pendingTitle.line, `title "${pendingTitle.text}" has no abstract`);
      pendingTitle = { text, line };
    }
  }
  if (pendingTitle) throw new SeedError(file.name, pendingTitle.line, `title "${pendingTitle.text}" has no abstract`);
  if (papers.length === 0) throw new SeedError(file.name, labelIndex + 1, 'capture holds no papers');
  return { file: file.name, order, label: lines[labelIndex]!.trim(), labelLine: labelIndex + 1, papers };
}

/**
 * The capture's day as YYYY-MM-DD. A label without a year ("Jul 30") takes it from the newest
 * paper listed: a list is no older than its newest paper, so it is of that paper's year, or of the
 * next when the label's month comes before the paper's (a "Jan 2" list of December papers).
 */
function snapshotDay(capture: Capture, ids: readonly string[]): string {
  const [, monthName = '', day = '', writtenYear] = SNAPSHOT_LABEL.exec(capture.label) ?? [];
  const month = MONTHS.indexOf(monthName) + 1;
  let year = Number(writtenYear);
  if (!writtenYear) {
    // (Every id of the table is valid: parseIdTable checked it.)
    const newest = ids.map((id) => idYearMonth(id)!).reduce((a, b) => (b.year * 12 + b.month > a.year * 12 + a.month ? b : a));
    year = newest.year + (month < newest.month ? 1 : 0);
  }
  const date = new Date(Date.UTC(year, month - 1, Number(day)));
  if (date.getUTCDate() !== Number(day)) throw new SeedError(capture.file, capture.labelLine, `snapshot label "${capture.label}" is not a day of ${year}`);
  return date.toISOString().slice(0, 10);
}

/**
 * The id table by title. An id may have several titles (a paper retitled on arXiv between two
 * captures); one capture listing two papers under one id is caught when captures are read.
 */
function buildIdIndex(tables: SeedSourceFile[]): Map<string, IdRow> {
  const byTitle = new Map<string, IdRow>();
  for (const table of tables) {
    for (const row of parseIdTable(table)) {
      const sameTitle = byTitle.get(row.title);
      if (sameTitle) throw new SeedError(row.file, row.line, `duplicate title (first at ${sameTitle.file}:${sameTitle.line})`);
      byTitle.set(row.title, row);
    }
  }
  return byTitle;
}

function toPaper(captured: CapturedPaper, id: string, rank: number, capture: Capture, day: string): Paper {
  const title = latexToText(captured.title);
  const abstract = latexToText(captured.abstract);
  const summary = summarize(title, abstract);
  const parsed = PaperSchema.safeParse({
    id,
    title,
    normTitle: normalizeTitle(title),
    abstract,
    authors: [],
    rank,
    snapshot: day,
    source: 'seed',
    summary: { version: SUMMARIZER_VERSION, ...summary },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SeedError(capture.file, captured.line, `invalid paper record: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * All captures merged, newest capture first, each paper once (from the newest capture holding
 * it, with its rank there). Throws SeedError with file:line for any malformed input.
 */
export function compileSeeds(files: SeedSourceFile[], version: (papers: Paper[]) => string): SeedAsset {
  const tables = files.filter((file) => file.name.endsWith('.tsv'));
  const captureFiles = files.filter((file) => file.name.endsWith('.txt'));
  if (tables.length === 0) throw new SeedError('seeds/', 0, 'no id table (*.tsv) in seeds/');
  if (captureFiles.length === 0) throw new SeedError('seeds/', 0, 'no capture (NNN_*.txt) in seeds/');

  const idsByTitle = buildIdIndex(tables);
  const captures = captureFiles.map(parseCapture).sort((a, b) => b.order - a.order);
  // Which of two captures with one number is the later one would be a guess.
  captures.forEach((capture, index) => {
    const before = captures[index - 1];
    if (before?.order === capture.order) throw new SeedError(capture.file, 1, `capture number ${String(capture.order).padStart(3, '0')} is also ${before.file}'s: number captures in the order they were taken`);
  });
  const usedTitles = new Set<string>();
  const seen = new Set<string>();
  const papers: Paper[] = [];
  const days: string[] = [];
  for (const capture of captures) {
    const listed = new Map<string, CapturedPaper>();
    const rows = capture.papers.map((captured) => {
      const row = idsByTitle.get(captured.title);
      if (!row) throw new SeedError(capture.file, captured.line, `title "${captured.title}" is missing from the id table`);
      const sameId = listed.get(row.id);
      if (sameId) {
        throw new SeedError(capture.file, captured.line, `"${captured.title}" has the id ${row.id} of "${sameId.title}" (line ${sameId.line}): one id for two papers of a capture`);
      }
      listed.set(row.id, captured);
      usedTitles.add(row.title);
      return row;
    });
    const day = snapshotDay(capture, rows.map((row) => row.id));
    days.push(day);
    capture.papers.forEach((captured, index) => {
      const { id } = rows[index]!;
      if (seen.has(id)) return;
      seen.add(id);
      papers.push(toPaper(captured, id, index + 1, capture, day));
    });
  }
  for (const row of idsByTitle.values()) {
    if (!usedTitles.has(row.title)) {
      throw new SeedError(row.file, row.line, `id ${row.id}: title "${row.title}" is in no capture`);
    }
  }
  // Related papers are precomputed for the bundled snapshot; later papers get theirs on arrival.
  const corpus = buildRelatedCorpus(papers);
  for (const paper of papers) paper.related = relatedTo(corpus, paper);
  return {
    format: 1,
    version: version(papers),
    snapshots: captures.map((capture, index) => ({ label: days[index]!, file: capture.file, papers: capture.papers.length })),
    papers,
  };
}
