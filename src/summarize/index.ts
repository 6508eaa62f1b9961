/**
 * Summaries of paper abstracts: a one-sentence TL;DR, the quantitative results, the code links,
 * topic tags and the names the abstract uses.
 * Pure, synchronous and dependency-free: runs in the background and the extension's pages (content
 * scripts import only ./links).
 */
import type * as z from 'zod/mini';
import type { SummarySchema } from '../schema/papers';
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
export const SUMMARIZER_VERSION = 37;

/**
 * A stored summary less its version: `topics` holds 0–5 tags from TOPICS, strongest first; `names`
 * the names the abstract uses ("ViT", "PPO"), by which search finds the paper (version 24).
 */
export type PaperSummary = Omit<z.infer<typeof SummarySchema>, 'version'>;

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
