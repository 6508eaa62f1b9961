import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colourTools, type ColourTools } from './colour-contrast';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
  browser.serve('https://huggingface.co/papers/trending', await fixture('listings/hf-papers-trending.html'));
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('setting-theme').selectOption('dark');
  await options.getByText('Saved. Open pages follow at once.').waitFor();
  await options.close();
});

afterAll(async () => {
  await browser?.close();
});

interface Problem { text: string; issue: string }

/**
 * Text under `root` that is hard to read: contrast under 4.5:1 against the background drawn behind
 * it, cut off (its box narrower than its text, with no ellipsis), or reaching past the right edge
 * of `frame` (the shadow host, or the window).
 */
function checkReadability(root: Document | ShadowRoot, frameRight: number, { parse, contrast, backgroundOf }: ColourTools): Problem[] {
  const problems: Problem[] = [];
  for (const element of root.querySelectorAll('*')) {
    // A placeholder is text too (the popup's search box has no other label in sight).
    if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.placeholder !== '' && element.value === '' && element.getBoundingClientRect().width > 1) {
      const fg = parse(getComputedStyle(element, '::placeholder').color);
      const bg = backgroundOf(element);
      const ratio = fg ? contrast(fg, bg) : 0;
      if (ratio < 4.5) problems.push({ text: `placeholder ${element.placeholder.slice(0, 30)}`, issue: `contrast ${ratio.toFixed(2)} (${getComputedStyle(element, '::placeholder').color} on rgb(${bg.r}, ${bg.g}, ${bg.b}))` });
    }
    const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '').map((node) => node.textContent!.trim()).join(' ');
    if (!own) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // Not drawn, or only for screen readers (a visually hidden live region is 1 × 1 px, clipped).
    if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
    const fg = parse(style.color);
    if (fg) {
      const bg = backgroundOf(element);
      const ratio = contrast(fg, bg);
      if (ratio < 4.5) problems.push({ text: own.slice(0, 40), issue: `contrast ${ratio.toFixed(2)} (${style.color} on rgb(${bg.r}, ${bg.g}, ${bg.b}))` });
    }
    if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible' && style.textOverflow !== 'ellipsis') problems.push({ text: own.slice(0, 40), issue: `cut off: ${element.scrollWidth} > ${element.clientWidth}` });
    if (box.right > frameRight + 1) problems.push({ text: own.slice(0, 40), issue: `past the right edge: ${Math.round(box.right)} > ${Math.round(frameRight)}` });
  }
  return problems;
}

function shadowReadability(host: Locator): Promise<Problem[]> {
  return host.evaluate((element, [source, tools]) => {
    const check = new Function(`return (${source})`)() as typeof checkReadability;
    return check(element.shadowRoot!, element.getBoundingClientRect().right, (new Function(`return (${tools})`)() as typeof colourTools)());
  }, [checkReadability.toString(), colourTools.toString()] as const);
}

function pageReadability(page: Page): Promise<Problem[]> {
  return page.evaluate(([source, tools]) => {
    const check = new Function(`return (${source})`)() as typeof checkReadability;
    return check(document, document.documentElement.clientWidth, (new Function(`return (${tools})`)() as typeof colourTools)());
  }, [checkReadability.toString(), colourTools.toString()] as const);
}

describe('dark theme at 200% zoom (a 1280 × 800 window is 640 × 400 CSS px)', () => {
  test('the card on an arXiv and a Hugging Face page, saved and with its undo offer: every text readable and whole', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 400 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const found: Record<string, Problem[]> = {};
    for (const url of ['https://arxiv.org/abs/2310.01779', 'https://huggingface.co/papers/2310.01779']) {
      await page.goto(url);
      await expect.poll(() => card(page).count()).toBe(1);
      await expect.poll(() => card(page).getAttribute('data-theme')).toBe('dark');
      found[`${url} unsaved`] = await shadowReadability(card(page));
      // Saved on the first page, it shows Saved on the second.
      if ((await card(page).getByTestId('save').textContent()) === 'Save') await card(page).getByTestId('save').click();
      await expect.poll(() => card(page).getByTestId('save').textContent(), { timeout: 10_000 }).toBe('Saved');
      found[`${url} saved`] = await shadowReadability(card(page));
      await card(page).getByTestId('save').click();
      await card(page).getByTestId('undo').waitFor();
      found[`${url} undo`] = await shadowReadability(card(page));
      await card(page).getByTestId('undo').click();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
    await page.close();
  });

  test('badges on an arXiv list, one saved and one with its TL;DR open: every text readable and whole', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 400 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const all = page.locator('[data-paperlens="badge"]');
    await expect.poll(() => all.count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-testid="badge-rank"]').count()).toBeGreaterThan(0);
    const first = all.nth(0);
    await first.getByTestId('badge-save').click();
    await expect.poll(() => first.getByTestId('badge-save').textContent()).toBe('Saved');
    const second = all.nth(1);
    await second.getByTestId('badge-tldr-toggle').click();
    await expect.poll(async () => (await second.getByTestId('badge-tldr').textContent())?.length ?? 0).toBeGreaterThan(10);
    expect({ saved: await shadowReadability(first), tldr: await shadowReadability(second) }).toEqual({ saved: [], tldr: [] });
    await page.close();
  });

  test('Hugging Face trending at 200% zoom: a paper with a code link, saved from its badge, keeps its Saved button and status menu in view (the menu was cut to "To")', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto('https://huggingface.co/papers/trending');
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2310.15539"]');
    await expect.poll(() => badge.getByTestId('badge-code-link').count()).toBe(1);
    await badge.getByTestId('badge-save').click();
    await expect.poll(() => badge.getByTestId('badge-save').textContent()).toBe('Saved');
    await badge.getByTestId('badge-status').waitFor();
    const shown = await badge.evaluate((host) => {
      const line = host.shadowRoot!.querySelector('.pl-badge')!.getBoundingClientRect();
      const inView = (testId: string) => {
        const box = host.shadowRoot!.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
        return box.width > 0 && box.left >= line.left - 1 && box.right <= line.right + 1 ? 'in view' : `cut: ${Math.round(box.left)}–${Math.round(box.right)} in a line ending at ${Math.round(line.right)}`;
      };
      return { toggle: inView('badge-tldr-toggle'), save: inView('badge-save'), status: inView('badge-status') };
    });
    expect(shown).toEqual({ toggle: 'in view', save: 'in view', status: 'in view' });
    await page.close();
  });

  test('the popup in a dark system theme, at 400 CSS px: Trending, Saved and Recent readable and whole', async () => {
    const popup = await browser.popup();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByTestId('trending-item').first().waitFor();
    const found: Record<string, Problem[]> = {};
    found.trending = await pageReadability(popup);
    await popup.getByTestId('tab-saved').click();
    await popup.waitForTimeout(300);
    found.saved = await pageReadability(popup);
    await popup.getByTestId('tab-recent').click();
    await popup.waitForTimeout(300);
    found.recent = await pageReadability(popup);
    expect(found).toEqual({ trending: [], saved: [], recent: [] });
    await popup.close();
  });

  test('the popup at 300% zoom (266 CSS px): the search box shrinks to fit beside the name, and nothing scrolls sideways (it ran 28 px past the edge)', async () => {
    const popup = await browser.popup();
    await popup.setViewportSize({ width: 266, height: 600 });
    await popup.getByTestId('trending-item').first().waitFor();
    const fit = await popup.getByTestId('search').evaluate((box) => ({ inside: box.getBoundingClientRect().right <= innerWidth, sideways: document.documentElement.scrollWidth > innerWidth }));
    expect(fit).toEqual({ inside: true, sideways: false });
    await popup.close();
  });

  test('the reading list and the options in a dark system theme at 200% zoom (640 CSS px): every text readable and whole', async () => {
    const list = await browser.context.newPage();
    await list.emulateMedia({ colorScheme: 'dark' });
    await list.setViewportSize({ width: 640, height: 400 });
    await importThreePapers(list);
    await list.getByTestId('select-all').check();
    await list.getByTestId('bulk-bar').waitFor();
    const found: Record<string, Problem[]> = { list: await pageReadability(list) };
    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.setViewportSize({ width: 640, height: 400 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-arxivAbs').waitFor();
    found.options = await pageReadability(options);
    expect(found).toEqual({ list: [], options: [] });
    await list.close();
    await options.close();
  });

  test('the reading list in a 360 px window (a phone-sized one): a paper\'s tags read whole in their field (it was 57 px: "nlp, to" of "nlp, to cite")', async () => {
    const list = await browser.context.newPage();
    await list.setViewportSize({ width: 360, height: 640 });
    await importThreePapers(list, '02');
    const tags = list.getByTestId('reading-item').filter({ hasText: 'A paper on reading' }).first().getByTestId('tags');
    expect(await tags.inputValue()).toBe('nlp, to cite');
    expect(await tags.evaluate((field: HTMLInputElement) => ({ whole: field.scrollWidth <= field.clientWidth, sideways: document.documentElement.scrollWidth > innerWidth }))).toEqual({ whole: true, sideways: false });
    await list.close();
  });

  test('a 320 px window (a phone-sized window, or 400% zoom): the saved card on arXiv and Hugging Face keeps every text readable and whole', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    const found: Record<string, Problem[]> = {};
    for (const url of ['https://arxiv.org/abs/2310.01779', 'https://huggingface.co/papers/2310.01779']) {
      await page.goto(url);
      await expect.poll(() => card(page).count()).toBe(1);
      if ((await card(page).getByTestId('save').textContent()) === 'Save') await card(page).getByTestId('save').click();
      await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
      found[url] = await shadowReadability(card(page));
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
    await page.close();
  });

  test('arXiv listings at 320 and 400 px: every badge saved keeps its Saved button and status menu in view', async () => {
    const page = await browser.context.newPage();
    const cut: string[] = [];
    for (const width of [320, 400]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('https://arxiv.org/list/cs.CL/new');
      const all = page.locator('[data-paperlens="badge"]');
      await expect.poll(() => all.count()).toBeGreaterThan(1);
      await expect.poll(() => page.locator('[data-testid="badge-rank"]').count()).toBeGreaterThan(0);
      for (let i = 0; i < (await all.count()); i++) {
        const badge = all.nth(i);
        if ((await badge.getByTestId('badge-save').textContent()) === 'Save') await badge.getByTestId('badge-save').click();
        await badge.getByTestId('badge-status').waitFor();
        const where = await badge.evaluate((host) => {
          const line = host.shadowRoot!.querySelector('.pl-badge')!.getBoundingClientRect();
          return ['badge-tldr-toggle', 'badge-save', 'badge-status'].filter((testId) => {
            const box = host.shadowRoot!.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
            return !(box.width > 0 && box.left >= line.left - 1 && box.right <= line.right + 1);
          });
        });
        for (const testId of where) cut.push(`${width}px ${await badge.getAttribute('data-arxiv-id')} ${testId}`);
      }
    }
    expect(cut).toEqual([]);
    await page.close();
  });
});

/** Opens the reading list in `list` and imports three papers of 2025's `month` (one of each status, tagged "nlp, to cite"). */
async function importThreePapers(list: Page, month = '01'): Promise<void> {
  await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  const backup = { format: 'paperlens-reading-list', version: 1, exportedAt: 0, items: ['to-read', 'reading', 'read'].map((status, i) => ({
    id: `25${month}.0000${i + 1}`, title: `A paper on ${status}`, authors: ['Ada Lovelace'], tldr: 'We show a thing.', status, tags: ['nlp', 'to cite'], notes: 'A note',
    addedAt: 1_735_689_600_000, updatedAt: 1_735_689_600_000, readAt: status === 'read' ? 1_735_689_600_000 : null,
    sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null,
  })) };
  await list.getByTestId('import-file').setInputFiles({ name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await list.getByTestId('import-apply').click();
  await list.getByTestId('reading-item').first().waitFor();
}
