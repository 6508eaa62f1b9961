import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('popup search: Enter right after typing', () => {
  test('a second search typed over the first, Enter at once: the first result of what is typed opens, not the first of the search before', async () => {
    const popup = await browser.popup();
    const box = popup.getByTestId('search');
    await box.fill('vocabulary');
    await popup.getByTestId('search-item').first().waitFor();
    await popup.waitForTimeout(500);
    const before = await popup.getByTestId('search-item').first().getAttribute('data-arxiv-id');
    // Every paper either search lists has a page to open.
    const ids = new Set<string>();
    for (const query of ['vocabulary', 'hallucination']) {
      await box.fill(query);
      await popup.waitForTimeout(500);
      for (const id of await popup.getByTestId('search-item').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-arxiv-id')!))) ids.add(id);
    }
    for (const id of ids) browser.serve(`https://arxiv.org/abs/${id}`, `<!doctype html><title>${id}</title><p>abs page</p>`);
    await box.fill('vocabulary');
    await expect.poll(() => popup.getByTestId('search-item').first().getAttribute('data-arxiv-id')).toBe(before);
    const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().startsWith('https://arxiv.org/abs/'), timeout: 10_000 });
    // Typed fast, as a reader does, and Enter straight after the last key.
    await box.fill('');
    await box.pressSequentially('hallucination', { delay: 5 });
    await box.press('Enter');
    await expect.poll(() => popup.getByTestId('search-item').first().getAttribute('data-arxiv-id')).not.toBe(before);
    const first = await popup.getByTestId('search-item').first().getAttribute('data-arxiv-id');
    const page = await opened;
    expect({ before, first, opened: page.url() }).toEqual({ before, first, opened: `https://arxiv.org/abs/${first}` });
    await popup.close();
  });

  test('words typed on to a search already showing results, Enter at once: the first result of the whole query opens, not the first of the shorter one', async () => {
    const popup = await browser.popup();
    const box = popup.getByTestId('search');
    const firstOf = async (query: string) => {
      await box.fill(query);
      await popup.waitForTimeout(600);
      return popup.getByTestId('search-item').first().getAttribute('data-arxiv-id');
    };
    const shortFirst = await firstOf('language models');
    const longFirst = await firstOf('language models hallucination');
    expect(longFirst).not.toBe(shortFirst);
    for (const id of [shortFirst, longFirst]) browser.serve(`https://arxiv.org/abs/${id}`, `<!doctype html><title>${id}</title><p>abs page</p>`);
    await box.fill('language models');
    await expect.poll(() => popup.getByTestId('search-item').first().getAttribute('data-arxiv-id')).toBe(shortFirst);
    const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().startsWith('https://arxiv.org/abs/'), timeout: 10_000 });
    await box.pressSequentially(' hallucination', { delay: 0 });
    await box.press('Enter');
    expect((await opened).url()).toBe(`https://arxiv.org/abs/${longFirst}`);
    await popup.close();
  });
});
