import { arxivIdFromUrl, arxivPdfUrl } from '../papers/ids';
import { boundPaper, elementText, linksWithContext } from './page-text';
import type { PagePaper, PaperPageSite } from './types';

/**
 * arXiv's HTML view of a paper: https://arxiv.org/html/<id>[vN][/], rendered from its LaTeX by
 * LaTeXML. It has no citation meta: the title is `h1.ltx_title_document`, the authors the
 * `.ltx_personname`s of `div.ltx_authors`, the abstract `div.ltx_abstract` (an `h6` heading and
 * `p.ltx_p`s); formulas are MathML keeping their TeX in `alttext` (elementText reads it). The same
 * "arXiv abstract pages" switch as the abstract page, and the same site for seen marks: it is
 * another view of the same paper.
 */

function idFromUrl(url: URL): string | null {
  return url.hostname === 'arxiv.org' && url.pathname.startsWith('/html/') ? arxivIdFromUrl(url.href) : null;
}

function isPage(url: URL): boolean {
  return idFromUrl(url) !== null;
}

// Footnotes ("Equal contribution", \thanks) and affiliation marks beside the names, as text or
// as math ("Name$^{1,*}$", whose TeX would join the name and its commas split it).
const NOT_NAMES = '.ltx_note, sup, math';

/**
 * The names a personname gives on its first line, which may hold several ("A, B and C", or set
 * apart by wide spaces: LaTeXML writes \quad as an em space); the lines after its first line
 * break are affiliations and addresses.
 */
function namesOf(personname: Element): string[] {
  let line = '';
  for (const node of personname.childNodes) {
    if (node.nodeName === 'BR') break;
    if (node.nodeType === 3) line += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !(node as Element).matches(NOT_NAMES)) line += elementText(node as Element);
  }
  return line.split(/,|\band\b|&|[\u2000-\u2008\u3000]+|\u00a0{2,}/);
}

function extract(doc: Document, url: URL): PagePaper | null {
  const heading = doc.querySelector('h1.ltx_title_document');
  const abstract = doc.querySelector('div.ltx_abstract');
  if (!heading || !abstract) return null;
  const id = idFromUrl(url);
  const paper = boundPaper({
    id,
    title: elementText(heading, '.ltx_note'),
    // A footnote in the abstract (\footnote{Code at …}) is not part of it; its link is still read.
    abstract: elementText(abstract, '.ltx_title_abstract, .ltx_note'),
    authors: [...doc.querySelectorAll('.ltx_authors .ltx_personname')].flatMap(namesOf),
    // The watermark's date is this version's, not the paper's first.
    published: null,
    // arXiv's watermark beside the title: "arXiv:2310.01779v3 [cs.CV] 23 May 2024".
    primaryCategory: /\[([^\]]+)\]/.exec(doc.getElementById('watermark-tr')?.textContent ?? '')?.[1] ?? null,
    doi: null,
    journalRef: null,
    pdfUrl: id ? arxivPdfUrl(id) : null,
    codeLinks: [...abstract.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')),
    links: linksWithContext([abstract]),
  });
  return paper.title && paper.abstract ? paper : null;
}

function cardAnchor(doc: Document): Element | null {
  return doc.querySelector('div.ltx_abstract');
}

// (A 404 here says only that the paper has no HTML view: its LaTeX did not convert, or predates them.)
export const arxivHtml: PaperPageSite = { key: 'arxivAbs', isPage, idFromUrl, extract, cardAnchor, noSuchPaperStatuses: [] };
