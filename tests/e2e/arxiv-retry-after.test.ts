import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { launchExtension, type ExtensionBrowser, PDF, pressSaveShortcut, clickSaveLinkMenu } from './harness';

type WorkerGlobal = { chrome: typeof Browser };

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

    await pressSaveShortcut(browser);
    await expect.poll(retryInMinutes).toBe(60);
    await clickSaveLinkMenu(browser, 'https://arxiv.org/abs/2501.00001');
    // Both saves would have asked arXiv again within 3 s of each other.
    await pdf.waitForTimeout(4_000);
    expect(arxivRequests).toHaveLength(1);
    expect(await retryInMinutes()).toBe(60);
    await pdf.close();
  });
});
