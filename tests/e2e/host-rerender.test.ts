import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

// A host page that re-renders or guards its own DOM: PaperLens's card and badges come back once,
// never duplicated, and never at the cost of the page.

let browser: ExtensionBrowser;

// The page's own script keeps its DOM to itself: whatever it did not render is taken out as soon
// as it appears (as a framework that reconciles on every mutation, or an ad/extension guard, does).
const GUARD = `<script>
  window.__takenOut = 0;
  new MutationObserver(() => {
    for (const node of document.querySelectorAll('[data-paperlens]')) { node.remove(); window.__takenOut++; }
  }).observe(document.body, { childList: true, subtree: true });
</script></body>`;

/** Whether the page still runs its own tasks: a timer it sets fires within 8 s. */
async function timerFires(page: Page): Promise<boolean> {
  const fired = page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 500)));
  const gaveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), 8_000));
  return (await Promise.race([fired, gaveUp])) === true;
}

async function guardedPages(target: ExtensionBrowser): Promise<void> {
  target.serve('https://arxiv.org/abs/2310.01779v3', (await fixture('arxiv-abs-2310.01779v3.html')).replace('</body>', GUARD));
  target.serve('https://arxiv.org/list/cs.CL/new', (await fixture('listings/arxiv-list-cs.CL-new.html')).replace('</body>', GUARD));
}

beforeAll(async () => {
  browser = await launchExtension();
  await guardedPages(browser);
  browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('a page that takes out nodes it did not render', () => {
  test('an abstract page: the page keeps running (the card gives up rather than fight for its place)', async () => {
    // Without PaperLens the guarded page runs normally: what stops it below is PaperLens.
    const plain = await launchExtension({ withExtension: false });
    try {
      await guardedPages(plain);
      const control = await plain.context.newPage();
      await control.goto('https://arxiv.org/abs/2310.01779v3', { waitUntil: 'domcontentloaded' });
      expect(await timerFires(control)).toBe(true);
    } finally {
      await plain.close();
    }
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779v3', { waitUntil: 'domcontentloaded' });
    // Without the fix the card is put back in the same microtask checkpoint each time the page takes it
    // out: the two observers feed each other forever and the page's main thread never gets a task again.
    expect(await timerFires(page)).toBe(true);
    await page.close();
  });

  test('a listing: the page keeps running (badges give up rather than fight for their place)', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new', { waitUntil: 'domcontentloaded' });
    expect(await timerFires(page)).toBe(true);
    await page.close();
  });
});

describe('a page that re-renders its whole body from its HTML', () => {
  test('exactly one card remains, the live one: no empty copy of its host is left in the page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(page).count()).toBe(1);
    // As a client that re-renders from markup does: our host is copied as an empty element
    // (a shadow root is not part of innerHTML), the original is gone.
    await page.evaluate(() => {
      document.body.innerHTML = document.body.innerHTML;
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-paperlens="card"]')?.shadowRoot !== null)).toBe(true);
    await page.waitForTimeout(500);
    // Without the fix: two hosts, the card and, right after the abstract, the empty copy the page made.
    const hosts = await page.evaluate(() => [...document.querySelectorAll('[data-paperlens="card"]')].map((host) => host.shadowRoot !== null));
    expect(hosts).toEqual([true]);
    await page.close();
  });
});

describe('a listing whose entries the page re-renders one after another', () => {
  // A page script (or a userscript adding citation counts) rebuilding each entry's title block once,
  // 40 ms apart as its data comes in: `replace` swaps in a copy, `markup` re-renders from its HTML.
  const staggered = (how: 'replace' | 'markup') => `<script>
    window.addEventListener('load', () => setTimeout(() => {
      [...document.querySelectorAll('dl > dd .meta')].forEach((meta, i) => setTimeout(() => {
        if (${JSON.stringify(how)} === 'markup') meta.innerHTML = meta.innerHTML;
        else meta.replaceWith(meta.cloneNode(true));
        meta.ownerDocument.querySelectorAll('dl > dd .meta')[i].dataset.rerendered = 'yes';
      }, 40 * i));
    }, 500));
  </script></body>`;

  test.each(['replace', 'markup'] as const)('every entry keeps a live badge (%s)', async (how) => {
    const html = await fixture('listings/arxiv-list-cs.CL-new.html');
    // A busier day: 20 more entries (the first one's markup under other ids).
    const first = html.indexOf('<dt>');
    const second = html.indexOf('<dt>', first + 1);
    const more = Array.from({ length: 20 }, (_, i) => html.slice(first, second).replaceAll('2407.21001', `2407.${31001 + i}`)).join('');
    const url = `https://arxiv.org/list/cs.CL/new?rerender=${how}`;
    browser.serve(url, (html.slice(0, second) + more + html.slice(second)).replace('</body>', staggered(how)));
    const page = await browser.context.newPage();
    await page.goto(url);
    const entries = await page.locator('dl > dd').count();
    expect(entries).toBeGreaterThan(20);
    await expect.poll(() => page.locator('dl > dd .meta[data-rerendered]').count(), { timeout: 10_000 }).toBe(entries);
    // Without the fix the first ten re-rendered got their badge back, then none did (a page-wide allowance
    // of put-backs ran out), and `markup` left empty copies of the host in their place.
    const liveBadges = () => page.evaluate(() => [...document.querySelectorAll('dl > dd')].filter((dd) => dd.querySelectorAll('[data-paperlens="badge"]').length === 1 && dd.querySelector('[data-paperlens="badge"]')!.shadowRoot !== null).length);
    await expect.poll(liveBadges).toBe(entries);
    await page.close();
  });
});
