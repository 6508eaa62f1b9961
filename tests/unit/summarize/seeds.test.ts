import { describe, expect, it } from 'vitest';
import { SummarySchema } from '../../../src/schema';
import { splitSentences, SUMMARIZER_VERSION, summarize } from '../../../src/summarize/index';
import { seedPapers, seedTitled } from './seed-papers';

describe('summaries of the seed abstracts', () => {
  const papers = seedPapers();
  const byTitle = (prefix: string) => {
    const paper = seedTitled(papers, prefix);
    return summarize(paper.title, paper.abstract);
  };

  it('reads all 66 seed papers', () => {
    expect(papers).toHaveLength(66);
  });

  it("HallE-Switch's key results carry its 44% result", () => {
    expect(byTitle('HallE-Switch').keyResults.some((r) => r.includes('44%'))).toBe(true);
  });

  it("SteloCoder's code link is found", () => {
    expect(byTitle('SteloCoder').codeLinks).toEqual(['https://github.com/sade-adrien/SteloCoder']);
  });

  it('no TL;DR is the opening background sentence', () => {
    // The opening sentence is fine only when it already states the paper's own work.
    const ownWork = /\b(?:we|our|this (?:paper|study|work|survey|report|article))\b/i;
    for (const paper of papers) {
      const first = splitSentences(paper.abstract)[0] ?? '';
      const { tldr } = summarize(paper.title, paper.abstract);
      if (!ownWork.test(first)) expect(tldr, paper.title).not.toBe(first);
    }
  });

  it("every TL;DR is about the paper's own work, not background", () => {
    const ownWork = /\b(?:we|our|us|(?:this|the present) (?:paper|work|study|survey|report|article|analysis))\b/i;
    for (const paper of papers) {
      const { tldr } = summarize(paper.title, paper.abstract);
      expect(tldr, paper.title).toMatch(ownWork);
      expect(tldr, paper.title).not.toMatch(/\b(?:has|have) been proposed\b|\bpublicly available\b/i);
    }
  });

  it('every TL;DR reads as a sentence: capitalised start, from the abstract', () => {
    for (const paper of papers) {
      const { tldr } = summarize(paper.title, paper.abstract);
      expect(tldr, paper.title).toMatch(/^[\p{Lu}\d"“(]/u);
      expect(tldr.length, paper.title).toBeGreaterThan(20);
    }
  });

  it('key results are short and at most 6', () => {
    for (const paper of papers) {
      const { keyResults } = summarize(paper.title, paper.abstract);
      expect(keyResults.length, paper.title).toBeLessThanOrEqual(6);
      for (const r of keyResults) expect(r.split(/\s+/).length, r).toBeLessThanOrEqual(27); // a whole clause (results.ts MAX_WHOLE_WORDS)
    }
  });

  it('code links are http(s) GitHub/GitLab/Hugging Face links without trailing punctuation', () => {
    for (const paper of papers) {
      for (const link of summarize(paper.title, paper.abstract).codeLinks) {
        expect(link).toMatch(/^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co)\/\S+[^.,;:]$/);
      }
    }
  });

  it('every summary fits the stored summary schema', () => {
    for (const paper of papers) {
      const parsed = SummarySchema.safeParse({ version: SUMMARIZER_VERSION, ...summarize(paper.title, paper.abstract) });
      expect(parsed.success, paper.title).toBe(true);
    }
  });
});
