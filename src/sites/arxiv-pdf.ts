import { arxivIdFromUrl, arxivVersion, decodedPath } from '../papers/ids';
import { MAX_TITLE } from '../papers/bounds';

/**
 * arXiv PDF tabs: https://arxiv.org/pdf/<id>[vN][.pdf]. The document is the browser's PDF viewer,
 * with nothing of the paper in its DOM: the tab only gets a title (the browser shows the file name
 * or the PDF's own metadata, `2310.01779v3.pdf` or `Microsoft Word - paper.docx`). So, unlike the other
 * page kinds here, it has a URL predicate but no extractor from a Document and no place to mount a card.
 */

export function isArxivPdfPage(url: URL): boolean {
  return url.hostname === 'arxiv.org' && url.pathname.startsWith('/pdf/') && arxivIdFromUrl(url.href) !== null;
}

/** The paper the tab shows: its canonical id, and the id as the URL gives it (with its version) for the title. */
export function pdfPaper(url: URL): { id: string; shownId: string } | null {
  const id = isArxivPdfPage(url) ? arxivIdFromUrl(url.href) : null;
  if (id === null) return null;
  // The path was decoded to find the id, so it decodes.
  const version = arxivVersion(decodedPath(url.pathname)!.replace(/\.pdf\/?$|\/$/g, ''));
  return { id, shownId: version === null ? id : `${id}v${version}` };
}

// Ours, so the popup can take the paper's title back out of the tab's title.
const SUFFIX = / \| arXiv \S+$/;

/** The tab's title: the paper's title first (a tab strip shows the start), then where it is. */
export function pdfTabTitle(paperTitle: string, shownId: string): string {
  return `${paperTitle.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE)} | arXiv ${shownId}`;
}

/** The paper's title in a tab title of ours, or the tab title as it is. */
export function withoutPdfTabSuffix(tabTitle: string): string {
  return tabTitle.replace(SUFFIX, '');
}
