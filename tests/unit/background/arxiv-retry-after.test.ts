// arXiv's Retry-After across a worker stopped while idle and started again (MV3).
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { profile } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** arXiv busy: every abstract page is answered 429, asking to wait an hour. */
function arxivAsksToWait(asked: string[]) {
  const seedFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('https://arxiv.org/abs/')) {
      asked.push(url);
      return new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '3600' } });
    }
    return seedFetch(input, init);
  });
}

describe("arXiv's Retry-After", () => {
  test('still holds requests after the worker was stopped and started again (MV3 stops an idle worker within a minute)', { timeout: 20_000 }, async () => {
    const browser = await profile();
    const asked: string[] = [];
    browser.start();
    await browser.seeded();
    arxivAsksToWait(asked);
    // A PDF tab's title (or the popup, or a badge's TL;DR) asks for a paper's arXiv page: 429, wait an hour.
    await fakeBrowser.runtime.sendMessage({ type: 'arxivPage', id: '2501.00001' });
    expect(asked).toHaveLength(1);
    await fakeBrowser.runtime.sendMessage({ type: 'arxivPage', id: '2501.00002' });
    expect(asked).toHaveLength(1); // held, as promised

    // The worker is stopped while idle and woken by the next question, a minute later.
    browser.start();
    arxivAsksToWait(asked);
    await fakeBrowser.runtime.sendMessage({ type: 'arxivPage', id: '2501.00003' });
    expect(asked).toHaveLength(1);
  });
});
