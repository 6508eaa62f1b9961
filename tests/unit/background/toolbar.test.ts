import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePaper, setStatus } from '../../../src/db/papers';
import { profile } from './worker';
import { savedItem } from '../export/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

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
    const bundled = await browser.seed();
    let failing = true;
    browser.seed = async () => {
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return bundled;
    };
    browser.start();
    await browser.installed('update');
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(7)]).toEqual(['!', '!']));

    failing = false;
    const retry = (await fakeBrowser.alarms.getAll()).find((alarm) => alarm.name === 'reseed-retry');
    await fakeBrowser.alarms.onAlarm.trigger(retry!);
    await browser.seeded();
    await vi.waitFor(() => expect([browser.icon.global, browser.icon.shownOn(7)]).toEqual(['', '…']));
  });
});
