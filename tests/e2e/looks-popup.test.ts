import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, listedItem, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  browser = await launchExtension();
  popup = await browser.popup();
  // The toolbar popup's own width (its body is 420 px wide).
  await popup.setViewportSize({ width: 420, height: 580 });
  await popup.getByTestId('trending-item').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
});

/** A reading list of `count` papers, and the popup reopened on its Saved tab. */
async function savedTabWith(count: number): Promise<void> {
  await sendFromPage(popup, { type: 'clearReadingData' });
  const items = Array.from({ length: count }, (_, index) => listedItem(`2401.${String(index + 1).padStart(5, '0')}`, `Paper ${index + 1}`));
  expect((await sendFromPage(popup, { type: 'importApply', items, rejected: [] })).ok).toBe(true);
  await popup.reload();
  await popup.getByTestId('tab-saved').click();
  await expect.poll(() => popup.getByTestId('tab-saved').textContent()).toBe(`Saved (${count})`);
}

/** The section strip's controls: their text, how many lines it takes, its top; and the strip's right edge. */
function strip(page: Page) {
  return page.evaluate(() => {
    const nav = document.querySelector('.sections')!;
    const controls = [...nav.querySelectorAll('button')].map((button) => {
      const text = document.createRange();
      text.selectNodeContents(button);
      const lines = new Set([...text.getClientRects()].map((rect) => Math.round(rect.top))).size;
      const box = button.getBoundingClientRect();
      return { text: button.textContent!, lines, top: Math.round(box.top), right: box.right };
    });
    return { controls, right: nav.getBoundingClientRect().right };
  });
}

describe('the popup section strip (Trending, Saved, Recent, Reading list, Options)', () => {
  // "Saved (30)" in bold (the chosen tab) left the strip 1 px short: "Saved (30)" and "Reading
  // list" broke onto two lines each, the strip grew to two lines and its underline sat mid-word.
  // A four-digit count does so even in regular weight.
  test.each([30, 1000])('stays one line of whole labels with %i saved papers and the Saved tab chosen', async (count) => {
    await savedTabWith(count);
    const { controls, right } = await strip(popup);
    expect(controls.map(({ text, lines, top }) => ({ text, lines, top }))).toEqual(controls.map(({ text }) => ({ text, lines: 1, top: controls[0]!.top })));
    expect(Math.max(...controls.map((control) => control.right))).toBeLessThanOrEqual(right + 0.5);
  });
  // The chosen tab's label was bold: choosing Saved moved its label 8.6 px left and Recent's 4.5 px,
  // so the tabs jumped under the pointer at every click.
  test('no label moves when another tab is chosen', async () => {
    await savedTabWith(30);
    const lefts = () => popup.evaluate(() => [...document.querySelectorAll('.sections button')].map((button) => Math.round(button.getBoundingClientRect().left * 10) / 10));
    const seen: number[][] = [];
    for (const name of ['trending', 'saved', 'recent']) {
      await popup.getByTestId(`tab-${name}`).click();
      await expect.poll(() => popup.getByTestId(`tab-${name}`).getAttribute('aria-selected')).toBe('true');
      seen.push(await lefts());
    }
    expect(seen).toEqual([seen[0], seen[0], seen[0]]);
  });
});

describe('the popup with forced colours (Windows High Contrast)', () => {
  // Every control of the strip got the same text-coloured underline: the chosen tab was not told.
  test('only the chosen tab is underlined, in a colour of its own', async () => {
    const page = await browser.popup();
    await page.emulateMedia({ forcedColors: 'active' });
    for (const name of ['trending', 'saved', 'recent']) {
      await page.getByTestId(`tab-${name}`).click();
      await expect.poll(() => page.getByTestId(`tab-${name}`).getAttribute('aria-selected')).toBe('true');
      const underlines = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.sections button')].map((button) => {
          const style = getComputedStyle(button);
          // An underline shows when its colour is not the page's background.
          const background = getComputedStyle(document.body).backgroundColor;
          return { text: button.textContent, chosen: button.getAttribute('aria-selected') === 'true', underlined: style.borderBottomColor !== background && style.borderBottomColor !== 'rgba(0, 0, 0, 0)' };
        }),
      );
      expect(underlines.filter((control) => control.underlined).map((control) => control.text)).toEqual(underlines.filter((control) => control.chosen).map((control) => control.text));
    }
    await page.close();
  });
});

describe('focus rings in the popup', () => {
  // The search box, focused whenever the popup opens, drew the browser's own ring (black on
  // white, white on dark) where every other control of the popup draws the accent's.
  test.each(['light', 'dark'] as const)('the search box draws the same ring as the tabs (%s)', async (scheme) => {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.reload();
    const ring = () =>
      popup.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      });
    await popup.getByTestId('search').focus();
    const search = await ring();
    // A tab reached with the arrow keys, as a keyboard user does: its ring shows (once the popup's
    // first screen is shown: until then it is out of reach).
    await popup.getByTestId('tab-trending').waitFor();
    await popup.getByTestId('tab-trending').focus();
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowLeft');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-trending');
    expect(search).toBe(await ring());
  });
});

describe('row controls in the popup', () => {
  // The Saved tab drew [status][Saved] where Trending, Recent and search results draw
  // [Saved][status]: the same two controls swapped places between tabs, under the pointer and in
  // the Tab order.
  test('Save comes before the reading status in the Saved tab, as in Trending', async () => {
    await sendFromPage(popup, { type: 'clearReadingData' });
    await popup.reload();
    const first = popup.getByTestId('trending-item').first();
    await first.getByTestId('save').click();
    await first.getByTestId('status').waitFor();
    const order = (row: ReturnType<Page['getByTestId']>) =>
      row.locator('.row-actions > *').evaluateAll((controls) => controls.map((control) => control.querySelector('[data-testid]')?.getAttribute('data-testid') ?? control.getAttribute('data-testid')));
    const trending = await order(first);
    await popup.getByTestId('tab-saved').click();
    const saved = popup.getByTestId('saved-item').first();
    await saved.getByTestId('status').waitFor();
    expect(trending).toEqual(['save', 'status']);
    expect(await order(saved)).toEqual(trending);
  });
});
