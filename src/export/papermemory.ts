import { isRecord } from '../schema/is-record';
import { ImportedItemSchema, type ImportParse, type ImportRejection, type ImportedItem } from '../schema/reading-list';
import { bibtexAuthors } from './bibtex-import';
import { ImportError } from './errors';
import { arxivIdAmong, keywordTags } from './references';
import { singleLine } from './text';

/**
 * PaperMemory's "Download memory" file (a browser extension many arXiv readers used before): one
 * object holding each paper under its PaperMemory id ("Arxiv-1706.03762"), beside `__dataVersion`.
 */
export function isPaperMemoryFile(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && typeof data.__dataVersion === 'number';
}

/** The tag a paper starred in PaperMemory (`favorite: true`) gets. */
const FAVORITE_TAG = 'favorite';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** "“Title” (PaperMemory id NeurIPS-2017_abc)": how a rejection names the paper, the file having one line. */
function named(key: string, paper: Record<string, unknown>): string {
  const full = singleLine(text(paper.title));
  const title = full.length > 80 ? `${full.slice(0, 80).trimEnd()}…` : full;
  return title ? `“${title}” (PaperMemory id ${key.slice(0, 60)})` : `PaperMemory id ${key.slice(0, 60)}`;
}

function paperToItem(key: string, paper: unknown): ImportedItem | ImportRejection {
  if (!isRecord(paper)) return { line: 0, reason: `PaperMemory id ${key.slice(0, 60)}: not a paper` };
  // "Arxiv-1706.03762" (old ids with "_" for "/"); a paper PaperMemory matched to its publication
  // keeps the preprint in its PDF link or BibTeX. (The reader's note may cite other papers.)
  const found = arxivIdAmong([
    { text: key.replace(/^arxiv-/i, '').replace('_', '/'), bare: true },
    { text: text(paper.pdfLink) },
    { text: text(paper.bibtex) },
  ]);
  if (!found.id) return { line: 0, reason: `${named(key, paper)}: no arXiv id (id, PDF link or BibTeX): not an arXiv paper` };
  const item: ImportedItem = { id: found.id };
  const title = singleLine(text(paper.title));
  if (title) item.title = title;
  if (typeof paper.author === 'string') item.authors = bibtexAuthors(paper.author);
  const tags = Array.isArray(paper.tags) ? paper.tags.filter((tag): tag is string => typeof tag === 'string') : [];
  // PaperMemory's star has no place of its own in the list: a tag keeps it, to filter by.
  if (paper.favorite === true) tags.push(FAVORITE_TAG);
  if (Array.isArray(paper.tags) || tags.length > 0) item.tags = keywordTags(tags);
  const note = text(paper.note).trim();
  if (note) item.notes = note;
  const added = Date.parse(text(paper.addDate));
  if (Number.isFinite(added)) item.addedAt = added;
  const checked = ImportedItemSchema.safeParse(item);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  return { line: 0, reason: `${named(key, paper)}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** The arXiv papers of a PaperMemory file, with their tags, notes and the day they were added; the others are said. */
export function parsePaperMemory(data: Record<string, unknown>): ImportParse {
  const items: ImportedItem[] = [];
  const rejected: ImportRejection[] = [];
  for (const [key, paper] of Object.entries(data)) {
    if (key.startsWith('__')) continue;
    const result = paperToItem(key, paper);
    if ('reason' in result) rejected.push(result);
    else items.push(result);
  }
  if (items.length === 0 && rejected.length === 0) throw new ImportError('the file holds no papers: its PaperMemory memory is empty');
  return { format: 'json', items, rejected };
}
