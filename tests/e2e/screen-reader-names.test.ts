import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { card, fixture, launchExtension, listedItem, openEmptyReadingList, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('the card as a screen reader and a keyboard meet it', () => {
  test('the Hide / Show toggle is named for what it hides, its word first (its arrow is drawn, not said), and says whether the card is open', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    const toggle = card(page).getByTestId('card-toggle');
    await expect.poll(() => toggle.count()).toBe(1);
    expect(await card(page).getByRole('button', { name: 'Hide summary', exact: true, expanded: true }).count()).toBe(1);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await card(page).getByRole('button', { name: 'Show summary', exact: true, expanded: false }).count()).toBe(1);
    // The toggle keeps the focus, so Enter again opens the card.
    await page.keyboard.press('Enter');
    expect(await card(page).getByRole('button', { name: 'Hide summary', exact: true, expanded: true }).count()).toBe(1);
    await page.close();
  });
});

describe('badges as a screen reader meets them', () => {
  test('a Daily Papers rank is said as what it is, not as "#1 daily · Jul 30"', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]');
    await expect.poll(() => badge.getByTestId('badge-rank').count()).toBe(1);
    expect(await badge.getByRole('img', { name: 'Rank #1 in Hugging Face Daily Papers of 2025-07-30', exact: true }).count()).toBe(1);
    // What the page shows stays as it was.
    expect(await badge.getByTestId('badge-rank').textContent()).toBe('#1 daily · Jul 30, 2025');
    await page.close();
  });
});

/** The data-testid of what holds the focus, looking into shadow roots; 'BODY' when nothing does. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === null || active === document.body ? 'BODY' : (active.getAttribute('data-testid') ?? active.tagName);
  });
}

/**
 * Remembers every live region (role=status/alert/log, aria-live) now in the page, so that a test
 * can ask later whether the region that says some text was there before it (a region inserted
 * together with its text is not announced, as the code's own comments say).
 */
async function rememberLiveRegions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const regions = new Set(document.querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live]'));
    (globalThis as unknown as { beforeRegions: Set<Element> }).beforeRegions = regions;
  });
}

/** Whether `text` sits inside a live region that was in the page when rememberLiveRegions ran. */
function saidByOldRegion(page: Page, text: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const before = (globalThis as unknown as { beforeRegions: Set<Element> }).beforeRegions;
    const holders = [...document.querySelectorAll('body *')].filter((node) => node.textContent?.includes(wanted));
    return holders.some((node) => {
      const region = node.closest('[role="status"], [role="alert"], [role="log"], [aria-live]');
      return region !== null && before.has(region) && region.getAttribute('aria-live') !== 'off';
    });
  }, text);
}

describe('the card from the keyboard', () => {
  test('the card\'s "Removed · Undo" waits while Undo holds the focus (accessibility QA: it ran out at 10 s); when it goes from under the focus (the paper saved elsewhere), the focus stays in the card (on Save), not on the page\'s start', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    const save = card(page).getByTestId('save');
    await save.waitFor();
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => save.textContent()).toBe('Saved');
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).getByTestId('undo').count()).toBe(1);
    await card(page).getByTestId('undo').focus();
    expect(await focused(page)).toBe('undo');
    // The reader thinks it over, past the offer's 10 s: it waits for them.
    await page.waitForTimeout(11_000);
    expect(await card(page).getByTestId('undo').count()).toBe(1);
    // Saved again elsewhere (the popup): the paper is no longer the card's to put back, and its Undo goes.
    const popup = await browser.popup();
    expect((await sendFromPage(popup, { type: 'save', paper: { id: '2310.01779', title: 'HallE-Switch' } })).ok).toBe(true);
    await expect.poll(() => card(page).getByTestId('undo').count(), { timeout: 5_000 }).toBe(0);
    // A listing badge's Undo hands the focus to its Save here (badge.ts withdrawUndo); the card drops it.
    expect(await focused(page)).toBe('save');
    // The tests after this one start from an empty reading list.
    expect((await sendFromPage(popup, { type: 'clearReadingData' })).ok).toBe(true);
    await Promise.all([popup.close(), page.close()]);
  }, 30_000);
});

describe('badges as a screen reader lists them', () => {
  test('the Save buttons of two different papers on a listing have different accessible names', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const badges = page.locator('[data-paperlens="badge"]');
    await expect.poll(() => badges.count()).toBeGreaterThan(1);
    const first = badges.nth(0).getByTestId('badge-save');
    const second = badges.nth(1).getByTestId('badge-save');
    await first.waitFor();
    // A screen reader's list of buttons (NVDA's Elements list, VoiceOver's rotor) reads names alone.
    const firstName = await accessibleName(first);
    const secondName = await accessibleName(second);
    expect(firstName).not.toBe('');
    expect(firstName).not.toBe(secondName); // both are "Save"
    await page.close();
  });
});

/** The accessible name Chromium computes for the element (from its accessibility tree). */
async function accessibleName(locator: Locator): Promise<string> {
  const snapshot = await locator.ariaSnapshot();
  // `- button "Name" [pressed=false]`
  const match = /^- \w+ "([^"]*)"/.exec(snapshot.trim());
  return match ? match[1]! : snapshot;
}

describe('the reading list\'s import and export as a screen reader hears them', () => {
  test('the import preview (what the file would do) is said when it comes, in a live region there before it', async () => {
    const page = await openEmptyReadingList(browser, 1200);
    await rememberLiveRegions(page);
    await page.getByTestId('import-file').setInputFiles({ name: 'ids.txt', mimeType: 'text/plain', buffer: Buffer.from('1706.03762\n2310.01779\n') });
    await page.getByTestId('import-preview').waitFor();
    const summary = (await page.getByTestId('import-summary').textContent())!;
    expect(summary).toContain('ids.txt');
    expect(await saidByOldRegion(page, summary)).toBe(true);
    await page.close();
  });

  test('"Imported …" after Apply is said by a live region that was there before the text came', async () => {
    const page = await openEmptyReadingList(browser, 1200);
    await page.getByTestId('import-file').setInputFiles({ name: 'ids.txt', mimeType: 'text/plain', buffer: Buffer.from('1706.03762\n') });
    await page.getByTestId('import-apply').waitFor();
    await rememberLiveRegions(page);
    await page.getByTestId('import-apply').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('import-result').waitFor();
    const result = (await page.getByTestId('import-result').textContent())!;
    expect(result).toContain('Imported ids.txt');
    expect(await saidByOldRegion(page, result)).toBe(true);
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.close();
  });

  test('the first export\'s "Downloaded …" is said by a live region that was there before it', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    expect((await sendFromPage(page, { type: 'importApply', items: [listedItem('1706.03762', 'Attention Is All You Need')], rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('export-bibtex').waitFor();
    await rememberLiveRegions(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-bibtex').focus();
    await page.keyboard.press('Enter');
    await download;
    const status = page.locator('.export [role="status"]');
    await status.waitFor();
    const said = (await status.textContent())!;
    expect(said).toContain('Downloaded');
    expect(await saidByOldRegion(page, said)).toBe(true);
    await page.close();
  });
});

describe('the bulk bar and the popup from the keyboard', () => {
  test('a bulk status that changes nothing says "Nothing to change" in a live region that was there before it', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    await sendFromPage(page, { type: 'clearReadingData' });
    expect((await sendFromPage(page, { type: 'importApply', items: [listedItem('1706.03762', 'Attention Is All You Need')], rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('select').first().check();
    await page.getByTestId('bulk-status').waitFor();
    await rememberLiveRegions(page);
    // The paper is already "To read": setting it again changes nothing.
    await page.getByTestId('bulk-status').selectOption('to-read');
    await page.getByTestId('bulk-bar').getByText('Nothing to change').waitFor();
    expect(await saidByOldRegion(page, 'Nothing to change')).toBe(true);
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.close();
  });

  test('in the popup, a paper removed from Saved by keyboard hands the focus to Undo, which stands while the reader is on it; dismissed, the focus goes to the search box', async () => {
    const popup = await browser.popup();
    // The offer's 10 s go by at once: Playwright's clock, run forward by the test (and on in real
    // time), in every page of this browser from here on (this is its last test).
    await popup.clock.install();
    await sendFromPage(popup, { type: 'clearReadingData' });
    await sendFromPage(popup, { type: 'save', paper: { id: '1706.03762', title: 'Attention Is All You Need', tldr: '', sourceUrl: null } });
    await popup.getByTestId('tab-saved').click();
    const save = popup.locator('[data-testid="saved-item"][data-arxiv-id="1706.03762"]').getByTestId('save');
    await save.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toBe('undo');
    // QA: it went after 10 s under the focus, which then fell to the search box.
    await popup.clock.runFor(30_000);
    expect(await focused(popup)).toBe('undo');
    // Where the focus is as the bar leaves, not a moment later: it is never left on the page's body.
    await popup.evaluate(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="undo"]')) return;
        observer.disconnect();
        const active = document.activeElement;
        document.documentElement.dataset.focusAsUndoLeft = active === null || active === document.body ? 'BODY' : (active.getAttribute('data-testid') ?? active.tagName);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.focusAsUndoLeft)).toBe('search');
    expect(await focused(popup)).toBe('search');
    await popup.close();
  }, 30_000);
});
