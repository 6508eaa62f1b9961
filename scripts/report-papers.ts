/** The papers the summary reports read: the bundled seed capture, and SciTLDR abstracts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTldr } from '../bench/tldr-data';
import { latexToText } from '../src/papers/latex';
import { parseCapture } from '../src/papers/seed-compiler';

export interface ReportPaper {
  title: string;
  abstract: string;
}

const SEED = fileURLToPath(new URL('../seeds/000_91954c1b7270a5c1.txt', import.meta.url));
export const DEFAULT_SCITLDR = ['data/scitldr/dev.jsonl', 'data/scitldr/train.jsonl'];

export function seedPapers(): ReportPaper[] {
  const capture = parseCapture({ name: 'seeds/000_91954c1b7270a5c1.txt', text: readFileSync(SEED, 'utf8') });
  return capture.papers.map((p) => ({ title: latexToText(p.title), abstract: latexToText(p.abstract) }));
}

export function scitldrPapers(files: string[]): ReportPaper[] {
  return files.flatMap((file) => loadTldr(file).map((r) => ({ title: r.title, abstract: r.source.join(' ') })));
}
