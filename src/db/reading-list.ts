import { editedFields, planImport, sameItem, sameValue } from '../export/merge';
import { normalizeTitle, placeholderTitle } from '../papers/ids';
import type { TitledPaper } from '../export/title-match';
import { titleKeyOf } from './title-key';
import {
  EDITED_ELSEWHERE,
  MAX_TAGS,
  normalizeTag,
  SearchedPaperTextSchema,
  tagKey,
  uniqueTags,
  type ChangeCount,
  type ClearResult,
  type EditResult,
  type ImportPlan,
  type ImportRejection,
  type ImportResult,
  type ImportedItem,
  type Paper,
  type ReadingStatus,
  type RemovedItem,
  type SavedItem,
} from '../schema';
import type { PaperLensDatabase } from './database';
import { queueArxivFill } from './feed';
import { forgetGivenCiteKeys, keysGivenToOthers, withCiteKeys } from './cite-keys';
import { keepRemoved, keptRemovedCount, reviseKept, takeRemovals, type RemovalOf } from './removed';
import { citeKeyId } from '../export/bibtex';
import { titlesOneVersion } from '../papers/title-versions';

/**
 * Edits of the reading list. Each function is one read-write transaction that reads the items it
 * changes, changes them and writes them back: IndexedDB runs overlapping read-write transactions
 * one after another, so concurrent edits from several tabs never overwrite each other. Every
 * change sets `updatedAt`; an edit that changes nothing writes nothing.
 */

function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

async function itemOf(db: PaperLensDatabase, id: string): Promise<SavedItem> {
  const item = await db.saved.get(id);
  if (!item) throw new Error(`${id} is not in the reading list`);
  return item;
}

/**
 * Applies `change` to each named item that is in the list; answers with the items it changed, as
 * they were (read in its own transaction) and as it left them, for an exact Undo.
 */
async function editEach(db: PaperLensDatabase, ids: readonly string[], change: (item: SavedItem) => SavedItem | null): Promise<EditResult> {
  return db.transaction('rw', db.saved, async () => {
    const before: SavedItem[] = [];
    const after: SavedItem[] = [];
    for (const item of await db.saved.bulkGet([...new Set(ids)])) {
      const next = item ? change(item) : null;
      if (!item || !next) continue;
      before.push(item);
      after.push(next);
    }
    await db.saved.bulkPut(after);
    return { changed: after.length, before, after };
  });
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, index) => tag === b[index]);
// Tags as setTags would store them: an edit's `since` may hold the tags it sent, as typed.
const asStored = (tags: readonly string[]) => uniqueTags(tags.map(normalizeTag));

/**
 * Replaces an item's tags. `since`: the tags the edit began from; where the item holds others (and
 * not these), another tab changed them meanwhile, and the write is refused (EDITED_ELSEWHERE).
 */
export async function setTags(db: PaperLensDatabase, id: string, tags: readonly string[], now: number, since?: readonly string[]): Promise<SavedItem> {
  return db.transaction('rw', db.saved, async () => {
    const item = await itemOf(db, id);
    const next = uniqueTags(tags);
    if (sameTags(next, item.tags)) return item;
    if (since !== undefined && !sameTags(asStored(since), asStored(item.tags))) throw new Error(EDITED_ELSEWHERE);
    const updated = { ...item, tags: next, updatedAt: now };
    await db.saved.put(updated);
    return updated;
  });
}

/**
 * Adds each of `tags` an item lacks (ignoring case) to every named item, in one transaction: all
 * of them or, when one item would hold more than MAX_TAGS, none anywhere.
 */
export async function addTags(db: PaperLensDatabase, ids: readonly string[], tags: readonly string[], now: number): Promise<EditResult> {
  const adding = uniqueTags(tags);
  return editEach(db, ids, (item) => {
    const missing = adding.filter((tag) => !item.tags.some((existing) => sameTag(existing, tag)));
    if (missing.length === 0) return null;
    if (item.tags.length + missing.length > MAX_TAGS) {
      throw new Error(`${item.id} already has ${item.tags.length} tags: ${MAX_TAGS} at most, remove some before adding ${missing.map((tag) => `"${tag}"`).join(', ')}`);
    }
    return { ...item, tags: [...item.tags, ...missing], updatedAt: now };
  });
}

/** Removes each of `tags` (ignoring case) from every named item, in one transaction. */
export async function removeTags(db: PaperLensDatabase, ids: readonly string[], tags: readonly string[], now: number): Promise<EditResult> {
  return editEach(db, ids, (item) => {
    const kept = item.tags.filter((existing) => !tags.some((tag) => sameTag(existing, tag)));
    return kept.length === item.tags.length ? null : { ...item, tags: kept, updatedAt: now };
  });
}

/** Replaces an item's notes; `since` as setTags'. */
export async function setNotes(db: PaperLensDatabase, id: string, notes: string, now: number, since?: string): Promise<SavedItem> {
  return db.transaction('rw', db.saved, async () => {
    const item = await itemOf(db, id);
    if (item.notes === notes) return item;
    if (since !== undefined && item.notes !== since) throw new Error(EDITED_ELSEWHERE);
    const updated = { ...item, notes, updatedAt: now };
    await db.saved.put(updated);
    return updated;
  });
}

/** The item with a new status; 'read' keeps the first time it was read, any other status clears it. */
export function withStatus(item: SavedItem, status: ReadingStatus, now: number): SavedItem {
  const readAt = status === 'read' ? (item.status === 'read' ? (item.readAt ?? now) : now) : null;
  return { ...item, status, readAt, updatedAt: now };
}

export async function setStatusMany(db: PaperLensDatabase, ids: readonly string[], status: ReadingStatus, now: number): Promise<EditResult> {
  return editEach(db, ids, (item) => (item.status === status ? null : withStatus(item, status, now)));
}

/**
 * Removes the named items and answers with them as they were and are kept (see keepRemoved), each
 * with the removal's removedAt: what its Undo (undoRemoval) names.
 */
export async function removeSaved(db: PaperLensDatabase, ids: readonly string[], now: number): Promise<RemovedItem[]> {
  return db.transaction('rw', db.saved, db.removed, async () => {
    const removed = (await db.saved.bulkGet([...new Set(ids)])).filter((item): item is SavedItem => item !== undefined);
    await db.saved.bulkDelete(removed.map((item) => item.id));
    return keepRemoved(db, removed, now);
  });
}

/**
 * A removal's Undo: the named papers' kept copies, each only while it is the copy that removal kept
 * (its removedAt), go back to the list where the paper is not listed again; those copies are no
 * longer kept. Counts the papers put back.
 */
export async function undoRemoval(db: PaperLensDatabase, removals: readonly RemovalOf[], now: number): Promise<ChangeCount> {
  return db.transaction('rw', db.saved, db.removed, db.meta, async () => {
    const items = await takeRemovals(db, removals, now);
    return items.length === 0 ? { changed: 0 } : restoreSaved(db, items);
  });
}

/**
 * A removal's Undo: the items go back exactly as they were, only those no longer listed (one saved
 * again meanwhile stays as it is). Counts the items put back.
 */
export async function restoreSaved(db: PaperLensDatabase, items: readonly SavedItem[]): Promise<ChangeCount> {
  return db.transaction('rw', db.saved, db.removed, db.meta, async () => {
    const current = await db.saved.bulkGet(items.map((item) => item.id));
    const restored = items.filter((_, index) => current[index] === undefined);
    await db.saved.bulkPut(await withoutTakenKeys(db, restored));
    await db.removed.bulkDelete(restored.map((item) => item.id));
    return { changed: restored.length };
  });
}

/**
 * An item with an edit undone (`before` → `after`: the item before and after the edit), or null
 * when that edit's fields changed again since, here or elsewhere. Only the fields the edit
 * changed go back; what else changed since stays (a status set back keeps a tag added after it).
 * Tags go back as a set: those the edit added are taken off, those it took off put back.
 */
function undone(current: SavedItem, before: SavedItem, after: SavedItem, now: number): SavedItem | null {
  if (sameItem(current, after)) return before;
  const fields = editedFields(before, after).filter((key) => key !== 'tags');
  if (fields.some((key) => !sameValue(current[key], after[key]))) return null;
  const reverted: SavedItem = { ...current, updatedAt: now };
  for (const key of fields) {
    // (An optional field the edit gave the item, as a citation key, is taken off again.)
    if (before[key] === undefined) delete reverted[key];
    else Object.assign(reverted, { [key]: before[key] });
  }
  // Tags by their key, as tag edits compare them ("ML" is "ml").
  const tagKeys = (tags: readonly string[]) => new Set(tags.map(tagKey));
  const [beforeKeys, afterKeys] = [tagKeys(before.tags), tagKeys(after.tags)];
  const added = new Set([...afterKeys].filter((key) => !beforeKeys.has(key)));
  const takenOff = before.tags.filter((tag) => !afterKeys.has(tagKey(tag)));
  reverted.tags = uniqueTags([...current.tags.filter((tag) => !added.has(tagKey(tag))), ...takenOff]);
  if (reverted.tags.length > MAX_TAGS) return null;
  return sameItem(reverted, { ...current, updatedAt: now }) ? null : reverted;
}

/**
 * An edit's Undo (the items as they were before it and as it left them, in the same order): each
 * item gets back what the edit changed, unless that changed again since (`undone`). A paper
 * removed since gets it back in the copy its removal kept, so undoing the removal later does not
 * bring the edit back. Counts the items put back.
 */
export async function revertEdit(db: PaperLensDatabase, before: readonly SavedItem[], after: readonly SavedItem[], now: number): Promise<ChangeCount> {
  return db.transaction('rw', db.saved, db.removed, db.meta, async () => {
    const current = await db.saved.bulkGet(before.map((item) => item.id));
    const reverted = before.flatMap((item, index) => {
      const listed = current[index];
      const back = listed === undefined ? null : undone(listed, item, after[index]!, now);
      return back === null ? [] : [back];
    });
    await db.saved.bulkPut(await withoutTakenKeys(db, reverted));
    const removedSince = before.filter((_, index) => current[index] === undefined);
    const afterOf = new Map(after.map((item) => [item.id, item]));
    const keptReverted = await reviseKept(db, removedSince.map((item) => item.id), (kept, index) => undone(kept, removedSince[index]!, afterOf.get(kept.id)!, now), now);
    return { changed: reverted.length + keptReverted };
  });
}

/**
 * Items put back by an Undo, each with its own key unless a paper saved meanwhile was given it (a
 * removed paper's key is free), or Copy BibTeX gave it another paper: that one keeps it, the item
 * put back gets a new one. Run inside a read-write transaction on `db.saved` and `db.meta`.
 */
export async function withoutTakenKeys(db: PaperLensDatabase, items: SavedItem[]): Promise<SavedItem[]> {
  const keys = items.flatMap((item) => (item.citeKey === undefined ? [] : [item.citeKey]));
  if (keys.length === 0) return items;
  const ids = new Set(items.map((item) => item.id));
  const holders = await db.saved.where('citeKey').anyOfIgnoreCase(keys).toArray();
  const taken = new Set(holders.flatMap((row) => (ids.has(row.id) || row.citeKey === undefined ? [] : [citeKeyId(row.citeKey)])));
  for (const key of await keysGivenToOthers(db, items)) taken.add(key);
  if (taken.size === 0) return items;
  return withCiteKeys(db, items.map((item) => (item.citeKey !== undefined && taken.has(citeKeyId(item.citeKey)) ? withoutCiteKey(item) : item)));
}

/**
 * Imported items of papers the store knows get what they lack from the store's paper: one that
 * names only an id (a list of ids or URLs) its title, authors and TL;DR instead of the placeholder;
 * one from a file that has no such field (BibTeX, RIS, another tool's CSV) its authors and TL;DR
 * (the TL;DR when the store has the paper under the file's title), else the list says "No TL;DR" of
 * a paper whose card has one. What a file says (a backup's empty TL;DR too) is kept.
 */
export function withKnownPapers(items: readonly ImportedItem[], papers: ReadonlyMap<string, Paper>): ImportedItem[] {
  return items.map((item) => {
    const paper = papers.get(item.id);
    if (!paper) return item;
    if (item.title === undefined || item.title === placeholderTitle(item.id)) {
      return {
        ...item,
        title: paper.title,
        authors: item.authors?.length ? item.authors : paper.authors,
        tldr: item.tldr || paper.summary.tldr,
      };
    }
    return { ...item, authors: item.authors ?? paper.authors, tldr: item.tldr ?? (titlesOneVersion(item.title, paper.title) ? paper.summary.tldr : '') };
  });
}

/** The store's papers among these ids. */
export async function knownPapers(db: PaperLensDatabase, ids: readonly string[]): Promise<Map<string, Paper>> {
  const papers = await db.papers.bulkGet([...new Set(ids)]);
  return new Map(papers.flatMap((paper) => (paper ? [[paper.id, paper] as const] : [])));
}

/** What the reading list's search reads of a saved paper the store holds. */
export interface SearchedPaperText {
  abstract: string;
  /** Its topics and the names its abstract uses. */
  terms: string[];
}

/**
 * The abstract, topics and abstract's names the store holds of each of these saved papers, by id, for
 * the reading list's search; a paper the store does not hold, or a row the schema cannot read, has none.
 */
export async function savedPapersText(db: PaperLensDatabase, ids: readonly string[]): Promise<Map<string, SearchedPaperText>> {
  const texts = new Map<string, SearchedPaperText>();
  const sorted = [...ids].sort();
  // A few blocks at a time (ids in order are mostly in neighbouring blocks): the page reads them
  // while the reader types, and each read's copy into the page holds it.
  for (let at = 0; at < sorted.length; at += SAVED_TEXTS_PER_READ) {
    for (const paper of await db.papers.bulkGet(sorted.slice(at, at + SAVED_TEXTS_PER_READ))) {
      const read = SearchedPaperTextSchema.safeParse(paper);
      if (read.success) texts.set(read.data.id, { abstract: read.data.abstract, terms: [...read.data.summary.topics, ...read.data.summary.names] });
    }
  }
  return texts;
}

const SAVED_TEXTS_PER_READ = 500;

/**
 * The saved and stored papers with one of these titles (each normalized by normalizeTitle), to
 * import a file's entries that name no arXiv id. Run inside a transaction on `db.saved` and `db.paperBlocks`.
 */
export async function papersTitled(db: PaperLensDatabase, titles: readonly string[]): Promise<TitledPaper[]> {
  if (titles.length === 0) return [];
  const wanted = new Set(titles);
  const found: TitledPaper[] = [];
  // The list has no index of titles: read through once, only for a file with such entries.
  await db.saved.each((item) => {
    const normTitle = normalizeTitle(item.title);
    if (wanted.has(normTitle)) found.push({ id: item.id, title: item.title, normTitle, saved: true, authors: item.authors });
  });
  // Keys are hashes: keep the papers whose title is one asked for.
  for (const paper of await db.papers.withTitleKeys([...wanted].map(titleKeyOf))) {
    if (wanted.has(paper.normTitle)) found.push({ id: paper.id, title: paper.title, normTitle: paper.normTitle, saved: false, authors: paper.authors });
  }
  return found;
}

/**
 * planImport over the listed items without their citation keys: the merge knows no key, and the
 * key a listed paper keeps is no change (applyImport puts it back), so a file imported again is
 * "unchanged" in the preview as in the import.
 */
export function planListImport(existing: readonly SavedItem[], incoming: readonly ImportedItem[], now: number, rejected: readonly ImportRejection[] = []): ImportPlan {
  return planImport(existing.map(withoutCiteKey), incoming, now, rejected);
}

/**
 * Applies an import all or nothing, in one transaction: the merge is planned against the list as
 * it is inside the transaction (an edit made since the preview is merged, not lost), and any
 * failure aborts the transaction with nothing written.
 */
export async function applyImport(db: PaperLensDatabase, items: readonly ImportedItem[], rejected: readonly ImportRejection[], now: number): Promise<ImportResult> {
  return db.transaction('rw', [db.saved, db.removed, db.paperBlocks, db.meta], async () => {
    const ids = [...new Set(items.map((item) => item.id))];
    const stored = await knownPapers(db, ids);
    const incoming = withKnownPapers(items, stored);
    const existing = (await db.saved.bulkGet(ids)).filter((item): item is SavedItem => item !== undefined);
    const plan = planListImport(existing, incoming, now, rejected);
    const written = await keyedWrites(db, existing, incoming, plan);
    await db.saved.bulkPut(written);
    // Listed again by the file, as the file has them: no longer "recently removed".
    await db.removed.bulkDelete(plan.added.map((item) => item.id));
    // Ids and bare entries: their pages say the rest (and which title is current).
    await queueArxivFill(db, written, stored);
    return { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged, rejected: plan.rejected, summary: plan.summary };
  });
}

/**
 * The items an import plan writes, with the citation keys they will have: a listed paper keeps its
 * own, a new one (or one without a key yet) takes the file's when free. Reads only: the preview
 * runs it too. Run inside a transaction on `db.saved` and `db.meta`.
 */
export async function keyedWrites(db: PaperLensDatabase, existing: readonly SavedItem[], incoming: readonly ImportedItem[], plan: ImportPlan): Promise<SavedItem[]> {
  const listedKeys = new Map(existing.flatMap((item) => (item.citeKey === undefined ? [] : [[item.id, item.citeKey] as const])));
  return withCiteKeys(
    db,
    [...plan.added, ...plan.updated].map((item) => {
      const citeKey = listedKeys.get(item.id);
      return citeKey === undefined ? withoutCiteKey(item) : { ...item, citeKey };
    }),
    firstFileKeys(incoming),
  );
}

/**
 * Each paper's citation key as the file's first entry of it with a key gives it: the entries
 * repeating a paper are merged into its first (QA: a later entry's key replaced the first's, and
 * every \cite{} of the first broke).
 */
function firstFileKeys(incoming: readonly ImportedItem[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const item of incoming) if (item.citeKey !== undefined && !keys.has(item.id)) keys.set(item.id, item.citeKey);
  return keys;
}

/**
 * What the preview says of each citation key the file gives that its paper will not be cited by
 * (QA: renamed without a word, so a colleague's \cite{} named another paper): the key the list
 * cites it by, or who holds the file's key (a paper of the list or of the file, or one Copy BibTeX
 * cited by it). Run inside a transaction on `db.saved` and `db.meta`.
 */
export async function citeKeyNotes(db: PaperLensDatabase, existing: readonly SavedItem[], incoming: readonly ImportedItem[], plan: ImportPlan): Promise<ImportRejection[]> {
  const fileKeys = incoming.flatMap((item) => (item.citeKey === undefined ? [] : [item.citeKey]));
  if (fileKeys.length === 0) return [];
  const listedKeys = new Map(existing.map((item) => [item.id, item.citeKey]));
  const after = new Map(existing.map((item) => [item.id, item]));
  for (const item of await keyedWrites(db, existing, incoming, plan)) after.set(item.id, item);
  const holders = new Map<string, string>();
  for (const row of await db.saved.where('citeKey').anyOfIgnoreCase(fileKeys).toArray()) if (row.citeKey !== undefined) holders.set(citeKeyId(row.citeKey), row.id);
  for (const item of after.values()) if (item.citeKey !== undefined) holders.set(citeKeyId(item.citeKey), item.id);
  const firstKeys = firstFileKeys(incoming);
  const notes: ImportRejection[] = [];
  const said = new Set<string>();
  for (const item of incoming) {
    if (item.citeKey === undefined || said.has(item.id)) continue;
    const cited = after.get(item.id)?.citeKey;
    if (cited !== undefined && citeKeyId(cited) === citeKeyId(item.citeKey)) continue;
    said.add(item.id);
    const holder = holders.get(citeKeyId(item.citeKey));
    const firstKey = firstKeys.get(item.id)!;
    const why =
      listedKeys.get(item.id) !== undefined
        ? 'your list cites it by its own key'
        : firstKey !== item.citeKey
          ? `a repeat of the paper in the file: its first entry's key "${firstKey}" is the one kept`
          : holder !== undefined && holder !== item.id
            ? `it is ${holder}'s`
            : 'Copy BibTeX cited another paper by it';
    notes.push({ line: item.line ?? 0, reason: `citation key "${item.citeKey}" is not kept for ${item.id} (${why})${cited === undefined ? '' : `: it is cited as ${cited}`}` });
  }
  return notes;
}

function withoutCiteKey(item: SavedItem): SavedItem {
  const { citeKey: _citeKey, ...rest } = item;
  return rest;
}

/** "Clear PaperLens data": empties the reading list (and the papers kept after their removal), the seen marks and the keys Copy BibTeX gave; the bundled papers stay. */
export async function clearReadingData(db: PaperLensDatabase, now: number): Promise<ClearResult> {
  return db.transaction('rw', db.saved, db.removed, db.seen, db.meta, async () => {
    const result = { saved: await db.saved.count(), removed: await keptRemovedCount(db, now), seen: await db.seen.count() };
    // The keys Copy BibTeX gave go too: which papers were cited is reading data, as the list's own keys are.
    await Promise.all([db.saved.clear(), db.removed.clear(), db.seen.clear(), forgetGivenCiteKeys(db)]);
    return result;
  });
}
