import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';

/** chrome://extensions' own API (the page's `chrome.developerPrivate`). */
type DeveloperPrivate = {
  chrome: {
    developerPrivate: {
      updateProfileConfiguration: (update: { inDeveloperMode: boolean }) => Promise<void>;
      updateExtensionConfiguration: (update: { extensionId: string; incognitoAccess: boolean }) => Promise<void>;
      getExtensionsInfo: () => Promise<{ id: string; state: string }[]>;
    };
  };
};

/**
 * "Allow in Incognito" switched on, as a user does on chrome://extensions. Chromium reloads the
 * extension for it (developer mode on first, or it disables the unpacked extension it reloads).
 */
export async function allowInIncognito(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async (extensionId) => {
    const { developerPrivate } = (globalThis as unknown as DeveloperPrivate).chrome;
    await developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
    await developerPrivate.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
  }, browser.extensionId);
  await page.waitForFunction(
    async (extensionId) => (await (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.getExtensionsInfo()).some((info) => info.id === extensionId && info.state === 'ENABLED'),
    browser.extensionId,
  );
  await page.close();
}

type Windows = { chrome: { windows: { create: (options: { url: string; incognito?: boolean; focused?: boolean }) => Promise<{ id?: number }> } } };

/** Opens `url` in a new window (incognito or not) from an extension page; the page Playwright sees in it. */
export async function openInNewWindow(browser: ExtensionBrowser, from: Page, url: string, incognito: boolean): Promise<Page> {
  const before = new Set(browser.context.pages());
  await from.evaluate(({ url, incognito }) => (globalThis as unknown as Windows).chrome.windows.create({ url, incognito }), { url, incognito });
  for (;;) {
    const page = browser.context.pages().find((candidate) => !before.has(candidate) && candidate.url() === url);
    if (page) return page;
    await from.waitForTimeout(50);
  }
}
