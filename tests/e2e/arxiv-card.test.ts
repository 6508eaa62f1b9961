import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { SeedAsset } from '../../src/schema';
import { EXTENSION_DIR, PDF, SCREENSHOTS_DIR, card, cardText, fixture, launchExtension, readStore, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let seed: SeedAsset;

beforeAll(async () => {
  seed = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8'));
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779v3', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  browser.serve('https://arxiv.org/abs/2402.18041', await fixture('arxiv-abs-2402.18041.html'));
  browser.serve('https://arxiv.org/abs/2501.09999', await fixture('arxiv-abs-2501.09999-hostile.html'));
  browser.serve('https://arxiv.org/abs/2412.99999', await fixture('arxiv-abs-not-recognized.html'));
  // Words without a place to break (a long name, a dataset signature), in the TL;DR and the key results.
  browser.serve(
    'https://arxiv.org/abs/2501.08888',
    (await fixture('arxiv-abs-1706.03762.html'))
      .replaceAll('1706.03762', '2501.08888')
      .replaceAll('the Transformer', 'the TransformerWithAVeryLongNameThatHasNoPlaceToBreakAtAll')
      .replaceAll('English-to-German', 'WMT14_newstest2014_EnglishToGerman_detokenized_sacrebleu'),
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('summary card on arXiv abstract pages', () => {
  test("a retitled seed paper on its latest abstract page: the TL;DR of the abstract the page shows from the card's first frame, which the store keeps from then on", async () => {
    const seeded = seed.papers.find((paper) => paper.id === '2310.01779')!;
    expect(seeded.summary.tldr).toMatch(/^We introduce HallE-Switch/);
    const latest = await browser.context.newPage();
    // Every TL;DR the card shows, frame by frame: the snapshot's, of an abstract the page does not have, is never one.
    await latest.addInitScript(() => {
      const shown: string[] = [];
      (globalThis as unknown as { tldrsShown: string[] }).tldrsShown = shown;
      const look = () => {
        const tldr = document.querySelector('[data-paperlens="card"]')?.shadowRoot?.querySelector('[data-testid="tldr"]')?.textContent;
        if (tldr && shown.at(-1) !== tldr) shown.push(tldr);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await latest.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(latest).getByTestId('tldr').textContent()).toContain('We introduce HallE-Control, a controllable LVLM');
    const tldrsShown = await latest.evaluate(() => (globalThis as unknown as { tldrsShown: string[] }).tldrsShown);
    expect(tldrsShown).toHaveLength(1);
    expect(await card(latest).getByTestId('key-results').textContent()).toContain('44%');
    // Another version's page now has the store's summary, the page's abstract's too.
    const v3 = await browser.context.newPage();
    await v3.goto('https://arxiv.org/abs/2310.01779v3');
    await expect.poll(() => card(v3).getByTestId('tldr').count()).toBe(1);
    expect(await card(v3).getByTestId('tldr').textContent()).toContain('We introduce HallE-Control, a controllable LVLM');
    // No "arXiv" link to the page it is on; a version's page links the latest one.
    const arxivLink = (page: Page) => card(page).getByRole('link', { name: 'arXiv', exact: true });
    expect(await card(latest).getByRole('link', { name: 'PDF', exact: true }).count()).toBe(1);
    expect(await arxivLink(latest).count()).toBe(0);
    expect(await arxivLink(v3).getAttribute('href')).toBe('https://arxiv.org/abs/2310.01779');
    await Promise.all([latest.close(), v3.close()]);
  });

  test('a retitled seed paper is matched by id on a page of a given version: rank 1, and the TL;DR of the abstract the page shows under the title it shows, right after the abstract', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779v3');
    const seeded = seed.papers.find((paper) => paper.id === '2310.01779')!;
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).getByTestId('rank').textContent()).toContain('#1 daily · Jul 30, 2025');
    // The snapshot's TL;DR names the title the paper had; the page shows another.
    expect(seeded.summary.tldr).toMatch(/^We introduce HallE-Switch/);
    expect(await card(page).locator('.pl-title').textContent()).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    expect(await card(page).getByTestId('tldr').textContent()).toContain('We introduce HallE-Control, a controllable LVLM');
    // (The store holds the page's summary since the latest abstract page was read: the test before.)
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const stored = await sendFromPage(extensionPage, { type: 'lookup', queries: [{ id: '2310.01779' }] });
    expect(stored.ok && stored.result[0]?.tldr).toMatch(/^We introduce HallE-Control/);
    await extensionPage.close();
    expect(await card(page).getByTestId('key-results').textContent()).toContain('44%');
    // The code the page's comments link to ("this https URL"), which the snapshot's text lacks.
    expect(seeded.summary.codeLinks).toEqual([]);
    expect(await card(page).getByTestId('code-link').getAttribute('href')).toBe('https://github.com/bronyayang/HallE_Control');
    // The snapshot holds no other paper on its subject: no unrelated "related" papers; the line
    // says so, as it does for a paper the store lacks (QA: a missing line read as not computed).
    expect(seeded.related).toEqual([]);
    expect(await card(page).getByTestId('related').textContent()).toBe('Related: none like this in your store yet');
    expect(await cardText(page)).toContain('PaperLens');
    // Inserted right after the abstract, inside the page's own layout.
    const placement = await page.evaluate(() => document.querySelector('blockquote.abstract')?.nextElementSibling?.getAttribute('data-paperlens'));
    expect(placement).toBe('card');
    // The README's picture of a card.
    await page.setViewportSize({ width: 1000, height: 800 });
    await card(page).screenshot({ path: join(SCREENSHOTS_DIR, 'card.png') });
    await page.close();
  });

  test('a seed paper’s card links the papers of the store on its subject', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2402.18041');
    const seeded = seed.papers.find((paper) => paper.id === '2402.18041')!;
    const related = card(page).getByTestId('related').locator('a');
    await expect.poll(() => related.count()).toBe(seeded.related.length);
    expect(await related.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(seeded.related.map((id) => `https://arxiv.org/abs/${id}`));
    // The surveys of the snapshot, by their titles.
    expect(await related.allTextContents()).toContain('A Survey of Large Language Models');
    await page.close();
  });

  test('a paper not in the store: its related papers, which join the card after it shows, come below Save and cannot move it as the reader goes to click it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    const related = card(page).getByTestId('related');
    await expect.poll(() => related.locator('a').count()).toBeGreaterThan(0);
    const save = (await card(page).getByTestId('save').boundingBox())!;
    const line = (await related.boundingBox())!;
    expect(line.y).toBeGreaterThanOrEqual(save.y + save.height);
    await page.close();
  });

  test('a paper not in the store gets a card summarized from its own abstract, marked not trending', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).getByTestId('rank').textContent()).toContain('Not trending');
    const tldr = await card(page).getByTestId('tldr').textContent();
    expect(tldr).toMatch(/Transformer/);
    expect(await card(page).getByTestId('key-results').textContent()).toMatch(/28\.4 BLEU/);
    // Related papers come from the local store, computed for this page on demand: they join the
    // card after it shows.
    await expect.poll(() => card(page).getByTestId('related').locator('a').count()).toBeGreaterThan(0);
    expect(await card(page).getByTestId('related-note').count()).toBe(0); // "looking for …" is gone
    expect(await card(page).getByTestId('tldr').textContent()).toBe(tldr);
    await page.close();
  });

  test("a card links the paper's project page: one on GitHub Pages its abstract gives (a seed paper), one its comments call so (a paper not in the store)", async () => {
    const stepLaw = seed.papers.find((paper) => paper.id === '2503.04715')!;
    const attention = await fixture('arxiv-abs-1706.03762.html');
    const [before, after] = stepLaw.abstract.split('https://step-law.github.io/');
    browser.serve(
      'https://arxiv.org/abs/2503.04715',
      attention
        .replaceAll('1706.03762', '2503.04715')
        .replaceAll('Attention Is All You Need', stepLaw.title.replaceAll('&', '&amp;'))
        .replace(/(<blockquote class="abstract mathjax"><span class="descriptor">Abstract:<\/span>)[^<]*/, `$1${before}<a href="https://step-law.github.io/">this https URL</a>${after}`),
    );
    browser.serve(
      'https://arxiv.org/abs/2501.07777',
      attention
        .replaceAll('1706.03762', '2501.07777')
        .replace('<div class="metatable">', '<div class="metatable"><table><tr><td class="tablecell comments">15 pages. Data at <a href="https://zenodo.org/records/1">this https URL</a>. Project page: <a href="https://attention.example.org/">this https URL</a></td></tr></table>'),
    );
    for (const [id, href] of [['2503.04715', 'https://step-law.github.io/'], ['2501.07777', 'https://attention.example.org/']]) {
      const page = await browser.context.newPage();
      await page.goto(`https://arxiv.org/abs/${id}`);
      await expect.poll(() => card(page).getByTestId('tldr').count()).toBe(1);
      const project = card(page).getByTestId('project-link');
      await expect.poll(() => project.getAttribute('href')).toBe(href);
      expect(await project.textContent()).toBe('Project page');
      await page.close();
    }
  });

  test('long words in the TL;DR and the key results wrap inside the card: a narrow window is not widened', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('https://arxiv.org/abs/2501.08888');
    await expect.poll(() => card(page).getByTestId('key-results').count()).toBe(1);
    expect(await cardText(page)).toContain('TransformerWithAVeryLongName');
    expect(await card(page).getByTestId('key-results').textContent()).toContain('EnglishToGerman_detokenized');
    const fit = await card(page).locator('article').evaluate((article) => {
      const box = article.getBoundingClientRect();
      const host = (article.getRootNode() as ShadowRoot).host as HTMLElement;
      const pageWidth = document.documentElement.scrollWidth;
      host.style.display = 'none';
      const pageWidthWithout = document.documentElement.scrollWidth;
      host.style.display = '';
      const overflowing = [...article.querySelectorAll('p, li, a, h2, span')]
        .filter((part) => part.getBoundingClientRect().right > box.right + 1)
        .map((part) => part.textContent!.slice(0, 40));
      return { overflowing, widensPage: pageWidth > pageWidthWithout };
    });
    expect(fit).toEqual({ overflowing: [], widensPage: false });
    await page.close();
  });

  test("Copy BibTeX puts the page's paper on the clipboard as arXiv cites it", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://arxiv.org' });
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    await page.bringToFront(); // the clipboard is written only from the focused page
    await card(page).getByTestId('copy-bibtex').click();
    await expect.poll(() => card(page).getByTestId('copied').textContent()).toBe('BibTeX copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{vaswani2017attention,\n {2}title = \{\{Attention Is All You Need\}\},\n {2}author = \{Ashish Vaswani and Noam Shazeer and /);
    expect(copied).toMatch(/year = \{2017\},\n {2}month = jun,/);
    expect(copied).toContain('eprint = {1706.03762}');
    expect(copied).toContain('primaryClass = {cs.CL}');
    // A paper arXiv retitled since the bundled snapshot is cited (and shown) by its current title.
    await page.goto('https://arxiv.org/abs/2310.01779v3');
    await expect.poll(() => card(page).locator('.pl-title').textContent()).toMatch(/^HallE-Control: /);
    await card(page).getByTestId('copy-bibtex').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{zhai2023halle,\n {2}title = \{\{HallE-Control: /);
    await page.close();
  });

  test('Copy link puts the paper\'s title linked to its arXiv page on the clipboard: Markdown as text, a link for rich-text editors', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://arxiv.org' });
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779v3');
    await page.bringToFront(); // the clipboard is written only from the focused page
    // The title the card shows: arXiv's current one, not the snapshot's.
    await expect.poll(() => card(page).locator('.pl-title').textContent()).toMatch(/^HallE-Control: /);
    await card(page).getByTestId('copy-link').click();
    await expect.poll(() => card(page).getByTestId('copied').textContent()).toBe('Link copied');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, text: await (await item!.getType('text/plain')).text(), html: await (await item!.getType('text/html')).text() };
    });
    const title = (await card(page).locator('.pl-title').textContent())!;
    expect(copied).toEqual({
      types: expect.arrayContaining(['text/plain', 'text/html']),
      text: `[${title}](https://arxiv.org/abs/2310.01779)`,
      html: expect.stringContaining(`<a href="https://arxiv.org/abs/2310.01779">${title}</a>`),
    });
    await page.close();
  });

  test("Download PDF saves the paper's PDF under a name that says which paper it is, not arXiv's 1706.03762.pdf", async () => {
    // arXiv names its PDFs in a Content-Disposition header; the link's own name is the one kept.
    browser.serve('https://arxiv.org/pdf/1706.03762', { body: PDF, contentType: 'application/pdf', headers: { 'content-disposition': 'inline; filename="1706.03762v7.pdf"' } });
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    const [download] = await Promise.all([page.waitForEvent('download'), card(page).getByTestId('pdf-download').click()]);
    // The name Chromium gives the file. (Chromium cancels a download whose response a test route
    // fulfils, microsoft/playwright#28253: the file itself is not compared.)
    expect(download.suggestedFilename()).toBe('Vaswani et al. - 2017 - Attention Is All You Need.pdf');
    expect(download.url()).toBe('https://arxiv.org/pdf/1706.03762');
    // The page stays where it was: the file is saved, not opened in place of the abstract.
    expect(page.url()).toBe('https://arxiv.org/abs/1706.03762');
    // A retitled paper's file takes the title the card shows (arXiv's current one).
    await page.goto('https://arxiv.org/abs/2310.01779v3');
    await expect.poll(() => card(page).getByTestId('pdf-download').getAttribute('download')).toMatch(/^Zhai et al\. - 2023 - HallE-Control - /);
    await page.close();
  });

  test("a withdrawn paper's card says it was withdrawn and why, above its TL;DR, also collapsed", async () => {
    const reason = 'This paper has been withdrawn by the author due to an error in the evaluation code';
    const page = (await fixture('arxiv-abs-2310.01779v3.html'))
      .replaceAll('2310.01779', '2502.00021')
      .replace(/<div class="comments">[^]*?<\/div>/, `<div class="comments">Comments: ${reason}</div>`);
    browser.serve('https://arxiv.org/abs/2502.00021', page);
    const tab = await browser.context.newPage();
    await tab.goto('https://arxiv.org/abs/2502.00021');
    await expect.poll(() => card(tab).getByTestId('withdrawn').textContent()).toBe(`Withdrawn ${reason}`);
    expect(await card(tab).getByTestId('tldr').count()).toBe(1);
    await card(tab).getByTestId('card-toggle').click();
    await expect.poll(() => card(tab).getByTestId('withdrawn').textContent()).toBe('Withdrawn');
    await tab.close();
  });

  test('a page whose abstract is empty still gets its card: a seed paper with the TL;DR the store holds, any paper its title and Save', async () => {
    const emptied = (html: string) => html.replace(/(<blockquote class="abstract mathjax">\s*<span class="descriptor">Abstract:<\/span>)[^]*?(<\/blockquote>)/, '$1$2');
    browser.serve('https://arxiv.org/abs/2402.18041v2', emptied(await fixture('arxiv-abs-2402.18041.html')));
    browser.serve('https://arxiv.org/abs/2502.00031', emptied((await fixture('arxiv-abs-1706.03762.html')).replaceAll('1706.03762', '2502.00031')));
    const stored = seed.papers.find((paper) => paper.id === '2402.18041')!;
    const tab = await browser.context.newPage();
    await tab.goto('https://arxiv.org/abs/2402.18041v2');
    expect(await tab.locator('blockquote.abstract').innerText()).toBe('Abstract:');
    await expect.poll(() => card(tab).getByTestId('tldr').textContent()).toContain(stored.summary.tldr);
    await tab.goto('https://arxiv.org/abs/2502.00031');
    await expect.poll(() => card(tab).getByTestId('save').textContent()).toBe('Save');
    expect(await cardText(tab)).toContain('Attention Is All You Need');
    // Not "summary from this page" above no summary (review).
    expect(await card(tab).getByTestId('rank').textContent()).toBe('Not trending · no abstract on this page');
    await card(tab).getByTestId('save').click();
    await expect.poll(async () => (await readStore<{ title: string } | undefined>(browser, 'saved', '2502.00031'))?.title).toBe('Attention Is All You Need');
    await tab.close();
  });

  test('markup, script and javascript: URLs in the page are shown as text and never run', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('https://arxiv.org/abs/2501.09999');
    await expect.poll(() => card(page).count()).toBe(1);
    const text = await cardText(page);
    expect(text).toContain('<img src=x onerror="window.__paperlensXss=1">Robust');
    expect(text).toContain('<script>');
    const inside = await card(page).evaluate((host) => {
      const root = host.shadowRoot!;
      return {
        elements: root.querySelectorAll('img, script, iframe, object').length,
        hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      };
    });
    expect(inside.elements).toBe(0);
    expect(inside.hrefs.every((href) => href !== null && /^https?:\/\//.test(href))).toBe(true);
    expect(await card(page).getByTestId('code-link').getAttribute('href')).toBe('https://github.com/example/robust-parsing');
    expect(await page.evaluate(() => (window as unknown as { __paperlensXss?: number }).__paperlensXss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page whose DOM is not an abstract page gets no card and no error', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await page.goto('https://arxiv.org/abs/2412.99999');
    // PaperLens ran here (it asked the store about the paper in the URL), then left the page alone.
    await page.waitForFunction(() => performance.getEntriesByName('paperlens:card-answer').length > 0);
    await page.waitForTimeout(300);
    expect(await card(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a link that downloads (the TeX source) or leaves for another page takes no card away, there or back again', async () => {
    // Back restores the page from the back/forward cache, as in a user's Chrome.
    const cached = await launchExtension({ backForwardCache: true });
    try {
      cached.serve('https://arxiv.org/abs/2310.01779v3', await fixture('arxiv-abs-2310.01779v3.html'));
      cached.serve('https://arxiv.org/src/2310.01779v3', { body: 'source', contentType: 'application/x-eprint-tar', headers: { 'content-disposition': 'attachment; filename="arXiv-2310.01779v3.tar.gz"' } });
      cached.serve('https://arxiv.org/list/cs/recent', await fixture('listings/arxiv-list-cs.CL-recent.html'));
      const page = await cached.context.newPage();
      await page.goto('https://arxiv.org/abs/2310.01779v3');
      await expect.poll(() => card(page).count()).toBe(1);
      // arXiv's "TeX Source" link, beside "View PDF".
      await page.evaluate(() => document.querySelector('.full-text ul')!.append(Object.assign(document.createElement('a'), { href: '/src/2310.01779v3', textContent: 'TeX Source' })));
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'TeX Source' }).click();
      await download;
      await page.waitForTimeout(500);
      expect(await card(page).count()).toBe(1);
      // To the listing in the same tab, and back to the page as it was left.
      await page.evaluate(() => Object.assign(window, { leftAt: 'abs' }));
      await page.getByRole('link', { name: 'cs', exact: true }).click();
      await expect.poll(() => page.url()).toBe('https://arxiv.org/list/cs/recent');
      await page.goBack({ waitUntil: 'commit' });
      await expect.poll(() => page.url()).toBe('https://arxiv.org/abs/2310.01779v3');
      // The same document, not a new load.
      expect(await page.evaluate(() => (window as unknown as { leftAt?: string }).leftAt)).toBe('abs');
      await expect.poll(() => card(page).count()).toBe(1);
      expect(await cardText(page)).toContain('HallE-Control');
    } finally {
      await cached.close();
    }
  });

  test("a page reached through a long address (a digest's tracking query, past the 2,048 characters the store keeps) is saved by the card's Save", async () => {
    const page = await browser.context.newPage();
    const address = `https://arxiv.org/abs/2402.18041?${'utm_source=reading-group-digest&'.repeat(70)}`;
    expect(address.length).toBeGreaterThan(2048);
    browser.serve(address, await fixture('arxiv-abs-2402.18041.html'));
    await page.goto(address);
    await expect.poll(() => card(page).count()).toBe(1);
    await card(page).getByTestId('save').click();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    expect(await card(page).getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
