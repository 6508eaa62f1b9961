import { Dexie, type Table } from 'dexie';
import { NEW_STYLE_ID } from '../papers/ids';

/** A key range [first, last] of arXiv ids, bounds included. */
export type IdSpan = readonly [first: string, last: string];

/**
 * How far apart (in the id's number) two ids of the same month may be and still be read as one
 * key range: a range costs a request (~35 µs in Chrome) and ~5 µs a key it holds, so a few unlisted
 * keys between two listed ids cost less than a request of their own.
 */
export const MAX_GAP = 8;

/**
 * `sorted` (unique normalized ids in key order) cut into the key ranges to read: ids of the same
 * month at most MAX_GAP apart share one. Between two such ids the store can only hold that
 * month's ids with the numbers between, so a range holds at most MAX_GAP keys a listed id, however
 * many the store holds between a listing's first and last id (18,000 in a year-old store). An
 * arXiv listing is mostly one day's ids, a few ranges; an old or old-style id is a range of its own.
 */
export function idSpans(sorted: readonly string[]): IdSpan[] {
  const spans: IdSpan[] = [];
  let first: string | null = null;
  let last = '';
  let month = '';
  let number = Number.NaN;
  for (const id of sorted) {
    const parts = NEW_STYLE_ID.exec(id);
    // A month fixes how many digits its numbers have: string order is numeric order within it.
    const joins = first !== null && parts !== null && parts[1] === month && Number(parts[2]) - number <= MAX_GAP;
    if (!joins) {
      if (first !== null) spans.push([first, last]);
      first = id;
    }
    last = id;
    month = parts?.[1] ?? '';
    number = parts ? Number(parts[2]) : Number.NaN;
  }
  if (first !== null) spans.push([first, last]);
  return spans;
}

/** The spans that reach past `key` (a first read of the listing's range stopped there). */
export function spansPast(spans: readonly IdSpan[], key: string): IdSpan[] {
  return spans.filter(([, last]) => last > key);
}

// Each range asked at once; Dexie's promises chained so that callers keep their transaction.

/** The primary keys of the rows of `index` (':id' for the table's own keys) in any of `spans`. */
export function keysInSpans<T, K>(table: Table<T, K>, index: string, spans: readonly IdSpan[]): Promise<K[]> {
  return Dexie.Promise.all(spans.map(([first, last]) => table.where(index).between(first, last, true, true).primaryKeys())).then((found) => found.flat());
}

/**
 * The rows of a table keyed by id in any of `spans`: one request a range (reading 300 saved
 * items one by one took 13 ms in Chrome, most of a listing's reads).
 */
export function rowsInSpans<T, K>(table: Table<T, K>, spans: readonly IdSpan[]): Promise<T[]> {
  return Dexie.Promise.all(spans.map(([first, last]) => table.where(':id').between(first, last, true, true).toArray())).then((found) => found.flat());
}

/**
 * A request costs about what reading this many keys with getAllKeys does (~35 µs a Dexie request,
 * ~5 µs a key in Chrome). A listing's whole key range is read first, up to this many keys a range
 * of the listing: a store that holds few keys there (a fresh one) answers a listing of ids spread
 * over years (each a range of its own: 600 took 77 ms, 13 ms walking the range) in one request.
 */
const KEYS_PER_SPAN = 7;

/**
 * The keys a table keyed by id holds in `spans` (and a few between them): its keys in the
 * listing's whole range, up to KEYS_PER_SPAN a span; where that read stopped short, each span
 * past it read.
 */
export function heldKeys<T>(table: Table<T, string>, spans: readonly IdSpan[]): Promise<string[]> {
  const limit = KEYS_PER_SPAN * spans.length;
  return table
    .where(':id')
    .between(spans[0]![0], spans[spans.length - 1]![1], true, true)
    .limit(limit)
    .primaryKeys()
    .then((keys) => (keys.length < limit ? keys : keysInSpans(table, ':id', spansPast(spans, keys[keys.length - 1]!)).then((rest) => [...keys, ...rest])));
}
