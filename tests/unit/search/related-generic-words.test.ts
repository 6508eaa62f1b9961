import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type { Paper } from '../../../src/schema';

let papers: Paper[];
const byTitle = (pattern: RegExp) => papers.find((paper) => pattern.test(paper.title))!;
const relatedTitles = (paper: Paper) => paper.related.map((id) => papers.find((other) => other.id === id)!.title);

beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});

describe('related papers: words any abstract uses do not relate papers', () => {
  test('ReAGent (feature attribution) is related to none of the snapshot: it shared only "method", "original", "moreover"…', () => {
    // It showed vocabulary trimming, draft verification for decoding and long-context retrieval.
    expect(relatedTitles(byTitle(/^ReAGent/))).toEqual([]);
  });

  test('Ruler (controlling output length) is related to CASTILLO (output lengths), not to LLM-Pruner by "model-agnostic" and a GitHub link', () => {
    const related = relatedTitles(byTitle(/^Ruler/));
    expect(related).toContainEqual(expect.stringMatching(/^CASTILLO/));
    expect(related).not.toContainEqual(expect.stringMatching(/^LLM-Pruner/));
  });

  test('a survey is related to the surveys on its subject: datasets for LLMs to a survey of LLMs', () => {
    expect(relatedTitles(byTitle(/^Datasets for Large Language Models/))).toContainEqual(expect.stringMatching(/^A Survey of Large Language Models/));
  });

  test('"multi-" and "case" relate nothing: SteloCoder (multi-language code) and Token-Crisis (multi-epoch), the StackOverflow "case for" paper and post-training quantization "case studies" (QA)', () => {
    expect(relatedTitles(byTitle(/^SteloCoder/))).not.toContainEqual(expect.stringMatching(/^To Repeat or Not To Repeat/));
    expect(relatedTitles(byTitle(/^To Repeat or Not To Repeat/))).not.toContainEqual(expect.stringMatching(/^SteloCoder/));
    expect(relatedTitles(byTitle(/^Stack Over-Flowing/))).not.toContainEqual(expect.stringMatching(/^Understanding the Impact of Post-Training Quantization/));
  });
});
