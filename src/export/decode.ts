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

/**
 * The text of an import file. UTF-8 (with or without its BOM) and UTF-16 with its BOM are read as
 * they are; a file in another encoding is read in the one it declares (JabRef's "% Encoding:"
 * line), else refused at the line where it stops being UTF-8: guessing would garble names.
 */
export function decodeImportFile(bytes: Uint8Array): string {
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
