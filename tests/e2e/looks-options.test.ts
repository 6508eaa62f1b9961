import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('the options page', () => {
  // "Open the reading list" was the browser's link blue (dark: its lilac) beside the page's purple
  // brand, checkboxes and rings; the popup's "Reading list" is in the accent.
  test.each(['light', 'dark'] as const)('its link to the reading list is in the accent, as the brand is (%s)', async (scheme) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const link = page.getByTestId('open-reading-list');
    await link.waitFor();
    const brand = await page.locator('.brand').evaluate((element) => getComputedStyle(element).color);
    expect(await link.evaluate((element) => getComputedStyle(element).color)).toBe(brand);
    await page.close();
  });
});
