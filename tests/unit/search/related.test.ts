import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { buildRelatedCorpus, MIN_RELATED_SIMILARITY, relatedTo, subjectTerms, type RelatedDocument } from '../../../src/search/related';
import type { Paper } from '../../../src/schema';

let papers: Paper[];
const byTitle = (pattern: RegExp) => papers.find((paper) => pattern.test(paper.title))!;

beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});

describe('related papers', () => {
  test('every seed paper has up to 3 related papers, never itself, all in the store', () => {
    const ids = new Set(papers.map((paper) => paper.id));
    for (const paper of papers) {
      expect(paper.related.length).toBeLessThanOrEqual(3);
      expect(paper.related).not.toContain(paper.id);
      for (const id of paper.related) expect(ids.has(id)).toBe(true);
    }
    expect(papers.filter((paper) => paper.related.length > 0).length).toBeGreaterThanOrEqual(55);
  });

  test('a paper on a subject the store lacks gets none: common words do not make papers related', () => {
    // The snapshot's only paper on vision-language hallucination; its closest were an encoder paper,
    // a knowledge-capacity paper and a data-rephrasing paper.
    expect(byTitle(/^HallE-Switch/).related).toEqual([]);
  });

  test('a paper from outside the store on a subject it lacks gets none: π0 (robot control) is not related to controlling output length', () => {
    const corpus = buildRelatedCorpus(papers);
    const pi0 = {
      id: '2410.24164',
      title: 'π0: A Vision-Language-Action Flow Model for General Robot Control',
      // Its abstract as arXiv's HTML view shows it (tests/fixtures/arxiv-html-2410.24164v1.html).
      abstract:
        'Robot learning holds tremendous promise to unlock the full potential of flexible, general, and dexterous robot systems, as well as to address some of the deepest questions in artificial intelligence. However, bringing robot learning to the level of generality required for effective real-world systems faces major obstacles in terms of data, generalization, and robustness. In this paper, we discuss how generalist robot policies (i.e., robot foundation models) can address these challenges, and how we can design effective generalist robot policies for complex and highly dexterous tasks. We propose a novel flow matching architecture built on top of a pre-trained vision-language model (VLM) to inherit Internet-scale semantic knowledge. We then discuss how this model can be trained on a large and diverse dataset from multiple dexterous robot platforms, including single-arm robots, dual-arm robots, and mobile manipulators. We evaluate our model in terms of its ability to perform tasks in zero shot after pre-training, follow language instructions from people and from a high-level VLM policy, and its ability to acquire new skills via fine-tuning. Our results cover a wide variety of tasks, such as laundry folding, table cleaning, and assembling boxes.',
    };
    expect(relatedTo(corpus, pi0)).toEqual([]);
  });

  test('papers on the same subject are related: the two scaling-law papers, the speculative-decoding papers', () => {
    const vocabulary = byTitle(/^Scaling Laws with Vocabulary/);
    const related = vocabulary.related.map((id) => papers.find((paper) => paper.id === id)!.title).join(' | ');
    expect(related).toMatch(/Scaling/i);
    const specDec = byTitle(/^SpecDec\+\+/);
    const specRelated = specDec.related.map((id) => papers.find((paper) => paper.id === id)!.title).join(' | ');
    expect(specRelated).toMatch(/Decoding/i);
  });

  test('a paper from outside the store gets related papers from the store', () => {
    const corpus = buildRelatedCorpus(papers);
    const related = relatedTo(corpus, {
      id: '2211.17192',
      title: 'Fast Inference from Transformers via Speculative Decoding',
      abstract: 'Inference from large autoregressive models like Transformers is slow. We introduce speculative decoding, an algorithm to sample from autoregressive models faster by computing several tokens in parallel with a smaller draft model.',
    });
    expect(related).toHaveLength(3);
    expect(related.map((id) => papers.find((paper) => paper.id === id)!.title).join(' ')).toMatch(/Speculative|Decoding/);
  });

  test('an unrelated text finds nothing above the similarity floor', () => {
    const corpus = buildRelatedCorpus(papers);
    expect(relatedTo(corpus, { id: 'x', title: 'Zebrafish fin regeneration', abstract: 'Osteoblasts dedifferentiate in zebrafish fins.' })).toEqual([]);
  });

  test('the packed corpus ranks exactly as plain TF-IDF cosine over title (twice) + abstract', () => {
    // The definition, written plainly: a Map per paper, idf = ln((N + 1) / (df + 1)) + 1.
    const vector = (document: RelatedDocument, idf: (term: string) => number) => {
      const counts = new Map<string, number>();
      for (const token of subjectTerms(document.title)) counts.set(token, (counts.get(token) ?? 0) + 2);
      for (const token of subjectTerms(document.abstract)) counts.set(token, (counts.get(token) ?? 0) + 1);
      const weights = new Map([...counts].map(([term, count]) => [term, (1 + Math.log(count)) * idf(term)] as const));
      const norm = Math.sqrt([...weights.values()].reduce((sum, weight) => sum + weight * weight, 0)) || 1;
      return new Map([...weights].map(([term, weight]) => [term, weight / norm] as const));
    };
    const df = new Map<string, number>();
    for (const paper of papers) for (const term of new Set([...subjectTerms(paper.title), ...subjectTerms(paper.abstract)])) df.set(term, (df.get(term) ?? 0) + 1);
    const idf = (term: string) => Math.log((papers.length + 1) / ((df.get(term) ?? 0) + 1)) + 1;
    const vectors = papers.map((paper) => vector(paper, idf));
    const plainRelated = (target: RelatedDocument) => {
      const own = vector(target, idf);
      return papers
        .map((paper, index) => ({ id: paper.id, similarity: [...own].reduce((dot, [term, weight]) => dot + weight * (vectors[index]!.get(term) ?? 0), 0) }))
        .filter((entry) => entry.id !== target.id && entry.similarity >= MIN_RELATED_SIMILARITY)
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 3)
        .map((entry) => entry.id);
    };
    const corpus = buildRelatedCorpus(papers);
    const outside = { id: '2211.17192', title: 'Fast Inference from Transformers via Speculative Decoding', abstract: 'We introduce speculative decoding, an algorithm to sample from autoregressive models faster with a smaller draft model.' };
    for (const target of [...papers, outside]) expect(relatedTo(corpus, target)).toEqual(plainRelated(target));
  });

  test('a paper added twice to a corpus (read twice while the store changed) is related once', () => {
    const specDec = byTitle(/^SpecDec\+\+/);
    const corpus = buildRelatedCorpus([...papers, specDec, specDec]);
    expect(relatedTo(corpus, { id: 'x', title: specDec.title, abstract: specDec.abstract })).toEqual(relatedTo(buildRelatedCorpus(papers), { id: 'x', title: specDec.title, abstract: specDec.abstract }));
  });
});
