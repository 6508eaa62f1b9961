import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colourTools } from './colour-contrast';
import { launchExtension, listedItem, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

interface Field { field: string; inside: number; outside: number }

/**
 * Each visible text field's border contrast (WCAG 2.1 AA, 1.4.11: 3:1 for what identifies a control)
 * against the field's own background and against the background drawn around it. An empty search
 * box, tags field or note is seen only by its border.
 */
function fieldBorders(page: Page): Promise<Field[]> {
  return page.evaluate((tools) => {
    const { parse, contrast, backgroundOf } = (new Function(`return (${tools})`)() as typeof colourTools)();
    const ratio = (a: Parameters<typeof contrast>[0], b: Parameters<typeof contrast>[1]) => Math.round(contrast(a, b) * 100) / 100;
    return [...document.querySelectorAll('input[type="search"], input[type="text"], textarea')]
      .filter((field) => field.getBoundingClientRect().width > 1)
      .map((field) => {
        const border = parse(getComputedStyle(field).borderTopColor)!;
        return {
          field: field.getAttribute('data-testid') ?? field.getAttribute('aria-label') ?? field.tagName,
          inside: ratio(border, backgroundOf(field)),
          outside: ratio(border, backgroundOf(field.parentElement)),
        };
      });
  }, colourTools.toString());
}

const faint = (fields: Field[]) => fields.filter(({ inside, outside }) => inside < 3 || outside < 3);

describe('text fields are seen by their borders (3:1)', () => {
  // The fields were drawn with the divider grey: 1.34:1 on white, 1.49–1.59:1 in dark, so an empty
  // tags field or note on a row, or the search boxes, hardly showed where to type.
  test.each(['light', 'dark'] as const)('the reading list, a row selected and the bulk bar open (%s)', async (scheme) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    await sendFromPage(page, { type: 'clearReadingData' });
    const items = [listedItem('2401.00001', 'Paper one'), listedItem('2401.00002', 'Paper two')];
    expect((await sendFromPage(page, { type: 'importApply', items, rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('reading-item').first().waitFor();
    await page.getByTestId('select').first().check();
    const fields = await fieldBorders(page);
    // Search, the bulk bar's tags, and each row's tags and notes.
    expect(fields.length).toBeGreaterThanOrEqual(6);
    expect(faint(fields)).toEqual([]);
    await page.close();
  });

  test.each(['light', 'dark'] as const)('the popup search box (%s)', async (scheme) => {
    const popup = await browser.popup();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByTestId('search').waitFor();
    const fields = await fieldBorders(popup);
    expect(fields.map(({ field }) => field)).toEqual(['search']);
    expect(faint(fields)).toEqual([]);
    await popup.close();
  });
});
