import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { buildRelatedCorpus, MIN_RELATED_SIMILARITY, relatedToEach, SAME_PAPER_MIN_TERMS, SAME_PAPER_SIMILARITY, subjectTerms, type RelatedCorpus, type RelatedDocument } from '../../../src/search/related';
import type { Paper } from '../../../src/schema';

let papers: Paper[];

beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});

/** The cosine of two papers of the corpus, plainly: one paper's terms as a Map. */
function plainSimilarity(corpus: RelatedCorpus, a: number, b: number): number {
  const ofA = new Map<number, number>();
  for (let k = corpus.offsets[a]!; k < corpus.offsets[a + 1]!; k++) ofA.set(corpus.terms[k]!, corpus.weights[k]!);
  let dot = 0;
  for (let k = corpus.offsets[b]!; k < corpus.offsets[b + 1]!; k++) dot += (ofA.get(corpus.terms[k]!) ?? 0) * corpus.weights[k]!;
  return dot;
}

/** Whether two papers, of `terms` and `otherTerms` distinct terms, are one paper under two ids. */
const samePaper = (similarity: number, terms: number, otherTerms: number) => similarity >= SAME_PAPER_SIMILARITY && Math.min(terms, otherTerms) >= SAME_PAPER_MIN_TERMS;
const termsOf = (corpus: RelatedCorpus, paper: number) => corpus.offsets[paper + 1]! - corpus.offsets[paper]!;

/**
 * Related papers as one pass per target computed them: each target a dense vector, each paper's
 * dot product over all its terms; then of each paper's versions (papers as similar as one paper
 * under two ids) the first.
 */
function densePass(corpus: RelatedCorpus, target: RelatedDocument, count = 3): string[] {
  const counts = new Map<string, number>();
  for (const token of subjectTerms(target.title)) counts.set(token, (counts.get(token) ?? 0) + 2);
  for (const token of subjectTerms(target.abstract)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const fallback = Math.log(corpus.ids.length + 1) + 1;
  const query = new Float64Array(corpus.idf.length);
  let norm = 0;
  for (const [term, termCount] of counts) {
    const number = corpus.termNumbers.get(term);
    const weight = (1 + Math.log(termCount)) * (number === undefined ? fallback : corpus.idf[number]!);
    if (number !== undefined) query[number] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  const candidates: { paper: number; similarity: number }[] = [];
  for (let index = 0; index < corpus.ids.length; index++) {
    let dot = 0;
    for (let k = corpus.offsets[index]!; k < corpus.offsets[index + 1]!; k++) dot += corpus.weights[k]! * query[corpus.terms[k]!]!;
    const similarity = dot / norm;
    if (similarity >= MIN_RELATED_SIMILARITY && !samePaper(similarity, counts.size, termsOf(corpus, index)) && corpus.ids[index] !== target.id) candidates.push({ paper: index, similarity });
  }
  // Best first; ties: the earlier paper first (a stable sort).
  candidates.sort((a, b) => b.similarity - a.similarity);
  const shown: number[] = [];
  for (const { paper } of candidates.slice(0, count * 2)) {
    if (shown.length < count && !shown.some((other) => samePaper(plainSimilarity(corpus, other, paper), termsOf(corpus, other), termsOf(corpus, paper)))) shown.push(paper);
  }
  return shown.map((paper) => corpus.ids[paper]!);
}

describe('related papers of many targets in one pass', () => {
  test('each target gets exactly what a pass of its own gave it, ties and the similarity floor included', () => {
    // Every seed paper twice over (exact ties: each paper's copy is as similar as itself), and papers from outside.
    const corpus = buildRelatedCorpus([...papers, ...papers.map((paper) => ({ ...paper, id: `copy-${paper.id}` }))]);
    const outside: RelatedDocument[] = [
      { id: '2211.17192', title: 'Fast Inference from Transformers via Speculative Decoding', abstract: 'We introduce speculative decoding, an algorithm to sample from autoregressive models faster with a smaller draft model.' },
      { id: '2401.00001', title: 'Zzqxy', abstract: 'Nothing the store holds.' },
      { id: '2401.00002', title: '', abstract: '' },
    ];
    const targets = [...papers, ...outside];
    const each = relatedToEach(corpus, targets, 5);
    expect(each).toEqual(targets.map((target) => densePass(corpus, target, 5)));
    expect(each.filter((ids) => ids.length === 5).length).toBeGreaterThan(10);
  });
});
