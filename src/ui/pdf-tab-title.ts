import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_TITLE } from '../papers/bounds';
import { sendRequest } from '../messaging/client';
import { watchStoreChanges } from '../messaging/store-changes';
import { isMessageOfType } from '../messaging/message-type';
import { loadSettings, watchSettings } from '../settings/settings';
import type { Settings } from '../schema';
import { isArxivPdfPage, pdfPaper, pdfTabTitle, withoutPdfTabSuffix } from '../sites/arxiv-pdf';

// The PDF viewer may set its own title after ours (from the file's metadata, once it is read):
// ours is put back, a few times, so a page that keeps retitling itself is not fought forever.
const MAX_RETITLES = 5;

/**
 * Sent by the background to an arXiv PDF tab the browser has titled otherwise than ours: Chrome's
 * PDF viewer names the tab after the file (its metadata title or file name) once it has read it,
 * in the browser only, not in the page's DOM, so the page cannot see it.
 */
const PDF_TAB_RETITLED = 'paperlens:pdfTabRetitled';
/** Sent by the background to the arXiv PDF tabs of a paper whose arXiv page it has just read (for the popup, a citation, another tab). */
const PAPER_PAGE_READ = 'paperlens:paperPageRead';
// A tab left unnamed asks again when the store changed: a few times between two looks at it (or two
// reads of its paper's page), so that a title the background keeps failing to give is not asked for forever.
const MAX_ASKS = 10;

export interface PdfTabTitleDeps {
  doc: Document;
  url: URL;
  /** The background's title for the paper (untrusted until checked here). */
  askTitle: (id: string) => Promise<unknown>;
}

export interface PdfTabTitle {
  /** Names the tab after its paper (once its title is known) and keeps it so. */
  start: () => Promise<void>;
  /** Gives the tab its own title back. */
  stop: () => void;
  /**
   * Asks for the title again if the tab is named after its paper but has none yet (arXiv was out of
   * reach, or asked to wait). `uncounted`: the reader looks at the tab, or the paper's page was just
   * read (the answer is at hand, no request to arXiv): asked however often it asked before.
   */
  askAgain: (uncounted?: boolean) => Promise<void>;
  /** The browser shows another title for the tab than the page's (PDF_TAB_RETITLED): ours is shown again. */
  retitle: () => void;
}

export function createPdfTabTitle({ doc, url, askTitle }: PdfTabTitleDeps): PdfTabTitle {
  const paper = pdfPaper(url);
  let wanted: string | null = null;
  let original: string | null = null;
  let retitles = 0;
  let run = 0;
  let on = false;
  let asks = 0;
  let asking = false;
  const observer = new MutationObserver(() => {
    if (wanted === null || doc.title === wanted || retitles >= MAX_RETITLES) return;
    retitles++;
    doc.title = wanted;
  });

  const start = async () => {
    on = true;
    if (!paper || wanted !== null || asks >= MAX_ASKS) return;
    asks++;
    const thisRun = ++run;
    asking = true;
    const title = await askTitle(paper.id)
      .catch(() => null)
      .finally(() => {
        if (thisRun === run) asking = false;
      });
    // Stopped (switched off) while asking, or no usable title: the tab keeps its own.
    if (thisRun !== run || typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE) return;
    original = doc.title;
    wanted = pdfTabTitle(title, paper.shownId);
    doc.title = wanted;
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };

  return {
    start,
    // (Not while it asks: the answer's own reading of the page tells this tab too.)
    askAgain: (uncounted = false) => {
      if (!on || wanted !== null || asking) return Promise.resolve();
      if (uncounted) asks = 0;
      return start();
    },
    stop: () => {
      on = false;
      asks = 0;
      asking = false;
      run++;
      observer.disconnect();
      if (wanted !== null && doc.title === wanted) doc.title = original ?? '';
      wanted = null;
      retitles = 0;
    },
    retitle: () => {
      if (wanted === null || retitles >= MAX_RETITLES) return;
      retitles++;
      // The page's title is still ours: the browser takes it again only from a change to it (the
      // step between stays ours too, so the background does not report it).
      const title = wanted;
      doc.title = `${title}\u200b`;
      doc.title = title;
    },
  };
}

/** The content script: names the tab while the setting is on, following it live. */
export function runPdfTabTitle(ctx: ContentScriptContext): void {
  const tab = createPdfTabTitle({ doc: document, url: new URL(location.href), askTitle: (id) => sendRequest({ type: 'paperTitle', id }) });
  const follow = (settings: Settings) => void (settings.pdfTabTitles ? tab.start() : tab.stop());
  const onMessage = (message: unknown) => {
    if (isMessageOfType(message, PDF_TAB_RETITLED)) tab.retitle();
    if (isMessageOfType(message, PAPER_PAGE_READ)) void tab.askAgain(true);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // Unnamed when arXiv was out of reach or asked to wait: asked again when the reader looks at the
  // tab, or when the paper's page was read meanwhile (QA: the tab kept its bare id for good).
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') void tab.askAgain(true);
  });
  watchStoreChanges(ctx, () => void tab.askAgain());
  void loadSettings().then((settings) => {
    if (ctx.isInvalid) return;
    follow(settings);
    const stopSettings = watchSettings(follow);
    ctx.onInvalidated(() => {
      stopSettings();
      tab.stop();
    });
  }, () => undefined);
}

/** A tab's address as a URL (null when it has none or it does not parse). */
function tabUrl(url: string | undefined): URL | null {
  try {
    return new URL(url ?? '');
  } catch {
    return null;
  }
}

/** The background's part: tells the arXiv PDF tabs of paper `id` that its arXiv page was just read, so that one still unnamed asks again. */
export async function tellPdfTabsPageRead(id: string): Promise<void> {
  const paperOf = (url: string | undefined) => {
    const address = tabUrl(url);
    return address && pdfPaper(address);
  };
  for (const tab of await browser.tabs.query({ url: 'https://arxiv.org/pdf/*' })) {
    if (tab.id !== undefined && paperOf(tab.url)?.id === id) browser.tabs.sendMessage(tab.id, { type: PAPER_PAGE_READ }).catch(() => undefined);
  }
}

/**
 * The background's part: tells an arXiv PDF tab when the browser shows a title for it that is not
 * ours (the PDF viewer's), so that its content script, if it named the tab, names it again.
 */
export function watchPdfTabTitles(): void {
  const isPdfTab = (url: string | undefined) => {
    const address = tabUrl(url);
    return address !== null && isArxivPdfPage(address);
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const title = change.title;
    if (title === undefined || withoutPdfTabSuffix(title) !== title || !isPdfTab(tab.url)) return;
    // No script of ours in the tab (Firefox's PDF viewer runs none): nothing to do.
    browser.tabs.sendMessage(tabId, { type: PDF_TAB_RETITLED }).catch(() => undefined);
  });
}
