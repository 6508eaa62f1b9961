import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PagePaper, PaperPageSite } from '../sites/types';

/** Asked by the background (keyboard shortcut): what the tab's page knows about its paper. */
export const PAGE_PAPER_REQUEST = 'paperlens:pagePaper';

/**
 * Answers the background's "what paper is this page?" so a save from the keyboard shortcut keeps
 * the authors, dates and ids the page shows. Zod-free (content script): the background validates.
 */
export function answerPagePaper(ctx: ContentScriptContext, site: PaperPageSite): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (paper: PagePaper | null) => void) => {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== PAGE_PAPER_REQUEST) return undefined;
    const url = new URL(location.href);
    sendResponse(site.isPage(url) ? site.extract(document, url) : null);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
