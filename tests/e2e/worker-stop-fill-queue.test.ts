import { afterEach, describe, expect, test } from 'vitest';
import { clickSaveLinkMenu, fixture, launchExtension, listSavedFrom, type ExtensionBrowser } from './harness';
import { lingerAfterNextChange, stopWorker } from './worker-stop';

// A paper saved bare (a link, a PDF tab, an id) is completed from its arXiv page by a queue the
// worker keeps in the store (src/feed/arxiv-fill.ts). The paper joins that queue in a step of its
// own, after the save: a worker stopped between the two leaves a saved paper no later worker
// completes (the start-up sweep of papers lacking details runs once per extension version).
// To stop the worker at that moment every time, it is made to linger (5 s) right after the save
// (worker-stop.ts).

const opened: ExtensionBrowser[] = [];

afterEach(async () => {
  for (const browser of opened.splice(0)) await browser.close().catch(() => undefined);
});

describe('the arXiv completion queue when the worker stops', () => {
  test('a link saved bare just as the worker stops still gets its title, authors and TL;DR from its arXiv page once a new worker runs', async () => {
    const browser = await launchExtension();
    opened.push(browser);
    browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
    browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2310.01779');
    // The worker's start-up (its sweep for papers lacking details, 2 s in) and the tab's own events are over.
    await page.waitForTimeout(3_000);

    await lingerAfterNextChange(browser.worker);
    await clickSaveLinkMenu(browser, 'https://arxiv.org/abs/1706.03762');
    await page.waitForTimeout(800);
    await stopWorker(page);

    // Saved under its id (asked of a new worker)…
    await expect.poll(async () => (await listSavedFrom(options)).find((item) => item.id === '1706.03762')?.title).toBe('arXiv:1706.03762');
    // …and completed from its arXiv page by the new worker (it starts on the question above and
    // goes on with the queue 2 s in; one request, at most 3 s apart).
    await expect
      .poll(async () => (await listSavedFrom(options)).find((item) => item.id === '1706.03762')?.title, { timeout: 15_000 })
      .toBe('Attention Is All You Need');
    const completed = (await listSavedFrom(options)).find((item) => item.id === '1706.03762')!;
    expect(completed.authors).toContain('Ashish Vaswani');
    expect(completed.tldr).toMatch(/Transformer/);
  }, 60_000);
});
