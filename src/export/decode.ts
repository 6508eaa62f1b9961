import { ImportError } from './errors';

// How JabRef names the encodings it writes in its "% Encoding:" line, where it is not a label
// TextDecoder knows.
const JABREF_ENCODINGS: Record<string, string> = { iso8859_1: 'iso-8859-1', iso8859_15: 'iso-8859-15', cp1252: 'windows-1252' };

/** The decoder for the encoding a file declares (JabRef's "% Encoding: ISO8859_1" line), or null. */
function declaredDecoder(bytes: Uint8Array): TextDecoder | null {
  // The header is ASCII in every encoding it can declare.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const name = /^%\s*Encoding:\s*([\w.:-]+)/m.exec(head)?.[1];
  if (!name) return null;
  try {
    return new TextDecoder(JABREF_ENCODINGS[name.toLowerCase()] ?? name);
  } catch {
    return null; // a name TextDecoder does not know
  }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

/** Bytes as Latin-1 text (one character a byte), to look for the ASCII names a binary format keeps. */
const latin1 = (bytes: Uint8Array): string => new TextDecoder('windows-1252').decode(bytes);

/** What kind of ZIP-based file this is, by the names of its parts (in the headers near its start and the directory at its end). */
function zipKind(bytes: Uint8Array): string {
  const names = latin1(bytes.subarray(0, 65_536)) + latin1(bytes.subarray(Math.max(0, bytes.length - 65_536)));
  // ODF and EPUB store their type first, uncompressed, in a part named "mimetype".
  // (The next part's header follows it at once: a type is known by how it starts.)
  const stores = (type: string) => names.includes(`mimetype${type}`);
  if (stores('application/vnd.oasis.opendocument.spreadsheet')) return 'an OpenDocument spreadsheet (.ods), not a text file: save it as CSV (UTF-8) and import that';
  if (stores('application/vnd.oasis.opendocument.text')) return 'an OpenDocument text document (.odt), not a text file: save it as plain text (UTF-8) and import that';
  if (stores('application/epub+zip')) return 'an EPUB book, not a list of papers';
  if (names.includes('xl/workbook.xml')) return 'an Excel workbook, not a text file: save it as CSV (in Excel: File › Save As › CSV UTF-8) and import that';
  if (names.includes('word/document.xml')) return 'a Word document, not a text file: save it as plain text (in Word: File › Save As › Plain Text, encoded as UTF-8) and import that';
  if (names.includes('ppt/presentation.xml')) return 'a PowerPoint presentation, not a list of papers';
  if (names.includes('Index/Document.iwa')) return 'an Apple Numbers or Pages document, not a text file: export it as CSV or plain text and import that';
  // Parts not found (a damaged or unusual file): what such a file usually is is said.
  return 'a ZIP archive (such as an Excel workbook or a Word document), not a text file: save a workbook as CSV (UTF-8), or extract an archive and import the BibTeX, RIS, CSV or JSON file inside';
}

/** What kind of older Office file (OLE compound file) this is, by the stream names in its directory (UTF-16). */
function oleKind(bytes: Uint8Array): string {
  const text = latin1(bytes);
  const has = (name: string) => text.includes([...name].join('\0'));
  // Word's stream first: a document's own text (UTF-16 too) may say "Book".
  if (has('WordDocument')) return 'a Word 97–2003 document (.doc), not a text file: save it as plain text (UTF-8) and import that';
  if (has('Workbook') || has('Book')) return 'an Excel 97–2003 workbook (.xls), not a text file: save it as CSV (in Excel: File › Save As › CSV UTF-8) and import that';
  return 'a Microsoft Office 97–2003 file, not a text file: save it as CSV or plain text (UTF-8) and import that';
}

const EXPORT_INSTEAD = 'import a BibTeX, RIS, CSV or JSON export of your library, or a text file of arXiv ids or URLs';

/**
 * What a file picked by mistake is, told by its signature (its first bytes), or null: a PDF, an
 * office document or a database is not "text in another encoding", which is what reading it as
 * text would say.
 */
function notTextKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return `a PDF document, not a list of papers: ${EXPORT_INSTEAD}`;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(bytes);
  // Zotero's and Mendeley's own databases.
  if (startsWith(bytes, [...ascii('SQLite format 3'), 0])) {
    return 'an SQLite database (such as Zotero\'s zotero.sqlite), not an export: export your library (in Zotero: File › Export Library…, as BibTeX) and import that';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a compressed (gzip) file: decompress it and import the file inside';
  if (startsWith(bytes, [0x89, ...ascii('PNG')]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, ascii('GIF8'))) return `an image, not a list of papers: ${EXPORT_INSTEAD}`;
  // TextEdit saves rich text unless told otherwise.
  if (startsWith(bytes, ascii('{\\rtf'))) return 'a rich-text (RTF) document, not plain text: save it as plain text (in TextEdit: Format › Make Plain Text) and import that';
  return null;
}

/**
 * The text of an import file. UTF-8 (with or without its BOM) and UTF-16 with its BOM are read as
 * they are; a file in another encoding is read in the one it declares (JabRef's "% Encoding:"
 * line), else refused at the line where it stops being UTF-8: guessing would garble names. A
 * file that is not text at all (a PDF, a workbook) is refused saying what it is.
 */
export function decodeImportFile(bytes: Uint8Array): string {
  const kind = notTextKind(bytes);
  if (kind !== null) throw new ImportError(`the file is ${kind}`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = declaredDecoder(bytes);
    if (declared && declared.encoding !== 'utf-8') return declared.decode(bytes);
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new ImportError(
      `the file is not UTF-8 text: line ${line} has a character in another encoding (such as Latin-1, Windows-1252 or Shift_JIS); export or save the file as UTF-8 and import it again`,
      line,
    );
  }
}
