/**
 * Search report: `npx tsx scripts/search-report.ts [--without-names] [--scitldr file.jsonl …]`. Indexes the seed
 * papers and SciTLDR abstracts (summarized as the store would) as the popup's search does, then
 * types each title word found in 5 titles or more as a one-word query (the popup reads the last
 * word as a prefix) and counts the queries whose first result lacks the word and its forms
 * ("spaces" for "space"): a rarer word it begins ranked first. Lists some of them.
 * Then types each name an abstract uses (summarize/names.ts) that its title, TL;DR and topics lack
 * and at most MAX_NAMED papers use, and counts those whose papers are all in the first results.
 * `--without-names` indexes the papers without their abstracts' names, as before summarizer version 24.
 */
import { snapshotOf } from '../src/db/search';
import { normalizeTitle } from '../src/papers/ids';
import type { Paper } from '../src/schema';
import { SearchIndex, unpackSnapshot } from '../src/search/search-index';
import { tokenize } from '../src/search/tokenize';
import { wordBase } from '../src/search/word-forms';
import { summarize, SUMMARIZER_VERSION } from '../src/summarize';
import { DEFAULT_SCITLDR, scitldrPapers, seedPapers } from './report-papers';

const MIN_TITLES = 5;
/** A name more papers use than this is no query for one of them. */
const MAX_NAMED = 3;

function args(): string[] {
  const at = process.argv.indexOf('--scitldr');
  return at < 0 ? DEFAULT_SCITLDR : process.argv.slice(at + 1);
}

// The papers as the store holds them, one per title; ids only tell them apart.
const seen = new Set<string>();
const papers: Paper[] = [...seedPapers(), ...scitldrPapers(args())].flatMap(({ title, abstract }, at) => {
  const normTitle = normalizeTitle(title);
  if (seen.has(normTitle)) return [];
  seen.add(normTitle);
  const id = `2401.${String(10_000 + at).padStart(5, '0')}`;
  return [{ id, title, normTitle, abstract, authors: [], rank: null, snapshot: null, source: 'feed' as const, summary: { version: SUMMARIZER_VERSION, ...summarize(title, abstract) }, feed: null, related: [] }];
});
const indexed = process.argv.includes('--without-names') ? papers.map((paper) => ({ ...paper, summary: { ...paper.summary, names: [] } })) : papers;
const index = new SearchIndex(unpackSnapshot(snapshotOf(indexed)));
const byId = new Map(papers.map((paper) => [paper.id, paper]));
const holds = (id: string, word: string) => {
  const paper = byId.get(id)!;
  const base = wordBase(word);
  return tokenize(`${paper.title} ${paper.summary.tldr} ${paper.summary.topics.join(' ')}`).some((token) => wordBase(token) === base);
};

const titles = new Map<string, number>();
for (const paper of papers) for (const word of new Set(tokenize(paper.title))) titles.set(word, (titles.get(word) ?? 0) + 1);
const words = [...titles].filter(([word, count]) => count >= MIN_TITLES && word.length >= 3 && /^[a-z]+$/.test(word)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
let queries = 0;
const beaten: string[] = [];
for (const [word, count] of words) {
  const [first] = index.search(word, 1, { prefixLast: true });
  if (!first) continue;
  queries++;
  if (!holds(first.id, word)) beaten.push(`"${word}" (in ${count} titles) → ${byId.get(first.id)!.title.slice(0, 70)}`);
}
console.log(`${papers.length} papers; ${queries} title words (in ${MIN_TITLES}+ titles) typed as one-word queries`);
console.log(`first result lacks the word typed (and its forms): ${beaten.length} (${((100 * beaten.length) / queries).toFixed(1)}%)`);
for (const line of beaten.slice(0, 20)) console.log(`  ${line}`);

// Names only the abstract has: typed as written, lowercased, the papers using them must come first.
const named = new Map<string, Set<string>>();
for (const paper of papers) {
  for (const name of paper.summary.names) {
    const query = name.toLowerCase();
    if (tokenize(query).every((token) => holds(paper.id, token))) continue;
    named.set(query, (named.get(query) ?? new Set()).add(paper.id));
  }
}
const specific = [...named].filter(([, ids]) => ids.size <= MAX_NAMED);
const missed = specific.filter(([query, ids]) => {
  const found = new Set(index.search(query, MAX_NAMED, { prefixLast: false }).map((hit) => hit.id));
  return [...ids].some((id) => !found.has(id));
});
console.log(`names only abstracts use (by ${MAX_NAMED} papers at most): ${specific.length}; their papers all first: ${specific.length - missed.length} (${((100 * (specific.length - missed.length)) / specific.length).toFixed(1)}%)`);
for (const [query] of missed.slice(0, 10)) console.log(`  missed: "${query}"`);
