import { describe, expect, it } from 'vitest';
import { parseDailyPapers, type ParsedFeed } from '../../../src/feed/parse';
import { DailyPaperItemSchema, FeedEntrySchema, type FeedEntry } from '../../../src/schema/feed';
import { jsonOf, NESTED_FIXTURE, recordedItems, TOPLEVEL_FIXTURE, type RecordedItem } from './fixtures';

function parsed(json: unknown): ParsedFeed {
  const result = parseDailyPapers(json);
  if (!result.ok) throw new Error(`expected a list, got ${result.failure.kind}: ${result.failure.reason}`);
  return result;
}

/** One recorded item with the paper's fields changed (undefined removes a field). */
function variant(changes: Record<string, unknown>, top: Record<string, unknown> = {}): RecordedItem {
  const item = structuredClone(recordedItems()[0]!);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete item.paper[key];
    else item.paper[key] = value;
  }
  for (const [key, value] of Object.entries(top)) {
    if (value === undefined) delete item[key];
    else item[key] = value;
  }
  return item;
}

function entryOf(item: unknown): FeedEntry {
  const result = DailyPaperItemSchema.safeParse(item);
  if (!result.success) throw new Error(result.error.issues[0]?.message);
  return result.data;
}

describe('the recorded daily-papers response', () => {
  const items = recordedItems();
  const feed = parsed(jsonOf(NESTED_FIXTURE));

  it('reads every paper, in the feed order', () => {
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(feed.dropped).toBe(0);
    expect(feed.entries.map((entry) => entry.id)).toEqual(items.map((item) => item.paper.id));
  });

  it('keeps what the feed says about each paper', () => {
    expect(feed.entries).toHaveLength(items.length);
    feed.entries.forEach((entry, k) => {
      const { paper, numComments } = items[k]!;
      expect(entry).toEqual({
        id: paper.id,
        title: paper.title,
        abstract: paper.summary,
        authors: paper.authors.map((author) => author.name),
        publishedAt: paper.publishedAt,
        submittedAt: paper.submittedOnDailyAt,
        upvotes: paper.upvotes,
        comments: numComments,
        githubRepo: paper.githubRepo ?? null,
        projectPage: paper.projectPage ?? null,
        keywords: paper.ai_keywords,
        aiSummary: paper.ai_summary,
      });
      expect(FeedEntrySchema.safeParse(entry).success).toBe(true);
    });
  });

  it('gives the same entries when the fields sit at the top level', () => {
    expect(parsed(jsonOf(TOPLEVEL_FIXTURE))).toEqual(feed);
  });

  it('reads an item whose fields are split between both places', () => {
    const split = variant(
      { title: undefined, summary: undefined, githubRepo: undefined, ai_keywords: undefined },
      { githubRepo: items[0]!.paper.githubRepo, ai_keywords: items[0]!.paper.ai_keywords },
    );
    expect(entryOf(split)).toEqual(feed.entries[0]);
  });

  it("prefers the paper's own field, and falls back to the top level when the paper's is unusable", () => {
    expect(entryOf(variant({ title: 'Under paper' }, { title: 'At top' })).title).toBe('Under paper');
    expect(entryOf(variant({ title: '   ' }, { title: 'At top' })).title).toBe('At top');
    const repo = entryOf(variant({ githubRepo: 'javascript:alert(1)' }, { githubRepo: 'https://github.com/sail-sg/scaling-with-vocab' }));
    expect(repo.githubRepo).toBe('https://github.com/sail-sg/scaling-with-vocab');
  });
});

describe('sanitising one item', () => {
  it('turns non-http links into null and keeps the paper', () => {
    const entry = entryOf(variant({ githubRepo: 'javascript:alert(document.cookie)', projectPage: 'data:text/html,<script>alert(1)</script>' }));
    expect(entry.id).toBe('2407.13623');
    expect(entry.githubRepo).toBeNull();
    expect(entry.projectPage).toBeNull();
  });

  it('trims http links and drops ones that are not URLs', () => {
    expect(entryOf(variant({ githubRepo: '  https://github.com/a/b  ' })).githubRepo).toBe('https://github.com/a/b');
    expect(entryOf(variant({ projectPage: 'see our website' })).projectPage).toBeNull();
    expect(entryOf(variant({ projectPage: `https://example.org/${'a'.repeat(3000)}` })).projectPage).toBeNull();
  });

  it('canonicalises the arXiv id', () => {
    expect(entryOf(variant({ id: 'arXiv:2407.13623v2' })).id).toBe('2407.13623');
  });

  it('cleans keywords: strings only, trimmed, no blanks or duplicates, at most 40 of at most 100 characters', () => {
    const many = Array.from({ length: 60 }, (_, k) => `keyword ${k}`);
    expect(entryOf(variant({ ai_keywords: [' scaling laws ', 'Scaling Laws', '', 7, null, 'x'.repeat(101), 'IsoFLOPs'] })).keywords).toEqual([
      'scaling laws',
      'IsoFLOPs',
    ]);
    expect(entryOf(variant({ ai_keywords: many })).keywords).toEqual(many.slice(0, 40));
    expect(entryOf(variant({ ai_keywords: 'scaling laws' })).keywords).toEqual([]);
  });

  it('keeps named authors only', () => {
    const authors = [{ name: ' Chaofan  Tao ' }, { _id: 'x' }, { name: '' }, 'Qian Liu', { name: 'n'.repeat(301) }, 5];
    expect(entryOf(variant({ authors })).authors).toEqual(['Chaofan Tao', 'Qian Liu']);
  });

  it('reads malformed counts, dates and summaries as absent', () => {
    const entry = entryOf(
      variant(
        { upvotes: -3, publishedAt: 'yesterday', submittedOnDailyAt: 12, ai_summary: 's'.repeat(2001) },
        { numComments: '3', publishedAt: undefined },
      ),
    );
    expect(entry.upvotes).toBe(0);
    expect(entry.comments).toBeNull();
    expect(entry.publishedAt).toBeNull();
    expect(entry.submittedAt).toBeNull();
    expect(entry.aiSummary).toBeNull();
  });
});

describe('dropping unusable items', () => {
  const good = recordedItems()[1]!;
  // The rest of a day's list, so that the bad items are a few among many.
  const others = recordedItems().slice(2);

  it('drops and counts items without an arXiv id or a title, keeping the rest', () => {
    const feed = parsed([
      variant({ id: undefined }),
      variant({ id: 'hf-paper-1234' }),
      variant({ title: undefined }, { title: undefined }),
      variant({ title: '' }, { title: ' ' }),
      42,
      null,
      good,
      ...others,
    ]);
    expect(feed.entries.map((entry) => entry.id)).toEqual([good, ...others].map((item) => item.paper.id));
    expect(feed.dropped).toBe(6);
    expect(feed.problems).toEqual([
      '[0].paper.id: no paper id',
      '[1].paper.id: "hf-paper-1234" is not an arXiv id',
      '[2].title: no title',
      '[3].title: no title',
      expect.stringMatching(/^\[4\]: .*object/),
      expect.stringMatching(/^\[5\]: .*object/),
    ]);
  });

  it('drops items whose title or abstract is too long to be one', () => {
    const feed = parsed([variant({ title: 'T'.repeat(1001) }), variant({ summary: 'word '.repeat(5000) }), good, ...others]);
    expect(feed.entries).toHaveLength(1 + others.length);
    expect(feed.problems).toEqual([
      '[0].paper.title: title is 1001 characters long (at most 1000)',
      '[1].paper.summary: abstract is 24999 characters long (at most 20000)',
    ]);
  });

  it('keeps the first of a paper listed twice', () => {
    const feed = parsed([good, variant({ id: good.paper.id, title: 'Listed again' }), ...others]);
    expect(feed.entries.map((entry) => entry.title)).toEqual([good, ...others].map((item) => item.paper.title));
    expect(feed.problems).toEqual([`[1].paper.id: ${good.paper.id} is listed twice`]);
  });

  it('a paper listed twice takes one rank: the papers after its second copy are not a place down', () => {
    const [first, second, third] = recordedItems();
    expect(parseDailyPapers([first, second, first, third])).toMatchObject({ ok: true, dropped: 1, ranks: [1, 2, 3] });
    expect(parseDailyPapers([first, first, { paper: { id: 'nope' } }, second, third])).toMatchObject({ ok: true, dropped: 2, ranks: [1, 3, 4] });
  });
});

describe('responses that are not a usable list', () => {
  it('says what the response is instead of a list', () => {
    expect(parseDailyPapers({ papers: recordedItems() })).toEqual({
      ok: false,
      failure: { kind: 'schema', reason: 'the feed should be a list of papers, but it is an object', path: '(root)' },
    });
    expect(parseDailyPapers({ error: 'Invalid date' })).toMatchObject({
      failure: { kind: 'schema', reason: 'the feed answered with an error instead of papers: "Invalid date"' },
    });
    expect(parseDailyPapers('papers')).toMatchObject({ failure: { kind: 'schema', reason: expect.stringContaining('a string') } });
  });

  it('fails with the first problem when no item is usable', () => {
    expect(parseDailyPapers([{ thumbnail: 'https://x.org/a.png' }, { paper: { id: 'nope' } }])).toEqual({
      ok: false,
      failure: {
        kind: 'schema',
        reason: 'none of the 2 papers in the feed could be read; first problem: [0].paper.id: no paper id',
        path: '[0].paper.id',
      },
    });
  });

  it('fails when half or more of the items are unusable: a changed feed, not a few bad items', () => {
    const [first, second, third] = recordedItems();
    const broken = (item: RecordedItem) => ({ ...item, paper: { ...item.paper, id: undefined } });
    expect(parseDailyPapers([broken(first!), broken(second!), third])).toEqual({
      ok: false,
      failure: {
        kind: 'schema',
        reason: '2 of the 3 papers in the feed could not be read; first problem: [0].paper.id: no paper id',
        path: '[0].paper.id',
      },
    });
    // The papers after a dropped one keep their places in the feed (the ranks Hugging Face shows).
    expect(parseDailyPapers([broken(first!), second, third])).toMatchObject({ ok: true, dropped: 1, ranks: [2, 3] });
    // Papers listed twice are readable: a feed listing each one twice is a list.
    expect(parseDailyPapers([first, second, first, second])).toMatchObject({ ok: true, dropped: 2, ranks: [1, 2] });
  });

  it('reports an empty list as empty', () => {
    expect(parseDailyPapers([])).toMatchObject({ ok: false, failure: { kind: 'empty' } });
  });
});
