import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { PDF, fixture, launchExtension, readStore, type ExtensionBrowser } from './harness';

type WorkerGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/html/2410.24164v1', await fixture('arxiv-html-2410.24164v1.html'));
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  browser.serve('https://arxiv.org/pdf/1706.03762v7', { body: PDF, contentType: 'application/pdf' });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `url` in a tab of the current window without choosing it, as a middle click does; answers its tab id. */
function openInBackground(url: string): Promise<number> {
  return browser.worker.evaluate(async (address) => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const tab = await chrome.tabs.create({ url: address, active: false });
    return tab.id!;
  }, url);
}

function choose(tabId: number): Promise<void> {
  return browser.worker.evaluate(async (id) => {
    await (globalThis as unknown as WorkerGlobal).chrome.tabs.update(id, { active: true });
  }, tabId);
}

/** When the store last marked `id` seen (its visit's time); null if never. */
async function seenAt(id: string): Promise<number | null> {
  return (await readStore<{ at: number } | undefined>(browser, 'seen', id))?.at ?? null;
}

async function recentIds(popup: Page): Promise<(string | null)[]> {
  return popup.getByTestId('recent-item').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-arxiv-id')));
}

describe('tabs opened in the background', () => {
  test("arXiv's HTML view and a PDF opened in the background join Recent only once looked at, in the order they were looked at", async () => {
    const front = await browser.context.newPage();
    await front.goto('https://arxiv.org/abs/1706.03762');
    const html = await openInBackground('https://arxiv.org/html/2410.24164v1');
    const pdf = await openInBackground('https://arxiv.org/pdf/1706.03762v7');
    await front.waitForTimeout(2000);
    let popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => recentIds(popup)).toEqual(['1706.03762']);
    await popup.close();

    // The PDF is looked at first: its visit is recorded (the front page's mark moves on) before the HTML view is chosen.
    const frontSeen = (await seenAt('1706.03762'))!;
    await choose(pdf);
    await expect.poll(() => seenAt('1706.03762')).toBeGreaterThan(frontSeen);
    await choose(html);
    // Its visit recorded (as the PDF's above): polled for, not a fixed second.
    await expect.poll(() => seenAt('2410.24164')).not.toBeNull();
    popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    await expect.poll(() => recentIds(popup)).toEqual(['2410.24164', '1706.03762']);
    await popup.close();
  }, 60_000);
});
