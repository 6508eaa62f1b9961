import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

/**
 * The card an earlier instance of the card's script left in the page. Firefox stops a page's
 * content scripts without cleanup when the extension reloads or updates, and runs the new ones in
 * the same page: the old card stays, its Save dead. Here it is in the page's markup.
 */
const STRAY = '<paperlens-card data-paperlens="card" data-stray="old"><template shadowrootmode="open"><article><button data-testid="save">Save</button></article></template></paperlens-card>';

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', (await fixture('arxiv-abs-2310.01779v3.html')).replace(/(<blockquote class="abstract[^]*?<\/blockquote>)/, `$1${STRAY}`));
  browser.serve('https://huggingface.co/papers/2310.01779', (await fixture('hf-paper-2310.01779.html')).replace(/(<h2 class="text-xl font-semibold">Abstract<\/h2>[^]*?<\/div>)/, `$1${STRAY}`));
});

afterAll(async () => {
  await browser?.close();
});

describe('a card an earlier instance of PaperLens left in the page (Firefox, after a reload or an update)', () => {
  for (const url of ['https://arxiv.org/abs/2310.01779', 'https://huggingface.co/papers/2310.01779']) {
    test(`${url}: the page shows one card, the working one`, async () => {
      const page = await browser.context.newPage();
      await page.goto(url);
      await expect.poll(() => card(page).locator('[data-testid="tldr"]').count()).toBe(1);
      expect(await page.locator('[data-stray]').count()).toBe(0);
      expect(await card(page).count()).toBe(1);
      // Its Save works (the paper is saved from the first page, and unsaved from the second).
      const before = await card(page).getByTestId('save').textContent();
      await card(page).getByTestId('save').click();
      await expect.poll(() => card(page).getByTestId('save').textContent()).toBe(before === 'Save' ? 'Saved' : 'Save');
      await page.close();
    });
  }
});
