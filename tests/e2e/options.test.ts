import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

/** The extension API as an extension page sees it (for `page.evaluate`). */
type PageGlobal = { chrome: typeof Browser };

/** Sends a message from the options page and answers with the reply. */
function ask(message: unknown): Promise<unknown> {
  return options.evaluate((request) => (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage(request), message);
}

let browser: ExtensionBrowser;
let options: Page;

const ABS = 'https://arxiv.org/abs/2310.01779';
const HF = 'https://huggingface.co/papers/2310.01779';
const LISTING = 'https://arxiv.org/list/cs.CL/new';

// The card's palettes (paper-card.css).
const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(30, 31, 34)';

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve(ABS, await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve(HF, await fixture('hf-paper-2310.01779.html'));
  browser.serve(LISTING, await fixture('listings/arxiv-list-cs.CL-new.html'));
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('setting-arxivAbs').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

function cardBackground(page: Page): Promise<string> {
  return card(page).evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('article')!).backgroundColor);
}

describe('options page', () => {
  test("'Open the reading list' brings back the tab that has it rather than opening another", async () => {
    const readingLists = () => browser.context.pages().filter((page) => page.url().endsWith('/reading-list.html'));
    const opened = browser.context.waitForEvent('page', (page) => page.url().endsWith('/reading-list.html'));
    await options.getByTestId('open-reading-list').click();
    const list = await opened;
    await list.getByTestId('empty').waitFor();
    await options.bringToFront();
    await options.getByTestId('open-reading-list').click();
    await options.waitForTimeout(500); // time for a second tab to appear, were one opened
    expect(readingLists()).toHaveLength(1);
    await list.close();
  });

  test('switching arXiv abstract pages off removes the card from an open page, and on brings it back', async () => {
    const page = await browser.context.newPage();
    await page.goto(ABS);
    await expect.poll(() => card(page).count()).toBe(1);
    await options.bringToFront();
    await options.getByTestId('setting-arxivAbs').uncheck();
    await expect.poll(() => card(page).count()).toBe(0);
    // A page opened while the switch is off gets no card at all (its prefetch still asks the store,
    // which records no visit for a site switched off).
    const fresh = await browser.context.newPage();
    await fresh.goto(ABS);
    // The store has answered: with the switch on, the card would show now.
    await fresh.waitForFunction(() => performance.getEntriesByName('paperlens:card-answer').length > 0);
    expect(await card(fresh).count()).toBe(0);
    await options.getByTestId('setting-arxivAbs').check();
    await expect.poll(() => card(page).count()).toBe(1);
    await expect.poll(() => card(fresh).count()).toBe(1);
    await fresh.close();
    await page.close();
  });

  test('switching arXiv listings off removes the badges; on brings them back', async () => {
    const page = await browser.context.newPage();
    await page.goto(LISTING);
    const badges = page.locator('[data-paperlens="badge"]');
    await expect.poll(() => badges.count()).toBeGreaterThan(0);
    const count = await badges.count();
    await options.getByTestId('setting-arxivListing').uncheck();
    await expect.poll(() => badges.count()).toBe(0);
    await options.getByTestId('setting-arxivListing').check();
    await expect.poll(() => badges.count()).toBe(count);
    await page.close();
  });

  test('cards start collapsed when set; the toggle expands them', async () => {
    await options.getByTestId('setting-cardCollapsed').selectOption('collapsed');
    const page = await browser.context.newPage();
    await page.goto(ABS);
    await expect.poll(() => card(page).locator('article').getAttribute('data-collapsed')).toBe('true');
    expect(await card(page).getByTestId('tldr').count()).toBe(0);
    expect(await card(page).locator('article').textContent()).toContain('HallE-Control'); // the page's current title
    // One line, even beside a narrow abstract: the long title gives way, the rank and toggle do not wrap.
    await page.setViewportSize({ width: 700, height: 800 });
    for (const part of [card(page).getByTestId('rank'), card(page).getByTestId('card-toggle'), card(page).getByTestId('save')]) {
      expect(await part.evaluate((element) => element.getClientRects().length === 1 && element.getBoundingClientRect().height < 30)).toBe(true);
    }
    // A phone-width window (or a page zoomed to 400%): the line wraps inside the card, the title
    // stays in view, and the card does not widen the page (the fixture is wider than 360 px itself).
    await page.setViewportSize({ width: 360, height: 800 });
    const fit = await card(page).locator('article').evaluate((article) => {
      const box = article.getBoundingClientRect();
      const parts = [...article.querySelectorAll('.pl-head > *')].map((part) => part.getBoundingClientRect());
      const host = (article.getRootNode() as ShadowRoot).host as HTMLElement;
      const pageWidth = document.documentElement.scrollWidth;
      host.style.display = 'none';
      const pageWidthWithout = document.documentElement.scrollWidth;
      host.style.display = '';
      return {
        inside: parts.every((part) => part.left >= box.left - 1 && part.right <= box.right + 1),
        widensPage: pageWidth > pageWidthWithout,
        titleWidth: article.querySelector('.pl-line-title')!.getBoundingClientRect().width,
      };
    });
    expect(fit).toEqual({ inside: true, widensPage: false, titleWidth: expect.any(Number) });
    expect(fit.titleWidth).toBeGreaterThan(100);
    await page.setViewportSize({ width: 1280, height: 800 });
    // Collapsed, it still saves in one click (with Undo).
    const save = card(page).getByTestId('save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Saved');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Save');
    await card(page).getByTestId('undo').click();
    await expect.poll(() => save.textContent()).toBe('Saved');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Save');
    await card(page).getByTestId('card-toggle').click();
    await expect.poll(() => card(page).getByTestId('tldr').count()).toBe(1);
    expect(await card(page).getByTestId('card-toggle').getAttribute('aria-expanded')).toBe('true');
    await options.getByTestId('setting-cardCollapsed').selectOption('expanded');
    await page.reload();
    await expect.poll(() => card(page).locator('article').getAttribute('data-collapsed')).toBe('false');
    await page.close();
  });

  test('changing how cards start collapses or expands the card of an open page at once', async () => {
    const page = await browser.context.newPage();
    await page.goto(ABS);
    const article = card(page).locator('article');
    await expect.poll(() => article.getAttribute('data-collapsed')).toBe('false');
    await options.bringToFront();
    await options.getByTestId('setting-cardCollapsed').selectOption('collapsed');
    await expect.poll(() => article.getAttribute('data-collapsed')).toBe('true');
    await options.getByTestId('setting-cardCollapsed').selectOption('expanded');
    await expect.poll(() => article.getAttribute('data-collapsed')).toBe('false');
    await page.close();
  });

  test('theme: dark and light force the palette; auto follows the page', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(ABS);
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await cardBackground(page)).toBe(LIGHT_BG);

    await options.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(() => cardBackground(page)).toBe(DARK_BG);
    expect(await card(page).getAttribute('data-theme')).toBe('dark');

    await page.emulateMedia({ colorScheme: 'dark' });
    await options.getByTestId('setting-theme').selectOption('light');
    await expect.poll(() => cardBackground(page)).toBe(LIGHT_BG);

    // Auto: arXiv's pages are white whatever the system prefers, so the card is light on them;
    // a page that says it is dark (arXiv's HTML view, or Dark Reader darkening it) gets a dark card.
    await options.getByTestId('setting-theme').selectOption('auto');
    await expect.poll(() => cardBackground(page)).toBe(LIGHT_BG);
    await page.evaluate(() => document.documentElement.setAttribute('data-darkreader-scheme', 'dark'));
    await expect.poll(() => cardBackground(page)).toBe(DARK_BG);
    await page.evaluate(() => document.documentElement.removeAttribute('data-darkreader-scheme'));
    await expect.poll(() => cardBackground(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    // A page's own color-scheme rule (which reaches our host) does not choose the card's palette.
    await options.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(() => cardBackground(page)).toBe(DARK_BG);
    await page.addStyleTag({ content: '* { color-scheme: light; }' });
    expect(await cardBackground(page)).toBe(DARK_BG);
    await options.getByTestId('setting-theme').selectOption('auto');

    // Hugging Face says its theme with class `dark` on <html>, whatever the system prefers.
    const hf = await browser.context.newPage();
    await hf.emulateMedia({ colorScheme: 'dark' });
    await hf.goto(HF);
    await expect.poll(() => card(hf).count()).toBe(1);
    expect(await cardBackground(hf)).toBe(LIGHT_BG);
    await hf.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(() => cardBackground(hf)).toBe(DARK_BG);
    await hf.close();
    await page.close();

    // The popup follows the setting too.
    const popup = await browser.popup();
    await popup.emulateMedia({ colorScheme: 'light' });
    const popupBackground = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await popupBackground();
    await options.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(popupBackground).not.toBe(light);
    await options.getByTestId('setting-theme').selectOption('auto');
    await expect.poll(popupBackground).toBe(light);
    await popup.close();
  });

  test('theme: listing badges follow it too, and a page color-scheme rule does not choose their palette', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(LISTING);
    const badge = page.locator('[data-paperlens="badge"]').first();
    await badge.waitFor();
    // The badge's background and the colour scheme its status menu is drawn in (native controls).
    const look = () =>
      badge.evaluate((host) => {
        const root = host.shadowRoot!;
        return `${getComputedStyle(root.querySelector('.pl-badge')!).backgroundColor} ${getComputedStyle(root.querySelector('.pl-badge')!).colorScheme}`;
      });
    const light = 'rgb(244, 241, 251) light';
    const dark = 'rgb(38, 35, 45) dark';
    // Auto: light on arXiv's white listing, whatever the system prefers.
    await expect.poll(look).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(200);
    expect(await look()).toBe(light);
    await page.emulateMedia({ colorScheme: 'light' });
    await options.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(look).toBe(dark);
    await page.addStyleTag({ content: '* { color-scheme: light; }' });
    expect(await look()).toBe(dark);
    await options.getByTestId('setting-theme').selectOption('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(look).toBe(light);
    await options.getByTestId('setting-theme').selectOption('auto');
    await page.close();
  });

  test('settings are kept, and an invalid stored value reads as the default', async () => {
    await options.getByTestId('setting-theme').selectOption('dark');
    await options.reload();
    await expect.poll(() => options.getByTestId('setting-theme').inputValue()).toBe('dark');
    // A stored value that is not valid (an old version, a hand edit): each bad field reads as its default.
    await options.evaluate(() =>
      (globalThis as unknown as PageGlobal).chrome.storage.local.set({ settings: { theme: 'purple', sites: { arxivAbs: 'no', hfPaper: false }, cardCollapsed: 1 } }),
    );
    await options.reload();
    await expect.poll(() => options.getByTestId('setting-theme').inputValue()).toBe('auto');
    expect(await options.getByTestId('setting-arxivAbs').isChecked()).toBe(true);
    expect(await options.getByTestId('setting-hfPaper').isChecked()).toBe(false);
    expect(await options.getByTestId('setting-cardCollapsed').inputValue()).toBe('expanded');
    const page = await browser.context.newPage();
    await page.goto(ABS);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.close();
    await options.getByTestId('setting-hfPaper').check();
  });

  test('Clear PaperLens data asks first, offers an export, then clears the reading list and seen marks and keeps the papers', async () => {
    const page = await browser.context.newPage();
    await page.goto(ABS);
    await card(page).getByTestId('save').click();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    await page.close();

    await options.reload();
    await expect.poll(() => options.getByTestId('setting-clear').locator('xpath=preceding-sibling::p[1]').textContent()).toMatch(/\(1 paper, with its notes and tags\) and the “seen” marks \(\d+ pages?\), which are also the popup's Recent list\./);
    // From the keyboard: focus goes to the question's safe answer, and back to the button after;
    // Escape answers it as Cancel does.
    await options.getByTestId('setting-clear').focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('clear-cancel');
    await options.keyboard.press('Escape');
    await expect.poll(() => options.getByTestId('clear-dialog').count()).toBe(0);
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('setting-clear');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByTestId('clear-dialog').textContent()).toMatch(/Delete 1 saved paper and [1-9]\d* seen marks?\?.*Export your reading list first/);
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('clear-cancel');
    const download = options.waitForEvent('download');
    await options.getByTestId('clear-export').click();
    expect((await download).suggestedFilename()).toMatch(/^paperlens-reading-list-\d{4}-\d{2}-\d{2}\.json$/);
    // What happened is said in a live region that was there before (one inserted with its text is not announced).
    const status = await options.evaluateHandle(() => document.querySelector('.danger-zone > [role="status"]'));
    expect(await status.evaluate((region) => region?.textContent)).toBe('');
    await options.getByTestId('clear-confirm').click();
    await expect.poll(() => options.getByTestId('clear-result').textContent()).toMatch(/^Cleared 1 saved paper and \d+ seen marks?\.$/);
    expect(await status.evaluate((region) => region?.isConnected && region.textContent)).toMatch(/^Cleared 1 saved paper/);
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('setting-clear');

    const health = await ask({ type: 'health' });
    expect(health).toMatchObject({ ok: true, result: { papers: expect.any(Number) } });
    expect((health as { result: { papers: number } }).result.papers).toBeGreaterThanOrEqual(66);
    const saved = await ask({ type: 'listSaved' });
    expect(saved).toEqual({ ok: true, result: [] });
  });
});

describe('seen marks', () => {
  test('with seen marks off, or the site switched off, opening an abstract page is not remembered and listings show no mark', async () => {
    const listing = () => page.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]');
    const page = await browser.context.newPage();
    await page.goto(LISTING);
    await expect.poll(() => listing().count()).toBe(1);
    expect(await listing().getByTestId('badge-seen').count()).toBe(0); // cleared above
    await options.getByTestId('setting-seenEnabled').uncheck();
    await page.goto(ABS);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.goto(LISTING);
    await expect.poll(() => listing().count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await listing().getByTestId('badge-seen').count()).toBe(0);
    await options.getByTestId('setting-seenEnabled').check();
    // Nor is a paper opened where PaperLens is switched off.
    await options.getByTestId('setting-arxivAbs').uncheck();
    await page.goto(ABS);
    await page.waitForTimeout(300);
    expect(await card(page).count()).toBe(0);
    await page.goto(LISTING);
    await expect.poll(() => listing().count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await listing().getByTestId('badge-seen').count()).toBe(0);
    await options.getByTestId('setting-arxivAbs').check();
    await page.goto(ABS);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.goto(LISTING);
    await expect.poll(() => listing().getByTestId('badge-seen').count()).toBe(1);
    await page.close();
  });
});

describe('undo in the card', () => {
  test('unsave in the card asks nothing and offers an undo that restores the exact item; the keyboard focus stays on the card', async () => {
    const page = await browser.context.newPage();
    await page.goto(ABS);
    const save = card(page).getByTestId('save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Saved');
    await card(page).getByTestId('status').selectOption('reading');
    // The item as stored once the status change has landed: what Undo must give back.
    await expect.poll(async () => JSON.stringify(await ask({ type: 'listSaved' }))).toContain('"status":"reading"');
    const before = await ask({ type: 'listSaved' });
    // From the keyboard, focus stays in the card: on Save while it works, on Save again after Undo.
    const focused = () => card(page).evaluate((host) => host.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null);
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => save.textContent()).toBe('Save');
    expect(await focused()).toBe('save');
    await card(page).getByTestId('undo').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => save.textContent()).toBe('Saved');
    await expect.poll(focused).toBe('save');
    expect(await card(page).getByTestId('status').inputValue()).toBe('reading');
    expect(await ask({ type: 'listSaved' })).toEqual(before);
    await page.close();
  });
});
