import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Vocabulary } from './synthetic-papers';

// Node only: synthetic-papers.ts is also bundled into the benchmark page and the bench build's worker.

/** Word frequencies of a corpus: lowercased runs of letters, most frequent first, at most `limit`. */
function vocabularyFrom(texts: string[], limit = 20_000): Vocabulary {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of text.toLowerCase().match(/[a-z][a-z-]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return { words: ranked.map(([word]) => word), counts: ranked.map(([, count]) => count) };
}

/** Word frequencies of real CS abstracts (the vendored SciTLDR dev split): a realistic corpus. */
export function realVocabulary(): Vocabulary {
  const texts = readFileSync(fileURLToPath(new URL('../data/scitldr/dev.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const record = JSON.parse(line) as { title?: string; source: string[] };
      return `${record.title ?? ''} ${record.source.join(' ')}`;
    });
  return vocabularyFrom(texts);
}
