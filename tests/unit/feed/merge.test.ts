import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedDayList, feedEntryToPaper } from '../../../src/feed/merge';
import { parseDailyPapers } from '../../../src/feed/parse';
import { latexToText } from '../../../src/papers/latex';
import { compileSeeds } from '../../../src/papers/seed-compiler';
import { DailyPaperItemSchema, type FeedEntry } from '../../../src/schema/feed';
import { PaperSchema, type Paper } from '../../../src/schema/papers';
import { summarize, SUMMARIZER_VERSION } from '../../../src/summarize/index';
import { jsonOf, NESTED_FIXTURE, recordedItems, rootPath } from './fixtures';

const FETCHED_AT = Date.parse('2024-07-19T10:00:00Z');

function feedEntries(): FeedEntry[] {
  const feed = parseDailyPapers(jsonOf(NESTED_FIXTURE));
  if (!feed.ok) throw new Error(feed.failure.reason);
  return feed.entries;
}

function entry(id: string): FeedEntry {
  const found = feedEntries().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id} in the fixture`);
  return found;
}

/** The bundled seed, compiled from seeds/ as the build does. */
function seedPapers(): Map<string, Paper> {
  const dir = rootPath('seeds');
  const files = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return new Map(compileSeeds(files, () => 'test').papers.map((paper) => [paper.id, paper]));
}

const isHttp = (url: string) => /^https?:\/\//.test(url);

describe('a paper from the feed', () => {
  const seeds = seedPapers();

  it('keeps the rank, snapshot, source and related papers of a seed paper', () => {
    const seed = seeds.get('2407.13623')!;
    expect(seed.rank).not.toBeNull();
    const merged = feedEntryToPaper(entry('2407.13623'), seed, FETCHED_AT);
    expect(merged).toMatchObject({ rank: seed.rank, snapshot: seed.snapshot, source: 'seed', related: seed.related });
  });

  it('carries what the feed says about it', () => {
    const feedEntry = entry('2407.13623');
    const merged = feedEntryToPaper(feedEntry, seeds.get('2407.13623'), FETCHED_AT);
    expect(merged.feed).toEqual({
      upvotes: feedEntry.upvotes,
      comments: feedEntry.comments,
      publishedAt: feedEntry.publishedAt,
      githubRepo: feedEntry.githubRepo,
      projectPage: feedEntry.projectPage,
      keywords: feedEntry.keywords,
      fetchedAt: FETCHED_AT,
    });
    expect(merged.authors).toEqual(feedEntry.authors);
  });

  it("keeps the code links the store's paper had beyond its abstract's (arXiv's comments gave them), after the feed's repository", () => {
    const seed = seeds.get('2407.13623')!;
    const fromComments = 'https://github.com/example/from-arxiv-comments';
    const merged = feedEntryToPaper(entry('2407.13623'), { ...seed, summary: { ...seed.summary, codeLinks: [fromComments] } }, FETCHED_AT);
    expect(merged.summary.codeLinks).toContain(fromComments);
    const repo = entry('2407.13623').githubRepo;
    if (repo !== null) expect(merged.summary.codeLinks[0]).toBe(repo);
  });

  it('recomputes the summary from the feed abstract', () => {
    const seed = seeds.get('2407.09103')!;
    const stale: Paper = { ...seed, abstract: 'An older abstract.', summary: { ...seed.summary, version: 0, tldr: 'An older TL;DR.' } };
    const feedEntry = entry('2407.09103');
    const merged = feedEntryToPaper(feedEntry, stale, FETCHED_AT);
    const expected = summarize(latexToText(feedEntry.title), latexToText(feedEntry.abstract));
    expect(merged.abstract).toBe(latexToText(feedEntry.abstract));
    expect(merged.summary.version).toBe(SUMMARIZER_VERSION);
    expect(merged.summary.tldr).toBe(expected.tldr);
    expect(merged.summary.tldr).not.toBe('An older TL;DR.');
    expect(merged.summary.keyResults).toEqual(expected.keyResults);
  });

  it("keeps the title arXiv's page gave a paper since (Hugging Face's copy of it may be older): a refresh does not set it back", () => {
    const seed = seeds.get('2407.13623')!;
    const current = 'A title arXiv gave it in a later version';
    const retitled: Paper = { ...seed, title: current, normTitle: 'a title arxiv gave it in a later version', retitledAt: FETCHED_AT - 1 };
    const merged = feedEntryToPaper(entry('2407.13623'), retitled, FETCHED_AT);
    expect(merged).toMatchObject({ title: current, normTitle: retitled.normTitle, retitledAt: retitled.retitledAt });
    // Its summary reads the title it keeps.
    expect(merged.summary.tldr).toBe(summarize(current, merged.abstract).tldr);
    // A paper arXiv did not retitle takes the feed's title, as before.
    expect(feedEntryToPaper(entry('2407.13623'), seed, FETCHED_AT).title).toBe(latexToText(entry('2407.13623').title));
  });

  it('renders LaTeX in the abstract before summarizing', () => {
    const merged = feedEntryToPaper(entry('2407.08608'), undefined, FETCHED_AT);
    expect(merged.abstract).toContain('1.5-2.0×');
    expect(merged.abstract).not.toContain('$');
    expect(merged.summary.keyResults.join(' ')).not.toContain('\\times');
  });

  it('is a new feed paper when the store does not hold it', () => {
    const merged = feedEntryToPaper(entry('2407.13692'), undefined, FETCHED_AT);
    expect(merged).toMatchObject({ id: '2407.13692', source: 'feed', rank: null, snapshot: null, related: [] });
    expect(merged.normTitle).toBe('prover verifier games improve legibility of llm outputs');
  });

  it('puts the repository first among the code links, once', () => {
    // The abstract names the repository too.
    const withLink = feedEntryToPaper(entry('2407.11062'), undefined, FETCHED_AT);
    expect(withLink.summary.codeLinks).toEqual(['https://github.com/OpenGVLab/EfficientQAT']);
    // The abstract names none.
    const vocab = feedEntryToPaper(entry('2407.13623'), undefined, FETCHED_AT);
    expect(vocab.summary.codeLinks).toEqual(['https://github.com/sail-sg/scaling-with-vocab']);
    // The abstract names another link first.
    const other = { ...entry('2407.13623'), abstract: 'We release data at https://huggingface.co/datasets/x/y and code at https://github.com/sail-sg/scaling-with-vocab/.' };
    expect(feedEntryToPaper(other, undefined, FETCHED_AT).summary.codeLinks).toEqual([
      'https://github.com/sail-sg/scaling-with-vocab',
      'https://huggingface.co/datasets/x/y',
    ]);
  });

  it('does not let an empty feed abstract or author list erase ours', () => {
    const seed = seeds.get('2407.06950')!;
    const bare = { ...entry('2407.06950'), abstract: '', authors: [] };
    const merged = feedEntryToPaper(bare, { ...seed, authors: ['Filipe Lauar'] }, FETCHED_AT);
    expect(merged.abstract).toBe(seed.abstract);
    expect(merged.summary.tldr).toBe(seed.summary.tldr);
    expect(merged.authors).toEqual(['Filipe Lauar']);
  });

  it('fits a run-on abstract into the store', () => {
    const runOn = { ...entry('2407.13692'), abstract: `We propose ${'a very long clause plus '.repeat(400)}more.` };
    const merged = feedEntryToPaper(runOn, undefined, FETCHED_AT);
    expect(merged.summary.tldr.length).toBeLessThanOrEqual(2000);
    expect(merged.summary.tldr.endsWith('…')).toBe(true);
  });

  it('reads an abstract of 6,600 nested LaTeX groups (which overflowed the stack and failed the refresh)', () => {
    const nested = `We study deep nesting and LLaVA${'_{'.repeat(6_600)}7B${'}'.repeat(6_600)}.`;
    expect(nested.length).toBeLessThanOrEqual(20_000);
    const merged = feedEntryToPaper({ ...entry('2407.08608'), abstract: nested }, undefined, FETCHED_AT);
    expect(merged.abstract).toMatch(/^We study deep nesting and /);
  });

  it('keeps a title that is all markup readable', () => {
    const markup = { ...entry('2407.13692'), title: '$$' };
    expect(feedEntryToPaper(markup, undefined, FETCHED_AT).title).toBe('$$');
  });
});

describe('links from a hostile feed', () => {
  it('never produces a non-http link', () => {
    const hostile = structuredClone(recordedItems()[0]!);
    hostile.paper.githubRepo = 'javascript:alert(1)';
    hostile.paper.projectPage = 'data:text/html,<script>alert(1)</script>';
    hostile.paper.summary = 'Code: javascript:alert(1)//github.com/a/b and vbscript:x and https://github.com/real/repo.';
    const merged = feedEntryToPaper(DailyPaperItemSchema.parse(hostile), undefined, FETCHED_AT);
    expect(merged.feed?.githubRepo).toBeNull();
    expect(merged.feed?.projectPage).toBeNull();
    expect(merged.summary.codeLinks).toEqual(['https://github.com/real/repo']);
  });

  it("review: a repository on another host is no code link (it was shown as \"Code: openai/whisper\")", () => {
    const hostile = structuredClone(recordedItems()[0]!);
    hostile.paper.githubRepo = 'https://github.com.attacker.example/openai/whisper';
    const merged = feedEntryToPaper(DailyPaperItemSchema.parse(hostile), undefined, FETCHED_AT);
    expect(merged.feed?.githubRepo).toBeNull();
    expect(merged.summary.codeLinks.join(' ')).not.toContain('attacker');
  });

  it('gives store-valid papers with http links only for the whole recorded list', () => {
    const seeds = seedPapers();
    for (const feedEntry of feedEntries()) {
      const merged = feedEntryToPaper(feedEntry, seeds.get(feedEntry.id), FETCHED_AT);
      expect(PaperSchema.safeParse(merged).success).toBe(true);
      const links = [...merged.summary.codeLinks, merged.feed?.githubRepo, merged.feed?.projectPage].filter((link) => link != null);
      expect(links.every(isHttp)).toBe(true);
    }
  });
});

describe('the day list', () => {
  it('is the feed order for the day of the result', () => {
    const entries = feedEntries();
    const ranks = entries.map((_, index) => index + 1);
    expect(feedDayList({ ok: true, day: '2024-07-19', entries, ranks, dropped: 0, problems: [] })).toEqual({
      day: '2024-07-19',
      ids: recordedItems().map((item) => item.paper.id),
    });
  });

  it('keeps the feed places of papers after items that could not be used', () => {
    const entries = feedEntries().slice(0, 3);
    // The feed's second item was unreadable: the papers after it keep Hugging Face's ranks.
    expect(feedDayList({ ok: true, day: '2024-07-19', entries, ranks: [1, 3, 4], dropped: 1, problems: [] })).toEqual({
      day: '2024-07-19',
      ids: entries.map((entry) => entry.id),
      ranks: [1, 3, 4],
    });
  });
});
