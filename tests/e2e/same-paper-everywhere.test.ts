import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser, oldStyleAbsPage } from './harness';

// One paper met on every arXiv surface must read the same everywhere: saved status, seen mark, TL;DR.

let browser: ExtensionBrowser;

const badgeOf = (page: Page, id: string) => page.locator(`[data-paperlens="badge"][data-arxiv-id="${id}"]`);

/** The abstract page of the old-style hep-th/9901001 (not in the store): its own subject, author and date. */
async function oldStyleAbs(): Promise<string> {
  const abstract = 'We study conformal field theory on the plane with a boundary. We show that the partition function of the boundary theory is determined by three universal numbers. Our construction gives the first exact solution for a class of minimal models with defects, and we verify it numerically to one part in a million.';
  return (await oldStyleAbsPage(abstract))
    .replace('Computation and Language (cs.CL)', 'High Energy Physics - Theory (hep-th)')
    .replace(/<meta name="citation_author" content="[^"]*" \/>\s*/g, '')
    .replace('<meta name="citation_date"', '<meta name="citation_author" content="Author, A." />\n  <meta name="citation_date"')
    .replace(/<div class="authors">.*?<\/div>/, '<div class="authors"><span class="descriptor">Authors:</span><a href="https://arxiv.org/a/author_1">A. Author</a></div>')
    .replace('2017/06/12', '1999/01/04');
}

beforeAll(async () => {
  browser = await launchExtension();
  const hallE = await fixture('arxiv-abs-2310.01779v3.html');
  browser.serve('https://arxiv.org/abs/2310.01779', hallE);
  browser.serve('https://arxiv.org/abs/2310.01779v2', hallE);
  browser.serve('https://arxiv.org/html/2310.01779v3', await fixture('arxiv-html-2310.01779v3.html'));
  browser.serve('https://arxiv.org/html/2310.01779v3/x1.png', { body: '', contentType: 'image/png' });
  browser.serve('https://arxiv.org/search/?query=hallucination&searchtype=all', await fixture('listings/arxiv-search-hallucination.html'));
  browser.serve('https://arxiv.org/a/vaswani_a_1', await fixture('listings/arxiv-author-vaswani_a_1.html'));
  const old = await oldStyleAbs();
  browser.serve('https://arxiv.org/abs/hep-th/9901001', old);
  browser.serve('https://arxiv.org/abs/hep-th/9901001v2', old);
  browser.serve('https://arxiv.org/list/hep-th/9901?skip=0&show=25', await fixture('listings/arxiv-list-hep-th-9901.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('the same paper on every arXiv surface', () => {
  test('read in the HTML view and saved there as read: the search results, the author page and abs/IDv2 agree on seen, status and TL;DR', async () => {
    const search = await browser.context.newPage();
    await search.goto('https://arxiv.org/search/?query=hallucination&searchtype=all');
    await expect.poll(() => badgeOf(search, '2310.01779').count()).toBe(1);
    expect(await badgeOf(search, '2310.01779').getByTestId('badge-seen').count()).toBe(0);

    const html = await browser.context.newPage();
    await html.goto('https://arxiv.org/html/2310.01779v3');
    await expect.poll(() => card(html).count()).toBe(1);
    const cardTldr = (await card(html).getByTestId('tldr').textContent())!.replace(/^TL;DR\s*/, '').trim();
    // Opening the HTML view is opening the paper: the listing left open marks it seen.
    await search.bringToFront();
    await expect.poll(() => badgeOf(search, '2310.01779').getByTestId('badge-seen').count()).toBe(1);

    await html.bringToFront();
    await card(html).getByTestId('save').click();
    await expect.poll(() => card(html).getByTestId('save').textContent()).toBe('Saved');
    await card(html).getByTestId('status').selectOption('read');

    await search.bringToFront();
    await expect.poll(() => badgeOf(search, '2310.01779').getByTestId('badge-save').textContent()).toBe('Saved');
    await expect.poll(() => badgeOf(search, '2310.01779').getByTestId('badge-status').inputValue()).toBe('read');
    await badgeOf(search, '2310.01779').getByTestId('badge-tldr-toggle').click();
    await expect.poll(async () => (await badgeOf(search, '2310.01779').getByTestId('badge-tldr').textContent())?.trim()).toContain(cardTldr);

    const author = await browser.context.newPage();
    await author.goto('https://arxiv.org/a/vaswani_a_1');
    await expect.poll(() => badgeOf(author, '2310.01779').getByTestId('badge-save').textContent()).toBe('Saved');
    expect(await badgeOf(author, '2310.01779').getByTestId('badge-status').inputValue()).toBe('read');
    expect(await badgeOf(author, '2310.01779').getByTestId('badge-seen').count()).toBe(1);

    const v2 = await browser.context.newPage();
    await v2.goto('https://arxiv.org/abs/2310.01779v2');
    await expect.poll(() => card(v2).getByTestId('save').textContent()).toBe('Saved');
    expect(await card(v2).getByTestId('status').inputValue()).toBe('read');
    expect(await card(v2).getByTestId('tldr').textContent()).toContain(cardTldr);
    for (const page of [search, html, author, v2]) await page.close();
  });

  test('an old-style paper (hep-th/9901001) opened at its v2 and saved as reading: the monthly listing shows it saved, reading, seen, with the card\'s TL;DR', async () => {
    const abs = await browser.context.newPage();
    await abs.goto('https://arxiv.org/abs/hep-th/9901001v2');
    await expect.poll(() => card(abs).count()).toBe(1);
    const cardTldr = (await card(abs).getByTestId('tldr').textContent())!.replace(/^TL;DR\s*/, '').trim();
    expect(cardTldr).not.toBe('');
    await card(abs).getByTestId('save').click();
    await expect.poll(() => card(abs).getByTestId('save').textContent()).toBe('Saved');
    await card(abs).getByTestId('status').selectOption('reading');

    const list = await browser.context.newPage();
    await list.goto('https://arxiv.org/list/hep-th/9901?skip=0&show=25');
    await expect.poll(() => badgeOf(list, 'hep-th/9901001').getByTestId('badge-save').textContent()).toBe('Saved');
    // The card's status change may still be on its way to the store when this page asks; the open page follows it.
    await expect.poll(() => badgeOf(list, 'hep-th/9901001').getByTestId('badge-status').inputValue()).toBe('reading');
    expect(await badgeOf(list, 'hep-th/9901001').getByTestId('badge-seen').count()).toBe(1);
    await badgeOf(list, 'hep-th/9901001').getByTestId('badge-tldr-toggle').click();
    await expect.poll(async () => (await badgeOf(list, 'hep-th/9901001').getByTestId('badge-tldr').textContent())?.trim()).toContain(cardTldr);

    // The unversioned page of the same paper agrees.
    const plain = await browser.context.newPage();
    await plain.goto('https://arxiv.org/abs/hep-th/9901001');
    await expect.poll(() => card(plain).getByTestId('save').textContent()).toBe('Saved');
    expect(await card(plain).getByTestId('status').inputValue()).toBe('reading');
    for (const page of [abs, list, plain]) await page.close();
  });
});
