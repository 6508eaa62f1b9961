import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_TITLE } from '../papers/bounds';
import { sendRequest } from '../messaging/client';
import { loadSettings, watchSettings } from '../settings/settings';
import type { Settings } from '../schema';
import { pdfPaper, pdfTabTitle } from '../sites/arxiv-pdf';

// The PDF viewer may set its own title after ours (from the file's metadata, once it is read):
// ours is put back, a few times, so a page that keeps retitling itself is not fought forever.
const MAX_RETITLES = 5;

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
  };
}

/** The content script: names the tab while the setting is on, following it live. */
export function runPdfTabTitle(ctx: ContentScriptContext): void {
  const tab = createPdfTabTitle({ doc: document, url: new URL(location.href), askTitle: (id) => sendRequest({ type: 'paperTitle', id }) });
  const follow = (settings: Settings) => void (settings.pdfTabTitles ? tab.start() : tab.stop());
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
