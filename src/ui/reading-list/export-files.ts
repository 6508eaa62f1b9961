import { exportBibtex, exportCsv, exportJson, exportMarkdown, exportRis, reimportProblem } from '../../export';
import { isCitationStub, losesCharactersInLatex } from '../../export/bibtex';
import type { SavedItem } from '../../schema';

export type ExportFormat = 'json' | 'bibtex' | 'ris' | 'csv' | 'markdown';

interface FormatInfo {
  label: string;
  extension: string;
  mime: string;
  write: (items: readonly SavedItem[], now: number) => string;
}

export const EXPORT_FORMATS: Record<ExportFormat, FormatInfo> = {
  json: { label: 'JSON backup', extension: 'json', mime: 'application/json', write: exportJson },
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', write: (items) => exportBibtex(items) },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems', write: (items) => exportRis(items) },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv', write: (items) => exportCsv(items) },
  markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown', write: (items) => exportMarkdown(items) },
};

export const EXPORT_ORDER: readonly ExportFormat[] = ['json', 'bibtex', 'ris', 'csv', 'markdown'];

/** `paperlens-reading-list-YYYY-MM-DD.<ext>`, dated in the user's own time zone. */
function exportFileName(format: ExportFormat, at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `paperlens-reading-list-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${EXPORT_FORMATS[format].extension}`;
}

/** Hands text to the browser as a file download; answers with its size in bytes. */
function downloadText(fileName: string, text: string, mime: string): number {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; keep the URL a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

/**
 * Writes the items in `format` and downloads them; answers with the file name and, for a file too
 * large to be imported back, why (a backup that cannot restore the list must not go unsaid).
 */
export function exportItems(items: readonly SavedItem[], format: ExportFormat, now = new Date()): { name: string; reimportProblem: string | null } {
  const info = EXPORT_FORMATS[format];
  const name = exportFileName(format, now);
  const bytes = downloadText(name, info.write(items, now.getTime()), info.mime);
  return { name, reimportProblem: reimportProblem(bytes, format === 'json') };
}

/**
 * What a citation file's reader should know of it: papers saved by their arXiv id alone (from a
 * PDF tab or a list of ids, not yet read from arXiv) are entries with neither title nor authors,
 * which go unnoticed in a long file; and, in BibTeX, titles, authors, notes and tags whose emoji it
 * leaves out (a tag "🔥 hot" comes back from the file as another tag, "hot"). Null when there is nothing to say.
 */
export function exportNote(items: readonly SavedItem[], format: ExportFormat): string | null {
  if (format !== 'bibtex' && format !== 'ris') return null;
  const notes: string[] = [];
  const bare = items.filter((item) => isCitationStub(item)).length;
  if (bare > 0) {
    notes.push(
      bare === 1
        ? '1 of them has no title or authors yet (saved by its arXiv id, not yet read from arXiv): its entry names only the id.'
        : `${bare} of them have no title or authors yet (saved by their arXiv ids, not yet read from arXiv): their entries name only the id.`,
    );
  }
  const losing = format === 'bibtex' ? items.filter((item) => [item.title, ...item.authors, item.notes, ...item.tags].some(losesCharactersInLatex)).length : 0;
  if (losing > 0) {
    const whose = losing === 1 ? '1 paper’s title, authors, notes or tags hold' : `${losing} papers’ titles, authors, notes or tags hold`;
    notes.push(`${whose} emoji or symbols BibTeX leaves out, as pdfLaTeX cannot print them; the JSON backup keeps them.`);
  }
  // QA: a BibTeX file kept as a backup brought every paper back To read.
  const reading = items.filter((item) => item.status !== 'to-read').length;
  if (reading > 0) {
    const whose = reading === 1 ? '1 paper’s reading status (Reading or Read) is' : `${reading} papers’ reading statuses (Reading or Read) are`;
    notes.push(`${whose} not in ${EXPORT_FORMATS[format].label}: imported into a list without ${reading === 1 ? 'it, it comes' : 'them, they come'} back To read; the JSON backup and CSV keep ${reading === 1 ? 'it' : 'them'}.`);
  }
  return notes.length > 0 ? notes.join(' ') : null;
}
