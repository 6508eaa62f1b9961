import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { launchExtension, type ExtensionBrowser } from './harness';

type WorkerGlobal = { chrome: typeof Browser };
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF';

let browser: ExtensionBrowser;
const arxivRequests: string[] = [];

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/pdf/2501.00001', { body: PDF, contentType: 'application/pdf' });
  browser.serve('https://arxiv.org/abs/2501.00001', async (route) => {
    arxivRequests.push(route.request().url());
    await route.fulfill({ status: 429, headers: { 'retry-after': '3600' }, body: 'Rate exceeded.' });
  });
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

async function clickSaveLinkMenu(linkUrl: string) {
  await browser.worker.evaluate(async (link) => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.contextMenus.onClicked as unknown as { dispatch: (info: unknown, tab: unknown) => void }).dispatch({ menuItemId: 'save-paper-link', linkUrl: link, editable: false, pageUrl: tab?.url }, tab);
  }, linkUrl);
}

const retryInMinutes = () =>
  browser.worker.evaluate(async () => {
    const alarm = await (globalThis as unknown as WorkerGlobal).chrome.alarms.get('arxiv-complete-retry');
    return alarm ? Math.round((alarm.scheduledTime - Date.now()) / 60_000) : null;
  });

describe("arXiv's Retry-After", () => {
  test('a 429 asking for an hour (answered to a PDF tab naming itself): the shortcut and the link menu send arXiv nothing more, and the completion is retried in an hour', async () => {
    const pdf = await browser.context.newPage();
    await pdf.goto('https://arxiv.org/pdf/2501.00001').catch(() => undefined);
    await expect.poll(() => arxivRequests.length).toBe(1);

    await pressSaveShortcut();
    await expect.poll(retryInMinutes).toBe(60);
    await clickSaveLinkMenu('https://arxiv.org/abs/2501.00001');
    // Both saves would have asked arXiv again within 3 s of each other.
    await pdf.waitForTimeout(4_000);
    expect(arxivRequests).toHaveLength(1);
    expect(await retryInMinutes()).toBe(60);
    await pdf.close();
  });
});
