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
