import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { concurrencyPlan, planViolations } from '../unit/reading-list/concurrency-plan';
import { placeholderTitle } from '../../src/papers/ids';
import type { Browser } from 'wxt/browser';
import { launchExtension, type ExtensionBrowser, sendFromPage, listSavedFrom, listedItem, LISTED_AT } from './harness';

/** The extension API as an extension page sees it (for `page.evaluate`). */
type PageGlobal = { chrome: typeof Browser };

let browser: ExtensionBrowser;
let page: Page;

const DAY = 86_400_000;
const BASE = LISTED_AT;

/** 30 papers: three with distinct text, tags and statuses, and 27 plain ones. */
const ITEMS: SavedItem[] = [
  listedItem('1706.03762', 'Attention Is All You Need', {
    authors: ['Ashish Vaswani', 'Noam Shazeer'], status: 'read', readAt: BASE + 2 * DAY, tags: ['nlp', 'classic'], notes: 'The transformer paper',
    addedAt: BASE + 3 * DAY, updatedAt: BASE + 3 * DAY, tldr: 'Attention alone is enough for translation.',
  }),
  listedItem('2310.01779', 'HallE-Switch: Controlling Object Hallucination', { authors: ['Bohan Zhai'], tags: ['vision'], addedAt: BASE + 2 * DAY, updatedAt: BASE + 40 * DAY, tldr: 'Über-detailed captions hallucinate.' }),
  listedItem('2407.13623', 'Scaling Laws with Vocabulary', { authors: ['Chaofan Tao'], status: 'reading', tags: ['nlp'], addedAt: BASE + DAY, updatedAt: BASE + DAY }),
  ...Array.from({ length: 27 }, (_, index) =>
    listedItem(`2401.${String(index + 1).padStart(5, '0')}`, `Filler paper ${String(index + 1).padStart(2, '0')}`, { addedAt: BASE - index * DAY, updatedAt: BASE - index * DAY }),
  ),
];

const listed = (from: Page) => listSavedFrom(from);

const list = () => page.getByTestId('reading-list');
const row = (id: string) => page.locator(`[data-testid="reading-item"][data-arxiv-id="${id}"]`);
/** The Undo of the offer that says `message` (each change has its own, newest first). */
const undoOf = (message: string) => page.getByTestId('undo-offer').filter({ hasText: message }).getByTestId('undo');
const shownIds = () => page.getByTestId('reading-item').evaluateAll((rows) => rows.map((node) => node.getAttribute('data-arxiv-id')));

async function resetList(): Promise<void> {
  await sendFromPage(page, { type: 'clearReadingData' });
  const reply = await sendFromPage(page, { type: 'importApply', items: ITEMS, rejected: [] });
  expect(reply.ok).toBe(true);
  await page.reload();
  await expect.poll(() => list().getAttribute('data-count')).toBe('30');
  // The first screen of rows shows before the whole list is read; the filters and counts come
  // with the whole list.
  await expect.poll(() => list().getAttribute('aria-busy')).toBe('false');
}

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/1706.03762', '<!doctype html><title>Attention</title><p>abs page</p>');
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('reading-list page', () => {
  test('an empty list says so; loaded, it filters by status and tag and sorts', async () => {
    expect(await page.getByTestId('empty').textContent()).toContain('Your reading list is empty');
    await resetList();
    expect((await shownIds()).slice(0, 3)).toEqual(['1706.03762', '2310.01779', '2407.13623']);

    await page.getByTestId('filter-status').selectOption('reading');
    await expect.poll(shownIds).toEqual(['2407.13623']);
    await page.getByTestId('filter-status').selectOption('all');
    await page.getByTestId('filter-tag').selectOption('nlp');
    await expect.poll(shownIds).toEqual(['1706.03762', '2407.13623']);
    expect(await page.getByTestId('count').textContent()).toBe('2 of 30 papers');
    await page.getByTestId('sort').selectOption('title');
    await expect.poll(shownIds).toEqual(['2407.13623', '1706.03762'].reverse());
    await page.getByTestId('sort').selectOption('updated');
    await page.getByTestId('filter-tag').selectOption('');
    await expect.poll(async () => (await shownIds())[0]).toBe('2310.01779');
    await page.getByTestId('sort').selectOption('added');
  });

  test('search as you type over title, TL;DR, notes and authors (accents folded); no match is explained', async () => {
    const search = page.getByTestId('search');
    await search.pressSequentially('vaswani', { delay: 15 });
    await expect.poll(shownIds).toEqual(['1706.03762']);
    await search.fill('transformer paper'); // notes
    await expect.poll(shownIds).toEqual(['1706.03762']);
    await search.fill('uber-detailed'); // TL;DR, without the umlaut
    await expect.poll(shownIds).toEqual(['2310.01779']);
    // A word of the abstract the store holds of a saved paper (HallE-Switch's, from the seed), not of its saved fields.
    await search.fill('cceval');
    await expect.poll(shownIds).toEqual(['2310.01779']);
    await expect.poll(() => page.getByTestId('count').textContent()).toBe('1 of 30 papers (1 by abstract or topics)');
    // A name the abstract uses, misspelled (QA: the popup found it, the reading list did not).
    await search.fill('ccevel');
    await expect.poll(shownIds).toEqual(['2310.01779']);
    await search.fill('filler paper 2');
    await expect.poll(() => list().getAttribute('data-count')).toBe('10'); // every word: 02, 12, 20–27
    await search.fill('zzqxy');
    await expect.poll(() => page.getByTestId('no-matches').textContent()).toContain('No saved paper matches “zzqxy”');
    // Cleared from the keyboard, the focus stays in the page's controls (the button goes away).
    await page.getByTestId('clear-filters').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list().getAttribute('data-count')).toBe('30');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await search.fill('zzqxy');
    await search.fill('');
    await expect.poll(() => list().getAttribute('data-count')).toBe('30');
  });

  test('a misspelled word finds its paper, as in the popup; Escape clears the search, then leaves the box', async () => {
    const search = page.getByTestId('search');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect.poll(focused).toBe('search');
    await page.keyboard.type('atention is all');
    await expect.poll(shownIds).toEqual(['1706.03762']);
    expect(await page.getByTestId('count').textContent()).toBe('1 of 30 papers');
    await search.fill('hallucinaton');
    await expect.poll(shownIds).toEqual(['2310.01779']);
    await page.keyboard.press('Escape');
    await expect.poll(() => list().getAttribute('data-count')).toBe('30');
    expect({ text: await search.inputValue(), focused: await focused() }).toEqual({ text: '', focused: 'search' });
    await page.keyboard.press('Escape');
    expect(await focused()).not.toBe('search');
  });

  test('notes and tags edited inline are kept after a reload', async () => {
    const notes = row('2407.13623').getByTestId('notes');
    await notes.fill('Check table 3 — Ünïcødé ✓\nsecond line');
    await expect.poll(() => row('2407.13623').getByTestId('notes-state').getAttribute('data-state')).toBe('saved');
    await row('2407.13623').getByTestId('tags').fill('nlp, scaling,  to cite ');
    await row('2407.13623').getByTestId('tags').press('Enter');
    await expect.poll(() => row('2407.13623').getByTestId('tags-state').getAttribute('data-state')).toBe('saved');
    await page.reload();
    await expect.poll(() => row('2407.13623').getByTestId('notes').inputValue()).toBe('Check table 3 — Ünïcødé ✓\nsecond line');
    expect(await row('2407.13623').getByTestId('tags').inputValue()).toBe('nlp, scaling, to cite');
    const stored = (await listed(page)).find((entry) => entry.id === '2407.13623')!;
    expect(stored.tags).toEqual(['nlp', 'scaling', 'to cite']);
    expect(stored.updatedAt).toBeGreaterThan(BASE + DAY);

    // A tag too long is refused in plain words, on screen inside the row, and nothing is stored.
    const tags = row('2407.13623').getByTestId('tags');
    await tags.fill(`nlp, ${'x'.repeat(150)}`);
    await tags.press('Enter');
    const alert = row('2407.13623').getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(`Tags not saved: a tag is at most 100 characters; “${'x'.repeat(24)}…” has 150`);
    const [box, rowBox] = await Promise.all([alert.boundingBox(), row('2407.13623').boundingBox()]);
    expect(box!.height).toBeGreaterThan(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height);
    expect((await listed(page)).find((entry) => entry.id === '2407.13623')!.tags).toEqual(['nlp', 'scaling', 'to cite']);
    await tags.fill('nlp, scaling, to cite');
    await tags.press('Enter');
    await expect.poll(() => alert.count()).toBe(0);
    // Tags that store as the ones already there (a tag again in other case) change nothing: the
    // field shows the stored tags again at once.
    await tags.fill('nlp, scaling, to cite, NLP,');
    await tags.press('Enter');
    await expect.poll(() => tags.inputValue()).toBe('nlp, scaling, to cite');
  });

  test('text entered past the notes\' 100,000 characters is left out with a word saying how much, not silently', async () => {
    const notes = row('2310.01779').getByTestId('notes');
    await notes.fill('Intro: ');
    await notes.press('End');
    await page.keyboard.insertText('x'.repeat(100_010));
    const tooLong = row('2310.01779').getByTestId('notes-too-long');
    await expect.poll(() => tooLong.textContent()).toBe('Notes hold 100,000 characters at most: the last 17 of what you entered were left out');
    expect(await tooLong.getAttribute('role')).toBe('alert');
    expect((await notes.inputValue()).length).toBe(100_000);
    await expect.poll(() => row('2310.01779').getByTestId('notes-state').getAttribute('data-state')).toBe('saved');
    await expect.poll(async () => (await listed(page)).find((entry) => entry.id === '2310.01779')!.notes.length).toBe(100_000);
    // Once the note is shortened the word goes.
    await notes.press('Backspace');
    await expect.poll(() => tooLong.count()).toBe(0);
    await notes.fill('');
    await expect.poll(async () => (await listed(page)).find((entry) => entry.id === '2310.01779')!.notes).toBe('');
  });

  test('select many and set their status; delete with undo restores them exactly', async () => {
    const before = await listed(page);
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await row(id).getByTestId('select').check();
    await expect.poll(() => page.getByTestId('bulk-bar').textContent()).toContain('3 selected');
    const three = ['2401.00001', '2401.00002', '2401.00003'];
    const itemsOf = async (ids: string[]) => (await listed(page)).filter((entry) => ids.includes(entry.id));
    const itemsBefore = await itemsOf(three);
    await page.getByTestId('bulk-status').selectOption('read');
    await expect.poll(async () => (await listed(page)).filter((entry) => entry.status === 'read').length).toBe(4);
    // A bulk status change can be undone: each paper is back exactly as it was (status, read date, last update).
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('3 set to Read');
    await page.getByTestId('undo').click();
    await expect.poll(() => itemsOf(three)).toEqual(itemsBefore);
    await page.getByTestId('bulk-status').selectOption('read');
    await expect.poll(async () => (await listed(page)).filter((entry) => entry.status === 'read').length).toBe(4);
    const read = (await listed(page)).find((entry) => entry.id === '2401.00002')!;
    expect(read.readAt).not.toBeNull();
    const untagged = await itemsOf(three);
    await page.getByTestId('bulk-tag').fill('batch');
    await page.getByTestId('bulk-add-tag').click();
    await expect.poll(async () => (await listed(page)).filter((entry) => entry.tags.includes('batch')).length).toBe(3);
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('“batch” added to 3');
    // Each edit has its Undo (the status edit's is still there, below): the tag's takes back the tag only.
    await undoOf('“batch” added to 3').click();
    await expect.poll(() => itemsOf(three)).toEqual(untagged);
    await page.getByTestId('bulk-add-tag').click();
    await expect.poll(async () => (await listed(page)).filter((entry) => entry.tags.includes('batch')).length).toBe(3);

    const beforeDelete = await listed(page);
    await page.getByTestId('bulk-delete').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('27');
    // The offer comes with the worker's reply, which may come after the list's live query.
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('Removed 3 papers');
    await undoOf('Removed 3 papers').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('30');
    expect(await listed(page)).toEqual(beforeDelete);

    // One row's Remove asks nothing and offers the same undo; from the keyboard, focus goes to Undo.
    await row('2310.01779').getByTestId('remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row('2310.01779').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="undo-offer"]')?.textContent)).toContain('Removed “HallE-Switch');
    await page.keyboard.press('Enter');
    await expect.poll(() => row('2310.01779').count()).toBe(1);
    // And back to the paper's row once it is back.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="reading-item"]')?.getAttribute('data-arxiv-id'))).toBe('2310.01779');
    expect((await listed(page)).find((entry) => entry.id === '2310.01779')).toEqual(before.find((entry) => entry.id === '2310.01779'));

    // Two removals in a row: one Undo puts both back.
    const beforeTwo = await listed(page);
    await row('2310.01779').getByTestId('remove').click();
    await expect.poll(() => row('2310.01779').count()).toBe(0);
    await row('1706.03762').getByTestId('remove').click();
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('Removed “Attention Is All You Need” (2 with the one before)');
    // The offer can show before the list drops the row (the reply and the list's live query come
    // apart); the row going takes the focus, which goes to Undo then. Only after that is it the reader's.
    await expect.poll(() => row('1706.03762').count()).toBe(0);
    // Focus the reader moves elsewhere stays there while the offer shows (the list changing under it).
    await page.locator('h1').click();
    await page.evaluate(() => scrollBy(0, 400));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).toBe('BODY');
    await page.evaluate(() => scrollTo(0, 0));
    // A double click undoes once: both come back, and nothing is reported as changed elsewhere.
    await undoOf('(2 with the one before)').dblclick();
    await expect.poll(() => listed(page)).toEqual(beforeTwo);
    // The offer goes with the worker's reply, which comes after the store shows both back; then it
    // stays gone, and no "changed elsewhere" is reported.
    await expect.poll(() => undoOf('(2 with the one before)').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await undoOf('(2 with the one before)').count()).toBe(0);
    expect((await page.getByTestId('undo-bar').allTextContents()).join('')).not.toContain('changed elsewhere');
  });

  test('bulk edits act on the selected papers shown: ones the filters hide are left alone', async () => {
    // The row holding the keyboard focus stays shown whatever the filter: the reader's hand is on the
    // menu here, as it would be (selectOption alone leaves the focus where the test before left it).
    await page.getByTestId('filter-status').focus();
    const showsOnly = (status: string) => expect.poll(() => page.locator(`[data-testid="reading-item"]:not([data-status="${status}"])`).count()).toBe(0);
    await page.getByTestId('filter-status').selectOption('to-read');
    await showsOnly('to-read');
    await page.getByTestId('select-all').check();
    const toRead = Number(await list().getAttribute('data-count'));
    expect(toRead).toBeGreaterThan(2);
    await page.getByTestId('filter-status').selectOption('read');
    await showsOnly('read');
    const read = Number(await list().getAttribute('data-count'));
    await page.locator('[data-testid="reading-item"]').first().getByTestId('select').check();
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('1 selected');
    expect(await page.getByTestId('bulk-bar').textContent()).toContain(`(${toRead} more hidden by the filters, left alone)`);
    const before = await listed(page);
    await page.getByTestId('bulk-status').selectOption('reading');
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('1 set to Reading');
    const after = await listed(page);
    expect(after.filter((entry) => entry.status === 'to-read').length).toBe(before.filter((entry) => entry.status === 'to-read').length);
    expect(after.filter((entry) => entry.status === 'read').length).toBe(read - 1);
    await undoOf('1 set to Reading').click();
    await expect.poll(async () => (await listed(page)).filter((entry) => entry.status === 'read').length).toBe(read);
    await page.getByTestId('bulk-clear').click();
    await page.getByTestId('filter-status').selectOption('all');
  });

  test('a bulk tag add with one tag refused adds none of them, and says which tag and why', async () => {
    for (const id of ['2407.13623', '2310.01779']) await row(id).getByTestId('select').check();
    const before = await listed(page);
    await page.getByTestId('bulk-tag').fill(`rl, robotics, ${'y'.repeat(120)}`);
    await page.getByTestId('bulk-add-tag').click();
    await expect.poll(() => page.getByTestId('bulk-bar').getByRole('alert').textContent()).toBe(`Nothing was changed: a tag is at most 100 characters; “${'y'.repeat(24)}…” has 120`);
    expect(await listed(page)).toEqual(before);
    // No Undo offered for it (the earlier tests' edits may still have theirs, each for its 10 s).
    expect(await page.getByTestId('undo-offer').filter({ hasText: 'robotics' }).count()).toBe(0);
    await page.getByTestId('bulk-clear').click();
  });

  test('keyboard: / focuses search, j/k move, x selects, Enter opens the arXiv page; keys typed in fields are text', async () => {
    await page.locator('h1').click();
    // k stops at the first row, wherever the cursor was.
    for (const key of ['k', 'k', 'k', 'j', 'j', 'k', 'k']) await page.keyboard.press(key);
    await expect.poll(() => page.locator('[data-testid="reading-item"][aria-current="true"]').getAttribute('data-arxiv-id')).toBe('1706.03762');
    // The keyboard focus moves along, to the row (what a screen reader then reads).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="reading-item"]')?.getAttribute('data-arxiv-id'))).toBe('1706.03762');
    await page.keyboard.press('x');
    await expect.poll(() => row('1706.03762').getByTestId('select').isChecked()).toBe(true);
    // A focused checkbox takes no text: j and k still move.
    await row('1706.03762').getByTestId('select').focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-testid="reading-item"][aria-current="true"]').getAttribute('data-arxiv-id')).not.toBe('1706.03762');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('[data-testid="reading-item"][aria-current="true"]').getAttribute('data-arxiv-id')).toBe('1706.03762');
    const opened = browser.context.waitForEvent('request', (request) => request.url().startsWith('https://arxiv.org/abs/'));
    await page.keyboard.press('Enter');
    expect((await opened).url()).toBe('https://arxiv.org/abs/1706.03762');
    await page.bringToFront();
    // Enter on a focused button presses it, cursor or not.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').focus();
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await page.keyboard.type('jk x');
    expect(await page.getByTestId('search').inputValue()).toBe('jk x');
    await page.getByTestId('search').fill('');
    await page.getByTestId('bulk-clear').click();
  });

  test('export each format (whole list or the current filter) and read the files back', async () => {
    const download = async (format: string) => {
      const waiting = page.waitForEvent('download');
      await page.getByTestId(`export-${format}`).click();
      const file = await waiting;
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    const json = await download('json');
    expect(json.name).toBe(`paperlens-reading-list-${today}.json`);
    const backup = JSON.parse(json.text) as { format: string; items: SavedItem[] };
    expect(backup.format).toBe('paperlens-reading-list');
    expect(backup.items.map((entry) => entry.id).sort()).toEqual(ITEMS.map((entry) => entry.id).sort());
    expect(backup.items.find((entry) => entry.id === '2407.13623')!.notes).toBe('Check table 3 — Ünïcødé ✓\nsecond line');

    const bib = await download('bibtex');
    expect(bib.name).toBe(`paperlens-reading-list-${today}.bib`);
    expect(bib.text.match(/^@misc\{/gm)).toHaveLength(30);
    expect(bib.text).toContain('eprint = {1706.03762}');

    await page.getByTestId('filter-tag').selectOption('nlp');
    await page.getByTestId('export-scope').selectOption('shown');
    const ris = await download('ris');
    expect(ris.name).toMatch(/\.ris$/);
    expect(ris.text.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris.text).toContain('TI  - Attention Is All You Need');
    const csv = await download('csv');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv.text).toContain('Scaling Laws with Vocabulary');
    const markdown = await download('markdown');
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain('- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)');
    expect(markdown.text).not.toContain('Filler paper');
    await page.getByTestId('filter-tag').selectOption('');
    await page.getByTestId('export-scope').selectOption('all');
  });

  test('a BibTeX or RIS export holding papers known by their arXiv id alone says so; their entries cite the id', async () => {
    const bare = ['2402.12345', '2402.12346'].map((id) => listedItem(id, placeholderTitle(id), { addedAt: Date.now() }));
    expect((await sendFromPage(page, { type: 'importApply', items: bare, rejected: [] })).ok).toBe(true);
    await expect.poll(() => list().getAttribute('data-count')).toBe('32');
    const status = page.locator('.export [role="status"]');
    for (const format of ['bibtex', 'ris']) {
      const waiting = page.waitForEvent('download');
      await page.getByTestId(`export-${format}`).click();
      const text = await readFile((await (await waiting).path())!, 'utf8');
      expect(text).toContain('2402.12345');
      await expect.poll(() => status.textContent()).toMatch(/\(32 papers\)\. 2 of them have no title or authors yet \(saved by their arXiv ids, not yet read from arXiv\): their entries name only the id\.(?: \d+ papers’ reading statuses \(Reading or Read\) are not in (?:BibTeX|RIS): .*)?$/);
    }
    // A backup is not a citation file: nothing to say.
    const waiting = page.waitForEvent('download');
    await page.getByTestId('export-json').click();
    await waiting;
    await expect.poll(() => status.textContent()).toMatch(/\(32 papers\)\.$/);
    // The list as the tests after this one expect it.
    await sendFromPage(page, { type: 'removeSaved', ids: ['2402.12345', '2402.12346'] });
    await expect.poll(() => list().getAttribute('data-count')).toBe('30');
  });

  test('import: a bad file changes nothing and says why; a good one is previewed, then applied', async () => {
    const before = await listed(page);
    const input = page.getByTestId('import-file');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "paperlens-reading-list", "version": 1, "items": [') });
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/^broken\.json: the file is truncated: it stops at line 1, column \d+/);
    expect(await listed(page)).toEqual(before);

    const ids = ['2407.13623', '2502.08489', 'arxiv.org/abs/2402.18041v2', 'not a paper'].join('\n');
    await input.setInputFiles({ name: 'ids.txt', mimeType: 'text/plain', buffer: Buffer.from(ids) });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe(
      'ids.txt: 2 new, 1 updated, 1 rejected: line 4: "not a paper" is neither an arXiv id nor an arXiv or Hugging Face URL',
    );
    expect(await listed(page)).toEqual(before);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('2 new');
    await expect.poll(() => list().getAttribute('data-count')).toBe('32');
    // Titles of id-only imports come from the bundled papers when the store knows them.
    const after = await listed(page);
    expect(after.find((entry) => entry.id === '2402.18041')!.title).toMatch(/Datasets for Large Language Models/);
    // The listed paper lacked a TL;DR: the store's fills it in; its own title and notes stay.
    const updated = after.find((entry) => entry.id === '2407.13623')!;
    expect(updated.tldr).not.toBe('');
    expect(updated).toMatchObject({ title: 'Scaling Laws with Vocabulary', notes: 'Check table 3 — Ünïcødé ✓\nsecond line' });

    // A Zotero RIS export: its arXiv paper comes with the reader's notes and keywords.
    const ris = ['TY  - PREP', 'TI  - SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths', 'AU  - Huang, Kaixuan', 'UR  - http://arxiv.org/abs/2405.19715', 'KW  - speculative decoding', 'N1  - <p>Compare with Medusa.</p>', 'ER  - ', ''].join('\r\n');
    await input.setInputFiles({ name: 'My Library.ris', mimeType: 'application/x-research-info-systems', buffer: Buffer.from(ris) });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('My Library.ris: 1 new, 0 updated');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('33');
    expect((await listed(page)).find((entry) => entry.id === '2405.19715')).toMatchObject({ authors: ['Kaixuan Huang'], tags: ['speculative decoding'], notes: 'Compare with Medusa.' });

    // A spreadsheet kept beside the list (CSV, ";" between cells as Excel writes in many locales): a
    // new paper comes with its status and tags (its time in the locale's form is left out, and said); a listed one gains the sheet's tags but keeps its
    // status (the sheet has no update times, so the list's own is taken as newer), and the preview says so; a row naming no paper (by
    // its id, or by a title no paper in the list or the store has) is said.
    const csv = ['arXiv ID;Title;Status;Tags;Date Added', '2405.19715;SpecDec++;read;"speculative decoding; to cite";', 'https://arxiv.org/abs/2404.19737v2;Better & Faster Large Language Models via Multi-token Prediction;reading;transformers;31/07/2024 09:15', ';A paper without an id;;;'].join('\r\n');
    await input.setInputFiles({ name: 'papers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe(
      `papers.csv: 1 new, 1 updated, 1 status in the file left as the list has it (no newer time in the file), 1 rejected: line 4: no arXiv id (id, URL, DOI or Extra column) in the row at line 4 ("A paper without an id"), and no paper in your reading list or in PaperLens's store is titled "A paper without an id"`,
    );
    // The time the spreadsheet wrote in its locale's form is left out, and the preview says so.
    expect(await page.getByTestId('import-left-out').textContent()).toBe('line 3: date_added "31/07/2024 09:15" is not a time we can read for sure (like 2024-07-31T09:15:00Z): left out of the row at line 3 ("Better & Faster Large Language Models via Multi-token Predic")');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('34');
    const fromCsv = await listed(page);
    expect(fromCsv.find((entry) => entry.id === '2405.19715')).toMatchObject({ status: 'to-read', authors: ['Kaixuan Huang'], tags: ['speculative decoding', 'to cite'] });
    expect(fromCsv.find((entry) => entry.id === '2404.19737')).toMatchObject({ title: 'Better & Faster Large Language Models via Multi-token Prediction', status: 'reading', tags: ['transformers'] });

    // A sheet of titles alone: each row is the paper of its title in the list or the store, or said to be none.
    const titles = ['Title,Tags', 'reagent: towards a model-agnostic feature attribution method for generative language models,attribution', 'A Paper No Store Holds,'].join('\n');
    await input.setInputFiles({ name: 'titles.csv', mimeType: 'text/csv', buffer: Buffer.from(titles) });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe(
      `titles.csv: 1 new, 0 updated, 1 rejected: line 3: no arXiv id (id, URL, DOI or Extra column) in the row at line 3 ("A Paper No Store Holds"), and no paper in your reading list or in PaperLens's store is titled "A Paper No Store Holds"`,
    );
    await page.getByTestId('import-apply').click();
    await expect.poll(() => list().getAttribute('data-count')).toBe('35');
    expect((await listed(page)).find((entry) => entry.id === '2402.00794')).toMatchObject({ title: 'ReAGent: Towards A Model-agnostic Feature Attribution Method for Generative Language Models', tags: ['attribution'] });
  });
});

describe('concurrency', () => {
  test('200 interleaved save / status / tag operations from three tabs and the popup all end applied', async () => {
    await sendFromPage(page, { type: 'clearReadingData' });
    const tabs = [page];
    for (let index = 0; index < 2; index++) {
      const tab = await browser.context.newPage();
      await tab.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
      tabs.push(tab);
    }
    const popup = await browser.popup();
    const senders = [...tabs, popup];
    const plan = concurrencyPlan();
    const results = await Promise.all(
      senders.map((sender, index) =>
        sender.evaluate(async (chains) => {
          const failures: string[] = [];
          await Promise.all(
            chains.map(async (chain) => {
              for (const request of chain) {
                const reply = (await (globalThis as unknown as PageGlobal).chrome.runtime.sendMessage(request)) as { ok: boolean; error?: string };
                if (!reply.ok) failures.push(`${request.type}: ${reply.error}`);
              }
            }),
          );
          return failures;
        }, plan[index]!),
      ),
    );
    expect(results.flat()).toEqual([]);
    expect(planViolations(await listed(page))).toEqual([]);
    // The open pages show the outcome live.
    await expect.poll(() => tabs[1]!.getByTestId('reading-list').getAttribute('data-count')).toBe('20');
    await popup.close();
    for (const tab of tabs.slice(1)) await tab.close();
  });

  test('a row being edited stays where it is, and keeps the focus, while its edits re-sort or unfilter it; it moves once the reader leaves it', async () => {
    await page.bringToFront();
    await resetList();
    const stored = async (id: string) => (await listed(page)).find((entry) => entry.id === id)!;
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[data-arxiv-id]')?.getAttribute('data-arxiv-id') ?? null);
    const place = (id: string) => row(id).evaluate((node) => (node as HTMLElement).style.top);

    // By last update, a note makes the paper the newest: it would jump to the top mid-typing.
    await page.getByTestId('sort').selectOption('updated');
    const id = '2401.00003';
    expect((await shownIds()).indexOf(id)).toBe(5);
    const notes = row(id).getByTestId('notes');
    await notes.scrollIntoViewIfNeeded();
    await notes.click();
    const before = await place(id);
    expect(before).not.toBe('0px');
    await page.keyboard.type('First thought');
    await expect.poll(async () => (await stored(id)).notes).toBe('First thought');
    await page.waitForTimeout(300); // the list has the stored note back
    expect(await place(id)).toBe(before);
    expect(await focusedRow()).toBe(id);
    await page.keyboard.type(' and more');
    await expect.poll(async () => (await stored(id)).notes).toBe('First thought and more');
    expect(await focusedRow()).toBe(id);
    // Leaving the row puts it where it belongs now (first: the rows on screen keep their place, so it
    // is seen there from the top of the list).
    await page.getByTestId('search').focus();
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => place(id)).toBe('0px');

    // Under a status filter, a status changed in the row keeps it shown until the reader moves on.
    await page.getByTestId('sort').selectOption('added');
    await page.getByTestId('filter-status').selectOption('to-read');
    const other = '2401.00004';
    // (A click on the menu focuses it; selectOption alone does not.)
    await row(other).getByTestId('status').focus();
    await row(other).getByTestId('status').selectOption('reading');
    await expect.poll(async () => (await stored(other)).status).toBe('reading');
    await page.waitForTimeout(300);
    expect(await row(other).count()).toBe(1);
    expect(await focusedRow()).toBe(other);
    // Moving on to the next row: the row left goes, and the rows keep their order (none is skipped by Tab or j).
    const expected = (await shownIds()).filter((id) => id !== other);
    const next = expected[expected.indexOf('2401.00005') >= 0 ? expected.indexOf('2401.00005') : 0]!;
    await row(next).getByTestId('select').focus();
    await expect.poll(() => row(other).count()).toBe(0);
    expect((await shownIds()).slice(0, expected.length)).toEqual(expected); // (one more row may come into view below)
    await page.getByTestId('search').focus();
    await page.getByTestId('filter-status').selectOption('all');
  });

  test('scrolling a long list keeps the screen filled with rows down to the last paper; j walks past the first screen', async () => {
    // Only the rows near the screen are rendered: wherever the page is scrolled, the part of the
    // list on screen must be covered by rows (no blank band), and the last paper must be reachable.
    await page.bringToFront(); // a page in the background gets no animation frames
    await resetList();
    const gaps = (): Promise<number> =>
      page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
        const list = document.querySelector('[data-testid="reading-list"]').getBoundingClientRect();
        const header = document.querySelector('.sticky').getBoundingClientRect().bottom;
        const top = Math.max(list.top, header), bottom = Math.min(list.bottom, innerHeight);
        const rows = [...document.querySelectorAll('[data-testid="reading-item"]')].map((row) => row.getBoundingClientRect()).sort((a, b) => a.top - b.top);
        let covered = top, blank = 0;
        for (const row of rows) {
          if (row.bottom <= covered) continue;
          if (row.top > covered + 1) blank += Math.min(row.top, bottom) - covered;
          covered = Math.max(covered, row.bottom);
          if (covered >= bottom) break;
        }
        done(Math.max(0, blank + Math.max(0, bottom - covered)));
      })))`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    expect(height).toBeGreaterThan(2 * 900);
    for (const fraction of [0, 0.3, 0.55, 0.8, 1]) {
      await page.evaluate((y) => scrollTo(0, y), Math.round(height * fraction));
      expect(await gaps()).toBe(0);
    }
    expect(await row('2401.00027').isVisible()).toBe(true);

    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('h1').click();
    // The first j picks the first row; 19 more reach the 20th, well below the first screen.
    for (let step = 0; step < 20; step++) await page.keyboard.press('j');
    const current = page.locator('[data-testid="reading-item"][aria-current="true"]');
    await expect.poll(() => current.getAttribute('data-arxiv-id')).toBe('2401.00017');
    expect(await current.isVisible()).toBe(true);
    expect(await gaps()).toBe(0);

    // Content above the list grows, then shrinks, while the page is scrolled deep into it (an
    // import preview opens), with no scroll: scroll anchoring, which would scroll, is off.
    await page.evaluate((y) => {
      document.body.style.overflowAnchor = 'none';
      scrollTo(0, y);
    }, Math.round(height * 0.6));
    await page.evaluate(() => {
      const tall = document.createElement('div');
      tall.id = 'tall';
      tall.style.height = '1500px';
      document.querySelector('.files')!.append(tall);
    });
    await expect.poll(gaps).toBe(0);
    await page.evaluate(() => document.getElementById('tall')!.remove());
    await expect.poll(gaps).toBe(0);
    await page.evaluate(() => {
      document.body.style.overflowAnchor = '';
      scrollTo(0, 0);
    });
  });

  test('Shift+Tab up through the rows shows each field it reaches below the sticky toolbar, not under it', async () => {
    await page.bringToFront();
    await resetList();
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await row('2401.00027').getByTestId('remove').focus();
    const covered: string[] = [];
    for (let press = 0; press < 40; press++) {
      await page.keyboard.press('Shift+Tab');
      const focus = await page.evaluate(() => {
        const active = document.activeElement!;
        const toolbarBottom = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
        return { name: `${active.closest('[data-arxiv-id]')?.getAttribute('data-arxiv-id')} ${active.getAttribute('data-testid')}`, under: active.getBoundingClientRect().top < toolbarBottom - 1 };
      });
      if (focus.under) covered.push(focus.name);
    }
    expect(covered).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
  });

  test('a search typed with the list scrolled far down shows its first match, not the last ones', async () => {
    await page.bringToFront();
    await resetList();
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.keyboard.press('/');
    // Typed once '/' has moved the focus, as the keyboard test above does.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await page.keyboard.type('filler paper 1'); // 10–19 (a word's start), then 01
    await expect.poll(() => list().getAttribute('data-query')).toBe('filler paper 1');
    const first = await page.evaluate(() => {
      const toolbarBottom = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
      const row = document.querySelector('[data-testid="reading-item"][aria-posinset="1"]');
      const top = row?.getBoundingClientRect().top ?? -1;
      return { shown: top >= toolbarBottom - 1 && top < innerHeight };
    });
    await page.getByTestId('search').fill('');
    expect(first).toEqual({ shown: true });
  });

  test('papers saved or removed elsewhere above the rows on screen do not move them: the reader keeps their place', async () => {
    await page.bringToFront();
    await resetList();
    // The first paper below the toolbar, and where it is (toolbar and rows may sit at fractions of a pixel).
    const onScreen = () =>
      page.evaluate(() => {
        const toolbarBottom = document.querySelector('.sticky')!.getBoundingClientRect().bottom;
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="reading-item"]')].map((row) => ({ id: row.dataset.arxivId, top: row.getBoundingClientRect().top }));
        const first = rows.filter((row) => row.top >= toolbarBottom - 2).sort((a, b) => a.top - b.top)[0];
        return first && { id: first.id, top: Math.round(first.top) };
      });
    await page.evaluate(() => {
      const row = document.querySelector('[data-testid="reading-item"][data-arxiv-id="2401.00004"]')!;
      scrollBy(0, Math.floor(row.getBoundingClientRect().top - document.querySelector('.sticky')!.getBoundingClientRect().bottom));
    });
    const before = await onScreen();
    expect(before?.id).toBe('2401.00004');
    const other = await browser.context.newPage();
    await other.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // Newest added first: a paper saved now goes to the top, above the rows on screen.
    await sendFromPage(other, { type: 'save', paper: { id: '2501.00001', title: 'Saved in another tab', tldr: '', sourceUrl: null } });
    await expect.poll(() => list().getAttribute('data-count')).toBe('31');
    await page.waitForTimeout(100);
    expect(await onScreen()).toEqual(before);
    await sendFromPage(other, { type: 'removeSaved', ids: ['1706.03762', '2310.01779'] });
    await expect.poll(() => list().getAttribute('data-count')).toBe('29');
    await page.waitForTimeout(100);
    expect(await onScreen()).toEqual(before);
    await other.close();
    await page.evaluate(() => scrollTo(0, 0));
  });

  test('in a narrow window the longest title shows whole, wrapping, and the row still holds all it shows', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    // The rows take the narrow window's height as it is drawn (the resize event, before its first frame).
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const fit = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-testid="reading-item"]')];
      const longest = rows.map((row) => row.querySelector('.title')!).sort((a, b) => (b.textContent ?? '').length - (a.textContent ?? '').length)[0]!;
      return { longestTitleWhole: longest.scrollHeight <= longest.clientHeight && longest.scrollWidth <= longest.clientWidth, rowsOverflowing: rows.filter((row) => row.scrollHeight > row.clientHeight + 1).length };
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(fit).toEqual({ longestTitleWhole: true, rowsOverflowing: 0 });
  });

  test('a long tag keeps the tag filter narrow: Sort stays on the search line, and a narrow window does not scroll sideways', async () => {
    await resetList();
    const long = 'reading-group-spring-semester-long-context-retrieval-and-memory-papers';
    expect((await sendFromPage(page, { type: 'setTags', id: '2407.13623', tags: ['nlp', long] })).ok).toBe(true);
    await expect.poll(() => page.getByTestId('filter-tag').locator('option').allTextContents()).toContain(`${long} (1)`);
    const layout = () =>
      page.evaluate(() => {
        const middle = (testId: string) => {
          const box = document.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
          return box.top + box.height / 2;
        };
        return { sortOnSearchLine: Math.abs(middle('sort') - middle('search')) < 8, sidewaysScroll: document.documentElement.scrollWidth - innerWidth };
      });
    const wide = await layout();
    await page.setViewportSize({ width: 400, height: 800 });
    const narrow = await layout();
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await sendFromPage(page, { type: 'setTags', id: '2407.13623', tags: ['nlp'] })).ok).toBe(true);
    expect(wide).toEqual({ sortOnSearchLine: true, sidewaysScroll: 0 });
    expect(narrow.sidewaysScroll).toBe(0);
  });
});
