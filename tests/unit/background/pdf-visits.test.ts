import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recentlySeen } from '../../../src/db/papers';
import { DEFAULT_SETTINGS, saveSettings } from '../../../src/settings/settings';
import type { Settings } from '../../../src/schema';
import { profile } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

type Tab = Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];

/** A tab that has finished loading `url`, titled `title` by the browser (the chosen tab, unless `active` is false). */
async function loaded(id: number, url: string, title: string, active = true): Promise<void> {
  await fakeBrowser.tabs.onUpdated.trigger(id, { status: 'complete' }, { id, url, title, active } as Tab);
}

/** A profile whose worker has installed and seeded its store, with these settings saved first. */
async function installed(settings?: Settings) {
  const browser = await profile();
  if (settings) await saveSettings(settings);
  browser.start();
  await browser.installed('install');
  await browser.seeded();
  return browser;
}

describe('an arXiv PDF opened straight from a link', () => {
  test('is a visit: in Recent, under the title PaperLens gave the tab, else the store’s or none (not the browser’s names for a PDF)', { timeout: 20_000 }, async () => {
    const browser = await installed();
    // Named by PaperLens after its arXiv page (a paper the store does not hold).
    await loaded(5, 'https://arxiv.org/pdf/1706.03762v7', 'Attention Is All You Need | arXiv 1706.03762v7');
    // Still titled by its address; then by the PDF's metadata, which may be anything.
    await loaded(6, 'https://arxiv.org/pdf/2310.01779v3', 'arxiv.org/pdf/2310.01779v3');
    await loaded(7, 'https://arxiv.org/pdf/2402.18041.pdf', 'Microsoft Word - paper.docx');
    // Not a PDF: its page's card records its visit.
    await loaded(8, 'https://arxiv.org/abs/2401.14556', '[2401.14556] Do Not (Always) Look Right');
    await vi.waitFor(async () => expect(await browser.db.seen.count()).toBe(3));
    const recent = await recentlySeen(browser.db, 50);
    expect(Object.fromEntries(recent.map((paper) => [paper.id, paper.title]))).toEqual({
      '1706.03762': 'Attention Is All You Need',
      '2310.01779': (await browser.seed()).papers.find((paper) => paper.id === '2310.01779')!.title,
      '2402.18041': (await browser.seed()).papers.find((paper) => paper.id === '2402.18041')!.title,
    });
    expect(await browser.db.seen.get('2310.01779')).not.toHaveProperty('title');
  });

  test('takes the title PaperLens gives its tab after it has loaded', { timeout: 20_000 }, async () => {
    const browser = await installed();
    await loaded(5, 'https://arxiv.org/pdf/1706.03762v7', 'arxiv.org/pdf/1706.03762v7');
    await vi.waitFor(async () => expect(await browser.db.seen.count()).toBe(1));
    // (A title of the PDF's own has the tab asked to name itself again.)
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    // The PDF's own title changing is no visit and names nothing.
    await fakeBrowser.tabs.onUpdated.trigger(5, { title: 'Microsoft Word - paper.docx' }, { id: 5, url: 'https://arxiv.org/pdf/1706.03762v7', title: 'Microsoft Word - paper.docx' } as Tab);
    const title = 'Attention Is All You Need | arXiv 1706.03762v7';
    await fakeBrowser.tabs.onUpdated.trigger(5, { title }, { id: 5, url: 'https://arxiv.org/pdf/1706.03762v7', title } as Tab);
    await vi.waitFor(async () => expect((await recentlySeen(browser.db, 50)).map((paper) => paper.title)).toEqual(['Attention Is All You Need']));
  });

  test('named again later (the option turned on over open PDFs), it is no new visit: Recent keeps its order', { timeout: 20_000 }, async () => {
    const browser = await installed();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await loaded(5, 'https://arxiv.org/pdf/1706.03762', 'arxiv.org/pdf/1706.03762');
    await vi.waitFor(async () => expect(await browser.db.seen.count()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await loaded(6, 'https://arxiv.org/pdf/2310.01779', 'arxiv.org/pdf/2310.01779');
    await vi.waitFor(async () => expect(await browser.db.seen.count()).toBe(2));
    const title = 'Attention Is All You Need | arXiv 1706.03762';
    await fakeBrowser.tabs.onUpdated.trigger(5, { title }, { id: 5, url: 'https://arxiv.org/pdf/1706.03762', title } as Tab);
    await vi.waitFor(async () => expect((await browser.db.seen.get('1706.03762'))?.title).toBe('Attention Is All You Need'));
    expect((await recentlySeen(browser.db, 50)).map((paper) => paper.id)).toEqual(['2310.01779', '1706.03762']);
  });

  test('is not remembered with seen marks off', { timeout: 20_000 }, async () => {
    const browser = await installed({ ...DEFAULT_SETTINGS, seenEnabled: false });
    await loaded(5, 'https://arxiv.org/pdf/1706.03762v7', 'Attention Is All You Need | arXiv 1706.03762v7');
    // Switched on (the first PDF's visit has read the setting already), the next PDF is a visit,
    // written after the first would have been.
    await saveSettings({ ...DEFAULT_SETTINGS, seenEnabled: true });
    await loaded(6, 'https://arxiv.org/pdf/2310.01779v3', 'arxiv.org/pdf/2310.01779v3');
    await vi.waitFor(async () => expect(await browser.db.seen.get('2310.01779')).toBeDefined());
    expect((await recentlySeen(browser.db, 50)).map((paper) => paper.id)).toEqual(['2310.01779']);
  });

  test('loaded out of sight (a background tab, a tab restored with the session), it is a visit once the reader chooses its tab', { timeout: 20_000 }, async () => {
    const browser = await installed();
    const recentIds = async () => (await recentlySeen(browser.db, 50)).map((paper) => paper.id);
    await loaded(5, 'https://arxiv.org/pdf/2310.01779', 'arxiv.org/pdf/2310.01779');
    await vi.waitFor(async () => expect(await recentIds()).toEqual(['2310.01779']));
    const loadedBehind = async (url: string) => {
      const tab = await fakeBrowser.tabs.create({ url, active: false });
      await loaded(tab.id!, url, url.replace('https://', ''), false);
      return tab.id!;
    };
    const behind = [await loadedBehind('https://arxiv.org/pdf/1706.03762'), await loadedBehind('https://arxiv.org/pdf/2402.18041')];

    // The tab chosen is a visit; the other, still out of sight, is not (a visit at loading would be written before this one).
    await fakeBrowser.tabs.update(behind[1]!, { active: true });
    await vi.waitFor(async () => expect(await recentIds()).toEqual(['2402.18041', '2310.01779']));
    await fakeBrowser.tabs.update(behind[0]!, { active: true });
    await vi.waitFor(async () => expect(await recentIds()).toEqual(['1706.03762', '2402.18041', '2310.01779']));
    // Coming back to a tab already looked at is no new visit. Another tab chosen afterwards is one,
    // written after any the first switch made.
    await fakeBrowser.tabs.update(behind[1]!, { active: true });
    await fakeBrowser.tabs.update(await loadedBehind('https://arxiv.org/pdf/2401.14556'), { active: true });
    await vi.waitFor(async () => expect(await browser.db.seen.get('2401.14556')).toBeDefined());
    expect(await recentIds()).toEqual(['2401.14556', '1706.03762', '2402.18041', '2310.01779']);
  });
});
