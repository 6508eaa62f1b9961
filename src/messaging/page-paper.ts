import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PagePaper, PaperPageSite } from '../sites/types';
import type { ListingSite } from '../ui/badges/listing-site';

/**
 * Asked by the background (keyboard shortcut, context menu): what the tab's page knows about a
 * paper. `id` names the paper of a link (the context menu); without it, the page's own paper.
 */
export const PAGE_PAPER_REQUEST = 'paperlens:pagePaper';

/**
 * Listens for PAGE_PAPER_REQUEST: `answer` gives the paper (null: none), or undefined to leave the
 * question to another of our scripts in the tab. Zod-free (content script): the background validates.
 */
function answerPaperQuestions(ctx: ContentScriptContext, answer: (id: string | null) => PagePaper | null | undefined): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (paper: PagePaper | null) => void) => {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== PAGE_PAPER_REQUEST) return undefined;
    const id = (message as { id?: unknown }).id;
    const paper = answer(typeof id === 'string' ? id : null);
    if (paper !== undefined) sendResponse(paper);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/** A paper page answers with its paper, so a save from the shortcut keeps the authors, dates and ids it shows. */
export function answerPagePaper(ctx: ContentScriptContext, site: PaperPageSite): void {
  answerPaperQuestions(ctx, () => {
    const url = new URL(location.href);
    return site.isPage(url) ? site.extract(document, url) : null;
  });
}

/**
 * A listing answers about one of its entries (a right-click "Save paper" on its link), so the save
 * keeps the title and authors the entry shows instead of a placeholder.
 */
export function answerListedPaper(ctx: ContentScriptContext, site: ListingSite): void {
  answerPaperQuestions(ctx, (id) => {
    if (id === null || !site.isPage(new URL(location.href))) return undefined;
    const entry = site.entries(document).find((candidate) => candidate.id === id);
    if (!entry) return null;
    const details = site.details(entry, document);
    return { id, title: details.title, abstract: details.abstract ?? '', authors: details.authors, published: null, primaryCategory: details.primaryCategory, doi: null, journalRef: null, pdfUrl: null, codeLinks: entry.codeLink ? [entry.codeLink] : [] };
  });
}
