import { decodedPath, normalizeArxivId } from '../papers/ids';
import type { EntryDetails, ListingEntry, ListingSite } from './types';
import { pageCodeLink } from '../summarize/links';
import { elementText, pageText } from './page-text';
import { isRecord } from '../schema/is-record';
import { embeddedPaper, embeddedProps, type EmbeddedPaper } from './hf-embedded';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_TITLE } from '../papers/bounds';

/**
 * Hugging Face paper lists: `/papers` (the latest day), `/papers/date/YYYY-MM-DD`,
 * `/papers/week/YYYY-Www`, `/papers/month/YYYY-MM`, `/papers/trending`. Each paper is an
 * `article` card with an `h3 a[href="/papers/<id>"]` title link. The server embeds the list as
 * JSON in `[data-target="DailyPapers"][data-props]` (`{ dailyPapers: [{ paper }] }`); the site
 * renders on the client, so the JSON may describe another list than the DOM: it is only read for
 * ids the DOM shows, and the DOM's title wins.
 */

const LIST_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{1,2}|month\/\d{4}-\d{2}|trending))?\/?$/;
const PAPER_HREF = /^(?:https:\/\/huggingface\.co)?\/papers\/([^/?#]+)\/?$/;

export function isHfListPage(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'huggingface.co' && LIST_PATH.test(url.pathname);
}

// Parsed once per document and data-props string (the list is read on every scan).
const parsedByDocument = new WeakMap<Document, { raw: string | null; papers: Map<string, EmbeddedPaper> }>();

function parseEmbedded(raw: string | null): Map<string, EmbeddedPaper> {
  const papers = new Map<string, EmbeddedPaper>();
  const props = embeddedProps(raw);
  const list = isRecord(props) && Array.isArray(props.dailyPapers) ? props.dailyPapers : [];
  for (const item of list) {
    const paper = embeddedPaper(item);
    const id = paper ? normalizeArxivId(paper.id) : null;
    if (paper && id && !papers.has(id)) papers.set(id, paper);
  }
  return papers;
}

/** The embedded papers by id, checked field by field (page data is untrusted). */
function embeddedPapers(doc: Document): Map<string, EmbeddedPaper> {
  const raw = doc.querySelector('[data-target="DailyPapers"]')?.getAttribute('data-props') ?? null;
  const cached = parsedByDocument.get(doc);
  if (cached && cached.raw === raw) return cached.papers;
  const papers = parseEmbedded(raw);
  parsedByDocument.set(doc, { raw, papers });
  return papers;
}

/** The titles the badges go after (entries' anchors), for the room held at document start. */
export const HF_LIST_TITLES = 'article h3';

function entries(doc: Document): ListingEntry[] {
  const embedded = embeddedPapers(doc);
  const found: ListingEntry[] = [];
  const seen = new Set<Element>();
  for (const link of doc.querySelectorAll('article h3 a[href]')) {
    const match = PAPER_HREF.exec(link.getAttribute('href') ?? '');
    const path = match ? decodedPath(match[1]!) : null;
    const id = path ? normalizeArxivId(path) : null;
    const anchor = link.closest('h3')!;
    const element = link.closest('article')!;
    if (!id || seen.has(element)) continue;
    seen.add(element);
    found.push({ id, element, anchor, codeLink: pageCodeLink(embedded.get(id)?.githubRepo), withdrawal: null });
  }
  return found;
}

const title = (entry: ListingEntry): string => pageText(elementText(entry.anchor), MAX_TITLE);

function details(entry: ListingEntry, doc: Document): EntryDetails {
  const embedded = embeddedPapers(doc).get(entry.id);
  const abstract = pageText(embedded?.summary, MAX_ABSTRACT);
  return {
    title: title(entry) || pageText(embedded?.title, MAX_TITLE),
    abstract: abstract || null,
    authors: (embedded?.authors ?? []).map((name) => pageText(name, MAX_AUTHOR_NAME)).filter(Boolean).slice(0, MAX_AUTHORS),
    primaryCategory: null,
  };
}

export const hfList: ListingSite = { key: 'hfList', isPage: isHfListPage, entries, title, details, watchSelector: 'article, h3', showsOwnUpvotes: true };
