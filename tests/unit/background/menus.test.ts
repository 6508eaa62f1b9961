import { afterEach, describe, expect, test, vi } from 'vitest';
import { profile } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the context-menu item on paper links', () => {
  test('is there once after install and after every update, without a duplicate-id error', async () => {
    const browser = await profile();
    browser.start();
    await browser.installed('install');
    // An update starts a new worker; the browser kept the menu item.
    browser.start();
    await browser.installed('update');
    browser.start();
    await browser.installed('update');
    await browser.seeded();
    await vi.waitFor(() => expect([...browser.menus]).toEqual(['save-paper-link']));
    expect(browser.menuErrors).toEqual([]);
  });
});
