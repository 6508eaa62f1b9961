import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import type { PaperLensDatabase } from '../db/database';
import { arxivIdFromUrl } from '../papers/ids';
import type { ReadingStatus } from '../schema';
import { STATUS_LABELS } from './status';
import { PAPER_TABS } from '../messaging/store-changes';

const BADGE_TEXT: Record<ReadingStatus, string> = { 'to-read': '•', reading: '…', read: '✓' };
const STATUS_COLOR = '#8a3ffc';

/** What a tab's toolbar icon shows: its badge text, the badge colour and the tooltip. */
export interface ToolbarLook {
  text: string;
  color: string;
  title: string;
}

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
  const notices = new Map<number, { look: ToolbarLook; timer: ReturnType<typeof setTimeout> }>();
  let failure: ToolbarLook | null = null;
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

  const hold = (tabId: number, look: ToolbarLook): void => {
    clearTimeout(notices.get(tabId)?.timer);
    const timer = setTimeout(() => {
      notices.delete(tabId);
      redraw(tabId);
    }, NOTICE_MS);
    notices.set(tabId, { look, timer });
  };
  const dropNotice = (tabId: number): void => {
    clearTimeout(notices.get(tabId)?.timer);
    notices.delete(tabId);
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
    const db = await ready();
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

  browser.tabs.onUpdated.addListener((_tabId, change) => {
    if (change.url !== undefined || change.status === 'complete') refollow();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    dropNotice(tabId);
    statusOfTab.delete(tabId);
    refollow();
  });
  refollow();

  return {
    notify(tabId, notice) {
      hold(tabId, notice);
      redraw(tabId);
    },
    alert(look) {
      failure = look;
      for (const tabId of new Set([...statusOfTab.keys(), ...notices.keys(), ...followed.keys()])) redraw(tabId);
    },
  };
}
