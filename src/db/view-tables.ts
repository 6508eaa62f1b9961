import { Dexie } from 'dexie';
import type { PaperLensDatabase } from './database';

/** What a paper view is made of. */
const VIEW_TABLES = ['paperBlocks', 'saved', 'trendingDays'];

/** Calls `onChange` after every write, from any context, to a table that paper views are made of. */
export function onViewTablesChanged(db: PaperLensDatabase, onChange: () => void): void {
  const prefixes = VIEW_TABLES.map((table) => `idb://${db.name}/${table}/`);
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) onChange();
  });
}

/** Sets `key` in `map`, first forgetting the oldest entry when the map already holds `max`. */
export function setBounded<K, V>(map: Map<K, V>, max: number, key: K, value: V): void {
  if (map.size >= max && !map.has(key)) map.delete(map.keys().next().value!);
  map.set(key, value);
}
