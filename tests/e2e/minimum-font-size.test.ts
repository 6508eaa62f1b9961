import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  // Chrome's Settings › Appearance › Customize fonts › Minimum font size, as a reader who needs
  // larger text sets it: every text of 18 px at least, the badge's 9 and 11 px ones too.
  const profileDir = await mkdtemp(join(tmpdir(), 'paperlens-min-font-'));
  await mkdir(join(profileDir, 'Default'));
  await writeFile(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { minimum_font_size: 18, minimum_logical_font_size: 18 } } }));
  browser = await launchExtension({ profileDir });
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('a reader with a minimum font size', () => {
  test("a badge's mark, buttons and menu grow with their text: none spills out of its outline, all stay inside the badge", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    await page.locator('[data-paperlens="badge"]').first().getByTestId('badge-save').waitFor();
    const spills = await page.evaluate(() => {
      const host = document.querySelector('[data-paperlens="badge"]')!;
      const badge = host.shadowRoot!.querySelector<HTMLElement>('.pl-badge')!;
      const outline = badge.getBoundingClientRect();
      return [...badge.querySelectorAll<HTMLElement>('.pl-mark, button, select')].flatMap((element) => {
        const box = element.getBoundingClientRect();
        const fontSize = parseFloat(getComputedStyle(element).fontSize);
        const problems: string[] = [];
        // Text of 18 px in a box less tall than that is drawn over its outline.
        if (box.height < fontSize) problems.push(`${element.textContent?.trim()}: ${box.height} px tall for ${fontSize} px text`);
        if (box.top < outline.top - 0.5 || box.bottom > outline.bottom + 0.5) problems.push(`${element.textContent?.trim()}: outside the badge`);
        return problems;
      });
    });
    expect(spills).toEqual([]);
    await page.close();
  });
});
