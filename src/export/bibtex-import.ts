import { arxivIdFromReference, normalizeArxivId } from '../papers/ids';
import { latexToText } from '../papers/latex';
import { ET_AL, givenThenFamily, isEtAl } from '../papers/names';
import { ImportedItemSchema, UnidentifiedEntrySchema, type ImportRejection, type ImportedItem, type UnidentifiedEntry } from '../schema/reading-list';
import { arxivIdAmong, arxivSubjectsNote, bareDoi, isSubmissionDate, importRecords, issueText, keywordTags, withNotes, withoutArxivSubjects, type ParsedFile } from './references';
import { LATEX_MATH, LATEX_SCRIPTS } from './bibtex';
import { abstractToSummarize, type PendingTldr } from './abstract-import';
import { isKeepableCiteKey } from '../schema/papers';
import { ImportError } from './errors';
import { LineIndex } from './lines';
import { singleLine } from './text';

/** One `@type{key, field = value, …}` entry; field names lower-cased, values as written (delimiters removed). */
interface BibtexEntry {
  type: string;
  key: string;
  line: number;
  fields: Map<string, string>;
}

const MONTH_MACROS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June',
  jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December',
};

const ENTRY_START = /@[ \t\n]*([A-Za-z][\w-]*)[ \t\n]*([{(])/y;
// Between an entry's tokens a "%" starts a comment to the line's end (biber reads a field commented
// out so, and hand-kept .bib files have them); inside a value it is text.
const WHITESPACE = /(?:[ \t\n]|%[^\n]*)*/y;
// BibTeX's names: printable characters but its specials, not opening with a digit (JabRef marks an
// entry with `__markedentry`).
const FIELD_NAME = /[^\d\s"#%'(),={}][^\s"#%'(),={}]*/y;
const ENTRY_KEY = /[^\s,{}()]*/y;
const NUMBER = /\d+/y;
const MACRO = /[A-Za-z][\w\-:.+/]*/y;
const SWALLOWED_ENTRY = /\n@[ \t]*[A-Za-z]+[ \t]*[{(]/g;

// Where tools keep the reader's notes: annote (BibTeX, Zotero, Mendeley), annotation (biblatex),
// comment (JabRef).
const NOTE_FIELDS = ['annote', 'annotation', 'comment'];

/** A problem inside one entry: the entry is skipped and reported. */
class EntrySyntaxError extends Error {}

/**
 * Reads BibTeX the way BibTeX does: text between entries is a comment, braces nest, `"…"` values
 * end at a quote outside braces, `#` concatenates. Throws ImportError when braces do not balance,
 * since then no entry after the break can be trusted; other malformed entries are skipped and reported.
 */
function parseBibtex(text: string): { entries: BibtexEntry[]; rejected: ImportRejection[] } {
  const lines = new LineIndex(text);
  const entries: BibtexEntry[] = [];
  const rejected: ImportRejection[] = [];
  const macros = new Map(Object.entries(MONTH_MACROS));
  let pos = 0;
  let previousEntryLine = 0;

  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const match = (pattern: RegExp): string | null => {
    pattern.lastIndex = pos;
    const found = pattern.exec(text);
    if (!found) return null;
    pos = pattern.lastIndex;
    return found[0];
  };

  /**
   * Text between entries: a comment to BibTeX, but a `}` there is the tail of a broken entry; one
   * in a `%` comment line (a commented-out entry, a note) is not.
   */
  const checkBetweenEntries = (start: number, end: number) => {
    let depth = 0;
    for (let i = start; i < end; i++) {
      if (text[i] === '%') {
        const lineEnd = text.indexOf('\n', i);
        i = lineEnd === -1 ? end : lineEnd;
      } else if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth < 0) {
        const after = previousEntryLine > 0 ? ` after the entry at line ${previousEntryLine}` : '';
        throw new ImportError(`unbalanced braces: an extra "}" at line ${lines.line(i)}${after}`, lines.line(i));
      }
    }
  };

  /** The ImportError for an entry the file ends inside: its braces (or quotes) never close. */
  const unclosed = (entryStart: number, from: number, missing: string): never => {
    const header = singleLine(text.slice(entryStart, entryStart + 60).split(/[,\n]/)[0] ?? '');
    const entryLine = lines.line(entryStart);
    SWALLOWED_ENTRY.lastIndex = from;
    const swallowed = SWALLOWED_ENTRY.exec(text);
    const note = swallowed ? `; the entry at line ${lines.line(swallowed.index + 1)} was read as part of it` : '';
    throw new ImportError(
      `unbalanced braces or truncated file: the entry "${header}" at line ${entryLine} is never closed (${missing} before the end of the file)${note}`,
      entryLine,
    );
  };

  /** The end of the group opening at `open` (`{…}`, or an entry's `(…)`). */
  const closeGroup = (open: number, entryStart: number): number => {
    if (text[open] === '(') {
      let depth = 0;
      for (let i = open + 1; i < text.length; i++) {
        const ch = text[i];
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
        else if (ch === ')' && depth <= 0) return i + 1;
      }
      return unclosed(entryStart, open, 'a "(" has no matching ")"');
    }
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const ch = text[i];
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return i + 1;
    }
    return unclosed(entryStart, open, 'a "{" has no matching "}"');
  };

  /** One value: `{…}`, `"…"`, a number or a macro, joined by `#`. */
  const readValue = (entryStart: number): string => {
    let value = '';
    for (;;) {
      skipWhitespace();
      const ch = text[pos];
      if (ch === '{') {
        const end = closeGroup(pos, entryStart);
        value += text.slice(pos + 1, end - 1);
        pos = end;
      } else if (ch === '"') {
        let depth = 0;
        let i = pos + 1;
        for (; i < text.length; i++) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
          else if (text[i] === '"' && depth === 0) break;
        }
        if (i >= text.length) unclosed(entryStart, pos, 'a \'"\' has no closing \'"\'');
        value += text.slice(pos + 1, i);
        pos = i + 1;
      } else if (ch !== undefined && /\d/.test(ch)) {
        value += match(NUMBER);
      } else {
        const name = match(MACRO);
        if (name === null) throw new EntrySyntaxError(`expected a value but found ${ch === undefined ? 'the end of the file' : `"${ch}"`}`);
        value += macros.get(name.toLowerCase()) ?? '';
      }
      skipWhitespace();
      if (text[pos] !== '#') return value;
      pos++;
    }
  };

  const readEntryBody = (type: string, close: string, entryStart: number): BibtexEntry | null => {
    const line = lines.line(entryStart);
    if (type === 'string') {
      skipWhitespace();
      const name = match(MACRO);
      skipWhitespace();
      if (name === null || text[pos] !== '=') throw new EntrySyntaxError('expected "name = value" in @string');
      pos++;
      macros.set(name.toLowerCase(), readValue(entryStart));
      skipWhitespace();
      if (text[pos] !== close) throw new EntrySyntaxError(`expected "${close}" to end @string`);
      pos++;
      return null;
    }
    skipWhitespace();
    const key = match(ENTRY_KEY) ?? '';
    const fields = new Map<string, string>();
    for (;;) {
      skipWhitespace();
      if (pos >= text.length) unclosed(entryStart, entryStart + 1, `the entry has no closing "${close}"`);
      if (text[pos] === close) {
        pos++;
        return { type, key, line, fields };
      }
      if (text[pos] !== ',') throw new EntrySyntaxError(`expected "," or "${close}" at line ${lines.line(pos)} but found "${text[pos]}"`);
      pos++;
      skipWhitespace();
      if (pos >= text.length) unclosed(entryStart, entryStart + 1, `the entry has no closing "${close}"`);
      if (text[pos] === close) continue;
      const name = match(FIELD_NAME);
      if (name === null) throw new EntrySyntaxError(`expected a field name at line ${lines.line(pos)} but found "${text[pos]}"`);
      skipWhitespace();
      if (text[pos] !== '=') throw new EntrySyntaxError(`expected "=" after field "${name}" at line ${lines.line(pos)}`);
      pos++;
      const value = readValue(entryStart);
      // A repeated field: BibTeX keeps the first. Notes are kept whole: Zotero writes each of an
      // item's notes as an annote of its own.
      const field = name.toLowerCase();
      const earlier = fields.get(field);
      if (earlier === undefined) fields.set(field, value);
      else if (NOTE_FIELDS.includes(field) && !earlier.split('\n\n').includes(value)) fields.set(field, `${earlier}\n\n${value}`);
    }
  };

  // The line of the last "@" looked at and whether it is commented out, found once per line: a
  // line of 100,000 "@" (none an entry) was rescanned back to its start from each.
  let lineStart = 0;
  let lineScanned = 0;
  let lineCommented = false;
  const COMMENTED_LINE = /[ \t]*%/y;
  for (;;) {
    const at = text.indexOf('@', pos);
    checkBetweenEntries(pos, at === -1 ? text.length : at);
    if (at === -1) break;
    // An entry commented out with "%" (as editors comment out lines) is left out, as it was meant.
    const newline = text.slice(lineScanned, at).lastIndexOf('\n');
    if (newline >= 0 || lineScanned === 0) {
      lineStart = newline >= 0 ? lineScanned + newline + 1 : 0;
      COMMENTED_LINE.lastIndex = lineStart;
      lineCommented = COMMENTED_LINE.test(text);
    }
    lineScanned = at;
    if (lineCommented) {
      const lineEnd = text.indexOf('\n', at);
      pos = lineEnd === -1 ? text.length : lineEnd;
      continue;
    }
    pos = at;
    ENTRY_START.lastIndex = at;
    const start = ENTRY_START.exec(text);
    if (!start) {
      // An "@" in free text (an e-mail address in a comment), not an entry.
      pos = at + 1;
      continue;
    }
    const type = start[1]!.toLowerCase();
    const open = ENTRY_START.lastIndex - 1;
    const close = start[2] === '{' ? '}' : ')';
    if (type === 'comment' || type === 'preamble') {
      pos = closeGroup(open, at);
      continue;
    }
    pos = open + 1;
    try {
      const entry = readEntryBody(type, close, at);
      if (entry) {
        entries.push(entry);
        previousEntryLine = entry.line;
      }
    } catch (error) {
      if (!(error instanceof EntrySyntaxError)) throw error;
      rejected.push({ line: lines.line(at), reason: `malformed @${type} entry: ${error.message}` });
      // Skip the rest of the broken entry by its braces, so its tail is not read as a new entry.
      pos = closeGroup(open, at);
      previousEntryLine = lines.line(at);
    }
  }
  return { entries, rejected };
}

// Commands our export writes for LaTeX's special characters (and a few other tools write too).
const TEXT_COMMANDS = new Map(Object.entries({
  textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textasciitilde: '~', textasciicircum: '^',
  textless: '<', textgreater: '>', textunderscore: '_', textdollar: '$', textbar: '|',
}));
// What our export writes for characters pdfLaTeX cannot typeset (see LATEX_MATH), read back as they were.
const MATH_CHARACTERS = new Map(Object.entries(LATEX_MATH).map(([ch, command]) => [command, ch]));
const SCRIPT_CHARACTERS = new Map(Object.entries(LATEX_SCRIPTS).map(([ch, { command, text }]) => [`${command}{${text}}`, ch]));
// Our math and script forms alone, read back before latexToText reads a field holding other markup.
const OWN_FORMS = /\\ensuremath\{\\([A-Za-z]+)\}|\\(text(?:sub|super)script\{[^{}\\]\})/g;
// One token of LaTeX markup: a math command or a raised or lowered character as our export writes
// them (OWN_FORMS), an escaped character, a command (with its `{}` or trailing spaces), a lone
// backslash, a grouping brace, a tie or a math shift.
const LATEX_TOKEN = new RegExp(String.raw`${OWN_FORMS.source}|\\([{}%&$#_ ])|\\([A-Za-z]+)(?:\{\}| *)|\\|[{}~$]`, 'g');

/**
 * A field value as plain text. The escapes our export writes are undone exactly; anything else
 * (accents, math, other commands from other tools) goes through the general LaTeX renderer.
 * Grouping braces, which only protect case, are dropped.
 */
function bibtexToText(value: string): string {
  let general = false;
  const text = value.replace(LATEX_TOKEN, (token, math: string | undefined, script: string | undefined, escaped: string | undefined, command: string | undefined) => {
    if (math !== undefined || script !== undefined) {
      const written = math !== undefined ? MATH_CHARACTERS.get(math) : SCRIPT_CHARACTERS.get(script ?? '');
      if (written !== undefined) return written;
      general = true;
      return '';
    }
    if (escaped !== undefined) return escaped;
    const replacement = command === undefined ? undefined : TEXT_COMMANDS.get(command);
    if (replacement !== undefined) return replacement;
    if (token === '~') return ' ';
    if (token !== '{' && token !== '}') general = true;
    return '';
  });
  // Our own math and script forms, which latexToText reads as plain letters (\\textsuperscript{T} as T), first.
  return general ? latexToText(value.replace(OWN_FORMS, (token, math: string | undefined, script: string | undefined) => (math !== undefined ? MATH_CHARACTERS.get(math) : SCRIPT_CHARACTERS.get(script ?? '')) ?? token)) : text;
}

/** Splits `value` at matches of the global `separator` that are outside braces (separators hold no braces). */
function splitOutsideBraces(value: string, separator: RegExp): string[] {
  if (!value.includes('{')) return value.split(separator);
  const parts: string[] = [];
  let depth = 0;
  let scanned = 0;
  let start = 0;
  for (const match of value.matchAll(separator)) {
    for (; scanned < match.index; scanned++) {
      if (value[scanned] === '{') depth++;
      else if (value[scanned] === '}') depth--;
    }
    if (depth === 0) {
      parts.push(value.slice(start, match.index));
      start = match.index + match[0].length;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** True when `value` is one `{…}` group: a name BibTeX must take as written. */
function isOneGroup(value: string): boolean {
  if (!value.startsWith('{') || !value.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '{') depth++;
    else if (value[i] === '}' && --depth === 0) return i === value.length - 1;
  }
  return false;
}

/** BibTeX names (`Last, First`, `Last, Jr, First` or `First Last`) as the store writes them: `First Last`. */
export function bibtexAuthors(value: string): string[] {
  // (Each run of spaces is tried once: without the lookbehind, a long run not followed by " and "
  // is rescanned from each of its spaces.)
  const names = splitOutsideBraces(value.trim(), /(?<![ \t\n])[ \t\n]+and[ \t\n]+/gi).map((name) => name.trim());
  return names.flatMap((name, index) => {
    if (name === '') return [];
    // "and others" (Google Scholar's lists cut short): the list is not complete, as the store keeps it.
    if ((/^others$/i.test(name) || isEtAl(name)) && index === names.length - 1 && index > 0) return [ET_AL];
    if (isOneGroup(name)) return [singleLine(bibtexToText(name.slice(1, -1)))];
    const parts = splitOutsideBraces(name, /,/g).map((part) => singleLine(bibtexToText(part)));
    const [last = '', jr, first] = parts.length >= 3 ? [parts[0], parts[1], parts.slice(2).join(' ')] : [parts[0], undefined, parts[1]];
    const named = singleLine(givenThenFamily(first ?? '', last));
    // "King, Jr., Martin Luther" → "Martin Luther King, Jr.", as RIS and CSV imports write a suffix.
    return [jr !== undefined && jr !== '' ? `${named}, ${jr}` : named];
  });
}

// Fields other tools put an arXiv reference in, most specific first (bdsk-url-1: BibDesk's links).
const REFERENCE_FIELDS = ['url', 'doi', 'eprint', 'note', 'journal', 'howpublished', 'booktitle', 'publisher', 'bdsk-url-1', 'bdsk-url-2'];

/** An address or DOI as LaTeX escaped it (Mendeley writes "_" as "{\_}", others "%" as "\%"): as written. */
function unescapeAddress(value: string): string {
  return value.replace(/\{\\([_%&#$~])\}/g, '$1').replace(/\\([_%&#$~])/g, '$1');
}

const NO_ARXIV_ID = 'no arXiv id (eprint, url or note)';

function entryArxivId(fields: Map<string, string>): { id: string } | { reason: string } {
  const prefix = (fields.get('archiveprefix') ?? fields.get('eprinttype') ?? '').trim().toLowerCase();
  const eprint = fields.get('eprint');
  // As a reference (Zotero writes the primary class after the id: eprint = {1706.03762 [cs]}).
  const eprintId = eprint === undefined ? null : arxivIdFromReference(bibtexToText(eprint));
  let eprintProblem: string | null = null;
  if (eprint !== undefined && (prefix === 'arxiv' || /^\s*arxiv:/i.test(eprint))) {
    if (eprintId) return { id: eprintId };
    // The url or DOI may still name the paper; if nothing does, this is what is wrong.
    eprintProblem = `eprint "${singleLine(eprint).slice(0, 60)}" is not a valid arXiv id`;
  }
  // A bare eprint with no archive named is arXiv's when it reads as an arXiv id.
  if (eprintId && prefix === '') return { id: eprintId };
  const arxivField = fields.get('arxivid') ?? fields.get('arxiv');
  if (arxivField !== undefined) {
    const id = normalizeArxivId(bibtexToText(arxivField));
    if (id) return { id };
  }
  // Semantic Scholar's and DBLP's arXiv entries: journal = {ArXiv} or {CoRR}, volume = {abs/1706.03762}.
  const volume = fields.get('volume');
  if (volume !== undefined && /\b(?:arxiv|corr)\b/i.test(fields.get('journal') ?? '')) {
    const match = /^\s*abs\/(\S+)\s*$/i.exec(bibtexToText(volume));
    const id = match ? normalizeArxivId(match[1]!) : null;
    if (id) return { id };
  }
  const { id, candidate } = arxivIdAmong(REFERENCE_FIELDS.flatMap((name) => fields.get(name) ?? []).map((text) => ({ text: unescapeAddress(text) })));
  if (id) return { id };
  if (eprintProblem) return { reason: eprintProblem };
  if (candidate) return { reason: `"${singleLine(candidate).slice(0, 80)}" is not a valid arXiv id or URL` };
  return { reason: NO_ARXIV_ID };
}

/** A value written as a year ("2019"), or null. */
function yearOf(value: string | undefined): string | null {
  return /^\s*(\d{4})\s*$/.exec(value ?? '')?.[1] ?? null;
}

/** Whether a venue field's text names one: not one that only says arXiv (or DBLP's CoRR), or holds arXiv's comments. */
function namesVenue(value: string): boolean {
  return value !== '' && !/arxiv|^corr$|^comment:/i.test(value);
}

// What a publication note names ("Proceedings of NAACL-HLT, 2019", "Accepted at ICLR 2024", "Phys.
// Rev. D 97", "Nature Machine Intelligence"): a year, a venue's word or a venue.
const VENUE_WORDS =
  /(?<![\w-])(?:1[89]\d\d|20\d\d|proc(?:eedings)?|conf(?:erence)?|journal|j|workshops?|symposium|trans(?:actions)?|letters|phys|rev|vol(?:ume)?|pp|findings|accepted|published|to appear|in press|nature|science|ieee|acm|jmlr|tmlr|tacl|pnas|icml|iclr|neurips|nips|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd|sigir|colt|uai|aistats|icassp|interspeech|miccai|surveys|advances|neural computation)(?![\w-])/i;
// What only a reader writes of a paper ("Read in 2023 for my thesis", "Compare with BERT (2018)",
// "Rejected from ICLR 2024"). (Not "I": a Roman numeral in "Part I".)
const READERS_WORDS =
  /(?<![\w-])(?:me|my|we|our|us|he|she|they|see|read|reread|todo|compare|cf|thesis|talk|club|idea|look|check|why|good|bad|nice|great|interesting|important|useful|rejected|reviewed|reviewer|follow-up)(?![\w-])/i;
// A journal's volume, issue and pages at the end ("Pattern Recognition 140", "PNAS 120 (2)", "Nature 620, 47-53").
const VOLUME_AT_END = /\s\d+\s*(?:\(\d+\))?(?:[,:]\s*\d+(?:[–-]\d+)?)?\.?$/;
// Zotero's Extra lines ("Citation Key: hu2021lora", "ZSCC: 0000042", "tex.ids: …"), arXiv's comments ("Comment: 15 pages").
const EXTRA_LINE = /^(?:tex\.|(?:citation key|zscc|publisher|version number|type|doi|original date|issued|arxiv|comment|pmid|pmcid|isbn|issn|number of pages|event place|event date)\s*:\s)/i;

type NoteKind = 'venue' | 'readers' | 'paper';

/**
 * What an entry's `note` holds. The paper's own address (arXiv's id, Zotero's "arXiv:2310.01779
 * [cs]", a link, arXiv's comments) goes nowhere. Where the paper was published (our export's
 * journal reference, arXiv's, "Accepted at ICLR 2024") is its journal reference: a one-line note
 * without a reader's word that names a year or a venue, or sits beside a field of the reader's notes
 * (annote: the tool keeps note for the publication). Any other note is the reader's: in the notes a
 * wrong guess loses nothing, where a journal reference is printed in bibliographies.
 */
function noteKind(field: (name: string) => string | undefined): NoteKind {
  const raw = field('note')?.trim() ?? '';
  const value = singleLine(bibtexToText(raw));
  if (value === '' || /^https?:\/\/\S+$/.test(value)) return 'paper';
  // Lines after the first that are indented continue it (DBLP and bibtool wrap long fields).
  const lines = raw.split(/\n(?![ \t])/);
  if (lines.every((line) => EXTRA_LINE.test(line.trim()))) return 'paper';
  if (lines.length > 1 || READERS_WORDS.test(value)) return 'readers';
  if (!namesVenue(value)) return 'paper';
  const besideNotes = NOTE_FIELDS.some((name) => (field(name)?.trim() ?? '') !== '');
  return besideNotes || VENUE_WORDS.test(value) || VOLUME_AT_END.test(value) ? 'venue' : 'readers';
}

/**
 * Where the paper was published, as the reading list keeps it (`journalRef`): the venue of a
 * published entry (`journal`, biblatex's `journaltitle`, a conference paper's `booktitle`) with its
 * year, "Proceedings of NAACL-HLT, 2019" (unless the venue names it), as arXiv's journal-refs give
 * it; else the `note`, when noteKind reads a venue there (`note`). A field that only says arXiv
 * (or DBLP's CoRR), or holds arXiv's comments, names no venue.
 */
function entryJournalRef(field: (name: string) => string | undefined, note: NoteKind): string | undefined {
  const text = (name: string) => singleLine(bibtexToText(field(name) ?? ''));
  const venue = ['journal', 'journaltitle', 'booktitle'].map(text).find(namesVenue);
  if (venue === undefined) return note === 'venue' ? text('note') : undefined;
  // A year of the preprint's (Google Scholar's arXiv entries have one too) is not written without a venue.
  const year = yearOf(field('year')) ?? /^\s*(\d{4})(?:-|\s*$)/.exec(field('date') ?? '')?.[1] ?? null;
  return year === null || new RegExp(`(?<!\\d)${year}(?!\\d)`).test(venue) ? venue : `${venue}, ${year}`;
}

/**
 * `leftOut` gets the values left out of an imported paper, and why. An entry naming no arXiv id
 * but a title is one to import by its title.
 */
function entryToItem(entry: BibtexEntry, leftOut: ImportRejection[], subjects: { entries: number }): ImportedItem | PendingTldr | UnidentifiedEntry | ImportRejection {
  const where = `@${entry.type}{${entry.key.slice(0, 60)}}`;
  const found = entryArxivId(entry.fields);
  const field = (name: string) => entry.fields.get(name);
  const title = singleLine(bibtexToText(field('title') ?? ''));
  if ('reason' in found) {
    const noId = `${found.reason} in ${where}`;
    if (found.reason !== NO_ARXIV_ID || title === '') return { line: entry.line, reason: noId };
    const unidentified = UnidentifiedEntrySchema.safeParse({ item: { ...entryDetails(entry, where, leftOut, subjects), title }, noId });
    if (unidentified.success) return unidentified.data;
    return { line: entry.line, reason: `${where}: ${issueText(unidentified.error.issues[0])}` };
  }
  const item: ImportedItem = { id: found.id, ...entryDetails(entry, where, leftOut, subjects) };
  if (title !== '') item.title = title;
  // Zotero writes the latest version's date, which is not the submission date.
  const date = field('date')?.trim();
  if (date && isSubmissionDate(date, found.id)) item.published = date;
  const abstract = abstractToSummarize(item, field('abstract'), (value) => singleLine(bibtexToText(value)), leftOut, where);
  const checked = ImportedItemSchema.safeParse(item);
  if (checked.success) return abstract ? { item: checked.data, ...abstract } : checked.data;
  return { line: entry.line, reason: `${where} (${found.id}): ${issueText(checked.error.issues[0])}` };
}

/** What an entry says of its paper besides its id, title, date and abstract. */
function entryDetails(entry: BibtexEntry, where: string, leftOut: ImportRejection[], subjects: { entries: number }): Omit<ImportedItem, 'id'> {
  const item: Omit<ImportedItem, 'id'> = { line: entry.line };
  // The file's key is kept (when valid and free), so the papers cited by it stay cited.
  if (isKeepableCiteKey(entry.key)) item.citeKey = entry.key;
  const field = (name: string) => entry.fields.get(name);
  const author = field('author');
  if (author !== undefined) item.authors = bibtexAuthors(author);
  const keywords = field('keywords');
  if (keywords !== undefined) {
    const words = splitOutsideBraces(keywords, /[,;]/g).map(bibtexToText);
    const kept = withoutArxivSubjects(words, subjects);
    // Keywords that were all arXiv's subjects give no tags, as none would (review: not "the file has fewer tags").
    if (kept.length > 0 || words.length === 0) item.tags = keywordTags(kept, (reason) => leftOut.push({ line: entry.line, reason: `${reason}: left out of ${where}` }));
  }
  // Each note once: some tools write the same one as annote and annotation; a `note` in the reader's words too.
  const note = noteKind(field);
  const readersNote = note === 'readers' ? [field('note')!.trim()] : [];
  const notes = [...new Set([...NOTE_FIELDS.flatMap((name) => field(name) ?? []), ...readersNote])];
  // Line by line: LaTeX rendering joins lines, and a note's line breaks are the reader's.
  if (notes.length > 0) item.notes = notes.join('\n\n').split('\n').map((line) => bibtexToText(line)).join('\n');
  const doi = bareDoi(unescapeAddress(field('doi') ?? ''));
  if (doi) item.doi = doi;
  const category = field('primaryclass')?.trim();
  // A category (cs.CL, or an archive without subjects like hep-th), not a bare group ("cs", as
  // Better BibTeX writes it).
  if (category && /^(?:[a-z-]+\.[A-Za-z-]+|[a-z]+-[a-z]+)$/.test(category)) item.primaryCategory = category;
  const journalRef = entryJournalRef(field, note);
  if (journalRef !== undefined) item.journalRef = journalRef;
  return item;
}

/** Papers of a BibTeX file: entries naming an arXiv id; other entries are reported, not lost silently. */
export function parseBibtexImport(text: string): ParsedFile {
  const { entries, rejected } = parseBibtex(text);
  if (entries.length === 0 && rejected.length === 0) throw new ImportError('no BibTeX entries found: the file has no @article, @misc or other entries');
  const subjects = { entries: 0 };
  const imported = importRecords(entries, (entry, leftOut) => entryToItem(entry, leftOut, subjects));
  const problems = [...rejected, ...imported.rejected].sort((a, b) => a.line - b.line);
  return { format: 'bibtex', ...imported, ...withNotes(imported.leftOut, arxivSubjectsNote(subjects)), rejected: problems };
}
