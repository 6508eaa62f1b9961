import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

type WorkerGlobal = { chrome: typeof Browser };
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function pressSaveShortcut() {
  await browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.commands.onCommand as unknown as { dispatch: (command: string, tab: unknown) => void }).dispatch('save-paper', tab);
  });
}

const toolbarBadge = () =>
  browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab!.id! });
  });

describe('a notice on the toolbar icon', () => {
  test("the shortcut's '?' on a listing does not follow the tab to the paper opened next: that paper's status shows", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    await pressSaveShortcut();
    await expect.poll(toolbarBadge).toBe('•');

    await page.goto('https://arxiv.org/list/cs.CL/new');
    await pressSaveShortcut();
    await expect.poll(toolbarBadge).toBe('?');
    await page.goto('https://arxiv.org/abs/2310.01779');
    // The notice lasts 4 s: within a second of the page the status is back.
    await expect.poll(toolbarBadge, { timeout: 1_000 }).toBe('•');
    await page.close();
  });
});
