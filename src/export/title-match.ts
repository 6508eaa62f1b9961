import { normalizeTitle } from '../papers/ids';
import { lastName } from '../papers/names';
import { asciiFold } from './text';
import type { ImportParse, ImportRejection, ImportedItem, UnidentifiedEntry } from '../schema/reading-list';

/** A paper an entry's title may name, from the reading list (`saved`) or the store, its title as spelled there. */
export interface TitledPaper {
  id: string;
  title: string;
  normTitle: string;
  saved: boolean;
  authors: readonly string[];
}

/** The titles (normalizeTitle: case, punctuation, LaTeX and accents aside) the parse's entries without an id are to be found by. */
export function unidentifiedTitles(parse: ImportParse): string[] {
  return [...new Set((parse.unidentified ?? []).map((entry) => normalizeTitle(entry.item.title)))];
}

function quotedTitle(title: string): string {
  return JSON.stringify(title.length > 80 ? `${title.slice(0, 80)}…` : title);
}

/**
 * Whether a paper of the same title is by the entry's first author ("Deep Learning" by Goodfellow
 * is not arXiv's "Deep Learning" by Polson): that author's last name among the paper's. Either list
 * unknown (a paper saved from a bare link), the title alone decides.
 */
function sameFirstAuthor(entryAuthors: readonly string[], paperAuthors: readonly string[]): boolean {
  const first = asciiFold(lastName(entryAuthors[0] ?? ''));
  const known = paperAuthors.map((name) => asciiFold(lastName(name))).filter((name) => name !== '');
  return first === '' || known.length === 0 || known.includes(first);
}

/** The entry as the one paper its title names (a saved one before one only in the store), or why it is none. */
function matchEntry({ item, noId }: UnidentifiedEntry, papers: readonly TitledPaper[] | null): ImportedItem | ImportRejection {
  const line = item.line ?? 0;
  if (papers === null) return { line, reason: noId };
  const normTitle = normalizeTitle(item.title);
  const named = papers.filter((paper) => paper.normTitle === normTitle && sameFirstAuthor(item.authors ?? [], paper.authors));
  const saved = named.filter((paper) => paper.saved);
  const candidates = saved.length > 0 ? saved : named;
  const ids = [...new Set(candidates.map((paper) => paper.id))];
  if (ids.length === 1) return { ...item, id: ids[0]!, title: candidates[0]!.title };
  if (ids.length === 0) {
    const others = papers.some((paper) => paper.normTitle === normTitle) ? ' by its first author' : '';
    return { line, reason: `${noId}, and no paper in your reading list or in PaperLens's store is titled ${quotedTitle(item.title)}${others}` };
  }
  const where = saved.length > 0 ? 'in your reading list' : "in PaperLens's store";
  return { line, reason: `${noId}, and ${ids.length} papers ${where} are titled ${quotedTitle(item.title)} (${ids.join(', ')}): add the arXiv id of the one meant` };
}

/**
 * The parse with each entry that names no arXiv id imported as the paper its title names among
 * `papers` (found by unidentifiedTitles), else rejected saying so; with `papers` null (none were
 * looked for), rejected for naming no id.
 */
export function matchTitles(parse: ImportParse, papers: readonly TitledPaper[] | null): ImportParse {
  const { unidentified = [], leftOut, ...rest } = parse;
  if (unidentified.length === 0) return { ...rest, ...(leftOut ? { leftOut } : {}) };
  const items = [...rest.items];
  const rejected = [...rest.rejected];
  const rejectedLines = new Set<number>();
  for (const entry of unidentified) {
    const match = matchEntry(entry, papers);
    if ('reason' in match) {
      rejected.push(match);
      if (match.line > 0) rejectedLines.add(match.line);
    } else items.push(match);
  }
  // What an entry left out of itself is said only of an imported paper: a rejected one's is news of nothing.
  const keptNotes = leftOut?.filter((note) => !rejectedLines.has(note.line));
  // In the file's order, as the preview lists them.
  const byLine = (a: { line?: number }, b: { line?: number }) => (a.line ?? 0) - (b.line ?? 0);
  return { ...rest, items: items.sort(byLine), rejected: rejected.sort(byLine), ...(keptNotes && keptNotes.length > 0 ? { leftOut: keptNotes } : {}) };
}
