import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

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

/**
 * Turns the extension off and on again from chrome://extensions (what an update or a reload does
 * to open pages: their content scripts lose the extension) and returns its new worker.
 */
async function reloadExtension(): Promise<Worker> {
  const old = browser.worker;
  const manager = await browser.context.newPage();
  await manager.goto('chrome://extensions');
  type Management = { chrome: { management: { setEnabled: (id: string, enabled: boolean) => Promise<void> } } };
  await manager.evaluate((id) => (globalThis as unknown as Management).chrome.management.setEnabled(id, false), browser.extensionId);
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
    // What Chrome does after an update (headless Chromium cannot update or reload an unpacked
    // extension: the test disables and enables it, which orphans the pages' scripts alike).
    await browser.worker.evaluate(() => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { onInstalled: { dispatch: (details: unknown) => void } } } }).chrome;
      runtime.onInstalled.dispatch({ reason: 'update', previousVersion: '0.0.9' });
    });
    await expect.poll(() => card(abs).count()).toBe(1);
    await expect.poll(() => listing.locator('[data-paperlens="badge"]').count()).toBe(10);
    await expect.poll(() => card(hf).count()).toBe(1);
    const saved = (await card(abs).getByTestId('save').textContent()) === 'Saved';
    await card(abs).getByTestId('save').click();
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe(saved ? 'Save' : 'Saved');
    await expect.poll(() => listing.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]').getByTestId('badge-save').textContent()).toBe(saved ? 'Save' : 'Saved');
    expect({ absProblems, listingProblems, hfProblems }).toEqual({ absProblems: [], listingProblems: [], hfProblems: [] });
  });
});
