import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import type { PaperLensDatabase } from '../db/database';
import { arxivIdFromUrl } from '../papers/ids';
import { ToolbarNoticesSchema, type ReadingStatus, type ToolbarLook } from '../schema';
import { STATUS_LABELS } from './status';
import { PAPER_TABS } from '../messaging/store-changes';

const BADGE_TEXT: Record<ReadingStatus, string> = { 'to-read': '•', reading: '…', read: '✓' };
const STATUS_COLOR = '#8a3ffc';

/** How long a notice (a save found no paper, a link was saved) stays on the icon. */
export const NOTICE_MS = 4_000;

export interface ToolbarStatus {
  /** Shows `notice` on the tab's icon for NOTICE_MS, then the tab's paper status again. */
  notify(tabId: number, notice: ToolbarLook): void;
  /**
   * A failure (the store's red "!"), or null once it is over. A tab's own look would hide the
   * icon's global one, so while it lasts every tab with a look of its own shows it instead.
   */
  alert(failure: ToolbarLook | null): void;
}

/**
 * Notices on show, kept in storage.session: a worker stopped within a notice's seconds takes its
 * timer along, and the next one ends the notice when it starts.
 */
const NOTICES_KEY = 'paperlens:toolbarNotices';
/**
 * Set while a failure is drawn on every open tab, in storage.session: the worker that sees the
 * store work again (maybe a later one) takes it off the tabs it knows nothing of.
 */
const FAILURE_ON_TABS_KEY = 'paperlens:toolbarFailureOnTabs';

function statusLook(status: ReadingStatus | null): ToolbarLook {
  return status
    ? { text: BADGE_TEXT[status], color: STATUS_COLOR, title: `PaperLens · ${STATUS_LABELS[status]}` }
    : { text: '', color: STATUS_COLOR, title: 'PaperLens' };
}

/**
 * Keeps the toolbar icon's badge, tab by tab, on the status of the paper each tab shows (saved
 * to read / reading / read): one live query over the papers open in tabs, redone when tabs
 * navigate or close, so every change to the reading list shows at once. A notice holds the icon
 * for a moment; status changes meanwhile show when it ends (a save's own redraw would hide it).
 */
export function trackToolbarStatus(ready: () => Promise<PaperLensDatabase>): ToolbarStatus {
  let subscription: Subscription | null = null;
  let followed = new Map<number, string>();
  let pending: ReturnType<typeof setTimeout> | null = null;
  const statusOfTab = new Map<number, ReadingStatus | null>();
  const notices = new Map<number, { look: ToolbarLook; endsAt: number; timer: ReturnType<typeof setTimeout> }>();
  let failure: ToolbarLook | null = null;
  // The store did not open when the tabs were last followed: their statuses are not watched.
  let unfollowed = false;
  // One chain of icon updates per tab, so an older update never lands after a newer one.
  const drawing = new Map<number, Promise<void>>();

  const draw = (tabId: number, look: ToolbarLook): void => {
    const next = (drawing.get(tabId) ?? Promise.resolve())
      .then(async () => {
        await browser.action.setBadgeText({ tabId, text: look.text });
        await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
        await browser.action.setTitle({ tabId, title: look.title });
      })
      .catch(() => undefined); // the tab has closed
    drawing.set(tabId, next);
    void next.then(() => {
      if (drawing.get(tabId) === next) drawing.delete(tabId);
    });
  };

  // A failure wins over a notice, a notice over the tab's paper status.
  const redraw = (tabId: number): void => {
    draw(tabId, failure ?? notices.get(tabId)?.look ?? statusLook(statusOfTab.get(tabId) ?? null));
  };

  const show = (tabId: number, status: ReadingStatus | null): void => {
    statusOfTab.set(tabId, status);
    redraw(tabId);
  };

  let saving = Promise.resolve();
  const saveNotices = (): void => {
    const kept = Object.fromEntries([...notices].map(([tabId, { look, endsAt }]) => [tabId, { look, endsAt }]));
    saving = saving.then(() => browser.storage.session.set({ [NOTICES_KEY]: kept })).catch(() => undefined);
  };
  const hold = (tabId: number, look: ToolbarLook, endsAt: number): void => {
    clearTimeout(notices.get(tabId)?.timer);
    const timer = setTimeout(() => {
      notices.delete(tabId);
      saveNotices();
      redraw(tabId);
    }, Math.max(0, endsAt - Date.now()));
    notices.set(tabId, { look, endsAt, timer });
  };
  const dropNotice = (tabId: number): void => {
    clearTimeout(notices.get(tabId)?.timer);
    if (notices.delete(tabId)) saveNotices();
  };

  const follow = async () => {
    const paperOfTab = new Map<number, string>();
    for (const tab of await browser.tabs.query({ url: PAPER_TABS })) {
      const id = tab.url ? arxivIdFromUrl(tab.url) : null;
      if (tab.id !== undefined && id) paperOfTab.set(tab.id, id);
    }
    // Tabs that left arXiv/Hugging Face report no URL without the tabs permission: clear theirs.
    for (const tabId of followed.keys()) if (!paperOfTab.has(tabId)) show(tabId, null);
    followed = paperOfTab;
    // Tabs an earlier worker drew (a status) would hide a failure that keeps the store from opening.
    if (failure) for (const tabId of paperOfTab.keys()) redraw(tabId);
    const ids = [...new Set(paperOfTab.values())];
    let db: PaperLensDatabase;
    try {
      db = await ready();
    } catch (error) {
      unfollowed = true;
      throw error;
    }
    subscription?.unsubscribe();
    subscription = liveQuery(() => db.saved.bulkGet(ids)).subscribe({
      next: (items) => {
        const statusOf = new Map(items.flatMap((item) => (item ? [[item.id, item.status] as const] : [])));
        for (const [tabId, id] of paperOfTab) show(tabId, statusOf.get(id) ?? null);
      },
      error: () => undefined,
    });
  };
  // Navigations come in bursts and the page's own card lookup is waiting in this same worker:
  // follow once things settle rather than on every event.
  const refollow = () => {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      void follow().catch(() => undefined);
    }, 300);
  };

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A notice is about the page it was given on ("no paper to save in this tab"): a page the tab
    // goes on to (any site reports its loading; Hugging Face's in-page navigation only its URL)
    // shows its own status at once.
    if ((change.status === 'loading' || change.url !== undefined) && notices.has(tabId)) {
      dropNotice(tabId);
      redraw(tabId);
    }
    if (change.url !== undefined || change.status === 'complete') refollow();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    dropNotice(tabId);
    statusOfTab.delete(tabId);
    refollow();
  });
  refollow();
  // Notices an earlier worker left on show end when they would have.
  void browser.storage.session
    .get(NOTICES_KEY)
    .then((stored) => {
      const parsed = ToolbarNoticesSchema.safeParse(stored[NOTICES_KEY]);
      if (!parsed.success) return;
      for (const [key, { look, endsAt }] of Object.entries(parsed.data)) {
        const tabId = Number(key);
        if (Number.isInteger(tabId) && !notices.has(tabId)) hold(tabId, look, endsAt);
      }
    })
    .catch(() => undefined);

  // A tab an earlier worker gave a look of its own (a blank once its paper was gone, a status) is
  // not followed by this one, yet the look hides the global "!": the failure is drawn on every tab.
  let sweeping = Promise.resolve();
  const sweepTabs = (): void => {
    sweeping = sweeping
      .then(async () => {
        if (failure) await browser.storage.session.set({ [FAILURE_ON_TABS_KEY]: true });
        else if ((await browser.storage.session.get(FAILURE_ON_TABS_KEY))[FAILURE_ON_TABS_KEY] !== true) return;
        for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) redraw(tab.id);
        if (!failure) await browser.storage.session.remove(FAILURE_ON_TABS_KEY);
      })
      .catch(() => undefined);
  };

  return {
    notify(tabId, notice) {
      hold(tabId, notice, Date.now() + NOTICE_MS);
      saveNotices();
      redraw(tabId);
    },
    alert(look) {
      // Every failed open reports the failure again: every tab is drawn only when it starts, changes or ends.
      const changed = look === null || look.text !== failure?.text || look.title !== failure?.title || look.color !== failure?.color;
      failure = look;
      for (const tabId of new Set([...statusOfTab.keys(), ...notices.keys(), ...followed.keys()])) redraw(tabId);
      if (changed) sweepTabs();
      // The store works again: the tabs' statuses, unknown while it failed, are watched from now.
      if (look === null && unfollowed) {
        unfollowed = false;
        refollow();
      }
    },
  };
}
