import type { LookupQuery, PaperPageSiteKey, PaperView, Settings } from '../schema';
import { browser } from 'wxt/browser';
import { sendRequest } from '../messaging/client';
import { isStoreChange } from '../messaging/store-changes';
import { errorMessage } from '../messaging/error-message';
import { loadSettings } from '../settings/settings';
import { SEEN_AUTHORS } from '../papers/bounds';
import type { PagePaper, PaperPageSite } from '../sites/types';

export interface LookupResult {
  view: PaperView | null;
  problem: string | null;
}

/** The page's title and first authors, which its visit keeps (for the popup's Recent list). */
const visitFields = (page: PagePaper) => ({ title: page.title, authors: page.authors.slice(0, SEEN_AUTHORS) });

/** Asks the store about one paper: by id, and by the page's text when given. */
export async function lookupOne(site: PaperPageSiteKey, id: string | null, page?: PagePaper): Promise<LookupResult> {
  if (!id && !page) return { view: null, problem: null };
  const query = { ...(id ? { id } : {}), ...(page ? { ...visitFields(page), abstract: page.abstract, ...(page.codeLinks.length > 0 && { codeLinks: page.codeLinks }) } : {}) };
  try {
    // The paper's own page: the background records it as seen unless the user turned that (or this site) off.
    const [view] = await sendRequest({ type: 'lookup', queries: [query], seenOn: seenOnceVisible(site, query) });
    return { view: view ?? null, problem: null };
  } catch (error) {
    return { view: null, problem: errorMessage(error) };
  }
}

// The visit of a page the reader has not seen yet: the latest query, which knows the most about it.
let visitWhenVisible: { site: PaperPageSiteKey; query: LookupQuery } | null = null;

function recordVisitWhenVisible(): void {
  if (document.visibilityState !== 'visible' || !visitWhenVisible) return;
  const { site, query } = visitWhenVisible;
  visitWhenVisible = null;
  document.removeEventListener('visibilitychange', recordVisitWhenVisible);
  void sendRequest({ type: 'lookup', queries: [query], seenOn: site }).catch(() => undefined);
}

/**
 * The lookup's `seenOn` when the reader sees the page. A page loaded out of sight (a tab opened in
 * the background, restored with the browser's session, or prerendered) is no visit yet: every
 * restored tab would go first in Recent, in the order the browser reloaded them. Its visit is
 * recorded when the reader first looks at it.
 */
function seenOnceVisible(site: PaperPageSiteKey, query: LookupQuery): PaperPageSiteKey | undefined {
  if (document.visibilityState === 'visible') return site;
  if (!visitWhenVisible) document.addEventListener('visibilitychange', recordVisitWhenVisible);
  visitWhenVisible = { site, query };
  return undefined;
}

/** What was asked before the page was parsed: the paper in the URL, and the settings. */
export interface CardPrefetch {
  id: string | null;
  result: Promise<LookupResult> | null;
  settings: Promise<Settings>;
  /** Whether the store changed since (a save made as the page loads): the answer may be stale. */
  changed: boolean;
  stopWatching: () => void;
}

/** Marked on the page's timeline when the card's first content script starts (read by the benchmark). */
const CARD_START_MARK = 'paperlens:card-start';
/** Marked when the store's answer asked at document start arrives (read by the benchmark). */
const CARD_ANSWER_MARK = 'paperlens:card-answer';

// The content scripts of one extension share a global object in a page: the card's script, which
// runs once the document is parsed (so it does not hold up the page's first paint), takes what
// the small document-start script asked.
const SLOT = 'paperlensCardPrefetch';
type Slot = { [SLOT]?: CardPrefetch };

/** At document start: asks the store about the paper in the URL and reads the settings (and gives them). */
export function startCardPrefetch(site: PaperPageSite): Promise<Settings> {
  performance.mark(CARD_START_MARK);
  const url = new URL(location.href);
  const id = site.isPage(url) ? site.idFromUrl(url) : null;
  const result = id
    ? lookupOne(site.key, id).then((answer) => {
        performance.mark(CARD_ANSWER_MARK);
        return answer;
      })
    : null;
  const settings = loadSettings();
  const prefetch: CardPrefetch = { id, result, settings, changed: false, stopWatching: () => browser.runtime.onMessage.removeListener(listener) };
  const listener = (message: unknown) => {
    if (isStoreChange(message)) prefetch.changed = true;
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  (globalThis as Slot)[SLOT] = prefetch;
  return settings;
}

/** What startCardPrefetch asked on this page, handed over once (null without it). */
export function takeCardPrefetch(): CardPrefetch | null {
  const slot = globalThis as Slot;
  const prefetch = slot[SLOT] ?? null;
  delete slot[SLOT];
  prefetch?.stopWatching();
  return prefetch;
}
