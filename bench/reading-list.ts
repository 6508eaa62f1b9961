import { exportJson } from '../src/export';
import type { ReadingStatus, SavedItem } from '../src/schema';
import { READY_MARK } from '../src/ui/reading-list/app';
import { launchExtension } from '../tests/e2e/harness';
import { median, quantile, round } from './stats';
import { keystrokeTimer, typeQueries } from './keystrokes';
import { syntheticPapers } from './synthetic-papers';
import { zoteroLibraryOfAbstracts } from './tldr-data';

/**
 * The reading-list page in real Chromium with 5,000 saved papers (run `npm run build` first):
 * first render (navigation start → the list rendered with its items, the page's
 * `paperlens:reading-list-ready` mark), search-as-you-type latency per keystroke (input event →
 * the list filtered for that input rendered), export time per format (click → download) and
 * import time (a 5,000-item JSON backup through the page, timed by the page: file picked → preview
 * shown; Apply clicked → result shown); the preview of a reference manager's library with
 * abstracts (3,000 Zotero BibTeX entries with SciTLDR dev abstracts, whose TL;DRs are picked in the
 * page): its time and the longest task that held the page meanwhile; and the popup's search per
 * keystroke over those saved papers, typed with typos too.
 */

const STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];
// What people type: words the synthetic corpus holds, an author, notes text, words with typos, and a miss.
const QUERIES = ['speculative decoding', 'quantization low bit', 'müller', 'long context memory', 'reward model alignment', 'graph neural', 'speculatve decodng', 'quantizaton low bit', 'zzqxy nothing'];
// The popup over the same saved papers: as typed, then with typos (the first builds the saved
// papers' typo index), then a miss.
const POPUP_QUERIES = ['speculative decoding', 'speculatve decodng', 'quantizaton low bit', 'long contxt memory', 'zzqxy nothing'];
// Where the popup says which query its results are for.
const POPUP_RESULTS = '[data-testid="search-results"]';

/** `count` saved items shaped like a real list: titles, authors, TL;DRs, tags, notes on 40%. */
function savedItems(count: number): SavedItem[] {
  const now = Date.UTC(2026, 0, 1);
  return syntheticPapers(count, 11).map((paper, index) => ({
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    tldr: paper.summary.tldr,
    status: STATUSES[index % 3]!,
    tags: paper.summary.topics.slice(0, 1 + (index % 3)).filter((tag, at, all) => all.indexOf(tag) === at),
    notes: index % 5 < 2 ? paper.abstract.slice(0, 400) : '',
    addedAt: now - index * 3_600_000,
    updatedAt: now - index * 1_800_000,
    readAt: index % 3 === 2 ? now - index * 1_000_000 : null,
    sourceUrl: `https://arxiv.org/abs/${paper.id}`,
    published: null,
    primaryCategory: 'cs.LG',
    doi: null,
    journalRef: null,
    pdfUrl: `https://arxiv.org/pdf/${paper.id}`,
  }));
}


// Installed in the page: import times from the page's own events (the file picked → its preview
// shown; Apply clicked → the result shown), without the test driver's file transfer, and the
// page's long tasks (over 50 ms: the page could not answer a key or a click meanwhile).
const IMPORT_TIMER = `(() => {
  const times = (window.__import = {});
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.__longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask' });
  document.addEventListener('change', (event) => {
    if (event.target.matches('[data-testid="import-file"]')) times.picked = performance.now();
  }, true);
  document.addEventListener('click', (event) => {
    if (event.target.closest('[data-testid="import-apply"]')) times.applied = performance.now();
  }, true);
  new MutationObserver(() => {
    if (times.picked && !times.previewed && document.querySelector('[data-testid="import-summary"]')) times.previewed = performance.now();
    if (times.applied && !times.done && document.querySelector('[data-testid="import-result"]')) times.done = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface ImportTimes {
  picked: number;
  previewed: number;
  applied: number;
  done: number;
}

interface LongTask {
  start: number;
  duration: number;
}

/** Wall time of `work`, for steps the page cannot time itself (a download reaching the browser). */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}


export interface ReadingListReport {
  items: number;
  fileBytes: number;
  firstRenderMs: { median: number; max: number; runs: number };
  keystrokes: number;
  keystrokeMs: { median: number; p95: number; max: number };
  /** The popup's search as you type over the store and these saved papers, typos included. */
  popupKeystrokes: number;
  popupKeystrokeMs: { median: number; p95: number; max: number };
  exportMs: Record<string, number>;
  importMs: { preview: number; apply: number; total: number };
  /** 3,000 Zotero entries with abstracts: the file picked → its preview shown, and the longest task meanwhile. */
  abstractsImport: { papers: number; previewMs: number; longestTaskMs: number };
  /** Every saved paper deleted at once (Delete pressed → the list empty), then Recently removed's Restore all (pressed → all listed again). */
  deleteAll: { papers: number; deleteMs: number; restoreAllMs: number };
}

export async function benchReadingList(count = 5000, renders = 7): Promise<ReadingListReport> {
  const browser = await launchExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript(keystrokeTimer('main'));
    await page.addInitScript(IMPORT_TIMER);
    await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    await page.getByTestId('empty').waitFor();

    // Fill the store through the page's own import: its time is the import figure.
    const file = Buffer.from(exportJson(savedItems(count), Date.now()));
    await page.getByTestId('import-file').setInputFiles({ name: 'reading-list.json', mimeType: 'application/json', buffer: file });
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const times = await page.evaluate(() => (window as unknown as { __import: ImportTimes }).__import);
    const preview = times.previewed - times.picked;
    const apply = times.done - times.applied;
    await page.waitForFunction((n) => document.querySelector('[data-testid="reading-list"]')?.getAttribute('data-count') === String(n), count, { timeout: 60_000 });

    const firstRenders: number[] = [];
    for (let run = 0; run < renders; run++) {
      await page.reload();
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, { timeout: 30_000 });
      firstRenders.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, READY_MARK));
    }
    await page.getByTestId('reading-list').waitFor();
    // Let the idle-time search preparation run, as it would while a person reads the page.
    await page.waitForTimeout(500);
    const records = await typeQueries(page, QUERIES, 'main');
    const keystrokes = records.filter((record) => record.end !== null).map((record) => record.end! - record.start);

    const popup = await browser.context.newPage();
    await popup.addInitScript(keystrokeTimer(POPUP_RESULTS));
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('search').waitFor();
    // A reader looks at the popup a moment before typing: what it loads once its first list shows is in.
    await popup.waitForTimeout(1_500);
    const popupKeystrokes = (await typeQueries(popup, POPUP_QUERIES, POPUP_RESULTS)).filter((record) => record.end !== null).map((record) => record.end! - record.start);
    await popup.close();

    const exportMs: Record<string, number> = {};
    for (const format of ['json', 'bibtex', 'ris', 'csv', 'markdown']) {
      exportMs[format] = round(
        await timed(async () => {
          const download = page.waitForEvent('download');
          await page.getByTestId(`export-${format}`).click();
          await download;
        }),
        0,
      );
    }

    // A reference manager's library: each abstract's TL;DR is picked in the page before the preview.
    const abstractPapers = 3000;
    await page.evaluate(() => {
      const times = (window as unknown as { __import: Partial<ImportTimes> }).__import;
      delete times.picked;
      delete times.previewed;
    });
    await page.getByTestId('import-file').setInputFiles({ name: 'My Library.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(zoteroLibraryOfAbstracts(abstractPapers)) });
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    const library = await page.evaluate(() => {
      const window_ = window as unknown as { __import: ImportTimes; __longTasks: LongTask[] };
      const { picked, previewed } = window_.__import;
      // From the file picked (before it, the test driver hands the page the file's 3 MB).
      const during = window_.__longTasks.filter((task) => task.start >= picked && task.start < previewed);
      return { preview: previewed - picked, longest: Math.max(0, ...during.map((task) => task.duration)) };
    });
    await page.getByTestId('import-cancel').click();

    // A bulk delete of the whole list, kept whole for Recently removed, and put back in one go.
    await page.getByTestId('select-all').check();
    const deleteMs = await timed(async () => {
      await page.getByTestId('bulk-delete').click();
      await page.getByTestId('empty').waitFor({ timeout: 60_000 });
    });
    const removed = page.getByTestId('recently-removed');
    await removed.locator('summary').click();
    const restoreAll = removed.getByTestId('restore-removal');
    await restoreAll.waitFor({ timeout: 60_000 });
    const restoreAllMs = await timed(async () => {
      await restoreAll.click();
      await page.waitForFunction((n) => document.querySelector('[data-testid="reading-list"]')?.getAttribute('data-count') === String(n), count, { timeout: 60_000 });
    });

    return {
      items: count,
      fileBytes: file.length,
      firstRenderMs: { median: round(median(firstRenders), 0), max: round(Math.max(...firstRenders), 0), runs: firstRenders.length },
      keystrokes: keystrokes.length,
      keystrokeMs: { median: round(median(keystrokes)), p95: round(quantile(keystrokes, 0.95)), max: round(Math.max(...keystrokes)) },
      popupKeystrokes: popupKeystrokes.length,
      popupKeystrokeMs: { median: round(median(popupKeystrokes)), p95: round(quantile(popupKeystrokes, 0.95)), max: round(Math.max(...popupKeystrokes)) },
      exportMs,
      importMs: { preview: round(preview, 0), apply: round(apply, 0), total: round(preview + apply, 0) },
      abstractsImport: { papers: abstractPapers, previewMs: round(library.preview, 0), longestTaskMs: round(library.longest, 0) },
      deleteAll: { papers: count, deleteMs: round(deleteMs, 0), restoreAllMs: round(restoreAllMs, 0) },
    };
  } finally {
    await browser.close();
  }
}
