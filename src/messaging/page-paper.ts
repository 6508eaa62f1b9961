import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageAnswer, PagePaper } from '../schema';
import type { ListingSite, PaperPageSite } from '../sites/types';
import { isMessageOfType } from './message-type';

/**
 * Asked by the background (keyboard shortcut, context menu): what the tab's page knows about a
 * paper. `id` names the paper of a link (the context menu); without it, the page's own paper.
 */
export const PAGE_PAPER_REQUEST = 'paperlens:pagePaper';

/** Asked by the popup and the save shortcut on a list of papers: whether it shows badges to save from. */
export const BADGED_LIST_REQUEST = 'paperlens:badgedList';

/**
 * Listens for PAGE_PAPER_REQUEST: `answer` gives the paper (null: none), or undefined to leave the
 * question to another of our scripts in the tab. Zod-free (content script): the background validates.
 */
function answerPaperQuestions(ctx: ContentScriptContext, answer: (id: string | null) => PageAnswer | undefined): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: PageAnswer) => void) => {
    if (!isMessageOfType(message, PAGE_PAPER_REQUEST)) return undefined;
    const paper = answer(typeof message.id === 'string' ? message.id : null);
    if (paper !== undefined) sendResponse(paper);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/**
 * Whether the server answered this document with a status by which the site says its paper does
 * not exist; only while the tab still shows that document's URL (not after in-page navigation).
 */
function serverSaysNoSuchPaper(site: PaperPageSite): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as (PerformanceNavigationTiming & { responseStatus?: number })[];
  if (!navigation || navigation.responseStatus === undefined) return false;
  return navigation.name.split('#')[0] === location.href.split('#')[0] && site.noSuchPaperStatuses.includes(navigation.responseStatus);
}

/**
 * A paper page answers with its paper, so a save from the shortcut keeps the authors, dates and ids
 * it shows; or that its server does not know the paper, so nothing is saved under a made-up id.
 * (A page we cannot read is not such a page: arXiv may have changed its markup.)
 */
export function answerPagePaper(ctx: ContentScriptContext, site: PaperPageSite): void {
  // The paper the page first showed under the id its URL named. Until the next paper is rendered
  // after a client-side navigation (Hugging Face on a slow connection), the page shows that one's
  // title and authors under the next one's URL; and a router may draw the next paper before it
  // changes the URL. Either way the page names no paper, rather than another one's details.
  let seen: PagePaper | null = null;
  const read = () => {
    const url = new URL(location.href);
    const paper = site.isPage(url) ? site.extract(document, url) : null;
    if (paper && seen) {
      const sameId = seen.id === paper.id;
      if (sameId !== (seen.title === paper.title || seen.abstract === paper.abstract)) return null;
      if (sameId) return paper;
    }
    return paper && (seen = paper);
  };
  // Looked at once parsed, at each question, and as the page changes while its URL names a paper
  // not seen yet: what it draws, no one may ask about, and the next URL's page may still show it.
  const observer = new MutationObserver(() => {
    if (site.idFromUrl(new URL(location.href)) !== seen?.id) read();
  });
  const watch = () => {
    read();
    observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  };
  // Run into a page already parsed (a tab open at an install), the script starts at once.
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', watch);
  else watch();
  ctx.onInvalidated(() => observer.disconnect());

  answerPaperQuestions(ctx, (id) => {
    // Listening from document start: until the page is parsed its paper is not there to read, and
    // the question goes unanswered (the background then reads the tab's title).
    if (document.readyState === 'loading') return undefined;
    const url = new URL(location.href);
    // Not a paper page (a Hugging Face list, where this script also runs): the list's script answers.
    if (!site.isPage(url)) return undefined;
    // Only the page's own paper is unknown to its server, not a paper it links to.
    const ownPaper = id === null || id === site.idFromUrl(url);
    if (ownPaper && serverSaysNoSuchPaper(site)) return { notFound: true };
    return read();
  });
}

/**
 * A listing answers about one of its entries (a right-click "Save paper" on its link), so the save
 * keeps the title and authors the entry shows instead of a placeholder; and whether it shows badges
 * (`badged`: none on a listing switched off, empty or not recognised).
 */
export function answerListedPaper(ctx: ContentScriptContext, site: ListingSite, badged: () => boolean): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (badged: boolean) => void) => {
    if (!isMessageOfType(message, BADGED_LIST_REQUEST)) return undefined;
    sendResponse(site.isPage(new URL(location.href)) && badged());
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  answerPaperQuestions(ctx, (id) => {
    if (id === null || !site.isPage(new URL(location.href))) return undefined;
    const entry = site.entries(document).find((candidate) => candidate.id === id);
    if (!entry) return null;
    const details = site.details(entry, document);
    return { id, title: details.title, abstract: details.abstract ?? '', authors: details.authors, published: null, primaryCategory: details.primaryCategory, doi: null, journalRef: null, pdfUrl: null, codeLinks: entry.codeLink ? [entry.codeLink] : [] };
  });
}
