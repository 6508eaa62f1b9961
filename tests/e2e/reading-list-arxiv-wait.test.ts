import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, listSavedFrom, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

// QA: a library imported while arXiv could not be reached showed "No TL;DR" on 342 of 400 rows, and
// nothing on the page said why, or that the TL;DRs would come.
test('papers imported by id while arXiv is out of reach: the list says how many wait for arXiv and why (not one whose page was opened since); once arXiv answers, the line goes', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
  // Nothing served yet: every request to arXiv fails as offline.
  await page.getByTestId('import-file').setInputFiles({ name: 'ids.txt', mimeType: 'text/plain', buffer: Buffer.from('1706.03762\n2402.18041\n') });
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-result').waitFor();
  const status = page.getByTestId('arxiv-fill-status');
  await expect.poll(() => status.textContent()).toMatch(/^2 saved papers wait for their details from arXiv \(title, authors, TL;DR\): the last request failed \(.+\)\. Asking again (?:at|tomorrow at) .+\.$/);
  // The line's text changes as papers are read and requests fail or go through: the rows below it
  // stay where they are (a click on a row's Remove landed beside it when the line took a second line).
  const listTop = () => page.getByTestId('reading-list').evaluate((list) => Math.round(list.getBoundingClientRect().top));
  const rowsAt = await listTop();

  // One paper's page opened meanwhile (review): its card completes it, and it waits no more.
  browser.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
  const abs = await browser.context.newPage();
  await abs.goto('https://arxiv.org/abs/1706.03762');
  await expect.poll(() => status.textContent()).toMatch(/^One saved paper waits for its details from arXiv \(title, authors, TL;DR\): the last request failed/);
  await abs.close();

  // arXiv answers again; a paper saved by its id asks at once, and the ones waiting follow it.
  browser.serve('https://arxiv.org/abs/2402.18041', await fixture('arxiv-abs-2402.18041.html'));
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  await page.getByTestId('search').fill('2310.01779');
  await page.getByTestId('save-by-id').click();
  await expect.poll(() => status.textContent()).toMatch(/\(title, authors, TL;DR\): reading (?:it now|them one every 3 seconds, as arXiv asks)\.$/);
  expect(await listTop()).toBe(rowsAt);
  await expect.poll(() => status.count(), { timeout: 30_000 }).toBe(0);
  await page.getByTestId('search').fill('');
  await expect.poll(() => page.locator('[data-testid="reading-item"][data-arxiv-id="1706.03762"]').textContent()).toContain('Attention Is All You Need');
  expect(await page.getByText('No TL;DR').count()).toBe(0);
});

test('held after a failure, the waiting papers go on as soon as arXiv answers the popup, not at their retry time', async () => {
  const again = await launchExtension();
  try {
    const page = await again.context.newPage();
    await page.goto(`chrome-extension://${again.extensionId}/reading-list.html`);
    await page.getByTestId('empty').waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: 'ids.txt', mimeType: 'text/plain', buffer: Buffer.from('2402.18041\n') });
    await page.getByTestId('import-apply').click();
    const status = page.getByTestId('arxiv-fill-status');
    await expect.poll(() => status.textContent()).toMatch(/the last request failed \(.+\)\. Asking again/);
    again.serve('https://arxiv.org/abs/2402.18041', await fixture('arxiv-abs-2402.18041.html'));
    again.serve('https://arxiv.org/abs/1706.03762', await fixture('arxiv-abs-1706.03762.html'));
    // What the popup asks for a PDF tab of a paper the store lacks.
    expect((await sendFromPage(page, { type: 'arxivPage', id: '1706.03762' })).ok).toBe(true);
    await expect.poll(() => status.count(), { timeout: 20_000 }).toBe(0);
    expect((await listSavedFrom(page)).find((item) => item.id === '2402.18041')?.authors.length).toBeGreaterThan(0);
  } finally {
    await again.close();
  }
});
