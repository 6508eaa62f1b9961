import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SeedAsset } from '../../src/schema';
import { EXTENSION_DIR, card, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let seed: SeedAsset;

// In the bundled snapshot (under its Hugging Face title, "HallE-Switch: …"), and not in it.
const KNOWN = 'https://arxiv.org/html/2310.01779v3';
const UNKNOWN = 'https://arxiv.org/html/2410.24164v1';
const NOT_RECOGNIZED = 'https://arxiv.org/html/2412.99999v1';
// Its title opens with a formula, $\pi_{0}$ as MathML.
const PI0_TITLE = 'π₀: A Vision-Language-Action Flow Model for General Robot Control';

beforeAll(async () => {
  seed = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8'));
  browser = await launchExtension();
  browser.serve(KNOWN, await fixture('arxiv-html-2310.01779v3.html'));
  browser.serve(UNKNOWN, await fixture('arxiv-html-2410.24164v1.html'));
  browser.serve(NOT_RECOGNIZED, await fixture('arxiv-html-not-recognized.html'));
  // The figure of the first section.
  browser.serve(`${KNOWN}/x1.png`, { body: '', contentType: 'image/png' });
});

afterAll(async () => {
  await browser?.close();
});

describe("summary card on arXiv's HTML view of a paper", () => {
  test('a seed paper gets its card right after the abstract, with its rank, the title the page shows and the TL;DR of the abstract it shows, inside the page\'s column', async () => {
    const page = await browser.context.newPage();
    await page.goto(KNOWN);
    const seeded = seed.papers.find((paper) => paper.id === '2310.01779')!;
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).getByTestId('rank').textContent()).toContain('#1 daily');
    // Under the title the page shows (arXiv retitled the paper since the snapshot), the TL;DR of
    // the abstract the page shows: not the snapshot's, of an abstract that names the old title.
    expect(await card(page).locator('.pl-title').textContent()).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    expect(seeded.summary.tldr).toMatch(/^We introduce HallE-Switch/);
    expect(await card(page).getByTestId('tldr').textContent()).toContain('We introduce HallE-Control');
    // The code the abstract links to, which the snapshot's text lacks.
    expect(await card(page).getByTestId('code-link').getAttribute('href')).toBe('https://github.com/bronyayang/HallE_Control');
    // The HTML view links the paper's abstract page (only that page leaves the link out).
    expect(await card(page).getByRole('link', { name: 'arXiv', exact: true }).getAttribute('href')).toBe('https://arxiv.org/abs/2310.01779');
    const layout = await page.evaluate(() => {
      const host = document.querySelector('[data-paperlens="card"]')!;
      const column = document.querySelector('article.ltx_document')!.getBoundingClientRect();
      const box = host.getBoundingClientRect();
      return {
        after: host.previousElementSibling?.className,
        inColumn: box.left >= column.left - 1 && box.right <= column.right + 1,
        widensPage: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    });
    expect(layout).toEqual({ after: 'ltx_abstract', inColumn: true, widensPage: false });
    await page.close();
  });

  test('a paper not in the store gets a card summarized from the abstract on the page, marked not trending', async () => {
    const page = await browser.context.newPage();
    await page.goto(UNKNOWN);
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).getByTestId('rank').textContent()).toContain('Not trending');
    expect(await card(page).getByTestId('tldr').textContent()).toMatch(/robot|flow matching/i);
    // The title's formula read from its TeX, not as MathML glyphs and annotation run together.
    expect(await card(page).locator('.pl-title').textContent()).toBe(PI0_TITLE);
    await page.close();
  });

  test('a page without a LaTeXML abstract gets no card and no error', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await page.goto(NOT_RECOGNIZED);
    // PaperLens ran here (it asked the store about the paper in the URL), then left the page alone.
    await page.waitForFunction(() => performance.getEntriesByName('paperlens:card-answer').length > 0);
    await page.waitForTimeout(300);
    expect(await card(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the papers read there are listed in the popup\'s Recent tab, with the title and authors the page shows', async () => {
    for (const url of [KNOWN, UNKNOWN]) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await expect.poll(() => card(page).getByTestId('save').count()).toBe(1);
      await page.close();
    }
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    const rows = popup.getByTestId('recent-item');
    await expect.poll(() => rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-arxiv-id')))).toEqual(['2410.24164', '2310.01779']);
    expect(await rows.locator('a.title').allTextContents()).toEqual([PI0_TITLE, 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models']);
    await expect.poll(() => rows.locator('.meta').allTextContents()).toEqual([
      'Opened just now · Kevin Black, Noah Brown, Danny Driess et al.',
      'Opened just now · Bohan Zhai, Shijia Yang, Chenfeng Xu et al.',
    ]);
    await popup.close();
  });

  test('the arXiv abstract pages switch applies here too: off removes the card, on brings it back', async () => {
    const page = await browser.context.newPage();
    await page.goto(KNOWN);
    await expect.poll(() => card(page).count()).toBe(1);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-arxivAbs').uncheck();
    await expect.poll(() => card(page).count()).toBe(0);
    await options.getByTestId('setting-arxivAbs').check();
    await expect.poll(() => card(page).count()).toBe(1);
    await options.close();
    await page.close();
  });
});
