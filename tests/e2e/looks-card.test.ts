import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
});

afterAll(async () => {
  await browser?.close();
});

/** The collapsed card's line: how many rows its parts take, and the title's width. */
function collapsedLine(page: Page) {
  return card(page).locator('article').evaluate((article) => {
    const parts = [...article.querySelectorAll('.pl-head > *')].map((part) => part.getBoundingClientRect()).filter((box) => box.width > 0);
    // Parts sit on one row when each starts above the lowest bottom so far (baselines differ by a few px).
    let rows = 0;
    let bottom = -Infinity;
    for (const box of parts.sort((a, b) => a.top - b.top)) {
      if (box.top >= bottom) rows += 1;
      bottom = Math.max(bottom, box.bottom);
    }
    return { rows, title: Math.round(article.querySelector('.pl-line-title')!.getBoundingClientRect().width) };
  });
}

describe('the collapsed card', () => {
  // Beside arXiv's abstract in an 800 px window (a 495 px line) Save went alone onto a second line,
  // the card two lines tall, to keep 10em of a title the page shows in full just above it.
  test.each([
    ['arXiv', 'https://arxiv.org/abs/2310.01779', 800],
    ['Hugging Face', 'https://huggingface.co/papers/2310.01779', 700],
  ])('is one line on %s (%s) at %i px: Save stays beside the rank, the title gives way', async (_site, url, width) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await card(page).getByTestId('save').waitFor();
    await card(page).getByTestId('card-toggle').click();
    await expect.poll(() => card(page).locator('article').getAttribute('data-collapsed')).toBe('true');
    const line = await collapsedLine(page);
    expect(line.rows).toBe(1);
    // Still a readable start of the title (about ten characters).
    expect(line.title).toBeGreaterThanOrEqual(80);
    await page.close();
  });
});

describe('focus rings in the card', () => {
  // The related papers' links drew the browser's own 1 px ring where the card's other links and
  // controls draw the accent's 2 px one.
  test("a related paper's link, reached from the keyboard, draws the ring Save draws", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    const related = card(page).locator('.pl-related a').first();
    await related.waitFor();
    const ring = () =>
      card(page).evaluate((host) => {
        const focused = host.shadowRoot!.activeElement!;
        const style = getComputedStyle(focused);
        return { focusVisible: focused.matches(':focus-visible'), ring: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}` };
      });
    // Tab and Shift+Tab: each control is reached from the keyboard, so its ring (:focus-visible) shows.
    await card(page).getByTestId('save').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const save = await ring();
    await related.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await related.evaluate((link) => link === (link.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await ring()).toEqual(save);
    expect(save.focusVisible).toBe(true);
    await page.close();
  });
});
