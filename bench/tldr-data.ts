/** SciTLDR-format .jsonl loading (shared by the benchmark and the trainer). */
import { readFileSync } from 'node:fs';

export interface TldrRecord {
  paper_id: string;
  title: string;
  source: string[];
  target: string[];
  source_labels?: number[];
  rouge_scores?: number[];
}

function isRecord(value: unknown): value is TldrRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.source) && v.source.every((s) => typeof s === 'string') &&
    Array.isArray(v.target) && v.target.every((s) => typeof s === 'string')
  );
}

export function loadTldr(path: string): TldrRecord[] {
  const out: TldrRecord[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, k) => {
    if (!line.trim()) return;
    const value: unknown = JSON.parse(line);
    if (!isRecord(value)) throw new Error(`${path}:${k + 1}: not a SciTLDR record`);
    out.push({ ...value, paper_id: String(value.paper_id ?? k), title: String(value.title ?? '') });
  });
  return out;
}

/**
 * A Zotero BibTeX library of `count` arXiv papers (2501.00000 on) with SciTLDR dev's titles and
 * abstracts in turn (braces dropped: BibTeX would read them as groups), as a reference manager
 * exports a large library: what an import must summarise without freezing the page.
 */
export function zoteroLibraryOfAbstracts(count: number): string {
  const records = loadTldr('data/scitldr/dev.jsonl');
  const braceless = (text: string) => text.replace(/[{}]/g, '');
  return Array.from({ length: count }, (_, k) => {
    const { title, source } = records[k % records.length]!;
    const id = `2501.${String(k).padStart(5, '0')}`;
    return `@misc{paper_${k},\n\ttitle = {${braceless(title)}},\n\turl = {http://arxiv.org/abs/${id}},\n\tabstract = {${braceless(source.join(' '))}},\n\tauthor = {Doe, Jane and Roe, Richard},\n\tnote = {arXiv:${id} [cs]},\n}\n`;
  }).join('\n');
}
