import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedSuccess } from '../../../src/feed/client';
import { parseDailyPapers } from '../../../src/feed/parse';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The recorded response, `paper`-nested as the API sends it today. */
export const NESTED_FIXTURE = 'tests/fixtures/feed/daily_papers.json';
/** The same list with the paper's fields at the top level of each item. */
export const TOPLEVEL_FIXTURE = 'tests/fixtures/feed/daily_papers_toplevel.json';

export function fixtureText(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

/** The recorded response read as the feed's list of 2024-07-19. */
export function recordedDay(): FeedSuccess {
  const parsed = parseDailyPapers(JSON.parse(fixtureText(NESTED_FIXTURE)));
  if (!parsed.ok) throw new Error(parsed.failure.reason);
  return { ...parsed, day: '2024-07-19' };
}

/** The recorded response as loosely typed JSON, for building expectations and malformed variants. */
export interface RecordedItem {
  paper: {
    id: string;
    title: string;
    summary: string;
    authors: { name: string }[];
    publishedAt: string;
    submittedOnDailyAt: string;
    upvotes: number;
    githubRepo?: string;
    projectPage?: string;
    ai_summary: string;
    ai_keywords: string[];
    [key: string]: unknown;
  };
  numComments: number;
  [key: string]: unknown;
}

export function recordedItems(): RecordedItem[] {
  return JSON.parse(fixtureText(NESTED_FIXTURE)) as RecordedItem[];
}

export function jsonOf(path: string): unknown {
  return JSON.parse(fixtureText(path));
}

export function rootPath(path: string): string {
  return resolve(ROOT, path);
}
