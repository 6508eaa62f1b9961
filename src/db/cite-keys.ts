import type { IndexableType, Transaction } from 'dexie';
import { baseCitationKey, citeKeyId, newCitationKey, wantsCiteKey } from '../export/bibtex';
import { GivenCiteKeysSchema, isKeepableCiteKey, type Meta, type SavedItem } from '../schema';
import { MAX_GIVEN_CITE_KEYS } from '../papers/bounds';
import type { PaperLensDatabase } from './database';

/** The `meta` row keeping the keys Copy BibTeX gave papers: JSON `[id, key][]`, oldest first. */
export const GIVEN_CITE_KEYS_KEY = 'givenCiteKeys';

/** The given keys' row as stored, oldest first; none when it is not JSON of that shape. */
function givenPairs(row: Meta | undefined): [string, string][] {
  if (!row) return [];
  try {
    const parsed = GivenCiteKeysSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The keys Copy BibTeX gave, by paper id, oldest first; none when the row is unreadable (a key is then given anew). */
async function givenCiteKeys(db: PaperLensDatabase): Promise<Map<string, string>> {
  const pairs = givenPairs(await db.meta.get(GIVEN_CITE_KEYS_KEY));
  return new Map(pairs.every(([, key]) => isKeepableCiteKey(key)) ? pairs : []);
}

/**
 * The items as they are to be written, each that has no citation key yet given one that no other
 * saved paper (nor another of these) holds and Copy BibTeX gave no other paper: the file's key
 * (`fileKeys`, by id) when it is valid and free, else the key Copy BibTeX gave the paper, else the
 * paper's own (vaswani2017attention), suffixed only when taken. Papers whose title and authors are
 * not known yet get none unless their file names one or Copy BibTeX gave them one (they are keyed
 * by id until their page completes them).
 * Keys already given are never changed. Run inside a read-write transaction on `db.saved` and `db.meta`.
 */
export async function withCiteKeys(db: PaperLensDatabase, items: readonly SavedItem[], fileKeys: ReadonlyMap<string, string> = new Map()): Promise<SavedItem[]> {
  return keyed(db, items, fileKeys, await givenCiteKeys(db));
}

async function keyed(db: PaperLensDatabase, items: readonly SavedItem[], fileKeys: ReadonlyMap<string, string>, given: ReadonlyMap<string, string>): Promise<SavedItem[]> {
  const keying = items.filter((item) => item.citeKey === undefined && (isKeepableCiteKey(fileKeys.get(item.id)) || given.has(item.id) || wantsCiteKey(item)));
  if (keying.length === 0) return [...items];
  // The items carry the keys their stored rows have (every edit keeps them), so a stored key is
  // taken whichever row holds it.
  const held = new Set<string>();
  for (const item of items) if (item.citeKey !== undefined) held.add(citeKeyId(item.citeKey));
  // A few papers (a save): the stored keys starting as theirs would; many (an import): every
  // stored key, in one read of the index. All are read before any key is chosen.
  let stored: IndexableType[];
  if (keying.length > 20) stored = await db.saved.orderBy('citeKey').keys();
  else {
    const prefixes = [...new Set(keying.flatMap((item) => [fileKeys.get(item.id), given.get(item.id), wantsCiteKey(item) ? baseCitationKey(item) : undefined]).filter(isKeepableCiteKey))];
    stored = (await Promise.all(prefixes.map((prefix) => db.saved.where('citeKey').startsWithIgnoreCase(prefix).keys()))).flat();
  }
  for (const key of stored) held.add(citeKeyId(String(key)));
  // A key Copy BibTeX gave a paper may be in a document already: it stays that paper's.
  const givenTo = new Map([...given].map(([id, key]) => [citeKeyId(key), id] as const));
  const taken = new Set([...held, ...givenTo.keys()]);
  const result = [...items];
  // Keyed in the order they were first saved: of two namesakes imported together, the older one
  // gets the plain key, as it would have had it been saved first.
  const order = result.map((_, index) => index).sort((a, b) => result[a]!.addedAt - result[b]!.addedAt || a - b);
  for (const index of order) {
    const item = result[index]!;
    if (item.citeKey !== undefined) continue;
    const free = (key: string) => !held.has(citeKeyId(key)) && (givenTo.get(citeKeyId(key)) ?? item.id) === item.id;
    const fileKey = fileKeys.get(item.id);
    const givenKey = given.get(item.id);
    let citeKey: string | undefined;
    if (isKeepableCiteKey(fileKey) && free(fileKey)) citeKey = fileKey;
    else if (givenKey !== undefined && free(givenKey)) citeKey = givenKey;
    else if (wantsCiteKey(item)) citeKey = newCitationKey(item, taken);
    if (citeKey === undefined) continue;
    held.add(citeKeyId(citeKey));
    taken.add(citeKeyId(citeKey));
    result[index] = { ...item, citeKey };
  }
  return result;
}

/**
 * The paper (not saved, or saved before its details were known) with the key Copy BibTeX cites it
 * by: the one given it before, else the key a save would give it, now given: a later save of the
 * paper keeps it, and no other paper, saved or copied, is given it (two namesakes copied into one
 * .bib never share a key, and a \cite{} written for one never names the other). Writes only when a
 * key is first given. Runs its own read-write transaction.
 */
export async function withGivenCiteKey(db: PaperLensDatabase, item: SavedItem): Promise<SavedItem> {
  return db.transaction('rw', db.saved, db.meta, async () => {
    // Saved meanwhile (another tab) with its key: that one.
    const citeKey = (await db.saved.get(item.id))?.citeKey;
    if (citeKey !== undefined) return { ...item, citeKey };
    const given = await givenCiteKeys(db);
    const [cited] = await keyed(db, [item], new Map(), given);
    if (cited!.citeKey === undefined || given.get(item.id) === cited!.citeKey) return cited!;
    given.delete(item.id);
    given.set(item.id, cited!.citeKey);
    const kept = [...given].slice(-MAX_GIVEN_CITE_KEYS);
    await db.meta.put({ key: GIVEN_CITE_KEYS_KEY, value: JSON.stringify(kept) });
    return cited!;
  });
}

/** The items' keys (as citeKeyId compares them) that Copy BibTeX gave another paper. Run inside a transaction on `db.meta`. */
export async function keysGivenToOthers(db: PaperLensDatabase, items: readonly SavedItem[]): Promise<Set<string>> {
  const givenTo = new Map([...(await givenCiteKeys(db))].map(([id, key]) => [citeKeyId(key), id] as const));
  return new Set(
    items.flatMap((item) => {
      const owner = item.citeKey === undefined ? undefined : givenTo.get(citeKeyId(item.citeKey));
      return owner !== undefined && owner !== item.id ? [citeKeyId(item.citeKey!)] : [];
    }),
  );
}

/** Forgets the keys Copy BibTeX gave (the reading data is cleared). Run inside a read-write transaction on `db.meta`. */
export async function forgetGivenCiteKeys(db: PaperLensDatabase): Promise<void> {
  await db.meta.delete(GIVEN_CITE_KEYS_KEY);
}

/**
 * Store version 20: a key made before its parts were capped (baseCitationKey) could be longer than
 * CITE_KEY_PATTERN allows, and every read of its item refused the item: the reading list and its
 * exports left the paper out, and a given one made the row of given keys unreadable. Each item
 * holding a key the pattern refuses, saved or removed, gets the key a save gives it now, free of
 * the other keys; such a given key is forgotten (the paper is given a new one when copied again).
 */
export async function rekeyRefusedCiteKeys(transaction: Transaction): Promise<void> {
  const meta = transaction.table<Meta, string>('meta');
  const given = givenPairs(await meta.get(GIVEN_CITE_KEYS_KEY));
  const keptGiven = given.filter(([, key]) => isKeepableCiteKey(key));
  if (keptGiven.length < given.length) await meta.put({ key: GIVEN_CITE_KEYS_KEY, value: JSON.stringify(keptGiven) });
  const taken = new Set(keptGiven.map(([, key]) => citeKeyId(key)));
  const tables = ['saved', 'removed'].map((name) => transaction.table<SavedItem, string>(name));
  const rows = await Promise.all(tables.map((table) => table.toArray()));
  for (const item of rows.flat()) if (isKeepableCiteKey(item.citeKey)) taken.add(citeKeyId(item.citeKey));
  for (const [at, table] of tables.entries()) {
    const refused = rows[at]!.filter((item) => item.citeKey !== undefined && !isKeepableCiteKey(item.citeKey));
    const rekeyed = refused.map((item) => {
      const citeKey = newCitationKey(item, taken);
      taken.add(citeKeyId(citeKey));
      return { ...item, citeKey };
    });
    await table.bulkPut(rekeyed);
  }
}
