import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://arxiv.org' });
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
});

afterAll(async () => {
  await browser?.close();
});

/** Selects from the start of the first element to the end of the second, copies as a reader does (Ctrl+C), and reads the clipboard. */
async function copyBetween(page: Page, from: string, to: string): Promise<string> {
  await page.bringToFront(); // the clipboard is written only from the focused page
  await page.evaluate(
    ([start, end]) => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector(start!)!);
      range.setEndAfter(document.querySelector(end!)!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [from, to],
  );
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('copying text from a page with PaperLens on it', () => {
  test('a listing entry copied from its title to its authors has no badge text in it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    await expect.poll(() => page.locator('[data-paperlens="badge"]').count()).toBe(10);
    const copied = await copyBetween(page, 'dl#articles dd .list-title', 'dl#articles dd .list-authors');
    expect(copied).toContain('Tiny Language Models Learn Syntax Before Semantics');
    expect(copied).toContain('Ana Ruiz');
    expect(copied).not.toMatch(/\bPL\b|TL;DR|Save|Code/);
    await page.close();
  });

  test('an abstract copied past its end brings the card\'s summary at most, none of its controls', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    // The TL;DR of the abstract the page shows (arXiv retitled the paper after the snapshot).
    await expect.poll(() => card(page).getByTestId('tldr').textContent()).toContain('HallE-Control');
    const copied = await copyBetween(page, 'blockquote.abstract', '[data-paperlens="card"]');
    expect(copied).toContain('Current Large Vision Language Models');
    expect(copied).toContain('TL;DR We introduce HallE-Control');
    expect(copied).not.toMatch(/PaperLens|Hide|Copy BibTeX|Save|trending/i);
    await page.close();
  });
});
