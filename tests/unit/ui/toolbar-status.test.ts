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
