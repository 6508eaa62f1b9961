import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { loadTldr } from '../../../bench/tldr-data';
import { SUMMARIZER_VERSION, summarize } from '../../../src/summarize/index';
import { seedPapers } from './seed-papers';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The summarizer's version and what it makes of SciTLDR's dev papers and the seed papers, as this build does. */
const RECORDED = { version: 37, summaries: 'ddc4e7632c198820' };

test("summaries that change come with a new SUMMARIZER_VERSION: users' stored summaries are made again only then", () => {
  const papers = [...loadTldr('data/scitldr/dev.jsonl').map((record) => ({ title: record.title, abstract: record.source.join(' ') })), ...seedPapers()];
  const now = { version: SUMMARIZER_VERSION, summaries: sha(JSON.stringify(papers.map((paper) => summarize(paper.title, paper.abstract)))) };
  if (now.summaries !== RECORDED.summaries) {
    expect(now.version, 'the summaries changed under the same SUMMARIZER_VERSION: bump it, then record both').not.toBe(RECORDED.version);
  }
  expect(now).toEqual(RECORDED);
});
