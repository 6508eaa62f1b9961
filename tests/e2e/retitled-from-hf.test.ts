import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, listSavedFrom, sendFromPage, type ExtensionBrowser } from './harness';

// arXiv retitled 2310.01779 (HallE-Switch → HallE-Control); Hugging Face's page keeps the first
// title and shows three of its eight authors. The reading list (and so its BibTeX) says arXiv's.
const ID = '2310.01779';
const ABS = `https://arxiv.org/abs/${ID}`;
const HF = `https://huggingface.co/papers/${ID}`;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(ABS, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(HF, await fixture('hf-paper-2310.01779.html'));
  ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
});

let ext: Page;

async function savedItem() {
  return (await listSavedFrom(ext)).find((item) => item.id === ID);
}

describe('a paper arXiv retitled, saved from its Hugging Face page', () => {
  test.each([
    // In this order: once read, arXiv's title stays the store's.
    ['before its arXiv page was read, which then completes it', false],
    ['after its arXiv page was read', true],
  ])("%s: the reading list has arXiv's title and all its authors once that page was opened", async (_, arxivFirst) => {
    const abs = await browser.context.newPage();
    if (arxivFirst) {
      await abs.goto(ABS);
      await card(abs).getByTestId('save').waitFor();
    }
    const hf = await browser.context.newPage();
    await hf.goto(HF);
    await expect.poll(() => card(hf).getByTestId('save').textContent()).toBe('Save');
    await card(hf).getByTestId('save').click();
    await expect.poll(() => card(hf).getByTestId('save').textContent()).toBe('Saved');
    const saved = (await savedItem())!;
    expect(saved.authors).toHaveLength(3);
    // Hugging Face's first title, unless arXiv's page already gave the store its current one.
    expect(saved.title).toMatch(arxivFirst ? /^HallE-Control/ : /^HallE-Switch/);
    await abs.goto(ABS);
    await card(abs).getByTestId('save').waitFor();
    await expect.poll(async () => (await savedItem())?.authors.length).toBe(7);
    expect((await savedItem())!.title).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    // Removed, and forgotten (a save would bring it back as it was), for the next case.
    await card(abs).getByTestId('save').click();
    await expect.poll(async () => (await savedItem())?.id).toBeUndefined();
    await sendFromPage(ext, { type: 'clearReadingData' });
    for (const page of [abs, hf]) await page.close();
  });

  test("saved from arXiv's page, then cited from its Hugging Face page (card and popup): arXiv's title and all 7 authors, as from its arXiv page", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const abs = await browser.context.newPage();
    await abs.goto(ABS);
    await card(abs).getByTestId('save').click();
    await expect.poll(async () => (await savedItem())?.authors.length).toBe(7);
    await card(abs).getByTestId('copy-bibtex').click();
    await expect.poll(() => abs.evaluate(() => navigator.clipboard.readText())).toContain('HallE-Control');
    const fromArxiv = await abs.evaluate(() => navigator.clipboard.readText());
    await abs.evaluate(() => navigator.clipboard.writeText(''));
    await abs.close();
    const hf = await browser.context.newPage();
    await hf.goto(HF);
    await expect.poll(() => card(hf).getByTestId('save').textContent()).toBe('Saved');
    await card(hf).getByTestId('copy-bibtex').click();
    await expect.poll(() => hf.evaluate(() => navigator.clipboard.readText())).not.toBe('');
    expect(await hf.evaluate(() => navigator.clipboard.readText())).toBe(fromArxiv);
    await hf.evaluate(() => navigator.clipboard.writeText(''));
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe(ID);
    await popup.bringToFront(); // the clipboard is written only from the focused page
    await thisTab.getByTestId('copy-bibtex').click();
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).not.toBe('');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(fromArxiv);
    await sendFromPage(ext, { type: 'clearReadingData' });
    await Promise.all([hf.close(), popup.close()]);
  });
});
