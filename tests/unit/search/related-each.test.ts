import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { buildRelatedCorpus, MIN_RELATED_SIMILARITY, relatedToEach, subjectTerms, type RelatedCorpus, type RelatedDocument } from '../../../src/search/related';
import type { Paper } from '../../../src/schema';

let papers: Paper[];

beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});

/** Related papers as one pass per target computed them: each target a dense vector, each paper's dot product over all its terms. */
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
  const best: { id: string; similarity: number }[] = [];
  for (let index = 0; index < corpus.ids.length; index++) {
    let dot = 0;
    for (let k = corpus.offsets[index]!; k < corpus.offsets[index + 1]!; k++) dot += corpus.weights[k]! * query[corpus.terms[k]!]!;
    const similarity = dot / norm;
    const id = corpus.ids[index]!;
    if (similarity < MIN_RELATED_SIMILARITY || id === target.id) continue;
    if (best.length === count && similarity <= best[count - 1]!.similarity) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.similarity < similarity) at--;
    best.splice(at, 0, { id, similarity });
    if (best.length > count) best.pop();
  }
  return best.map((entry) => entry.id);
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
