import { titleFromTex } from '../papers/latex';
import { ImportedItemSchema, type ImportRejection, type ImportedItem } from '../schema/reading-list';
import { abstractToSummarize, plainAbstract, type PendingTldr } from './abstract-import';
import { ImportError } from './errors';
import { normalizeArxivId } from '../papers/ids';
import { arxivIdAmong, arxivSubjectsNote, bareDoi, citeKeyOfOtherTool, isSubmissionDate, importRecords, keywordTags, personName, withNotes, withoutArxivSubjects, type ParsedFile } from './references';
import { noteText, singleLine } from './text';

/** One `TY  - …` to `ER  - ` record: each tag's values in order (tags repeat: AU, KW, N1). */
interface RisRecord {
  line: number;
  fields: Map<string, string[]>;
}

// A tag line: two characters, one or two spaces, a hyphen (Zotero and EndNote also accept leading spaces).
const TAG_LINE = /^\s*([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;
// Tags whose blank lines part paragraphs (Zotero's RIS translator keeps them in AB, N1, N2 and RN).
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['AB', 'N1', 'N2', 'RN']);
// Our export writes "> " before a note line that would read as a tag line (see ris.ts).
const ESCAPED_TAG_LINE = /^> (\s*[A-Z][A-Z0-9] {1,2}-)/;

/**
 * Reads RIS as Zotero and EndNote do: a record runs from TY to ER; a line that is not a tag line
 * continues the value before it. A record cut off by the next TY or the end of the file still counts.
 */
function parseRis(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  let last: { tag: string; values: string[] } | null = null;
  // Blank lines since the last text of a note or abstract: kept between its paragraphs, as Zotero keeps them.
  let blanks = 0;
  text.split('\n').forEach((raw, index) => {
    const tagLine = TAG_LINE.exec(raw);
    if (!tagLine) {
      // A continuation line (notes, abstracts); outside a record, text is ignored.
      if (!last) return;
      if (raw.trim() === '') {
        if (PARAGRAPH_TAGS.has(last.tag)) blanks++;
        return;
      }
      last.values[last.values.length - 1] += `${'\n'.repeat(blanks)}\n${raw.trimEnd().replace(ESCAPED_TAG_LINE, '$1')}`;
      blanks = 0;
      return;
    }
    blanks = 0;
    const [, tag = '', value = ''] = tagLine;
    if (tag === 'TY') {
      current = { line: index + 1, fields: new Map() };
      records.push(current);
    }
    if (tag === 'ER' || !current) {
      current = null;
      last = null;
      return;
    }
    const values = current.fields.get(tag) ?? [];
    values.push(value.trim());
    current.fields.set(tag, values);
    last = { tag, values };
  });
  return records;
}


// A note that is only an arXiv id ("arXiv:1706.03762 [cs]", as Zotero notes a preprint's own id).
const ID_NOTE = /^arxiv:\s*(\S+)(?:\s+\[[^\]]*\])?$/i;

/** Whether a note is only `arXiv:<id> [class]` for this record's own paper. */
function restatesId(note: string, id: string): boolean {
  const match = ID_NOTE.exec(note);
  return match !== null && normalizeArxivId(match[1]!) === id;
}

// Tags that may carry the arXiv id, most specific first: the URL, links, the DOI, the accession
// number (our export writes arXiv:<id> there), notes that are only an id, then publication names.
// (A reader's note that cites another paper names no id of this one.)
const REFERENCE_TAGS = ['UR', 'L1', 'L2', 'DO', 'AN', 'M1', 'N1', 'T2', 'JO', 'JF', 'PB'];
const BARE_ID_TAGS = new Set(['AN', 'M1']);
const JOURNAL_TAGS = ['JO', 'JF', 'T2', 'J2'];
const JOURNAL_REFERENCE = /^Journal reference: (.+)$/;

/** `leftOut` gets the values left out of an imported paper, and why. */
function recordToItem(record: RisRecord, leftOut: ImportRejection[], subjects: { entries: number }): ImportedItem | PendingTldr | ImportRejection {
  const all = (tag: string) => record.fields.get(tag) ?? [];
  const first = (tag: string) => all(tag).find((value) => value !== '');
  // Its TeX read (titleFromTex).
  const title = singleLine(titleFromTex(first('TI') ?? first('T1') ?? ''));
  const where = `the record at line ${record.line}${title ? ` ("${title.slice(0, 60)}")` : ''}`;
  // An accession number or a misc field may hold the bare id ("1706.03762", Mendeley and some EndNote styles).
  const referenceValues = (tag: string) => (tag === 'N1' ? all(tag).map(noteText).filter((note) => ID_NOTE.test(note)) : all(tag));
  const { id, candidate } = arxivIdAmong(REFERENCE_TAGS.flatMap((tag) => referenceValues(tag).map((text) => ({ text, bare: BARE_ID_TAGS.has(tag) }))));
  if (!id) return { line: record.line, reason: candidate ? `"${singleLine(candidate).slice(0, 80)}" is not a valid arXiv id or URL in ${where}` : `no arXiv id (UR, DO or a note) in ${where}` };

  const item: ImportedItem = { id, line: record.line };
  if (title !== '') item.title = title;
  const authors = [...all('AU'), ...all('A1')].map(personName).filter((name) => name !== '');
  if (authors.length > 0) item.authors = authors;
  // One keyword per KW line (a ";" may be part of one); EndNote continues a KW on the next lines.
  const keywords = all('KW').flatMap((value) => value.split('\n'));
  const tags = withoutArxivSubjects(keywords, subjects);
  if (tags.length > 0) item.tags = keywordTags(tags, (reason) => leftOut.push({ line: record.line, reason: `${reason}: left out of ${where}` }));
  const notes: string[] = [];
  for (const value of all('N1').map(noteText)) {
    const journal = JOURNAL_REFERENCE.exec(value);
    if (journal) item.journalRef = singleLine(journal[1]!);
    // Zotero's automatic note restates this paper's id ("arXiv:1706.03762 [cs]"): not the reader's.
    else if (value !== '' && !restatesId(value, id) && !notes.includes(value)) notes.push(value);
  }
  if (notes.length > 0) item.notes = notes.join('\n\n');
  const doi = bareDoi(first('DO') ?? '');
  if (doi) item.doi = doi;
  const journal = JOURNAL_TAGS.map(first).find((value) => value !== undefined && !/arxiv|^corr$/i.test(value));
  if (journal !== undefined && item.journalRef === undefined) item.journalRef = singleLine(journal);
  // "2017/06/12/" (the RIS form) or "2017-06-12", in whichever date tag has a whole one (DA may hold only the year).
  const date = [...all('DA'), ...all('Y1'), ...all('PY')].map((value) => /^(\d{4})[/-](\d{2})[/-](\d{2})/.exec(value)).find((match) => match !== null);
  if (date && isSubmissionDate(`${date[1]}-${date[2]}-${date[3]}`, id)) item.published = `${date[1]}-${date[2]}-${date[3]}`;
  // Our export's and JabRef's citation key; another tool's record id there is none.
  const citeKey = citeKeyOfOtherTool(first('ID'));
  if (citeKey !== undefined) item.citeKey = citeKey;
  const pdf = first('L1');
  if (pdf && /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/pdf\//i.test(pdf)) item.pdfUrl = pdf;
  // AB (Zotero, Mendeley), N2 (EndNote's older tag for it).
  const abstract = abstractToSummarize(item, first('AB') ?? first('N2'), plainAbstract, leftOut, where);
  const checked = ImportedItemSchema.safeParse(item);
  if (checked.success) return abstract ? { item: checked.data, ...abstract } : checked.data;
  const issue = checked.error.issues[0];
  return { line: record.line, reason: `${where} (${id}): ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** Papers of a RIS file (Zotero, EndNote, Mendeley, our export): records naming an arXiv id; others are reported. */
export function parseRisImport(text: string): ParsedFile {
  const records = parseRis(text);
  if (records.length === 0) throw new ImportError('no RIS records found: the file has no "TY  - " line');
  const subjects = { entries: 0 };
  const imported = importRecords(records, (record, leftOut) => recordToItem(record, leftOut, subjects));
  return { format: 'ris', ...imported, ...withNotes(imported.leftOut, arxivSubjectsNote(subjects)) };
}
