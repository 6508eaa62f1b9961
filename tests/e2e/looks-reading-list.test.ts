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

  // At 400 px the text had 220 px beside an 84 px column of status and Remove: one line of title
  // and of TL;DR, the arXiv id cut off the meta line, tags 105 px, notes 105 × 41 px. At 640 px (a
  // 1280 px window at 200% zoom) the title showed 416 of its 658 px.
  test('a paper\'s row in a narrow window: the title whole, the arXiv id in view, status and Remove under the text, tags and notes the text\'s width', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    await sendFromPage(page, { type: 'clearReadingData' });
    const flash = listedItem('2205.14135', 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', {
      authors: ['Tri Dao', 'Daniel Y. Fu', 'Stefano Ermon', 'Atri Rudra', 'Christopher Ré'],
      tldr: 'We propose FlashAttention, an IO-aware exact attention algorithm that uses tiling to reduce the number of memory reads and writes.',
      tags: ['efficiency', 'attention', 'to cite'],
      notes: 'Tiling and recomputation.\nCompare with xformers.\nCheck table 2 for GPT-2.\nUsed in our baseline.',
      status: 'read',
      readAt: Date.UTC(2025, 0, 13),
    });
    expect((await sendFromPage(page, { type: 'importApply', items: [flash, listedItem('1706.03762', 'Attention Is All You Need', { authors: ['Ashish Vaswani'] })], rejected: [] })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('reading-item').first().waitFor();
    const measure = () =>
      page.evaluate(() => {
        const row = document.querySelector('[data-arxiv-id="2205.14135"]')!;
        const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect();
        const title = row.querySelector<HTMLElement>('[data-testid="title"]')!;
        // The innermost element of the meta line holding the id.
        const id = [row.querySelector<HTMLElement>('.meta')!, ...row.querySelectorAll<HTMLElement>('.meta *')].reverse().find((part) => part.textContent!.includes('arXiv 2205.14135'))!;
        const notes = row.querySelector<HTMLElement>('[data-testid="notes"]')!;
        const noteLine = parseFloat(getComputedStyle(notes).lineHeight);
        const main = box('.item-main');
        return {
          text: Math.round(main.width),
          titleLines: Math.round(title.clientHeight / parseFloat(getComputedStyle(title).lineHeight)),
          titleWhole: title.scrollHeight <= title.clientHeight,
          idInView: id.scrollWidth <= id.clientWidth && id.getBoundingClientRect().right <= main.right + 1,
          // When it was added and read, whole (at 500 px "read Jan 13, 2025" was cut to "read Ja…", the authors to nothing).
          aboutWhole: [...row.querySelectorAll<HTMLElement>('.about, .about-part')].every((part) => part.scrollWidth <= part.clientWidth && part.getBoundingClientRect().right <= main.right + 1),
          about: row.querySelector('.about')!.textContent,
          authors: Math.round(box('.authors').width),
          controlsUnderText: box('[data-testid="status"]').top >= box('[data-testid="notes"]').bottom && box('[data-testid="remove"]').top >= box('[data-testid="notes"]').bottom,
          controlsInRow: box('[data-testid="remove"]').bottom <= row.getBoundingClientRect().bottom,
          tags: Math.round(box('[data-testid="tags"]').width),
          notes: { width: Math.round(notes.getBoundingClientRect().width), lines: Math.floor((notes.clientHeight - parseFloat(getComputedStyle(notes).paddingTop)) / noteLine) },
          // Every row as tall as the others (the list places them by index), none cut.
          rows: [...document.querySelectorAll<HTMLElement>('[data-testid="reading-item"]')].map((item) => ({ height: item.offsetHeight, cut: item.scrollHeight > item.clientHeight })),
          // The height the style sheet gives rows at this width: rows laid out at it were not grown after.
          designed: parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--row-height')),
          sideways: document.documentElement.scrollWidth > innerWidth,
        };
      });
    const narrow = await measure();
    expect(narrow).toMatchObject({ titleLines: 3, titleWhole: true, idInView: true, aboutWhole: true, controlsUnderText: true, controlsInRow: true, sideways: false });
    expect(narrow.about).toMatch(/^arXiv 2205\.14135 · added .+ · read Jan 1[23], 2025$/);
    expect(narrow.authors).toBe(narrow.text);
    expect(narrow.text).toBeGreaterThanOrEqual(300);
    expect(narrow.tags).toBe(narrow.text);
    expect(narrow.notes).toEqual({ width: narrow.text, lines: 3 });
    expect(new Set(narrow.rows.map((row) => row.height))).toEqual(new Set([narrow.designed]));
    expect(narrow.rows.filter((row) => row.cut)).toEqual([]);
    // A 1280 px window at 200% zoom, and a narrower one still beside a column of status and Remove.
    for (const [width, titleLines] of [[640, 2], [500, 3]] as const) {
      await page.setViewportSize({ width, height: 900 });
      // The rows are laid out anew once the page hears of the resize: at the height designed for the width.
      await expect.poll(async () => {
        const { titleWhole, rows, designed } = await measure();
        return titleWhole && rows.every((row) => row.height === designed);
      }).toBe(true);
      const zoomed = await measure();
      expect({ width, ...zoomed }).toMatchObject({ width, titleLines, idInView: true, aboutWhole: true, controlsInRow: true, sideways: false });
      expect(zoomed.authors).toBe(zoomed.text);
      expect(new Set(zoomed.rows.map((row) => row.height))).toEqual(new Set([zoomed.designed]));
      expect(zoomed.rows.filter((row) => row.cut)).toEqual([]);
    }
    await page.close();
  });
});
