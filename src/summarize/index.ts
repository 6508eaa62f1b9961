/**
 * Summaries of paper abstracts: a one-sentence TL;DR, the quantitative results, the code links,
 * topic tags and the names the abstract uses.
 * Pure, synchronous and dependency-free: runs inside content scripts.
 */
import { findCodeLinks } from './links';
import { abstractNames } from './names';
import { resultsOf } from './results';
import { splitSentences } from './sentences';
import { pickTldrOfSplit } from './tldr';
import { topicsFor } from './topics';

export { findCodeLinks } from './links';
export { extractKeyResults } from './results';
export { splitSentences } from './sentences';
export { pickTldr } from './tldr';
export { TOPICS, topicsFor } from './topics';

/** Bump whenever the output of `summarize` may change (cached summaries are recomputed). */
export const SUMMARIZER_VERSION = 30;

export interface PaperSummary {
  tldr: string;
  keyResults: string[];
  codeLinks: string[];
  /** 0–5 tags from TOPICS, strongest first. */
  topics: string[];
  /** The names the abstract uses ("ViT", "PPO"): search finds the paper by them (version 24). */
  names: string[];
}

export function summarize(title: string, abstract: string): PaperSummary {
  const sentences = splitSentences(abstract);
  return {
    tldr: pickTldrOfSplit(title, sentences),
    keyResults: resultsOf(sentences),
    codeLinks: findCodeLinks(abstract),
    topics: topicsFor(title, abstract),
    names: abstractNames(abstract),
  };
}
