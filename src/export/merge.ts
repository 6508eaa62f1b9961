import { normalizeArxivId, placeholderTitle } from '../papers/ids';
import { SavedItemSchema, type SavedItem } from '../schema/papers';
import { tagKey, uniqueTags, type ImportPlan, type ImportRejection, type ImportedItem } from '../schema/reading-list';
import { equalLists } from '../equal-lists';
import { withoutLatexLost } from './bibtex';

/** Put between the list's notes and an imported file's notes when both have their own. */
export const IMPORTED_NOTES_SEPARATOR = '\n\n--- imported notes ---\n\n';

type Lacking = string | readonly string[] | number | null | undefined;

function lacks(value: Lacking): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The newer side's value, or the older side's when the newer lacks it. */
function pick<T extends Lacking>(newer: T | undefined, older: T | undefined, fallback: T): T {
  if (!lacks(newer)) return newer as T;
  if (!lacks(older)) return older as T;
  return newer ?? older ?? fallback;
}

/**
 * The list's tags and the file's it lacks, each tag once ignoring case (as everywhere in the list),
 * in the order first seen. A listed tag with emoji (🔥hot) is the file's without them (hot) when
 * the file lacks it as listed: a BibTeX export leaves emoji out, and its import had added the tag
 * again (QA); a file that keeps emoji (JSON, RIS, CSV) and has both keeps both.
 */
function mergeTags(listed: readonly string[], fromFile: readonly string[]): string[] {
  const inFile = new Set(fromFile.map(tagKey));
  const exported = new Set(listed.filter((tag) => !inFile.has(tagKey(tag))).map((tag) => tagKey(withoutLatexLost(tag).trim())));
  return uniqueTags([...listed, ...fromFile.filter((tag) => !exported.has(tagKey(tag)))]);
}

const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

const NOTES_SEPARATOR_TEXT = collapseWhitespace(IMPORTED_NOTES_SEPARATOR);

/**
 * Whether notes already hold other notes whole (both with whitespace collapsed): the same notes,
 * notes written on from them, or one of the parts an earlier merge put together. Not any text
 * they happen to contain: "not important" does not hold "important".
 */
function holdsNotes(notes: string, other: string): boolean {
  return notes === other || notes.startsWith(`${other} `) || notes.split(NOTES_SEPARATOR_TEXT).some((part) => part.trim() === other);
}

/**
 * Notes of both sides, each kept once: one side that already holds the other (a re-import, or a
 * file exported after an earlier merge) wins outright, so importing a file twice changes nothing.
 */
function mergeNotes(listNotes: string, fileNotes: string): string {
  // Compared with whitespace runs as one space: RIS drops a note's blank lines and BibTeX its
  // Windows line breaks, so the list's own notes come back from its export spaced differently.
  const list = collapseWhitespace(listNotes);
  const file = collapseWhitespace(fileNotes);
  // A BibTeX export leaves the notes' emoji out: read back, they are the list's notes still.
  if (file === '' || holdsNotes(list, file) || holdsNotes(collapseWhitespace(withoutLatexLost(listNotes)), file)) return listNotes;
  if (list === '' || holdsNotes(file, list)) return fileNotes;
  return listNotes + IMPORTED_NOTES_SEPARATOR + fileNotes;
}

function newItem(incoming: ImportedItem, now: number): SavedItem {
  const status = incoming.status ?? 'to-read';
  return {
    id: incoming.id,
    title: incoming.title ?? placeholderTitle(incoming.id),
    authors: [...(incoming.authors ?? [])],
    tldr: incoming.tldr ?? '',
    status,
    tags: uniqueTags(incoming.tags ?? []),
    notes: incoming.notes ?? '',
    addedAt: incoming.addedAt ?? now,
    updatedAt: incoming.updatedAt ?? now,
    // A file that says read but not when (a CSV edited in a spreadsheet, another tool's): read by its last change.
    readAt: incoming.readAt ?? (status === 'read' ? (incoming.updatedAt ?? now) : null),
    sourceUrl: incoming.sourceUrl ?? null,
    published: incoming.published ?? null,
    primaryCategory: incoming.primaryCategory ?? null,
    doi: incoming.doi ?? null,
    journalRef: incoming.journalRef ?? null,
    pdfUrl: incoming.pdfUrl ?? null,
  };
}

/**
 * The list's item merged with a file's: scalar fields from the side with the newer `updatedAt`
 * (the list's on a tie or when the file has no date), filled from the other side where the newer
 * one lacks them; tags united; notes from both; status (and its readAt) from the newer side, the
 * file's on a tie. A TL;DR the file's abstract gave only fills one the list lacks.
 */
export function mergeItem(current: SavedItem, incoming: ImportedItem): SavedItem {
  const fileIsNewer = incoming.updatedAt !== undefined && incoming.updatedAt > current.updatedAt;
  const newer: Partial<SavedItem> = fileIsNewer ? incoming : current;
  const older: Partial<SavedItem> = fileIsNewer ? current : incoming;
  const placeholder = placeholderTitle(current.id);
  const titleOf = (side: Partial<SavedItem>) => (side.title === placeholder ? undefined : side.title);
  // On a tie the file's status wins: every change in the list moves its time, so a status that
  // differs at the same time was edited in the file after its export (a CSV in a spreadsheet).
  const fileStatusWins = incoming.status !== undefined && incoming.updatedAt !== undefined && incoming.updatedAt >= current.updatedAt;
  const statusSide: Partial<SavedItem> = fileStatusWins ? incoming : current;
  const otherSide: Partial<SavedItem> = fileStatusWins ? current : incoming;
  const status = statusSide.status ?? current.status;
  return {
    id: current.id,
    title: pick(titleOf(newer), titleOf(older), current.title),
    authors: [...pick(newer.authors, older.authors, current.authors)],
    tldr: incoming.tldrFromAbstract ? pick(current.tldr, incoming.tldr, '') : pick(newer.tldr, older.tldr, current.tldr),
    status,
    tags: mergeTags(current.tags, incoming.tags ?? []),
    notes: mergeNotes(current.notes, incoming.notes ?? ''),
    addedAt: Math.min(current.addedAt, incoming.addedAt ?? current.addedAt),
    updatedAt: Math.max(current.updatedAt, incoming.updatedAt ?? current.updatedAt),
    readAt: status === 'read' ? pick(statusSide.readAt, otherSide.readAt, statusSide.updatedAt ?? current.updatedAt) : (statusSide.readAt ?? null),
    sourceUrl: pick(newer.sourceUrl, older.sourceUrl, null),
    published: pick(newer.published, older.published, null),
    primaryCategory: pick(newer.primaryCategory, older.primaryCategory, null),
    doi: pick(newer.doi, older.doi, null),
    journalRef: pick(newer.journalRef, older.journalRef, null),
    pdfUrl: pick(newer.pdfUrl, older.pdfUrl, null),
  };
}

/**
 * mergeItem for an import: tags or notes it gives a listed paper are an edit made now, which moves
 * the paper up "Last updated", unless they are a newer file's own (a backup from another device):
 * then they keep its time. Filling in what the item lacked (authors, a DOI) keeps the time, as the
 * paper's page does.
 */
function mergeImported(current: SavedItem, incoming: ImportedItem, now: number): SavedItem {
  const merged = mergeItem(current, incoming);
  const holds = (tags: readonly string[], notes: string) => equalLists(merged.tags, tags, tagKey) && merged.notes === notes;
  if (holds(current.tags, current.notes)) return merged;
  const fileIsNewer = merged.updatedAt > current.updatedAt;
  if (fileIsNewer && holds(incoming.tags ?? current.tags, incoming.notes ?? current.notes)) return merged;
  return { ...merged, updatedAt: Math.max(now, merged.updatedAt) };
}

/** Whether two values of a saved item's field are the same (lists compared element by element). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((value, index) => value === right[index]);
  return left === right;
}

/** Whether two saved items hold the same values. */
export function sameItem(a: SavedItem, b: SavedItem): boolean {
  return (Object.keys(a) as (keyof SavedItem)[]).every((key) => sameValue(a[key], b[key]));
}

/** The fields an edit changed from `before` to `after` (its `updatedAt` aside: every edit moves it). */
export function editedFields(before: SavedItem, after: SavedItem): (keyof SavedItem)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof SavedItem)[]);
  return [...keys].filter((key) => key !== 'updatedAt' && !sameValue(before[key], after[key]));
}

function describeRejection(rejection: ImportRejection): string {
  return rejection.line > 0 ? `line ${rejection.line}: ${rejection.reason}` : rejection.reason;
}

interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  repeated: number;
  statusesKept: number;
  notesJoined: number;
  /** Listed papers changed after the file's copy whose notes or tags it holds with more: an older backup's, putting back a note cut or a tag removed since (or another copy's additions: a file cannot tell). */
  editedSince: number;
  /** Listed papers the file gives fewer of the list's tags, or a blank note (a spreadsheet's cleared cell): kept. */
  keptBeyondFile: number;
}

function importSummary({ added, updated, unchanged, repeated, statusesKept, notesJoined, editedSince, keptBeyondFile }: ImportCounts, rejected: readonly ImportRejection[]): string {
  const count = (n: number): string => n.toLocaleString('en');
  const parts = [`${count(added)} new`, `${count(updated)} updated`];
  if (unchanged > 0) parts.push(`${count(unchanged)} unchanged`);
  // Said, as the notes box shows only its first lines: an older backup's notes join the list's newer ones.
  if (notesJoined > 0) parts.push(`${notesJoined === 1 ? '1 paper keeps both its notes' : `${count(notesJoined)} papers keep both their notes`} (the file's below "--- imported notes ---")`);
  if (repeated > 0) parts.push(`${count(repeated)} repeated in the file (merged into ${repeated === 1 ? 'its' : 'their'} first)`);
  // Said, not done silently: a spreadsheet of ids and statuses (its times left out) reads as applied otherwise.
  if (statusesKept > 0) {
    parts.push(`${statusesKept === 1 ? '1 status' : `${count(statusesKept)} statuses`} in the file left as the list has ${statusesKept === 1 ? 'it' : 'them'} (no newer time in the file)`);
  }
  // Said, as a status is: notes and tags are joined, never taken away, so an older backup puts back a note cut or a tag removed since.
  if (editedSince > 0) {
    parts.push(`${editedSince === 1 ? '1 paper changed since the file was made gets' : `${count(editedSince)} papers changed since the file was made get`} the file's notes or tags too (an import adds notes and tags, it never takes any away)`);
  }
  // Said, as a cell cleared in a spreadsheet reads as applied otherwise.
  if (keptBeyondFile > 0) {
    parts.push(`${keptBeyondFile === 1 ? '1 paper keeps' : `${count(keptBeyondFile)} papers keep`} tags or notes the file does not have (an import never takes any away)`);
  }
  let summary = parts.join(', ');
  if (rejected.length > 0) {
    const shown = rejected.slice(0, 3).map(describeRejection).join('; ');
    const more = rejected.length > 3 ? `; and ${count(rejected.length - 3)} more` : '';
    summary += `, ${count(rejected.length)} rejected: ${shown}${more}`;
  }
  return summary;
}

/**
 * The item with a title that only names its id as written when the file was made (`arXiv:math.GT/0309136`,
 * before ids lost their subject class) as the placeholder of its id: one the paper's page replaces,
 * and that never replaces a title.
 */
function withPlaceholderTitle(item: ImportedItem): ImportedItem {
  const named = item.title?.startsWith('arXiv:') ? normalizeArxivId(item.title.slice('arXiv:'.length)) : null;
  return named === item.id ? { ...item, title: placeholderTitle(item.id) } : item;
}

/**
 * What importing `incoming` into the list `existing` would do, by id. Pure: neither input is
 * changed, and the result shares no objects with them. `rejected` (the parse's rejections) is
 * passed through so the plan's summary reports everything the file held. An item whose merge
 * would break the store's rules (notes or tags over their limits) is rejected and left as it is.
 */
export function planImport(existing: readonly SavedItem[], incoming: readonly ImportedItem[], now: number, rejected: readonly ImportRejection[] = []): ImportPlan {
  const listed = new Map(existing.map((item) => [item.id, item]));
  const current = new Map<string, SavedItem>();
  const order: string[] = [];
  const problems: ImportRejection[] = rejected.map((rejection) => ({ ...rejection }));
  // The same paper more than once (an id with and without its version, a URL and its id).
  let repeated = 0;
  // Listed papers whose status in the file differs from the list's and lost to it (see mergeItem).
  const statusKept = new Set<string>();
  // When the file last changed each paper, where it says (a backup's items do; a BibTeX file's do
  // not), and its tags there.
  const fileTimes = new Map<string, number>();
  const fileTags = new Map<string, Set<string>>();
  // Listed papers the file gives tags or notes without some of the list's.
  const keptBeyondFile = new Set<string>();

  for (const imported of incoming) {
    const item = withPlaceholderTitle(imported);
    const before = current.get(item.id) ?? listed.get(item.id);
    const candidate = before ? mergeImported(before, item, now) : newItem(item, now);
    const checked = SavedItemSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const kept = before ? '; the item in the list was kept as it was' : '';
      problems.push({ line: item.line ?? 0, reason: `${item.id}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}${kept}` });
      continue;
    }
    if (current.has(item.id)) repeated++;
    else order.push(item.id);
    if (item.updatedAt !== undefined) fileTimes.set(item.id, Math.max(item.updatedAt, fileTimes.get(item.id) ?? item.updatedAt));
    fileTags.set(item.id, new Set([...(fileTags.get(item.id) ?? []), ...(item.tags ?? []).map(tagKey)]));
    current.set(item.id, checked.data);
    // Tags the list has and the file's are some of (taken off in a spreadsheet), or a note cleared
    // there: kept. (Other notes are joined, and said so; other tags, another tool's, join the list's.)
    const listedItem = listed.get(item.id);
    const listTags = new Set(listedItem?.tags.map(tagKey));
    const fewerTags = item.tags !== undefined && listTags.size > item.tags.length && item.tags.every((tag) => listTags.has(tagKey(tag)));
    const clearedNotes = item.notes !== undefined && item.notes.trim() === '' && (listedItem?.notes.trim() ?? '') !== '';
    if (fewerTags || clearedNotes) keptBeyondFile.add(item.id);
    if (before && item.status !== undefined && checked.data.status !== item.status) statusKept.add(item.id);
    else statusKept.delete(item.id);
  }

  const added: SavedItem[] = [];
  const updated: SavedItem[] = [];
  let unchanged = 0;
  let notesJoined = 0;
  let editedSince = 0;
  for (const id of order) {
    const result = current.get(id)!;
    const before = listed.get(id);
    if (!before) added.push(result);
    else if (sameItem(before, result)) unchanged++;
    else {
      updated.push(result);
      const joined = before.notes !== '' && result.notes.startsWith(before.notes + IMPORTED_NOTES_SEPARATOR);
      if (joined) notesJoined++;
      // The file holds all the list has of the notes or tags, and more: what an older copy has of a note cut or a tag removed since.
      const fileTime = fileTimes.get(id);
      const tagsInFile = fileTags.get(id)!;
      const notesBack = !joined && result.notes !== before.notes;
      const tagsBack = result.tags.length > before.tags.length && before.tags.every((tag) => tagsInFile.has(tagKey(tag)));
      if (fileTime !== undefined && before.updatedAt > fileTime && (notesBack || tagsBack)) editedSince++;
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { added, updated, unchanged, rejected: problems, summary: importSummary({ added: added.length, updated: updated.length, unchanged, repeated, statusesKept: statusKept.size, notesJoined, editedSince, keptBeyondFile: keptBeyondFile.size }, problems) };
}
