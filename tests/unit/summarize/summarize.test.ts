import { describe, expect, it } from 'vitest';
import { pickTldr, SUMMARIZER_VERSION, summarize } from '../../../src/summarize/index';
import { TLDR_FEATURE_COUNT } from '../../../src/summarize/tldr';
import { TLDR_WEIGHTS } from '../../../src/summarize/tldr-weights';

describe('summarize', () => {
  it('has a positive integer version', () => {
    expect(Number.isInteger(SUMMARIZER_VERSION) && SUMMARIZER_VERSION > 0).toBe(true);
  });
  it('returns empty parts for an empty abstract', () => {
    expect(summarize('T', '')).toEqual({ tldr: '', keyResults: [], codeLinks: [] });
  });
  it('is deterministic', () => {
    const a = 'Deep nets are popular. We propose X, which is fast. X is 2x faster. Code: https://github.com/a/x.';
    expect(summarize('X', a)).toEqual(summarize('X', a));
  });
});

describe('pickTldr', () => {
  it('has one trained weight per feature (retrain with npm run train:tldr after changing features)', () => {
    expect(TLDR_WEIGHTS).toHaveLength(TLDR_FEATURE_COUNT);
  });
  it('skips the background opening sentence', () => {
    const sentences = [
      'Large language models have recently achieved remarkable success in many tasks.',
      'However, they remain expensive to run on long inputs.',
      'In this paper, we propose FastLM, a sparse attention method that cuts inference cost on long documents.',
      'Experiments on three benchmarks show it is faster than prior work.',
    ];
    const tldr = pickTldr('FastLM: Sparse Attention for Long Documents', sentences);
    expect(tldr).toContain('FastLM');
    expect(tldr).toMatch(/^[A-Z]/);
  });
  it('trims a lead-in and keeps a capitalised start', () => {
    const tldr = pickTldr('FastLM', [
      'Transformers are widely used.',
      'To address this, we introduce FastLM, a sparse attention method for long documents.',
    ]);
    expect(tldr).toBe('We introduce FastLM, a sparse attention method for long documents.');
  });
  it('returns the only sentence', () => {
    expect(pickTldr('T', ['We study X in depth.'])).toBe('We study X in depth.');
  });
  it('returns an empty string for no sentences', () => {
    expect(pickTldr('T', [])).toBe('');
  });
});
