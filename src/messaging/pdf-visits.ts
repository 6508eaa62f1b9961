import { browser } from 'wxt/browser';
import type { PaperLensDatabase } from '../db/database';
import { markSeen, nameSeen, type Visit } from '../db/papers';
import { pdfPaper, withoutPdfTabSuffix } from '../sites/arxiv-pdf';
import type { TabLike } from './tab-paper';

export interface PdfVisitDeps {
  ready: () => Promise<PaperLensDatabase>;
  now: () => number;
  /** Whether the options' "Seen" marks are on. */
  seenEnabled: () => Promise<boolean>;
  /** A paper seen for the first time: open listings mark it without a reload. */
  seenChanged: () => void;
}

/**
 * The visit an arXiv PDF tab makes: its paper, titled only when PaperLens named the tab (from the
 * store or the paper's arXiv page). The browser's own names for a PDF are its address, its file
 * name or its metadata, which may be anything ("Microsoft Word - paper.docx"), and the popup's
 * Recent list would show that over the store's title.
 */
export function pdfVisit(tab: TabLike): Visit | null {
  let url: URL;
  try {
    url = new URL(tab.url ?? '');
  } catch {
    return null;
  }
  const paper = pdfPaper(url);
  if (!paper) return null;
  const tabTitle = tab.title ?? '';
  const title = withoutPdfTabSuffix(tabTitle).trim();
  return title !== '' && title !== tabTitle.trim() ? { id: paper.id, title } : { id: paper.id };
}

/**
 * Background: a PDF opened straight from a link is a visit too, as its abstract page is (for the
 * popup's Recent list and listings' seen marks). No script of ours reads a PDF (Firefox's viewer
 * runs none), so the visit is taken from the tab once it has loaded.
 */
export function watchPdfVisits({ ready, now, seenEnabled, seenChanged }: PdfVisitDeps): void {
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    // A PDF is visited once it has loaded. PaperLens naming its tab later (from the paper's arXiv
    // page, for a paper the store does not hold) only titles that visit: a tab named again (the
    // option turned on over open PDFs) is no new visit to put first in Recent.
    const loaded = change.status === 'complete';
    const visit = loaded || change.title !== undefined ? pdfVisit(tab) : null;
    if (!visit || (!loaded && visit.title === undefined)) return;
    void seenEnabled()
      .then(async (enabled) => {
        if (!enabled) return;
        const db = await ready();
        if (!loaded) await nameSeen(db, visit);
        else if ((await markSeen(db, [visit], now())) > 0) seenChanged();
      })
      .catch(() => undefined);
  });
}
