import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { fixture, launchExtension, readStore, type ExtensionBrowser } from './harness';

/** Listing pages, served at the URL each fixture stands for. */
const LISTINGS: Record<string, string> = {
  'https://huggingface.co/papers/date/2024-07-31': 'listings/hf-papers-date-2024-07-31.html',
  'https://huggingface.co/papers/trending': 'listings/hf-papers-trending.html',
  'https://arxiv.org/list/cs.CL/new': 'listings/arxiv-list-cs.CL-new.html',
  'https://arxiv.org/search/?query=hallucination&searchtype=all': 'listings/arxiv-search-hallucination.html',
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  for (const [url, name] of Object.entries(LISTINGS)) browser.serve(url, await fixture(name));
});

afterAll(async () => {
  await browser?.close();
});

const badges = (page: Page) => page.locator('[data-paperlens="badge"]');

/** The page's scroll width, and what it is with our badges taken out of the layout. */
function widths(page: Page) {
  return page.evaluate(() => {
    const shown = document.documentElement.scrollWidth;
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = '[data-paperlens="badge"] { display: none !important; }';
    const without = document.documentElement.scrollWidth;
    style.remove();
    return { shown, without };
  });
}

describe('a narrow window (400 px)', () => {
  test('badges never make a listing wider than it is without them', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    for (const url of Object.keys(LISTINGS)) {
      await page.goto(url);
      await expect.poll(() => badges(page).count(), { message: url }).toBeGreaterThan(0);
      // The store's answers (rank, code link) make the line longer: wait for them.
      await expect.poll(() => page.locator('[data-testid="badge-rank"]').count(), { message: url }).toBeGreaterThan(0);
      const { shown, without } = await widths(page);
      expect({ url, shown }).toEqual({ url, shown: without });
    }
    await page.close();
  });
});

describe('a badge cut to a narrow entry', () => {
  test('keeps its TL;DR toggle and Save in view: the rank gives way first (a 1280 px window at 200% zoom)', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto('https://huggingface.co/papers/trending');
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2310.15539"]');
    await expect.poll(() => badge.getByTestId('badge-rank').count()).toBe(1);
    const shown = await badge.evaluate((host) => {
      const line = host.shadowRoot!.querySelector('.pl-badge')!.getBoundingClientRect();
      const inView = (testId: string) => {
        const box = host.shadowRoot!.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
        return box.width > 0 && box.left >= line.left && box.right <= line.right;
      };
      return { toggle: inView('badge-tldr-toggle'), save: inView('badge-save'), rankCut: host.shadowRoot!.querySelector('[data-testid="badge-rank"]')!.scrollWidth > host.shadowRoot!.querySelector('[data-testid="badge-rank"]')!.clientWidth };
    });
    expect(shown).toEqual({ toggle: true, save: true, rankCut: true });
    await page.close();
  });
});

/** Opens `url` in a window `width` px wide, and saves then removes `id` from its badge: "Removed · Undo" is offered. */
async function removeFromBadge(url: string, width: number, id: string) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url);
  // The store's answers (rank, code link) make the line longer: wait for them.
  await expect.poll(() => page.locator('[data-testid="badge-rank"]').count()).toBeGreaterThan(0);
  const badge = page.locator(`[data-paperlens="badge"][data-arxiv-id="${id}"]`);
  const save = badge.getByTestId('badge-save');
  const oneLine = await badge.evaluate((host) => host.getBoundingClientRect().height);
  await save.click();
  await expect.poll(() => save.textContent()).toBe('Saved');
  await save.click();
  await badge.getByTestId('badge-undo').waitFor();
  return { page, badge, save, oneLine };
}

describe('Undo after a removal from a badge cut to a narrow entry', () => {
  // Hugging Face's trending cards at 640 px (a 1280 px window at 200% zoom), about 200 px wide, one
  // with a rank and a code link to give way, one without; an arXiv listing in a 300 px window, its
  // entries 240 px wide.
  test.each([
    ['https://huggingface.co/papers/trending', 640, '2310.15539'],
    ['https://huggingface.co/papers/trending', 640, '2405.19715'],
    ['https://arxiv.org/list/cs.CL/new', 300, '2310.01779'],
  ] as const)('%s at %i px, paper %s: Undo is whole in view, a mouse click on it saves the paper again, the badge keeps its one line', async (url, width, id) => {
    const { page, badge, save, oneLine } = await removeFromBadge(url, width, id);
    const shown = await badge.getByTestId('badge-undo').evaluate((button) => {
      // The line shows what lies within its padding box (overflow-x: clip).
      const line = button.closest('.pl-badge')!;
      const edges = line.getBoundingClientRect();
      const box = button.getBoundingClientRect();
      return { whole: box.left >= edges.left + line.clientLeft && box.right <= edges.right - line.clientLeft, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    expect(await badge.evaluate((host) => host.getBoundingClientRect().height)).toBe(oneLine);
    // A real click where Undo is drawn: what the page shows there gets it.
    await page.mouse.click(shown.x, shown.y);
    const savedAgain = await expect.poll(() => save.textContent(), { timeout: 3000 }).toBe('Saved').then(() => true, () => false);
    const stored = await readStore<SavedItem | undefined>(browser, 'saved', id);
    expect({ whole: shown.whole, savedAgain, stored: stored?.id }).toEqual({ whole: true, savedAgain: true, stored: id });
    await page.close();
  });

  test('with room for it once the rank and code link give way, "Removed · " is shown before Undo (Hugging Face\'s trending cards at 800 px)', async () => {
    const { page, badge } = await removeFromBadge('https://huggingface.co/papers/trending', 800, '2407.13623');
    const shown = await badge.getByTestId('badge-undo').evaluate((button) => {
      const offer = button.parentElement!;
      const said = document.createRange();
      said.selectNodeContents(offer.firstChild!);
      const text = said.getBoundingClientRect();
      const box = offer.getBoundingClientRect();
      const rank = (button.getRootNode() as ShadowRoot).querySelector('[data-testid="badge-rank"]')!;
      // On the offer's one line (not on the second, cut off), before Undo.
      return { text: offer.firstChild!.textContent, onItsLine: text.top >= box.top && text.bottom <= box.bottom && text.left >= box.left && text.right <= button.getBoundingClientRect().left, rankCut: rank.scrollWidth > rank.clientWidth };
    });
    expect(shown).toEqual({ text: 'Removed · ', onItsLine: true, rankCut: true });
    await page.close();
  });
});
