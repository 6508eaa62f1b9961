import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

// A paper written in Arabic, on an arXiv page (left to right, as every arXiv page is): its title and
// TL;DR read right to left in the card, as the popup and the reading list already show them.

const ID = '2501.09998';
const TITLE = 'نموذج لغوي كبير للغة العربية: تقييم شامل';
const ABSTRACT =
  'نقدم نموذجا لغويا كبيرا مدربا على نصوص عربية متنوعة. يحقق النموذج دقة أعلى من النماذج السابقة في عشر مهام. نطلق الشيفرة والبيانات للباحثين.';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(
    `https://arxiv.org/abs/${ID}`,
    (await fixture('arxiv-abs-1706.03762.html'))
      .replaceAll('1706.03762', ID)
      .replaceAll('Attention Is All You Need', TITLE)
      .replace(/(<blockquote class="abstract mathjax"><span class="descriptor">Abstract:<\/span>)[^<]*/, `$1${ABSTRACT}`),
  );
});

afterAll(async () => {
  await browser?.close();
});

/** Whether the card lays out the text that holds `words` right to left (the element around that text does). */
function laidRightToLeft(page: Page, words: string): Promise<boolean> {
  return card(page).locator('article').evaluate((article, words) => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(words)) return node.parentElement?.matches(':dir(rtl)') ?? false;
    }
    throw new Error(`the card does not say "${words}"`);
  }, words);
}

describe('an Arabic paper on its arXiv page', () => {
  test('the card lays out its title and TL;DR right to left', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${ID}`);
    await expect.poll(() => card(page).locator('.pl-title').textContent()).toBe(TITLE);
    await card(page).getByTestId('tldr').waitFor();
    expect(await laidRightToLeft(page, 'نموذج لغوي كبير')).toBe(true);
    // The TL;DR is the abstract's own words (a sentence of it, or part of one).
    expect(await laidRightToLeft(page, 'مدربا على نصوص عربية')).toBe(true);
  });
});
