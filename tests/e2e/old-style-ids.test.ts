import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import type { Browser } from 'wxt/browser';
import { launchExtension, type ExtensionBrowser } from './harness';

type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('old-style ids typed or pasted', () => {
  for (const typed of ['https://arxiv.org/pdf/hep-th/9901001v2', 'arXiv:hep-th/9901001', 'math.AG/0601001', 'https://arxiv.org/abs/math.GT/0309136v1']) {
    test(`the popup offers "${typed}" by its canonical id, and saving it lists that id once`, async () => {
      const expected = typed.includes('9901001') ? 'hep-th/9901001' : typed.includes('0601001') ? 'math/0601001' : 'math/0309136';
      const popup = await browser.popup();
      await popup.getByTestId('search').fill(typed);
      const row = popup.locator(`[data-testid="search-item"][data-arxiv-id="${expected}"]`);
      await row.waitFor({ timeout: 10_000 });
      expect(await row.locator('.title').getAttribute('href')).toBe(`https://arxiv.org/abs/${expected}`);
      if ((await row.getByTestId('save').textContent()) === 'Save') await row.getByTestId('save').click();
      await expect.poll(() => row.getByTestId('save').textContent()).toBe('Saved');
      const saved = (await popup.evaluate(() => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage({ type: 'listSaved' }))) as { result: SavedItem[] };
      expect(saved.result.filter((item) => item.id === expected)).toHaveLength(1);
      await popup.close();

      const list = await browser.context.newPage();
      await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
      await list.getByTestId('search').fill(typed);
      await expect.poll(() => list.getByTestId('reading-item').evaluateAll((rows) => rows.map((node) => node.getAttribute('data-arxiv-id')))).toEqual([expected]);
      await list.close();
    });
  }
});
