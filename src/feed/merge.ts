import { normalizeTitle } from '../papers/ids';
import { latexToText } from '../papers/latex';
import { HttpUrlSchema } from '../schema/common';
import type { FeedDayList, FeedEntry } from '../schema/feed';
import type * as z from 'zod/mini';
import { PaperSchema, SummarySchema, type Paper } from '../schema/papers';
import { summarize, SUMMARIZER_VERSION } from '../summarize';
import { pageCodeLink, repositoryKey, uniqueCodeLinks } from '../summarize/links';
import { MAX_CODE_LINKS } from '../papers/bounds';
import type { FeedSuccess } from './client';

/** Code links with the feed's repository (if it is on a code host: one stored before the feed's was checked may not be) first, once. */
function withFeedRepo(links: string[], githubRepo: string | null): string[] {
  const repo = pageCodeLink(githubRepo);
  const all = repo === null ? links : [repo, ...links.filter((link) => repositoryKey(link) !== repositoryKey(repo))];
  return all.slice(0, MAX_CODE_LINKS);
}

/**
 * The code links a stored paper had beyond the feed's repository and what `abstract` (the one now
 * summarized) writes: arXiv's comments gave them (addArxivCodeLinks), or an older abstract whose
 * URLs arXiv's page shows as "this https URL". A new summary keeps them; a link the abstract writes
 * is the summarizer's to give, and the feed's repository the feed's (it may have corrected it).
 */
function linksBeyond(had: Paper | undefined, abstract: string): string[] {
  if (!had) return [];
  const text = abstract.toLowerCase();
  const formerRepo = had.feed?.githubRepo ? repositoryKey(had.feed.githubRepo) : null;
  return had.summary.codeLinks.filter((link) => repositoryKey(link) !== formerRepo && !writesAddress(text, repositoryKey(link)));
}

/** Whether `text` writes `address` whole: not as the start of a longer one (`…/llama` in `…/llama-recipes`, `…/llama.cpp`). */
function writesAddress(text: string, address: string): boolean {
  for (let at = text.indexOf(address); at >= 0; at = text.indexOf(address, at + 1)) {
    const after = text.slice(at + address.length, at + address.length + 2);
    if (!/^(?:[\w/-]|\.\w)/.test(after)) return true;
  }
  return false;
}

/** Code links for a summary of `abstract`: the feed's repository first, then the summary's own, then those the stored paper had beyond them (linksBeyond), each repository once. */
export function mergedCodeLinks(computed: string[], githubRepo: string | null, had: Paper | undefined, abstract: string): string[] {
  return uniqueCodeLinks([...withFeedRepo(computed, githubRepo), ...linksBeyond(had, abstract)]).slice(0, MAX_CODE_LINKS);
}

/** Our own summary of the abstract, its code links as mergedCodeLinks gives them (`had`: the paper as stored). */
export function feedSummary(title: string, abstract: string, githubRepo: string | null, had?: Paper): z.input<typeof SummarySchema> {
  const computed = summarize(title, abstract);
  const found = computed.codeLinks.filter((link) => HttpUrlSchema.safeParse(link).success);
  return {
    ...computed,
    version: SUMMARIZER_VERSION,
    codeLinks: mergedCodeLinks(found, githubRepo, had, abstract),
  };
}

/**
 * The store record for a feed entry. A paper the store already holds (from the bundled seed or
 * an earlier fetch) keeps its snapshot rank, snapshot label, source and related papers; its text, summary and
 * feed info are refreshed. An empty abstract or author list in the feed does not erase ours, nor
 * do its title and abstract those arXiv's page gave the paper since (Hugging Face keeps a paper's first ones).
 */
export function feedEntryToPaper(entry: FeedEntry, existing: Paper | undefined, fetchedAt: number): Paper {
  const retitled = existing?.retitledAt === undefined ? null : { title: existing.title, abstract: existing.abstract, retitledAt: existing.retitledAt };
  // A title that is all markup (`$\alpha$`) renders to nothing: keep it as sent.
  const title = retitled?.title ?? (latexToText(entry.title) || entry.title);
  const abstract = retitled?.abstract || latexToText(entry.abstract) || existing?.abstract || '';
  const parsed = PaperSchema.safeParse({
    id: entry.id,
    title,
    normTitle: normalizeTitle(title),
    abstract,
    authors: entry.authors.length > 0 ? entry.authors : (existing?.authors ?? []),
    rank: existing?.rank ?? null,
    snapshot: existing?.snapshot ?? null,
    source: existing?.source ?? 'feed',
    summary: feedSummary(title, abstract, entry.githubRepo, existing),
    // Computed over the whole store elsewhere; a refresh must not lose them.
    related: existing?.related ?? [],
    feed: {
      upvotes: entry.upvotes,
      comments: entry.comments,
      publishedAt: entry.publishedAt,
      githubRepo: entry.githubRepo,
      projectPage: entry.projectPage,
      keywords: entry.keywords,
      fetchedAt,
    },
    ...(retitled ? { retitledAt: retitled.retitledAt } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`feed paper ${entry.id} does not fit the store at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The day's ids in the feed's order, which is its ranking, and their places when items were dropped. */
export function feedDayList(result: FeedSuccess): FeedDayList {
  const ids = result.entries.map((entry) => entry.id);
  return result.ranks.some((rank, index) => rank !== index + 1) ? { day: result.day, ids, ranks: result.ranks } : { day: result.day, ids };
}
