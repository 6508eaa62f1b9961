import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePaper, setStatus } from '../../../src/db/papers';
import { SEED_VERSION_KEY } from '../../../src/db/seed';
import { profile, type Browser } from './worker';
import { savedItem } from '../export/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The bundled seed cannot be read (disk full) until the returned function is called. */
async function seedFailing(browser: Browser): Promise<() => void> {
  const bundled = await browser.seed();
  let failing = true;
  browser.seed = async () => {
    if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return bundled;
  };
  return () => {
    failing = false;
  };
}

describe("the toolbar icon's red '!' of a failing store", () => {
  test("shows on a paper tab with a status of its own while the store fails, and the status comes back after", { timeout: 20_000 }, async () => {
    const browser = await profile();
    browser.tabs = [{ id: 7, url: 'https://arxiv.org/abs/2501.00001' }, { id: 8, url: 'https://arxiv.org/abs/2501.00002' }];
    browser.start();
    await browser.installed('install');
    await browser.seeded();
    await savePaper(browser.db, { id: '2501.00001', title: 'A paper of my own' }, 1000);
    await setStatus(browser.db, '2501.00001', 'reading', 2000);
    await vi.waitFor(() => expect(browser.icon.shownOn(7)).toBe('…'));

    // An update whose snapshot the store cannot take: the store reports the failure.
    const bundled = await browser.seed();
    let failing = true;
    browser.seed = async () => {
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return { ...bundled, version: `${bundled.version}-next` };
    };
    browser.version = '1.1.0';
    browser.start();
    await browser.installed('update');
    await vi.waitFor(() => expect(browser.icon.global).toBe('!'));
    await vi.waitFor(() => expect([browser.icon.shownOn(7), browser.icon.shownOn(8)]).toEqual(['!', '!']));

    // The retry succeeds: the tab's status is back, the other tab's icon is blank again.
    failing = false;
    const retry = (await fakeBrowser.alarms.getAll()).find((alarm) => alarm.name === 'reseed-retry');
    await fakeBrowser.alarms.onAlarm.trigger(retry!);
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(7), browser.icon.shownOn(8)]).toEqual(['', '…', '']));
  });

  test("a store that could not open at the worker's start: once it opens, a paper tab shows its status again (not a blank)", { timeout: 20_000 }, async () => {
    const browser = await profile();
    browser.tabs = [{ id: 7, url: 'https://arxiv.org/abs/2501.00001' }];
    // Saved before, in a store that then lost its seed; the bundled seed cannot be read at first.
    await browser.db.saved.put(savedItem({ id: '2501.00001', status: 'reading' }));
    const recover = await seedFailing(browser);
    browser.start();
    await browser.installed('update');
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(7)]).toEqual(['!', '!']));

    recover();
    const retry = (await fakeBrowser.alarms.getAll()).find((alarm) => alarm.name === 'reseed-retry');
    await fakeBrowser.alarms.onAlarm.trigger(retry!);
    await browser.seeded();
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(7)]).toEqual(['', '…']));
  });

  test("shows on a tab that showed a paper before the worker restarted (a blank of its own left), and goes when the store works", { timeout: 20_000 }, async () => {
    const browser = await profile();
    browser.tabs = [{ id: 9, url: 'https://arxiv.org/abs/2501.00002' }];
    browser.start();
    await browser.installed('install');
    await browser.seeded();
    // A paper not saved: the tab has a blank of its own.
    await vi.waitFor(() => expect(browser.icon.tabs.get(9)).toBe(''));
    // The tab goes to another site: the browser drops the tab's look, the worker draws the blank again.
    browser.tabs = [{ id: 9, url: 'https://example.org/' }];
    browser.icon.tabs.delete(9);
    await fakeBrowser.tabs.onUpdated.trigger(9, { url: 'https://example.org/' }, { id: 9 } as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2]);
    await vi.waitFor(() => expect(browser.icon.tabs.get(9)).toBe(''));

    // The worker stops; the next one finds its store without its seed and cannot read the bundled one.
    await browser.db.meta.delete(SEED_VERSION_KEY);
    const recover = await seedFailing(browser);
    browser.start();
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(9)]).toEqual(['!', '!']), { timeout: 5_000 });

    // That worker stops too; the next one opens the store: the "!" it drew on the tab goes.
    recover();
    browser.start();
    await browser.seeded();
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(9)]).toEqual(['', '']), { timeout: 5_000 });
  });
});
