import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, setSwitch, type ExtensionBrowser } from './harness';

/** Every listing page kind, served at the URL its fixture stands for. */
const PAGES: Record<string, string> = {
  'https://arxiv.org/list/cs.CL/new': 'listings/arxiv-list-cs.CL-new.html',
  'https://arxiv.org/list/cs.CL/recent': 'listings/arxiv-list-cs.CL-recent.html',
  'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25': 'listings/arxiv-list-cs.LG-pastweek.html',
  'https://arxiv.org/list/hep-th/9901?skip=0&show=25': 'listings/arxiv-list-hep-th-9901.html',
  'https://arxiv.org/catchup/cs.CL/2024-07-29': 'listings/arxiv-catchup-cs.CL-2024-07-29.html',
  'https://arxiv.org/search/?query=hallucination&searchtype=all': 'listings/arxiv-search-hallucination.html',
  'https://arxiv.org/a/vaswani_a_1': 'listings/arxiv-author-vaswani_a_1.html',
  'https://arxiv.org/list/math.HO/new': 'listings/arxiv-list-math.HO-new-empty.html',
  'https://arxiv.org/list/cs.XX/new': 'listings/arxiv-list-not-recognized.html',
  'https://huggingface.co/papers': 'listings/hf-papers-redirect.html',
  'https://huggingface.co/papers/date/2024-07-31': 'listings/hf-papers-date-2024-07-31.html',
  'https://huggingface.co/papers/week/2024-W31': 'listings/hf-papers-week-2024-W31.html',
  'https://huggingface.co/papers/month/2024-07': 'listings/hf-papers-month-2024-07.html',
  'https://huggingface.co/papers/trending': 'listings/hf-papers-trending.html',
  'https://huggingface.co/papers/2310.01779': 'hf-paper-2310.01779.html',
  'https://arxiv.org/abs/2310.01779': 'arxiv-abs-2310.01779v3.html',
};

async function serveAll(browser: ExtensionBrowser): Promise<void> {
  for (const [url, name] of Object.entries(PAGES)) browser.serve(url, await fixture(name));
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serveAll(browser);
});

afterAll(async () => {
  await browser?.close();
});

const badges = (page: Page) => page.locator('[data-paperlens="badge"]');
const badgeOf = (page: Page, id: string) => page.locator(`[data-paperlens="badge"][data-arxiv-id="${id}"]`);

/** Page errors and console errors/warnings, for the pages that must throw nothing. */
function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (error) => seen.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.push(message.text());
  });
  return seen;
}

/** What the page shows: its entries (as the page's own markup has them) and where each badge sits. */
function layout(page: Page) {
  return page.evaluate(() => {
    const arxivEntries = [...document.querySelectorAll('dl > dt')].filter((dt) => dt.querySelector('a[title="Abstract"]'));
    const entries = arxivEntries.length + document.querySelectorAll('li.arxiv-result, article').length;
    const hosts = [...document.querySelectorAll('[data-paperlens="badge"]')];
    return {
      entries,
      badges: hosts.length,
      afterTitles: hosts.every((host) => host.previousElementSibling?.matches('.list-title, p.title, h3') && host.shadowRoot !== null),
      ids: new Set(hosts.map((host) => host.closest('dd, li, article'))).size,
      // Each badge adds at most one line to its entry.
      oneLine: hosts.every((host) => host.getBoundingClientRect().height <= 24),
    };
  });
}

/**
 * Where the focused control's ring is cut off, in px per side (0 where the whole ring shows): the
 * ring's box (the control's box grown by the outline's offset and width) against the box its
 * clipping ancestors leave visible (overflow other than visible, or paint containment, which
 * content-visibility: auto brings; the last two let paint reach overflow-clip-margin beyond),
 * across the badge's shadow boundary up to the page's root.
 */
function ringCutOff(control: Element) {
  const style = getComputedStyle(control);
  const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  const box = control.getBoundingClientRect();
  const ring = { top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach, left: box.left - reach };
  const shown = { top: -Infinity, right: Infinity, bottom: Infinity, left: -Infinity };
  const parentOf = (node: Element) => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  for (let node = parentOf(control); node && node !== document.body && node !== document.documentElement; node = parentOf(node)) {
    const css = getComputedStyle(node);
    const paint = /paint|strict|content/.test(css.contain) || css.contentVisibility === 'auto';
    const margin = parseFloat(/([\d.]+)px/.exec(css.overflowClipMargin)?.[1] ?? '0');
    // How far beyond its padding box the node paints along an axis; null: no clip along it.
    const beyond = (overflow: string) => (['hidden', 'auto', 'scroll'].includes(overflow) ? 0 : paint || overflow === 'clip' ? margin : null);
    const outer = node.getBoundingClientRect();
    const left = outer.left + node.clientLeft;
    const top = outer.top + node.clientTop;
    const x = beyond(css.overflowX);
    const y = beyond(css.overflowY);
    if (x !== null) Object.assign(shown, { left: Math.max(shown.left, left - x), right: Math.min(shown.right, left + node.clientWidth + x) });
    if (y !== null) Object.assign(shown, { top: Math.max(shown.top, top - y), bottom: Math.min(shown.bottom, top + node.clientHeight + y) });
  }
  return {
    ring: style.outlineStyle !== 'none' && reach > 0 && control.matches(':focus-visible'),
    cut: { top: Math.max(0, shown.top - ring.top), right: Math.max(0, ring.right - shown.right), bottom: Math.max(0, ring.bottom - shown.bottom), left: Math.max(0, shown.left - ring.left) },
  };
}

describe('badges on listing pages', () => {
  test('every entry of every page kind gets exactly one badge, right after its title', async () => {
    const page = await browser.context.newPage();
    const expected: [string, number][] = [
      ['https://arxiv.org/list/cs.CL/new', 10],
      ['https://arxiv.org/list/cs.CL/recent', 5],
      ['https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25', 4],
      ['https://arxiv.org/list/hep-th/9901?skip=0&show=25', 3],
      ['https://arxiv.org/catchup/cs.CL/2024-07-29', 3],
      ['https://arxiv.org/search/?query=hallucination&searchtype=all', 3],
      ['https://arxiv.org/a/vaswani_a_1', 3],
      ['https://huggingface.co/papers/date/2024-07-31', 5],
      ['https://huggingface.co/papers/week/2024-W31', 4],
      ['https://huggingface.co/papers/month/2024-07', 5],
      ['https://huggingface.co/papers/trending', 3],
    ];
    for (const [url, count] of expected) {
      await page.goto(url);
      await expect.poll(() => badges(page).count(), { message: url }).toBe(count);
      expect(await layout(page), url).toEqual({ entries: count, badges: count, afterTitles: true, ids: count, oneLine: true });
    }
    // /papers redirects to the latest day.
    await page.goto('https://huggingface.co/papers');
    await expect.poll(() => page.url()).toBe('https://huggingface.co/papers/date/2024-07-31');
    await expect.poll(() => badges(page).count()).toBe(5);
    // Store knowledge: rank of a seeded paper, old-style ids.
    await page.goto('https://arxiv.org/list/cs.CL/new');
    await expect.poll(() => badgeOf(page, '2310.01779').getByTestId('badge-rank').textContent()).toBe('#1 daily · Jul 30, 2025');
    // A screen reader tells one entry's Save from the next: each badge's group and controls are named by its paper's title.
    const name = '“HallE-Control: Controlling Object Hallucination in Large Multimodal Models”';
    expect(await badgeOf(page, '2310.01779').getByRole('group').getAttribute('aria-label')).toBe(`PaperLens, ${name}`);
    expect(await badgeOf(page, '2310.01779').getByRole('button', { name: `Save ${name}`, exact: true }).count()).toBe(1);
    expect(await badgeOf(page, '2407.21001').getByTestId('badge-code-link').getAttribute('href')).toBe('https://github.com/example/tiny-lm');
    await page.goto('https://arxiv.org/list/hep-th/9901?skip=0&show=25');
    await expect.poll(() => badgeOf(page, 'hep-th/9901001').count()).toBe(1);
    // Hugging Face's weekly list titles SpecDec++ "…Candidate Length" (the store: "…Lengths") over a
    // shortened abstract: its TL;DR is the store's, as on every other page (QA).
    await page.goto('https://huggingface.co/papers/week/2024-W31');
    const specDec = badgeOf(page, '2405.19715');
    await specDec.getByTestId('badge-tldr-toggle').click();
    await expect.poll(() => specDec.getByTestId('badge-tldr').textContent()).toMatch(/^We propose SpecDec\+\+, an enhanced version of speculative decoding/);
    await page.close();
  });

  test('saving from a badge shows Saved on that paper’s abstract-page card', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/search/?query=hallucination&searchtype=all');
    const save = badgeOf(page, '2310.01779').getByTestId('badge-save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Saved');
    expect(await badgeOf(page, '2310.01779').getByTestId('badge-status').inputValue()).toBe('to-read');
    await badgeOf(page, '2310.01779').getByTestId('badge-status').selectOption('reading');

    const abs = await browser.context.newPage();
    await abs.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe('Saved');
    // The badge's status change may still be on its way to the store when this page asks; the open page follows it.
    await expect.poll(() => card(abs).getByTestId('status').inputValue()).toBe('reading');
    await abs.close();
    // Another listing of the same paper shows it saved too.
    await page.goto('https://huggingface.co/papers/date/2024-07-31');
    await page.goto('https://arxiv.org/list/cs.CL/new');
    await expect.poll(() => badgeOf(page, '2310.01779').getByTestId('badge-save').textContent()).toBe('Saved');
    // Removing it from a badge can be undone, and it comes back as it was. From the keyboard,
    // focus stays on the badge: on Save while it works, back on Save after Undo.
    const focused = () => badgeOf(page, '2310.01779').evaluate((host) => host.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null);
    await badgeOf(page, '2310.01779').getByTestId('badge-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => badgeOf(page, '2310.01779').getByTestId('badge-save').textContent()).toBe('Save');
    expect(await focused()).toBe('badge-save');
    await badgeOf(page, '2310.01779').getByTestId('badge-undo').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => badgeOf(page, '2310.01779').getByTestId('badge-save').textContent()).toBe('Saved');
    await expect.poll(focused).toBe('badge-save');
    expect(await badgeOf(page, '2310.01779').getByTestId('badge-status').inputValue()).toBe('reading');
    expect(await badgeOf(page, '2310.01779').getByTestId('badge-undo').count()).toBe(0);
    await page.close();
  });

  test('a badge control focused from the keyboard shows its whole focus ring, and the badge keeps its one line', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const badge = badgeOf(page, '2407.21001');
    await expect.poll(() => badge.getByTestId('badge-code-link').count()).toBe(1);
    const height = await badge.evaluate((host) => host.getBoundingClientRect().height);
    const ringOf = async (testId: string) => {
      await badge.getByTestId(testId).focus();
      return badge.getByTestId(testId).evaluate(ringCutOff);
    };
    const whole = { ring: true, cut: { top: 0, right: 0, bottom: 0, left: 0 } };
    for (const testId of ['badge-tldr-toggle', 'badge-save', 'badge-code-link']) expect({ testId, ...(await ringOf(testId)) }).toEqual({ testId, ...whole });
    // Saved: the status select; removed again: the Undo button.
    await badge.getByTestId('badge-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => badge.getByTestId('badge-save').textContent()).toBe('Saved');
    expect({ testId: 'badge-status', ...(await ringOf('badge-status')) }).toEqual({ testId: 'badge-status', ...whole });
    await badge.getByTestId('badge-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => badge.getByTestId('badge-undo').count()).toBe(1);
    expect({ testId: 'badge-undo', ...(await ringOf('badge-undo')) }).toEqual({ testId: 'badge-undo', ...whole });
    expect(await badge.evaluate((host) => host.getBoundingClientRect().height)).toBe(height);
    await page.close();
  });

  test('a withdrawn paper\'s badge says "Withdrawn" with the reason on hover; Escape from the keyboard closes an open TL;DR, the focus on its toggle', async () => {
    // arXiv's /new with one entry's comments saying its authors withdrew it.
    const page = await browser.context.newPage();
    const listing = (await fixture('listings/arxiv-list-cs.CL-new.html')).replace(
      'Our code is publicly available',
      'This paper has been withdrawn by the authors due to a flaw in Theorem 1',
    );
    browser.serve('https://arxiv.org/list/cs.AI/new', listing);
    await page.goto('https://arxiv.org/list/cs.AI/new');
    await expect.poll(() => page.getByTestId('badge-withdrawn').count()).toBe(1);
    const withdrawn = page.getByTestId('badge-withdrawn');
    const badge = page.locator('[data-paperlens="badge"]').filter({ has: withdrawn });
    expect(await withdrawn.textContent()).toBe('Withdrawn');
    expect(await withdrawn.getAttribute('title')).toBe('This paper has been withdrawn by the authors due to a flaw in Theorem 1');

    const toggle = badge.getByTestId('badge-tldr-toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => badge.getByTestId('badge-tldr').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => badge.getByTestId('badge-tldr').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await page.close();
  });

  test('a link that downloads (a PDF with Chrome set to download them) or leaves for another page takes no badge away, there or back again', async () => {
    // Back restores the listing from the back/forward cache, as in a user's Chrome.
    const cached = await launchExtension({ backForwardCache: true });
    try {
      await serveAll(cached);
      cached.serve('https://arxiv.org/pdf/2407.21001', { body: '%PDF-1.4\n%%EOF', contentType: 'application/pdf', headers: { 'content-disposition': 'attachment; filename="2407.21001.pdf"' } });
      const page = await cached.context.newPage();
      await page.goto('https://arxiv.org/list/cs.CL/new');
      await expect.poll(() => badges(page).count()).toBe(10);
      const download = page.waitForEvent('download');
      await page.locator('a[href="/pdf/2407.21001"]').click();
      await download;
      await page.waitForTimeout(500);
      expect(await badges(page).count()).toBe(10);
      // To a paper's page in the same tab, and back to the listing as it was left.
      await page.evaluate(() => Object.assign(window, { leftAt: 'listing' }));
      await page.locator('a[href="/abs/2310.01779"]').click();
      await expect.poll(() => card(page).count()).toBe(1);
      await page.goBack({ waitUntil: 'commit' });
      await expect.poll(() => page.url()).toBe('https://arxiv.org/list/cs.CL/new');
      // The same document, not a new load.
      expect(await page.evaluate(() => (window as unknown as { leftAt?: string }).leftAt)).toBe('listing');
      await expect.poll(() => badges(page).count()).toBe(10);
    } finally {
      await cached.close();
    }
  });

  test('a change made elsewhere (popup, reading list, another tab) shows at once on open cards and badges', async () => {
    const listing = await browser.context.newPage();
    await listing.goto('https://arxiv.org/search/?query=hallucination&searchtype=all');
    const abs = await browser.context.newPage();
    await abs.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(abs).count()).toBe(1);
    await expect.poll(() => badgeOf(listing, '2310.01779').count()).toBe(1);
    // What the popup and the reading list send.
    const pages = await browser.popup();
    type Runtime = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ ok: boolean }> } } };
    const send = async (message: unknown) => expect(await pages.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), message)).toMatchObject({ ok: true });

    await send({ type: 'removeSaved', ids: ['2310.01779'] });
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe('Save');
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-save').textContent()).toBe('Save');
    await send({ type: 'save', paper: { id: '2310.01779', title: 'HallE-Switch' } });
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe('Saved');
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-save').textContent()).toBe('Saved');
    await send({ type: 'setStatusMany', ids: ['2310.01779'], status: 'read' });
    await expect.poll(() => card(abs).getByTestId('status').inputValue()).toBe('read');
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-status').inputValue()).toBe('read');
    // And the card's own controls act on what it now shows.
    await card(abs).getByTestId('status').selectOption('reading');
    await expect.poll(() => badgeOf(listing, '2310.01779').getByTestId('badge-status').inputValue()).toBe('reading');
    await pages.close();
    await abs.close();
    await listing.close();
  });

  test('entries the page adds or re-renders later get badges, each exactly once', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    await expect.poll(() => badges(page).count()).toBe(10);
    await page.evaluate(() => {
      const dl = document.querySelector('dl#articles')!;
      for (const id of ['2407.30001', '2407.30002']) {
        const dt = document.createElement('dt');
        const link = Object.assign(document.createElement('a'), { title: 'Abstract', href: `/abs/${id}`, textContent: `arXiv:${id}` });
        dt.append(link);
        const dd = document.createElement('dd');
        dd.append(Object.assign(document.createElement('div'), { className: 'list-title mathjax', textContent: `Paper ${id}` }));
        dl.append(dt, dd);
      }
    });
    await expect.poll(() => badges(page).count()).toBe(12);
    await page.waitForTimeout(200);
    expect(await layout(page)).toEqual({ entries: 12, badges: 12, afterTitles: true, ids: 12, oneLine: true });

    // A client-rendered list: more cards arrive, then the app re-renders every card (copying our hosts).
    await page.goto('https://huggingface.co/papers/date/2024-07-31');
    await expect.poll(() => badges(page).count()).toBe(5);
    await page.evaluate(() => {
      const grid = document.querySelector('.grid')!;
      const more = grid.firstElementChild!.cloneNode(true) as Element;
      for (const link of more.querySelectorAll('a[href^="/papers/"]')) link.setAttribute('href', '/papers/2402.18041');
      more.querySelector('h3 a')!.textContent = 'Datasets for Large Language Models: A Comprehensive Survey';
      grid.append(more);
      setTimeout(() => {
        grid.replaceChildren(...[...grid.children].map((cardNode) => cardNode.cloneNode(true)));
        grid.setAttribute('data-rerendered', '');
      }, 50);
    });
    // The copies of our hosts carry no badge: the controller replaces them once its scan of the
    // added card is over, which waits for the worker's answer (no fixed time on a busy machine).
    await page.locator('.grid[data-rerendered]').waitFor({ state: 'attached' });
    await expect.poll(() => layout(page), { timeout: 10_000 }).toEqual({ entries: 6, badges: 6, afterTitles: true, ids: 6, oneLine: true });
    await expect.poll(() => badgeOf(page, '2402.18041').getByTestId('badge-rank').textContent()).toBe('#15 daily · Jul 30, 2025');
    expect(await badgeOf(page, '2402.18041').getByTestId('badge-code-link').getAttribute('href')).toBe('https://github.com/lmmlzn/Awesome-LLMs-Datasets');
    // The store's answers added no second badge.
    expect(await layout(page)).toEqual({ entries: 6, badges: 6, afterTitles: true, ids: 6, oneLine: true });
    await page.close();
  });

  test('a listing with 0 entries, a page we do not recognise and a paper page get no badge and no error', async () => {
    const page = await browser.context.newPage();
    const seen = problems(page);
    for (const url of ['https://arxiv.org/list/math.HO/new', 'https://arxiv.org/list/cs.XX/new']) {
      await page.goto(url);
      // The listing script ran on it (a listing URL), then found nothing to badge.
      await page.waitForFunction(() => performance.getEntriesByName('paperlens:listing-start').length > 0);
      await page.waitForTimeout(300);
      expect(await badges(page).count(), url).toBe(0);
    }
    // The Hugging Face paper page is hf-paper's: its card, and nothing from the list script.
    await page.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(page).count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await badges(page).count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('paperlens:listing-start').length)).toBe(0);
    expect(seen).toEqual([]);
    await page.close();
  });

  test('Hugging Face client-side navigation: badges on a list reached from a paper page, none back on a paper page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(page).count()).toBe(1);
    // The site's router: a new URL, then the list rendered in place of the paper.
    await page.evaluate(() => {
      history.pushState({}, '', '/papers/date/2024-07-31');
      const section = document.getElementById('paper-section')!;
      const grid = document.createElement('div');
      for (const [id, title] of [['2407.13623', 'Scaling Laws with Vocabulary'], ['2407.21001', 'Tiny Language Models Learn Syntax Before Semantics']]) {
        const article = document.createElement('article');
        const heading = document.createElement('h3');
        heading.append(Object.assign(document.createElement('a'), { href: `/papers/${id}`, textContent: title }));
        article.append(heading);
        grid.append(article);
      }
      section.replaceChildren(grid);
    });
    await expect.poll(() => badges(page).count()).toBe(2);
    await expect.poll(() => badgeOf(page, '2407.13623').getByTestId('badge-rank').textContent()).toBe('#10 daily · Jul 30, 2025');
    await page.evaluate(() => history.pushState({}, '', '/papers/2407.13623'));
    await expect.poll(() => badges(page).count()).toBe(0);
    await page.close();
  });

  test("on a list that shows no abstracts (arXiv /recent), an unknown paper's TL;DR comes from its arXiv page, asked once", async () => {
    const absPage = 'https://arxiv.org/abs/2407.21500';
    browser.serve(absPage, (await fixture('arxiv-abs-1706.03762.html')).replaceAll('1706.03762', '2407.21500'));
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/recent');
    const entry = badgeOf(page, '2407.21500');
    await entry.getByTestId('badge-tldr-toggle').click();
    await expect.poll(() => entry.getByTestId('badge-tldr').textContent()).toMatch(/Transformer.*\(summarized from its arXiv page's abstract\)$/);
    await entry.getByTestId('badge-tldr-toggle').click();
    await entry.getByTestId('badge-tldr-toggle').click();
    expect(browser.requests.filter((request) => request.url() === absPage)).toHaveLength(1);
    await page.close();
  });

  test('on a list that shows no abstracts (arXiv /recent), with completing papers from arXiv switched off: arXiv is not asked, and the TL;DR says so', async () => {
    await setSwitch(browser, 'completeFromArxiv', false);
    try {
      const page = await browser.context.newPage();
      await page.goto('https://arxiv.org/list/cs.CL/recent');
      const entry = badgeOf(page, '2407.21555');
      await entry.getByTestId('badge-tldr-toggle').click();
      await expect.poll(() => entry.getByTestId('badge-tldr').textContent()).toBe('No TL;DR: PaperLens does not know this paper, this page does not show its abstract, and asking arXiv for it is off ("Complete papers from arXiv" in the options).');
      expect(browser.requests.filter((request) => request.url() === 'https://arxiv.org/abs/2407.21555')).toHaveLength(0);
      await page.close();
    } finally {
      await setSwitch(browser, 'completeFromArxiv', true);
    }
  });

  test("on a list that shows no abstracts (arXiv /recent), arXiv not answering: the TL;DR says so and why, not that the paper has no abstract, and asks again once arXiv is back", async () => {
    const busy = 'https://arxiv.org/abs/2407.21555';
    const offline = 'https://arxiv.org/abs/2407.21001';
    const absPage = async (id: string) => (await fixture('arxiv-abs-1706.03762.html')).replaceAll('1706.03762', id);
    const asked = (url: string) => browser.requests.filter((request) => request.url() === url).length;
    browser.serve(busy, { status: 503, body: 'Service Unavailable' }); // offline is not served: the request fails
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/recent');

    // 503: collapsed and expanded again once arXiv answers, the TL;DR comes.
    const first = badgeOf(page, '2407.21555');
    await first.getByTestId('badge-tldr-toggle').click();
    await expect.poll(() => first.getByTestId('badge-tldr').textContent()).toMatch(/^No TL;DR: arXiv did not give this paper's abstract \(arXiv answered HTTP 503 for 2407\.21555\)\. Try again$/);
    expect(asked(busy)).toBe(1);
    browser.serve(busy, await absPage('2407.21555'));
    await first.getByTestId('badge-tldr-toggle').click();
    await first.getByTestId('badge-tldr-toggle').click();
    await expect.poll(() => first.getByTestId('badge-tldr').textContent()).toMatch(/Transformer.*\(summarized from its arXiv page's abstract\)$/);
    expect(asked(busy)).toBe(2);
    expect(await first.getByTestId('badge-tldr-retry').count()).toBe(0);

    // No network: Try again, once arXiv is reachable, brings the TL;DR.
    const second = badgeOf(page, '2407.21001');
    await second.getByTestId('badge-tldr-toggle').click();
    await expect.poll(() => second.getByTestId('badge-tldr').textContent()).toBe("No TL;DR: arXiv did not give this paper's abstract (no connection to arXiv, or the request was blocked). Try again");
    expect(await second.getByTestId('badge-tldr').textContent()).not.toMatch(/does not know this paper/);
    browser.serve(offline, await absPage('2407.21001'));
    await second.getByTestId('badge-tldr-retry').click();
    await expect.poll(() => second.getByTestId('badge-tldr').textContent()).toMatch(/Transformer.*\(summarized from its arXiv page's abstract\)$/);
    expect(asked(offline)).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  test('Save on a list that shows no abstracts (arXiv /recent), of a paper the store lacks: the reading list gets its TL;DR from its arXiv page (it stayed "No TL;DR")', async () => {
    const absPage = 'https://arxiv.org/abs/2407.21500';
    browser.serve(absPage, (await fixture('arxiv-abs-1706.03762.html')).replaceAll('1706.03762', '2407.21500'));
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/recent');
    const entry = badgeOf(page, '2407.21500');
    await entry.getByTestId('badge-save').click();
    await expect.poll(() => entry.getByTestId('badge-save').textContent()).toBe('Saved');
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const row = list.locator('[data-testid="reading-item"][data-arxiv-id="2407.21500"]');
    // The entry's title and authors, and the TL;DR of its arXiv page's abstract (one request, within the 3 s gap).
    await expect.poll(() => row.locator('.tldr').textContent(), { timeout: 10_000 }).toMatch(/Transformer/);
    expect(await row.textContent()).toContain('Prompt Compression by Learned Token Dropping');
    await list.close();
    await page.close();
  });

  test('markup and a javascript: link in an entry are shown as text and nothing runs', async () => {
    const page = await browser.context.newPage();
    const seen = problems(page);
    for (const url of ['https://arxiv.org/list/cs.CL/new', 'https://huggingface.co/papers/date/2024-07-31']) {
      await page.goto(url);
      const hostile = badgeOf(page, '2501.09999');
      await expect.poll(() => hostile.count(), { message: url }).toBe(1);
      await hostile.getByTestId('badge-tldr-toggle').click();
      await expect.poll(() => hostile.getByTestId('badge-tldr').textContent(), { message: url }).toContain('<script>window.__paperlensXss=3</script>');
      // Saved from the arXiv listing; the Hugging Face list then shows it saved.
      if (url.startsWith('https://arxiv.org/')) await hostile.getByTestId('badge-save').click();
      await expect.poll(() => hostile.getByTestId('badge-save').textContent(), { message: url }).toBe('Saved');
      const inside = await page.evaluate(() =>
        [...document.querySelectorAll('[data-paperlens="badge"]')].map((host) => ({
          elements: host.shadowRoot!.querySelectorAll('img, script, iframe, object').length,
          hrefs: [...host.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        })),
      );
      expect(inside.every((badge) => badge.elements === 0), url).toBe(true);
      expect(inside.flatMap((badge) => badge.hrefs).every((href) => href !== null && /^https?:\/\//.test(href)), url).toBe(true);
      expect(await hostile.getByTestId('badge-code-link').count(), url).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __paperlensXss?: number }).__paperlensXss), url).toBeUndefined();
    }
    // Saved with its title as text.
    const popup = await browser.popup();
    await popup.getByTestId('tab-saved').click();
    await expect.poll(() => popup.locator('[data-testid="saved-item"][data-arxiv-id="2501.09999"]').textContent()).toContain('<img src=x onerror=');
    await popup.close();
    expect(seen).toEqual([]);
    await page.close();
  });
});

describe('the seen mark', () => {
  test('opening a paper’s abstract page marks it seen on a listing left open, at once, and after a reload', async () => {
    const fresh = await launchExtension();
    try {
      await serveAll(fresh);
      const page = await fresh.context.newPage();
      await page.goto('https://arxiv.org/list/cs.CL/new');
      await expect.poll(() => badges(page).count()).toBe(10);
      expect(await page.locator('[data-paperlens="badge"] >> [data-testid="badge-seen"]').count()).toBe(0);
      // Opened in another tab, as from a listing: the listing marks it without a reload.
      const paper = await fresh.context.newPage();
      await paper.goto('https://arxiv.org/abs/2310.01779');
      await expect.poll(() => card(paper).count()).toBe(1);
      await expect.poll(() => badgeOf(page, '2310.01779').getByTestId('badge-seen').count()).toBe(1);
      expect(await page.locator('[data-paperlens="badge"] >> [data-testid="badge-seen"]').count()).toBe(1);
      await page.reload();
      await expect.poll(() => badgeOf(page, '2310.01779').getByTestId('badge-seen').count()).toBe(1);
      expect(await page.locator('[data-paperlens="badge"] >> [data-testid="badge-seen"]').count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
