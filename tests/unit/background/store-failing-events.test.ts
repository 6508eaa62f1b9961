import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { profile } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a store that cannot open: the feed alarm and the options', () => {
  test("leave no uncaught error in the worker's console (the toolbar's '!' says it already)", { timeout: 20_000 }, async () => {
    const browser = await profile();
    browser.seed = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const uncaught: unknown[] = [];
    const onRejection = (reason: unknown) => void uncaught.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      browser.start();
      await vi.waitFor(() => expect(browser.icon.global).toBe('!'));
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'daily-papers-feed', scheduledTime: Date.now(), persistAcrossSessions: false });
      // Any change in the options (the theme, say) looks at the feed too.
      await fakeBrowser.storage.local.set({ settings: { sites: { arxivAbs: true, hfPaper: true, arxivListing: true, hfList: true }, cardCollapsed: false, theme: 'dark', feedEnabled: true, completeFromArxiv: true, pdfTabTitles: true, seenEnabled: true } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(uncaught.map(String)).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
