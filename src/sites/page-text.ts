import { savedFromUrl } from '../papers/ids';
import type { PagePaper } from '../schema';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_PAGE_CODE_LINKS, MAX_TITLE, MAX_WITHDRAWAL } from '../papers/bounds';
import { pageCodeLink, projectPageHref } from '../summarize/links';
import type { PageLink, PageReading } from './types';

/**
 * Reading a page's text: untrusted text collapsed and bounded, formulas read once (their TeX where
 * the page keeps it), links with the words before them, and a page extractor's reading made a PagePaper.
 */

/** Page text is untrusted: collapse whitespace and bound its length. */
export function pageText(text: string | null | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

// What MathJax 2 (arXiv) puts beside a formula it typesets: the rendered math (its glyphs as
// text), a MathML copy for screen readers and the emptied preview. The TeX stays in a
// `script[type^="math/tex"]` after them.
const MATHJAX_OUTPUT = '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_CHTML, .MathJax_SVG, .MathJax_SVG_Display, .MJX_Assistive_MathML';
// KaTeX keeps a formula's TeX in its MathML copy; the rest is glyphs and that copy's text.
const KATEX_TEX = 'annotation[encoding="application/x-tex"]';

/** A part of a formula of more than one token, in brackets ("e^(i+1)", "(a+b)/2"). */
const grouped = (text: string): string => (/^[\p{L}\p{N}.\u2212-]+$/u.test(text) ? text : `(${text})`);
/** A script's text after its base: "x^2", "10^-4", "x_i". */
const script = (mark: string, text: string): string => (text === '' ? '' : `${mark}${grouped(text)}`);

/** MathML as text, keeping what its sub- and superscripts mean (textContent reads x² as "x2", 10⁻⁴ as "10−4"). */
function mathmlText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  // A TeX source kept beside the MathML is not the formula's text again.
  if (element.localName === 'annotation' || element.localName === 'annotation-xml') return '';
  const [base = '', first = '', second = ''] = [...element.children].map(mathmlText);
  switch (element.localName) {
    case 'msup':
      return base + script('^', first);
    case 'munder':
      // A line or brace under the base (\underline x) is no bound of it.
      if (element.getAttribute('accentunder') === 'true') return base;
      return base + script('_', first); // a limit's bound ("lim_(n→∞)")
    case 'msub':
      return base + script('_', first);
    case 'msubsup':
    case 'munderover': // a sum's bounds
      return base + script('_', first) + script('^', second);
    case 'mfrac':
      // A fraction without its line is a binomial ("(n k)" between its brackets), not n/k.
      if (element.getAttribute('linethickness') === '0') return `${base} ${first}`;
      return `${grouped(base)}/${grouped(first)}`; // read flat ("1n"), which is divided by which is lost
    case 'msqrt': {
      // Its children are one row: "√(nd)" for two of them, not "√nd".
      const radicand = [...element.childNodes].map(mathmlText).join('');
      return `\u221A${element.children.length > 1 ? `(${radicand})` : grouped(radicand)}`;
    }
    case 'mroot':
      return `${grouped(base)}^(1/${first})`;
    default:
      return [...element.childNodes].map(mathmlText).join('');
  }
}

/** TeX between the delimiters of its kind: `$$` for a displayed formula, `$` inline. */
const texBetween = (tex: string, display: boolean | undefined): string => (display ? `$$${tex}$$` : `$${tex}$`);

/**
 * A typeset formula's text, once, or null for an element that is no formula. MathJax 2 leaves
 * its TeX in a script beside it (read there); MathJax 3 keeps no TeX, so its MathML copy for
 * screen readers is the formula's only text ("O(n)"); KaTeX keeps the TeX in that copy.
 */
function formulaText(element: Element): string | null {
  // LaTeXML (arXiv's HTML view) writes a formula as MathML alone, its TeX in `alttext`.
  if (element.localName === 'math') {
    const tex = element.getAttribute('alttext');
    if (tex === null) return mathmlText(element);
    return texBetween(tex, element.getAttribute('display') === 'block');
  }
  if (element.localName === 'mjx-container') {
    const mathml = element.querySelector('mjx-assistive-mml');
    return mathml ? mathmlText(mathml) : '';
  }
  if (element.matches(MATHJAX_OUTPUT)) return '';
  if (element.classList.contains('katex')) {
    const tex = element.querySelector(KATEX_TEX)?.textContent;
    // Without a MathML copy (KaTeX's HTML-only output, or a page's own class "katex") the glyphs
    // are the formula's only text: read as any other element's.
    if (tex === undefined || tex === null) return element.querySelector('.katex-mathml')?.textContent ?? null;
    return texBetween(tex, element.parentElement?.classList.contains('katex-display'));
  }
  return null;
}

/**
 * An element's text as the page's author wrote it, without the elements inside it that `skip`
 * names (labels, "Less" links, footnotes), however deep: a formula MathJax or KaTeX has typeset is read once, as its TeX between `$`
 * where the page keeps it (textContent would give its glyphs, their MathML copy and the TeX, run
 * together). Other scripts are not text.
 */
export function elementText(element: Element | null, skip?: string): string {
  if (!element) return '';
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (skip !== undefined && child.matches(skip)) continue;
    // A line break in a title ("Title:\\ Subtitle") parts its words.
    if (child.localName === 'br') {
      text += ' ';
      continue;
    }
    const formula = formulaText(child);
    if (formula !== null) {
      text += formula;
      continue;
    }
    if (child.localName === 'script') {
      const type = child.getAttribute('type') ?? '';
      if (/^math\/tex\b/i.test(type)) text += texBetween(child.textContent ?? '', /mode\s*=\s*display/i.test(type));
      continue;
    }
    text += elementText(child, skip);
  }
  return text;
}

/** A date in any of the page formats we meet (`2023/10/03`, ISO timestamps) as `YYYY-MM-DD`. */
function pageDate(text: string | null | undefined): string | null {
  const match = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec((text ?? '').trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

function optionalText(text: string | null | undefined, max: number): string | null {
  return pageText(text, max) || null;
}

/** The page's links that are code links (pageCodeLink), each once, at most MAX_PAGE_CODE_LINKS. */
function pageCodeLinks(hrefs: readonly (string | null | undefined)[]): string[] {
  const links = hrefs.map(pageCodeLink).filter((link): link is string => link !== null);
  return [...new Set(links)].slice(0, MAX_PAGE_CODE_LINKS);
}
/** Each link inside `elements`, with up to 80 characters of the text before it in its element. */
export function linksWithContext(elements: readonly (Element | null)[]): PageLink[] {
  const found: PageLink[] = [];
  let before = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) before = (before + (node.nodeValue ?? '')).slice(-80);
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.localName === 'a' && element.hasAttribute('href')) found.push({ href: element.getAttribute('href'), before });
    node.childNodes.forEach(walk);
  };
  for (const element of elements) {
    before = '';
    if (element) walk(element);
  }
  return found;
}

/** The first of a page's links that is the paper's project page (projectPageHref), or null. */
function firstProjectPage(links: readonly PageLink[]): string | null {
  for (const { href, before } of links) {
    const page = href === null ? null : projectPageHref(href, before);
    if (page) return page;
  }
  return null;
}

export function boundPaper(paper: PageReading): PagePaper {
  return {
    id: paper.id,
    title: pageText(paper.title, MAX_TITLE),
    abstract: pageText(paper.abstract, MAX_ABSTRACT),
    authors: paper.authors.map((author) => pageText(author, MAX_AUTHOR_NAME)).filter(Boolean).slice(0, MAX_AUTHORS),
    published: pageDate(paper.published),
    primaryCategory: optionalText(paper.primaryCategory, 100),
    doi: optionalText(paper.doi, 300),
    journalRef: optionalText(paper.journalRef, 1000),
    pdfUrl: savedFromUrl(paper.pdfUrl),
    codeLinks: pageCodeLinks(paper.codeLinks ?? []),
    projectPage: firstProjectPage(paper.links ?? []),
    // (Only on a page that says so: every other page's paper is as it was.)
    ...(paper.withdrawal !== undefined && { withdrawal: pageText(paper.withdrawal, MAX_WITHDRAWAL) }),
  };
}
