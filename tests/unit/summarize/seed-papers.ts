import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latexToText } from '../../../src/papers/latex';

const SEED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../seeds/000_91954c1b7270a5c1.txt');

export interface SeedPaper {
  title: string;
  abstract: string;
}

/** The 66 seed papers as readable text: title/abstract pairs after the "Jul 30" line. */
export function seedPapers(): SeedPaper[] {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Jul 30');
  const rest = lines.slice(start + 1).filter((l) => l.trim());
  const out: SeedPaper[] = [];
  for (let k = 0; k + 1 < rest.length; k += 2) {
    out.push({ title: latexToText(rest[k]!), abstract: latexToText(rest[k + 1]!) });
  }
  return out;
}

/** The seed paper whose title starts with `prefix`. */
export function seedTitled(papers: SeedPaper[], prefix: string): SeedPaper {
  const paper = papers.find((p) => p.title.startsWith(prefix));
  if (!paper) throw new Error(`no seed titled ${prefix}`);
  return paper;
}
