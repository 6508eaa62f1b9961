import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, launchExtension, listedItem, sendFromPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let profileDir: string;

beforeAll(async () => {
  // Chrome's Settings › Appearance › Customize fonts › Minimum font size, as a reader who needs
  // larger text sets it: every text of 18 px at least, the badge's 9 and 11 px ones too.
  profileDir = await mkdtemp(join(tmpdir(), 'paperlens-min-font-'));
  await mkdir(join(profileDir, 'Default'));
  await writeFile(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { minimum_font_size: 18, minimum_logical_font_size: 18 } } }));
  browser = await launchExtension({ profileDir });
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
});

afterAll(async () => {
  await browser?.close();
  // A profile given to launchExtension is kept on close.
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
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

  test("reading-list rows grow with their text: the TL;DR's second line and the notes box are inside their row, rows do not overlap", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const tldr = 'We propose a new simple network architecture based solely on attention mechanisms, dispensing with recurrence and convolutions entirely, and it trains in a fraction of the time.';
    const items = Array.from({ length: 30 }, (_, index) => listedItem(`2401.${String(index + 1).padStart(5, '0')}`, `Paper ${index + 1}`, { tldr, notes: 'First line\nSecond line' }));
    expect((await sendFromPage(page, { type: 'importApply', items, rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('reading-item').first().waitFor();
    // Far down the list too: rows are placed by index from one shared height.
    for (const offset of [0, 20 * 172]) {
      await page.evaluate((top) => scrollTo({ top }), offset);
      await page.waitForTimeout(100);
      const cut = await page.evaluate(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="reading-item"]')];
        const problems: string[] = [];
        rows.forEach((row, index) => {
          const box = row.getBoundingClientRect();
          const name = row.querySelector('.title')?.textContent;
          for (const part of row.querySelectorAll<HTMLElement>('.tldr, textarea, input[type="text"]')) {
            const inner = part.getBoundingClientRect();
            if (inner.bottom > box.bottom + 0.5) problems.push(`${name}: ${part.tagName.toLowerCase()} ends ${Math.round(inner.bottom - box.bottom)} px below its row`);
          }
          // The TL;DR shows two whole lines of its text, not one and a sliver.
          const tldrBox = row.querySelector<HTMLElement>('.tldr')!;
          const lineHeight = parseFloat(getComputedStyle(tldrBox).fontSize) * 1.2;
          if (tldrBox.clientHeight < 2 * lineHeight) problems.push(`${name}: TL;DR ${tldrBox.clientHeight} px tall, under two lines`);
          const next = rows[index + 1];
          if (next && next.getBoundingClientRect().top < box.bottom - 0.5) problems.push(`${name}: overlaps the next row`);
        });
        return problems;
      });
      expect(cut).toEqual([]);
    }
    await page.close();
  });
});
