import type * as z from 'zod/mini';
import { DailyPaperItemSchema, type FeedEntry, type FeedFailure } from '../schema/feed';
import { MAX_FEED_PAPERS } from '../papers/bounds';

/** How many dropped-item problems are kept for the log; the count covers all of them. */
const MAX_PROBLEMS = 10;

export interface ParsedFeed {
  ok: true;
  entries: FeedEntry[];
  /** Each entry's place in the feed (1 = first): unreadable items before it still count, repeated papers do not. */
  ranks: number[];
  /** Items that could not be used (no id, no title, a duplicate…). */
  dropped: number;
  /** The first few reasons items were dropped, e.g. `[3].paper.id: no paper id`. */
  problems: string[];
}

/** `[3].paper.id` from a Zod path below item 3; `(root)` for the response itself. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out.replace(/^\./, '') || '(root)';
}

function issueText(issue: z.core.$ZodIssue, index: number): { path: string; text: string } {
  const path = formatPath([index, ...issue.path]);
  return { path, text: `${path}: ${issue.message}` };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Reads a parsed JSON response. Items are validated one by one: a bad item is dropped and
 * counted; a response that is not a list, or whose items are half or more unusable, is a failure.
 */
export function parseDailyPapers(json: unknown): ParsedFeed | { ok: false; failure: FeedFailure } {
  if (!Array.isArray(json)) {
    const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
    const reason =
      typeof error === 'string'
        ? `the feed answered with an error instead of papers: ${JSON.stringify(error.slice(0, 200))}`
        : `the feed should be a list of papers, but it is ${describeValue(json)}`;
    return { ok: false, failure: { kind: 'schema', reason, path: '(root)' } };
  }
  if (json.length === 0) return { ok: false, failure: { kind: 'empty', reason: 'the feed lists no papers' } };
  // Each paper listed stays in the store: a list past what a day holds is not one to take.
  if (json.length > MAX_FEED_PAPERS) {
    return { ok: false, failure: { kind: 'schema', reason: `the feed lists ${json.length.toLocaleString('en-US')} papers, more than a day's list holds (${MAX_FEED_PAPERS.toLocaleString('en-US')})`, path: '(root)' } };
  }

  const entries: FeedEntry[] = [];
  const ranks: number[] = [];
  const seen = new Set<string>();
  const problems: { path: string; text: string }[] = [];
  let unreadable = 0; // problems other than a paper listed twice
  // A second copy of a paper takes no place: the papers after it keep the ranks of a list without it.
  let repeats = 0;
  json.forEach((item, index) => {
    const parsed = DailyPaperItemSchema.safeParse(item);
    if (!parsed.success) {
      unreadable++;
      problems.push(issueText(parsed.error.issues[0]!, index));
    } else if (seen.has(parsed.data.id)) {
      repeats++;
      problems.push({ path: formatPath([index, 'paper', 'id']), text: `${formatPath([index, 'paper', 'id'])}: ${parsed.data.id} is listed twice` });
    } else {
      seen.add(parsed.data.id);
      entries.push(parsed.data);
      ranks.push(index + 1 - repeats);
    }
  });

  // Mostly unreadable: a feed that changed shape, not a few bad items. Taking the rest would
  // replace a good list with a few papers whose ranks are off by the ones dropped before them.
  if (unreadable >= entries.length) {
    const first = problems[0]!;
    const reason = entries.length === 0 ? `none of the ${json.length} papers in the feed could be read` : `${unreadable} of the ${json.length} papers in the feed could not be read`;
    return { ok: false, failure: { kind: 'schema', reason: `${reason}; first problem: ${first.text}`, path: first.path } };
  }
  return { ok: true, entries, ranks, dropped: problems.length, problems: problems.slice(0, MAX_PROBLEMS).map((p) => p.text) };
}
