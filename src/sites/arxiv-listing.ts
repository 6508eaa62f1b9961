import { arxivIdFromUrl, decodedPath, normalizeArxivId } from '../papers/ids';
import type { EntryDetails, ListingEntry, ListingSite } from './types';
import { pageCodeLink } from '../summarize/links';
import { elementText, pageText } from './page-text';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_TITLE, MAX_WITHDRAWAL } from '../papers/bounds';
import { categoryOfSubject, withdrawalIn } from './arxiv-abs';

/**
 * arXiv pages that list papers:
 * - listings `/list/<cat>/new`, `/list/<cat>/recent`, `/list/<cat>/pastweek`, `/list/<cat>/current`
 *   (the current month), `/list/<cat>/<yymm|yyyy|yyyy-mm|yy>` (with `?skip=&show=`) and `/catchup…`: `dl` sections (`dl#articles`: new submissions,
 *   cross-lists, replacements) of `dt` (the `a[title="Abstract"]` link reads `arXiv:<id>`) then
 *   `dd` (`.list-title` after a `span.descriptor`, `.list-authors`, `.list-comments`,
 *   `.list-subjects`, and the abstract `p.mathjax` on /new only);
 * - author pages `/a/<author>` (and `.html`): the author's papers as listing entries;
 * - search results `/search/…`: `li.arxiv-result` with `p.list-title a` (the abs URL), `p.title`,
 *   `p.authors` and `span.abstract-full`.
 */

const LIST_PATH = /^\/list\/[a-z-]+(?:\.[a-z-]+)?\/(?:new|recent|pastweek|current|\d{2}|\d{4}|\d{4}-\d{2})\/?$/i;
const AUTHOR_PATH = /^\/a\/[a-z0-9_-]+(?:\.html)?$/i;
const ABS_HREF = /^(?:https?:\/\/arxiv\.org)?\/abs\/([^?#]+)$/;

function isPage(url: URL): boolean {
  if (url.protocol !== 'https:' || url.hostname !== 'arxiv.org') return false;
  return LIST_PATH.test(url.pathname) || AUTHOR_PATH.test(url.pathname) || /^\/catchup(?:\/|$)/.test(url.pathname) || url.pathname.startsWith('/search/');
}

/** Whether a page's address is an arXiv listing: it shows each paper's current title, and on some its abstract. */
export function arxivListingPage(url: string | undefined): boolean {
  try {
    return url !== undefined && isPage(new URL(url));
  } catch {
    return false;
  }
}

/** `arXiv:2310.01779` in the link text, else the `/abs/<id>` link. */
function listingId(dt: Element): string | null {
  const link = dt.querySelector('a[title="Abstract"]');
  if (!link) return null;
  const fromText = normalizeArxivId(link.textContent ?? '');
  if (fromText) return fromText;
  const href = ABS_HREF.exec(link.getAttribute('href') ?? '')?.[1];
  const path = href ? decodedPath(href) : null;
  return path ? normalizeArxivId(path) : null;
}

function searchId(result: Element): string | null {
  const link = result.querySelector('p.list-title a');
  if (!link) return null;
  return arxivIdFromUrl(link.getAttribute('href') ?? '') ?? normalizeArxivId(link.textContent ?? '');
}

/** The first code link among the links of `block` (an entry's comments), or null. */
function commentsCodeLink(block: Element | null): string | null {
  // Most entries have no comments or no link in them: skip them without a query.
  if (!block || !block.querySelector('a')) return null;
  for (const link of block.querySelectorAll('a[href]')) {
    const code = pageCodeLink(link.getAttribute('href'));
    if (code) return code;
  }
  return null;
}

/** The withdrawal reason an entry's comments give (as on its abstract page), or null. */
function commentsWithdrawal(block: Element | null): string | null {
  // Most entries' comments say nothing of it: their text is not read further.
  if (!block || !/withdr/i.test(block.textContent ?? '')) return null;
  return withdrawalIn(pageText(elementText(block), MAX_WITHDRAWAL)) ?? null;
}

/** An entry whose title element and id were found, with what its comments say. */
function entry(id: string, element: Element, anchor: Element, comments: Element | null): ListingEntry {
  return { id, element, anchor, codeLink: commentsCodeLink(comments), withdrawal: commentsWithdrawal(comments) };
}

/**
 * The titles the badges go after, for the room held at document start (inside the title, it
 * matches the badge after it while what follows the title has a top margin of 2px at most, as
 * arXiv's pages have it).
 */
export const ARXIV_LISTING_TITLES = 'dl > dd .list-title, li.arxiv-result p.title';

function entries(doc: Document): ListingEntry[] {
  const found: ListingEntry[] = [];
  for (const dt of doc.querySelectorAll('dl > dt')) {
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const anchor = dd.querySelector('.list-title');
    const id = anchor ? listingId(dt) : null;
    if (anchor && id) found.push(entry(id, dd, anchor, dd.querySelector('.list-comments')));
  }
  for (const result of doc.querySelectorAll('li.arxiv-result')) {
    const anchor = result.querySelector('p.title');
    const id = anchor ? searchId(result) : null;
    if (anchor && id) found.push(entry(id, result, anchor, result.querySelector('p.comments')));
  }
  return found;
}

function authors(links: Iterable<Element>): string[] {
  return [...links].map((link) => pageText(link.textContent, MAX_AUTHOR_NAME)).filter(Boolean).slice(0, MAX_AUTHORS);
}

/** The entry's title: a search result's `p.title`, a listing's `.list-title` without its "Title:" label. */
function title(entry: ListingEntry): string {
  return pageText(elementText(entry.anchor, '.descriptor'), MAX_TITLE);
}

function details(entry: ListingEntry): EntryDetails {
  const item = entry.element;
  if (item.matches('li.arxiv-result')) {
    const abstract = pageText(elementText(item.querySelector('span.abstract-full'), 'a'), MAX_ABSTRACT);
    return {
      title: title(entry),
      abstract: abstract || null,
      authors: authors(item.querySelectorAll('p.authors a')),
      // The first tag (arXiv marks it `is-link`, or `search-hit` when the query matched it).
      primaryCategory: pageText(item.querySelector('.tags .tag')?.textContent, 100) || null,
    };
  }
  const abstract = pageText(elementText(item.querySelector('p.mathjax')), MAX_ABSTRACT);
  const primary = categoryOfSubject(item.querySelector('.primary-subject')?.textContent ?? '');
  return {
    title: title(entry),
    abstract: abstract || null,
    authors: authors(item.querySelectorAll('.list-authors a')),
    primaryCategory: pageText(primary, 100) || null,
  };
}

export const arxivListing: ListingSite = {
  key: 'arxivListing',
  isPage,
  entries,
  title,
  details,
  currentTitles: true,
  watchSelector: 'dl, dt, dd, .list-title, ol, li.arxiv-result, p.title',
};
