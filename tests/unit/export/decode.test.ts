import { describe, expect, test } from 'vitest';
import { decodeImportFile, ImportError } from '../../../src/export';

// A file picked by mistake (a PDF, a workbook) is not "text in another encoding": the error says
// what the file is and what to import instead.

const bytes = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));
const le16 = (value: number): number[] => [value & 0xff, value >> 8];

/** A ZIP file's local headers for parts of these names (empty, stored), as office formats are written. */
function zip(parts: readonly (string | { name: string; content: string })[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    const { name, content } = typeof part === 'string' ? { name: part, content: '' } : part;
    out.push(0x50, 0x4b, 0x03, 0x04, ...le16(20), ...le16(0), ...le16(0), ...le16(0), ...le16(0), 0, 0, 0, 0);
    out.push(...le16(content.length), 0, 0, ...le16(content.length), 0, 0, ...le16(name.length), ...le16(0), ...bytes(name), ...bytes(content));
  }
  return Uint8Array.from(out);
}

/** An OLE compound file (Office 97–2003) whose directory names these streams (UTF-16LE). */
function ole(streams: readonly string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)];
  return Uint8Array.from([...header, ...streams.flatMap((name) => [...bytes(name).flatMap((code) => [code, 0]), ...new Array<number>(128 - name.length * 2).fill(0)])]);
}

function errorOf(file: Uint8Array): string {
  try {
    decodeImportFile(file);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('the file was read as text');
}

describe('a file that is not text says what it is', () => {
  test('a PDF', () => {
    expect(errorOf(Uint8Array.from([...bytes('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, ...bytes('\n1 0 obj')]))).toBe(
      'the file is a PDF document, not a list of papers: import a BibTeX, RIS, CSV or JSON export of your library, or a text file of arXiv ids or URLs',
    );
  });

  test('an Excel workbook, a Word document, OpenDocument files, another ZIP archive', () => {
    expect(errorOf(zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']))).toBe(
      'the file is an Excel workbook, not a text file: save it as CSV (in Excel: File › Save As › CSV UTF-8) and import that',
    );
    expect(errorOf(zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))).toMatch(/^the file is a Word document, not a text file: save it as plain text/);
    expect(errorOf(zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }, 'content.xml']))).toBe(
      'the file is an OpenDocument spreadsheet (.ods), not a text file: save it as CSV (UTF-8) and import that',
    );
    expect(errorOf(zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' }, 'content.xml']))).toMatch(/^the file is an OpenDocument text document \(\.odt\)/);
    // Parts not named where they are looked for: what such a file usually is.
    expect(errorOf(zip(['library.bib']))).toBe(
      'the file is a ZIP archive (such as an Excel workbook or a Word document), not a text file: save a workbook as CSV (UTF-8), or extract an archive and import the BibTeX, RIS, CSV or JSON file inside',
    );
  });

  test('Office 97–2003 files (.xls, .doc), a Zotero database, a gzip file, an image, rich text', () => {
    expect(errorOf(ole(['Root Entry', 'Workbook', 'SummaryInformation']))).toMatch(/^the file is an Excel 97–2003 workbook \(\.xls\), not a text file: save it as CSV/);
    expect(errorOf(ole(['Root Entry', 'WordDocument', '1Table']))).toMatch(/^the file is a Word 97–2003 document \(\.doc\)/);
    expect(errorOf(Uint8Array.from([...bytes('SQLite format 3'), 0, 0x10, 0]))).toMatch(/^the file is an SQLite database \(such as Zotero's zotero\.sqlite\), not an export/);
    expect(errorOf(Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0]))).toBe('the file is a compressed (gzip) file: decompress it and import the file inside');
    expect(errorOf(Uint8Array.from([0x89, ...bytes('PNG\r\n'), 0x1a, 0x0a]))).toMatch(/^the file is an image, not a list of papers/);
    expect(errorOf(Uint8Array.from(bytes('{\\rtf1\\ansi 1706.03762\\par}')))).toMatch(/^the file is a rich-text \(RTF\) document, not plain text/);
  });

  test('text is read as before: UTF-8, and Latin-1 is still refused at its line', () => {
    expect(decodeImportFile(new TextEncoder().encode('%PDF is not how this list starts\n1706.03762\n'))).toBe('%PDF is not how this list starts\n1706.03762\n');
    expect(errorOf(Uint8Array.from([...bytes('% refs\n\n@misc{m, title = {Une '), 0xe9, ...bytes('tude}}\n')]))).toMatch(/^the file is not UTF-8 text: line 3 has a character in another encoding/);
  });
});
