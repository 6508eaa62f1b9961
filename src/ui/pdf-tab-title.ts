import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_TITLE } from '../papers/bounds';
import { sendRequest } from '../messaging/client';
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
  /** The browser shows another title for the tab than the page's (PDF_TAB_RETITLED): ours is shown again. */
  retitle: () => void;
}

export function createPdfTabTitle({ doc, url, askTitle }: PdfTabTitleDeps): PdfTabTitle {
  const paper = pdfPaper(url);
  let wanted: string | null = null;
  let original: string | null = null;
  let retitles = 0;
  let run = 0;
  const observer = new MutationObserver(() => {
    if (wanted === null || doc.title === wanted || retitles >= MAX_RETITLES) return;
    retitles++;
    doc.title = wanted;
  });

  return {
    start: async () => {
      if (!paper || wanted !== null) return;
      const thisRun = ++run;
      const title = await askTitle(paper.id).catch(() => null);
      // Stopped (switched off) while asking, or no usable title: the tab keeps its own.
      if (thisRun !== run || typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE) return;
      original = doc.title;
      wanted = pdfTabTitle(title, paper.shownId);
      doc.title = wanted;
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    },
    stop: () => {
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
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
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

/**
 * The background's part: tells an arXiv PDF tab when the browser shows a title for it that is not
 * ours (the PDF viewer's), so that its content script, if it named the tab, names it again.
 */
export function watchPdfTabTitles(): void {
  const isPdfTab = (url: string | undefined) => {
    try {
      return url !== undefined && isArxivPdfPage(new URL(url));
    } catch {
      return false;
    }
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const title = change.title;
    if (title === undefined || withoutPdfTabSuffix(title) !== title || !isPdfTab(tab.url)) return;
    // No script of ours in the tab (Firefox's PDF viewer runs none): nothing to do.
    browser.tabs.sendMessage(tabId, { type: PDF_TAB_RETITLED }).catch(() => undefined);
  });
}
