import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { buildRelatedCorpus, relatedTo } from '../../../src/search/related';
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
    expect(papers.filter((paper) => paper.related.length === 3).length).toBeGreaterThan(60);
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
});
