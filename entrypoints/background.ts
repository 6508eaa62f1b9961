import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { PaperLensDatabase } from '../src/db/database';
import { createCachedLookup } from '../src/db/lookup-cache';
import { createStore } from '../src/db/open';
import { parseSeedAsset } from '../src/db/seed';
import { bundledSnapshotTaker, RESEED_ALARM } from '../src/db/reseed';
import { createFeedRefresher } from '../src/feed/refresher';
import { createArxivFiller } from '../src/feed/arxiv-fill';
import { ARXIV_PAGE_GAP_MS, arxivPageAsker, cachedArxivPages, fetchArxivPaper, heedingRetryAfter, spacedRequests } from '../src/feed/arxiv-paper';
import { keptArxivWait } from '../src/feed/arxiv-wait';
import { changesSaved, handleMessage } from '../src/messaging/handler';
import { senderContext } from '../src/messaging/sender';
import { loadSettings, watchSettings } from '../src/settings/settings';
import { SAVE_LINK_MENU, saveCommands } from '../src/messaging/save-commands';
import { untoldChanges } from '../src/messaging/untold-changes';
import { announceStoreChanged } from '../src/messaging/store-changes';
import { showStoreError, clearStoreError, storeErrorLook } from '../src/ui/action-badge';
import { trackToolbarStatus } from '../src/ui/toolbar-status';
import { tellPdfTabsPageRead, watchPdfTabTitles } from '../src/ui/pdf-tab-title';
import { watchPdfVisits } from '../src/messaging/pdf-visits';
import { markOnce, WORKER_MARKS } from '../src/worker-marks';
import { PAPER_LINK_PATTERNS } from '../src/papers/ids';
import { injectIntoOpenTabs, RUNNING_SCRIPTS_KEY, runningScripts } from '../src/sites/open-tabs';
import { offThreadWhenLarge } from '../src/search/snapshot-threads';
import { offscreenBuilder } from '../src/search/snapshot-offscreen';
import { installBenchHooks } from '../bench/worker-hooks';

const FEED_ALARM = 'daily-papers-feed';
const ARXIV_RETRY_ALARM = 'arxiv-complete-retry';
/** How long a started worker leaves the store to the message that woke it before its own background work. */
export const RESUME_AFTER_START_MS = 2_000;

export default defineBackground(() => {
  markOnce(WORKER_MARKS.evaluated);
  const db = new PaperLensDatabase();
  // Chrome's worker builds a large search index in an offscreen document's worker; Firefox's event page builds it itself.
  db.buildSnapshot = offThreadWhenLarge(import.meta.env.FIREFOX ? null : offscreenBuilder());
  if (import.meta.env.PAPERLENS_BENCH) installBenchHooks(db);
  const store = createStore({
    db,
    loadSeed: async () => parseSeedAsset(await (await fetch(browser.runtime.getURL('/seed.json'))).json()),
    // The global "!" and, on tabs whose icon has a look of its own (a paper's status), theirs.
    onError: (reason) => {
      showStoreError(reason);
      toolbar.alert(storeErrorLook(reason));
    },
    // Also called at the worker's first open, or the first that works after a store that could not open.
    onRecovered: () => {
      clearStoreError();
      toolbar.alert(null);
      startUp();
    },
  });
  // Opened before the rest is wired (about 10 ms of a cold start): the browser opens the database
  // while this script goes on, and the message that woke the worker waits for it anyway. A failure
  // is shown by onError, and tried again by the next message or the reseed alarm.
  void store.ready().catch(() => undefined);
  const lookup = createCachedLookup(db);
  const toolbar = trackToolbarStatus(store.ready);
  watchPdfTabTitles();
  const seenChanged = () => void announceStoreChanged(true).catch(() => undefined);
  const pdfVisits = watchPdfVisits({ ready: store.ready, now: Date.now, seenEnabled: async () => (await loadSettings()).seenEnabled, seenChanged });
  const feed = createFeedRefresher({
    ready: store.ready,
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    enabled: async () => (await loadSettings()).feedEnabled,
    schedule: (at) => void browser.alarms.create(FEED_ALARM, { when: Math.max(at, Date.now() + 30_000) }),
    onApplied: () => {
      store.related.invalidate();
      void announceStoreChanged().catch(() => undefined);
    },
  });

  // One request per paper for the popup, its Copy BibTeX and the completion of the paper once saved.
  // arXiv's Retry-After holds every one of them (a 429 answered for a tab's title holds the queue too).
  const fetchPaper = async (id: string) => {
    const page = await fetchArxivPaper(id, (input, init) => fetch(input, init));
    if (page.ok) void arxiv.arxivAnswered().catch(() => undefined);
    return page;
  };
  const arxivPages = cachedArxivPages(heedingRetryAfter(fetchPaper, Date.now, keptArxivWait(), (send) => spacedRequests(send, ARXIV_PAGE_GAP_MS)));
  const arxiv = createArxivFiller({
    ready: store.ready,
    fetchPaper: arxivPages,
    enabled: async () => (await loadSettings()).completeFromArxiv,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    version: browser.runtime.getManifest().version,
    onFilled: () => void announceStoreChanged().catch(() => undefined),
    scheduleRetry: (at) => void browser.alarms.create(ARXIV_RETRY_ALARM, { when: at }),
  });
  const arxivPage = arxivPageAsker({
    enabled: async () => (await loadSettings()).completeFromArxiv,
    pages: arxivPages,
    onRead: (id) => void tellPdfTabsPageRead(id).catch(() => undefined),
  });
  const completeFromArxiv = (ids: string[]) => void arxiv.fill(ids).catch((error: unknown) => console.error('PaperLens could not complete saved papers:', error));
  const { untilTold, tellUntoldChange } = untoldChanges();

  const { reseed, reseedIfPending } = bundledSnapshotTaker(store.refreshSeed, browser.runtime.getManifest().version);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void reseed();
    // After an update the open PDFs were seen already, by the version before.
    if (reason === 'install') void pdfVisits.takeOpenTabs().catch(() => undefined);
    // Not at a browser update, where the open pages' scripts still run. Firefox runs them in open tabs itself.
    if (!import.meta.env.FIREFOX && (reason === 'install' || reason === 'update')) {
      void injectIntoOpenTabs(browser.runtime.getManifest().content_scripts ?? [], {
        tabsMatching: (patterns) => browser.tabs.query({ url: patterns }),
        runningScripts: async (tabId) => {
          const [probe] = await browser.scripting.executeScript({ target: { tabId }, func: runningScripts, args: [RUNNING_SCRIPTS_KEY] });
          return probe?.result ?? [];
        },
        // The manifest's own paths, which WXT's type cannot know are its public ones.
        run: (tabId, files) => browser.scripting.executeScript({ target: { tabId }, files: files as ScriptPublicPath[] }),
      });
    }
    // The browser keeps the menu across updates (and browser updates fire this too): created
    // again as it is, it would be a duplicate id.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_LINK_MENU,
        title: 'Save paper to PaperLens',
        contexts: ['link'],
        // On any page: the menu reads no page, it only hands over the link's address.
        targetUrlPatterns: PAPER_LINK_PATTERNS,
      }),
    );
  });

  const saves = saveCommands({
    ready: store.ready,
    untilTold,
    completeFromArxiv,
    toolbar,
    activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
    now: Date.now,
  });
  browser.commands.onCommand.addListener((command, tab) => saves.onCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => saves.onLinkMenu(info, tab));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    let told = Promise.resolve();
    const answer = () =>
      handleMessage(message, {
        ...senderContext(sender, browser.runtime.getURL('/')),
        ready: store.ready,
        health: store.health,
        now: Date.now,
        lookup,
        relatedForPage: store.related.forPage,
        seenEnabled: async (site) => {
          const settings = await loadSettings();
          return settings.seenEnabled && settings.sites[site];
        },
        refreshFeed: () => feed.refresh(true),
        storeChanged: () => void (told = announceStoreChanged().catch(() => undefined)),
        seenChanged,
        savedPapers: completeFromArxiv,
        arxivPage,
      }).then((reply) => {
        markOnce(WORKER_MARKS.firstReply);
        sendResponse(reply);
        return told;
      });
    void (changesSaved(message) ? untilTold(answer) : answer());
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    // A store that cannot open is shown on the toolbar icon already (onError).
    if (alarm.name === FEED_ALARM) void feed.refresh(false).catch(() => undefined);
    if (alarm.name === ARXIV_RETRY_ALARM) void arxiv.resume().catch(() => undefined);
    if (alarm.name === RESEED_ALARM) void reseed();
  });
  watchSettings((settings) => {
    if (settings.feedEnabled) void feed.refresh(false).catch(() => undefined);
    else void browser.alarms.clear(FEED_ALARM);
    // Switched back on: the papers left waiting go on.
    if (settings.completeFromArxiv) void arxiv.resume().catch(() => undefined);
  });

  // Once the store is open (at the start, or once it works when it did not open then): refresh
  // trending if it is stale, and go on with what an earlier worker left.
  let startedUp = false;
  function startUp(): void {
    if (startedUp) return;
    startedUp = true;
    markOnce(WORKER_MARKS.storeReady);
    // Papers left waiting for their arXiv pages when the worker last stopped, an update's
    // snapshot the store could not take, then related lists an update's rule left stale (over
    // the store that snapshot leaves): after the message that woke the worker (a card's lookup)
    // has had the store to itself.
    setTimeout(() => {
      void arxiv.resume().catch(() => undefined);
      void reseedIfPending()
        .catch(() => undefined)
        .then(() => store.refreshRelatedLists())
        .catch((error: unknown) => console.error('PaperLens could not update related papers:', error));
    }, RESUME_AFTER_START_MS);
    void feed.startup().catch(() => undefined);
    void tellUntoldChange().catch(() => undefined);
  }
});
