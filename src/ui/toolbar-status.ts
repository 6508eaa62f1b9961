import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import type { PaperLensDatabase } from '../db/database';
import { arxivIdFromUrl } from '../papers/ids';
import type { ReadingStatus } from '../schema';
import { STATUS_LABELS } from './status';
import { PAPER_TABS } from '../messaging/store-changes';

const BADGE_TEXT: Record<ReadingStatus, string> = { 'to-read': '•', reading: '…', read: '✓' };

/**
 * Keeps the toolbar icon's badge, tab by tab, on the status of the paper each tab shows (saved
 * to read / reading / read): one live query over the papers open in tabs, redone when tabs
 * navigate or close, so every change to the reading list shows at once.
 */
export function trackToolbarStatus(ready: () => Promise<PaperLensDatabase>): void {
  let subscription: Subscription | null = null;
  let followed = new Map<number, string>();
  let pending: ReturnType<typeof setTimeout> | null = null;

  const show = async (tabId: number, status: ReadingStatus | null) => {
    await browser.action.setBadgeText({ tabId, text: status ? BADGE_TEXT[status] : '' });
    if (status) await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a3ffc' });
    await browser.action.setTitle({ tabId, title: status ? `PaperLens · ${STATUS_LABELS[status]}` : 'PaperLens' });
  };

  const follow = async () => {
    const paperOfTab = new Map<number, string>();
    for (const tab of await browser.tabs.query({ url: PAPER_TABS })) {
      const id = tab.url ? arxivIdFromUrl(tab.url) : null;
      if (tab.id !== undefined && id) paperOfTab.set(tab.id, id);
    }
    // Tabs that left arXiv/Hugging Face report no URL without the tabs permission: clear theirs.
    for (const tabId of followed.keys()) if (!paperOfTab.has(tabId)) void show(tabId, null).catch(() => undefined);
    followed = paperOfTab;
    const ids = [...new Set(paperOfTab.values())];
    const db = await ready();
    subscription?.unsubscribe();
    subscription = liveQuery(() => db.saved.bulkGet(ids)).subscribe({
      next: (items) => {
        const statusOf = new Map(items.flatMap((item) => (item ? [[item.id, item.status] as const] : [])));
        for (const [tabId, id] of paperOfTab) void show(tabId, statusOf.get(id) ?? null).catch(() => undefined);
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
  browser.tabs.onRemoved.addListener(refollow);
  refollow();
}
