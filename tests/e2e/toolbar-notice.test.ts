import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser, pressSaveShortcut, toolbarLook } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
});

afterAll(async () => {
  await browser?.close();
});

const toolbarBadge = async () => (await toolbarLook(browser)).badge;

describe('a notice on the toolbar icon', () => {
  test("the shortcut's '?' on a listing does not follow the tab to the paper opened next: that paper's status shows", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    await pressSaveShortcut(browser);
    await expect.poll(toolbarBadge).toBe('•');

    await page.goto('https://arxiv.org/list/cs.CL/new');
    await pressSaveShortcut(browser);
    await expect.poll(toolbarBadge).toBe('?');
    await page.goto('https://arxiv.org/abs/2310.01779');
    // The notice lasts 4 s: within a second of the page the status is back.
    await expect.poll(toolbarBadge, { timeout: 1_000 }).toBe('•');
    await page.close();
  });
});
