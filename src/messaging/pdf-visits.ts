import { browser } from 'wxt/browser';
import { WaitingPdfTabsSchema } from '../schema';
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
 * The visit an arXiv PDF tab makes (none in a private window): its paper, titled only when PaperLens named the tab (from the
 * store or the paper's arXiv page). The browser's own names for a PDF are its address, its file
 * name or its metadata, which may be anything ("Microsoft Word - paper.docx"), and the popup's
 * Recent list would show that over the store's title.
 */
function pdfVisit(tab: TabLike): Visit | null {
  // What is read in a private window leaves no trace in the reader's history.
  if (tab.incognito) return null;
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

// PDF tabs that loaded out of sight, by tab id: kept in storage.session, as the worker may stop
// before the reader looks at them.
const WAITING_PDF_TABS_KEY = 'waitingPdfTabs';

async function readWaitingPdfTabs(): Promise<number[]> {
  const parsed = WaitingPdfTabsSchema.safeParse((await browser.storage.session.get(WAITING_PDF_TABS_KEY))[WAITING_PDF_TABS_KEY]);
  return parsed.success ? parsed.data : [];
}

// Read once per worker (it is the list's only writer), not at every tab switch.
let waitingPdfTabs: Promise<number[]> | null = null;
// One change at a time: a tab loaded and chosen at once must not lose either.
let waitingChanges: Promise<unknown> = Promise.resolve();

/** Adds or removes a tab that waits for the reader; whether it was waiting. */
function setWaiting(tabId: number, waiting: boolean): Promise<boolean> {
  const change = async (): Promise<boolean> => {
    // (A failed read is tried again by the next change, not kept.)
    const tabs = await (waitingPdfTabs ??= readWaitingPdfTabs().catch((error: unknown) => {
      waitingPdfTabs = null;
      throw error;
    }));
    const was = tabs.includes(tabId);
    if (was !== waiting) {
      const next = waiting ? [...tabs, tabId] : tabs.filter((id) => id !== tabId);
      await browser.storage.session.set({ [WAITING_PDF_TABS_KEY]: next });
      waitingPdfTabs = Promise.resolve(next);
    }
    return was;
  };
  const result = waitingChanges.then(change);
  waitingChanges = result.catch(() => false);
  return result;
}

/**
 * Background: a PDF opened straight from a link is a visit too, as its abstract page is (for the
 * popup's Recent list and listings' seen marks). No script of ours reads a PDF (Firefox's viewer
 * runs none), so the visit is taken from the tab once it has loaded; for a tab loaded out of sight
 * (opened in the background, restored with the browser's session), once the reader first chooses it,
 * as a page's card does (every restored tab would otherwise go first in Recent).
 */
export function watchPdfVisits({ ready, now, seenEnabled, seenChanged }: PdfVisitDeps): { takeOpenTabs: () => Promise<void> } {
  const record = (visit: Visit): void =>
    void seenEnabled()
      .then(async (enabled) => {
        if (!enabled) return;
        const db = await ready();
        if ((await markSeen(db, [visit], now())) > 0) seenChanged();
      })
      .catch(() => undefined);
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A PDF is visited once it has loaded. PaperLens naming its tab later (from the paper's arXiv
    // page, for a paper the store does not hold) only titles that visit: a tab named again (the
    // option turned on over open PDFs) is no new visit to put first in Recent.
    const loaded = change.status === 'complete';
    const visit = loaded || change.title !== undefined ? pdfVisit(tab) : null;
    if (!visit || (!loaded && visit.title === undefined)) return;
    if (!loaded) {
      void seenEnabled()
        .then(async (enabled) => (enabled ? nameSeen(await ready(), visit) : undefined))
        .catch(() => undefined);
    } else if (tab.active) record(visit);
    else void setWaiting(tabId, true).catch(() => undefined);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void setWaiting(tabId, false)
      .then(async (waited) => {
        const visit = waited ? pdfVisit(await browser.tabs.get(tabId)) : null;
        if (visit) record(visit);
      })
      .catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void setWaiting(tabId, false).catch(() => undefined));
  return {
    /**
     * At an install, the arXiv PDFs already open (loaded before these listeners were): the one in
     * view is a visit, the others are once chosen, as a tab loaded out of sight.
     */
    takeOpenTabs: async () => {
      for (const tab of await browser.tabs.query({ url: 'https://arxiv.org/pdf/*' })) {
        const visit = pdfVisit(tab);
        if (tab.id === undefined || !visit) continue;
        if (tab.active) record(visit);
        else await setWaiting(tab.id, true);
      }
    },
  };
}
