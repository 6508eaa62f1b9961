import { normalizeTitle } from '../papers/ids';

/**
 * 32-bit FNV-1a of the normalized title. A string index on the titles cost ~4 s of a
 * 100,000-paper load; a number costs a fraction of that. Different titles can share a key, so
 * lookups compare `normTitle` on the candidates.
 */
export function titleKeyOf(normTitle: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < normTitle.length; i++) {
    hash ^= normTitle.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The key of a row as written by any version (never throws: it runs in the store upgrade too). */
export function titleKeyOfRow(row: { normTitle?: unknown; title?: unknown }): number {
  if (typeof row.normTitle === 'string') return titleKeyOf(row.normTitle);
  return titleKeyOf(typeof row.title === 'string' ? normalizeTitle(row.title) : '');
}
