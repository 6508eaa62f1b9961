import { arxivIdFromUrl, arxivPdfUrl, arxivVersion, normalizeArxivId } from '../papers/ids';
import { boundPaper, elementText, linksWithContext } from './page-text';
import type { PagePaper, PaperPageSite } from './types';
import { filedName } from '../papers/names';

/**
 * arXiv abstract pages: https://arxiv.org/abs/<id>[vN], new-style (2310.01779) and old-style
 * (hep-th/9901001) ids. Structure: `citation_*` meta, `#abs h1.title` and
 * `blockquote.abstract`, each opening with a `span.descriptor` ("Title:", "Abstract:").
 */

function isPage(url: URL): boolean {
  return url.hostname === 'arxiv.org' && url.pathname.startsWith('/abs/') && idFromUrl(url) !== null;
}

function idFromUrl(url: URL): string | null {
  return url.pathname.startsWith('/abs/') ? arxivIdFromUrl(url.href) : null;
}

/**
 * Whether a page's address is the arXiv abstract page of a paper's latest version: one that names a
 * version ("/abs/2310.01779v1") may title the paper as it was then.
 */
export function latestArxivAbsPage(url: string | undefined): boolean {
  const address = url?.replace(/[?#].*$/, '') ?? '';
  return /^https:\/\/(?:www\.)?arxiv\.org\/abs\/./.test(address) && arxivVersion(address) === null;
}

/** Whether an address is an arXiv abstract or HTML page of a paper, of any version: arXiv's own title and abstract. */
export function arxivPaperPage(url: string | undefined): boolean {
  const address = url?.replace(/[?#].*$/, '') ?? '';
  return /^https:\/\/(?:www\.)?arxiv\.org\/(?:abs|html)\/./.test(address);
}

function meta(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)].map((el) => el.getAttribute('content') ?? '');
}

/** `Zhai, Bohan` → `Bohan Zhai` (the citation_author convention; filedName). */
export function citationName(name: string): string {
  return name.includes(',') ? filedName(name.split(',').map((part) => part.trim())) : name;
}

/** `Computer Vision and Pattern Recognition (cs.CV)` → `cs.CV`. */
export function categoryOfSubject(subject: string): string | null {
  return /\(([^()]+)\)\s*$/.exec(subject)?.[1] ?? null;
}

// How arXiv's comments say the paper was withdrawn ("This paper has been withdrawn by the author due
// to …", "Withdrawn: …", "We withdraw this paper because …", "The author has withdrawn this paper"); not
// another paper's, version's or venue's withdrawal ("replaces the withdrawn arXiv:…", "Withdrawn from
// ICML 2023", "A version of this paper was withdrawn from a conference"), nor a claim withdrawn.
const WITHDRAWN =
  /^\W*(?:paper )?withdrawn\b(?! from (?!(?:the )?arxiv\b))|(?<!\b(?:version|copy|draft) of )\b(?:this|the|our) (?:paper|article|manuscript|submission|preprint|work|version) (?:has been|have been|is|was|is being) withdrawn\b(?! from (?!(?:the )?arxiv\b))|\bwithdrawn by (?:the|its|all|both|one of the|first|corresponding) (?:\w+ )?authors?\b|\b(?:we|(?:the )?authors?(?:\(s\))?) (?:\w+ )?(?:withdraw|withdrew|(?:have|has) withdrawn) (?:this|the|our) (?:paper|article|manuscript|submission|preprint|work)\b|\bhas withdrawn this (?:paper|article|manuscript|submission|preprint)\b/i;

/**
 * The withdrawal reason arXiv's comments give, when they say the paper was withdrawn. The comments
 * are their cell's text, or a block's that opens with its label (the background reads them as text).
 */
export function withdrawalIn(commentsText: string): string | undefined {
  const comments = commentsText.replace(/^\s*Comments:\s*/i, '');
  return WITHDRAWN.test(comments) ? comments : undefined;
}

function extract(doc: Document, url: URL): PagePaper | null {
  const heading = doc.querySelector('h1.title');
  const abstract = doc.querySelector('blockquote.abstract');
  if (!heading || !abstract) return null;
  const metaId = meta(doc, 'citation_arxiv_id')[0];
  const id = (metaId ? normalizeArxivId(metaId) : null) ?? idFromUrl(url);
  const title = meta(doc, 'citation_title')[0] || elementText(heading, '.descriptor');
  const metaAuthors = meta(doc, 'citation_author').map(citationName);
  const authors = metaAuthors.length > 0
    ? metaAuthors
    : [...doc.querySelectorAll('div.authors a')].map((a) => a.textContent ?? '');
  const primaryCategory = categoryOfSubject(doc.querySelector('.primary-subject')?.textContent ?? '');
  const comments = doc.querySelector('.comments');
  const paper = boundPaper({
    id,
    title,
    abstract: elementText(abstract, '.descriptor'),
    authors,
    published: meta(doc, 'citation_date')[0] ?? null,
    primaryCategory,
    doi: meta(doc, 'citation_doi')[0] ?? doc.querySelector('td.doi a')?.textContent ?? null,
    journalRef: doc.querySelector('td.jref')?.textContent ?? null,
    pdfUrl: meta(doc, 'citation_pdf_url')[0] ?? (id ? arxivPdfUrl(id) : null),
    // The abstract shows its URLs as "this https URL"; the comments often say where the code is.
    codeLinks: [...abstract.querySelectorAll('a[href]'), ...doc.querySelectorAll('.comments a[href]')].map((link) => link.getAttribute('href')),
    links: linksWithContext([abstract, comments]),
    withdrawal: withdrawalIn(elementText(comments)),
  });
  // An empty abstract (a withdrawn paper's may be) still gets its card: the store's TL;DR, Save.
  return paper.title ? paper : null;
}

function cardAnchor(doc: Document): Element | null {
  return doc.querySelector('blockquote.abstract');
}

// arXiv's "Article identifier not recognized" (404) and a deleted paper (410).
export const arxivAbs: PaperPageSite = { key: 'arxivAbs', isPage, idFromUrl, extract, cardAnchor, noSuchPaperStatuses: [404, 410] };
