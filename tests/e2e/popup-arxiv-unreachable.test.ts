import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, PDF, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  // The PDF opens; its abstract page is not served: arXiv cannot be reached for it.
  browser.serve('https://arxiv.org/pdf/2501.00042v2', { body: PDF, contentType: 'application/pdf' });
});

afterAll(async () => {
  await browser?.close();
});

test("a PDF tab of a paper PaperLens does not know, arXiv out of reach: This tab and Copy BibTeX say arXiv could not be reached, not to switch on a setting that is on", async () => {
  const pdf = await browser.context.newPage();
  await pdf.goto('https://arxiv.org/pdf/2501.00042v2').catch(() => undefined);
  const popup = await browser.popup();
  const thisTab = popup.getByTestId('this-tab');
  await expect.poll(async () => (await thisTab.getByTestId('arxiv-unreachable').allTextContents()).join('')).toMatch(/^Title and authors unknown: no connection to arXiv, or the request was blocked\. Asking arXiv again in \d+ s\.$/);
  await thisTab.getByTestId('copy-bibtex').click();
  const error = thisTab.locator('.error');
  await expect.poll(async () => (await error.allTextContents()).join('')).toMatch(/arXiv did not give them \(no connection to arXiv, or the request was blocked\) — try again later$/);
  expect(await error.textContent()).not.toContain('Complete papers from arXiv');
  await popup.close();
  await pdf.close();
});

test('with "Complete papers from arXiv" off, a PDF tab of a paper PaperLens does not know says that is why its title is unknown, and arXiv is not asked until it is switched on', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('setting-completeFromArxiv').uncheck();
  await options.getByText('Complete papers from arXiv off. Saved.', { exact: false }).waitFor();
  browser.serve('https://arxiv.org/pdf/2501.00043', { body: PDF, contentType: 'application/pdf' });
  const pdf = await browser.context.newPage();
  await pdf.goto('https://arxiv.org/pdf/2501.00043').catch(() => undefined);
  const popup = await browser.popup();
  const thisTab = popup.getByTestId('this-tab');
  await expect.poll(() => thisTab.getByTestId('arxiv-off').textContent()).toBe('Title and authors unknown: “Complete papers from arXiv” is off in settings; switch it on to read them from arXiv.');
  expect(await thisTab.getByTestId('arxiv-unreachable').count()).toBe(0);
  expect(browser.requests.filter((request) => request.url().startsWith('https://arxiv.org/abs/2501.00043'))).toHaveLength(0);
  // Switched on with the popup open: arXiv is asked then (here out of reach, and said so).
  await options.getByTestId('setting-completeFromArxiv').check();
  await expect.poll(async () => (await thisTab.getByTestId('arxiv-unreachable').allTextContents()).join('')).toMatch(/^Title and authors unknown: no connection to arXiv/);
  expect(await thisTab.getByTestId('arxiv-off').count()).toBe(0);
  expect(browser.requests.filter((request) => request.url().startsWith('https://arxiv.org/abs/2501.00043')).length).toBeGreaterThan(0);
  await Promise.all([popup.close(), pdf.close(), options.close()]);
});
