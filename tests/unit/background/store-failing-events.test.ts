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

describe('a store that could not open when the worker started', () => {
  test('once it opens (the retry of the seed), the worker does what it does at a start: trending is refreshed from the feed', { timeout: 20_000 }, async () => {
    const browser = await profile();
    const bundled = await browser.seed();
    let failing = true;
    browser.seed = async () => {
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return bundled;
    };
    browser.start();
    await browser.installed('install');
    await vi.waitFor(() => expect(browser.icon.global).toBe('!'));
    const asked: string[] = [];
    const answer = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return answer(input);
    });

    failing = false;
    const retry = (await fakeBrowser.alarms.getAll()).find((alarm) => alarm.name === 'reseed-retry');
    await fakeBrowser.alarms.onAlarm.trigger(retry!);
    await browser.seeded();
    await vi.waitFor(() => expect(asked).toContain('https://huggingface.co/api/daily_papers'), { timeout: 3_000 });
    // Offline here: the next try is scheduled.
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toContain('daily-papers-feed'));
  });
});
