import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('options page, as a reader sees it', () => {
  test('in a 400 px window nothing scrolls sideways: the card and theme menus fit inside their card, and at 360 px their choices read whole', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('setting-theme').waitFor();
    const fit = await page.evaluate(() => {
      const card = document.querySelector('[aria-labelledby="look-heading"]')!.getBoundingClientRect();
      const inside = ['setting-theme', 'setting-cardCollapsed'].every((id) => {
        const box = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
        return box.left >= card.left && box.right <= card.right;
      });
      return { sideways: document.documentElement.scrollWidth - innerWidth, inside };
    });
    // Before: 113 px sideways, the theme menu past the card's edge.
    expect(fit).toEqual({ sideways: 0, inside: true });
    // In a 360 px window each menu's choices read whole beside the menu's arrow (the theme's
    // "Auto: follow the page and the system" was cut to "…the syster").
    await page.setViewportSize({ width: 360, height: 800 });
    const cut = await page.evaluate(() =>
      ['setting-theme', 'setting-cardCollapsed'].flatMap((id) => {
        const menu = document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`)!;
        const style = getComputedStyle(menu);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        // The room for text: the menu's inner width less its padding and the arrow's (about 20 px).
        const room = menu.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        return [...menu.options].filter((option) => context.measureText(option.text).width > room).map((option) => option.text);
      }),
    );
    expect(cut).toEqual([]);
    // Wide, a menu still sits beside its label.
    await page.setViewportSize({ width: 1200, height: 800 });
    const beside = await page.evaluate(() => {
      const label = document.querySelector('[data-testid="setting-theme"]')!.closest('label')!.querySelector('.setting-label')!.getBoundingClientRect();
      const menu = document.querySelector('[data-testid="setting-theme"]')!.getBoundingClientRect();
      return menu.left > label.right && menu.top < label.bottom;
    });
    expect(beside).toBe(true);
    await page.close();
  });

  test("switches are drawn in PaperLens's accent, light and dark, not the browser's blue", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const box = page.getByTestId('setting-feedEnabled');
    await box.waitFor();
    for (const [scheme, accent] of [['light', 'rgb(138, 63, 252)'], ['dark', 'rgb(179, 139, 255)']] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await box.evaluate((node) => getComputedStyle(node).accentColor)).toBe(accent);
    }
    await page.close();
  });
});
