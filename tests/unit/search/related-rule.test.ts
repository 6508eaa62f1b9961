import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { loadTldr } from '../../../bench/tldr-data';
import { buildRelatedCorpus, RELATED_RULE, relatedToEach } from '../../../src/search/related';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The rule and the related lists of SciTLDR's dev papers under it, as this build makes them. */
const RECORDED = { rule: 'c874ad3d6385743a', lists: 'e79478b64a12454a' };

test("related lists that change come with a new RELATED_RULE: users' stored lists are made again only then", () => {
  const papers = loadTldr('data/scitldr/dev.jsonl').map((record, index) => ({ id: `tldr-${index}`, title: record.title, abstract: record.source.join(' ') }));
  const now = { rule: sha(RELATED_RULE), lists: sha(JSON.stringify(relatedToEach(buildRelatedCorpus(papers), papers))) };
  if (now.lists !== RECORDED.lists) {
    expect(now.rule, 'the related lists changed under the same RELATED_RULE: bump RELATED_RULE_VERSION, then record both').not.toBe(RECORDED.rule);
  }
  expect(now).toEqual(RECORDED);
});
