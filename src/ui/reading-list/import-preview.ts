import type { PaperLensDatabase } from '../../db/database';
import { citeKeyNotes, knownPapers, papersTitled, planListImport, withKnownPapers } from '../../db/reading-list';
import { matchTitles, unidentifiedTitles } from '../../export/title-match';
import { decodeImportFile, ImportError, importLimitOf, MAX_IMPORT_BYTES, parseImportInSteps, tooLargeMessage } from '../../export';
import type { ImportParse, ImportPlan, SavedItem } from '../../schema';
import { errorMessage } from '../../messaging/error-message';

/** What importing a file would do, shown before anything is written. */
export interface ImportPreview {
  fileName: string;
  parse: ImportParse;
  plan: ImportPlan;
}

export type PreviewOutcome = { ok: true; preview: ImportPreview } | { ok: false; error: string };

/** The part of a `File` the preview reads (a seam for tests). */
export interface ImportSource {
  name: string;
  size: number;
  arrayBuffer: () => Promise<ArrayBuffer>;
  /** Its first bytes, as a `File`'s `slice(0, end)`. */
  slice: (start: number, end: number) => Pick<Blob, 'text'>;
}

/**
 * Reads an import file and plans it against the reading list as it is now; writes nothing.
 * A file that cannot be read at all comes back as an error saying what is wrong and where.
 * `onAbstracts` hears how many of the file's abstracts have their TL;DR picked, as it goes.
 */
export async function previewImport(db: PaperLensDatabase, source: ImportSource, now: number, onAbstracts: (done: number, total: number) => void = () => {}): Promise<PreviewOutcome> {
  // Refused before reading (but its opening, which tells a JSON backup): a huge file would stall the page just to be rejected.
  const limit = source.size > MAX_IMPORT_BYTES ? importLimitOf(await source.slice(0, 200).text()) : MAX_IMPORT_BYTES;
  if (source.size > limit) return { ok: false, error: tooLargeMessage(source.size, limit) };
  let parse: ImportParse;
  try {
    parse = await parseImportInSteps(decodeImportFile(new Uint8Array(await source.arrayBuffer())), source.name, onAbstracts);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.message };
    return { ok: false, error: `the file could not be read: ${errorMessage(error)}` };
  }
  try {
    const preview = await db.transaction('r', db.saved, db.paperBlocks, db.meta, async () => {
      // Entries naming no arXiv id are the papers their titles name; the parse Apply sends has their ids.
      const matched = matchTitles(parse, await papersTitled(db, unidentifiedTitles(parse)));
      const ids = [...new Set(matched.items.map((item) => item.id))];
      const incoming = withKnownPapers(matched.items, await knownPapers(db, ids));
      const existing = (await db.saved.bulkGet(ids)).filter((item): item is SavedItem => item !== undefined);
      const plan = planListImport(existing, incoming, now, matched.rejected);
      const keyNotes = await citeKeyNotes(db, existing, incoming, plan);
      const leftOut = [...(matched.leftOut ?? []), ...keyNotes].sort((a, b) => a.line - b.line);
      return { fileName: source.name, parse: { ...matched, ...(leftOut.length > 0 ? { leftOut } : {}) }, plan };
    });
    return { ok: true, preview };
  } catch (error) {
    return { ok: false, error: `your reading list could not be read to compare: ${errorMessage(error)}` };
  }
}

/** Whether applying the preview would change the list at all. */
export function importChangesList(preview: ImportPreview): boolean {
  return preview.plan.added.length + preview.plan.updated.length > 0;
}
