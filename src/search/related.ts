import { tokenize } from './tokenize';

/**
 * "Related papers": TF-IDF cosine similarity over title + abstract, by a brute-force pass over
 * every paper of the store. Terms are numbered and each paper's unit vector is a run of flat
 * typed arrays: at 10,000 papers a Map per paper took ~1.3 s to build and ~80 ms per question.
 */

export interface RelatedDocument {
  id: string;
  title: string;
  abstract: string;
}

export interface RelatedCorpus {
  ids: string[];
  /** Term → its number; `idf[number]` is its inverse document frequency. */
  termNumbers: Map<string, number>;
  idf: Float64Array;
  /** Paper p's vector: `terms[k]` weighs `weights[k]` for `offsets[p] <= k < offsets[p + 1]`. */
  offsets: Uint32Array;
  terms: Uint32Array;
  weights: Float32Array;
}

/** Calls `count` for each term occurrence of a paper with how much it counts. */
function countTerms(document: Pick<RelatedDocument, 'title' | 'abstract'>, count: (term: string, by: number) => void): void {
  // The title says what the paper is about more densely than any abstract sentence.
  for (const token of tokenize(document.title)) count(token, 2);
  for (const token of tokenize(document.abstract)) count(token, 1);
}

function termCounts(document: Pick<RelatedDocument, 'title' | 'abstract'>): Map<string, number> {
  const counts = new Map<string, number>();
  countTerms(document, (term, by) => counts.set(term, (counts.get(term) ?? 0) + by));
  return counts;
}

const termWeight = (count: number, idf: number): number => (1 + Math.log(count)) * idf;

/** Builds a corpus one paper at a time, so a long build can pause between papers. */
export class RelatedCorpusBuilder {
  private readonly ids: string[] = [];
  private readonly added = new Set<string>();
  private readonly termNumbers = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly terms: number[] = [];
  private readonly counts: number[] = [];
  // The current paper's count of each term (by number), and its terms in order of appearance.
  private readonly countOf: number[] = [];
  private readonly present: number[] = [];

  add(document: RelatedDocument): void {
    // A paper read twice (moved while a long build read the store) counts once.
    if (this.added.has(document.id)) return;
    this.added.add(document.id);
    countTerms(document, this.count);
    for (const number of this.present) {
      this.df[number]!++;
      this.terms.push(number);
      this.counts.push(this.countOf[number]!);
      this.countOf[number] = 0;
    }
    this.present.length = 0;
    this.offsets.push(this.terms.length);
    this.ids.push(document.id);
  }

  private readonly count = (token: string, by: number): void => {
    let number = this.termNumbers.get(token);
    if (number === undefined) {
      number = this.df.length;
      this.termNumbers.set(token, number);
      this.df.push(0);
      this.countOf.push(0);
    }
    if (this.countOf[number] === 0) this.present.push(number);
    this.countOf[number]! += by;
  };

  finish(): RelatedCorpus {
    const papers = this.ids.length;
    const idf = new Float64Array(this.df.length);
    this.df.forEach((frequency, number) => (idf[number] = Math.log((papers + 1) / (frequency + 1)) + 1));
    const offsets = Uint32Array.from(this.offsets);
    const weights = new Float32Array(this.terms.length);
    for (let index = 0; index < papers; index++) {
      let norm = 0;
      for (let k = offsets[index]!; k < offsets[index + 1]!; k++) {
        const weight = termWeight(this.counts[k]!, idf[this.terms[k]!]!);
        weights[k] = weight;
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = offsets[index]!; k < offsets[index + 1]!; k++) weights[k]! /= norm;
    }
    return { ids: [...this.ids], termNumbers: new Map(this.termNumbers), idf, offsets, terms: Uint32Array.from(this.terms), weights };
  }
}

export function buildRelatedCorpus(documents: RelatedDocument[]): RelatedCorpus {
  const builder = new RelatedCorpusBuilder();
  for (const document of documents) builder.add(document);
  return builder.finish();
}

/**
 * Below this cosine a paper is not shown as related. In a small store (the snapshot alone) the best
 * matches of a paper on a subject the store lacks share only common words: HallE-Switch (object
 * hallucination in vision-language models) got an encoder paper, a knowledge-capacity paper and a
 * data-rephrasing paper at 0.05–0.1. In a larger store few best matches are that weak.
 */
export const MIN_RELATED_SIMILARITY = 0.1;

/** The `count` most similar papers of the corpus to `target` (never the target itself), best first. */
export function relatedTo(corpus: RelatedCorpus, target: RelatedDocument, count = 3): string[] {
  // The target as a dense vector over the corpus's terms; its terms the corpus lacks only add to its norm.
  const fallback = Math.log(corpus.ids.length + 1) + 1;
  const query = new Float64Array(corpus.idf.length);
  let norm = 0;
  for (const [term, termCount] of termCounts(target)) {
    const number = corpus.termNumbers.get(term);
    const weight = termWeight(termCount, number === undefined ? fallback : corpus.idf[number]!);
    if (number !== undefined) query[number] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;

  const best: { id: string; similarity: number }[] = [];
  const { offsets, terms, weights } = corpus;
  for (let index = 0; index < corpus.ids.length; index++) {
    let dot = 0;
    for (let k = offsets[index]!; k < offsets[index + 1]!; k++) dot += weights[k]! * query[terms[k]!]!;
    const similarity = dot / norm;
    const id = corpus.ids[index]!;
    if (similarity < MIN_RELATED_SIMILARITY || id === target.id) continue;
    // Keep the best `count`, in order (ties: the earlier paper first).
    if (best.length === count && similarity <= best[count - 1]!.similarity) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.similarity < similarity) at--;
    best.splice(at, 0, { id, similarity });
    if (best.length > count) best.pop();
  }
  return best.map((entry) => entry.id);
}
