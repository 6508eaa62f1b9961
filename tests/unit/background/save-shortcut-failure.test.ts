import { afterEach, expect, test, vi } from 'vitest';
import type { Browser as WxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { profile } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

test("a save from the shortcut that the store cannot write (disk full) is told on the tab's toolbar icon, with why, not only in the worker's console", async () => {
  const browser = await profile();
  browser.start();
  await browser.installed('install');
  await browser.seeded();
  const titles = new Map<number, string>();
  vi.spyOn(fakeBrowser.action, 'setTitle').mockImplementation(async ({ tabId, title }) => void titles.set(tabId ?? -1, title ?? ''));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  // The reading list's table cannot be written; the rest of the store goes on.
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'saved') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  const tab = { id: 7, index: 0, pinned: false, highlighted: true, windowId: 1, active: true, incognito: false, url: 'https://arxiv.org/abs/2310.01779' } as WxtBrowser.tabs.Tab;
  browser.command('save-paper', tab);
  await vi.waitFor(() => expect(browser.icon.shownOn(7)).toBe('!'), { timeout: 3_000 });
  expect(titles.get(7)).toBe('PaperLens: not saved (The quota has been exceeded.)');
});
