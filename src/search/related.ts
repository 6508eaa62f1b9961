import { tokenize } from './tokenize';

/**
 * "Related papers": TF-IDF cosine similarity over title + abstract. The corpus is the local store
 * (tens to a few thousand papers), so a brute-force pass over sparse unit vectors is fast enough
 * and needs no persistent structure.
 */

export interface RelatedDocument {
  id: string;
  title: string;
  abstract: string;
}

type SparseVector = Map<string, number>;

export interface RelatedCorpus {
  ids: string[];
  vectors: SparseVector[];
  idf: Map<string, number>;
}

function termCounts(document: Pick<RelatedDocument, 'title' | 'abstract'>): Map<string, number> {
  const counts = new Map<string, number>();
  // The title says what the paper is about more densely than any abstract sentence.
  for (const token of tokenize(document.title)) counts.set(token, (counts.get(token) ?? 0) + 2);
  for (const token of tokenize(document.abstract)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function unitVector(counts: Map<string, number>, idf: Map<string, number>, fallbackIdf: number): SparseVector {
  const vector: SparseVector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (idf.get(term) ?? fallbackIdf);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

export function buildRelatedCorpus(documents: RelatedDocument[]): RelatedCorpus {
  const counts = documents.map(termCounts);
  const df = new Map<string, number>();
  for (const document of counts) for (const term of document.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, frequency] of df) idf.set(term, Math.log((documents.length + 1) / (frequency + 1)) + 1);
  const fallback = Math.log(documents.length + 1) + 1;
  return { ids: documents.map((document) => document.id), vectors: counts.map((document) => unitVector(document, idf, fallback)), idf };
}

function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot;
}

/** The `count` most similar papers of the corpus to `target` (never the target itself), best first. */
export function relatedTo(corpus: RelatedCorpus, target: RelatedDocument, count = 3, minimumSimilarity = 0.05): string[] {
  const fallback = Math.log(corpus.ids.length + 1) + 1;
  const vector = unitVector(termCounts(target), corpus.idf, fallback);
  const scored: { id: string; similarity: number }[] = [];
  corpus.vectors.forEach((candidate, index) => {
    const id = corpus.ids[index]!;
    if (id === target.id) return;
    const similarity = cosine(vector, candidate);
    if (similarity >= minimumSimilarity) scored.push({ id, similarity });
  });
  scored.sort((a, b) => b.similarity - a.similarity);
  return scored.slice(0, count).map((entry) => entry.id);
}
