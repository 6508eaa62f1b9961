import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedItem, SeedAsset } from '../../src/schema';
import { EXTENSION_DIR, SCREENSHOTS_DIR, card, fixture, launchExtension, type ExtensionBrowser, PDF } from './harness';

let browser: ExtensionBrowser;
let seed: SeedAsset;

// A minimal one-page PDF: the popup only needs the tab's URL.

beforeAll(async () => {
  seed = JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8'));
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/pdf/2402.18041', { body: PDF, contentType: 'application/pdf' });
  browser.serve('https://arxiv.org/pdf/1706.03762v7', { body: PDF, contentType: 'application/pdf' });
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  browser.serve('https://arxiv.org/abs/2402.18041', await fixture('arxiv-abs-2402.18041.html'));
  // arXiv answers an identifier it does not know with this page and a 404.
  browser.serve('https://arxiv.org/abs/2412.99999', { body: await fixture('arxiv-abs-not-recognized.html'), status: 404 });
  // A paper page whose markup PaperLens does not recognise (arXiv redesigned it, say).
  browser.serve('https://huggingface.co/papers/date/2024-07-31', await fixture('listings/hf-papers-date-2024-07-31.html'));
  browser.serve('https://arxiv.org/abs/2412.99998', (await fixture('arxiv-abs-not-recognized.html')).replaceAll('2412.99999', '2412.99998'));
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens the extension's real toolbar popup (chrome.action.openPopup). Playwright does not list it
 * as a page, so it is reached over the DevTools protocol: `evaluate` runs an expression in it.
 */
/** The reading list, as an extension page asks the background for it. */
async function savedFrom(page: Page): Promise<SavedItem[]> {
  type Runtime = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ result: SavedItem[] }> } } };
  return (await page.evaluate(() => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'listSaved' }))).result;
}

async function openToolbarPopup(): Promise<{ evaluate: (expression: string) => Promise<unknown>; close: () => Promise<void> }> {
  const anchor = await browser.context.newPage();
  await anchor.goto('about:blank');
  await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup: () => Promise<void> } } }).chrome.action.openPopup());
  const cdp = await browser.context.newCDPSession(anchor);
  type Target = { targetId: string; url: string };
  const find = async () => ((await cdp.send('Target.getTargets')) as { targetInfos: Target[] }).targetInfos.find((target) => target.url.endsWith('/popup.html'));
  await expect.poll(find).toBeDefined();
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: (await find())!.targetId, flatten: false })) as { sessionId: string };
  type Reply = { id?: number; result?: { result?: { value?: unknown } } };
  const replies = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id !== undefined) replies.get(reply.id)?.(reply);
  });
  let nextId = 0;
  const evaluate = (expression: string) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      replies.set(id, (reply) => resolve(reply.result?.result?.value));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    });
  // Its content is in once the trending list is.
  await expect.poll(() => evaluate(`document.querySelectorAll('[data-testid="trending-item"]').length`)).toBe(66);
  return {
    evaluate,
    close: async () => {
      await evaluate('window.close()');
      await cdp.detach();
      await anchor.close();
    },
  };
}

describe('popup', () => {
  test('lists every snapshot paper in rank order', async () => {
    const popup = await browser.popup();
    // Text at the popup's own size, not Chrome's smaller default for extension pages.
    expect(await popup.getByTestId('trending-item').first().locator('.title').evaluate((title) => getComputedStyle(title).fontSize)).toBe('13px');
    const items = popup.getByTestId('trending-item');
    await expect.poll(() => items.count()).toBe(66);
    const ids = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-arxiv-id')));
    const expected = [...seed.papers].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((paper) => paper.id);
    expect(ids).toEqual(expected);
    expect(ids[0]).toBe('2310.01779');
    // The Trending / Saved / Recent tabs work from the keyboard, as tabs do: arrows move (round), focus follows.
    expect(await popup.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-trending');
    await popup.getByTestId('tab-trending').focus();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.getByTestId('tab-saved').getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-saved');
    expect(await popup.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-saved');
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.getByTestId('tab-recent').getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-recent');
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.getByTestId('tab-trending').getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('ArrowLeft');
    await expect.poll(() => popup.getByTestId('tab-recent').getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Home');
    await expect.poll(() => popup.getByTestId('tab-trending').getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('End');
    await expect.poll(() => popup.getByTestId('tab-recent').getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the Tab order.
    expect(await popup.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => (tab as HTMLElement).tabIndex))).toEqual([-1, -1, 0]);
    await popup.keyboard.press('Home');
    await expect.poll(() => popup.getByTestId('tab-trending').getAttribute('aria-selected')).toBe('true');
    // Search results take the tabs' place; choosing a tab ends the search and shows that tab.
    await popup.getByTestId('search').fill('hallucination');
    await expect.poll(() => popup.getByTestId('search-results').count()).toBe(1);
    // No tab names a panel that is not there (the results have taken its place).
    expect(await popup.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('aria-controls')))).toEqual([null, null, null]);
    await popup.getByTestId('tab-saved').click();
    await expect.poll(() => popup.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-saved');
    expect(await popup.getByTestId('search').inputValue()).toBe('');
    expect(await popup.getByTestId('search-results').count()).toBe(0);
    await popup.close();
  });

  test('save in the popup → the card shows Saved after a reload, and the Saved tab lists it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');

    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe('2310.01779');
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
    // The trending row of the same paper follows (live query), without reopening the popup.
    await expect.poll(() => popup.locator('[data-testid="trending-item"][data-arxiv-id="2310.01779"] [data-testid="save"]').textContent()).toBe('Saved');
    // Each row's controls are named for their paper, not just "Saved" and "Reading status".
    const trendingRow = popup.locator('[data-testid="trending-item"][data-arxiv-id="2310.01779"]');
    expect(await trendingRow.getByRole('button', { name: /^Saved: HallE-/ }).count()).toBe(1);
    expect(await trendingRow.getByRole('combobox', { name: /^Reading status of HallE-/ }).count()).toBe(1);

    // The README's picture of the popup.
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.screenshot({ path: join(SCREENSHOTS_DIR, 'popup.png') });

    await page.reload();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');

    await popup.getByTestId('tab-saved').click();
    await expect.poll(() => popup.getByTestId('saved-item').count()).toBe(1);
    expect(await popup.getByTestId('saved-item').getAttribute('data-arxiv-id')).toBe('2310.01779');
    await popup.close();
    await page.close();
  });

  test('an open popup updates live when a card saves, and saves the paper of a PDF tab', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    const save = card(page).getByTestId('save');
    await expect.poll(() => save.textContent()).toMatch(/^Saved?$/);
    if ((await save.textContent()) === 'Saved') {
      await save.click();
      await expect.poll(() => save.textContent()).toBe('Save');
    }

    const popup = await browser.popup();
    await popup.getByTestId('tab-saved').click();
    const item = popup.locator('[data-testid="saved-item"][data-arxiv-id="2310.01779"]');
    await expect.poll(() => popup.getByText('Nothing saved yet').count()).toBe(1);
    // Save from the card; the popup (already open) shows the item, then drops it on unsave.
    await save.click();
    await expect.poll(() => item.count()).toBe(1);
    await save.click();
    await expect.poll(() => item.count()).toBe(0);
    await popup.close();

    const pdf = await browser.context.newPage();
    await pdf.goto('https://arxiv.org/pdf/2402.18041').catch(() => undefined); // the PDF viewer may not report a load
    const pdfPopup = await browser.popup();
    const thisTab = pdfPopup.getByTestId('this-tab');
    await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe('2402.18041');
    // Its BibTeX before it is saved, though no page of ours describes it: what the store knows (not
    // the PDF tab's own title), with the authors from its arXiv page (the snapshot names none).
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await pdfPopup.bringToFront(); // the clipboard is written only from the focused page
    await thisTab.getByTestId('copy-bibtex').click();
    await expect.poll(() => thisTab.getByTestId('copied').textContent()).toBe('BibTeX copied');
    const copied = await pdfPopup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{liu2024datasets,\n {2}title = \{\{Datasets for Large Language Models: A Comprehensive Survey\}\},\n {2}author = \{Yang Liu and Jiahuan Cao and Chongyu Liu and Kai Ding and Lianwen Jin\},\n/);
    expect(copied).toContain('eprint = {2402.18041}');
    // Its link, titled as the store knows it (not the PDF tab's own title), for notes.
    await thisTab.getByTestId('copy-link').click();
    await expect.poll(() => thisTab.getByTestId('copied').textContent()).toBe('Link copied');
    expect(await pdfPopup.evaluate(() => navigator.clipboard.readText())).toBe('[Datasets for Large Language Models: A Comprehensive Survey](https://arxiv.org/abs/2402.18041)');
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
    await pdfPopup.getByTestId('tab-saved').click();
    await expect.poll(() => pdfPopup.locator('[data-testid="saved-item"][data-arxiv-id="2402.18041"]').count()).toBe(1);
    expect(await pdfPopup.locator('[data-testid="saved-item"][data-arxiv-id="2402.18041"]').textContent()).toContain('Datasets for Large Language Models');
    // Saved, it is completed from the same page in the background.
    await expect.poll(async () => {
      return (await savedFrom(pdfPopup)).find((saved) => saved.id === '2402.18041')?.authors[0];
    }).toBe('Yang Liu');
    await pdfPopup.close();
    await pdf.close();
    await page.close();
  });

  test("a PDF tab of a paper the store does not hold: the popup shows and saves what its arXiv page says", async () => {
    const pdf = await browser.context.newPage();
    await pdf.goto('https://arxiv.org/pdf/1706.03762v7').catch(() => undefined);
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.locator('.title').textContent()).toBe('Attention Is All You Need'); // not "arXiv:1706.03762"
    await expect.poll(() => thisTab.locator('.tldr').textContent()).toMatch(/Transformer/);
    expect(await thisTab.locator('.meta').textContent()).toBe('arXiv 1706.03762 · not trending');
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
    expect((await savedFrom(popup)).find((item) => item.id === '1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      published: '2017-06-12',
      tldr: expect.stringMatching(/Transformer/),
      sourceUrl: 'https://arxiv.org/pdf/1706.03762v7',
    });
    // The page was asked for once, though the popup read it and the save needed it.
    expect(browser.requests.filter((request) => request.url() === 'https://arxiv.org/abs/1706.03762' && request.serviceWorker() !== null)).toHaveLength(1);
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Save');
    await popup.close();
    await pdf.close();
  });

  test("a paper the store does not hold: the popup shows and saves what its page says, as the card would", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    await expect.poll(() => card(page).count()).toBe(1);
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await expect.poll(() => thisTab.locator('.title').textContent()).toBe('Attention Is All You Need'); // not the tab's "[1706.03762] …"
    await expect.poll(() => thisTab.locator('.tldr').textContent()).toMatch(/Transformer/);
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
    expect((await savedFrom(popup)).find((item) => item.id === '1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      authors: expect.arrayContaining(['Ashish Vaswani', 'Noam Shazeer']),
      published: '2017-06-12',
      primaryCategory: 'cs.CL',
      tldr: expect.stringMatching(/Transformer/),
    });
    // Search finds it though the store does not hold it: by an author, and by its id.
    for (const query of ['Vaswani', '1706.03762']) {
      await popup.getByTestId('search').fill(query);
      await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe(query);
      expect(await popup.getByTestId('search-item').locator('.title').allTextContents()).toEqual(['Attention Is All You Need']);
    }
    // With a typo too, as the store's papers are, and first (Enter opens the first result).
    for (const query of ['atention need', 'Atention Is All You Need', 'vaswanni']) {
      await popup.getByTestId('search').fill(query);
      await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe(query);
      expect((await popup.getByTestId('search-item').locator('.title').allTextContents())[0], query).toBe('Attention Is All You Need');
    }
    await popup.getByTestId('search').fill('');
    // The tab's open card follows, both ways (the store does not hold this paper).
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    await thisTab.getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Save');
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    // Saved with the card's own button, then removed in the popup: the card follows that too.
    await card(page).getByTestId('save').click();
    await expect.poll(() => thisTab.getByTestId('save').textContent()).toBe('Saved');
    await thisTab.getByTestId('save').click();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    await popup.close();

    // arXiv's "identifier not recognized" page (a 404) shows no paper: nothing to save, and the popup says why.
    await page.goto('https://arxiv.org/abs/2412.99999');
    const errorPopup = await browser.popup();
    await expect.poll(() => errorPopup.locator('.hint').first().textContent()).toBe('arXiv has no paper 2412.99999 (“identifier not recognized”): there is nothing to save.');
    expect(await errorPopup.getByTestId('this-tab').count()).toBe(0);
    await errorPopup.close();
    // A list of papers: no one paper to save, and the popup says how to save one of them.
    await page.goto('https://huggingface.co/papers/date/2024-07-31');
    const listPopup = await browser.popup();
    await expect.poll(() => listPopup.locator('.hint').first().textContent()).toBe('A list of papers: save one with the Save button beside it, or open its page.');
    await listPopup.close();
    // A listing with no entries (nor badges): no Save button to point to.
    browser.serve('https://arxiv.org/list/math.HO/new', await fixture('listings/arxiv-list-math.HO-new-empty.html'));
    await page.goto('https://arxiv.org/list/math.HO/new');
    const emptyListPopup = await browser.popup();
    await expect.poll(() => emptyListPopup.locator('.hint').first().textContent()).toBe('Open an arXiv or Hugging Face paper to save it from here.');
    await emptyListPopup.close();
    // A paper page PaperLens cannot read is still the paper of its URL (its page title is not taken for one).
    await page.goto('https://arxiv.org/abs/2412.99998');
    const unreadPopup = await browser.popup();
    await expect.poll(() => unreadPopup.getByTestId('this-tab').locator('.title').textContent()).toBe('arXiv:2412.99998');
    await unreadPopup.close();
    await page.close();
  });

  test('the toolbar popup opens at its own width; at 200% zoom (a popup is at most 800 px: 400 CSS px) nothing overflows sideways', async () => {
    // The real toolbar popup sizes itself to its content: it must not shrink below its width.
    const toolbar = await openToolbarPopup();
    expect(await toolbar.evaluate('document.body.getBoundingClientRect().width')).toBe(420);
    expect(await toolbar.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
    await toolbar.close();

    const popup = await browser.popup();
    await popup.setViewportSize({ width: 400, height: 300 });
    await expect.poll(() => popup.getByTestId('trending-item').count()).toBe(66);
    const fits = () => popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    expect(await fits()).toBe(true);
    // The search box's placeholder is read whole: it was cut to "…topic, auth".
    const placeholderFits = await popup.getByTestId('search').evaluate((box: HTMLInputElement) => {
      const style = getComputedStyle(box);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(box.placeholder).width <= room;
    });
    expect(placeholderFits).toBe(true);
    await popup.getByTestId('search').fill('speculative decoding');
    await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe('speculative decoding');
    expect(await fits()).toBe(true);
    await popup.close();
  });

  test('search finds papers as you type, ranked, and saves from the results', async () => {
    const popup = await browser.popup();
    const box = popup.getByTestId('search');
    await box.pressSequentially('speculative deco', { delay: 20 });
    const results = popup.getByTestId('search-results');
    await expect.poll(() => results.getAttribute('data-query')).toBe('speculative deco');
    const titles = await popup.getByTestId('search-item').locator('.title').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    expect(titles[0]).toMatch(/Speculative Decoding/i);
    // Results mix lists: each rank says which list it is from.
    expect(await popup.getByTestId('search-item').first().getByTestId('rank').textContent()).toMatch(/^#\d+ daily · Jul 30, 2025$/);
    // …on a line of its own: the titles line up, whatever the ranks' widths ("decoder": #3, #34).
    await box.fill('decoder');
    await expect.poll(() => results.getAttribute('data-query')).toBe('decoder');
    const ranks = await popup.getByTestId('search-item').getByTestId('rank').allTextContents();
    expect(new Set(ranks.map((rank) => rank.indexOf(' '))).size).toBeGreaterThan(1);
    const titleLefts = await popup.getByTestId('search-item').locator('.title').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().left)));
    expect(new Set(titleLefts).size).toBe(1);
    await box.fill('speculative deco');
    await expect.poll(() => results.getAttribute('data-query')).toBe('speculative deco');
    // Save the top result from the list; the row and the Saved tab say so, and unsaving undoes it.
    const save = popup.getByTestId('search-item').first().getByTestId('save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Saved');
    expect((await savedFrom(popup)).map((item) => item.title)).toContain(titles[0]);
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Save');
    // An acronym's long form finds a paper that only its abstract calls by the acronym (Power Scheduler: "MoE").
    await box.fill('mixture of experts');
    await expect.poll(() => results.getAttribute('data-query')).toBe('mixture of experts');
    expect(await popup.getByTestId('search-item').locator('.title').allTextContents()).toContainEqual(expect.stringMatching(/^Power Scheduler/));
    await box.fill('zzqxy');
    await expect.poll(() => results.textContent()).toContain('No paper in your store matches');
    // A pasted wall of text is echoed in part and stays inside the popup.
    await box.fill('x'.repeat(5000));
    await expect.poll(() => results.textContent()).toBe(`No paper in your store matches “${'x'.repeat(80)}…”.`);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await box.fill('');
    await expect.poll(() => popup.getByTestId('trending-item').count()).toBe(66);
    await popup.close();
  });

  test('search says how many papers it found to a screen reader, and the arrow keys go from the box through the results and back', async () => {
    const popup = await browser.popup();
    const box = popup.getByTestId('search');
    const status = popup.getByTestId('search-status');
    // The live region is there before the results: one inserted with its text is not announced.
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe('');
    await box.fill('speculative deco');
    await expect.poll(() => popup.getByTestId('search-results').getAttribute('data-query')).toBe('speculative deco');
    const count = await popup.getByTestId('search-item').count();
    expect(count).toBeGreaterThan(2);
    await expect.poll(() => status.textContent()).toBe(`${count} papers`);

    // Where the focus is: 'box', or the result row holding it and whether on its title link.
    const focus = () =>
      popup.evaluate(() => {
        const active = document.activeElement;
        if (active?.getAttribute('data-testid') === 'search') return 'box';
        const row = active?.closest('[data-testid="search-item"]');
        return row ? `${[...document.querySelectorAll('[data-testid="search-item"]')].indexOf(row)}${active?.matches('a.title') ? ' title' : ''}` : null;
      });
    await box.focus();
    await popup.keyboard.press('ArrowDown');
    expect(await focus()).toBe('0 title');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await focus()).toBe('2 title');
    await popup.keyboard.press('ArrowUp');
    expect(await focus()).toBe('1 title');
    // From a row's Save button too.
    await popup.getByTestId('search-item').nth(1).getByTestId('save').focus();
    await popup.keyboard.press('ArrowUp');
    expect(await focus()).toBe('0 title');
    await popup.keyboard.press('ArrowUp');
    expect(await focus()).toBe('box');
    expect(await box.inputValue()).toBe('speculative deco');
    // The last result stays put on ArrowDown.
    await popup.getByTestId('search-item').last().locator('a.title').focus();
    await popup.keyboard.press('ArrowDown');
    expect(await focus()).toBe(`${count - 1} title`);

    await box.fill('zzqxy');
    await expect.poll(() => status.textContent()).toBe('No papers match');
    await box.press('ArrowDown');
    expect(await focus()).toBe('box');
    await box.fill('');
    await expect.poll(() => status.textContent()).toBe('');
    await popup.close();
  });

  test("'Reading list' opens the reading list, and brings back the tab that has it rather than opening another", async () => {
    const readingLists = () => browser.context.pages().filter((page) => page.url().endsWith('/reading-list.html'));
    const before = readingLists().length;
    const popup = await browser.popup();
    const opened = browser.context.waitForEvent('page', (page) => page.url().endsWith('/reading-list.html'));
    await popup.getByTestId('open-reading-list').click();
    const list = await opened;
    await list.getByTestId('reading-list').waitFor();
    await popup.close();
    // The paper's tab in front again; the next popup's 'Reading list' goes back to the open one.
    const paper = await browser.context.newPage();
    const again = await browser.popup();
    await again.getByTestId('open-reading-list').click();
    // The open one is the active tab again (a new tab would have been the active one).
    // (Told by tab id: without the tabs permission a tab's URL is not given, the extension's own pages' included.)
    await expect.poll(() => browser.worker.evaluate(async () => {
      type Chrome = {
        tabs: { query: (q: object) => Promise<{ id?: number }[]> };
        runtime: { getURL: (path: string) => string; getContexts: (filter: object) => Promise<{ tabId: number }[]> };
      };
      const { tabs, runtime } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [active] = await tabs.query({ active: true, windowType: 'normal' });
      const lists = await runtime.getContexts({ contextTypes: ['TAB'], documentUrls: [runtime.getURL('/reading-list.html')] });
      return active?.id !== undefined && lists.some((context) => context.tabId === active.id);
    })).toBe(true);
    await again.waitForTimeout(500); // time for a second tab to appear, were one opened
    expect(readingLists()).toHaveLength(before + 1);
    await again.close();
    await paper.close();
    await list.close();
  });

  test('a long reading list: Saved shows the 50 saved last, says how many more there are, and search still finds the others', async () => {
    const popup = await browser.popup();
    type Runtime = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ ok: boolean }> } } };
    const send = (message: unknown) => popup.evaluate((sent) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(sent), message);
    const before = (await savedFrom(popup)).length;
    // An import of 120 papers (with authors: nothing to complete from arXiv), saved a minute apart.
    const items = Array.from({ length: 120 }, (_, n) => ({
      id: `2105.${String(n + 1).padStart(5, '0')}`,
      title: n === 6 ? 'An older paper on zebrafish locomotion' : `Imported paper number ${n + 1}`,
      authors: ['A. Author'],
      addedAt: Date.UTC(2026, 0, 1) + n * 60_000,
      updatedAt: Date.UTC(2026, 0, 1) + n * 60_000,
    }));
    expect((await send({ type: 'importApply', items, rejected: [] })).ok).toBe(true);
    await popup.getByTestId('tab-saved').click();
    await expect.poll(() => popup.getByTestId('saved-item').count()).toBe(50);
    // Newest first; the others are a search away.
    const shown = await popup.getByTestId('saved-item').locator('.title').allTextContents();
    expect(shown.filter((title) => title.startsWith('Imported')).slice(0, 2)).toEqual(['Imported paper number 120', 'Imported paper number 119']);
    expect(await popup.getByTestId('saved-more').textContent()).toBe(`The 50 saved last of ${before + 120}. Search finds any of them; the reading list shows them all.`);
    await popup.getByTestId('search').fill('zebrafish');
    await expect.poll(() => popup.getByTestId('search-item').locator('.title').allTextContents()).toEqual(['An older paper on zebrafish locomotion']);
    expect((await send({ type: 'removeSaved', ids: items.map((item) => item.id) })).ok).toBe(true);
    await popup.close();
  });
});
