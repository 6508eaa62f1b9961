/**
 * The reading list's export formats (BibTeX, RIS, CSV, Markdown, JSON backup) and its import:
 * pure functions over strings and arrays (synchronous, but for an import's steps that let a page run).
 * The caller reads and writes files and the store.
 */
export { exportBibtex, citationKeys } from './bibtex';
export { exportRis } from './ris';
export { exportCsv, CSV_COLUMNS } from './csv';
export { exportMarkdown } from './markdown';
export { exportJson } from './json';
export { parseImport, parseImportInSteps, importLimitOf, reimportProblem, tooLargeMessage, MAX_BACKUP_BYTES, MAX_IMPORT_BYTES } from './import';
export { ImportError } from './errors';
export { decodeImportFile } from './decode';
export { planImport, IMPORTED_NOTES_SEPARATOR } from './merge';
