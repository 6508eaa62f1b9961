import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, listedItem, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('the reading list', () => {
  // "Select all shown" sat 10 px left of the column of row checkboxes it stands over (the rows are
  // inset by their padding, and each row's box was stretched across its 24 px column).
  test.each([1400, 700, 420])('"Select all shown" is in line with the rows\' checkboxes at %i px', async (width) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    await sendFromPage(page, { type: 'clearReadingData' });
    expect((await sendFromPage(page, { type: 'importApply', items: [listedItem('2401.00001', 'One'), listedItem('2401.00002', 'Two')], rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('reading-item').first().waitFor();
    const boxes = await page.evaluate(() =>
      [document.querySelector('[data-testid="select-all"]')!, ...document.querySelectorAll('[data-testid="select"]')].map((box) => {
        const rect = box.getBoundingClientRect();
        return { left: rect.left, width: rect.width };
      }),
    );
    // The same box, at the same place: a checkbox draws its box across its width.
    expect(boxes.slice(1)).toEqual(boxes.slice(1).map(() => boxes[0]));
    await page.close();
  });
});
