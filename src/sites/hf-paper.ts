import { arxivIdFromUrl, arxivPdfUrl, normalizeArxivId } from '../papers/ids';
import { boundPaper, elementText } from './page-text';
import type { PagePaper, PaperPageSite } from './types';
import { embeddedPaper, embeddedProps, type EmbeddedPaper } from './hf-embedded';

/**
 * Hugging Face paper pages: https://huggingface.co/papers/<arXiv id>. The server embeds the
 * page's data as JSON in `[data-target="PaperContent"][data-props]`; the visible page has the
 * title in `h1` and the abstract as the paragraph under the "Abstract" heading. The site is a
 * client-side app: on navigation the DOM changes but the embedded JSON may still describe the
 * first paper, so it is only trusted when its id matches the URL (else the authors are read from
 * the page, and the date is unknown).
 */

function idFromUrl(url: URL): string | null {
  return url.hostname === 'huggingface.co' ? arxivIdFromUrl(url.href) : null;
}

function isPage(url: URL): boolean {
  return idFromUrl(url) !== null;
}

/** The paper PaperContent's page data gives, when it has a title; null else. */
function paperContentData(doc: Document): EmbeddedPaper | null {
  const paper = embeddedPaper(embeddedProps(doc.querySelector('[data-target="PaperContent"]')?.getAttribute('data-props')));
  return paper && paper.title !== null ? paper : null;
}

function abstractHeading(doc: Document): Element | null {
  return [...doc.querySelectorAll('h2, h3')].find((el) => el.textContent?.trim() === 'Abstract') ?? null;
}

const AI_SUMMARY_LABEL = /AI-generated summary/i;
const OPENS_WITH_AI_SUMMARY_LABEL = /^\W*AI-generated summary/i;
const ONLY_AI_SUMMARY_LABEL = /^\W*AI-generated summary\W*$/i;

/**
 * Whether `element` is the label of Hugging Face's "AI-generated summary" box: short text that says
 * so (after an icon, whose title is text too), holding no paragraph; a paragraph only when it says
 * nothing else. An abstract that mentions the words is no label.
 */
function isAiSummaryLabel(element: Element | null): boolean {
  const text = element?.textContent ?? '';
  if (element === null || text.length >= 80 || !AI_SUMMARY_LABEL.test(text)) return false;
  return element.tagName === 'P' ? ONLY_AI_SUMMARY_LABEL.test(text) : !element.querySelector('p');
}

/**
 * Whether a paragraph is Hugging Face's AI-generated summary: it opens with the box's label, or the
 * label sits right before it, or right after it with no paragraph following (the label under its summary).
 */
function isAiSummary(paragraph: Element): boolean {
  if (OPENS_WITH_AI_SUMMARY_LABEL.test(paragraph.textContent ?? '')) return true;
  const before = paragraph.previousElementSibling;
  const after = paragraph.nextElementSibling;
  // (A label written as a paragraph marks the next one only when another follows it: alone, it is the abstract.)
  const labelled = isAiSummaryLabel(before) && (before?.tagName !== 'P' || after?.matches('p') === true);
  return labelled || (isAiSummaryLabel(after) && !after?.nextElementSibling?.matches('p'));
}

/** The paragraphs after the "Abstract" heading, in page order. */
function* paragraphsAfterAbstractHeading(doc: Document): Generator<Element> {
  for (let node = abstractHeading(doc)?.nextElementSibling ?? null; node; node = node.nextElementSibling) {
    if (node.tagName === 'P') yield node;
    else yield* node.querySelectorAll('p');
  }
}

/** A text's first 40 letters and digits, lower-cased: a paragraph and the page data's abstract compared, their math and spacing aside. */
const opening = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 40);

/**
 * The abstract's paragraph: the one that opens as the page data's abstract does (when that data is
 * this paper's), else the first paragraph after the "Abstract" heading that is not Hugging Face's
 * AI-generated summary (whose box the page has laid out in more than one way).
 */
function abstractParagraph(doc: Document, dataAbstract: string | null): Element | null {
  const wanted = dataAbstract ? opening(dataAbstract) : '';
  if (wanted.length >= 20) {
    for (const paragraph of paragraphsAfterAbstractHeading(doc)) if (opening(elementText(paragraph)) === wanted) return paragraph;
  }
  for (const paragraph of paragraphsAfterAbstractHeading(doc)) if (!isAiSummary(paragraph)) return paragraph;
  return null;
}

/**
 * The author names the visible page lists by the title (`.author` elements in the title's block):
 * after client-side navigation the embedded JSON describes the first paper, and these are all
 * there is. Empty when the page lists them some other way.
 */
function visibleAuthors(heading: Element): string[] {
  return [...(heading.parentElement?.querySelectorAll('.author') ?? [])].map((author) => author.textContent ?? '');
}

function extract(doc: Document, url: URL): PagePaper | null {
  const id = idFromUrl(url);
  const heading = doc.querySelector('h1');
  const embedded = paperContentData(doc);
  const current = embedded && normalizeArxivId(embedded.id) === id ? embedded : null;
  const paragraph = abstractParagraph(doc, current?.summary ?? null);
  if (!heading || !paragraph) return null;
  const paper = boundPaper({
    id,
    title: elementText(heading) || current?.title || '',
    abstract: elementText(paragraph) || current?.summary || '',
    authors: current?.authors ?? visibleAuthors(heading),
    published: current?.publishedAt ?? null,
    primaryCategory: null,
    doi: null,
    journalRef: null,
    pdfUrl: id ? arxivPdfUrl(id) : null,
    codeLinks: [current?.githubRepo],
  });
  // An empty abstract still gets its card: the store's TL;DR, Save.
  return paper.title ? paper : null;
}

/** The block holding the "Abstract" heading and paragraph; the card goes right after it. */
function cardAnchor(doc: Document): Element | null {
  // (Any paragraph of that block places the card alike: the page data is not needed for it.)
  const paragraph = abstractParagraph(doc, null);
  const heading = abstractHeading(doc);
  if (!paragraph || !heading) return null;
  return heading.parentElement?.contains(paragraph) ? heading.parentElement : paragraph;
}

// (A Hugging Face 404 may be a real arXiv paper it has not indexed.)
export const hfPaper: PaperPageSite = { key: 'hfPaper', isPage, idFromUrl, extract, cardAnchor, noSuchPaperStatuses: [], showsOwnUpvotes: true };
