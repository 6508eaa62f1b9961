import type { IndexableType } from 'dexie';
import { baseCitationKey, citeKeyId, newCitationKey, wantsCiteKey } from '../export/bibtex';
import { isKeepableCiteKey, type SavedItem } from '../schema';
import type { PaperLensDatabase } from './database';

/**
 * The items as they are to be written, each that has no citation key yet given one that no other
 * saved paper (nor another of these) holds: the file's key (`fileKeys`, by id) when it is valid and
 * free, else the paper's own (vaswani2017attention), suffixed only when taken. Papers whose title
 * and authors are not known yet get none unless their file names one (they are keyed by id until
 * their page completes them).
 * Keys already given are never changed. Run inside a read-write transaction on `db.saved`.
 */
export async function withCiteKeys(db: PaperLensDatabase, items: readonly SavedItem[], fileKeys: ReadonlyMap<string, string> = new Map()): Promise<SavedItem[]> {
  const keying = items.filter((item) => item.citeKey === undefined && (isKeepableCiteKey(fileKeys.get(item.id)) || wantsCiteKey(item)));
  if (keying.length === 0) return [...items];
  // The items carry the keys their stored rows have (every edit keeps them), so a stored key is
  // taken whichever row holds it.
  const taken = new Set<string>();
  for (const item of items) if (item.citeKey !== undefined) taken.add(citeKeyId(item.citeKey));
  // A few papers (a save): the stored keys starting as theirs would; many (an import): every
  // stored key, in one read of the index. All are read before any key is chosen.
  let stored: IndexableType[];
  if (keying.length > 20) stored = await db.saved.orderBy('citeKey').keys();
  else {
    const prefixes = [...new Set(keying.flatMap((item) => [fileKeys.get(item.id), wantsCiteKey(item) ? baseCitationKey(item) : undefined]).filter(isKeepableCiteKey))];
    stored = (await Promise.all(prefixes.map((prefix) => db.saved.where('citeKey').startsWithIgnoreCase(prefix).keys()))).flat();
  }
  for (const key of stored) taken.add(citeKeyId(String(key)));
  const result = [...items];
  // Keyed in the order they were first saved: of two namesakes imported together, the older one
  // gets the plain key, as it would have had it been saved first.
  const order = result.map((_, index) => index).sort((a, b) => result[a]!.addedAt - result[b]!.addedAt || a - b);
  for (const index of order) {
    const item = result[index]!;
    if (item.citeKey !== undefined) continue;
    const fileKey = fileKeys.get(item.id);
    let citeKey: string | undefined;
    if (isKeepableCiteKey(fileKey) && !taken.has(citeKeyId(fileKey))) citeKey = fileKey;
    else if (wantsCiteKey(item)) citeKey = newCitationKey(item, taken);
    if (citeKey === undefined) continue;
    taken.add(citeKeyId(citeKey));
    result[index] = { ...item, citeKey };
  }
  return result;
}
