import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, listSavedFrom, type ExtensionBrowser } from './harness';

// How readers click: Save pressed just before the list moves on to another day, and Save
// double-clicked (as many click every button).

let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://huggingface.co/papers/date/2024-07-31', await fixture('listings/hf-papers-date-2024-07-31.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
});

/** The reading list's items, by id: their titles. */
async function savedTitles(): Promise<Record<string, string>> {
  return Object.fromEntries((await listSavedFrom(extensionPage)).map((item) => [item.id, item.title]));
}

/** A double click whose second click comes once the first one's save is done (the store answered in between). */
async function doubleClickAfterSave(page: Page, save: Locator): Promise<void> {
  await save.scrollIntoViewIfNeeded();
  const box = (await save.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down({ clickCount: 1 });
  await page.mouse.up({ clickCount: 1 });
  await expect.poll(() => save.textContent()).toBe('Saved');
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
  await page.waitForTimeout(500);
}

describe('Save and the list moving on', () => {
  test('Save on a Hugging Face card while the store is slow, then the next day in the same cards: the paper clicked is saved under its own title', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/date/2024-07-31');
    await page.locator('[data-paperlens="badge"]').nth(4).waitFor();
    // Hugging Face's client-side navigation: another day's papers in the same cards.
    const showDay = (day: string, prefix: string) =>
      page.evaluate(
        ([date, ids]) => {
          history.pushState({}, '', `/papers/date/${date}`);
          document.querySelectorAll('article').forEach((article, index) => {
            for (const link of article.querySelectorAll('a[href^="/papers/"]')) link.setAttribute('href', `/papers/${ids}${index + 1}`);
            article.querySelector('h3 a')!.textContent = `Paper ${ids}${index + 1} of ${date}`;
          });
        },
        [day, prefix] as const,
      );
    // The worker busy for 2 s (a feed merge, a cold start): the store answers late.
    void browser.worker.evaluate(() => {
      const start = Date.now();
      while (Date.now() - start < 2000);
    }).catch(() => undefined);
    await page.waitForTimeout(50);
    await showDay('2024-08-01', '2408.0000');
    await page.locator('[data-paperlens="badge"][data-arxiv-id="2408.00001"]').getByTestId('badge-save').click();
    await page.waitForTimeout(200);
    await showDay('2024-08-02', '2408.1000');
    await expect.poll(savedTitles, { timeout: 10_000 }).toHaveProperty(['2408.00001']);
    // (It was saved as "Paper 2408.10001 of 2024-08-02", the next day's paper in that card.)
    expect((await savedTitles())['2408.00001']).toBe('Paper 2408.00001 of 2024-08-01');
    const saved = (await listSavedFrom(extensionPage)).find((item) => item.id === '2408.00001');
    expect(saved?.sourceUrl).toBe('https://huggingface.co/papers/date/2024-08-01');
    await page.close();
  });
});

describe('Save double-clicked', () => {
  test('on a listing badge: the paper stays saved (the second click removed it again); Enter on Saved still removes it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2407.21001"]');
    const save = badge.getByTestId('badge-save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await doubleClickAfterSave(page, save);
    expect(await save.textContent()).toBe('Saved');
    expect(await badge.getByTestId('badge-undo').count()).toBe(0);
    expect(await savedTitles()).toHaveProperty(['2407.21001']);

    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => save.textContent()).toBe('Save');
    expect(await badge.getByTestId('badge-undo').count()).toBe(1);
    expect(await savedTitles()).not.toHaveProperty(['2407.21001']);
    await page.close();
  });

  test("on an abstract page's card: the paper stays saved; Space on Saved still removes it", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    const save = card(page).getByTestId('save');
    await expect.poll(() => save.textContent()).toBe('Save');
    await doubleClickAfterSave(page, save);
    expect(await save.textContent()).toBe('Saved');
    expect(await card(page).getByTestId('undo').count()).toBe(0);
    expect(await savedTitles()).toHaveProperty(['2310.01779']);

    await save.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => save.textContent()).toBe('Save');
    expect(await card(page).getByTestId('undo').count()).toBe(1);
    expect(await savedTitles()).not.toHaveProperty(['2310.01779']);
    await page.close();
  });
});
