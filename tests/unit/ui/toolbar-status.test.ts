import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { NO_PAPER_IN_TAB } from '../../../src/ui/action-badge';
import { NOTICE_MS, trackToolbarStatus } from '../../../src/ui/toolbar-status';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a notice on the toolbar icon', () => {
  test('ends on time even when the worker stops before it does (its timer gone with it)', async () => {
    fakeBrowser.reset();
    const shown = new Map<number, string>();
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async ({ tabId, text }) => void shown.set(tabId ?? -1, text ?? ''));
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => []) as unknown as typeof fakeBrowser.tabs.query);
    const db = new PaperLensDatabase('toolbar-status-notice');
    // Timers only: the store's own scheduling stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

    // The save shortcut on a tab with no paper: "?" for a moment.
    trackToolbarStatus(async () => db).notify(5, NO_PAPER_IN_TAB);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown.get(5)).toBe('?');

    // The worker stops a second later; the browser keeps the icon as it is. The next one starts.
    const stoppedAt = Date.now();
    vi.clearAllTimers();
    vi.setSystemTime(stoppedAt); // clearing the timers set the fake clock back
    fakeBrowser.tabs.onUpdated.removeAllListeners();
    fakeBrowser.tabs.onRemoved.removeAllListeners();
    trackToolbarStatus(async () => db);
    await vi.advanceTimersByTimeAsync(NOTICE_MS - 2_000);
    expect(shown.get(5)).toBe('?');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown.get(5)).toBe('');
  });
});

describe("a failing store's '!' on the toolbar icon", () => {
  test('is drawn on every tab when the failure starts or changes, not again at each failed open reporting the same', async () => {
    fakeBrowser.reset();
    const draws: { tabId?: number; text?: string }[] = [];
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async ({ tabId, text }) => void draws.push({ tabId, text }));
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    // One tab on another site (no URL without the tabs permission): only the sweep of every tab reaches it.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (query: { url?: string[] }) => (query.url ? [] : [{ id: 9 }])) as unknown as typeof fakeBrowser.tabs.query);
    const toolbar = trackToolbarStatus(async () => {
      throw new Error('disk full');
    });
    const drawsOnTab = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return draws.filter((draw) => draw.tabId === 9).map((draw) => draw.text);
    };
    const failing = { text: '!', color: '#c62828', title: 'PaperLens could not open its store: disk full' };
    toolbar.alert(failing);
    expect(await drawsOnTab()).toEqual(['!']);
    // Every card, listing or PDF visit asking the store meanwhile reports the same failure.
    for (let k = 0; k < 5; k++) toolbar.alert({ ...failing });
    expect(await drawsOnTab()).toEqual(['!']);
    // Another reason is drawn; the store working again takes the '!' off.
    toolbar.alert({ ...failing, title: 'PaperLens could not seed its store: disk full' });
    expect(await drawsOnTab()).toEqual(['!', '!']);
    toolbar.alert(null);
    expect(await drawsOnTab()).toEqual(['!', '!', '']);
  });
});
