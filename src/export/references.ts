/** What reference managers' files say about an arXiv paper, read alike for every import format. */
import { arxivIdFromReference, arxivIdFromUrl, normalizeArxivId } from '../papers/ids';
import { MAX_TAG_LENGTH, MAX_TAGS, uniqueTags, type ImportParse, type ImportRejection, type ImportedItem, type UnidentifiedEntry } from '../schema/reading-list';
import { singleLine } from './text';
import { isKeepableCiteKey } from '../schema/papers';
import { filedName } from '../papers/names';
import type { PendingTldr } from './abstract-import';

const ARXIV_URL = /(?:https?:\/\/)?(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co)\/[^\s{}"\\]+/gi;
// "arXiv:2310.01779", the arXiv DOI "10.48550/arXiv.2310.01779", and Google Scholar's "arXiv preprint math/0506384".
const ARXIV_REFERENCE = /arxiv(?:\s+(?:preprint|e-?prints?))?\s*[:.]?\s*((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?)(?!\d)/gi;

/**
 * An arXiv id written anywhere in free text: an arXiv or Hugging Face URL, `arXiv:<id>` or the
 * arXiv DOI; else the first thing that looked like one (`candidate`), to say what was wrong.
 */
function findArxivId(text: string): { id: string | null; candidate: string | null } {
  let candidate: string | null = null;
  for (const match of text.matchAll(ARXIV_URL)) {
    // (The lookbehind tries the trailing run once, not from each of its characters.)
    const url = match[0].replace(/(?<![.,;:)\]])[.,;:)\]]+$/, '');
    const id = arxivIdFromUrl(/^https?:/i.test(url) ? url : `https://${url}`);
    if (id) return { id, candidate: url };
    candidate ??= url;
  }
  for (const match of text.matchAll(ARXIV_REFERENCE)) {
    const id = normalizeArxivId(match[1]!);
    if (id) return { id, candidate: match[0] };
    candidate ??= match[0];
  }
  return { id: null, candidate };
}

/** A field of an import file that may name the paper. */
export interface IdSource {
  text: string;
  /** It may hold the id alone ("1706.03762"), not only as a URL or "arXiv:<id>". */
  bare?: boolean;
  /** It is meant to name the paper (an id or URL column): if it names none, it is what was wrong. */
  namesPaper?: boolean;
}

/**
 * The arXiv id the first of `sources` (most specific first) that names one gives; else the first
 * thing that looked like one (`candidate`), to say what was wrong: an arXiv id or URL written wrong
 * (`arxivLike`), or what a column meant to name the paper holds instead (another site's link).
 */
export function arxivIdAmong(sources: Iterable<IdSource>): { id: string | null; candidate: string | null; arxivLike: boolean } {
  let candidate: string | null = null;
  let arxivLike = false;
  for (const { text, bare = false, namesPaper = false } of sources) {
    const found = findArxivId(text);
    const id = found.id ?? (bare ? arxivIdFromReference(text) : null);
    if (id) return { id, candidate, arxivLike };
    if (candidate === null) {
      candidate = found.candidate ?? (namesPaper ? text : null);
      arxivLike = found.candidate !== null;
    }
  }
  return { id: null, candidate, arxivLike };
}

/** A Zod issue as an import's rejection says it: where in the record, and what. */
export function issueText(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
}

/**
 * A DOI as the reading list keeps it: without a resolver ("https://doi.org/", "doi:"); null for
 * arXiv's own DOI (10.48550/arXiv.<id>), which only restates the id.
 */
export function bareDoi(value: string): string | null {
  let doi = value.trim();
  // "DOI: https://doi.org/10.…" takes two passes.
  for (let before = ''; before !== doi; ) {
    before = doi;
    doi = doi.replace(/^(?:doi:\s*|(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\/)/i, '').trim();
  }
  // A resolver URL may percent-encode the DOI ("10.1002%2F…").
  if (/%[0-9a-f]{2}/i.test(doi)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // Not valid percent-encoding: kept as written.
    }
  }
  return doi === '' || /^10\.48550\//i.test(doi) ? null : doi;
}

/** The month an arXiv id was given in and the month before, as YYMM (`2301.00001` → 2301, 2212). */
function idMonths(id: string): string[] {
  const yymm = id.includes('/') ? id.slice(id.indexOf('/') + 1, id.indexOf('/') + 5) : id.slice(0, 4);
  const year = Number(yymm.slice(0, 2));
  const month = Number(yymm.slice(2));
  const before = month === 1 ? `${String((year + 99) % 100).padStart(2, '0')}12` : `${yymm.slice(0, 2)}${String(month - 1).padStart(2, '0')}`;
  return [yymm, before];
}

/**
 * Whether a YYYY-MM-DD date can be the paper's arXiv submission date (what `published` holds):
 * reference managers often write the latest version's date instead, so a date outside the month
 * the id was given in (or the month before: an id is given when the paper is announced) is not it.
 */
export function isSubmissionDate(date: string, id: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && idMonths(id).includes(date.slice(2, 4) + date.slice(5, 7));
}

// arXiv's subjects as Zotero adds them to an arXiv paper's keywords ("Computer Science -
// Computation and Language"): a library's filled the tag filter with a score of them (QA).
const ARXIV_SUBJECT = /^(?:Computer Science|Statistics|Mathematics|Physics|Electrical Engineering and Systems Science|Quantitative Biology|Quantitative Finance|Economics|Condensed Matter|High Energy Physics|Astrophysics|Nonlinear Sciences) - \p{Lu}/u;

/** A file's keywords without arXiv's subjects among them; `found` counts the entries that had some. */
export function withoutArxivSubjects(keywords: readonly string[], found: { entries: number }): string[] {
  const kept = keywords.filter((keyword) => !ARXIV_SUBJECT.test(singleLine(keyword)));
  if (kept.length < keywords.length) found.entries++;
  return kept;
}

/** What the preview says of the arXiv subjects a file's keywords had, once for the file (at its first line). */
export function arxivSubjectsNote(found: { entries: number }): ImportRejection[] {
  if (found.entries === 0) return [];
  const entries = `${found.entries.toLocaleString('en')} ${found.entries === 1 ? 'entry' : 'entries'}`;
  return [{ line: 1, reason: `arXiv's subjects among the keywords of ${entries} ("Computer Science - …", as Zotero adds them) are not taken as tags` }];
}

/** A parse's left-out notes with the file's own first (an empty list is none). */
export function withNotes(leftOut: readonly ImportRejection[] | undefined, fileNotes: readonly ImportRejection[]): { leftOut?: ImportRejection[] } {
  const all = [...fileNotes, ...(leftOut ?? [])];
  return all.length > 0 ? { leftOut: all } : {};
}

/**
 * Keywords as tags. Keywords are the other tool's, not tags typed here: one longer than a tag may
 * be is shortened (with "…") and those past the most a paper may have are left out, rather than the
 * whole paper being refused for them; `leftOut` is told how many, to say so in the preview.
 */
export function keywordTags(keywords: readonly string[], leftOut?: (reason: string) => void): string[] {
  const tags = uniqueTags(
    keywords
      .map(singleLine)
      .filter((tag) => tag !== '')
      .map((tag) => (tag.length > MAX_TAG_LENGTH ? `${tag.slice(0, MAX_TAG_LENGTH - 1).trimEnd()}…` : tag)),
  );
  const past = tags.length - MAX_TAGS;
  if (past > 0) leftOut?.(`${past.toLocaleString('en')} ${past === 1 ? 'keyword' : 'keywords'} past the ${MAX_TAGS} tags a paper keeps`);
  return tags.slice(0, MAX_TAGS);
}

/** A file read for import, with the abstracts whose TL;DR is still to be picked (see parseImportInSteps). */
export type ParsedFile = ImportParse & { pendingTldrs: PendingTldr[] };

// What other tools write where a citation key could be, and is not one: a record number, a GUID,
// an accession number ("WOS:000455291400001", "citeulike:14259453", "arXiv:1706.03762"), a DOI.
const RECORD_ID = /^(?:[^A-Za-z].*|[A-Za-z]+:[\d.]+(?:v\d+)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|.*\/.*)$/i;

/**
 * A citation key as another tool's file gives it (a CSV's Citation Key column, a RIS record's ID),
 * or undefined for a record's id there: RIS's ID is the record's id in most tools (Zotero ignores
 * it; JabRef writes its BibTeX key), and a key once kept never changes (review).
 */
export function citeKeyOfOtherTool(value: string | undefined): string | undefined {
  return isKeepableCiteKey(value) && !RECORD_ID.test(value) ? value : undefined;
}

/** What a reference manager's records give. */
export type ParsedRecords = Pick<ParsedFile, 'items' | 'rejected' | 'leftOut' | 'pendingTldrs' | 'unidentified'>;

/**
 * Each record of a file as an imported paper (with its abstract, when one is to be summarised), an
 * entry to import by its title, or why it is not one; `leftOut` gathers what the imported papers
 * left out of themselves (shown in the preview), not that of rejected ones.
 */
export function importRecords<R>(
  records: readonly R[],
  toItem: (record: R, leftOut: ImportRejection[]) => ImportedItem | PendingTldr | UnidentifiedEntry | ImportRejection,
): ParsedRecords {
  const items: ImportedItem[] = [];
  const pendingTldrs: PendingTldr[] = [];
  const rejected: ImportRejection[] = [];
  const leftOut: ImportRejection[] = [];
  const unidentified: UnidentifiedEntry[] = [];
  for (const record of records) {
    const found: ImportRejection[] = [];
    const result = toItem(record, found);
    if ('reason' in result) {
      rejected.push(result);
      continue;
    }
    if ('noId' in result) unidentified.push(result);
    else if ('raw' in result) {
      pendingTldrs.push(result);
      items.push(result.item);
    } else items.push(result);
    leftOut.push(...found);
  }
  return { items, rejected, ...(leftOut.length > 0 ? { leftOut } : {}), ...(unidentified.length > 0 ? { unidentified } : {}), pendingTldrs };
}

/** "Vaswani, Ashish" → "Ashish Vaswani"; "King, Martin Luther, Jr." → "Martin Luther King, Jr."; a name without a comma as it is. */
export function personName(value: string): string {
  const parts = value.split(',').map((part) => singleLine(part));
  return parts.length < 2 ? singleLine(value) : filedName(parts);
}
