import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, PDF, pressSaveShortcut, readStore, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
  browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
});

afterAll(async () => {
  await browser?.close();
});

/** Every error the page's console or any of its scripts (the isolated worlds too) report. */
async function problems(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.push(`console: ${message.text()}`);
  });
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (event: { exceptionDetails: { text: string; exception?: { description?: string } } }) =>
    seen.push(`exception: ${event.exceptionDetails.exception?.description ?? event.exceptionDetails.text}`),
  );
  await cdp.send('Runtime.enable');
  return seen;
}

/** What Chrome does after an install or update (headless Chromium cannot update or reload an unpacked extension). */
function dispatchInstalled(worker: Worker, reason: 'install' | 'update'): Promise<void> {
  return worker.evaluate((why) => {
    const { runtime } = (globalThis as unknown as { chrome: { runtime: { onInstalled: { dispatch: (details: unknown) => void } } } }).chrome;
    runtime.onInstalled.dispatch(why === 'update' ? { reason: why, previousVersion: '0.0.9' } : { reason: why });
  }, reason);
}

/**
 * Turns the extension off and on again from chrome://extensions (what an update or a reload does
 * to open pages: their content scripts lose the extension) and returns its new worker.
 */
async function reloadExtension(whileOff?: () => Promise<void>): Promise<Worker> {
  const old = browser.worker;
  const manager = await browser.context.newPage();
  await manager.goto('chrome://extensions');
  type Management = { chrome: { management: { setEnabled: (id: string, enabled: boolean) => Promise<void> } } };
  await manager.evaluate((id) => (globalThis as unknown as Management).chrome.management.setEnabled(id, false), browser.extensionId);
  await whileOff?.();
  await manager.evaluate((id) => (globalThis as unknown as Management).chrome.management.setEnabled(id, true), browser.extensionId);
  await expect.poll(() => browser.context.serviceWorkers().filter((worker) => worker !== old).length, { timeout: 15000 }).toBeGreaterThan(0);
  await manager.close();
  return browser.context.serviceWorkers().find((worker) => worker !== old)!;
}

describe('the extension reloaded or updated while pages are open', () => {
  test('cards and badges of the old extension leave the open pages instead of staying with dead controls ("Extension context invalidated."); a page reload brings them back', async () => {
    const abs = await browser.context.newPage();
    const absProblems = await problems(abs);
    await abs.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(abs).count()).toBe(1);
    const listing = await browser.context.newPage();
    const listingProblems = await problems(listing);
    await listing.goto('https://arxiv.org/list/cs.CL/new');
    await expect.poll(() => listing.locator('[data-paperlens="badge"]').count()).toBe(10);
    const hf = await browser.context.newPage();
    const hfProblems = await problems(hf);
    await hf.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(hf).count()).toBe(1);

    browser.worker = await reloadExtension();
    // The reader goes back to the open tabs a few seconds later: what is left of the old
    // extension's UI must not offer a Save that cannot work.
    await abs.waitForTimeout(3000);
    const left = { absCards: await card(abs).count(), badges: await listing.locator('[data-paperlens="badge"]').count(), hfCards: await card(hf).count() };
    let saidOnSave = '';
    if (left.absCards > 0) {
      await card(abs).getByTestId('save').click();
      await abs.waitForTimeout(500);
      saidOnSave = (await card(abs).locator('article').textContent()) ?? '';
    }
    expect.soft(saidOnSave).not.toContain('Extension context invalidated');
    expect.soft(left).toEqual({ absCards: 0, badges: 0, hfCards: 0 });
    expect.soft({ absProblems, listingProblems, hfProblems }).toEqual({ absProblems: [], listingProblems: [], hfProblems: [] });

    // A reload of each page brings the new extension's card and badges, which work.
    await abs.reload();
    await expect.poll(() => card(abs).count()).toBe(1);
    await card(abs).getByTestId('save').click();
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe('Saved');
    await listing.reload();
    await expect.poll(() => listing.locator('[data-paperlens="badge"]').count()).toBe(10);
    await expect.poll(() => listing.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]').getByTestId('badge-save').textContent()).toBe('Saved');
    await hf.reload();
    await expect.poll(() => card(hf).count()).toBe(1);
    await expect.poll(() => card(hf).getByTestId('save').textContent()).toBe('Saved');
    expect({ absProblems, listingProblems, hfProblems }).toEqual({ absProblems: [], listingProblems: [], hfProblems: [] });
  });

  test('an install or update: the paper tabs open at that moment get the new extension\'s card and badges, which work, without a reload', async () => {
    const abs = await browser.context.newPage();
    const absProblems = await problems(abs);
    await abs.goto('https://arxiv.org/abs/2310.01779');
    const listing = await browser.context.newPage();
    const listingProblems = await problems(listing);
    await listing.goto('https://arxiv.org/list/cs.CL/new');
    const hf = await browser.context.newPage();
    const hfProblems = await problems(hf);
    await hf.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(hf).count()).toBe(1);

    browser.worker = await reloadExtension();
    await expect.poll(async () => (await card(abs).count()) + (await listing.locator('[data-paperlens="badge"]').count()) + (await card(hf).count())).toBe(0);
    // Disabled and enabled, the pages' scripts are orphaned as by an update; then its event.
    await dispatchInstalled(browser.worker, 'update');
    await expect.poll(() => card(abs).count()).toBe(1);
    await expect.poll(() => listing.locator('[data-paperlens="badge"]').count()).toBe(10);
    await expect.poll(() => card(hf).count()).toBe(1);
    const saved = (await card(abs).getByTestId('save').textContent()) === 'Saved';
    await card(abs).getByTestId('save').click();
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe(saved ? 'Save' : 'Saved');
    await expect.poll(() => listing.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]').getByTestId('badge-save').textContent()).toBe(saved ? 'Save' : 'Saved');
    expect({ absProblems, listingProblems, hfProblems }).toEqual({ absProblems: [], listingProblems: [], hfProblems: [] });
  });

  test('an install while a listing runs the scripts already (it loaded after the extension): its badges stay, and a click on one is not lost', async () => {
    const listing = await browser.context.newPage();
    const listingProblems = await problems(listing);
    await listing.goto('https://arxiv.org/list/cs.CL/new');
    const badges = listing.locator('[data-paperlens="badge"]');
    await expect.poll(() => badges.count()).toBe(10);
    // Badges made again would not carry this.
    await badges.evaluateAll((hosts) => hosts.forEach((host) => host.setAttribute('data-first', '')));
    await dispatchInstalled(browser.worker, 'install');
    const badge = listing.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]');
    const saved = (await badge.getByTestId('badge-save').textContent()) === 'Saved';
    await badge.getByTestId('badge-save').click();
    // Long enough for the scripts run again to have replaced the badges (about 100 ms here).
    await listing.waitForTimeout(2000);
    expect(await listing.locator('[data-paperlens="badge"][data-first]').count()).toBe(10);
    await expect.poll(() => badge.getByTestId('badge-save').textContent()).toBe(saved ? 'Save' : 'Saved');
    expect(listingProblems).toEqual([]);
  });

  test('an install that catches a paper page while it loads: the page gets the start script it missed, and the shortcut saves the page\'s authors without asking arXiv', async () => {
    const pageUrl = 'https://arxiv.org/abs/1706.03762';
    const slowUrl = 'https://arxiv.org/static/held.js';
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    browser.serve(slowUrl, async (route) => {
      await held;
      await route.fulfill({ body: '', contentType: 'text/javascript' });
    });
    // A script that blocks the parser: the page is still loading when PaperLens is installed.
    browser.serve(pageUrl, (await fixture('arxiv-abs-1706.03762.html')).replace('<body', `<script src="${slowUrl}"></script><body`));
    let page: Page | undefined;
    browser.worker = await reloadExtension(async () => {
      page = await browser.context.newPage();
      void page.goto(pageUrl).catch(() => undefined);
      await expect.poll(() => browser.requests.some((request) => request.url() === slowUrl)).toBe(true);
    });
    await dispatchInstalled(browser.worker, 'install');
    release();
    await expect.poll(() => card(page!).count()).toBe(1);
    await page!.bringToFront();
    const asked = browser.requests.length;
    await pressSaveShortcut(browser);
    const savedAuthors = async () => (await readStore<{ id: string; authors: string[] }[]>(browser, 'saved')).find((item) => item.id === '1706.03762')?.authors ?? null;
    await expect.poll(savedAuthors).toContain('Ashish Vaswani');
    expect(browser.requests.slice(asked).filter((request) => request.url().startsWith('https://arxiv.org/'))).toEqual([]);
  });

  test('an install: the arXiv PDF being read is in Recent, as one opened after it is', async () => {
    const pdfUrl = 'https://arxiv.org/pdf/2402.18041';
    browser.serve(pdfUrl, { body: PDF, contentType: 'application/pdf' });
    let pdf: Page | undefined;
    // Loaded while PaperLens is not there to see it, as in the seconds before an install.
    browser.worker = await reloadExtension(async () => {
      pdf = await browser.context.newPage();
      await pdf.goto(pdfUrl).catch(() => undefined); // the PDF viewer may not report a load
      // Loaded once Chrome's PDF viewer (a frame of its own) has loaded.
      const viewer = () => pdf!.frames().find((frame) => frame.url().startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'));
      await expect.poll(() => viewer() !== undefined).toBe(true);
      await viewer()!.waitForLoadState('load');
    });
    await pdf!.bringToFront();
    const seenIds = async () => (await readStore<{ id: string }[]>(browser, 'seen')).map((seen) => seen.id);
    expect(await seenIds()).not.toContain('2402.18041');
    await dispatchInstalled(browser.worker, 'install');
    await expect.poll(seenIds).toContain('2402.18041');
    await expect.poll(() => pdf!.title()).toBe('Datasets for Large Language Models: A Comprehensive Survey | arXiv 2402.18041');
  });
});
