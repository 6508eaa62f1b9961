// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyImport } from '../../../src/db/reading-list';
import { parseImport } from '../../../src/export';
import { handleMessage } from '../../../src/messaging/handler';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { parseTagList, ReadingListRequestSchema, type Request, type SavedItem } from '../../../src/schema';
import { savedItem } from '../export/fixtures';
import { DEFAULT_SETTINGS, saveSettings } from '../../../src/settings/settings';
import { depsFor } from './helpers';

let db: PaperLensDatabase;
let counter = 0;
// Run before a request reaches the store (a test's change made elsewhere meanwhile), and after
// the store answered it, before the page hears the answer (a slow reply).
let beforeRequest: ((request: Request) => Promise<void>) | null = null;
let beforeReply: ((request: Request) => Promise<void>) | null = null;
// The types of the requests the page sent, in order.
const requests: Request['type'][] = [];
// The page's requests go to the background's own handler, over the same store, refused as the
// background refuses them (its reason, not Zod's).
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    requests.push(request.type);
    await beforeRequest?.(request);
    const parsed = ReadingListRequestSchema.safeParse(request);
    if (parsed.success) {
      const result = await handleReadingListRequest(db, parsed.data, Date.now());
      await beforeReply?.(request);
      return result;
    }
    // Any other (Save by id) goes through the background's own handler.
    const reply = await handleMessage(request, depsFor(db, { now: Date.now() }));
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  },
}));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

beforeEach(async () => {
  db = new PaperLensDatabase(`reading-list-page-${++counter}`);
  await db.saved.bulkPut([
    savedItem({ id: '2310.01779', title: 'HallE-Switch', tags: ['vision'], addedAt: 3 }),
    savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', addedAt: 2 }),
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', tags: ['RL'], addedAt: 1 }),
  ]);
});

afterEach(() => {
  beforeRequest = null;
  beforeReply = null;
  requests.length = 0;
  cleanup();
  db.close();
});

async function openPage(count = 3): Promise<void> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe(String(count)));
}

/** The list a describe's tests start from, instead of the three papers above. */
function listOf(items: () => SavedItem[]): void {
  beforeEach(async () => {
    await db.saved.clear();
    await db.saved.bulkPut(items());
  });
}

const tagsOf = async () => Object.fromEntries((await db.saved.toArray()).map((item) => [item.id, item.tags]));

/** A filter of the toolbar once the whole list is read (before, it is shown disabled, without counts). */
async function loadedFilter(testId: string): Promise<HTMLSelectElement> {
  return waitFor(() => {
    const filter = screen.getByTestId(testId) as HTMLSelectElement;
    expect(filter.disabled).toBe(false);
    return filter;
  });
}

describe('reading-list page: the first screen', () => {
  /** 50 papers, `2401.00001`…`2401.00050`, added at `addedAt(index)`. */
  const fifty = (addedAt: (index: number) => number): SavedItem[] =>
    Array.from({ length: 50 }, (_, index) => savedItem({ id: `2401.${String(index + 1).padStart(5, '0')}`, title: `Paper ${index + 1}`, addedAt: addedAt(index), updatedAt: 1 }));
  /** The first row's id each time it changes, from the first render on. */
  function watchFirstRows(): string[] {
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const first = document.querySelector('[data-testid="reading-item"]')?.getAttribute('data-arxiv-id');
      if (first && seen.at(-1) !== first) seen.push(first);
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    return seen;
  }
  afterEach(() => localStorage.clear());

  test('QA: each row rendered tells a screen reader its place among all the papers shown, not among the rows in view', async () => {
    await db.saved.clear();
    await db.saved.bulkPut(fifty((index) => 1_000 + index));
    // Scrolled to the list's end: the rows rendered are its last ones.
    const place = vi.spyOn(HTMLOListElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, -1_000_000, 800, 50_000));
    try {
      await openPage(50);
      fireEvent.scroll(window);
      await waitFor(() => expect(screen.getAllByTestId('reading-item')[0]!.getAttribute('aria-posinset')).not.toBe('1'));
      // Newest first: 2401.00050 is the first of the fifty, 2401.00001 the last.
      const rows = screen.getAllByTestId('reading-item');
      expect(rows.map((row) => [row.getAttribute('aria-posinset'), row.getAttribute('aria-setsize')])).toEqual(rows.map((row) => [String(51 - Number(row.getAttribute('data-arxiv-id')!.split('.')[1])), '50']));
      expect(Math.min(...rows.map((row) => Number(row.getAttribute('aria-posinset'))))).toBeGreaterThan(1);
    } finally {
      place.mockRestore();
    }
  });

  test('with "Oldest added" kept from the last visit, the first rows shown are the oldest papers, and stay when the whole list is in', async () => {
    await db.saved.clear();
    await db.saved.bulkPut(fifty((index) => 1_000 + index));
    localStorage.setItem('paperlens:reading-list-sort', 'oldest');
    const firstRows = watchFirstRows();
    await openPage(50);
    // (It showed the newest 40 in that order first, 2401.00011 at the top, then jumped.)
    expect(firstRows).toEqual(['2401.00001']);
  });

  test('papers added at the same moment (a list of ids imported at once): the first row shown stays when the whole list is in', async () => {
    await db.saved.clear();
    await db.saved.bulkPut(fifty(() => 1_000));
    const firstRows = watchFirstRows();
    await openPage(50);
    expect(firstRows).toEqual(['2401.00050']);
  });
});

test('accessibility QA: a screen reader can jump by heading to the export and import controls and to the papers (the page had its h1 alone)', async () => {
  await openPage();
  expect(screen.getAllByRole('heading').map((heading) => `${heading.tagName} ${heading.textContent}`)).toEqual(['H1 PaperLens Reading list', 'H2 Export and import', 'H2 Saved papers']);
});

describe('review: a stored row the schema cannot read', () => {
  test('leaves that paper out and says so; the others are listed, not a blank page', async () => {
    // As another version might have written it, or a damaged store: no tags, no authors.
    const damaged: unknown = { ...savedItem({ id: '2401.00077', title: 'Damaged', addedAt: 9 }), tags: undefined, authors: null };
    await db.saved.bulkPut([damaged as SavedItem]);
    await openPage(3);
    expect(screen.getAllByTestId('reading-item').map((row) => row.getAttribute('data-arxiv-id'))).toEqual(['2310.01779', '2407.13623', '1706.03762']);
    expect((await screen.findByTestId('unreadable-saved')).textContent).toBe('One saved paper could not be read (stored by another version of PaperLens, or damaged): not shown, nor in exports; it is kept in the store as it is.');
    expect(await db.saved.get('2401.00077')).toBeDefined();
  });
});

describe('reading-list page: keyboard triage', () => {
  listOf(() => Array.from({ length: 6 }, (_, index) => savedItem({ id: `2401.${String(index + 1).padStart(5, '0')}`, title: `Paper ${index + 1}`, addedAt: 1_000 - index })));
  const cursorRow = () => document.querySelector('[data-testid="reading-item"][aria-current="true"]')?.getAttribute('data-arxiv-id');

  test('accessibility QA (WCAG 2.1.4): the one-letter keys can be switched off in the options, and on again while the page is open', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, readingListKeys: false });
    try {
      await openPage(6);
      await waitFor(() => expect(screen.getByTestId('search').getAttribute('placeholder')).toBe('Search: title, TL;DR, notes, tags, authors, arXiv id'));
      for (const key of ['j', 'x', 'b', '/']) fireEvent.keyDown(document.body, { key });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(cursorRow()).toBeUndefined();
      expect(screen.queryByTestId('bulk-bar')).toBeNull();
      expect(document.activeElement).toBe(document.body);
      await saveSettings(DEFAULT_SETTINGS);
      await waitFor(() => expect(screen.getByTestId('search').getAttribute('placeholder')).toBe('Search ( / ): title, TL;DR, notes, tags, authors, arXiv id'));
      fireEvent.keyDown(document.body, { key: 'j' });
      await waitFor(() => expect(cursorRow()).toBe('2401.00001'));
    } finally {
      await saveSettings(DEFAULT_SETTINGS);
    }
  });

  test('j and x work with Caps Lock on ("J", "X" without Shift)', async () => {
    await openPage(6);
    fireEvent.keyDown(document.body, { key: 'J' });
    fireEvent.keyDown(document.body, { key: 'J' });
    await waitFor(() => expect(cursorRow()).toBe('2401.00002'));
    fireEvent.keyDown(document.body, { key: 'X' });
    await screen.findByTestId('bulk-bar');
    expect(screen.getByTestId('bulk-count').textContent).toBe('1 selected');
  });

  test('QA: b takes the focus from the rows to the selected papers\' actions (Shift+Tab from row 30 took 183 presses); without a selection it does nothing', async () => {
    await openPage(6);
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(cursorRow()).toBe('2401.00001'));
    fireEvent.keyDown(document.body, { key: 'b' });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('select');
    fireEvent.keyDown(document.activeElement!, { key: 'x' });
    await screen.findByTestId('bulk-bar');
    fireEvent.keyDown(document.activeElement!, { key: 'b' });
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Set the status of the selected papers' }));
  });

  test('Escape leaves the search box for j and k; j on the last paper (the cursor there already) still takes the focus to its row, not left on the page', async () => {
    await openPage(6);
    const checkbox = (id: string) => document.querySelector(`[data-arxiv-id="${id}"] [data-testid="select"]`);
    fireEvent.keyDown(document.body, { key: 'k' });
    await waitFor(() => expect(document.activeElement).toBe(checkbox('2401.00006')));
    const search = await screen.findByTestId('search');
    search.focus();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(document.activeElement).toBe(document.body);
    // A moment later, as a reader's next key comes (the page has settled from the focus leaving the list).
    await new Promise((resolve) => setTimeout(resolve, 50));
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(document.activeElement).toBe(checkbox('2401.00006')));
    expect(cursorRow()).toBe('2401.00006');
  });

  test('j, x, Delete, then j: the cursor goes on to the paper after the one deleted, not back to the top; k goes before it', async () => {
    await openPage(6);
    for (let step = 0; step < 3; step++) fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(cursorRow()).toBe('2401.00003'));
    fireEvent.keyDown(document.body, { key: 'x' });
    fireEvent.click(await screen.findByTestId('bulk-delete'));
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('5'));
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(cursorRow()).toBe('2401.00004'));
    fireEvent.keyDown(document.body, { key: 'x' });
    fireEvent.click(await screen.findByTestId('bulk-delete'));
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('4'));
    fireEvent.keyDown(document.body, { key: 'k' });
    await waitFor(() => expect(cursorRow()).toBe('2401.00002'));
  });
});

describe('reading-list page: a search that finds nothing', () => {
  listOf(() => [savedItem({ id: '2310.01779', title: 'HallE-Switch', status: 'to-read', addedAt: 2 }), savedItem({ id: '1706.03762', title: 'Attention Is All You Need', status: 'read', readAt: 1, addedAt: 1 })]);

  test('the id of a saved paper the status filter hides is said to be in the list, not "No saved paper matches" (which reads as not saved)', async () => {
    await openPage(2);
    fireEvent.change(await loadedFilter('filter-status'), { target: { value: 'read' } });
    fireEvent.input(screen.getByTestId('search'), { target: { value: '2310.01779' } });
    const message = (await screen.findByTestId('no-matches')).textContent ?? '';
    expect(message).toContain('2310.01779 is in your list, hidden by the filters.');
    expect(screen.queryByTestId('save-by-id')).toBeNull();
  });
});

describe('reading-list page: / before the whole list is in', () => {
  test('"/" pressed once the first rows show, before the whole list is read, takes the focus to the search box; the filters wait for the whole list', async () => {
    // The whole list takes a moment longer to read than the first rows.
    const read = db.saved.toArray.bind(db.saved);
    const later = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return read();
    };
    vi.spyOn(db.saved, 'toArray').mockImplementation(later as unknown as typeof db.saved.toArray);
    render(<ReadingListApp db={db} />);
    await screen.findAllByTestId('reading-item');
    expect(screen.getByTestId('reading-list').getAttribute('aria-busy')).toBe('true');
    // Counts of the first screen only would be wrong: no counts, no filtering until the whole list is in.
    expect((screen.getByTestId('filter-status') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('filter-status') as HTMLSelectElement).options[0]!.text).toBe('All');
    expect((screen.getByTestId('export-json') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: '/' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('search')));
    await waitFor(() => expect((screen.getByTestId('filter-status') as HTMLSelectElement).options[0]!.text).toBe('All (3)'));
    expect((screen.getByTestId('filter-status') as HTMLSelectElement).disabled).toBe(false);
  });
});

describe('reading-list page: undo', () => {
  const removeButton = (id: string) => document.querySelector<HTMLElement>(`[data-testid="reading-item"][data-arxiv-id="${id}"] [data-testid="remove"]`)!;

  test('Remove A, Undo, and Remove B before the Undo lands: the Undo offered is for B alone, and takes B back without "changed elsewhere"', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('Removed “HallE-Switch”'));
    // The Undo's request waits (a busy background) until B is removed.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    beforeRequest = async (request) => {
      if (request.type === 'restoreSaved') await held;
    };
    fireEvent.click(screen.getByTestId('undo'));
    fireEvent.click(removeButton('1706.03762'));
    await waitFor(async () => expect(await db.saved.get('1706.03762')).toBeUndefined());
    beforeRequest = null;
    release();
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
    await waitFor(() => expect(screen.queryByTestId('undo')).not.toBeNull());
    expect(screen.getByTestId('undo-bar').textContent).toContain('Removed “Attention Is All You Need”');
    // Once the first Undo is done (one Undo at a time).
    await waitFor(() => expect(screen.getByTestId('undo').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('3'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('undo-bar')?.textContent ?? '').not.toContain('changed elsewhere');
  });
});

describe('reading-list page: search by what the store holds of a saved paper', () => {
  const stored = (id: string, abstract: string) => ({
    id, title: `Stored ${id}`, normTitle: `stored ${id}`, abstract, authors: [], rank: null, snapshot: null, source: 'feed' as const,
    summary: { version: 1, tldr: 't', keyResults: [], codeLinks: [], topics: ['vision-language'], names: [] }, feed: null, related: [],
  });
  const shownIds = () => screen.queryAllByTestId('reading-item').map((row) => row.getAttribute('data-arxiv-id'));

  test('a word of a saved paper\'s abstract finds it, also for a paper saved after the search began; the count says how many', async () => {
    await db.papers.bulkPut([stored('2310.01779', 'We introduce CCEval, a GPT-4 assisted evaluation.'), stored('2501.00001', 'CCEval again, on another model.')]);
    // The first search reads the abstracts: meanwhile not "No saved paper matches" (QA: said, then the paper came).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const bulkGet = db.papers.bulkGet.bind(db.papers);
    const reads = vi.spyOn(db.papers, 'bulkGet').mockImplementation(async (ids) => (await held, bulkGet(ids)));
    await openPage();
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'cceva' } });
    await waitFor(() => expect(screen.getByTestId('searching-abstracts').textContent).toBe('Looking in the abstracts…'));
    expect(screen.queryByTestId('no-matches')).toBeNull();
    release();
    await waitFor(() => expect(shownIds()).toEqual(['2310.01779']));
    reads.mockRestore();
    // Typed on, a keystroke the papers' own fields match none of shows the abstracts' matches at once,
    // not after the pause in typing (a quarter of a second) that keystrokes with rows to show wait for.
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'cceval' } });
    expect(shownIds()).toEqual(['2310.01779']);
    expect(screen.getByTestId('count').textContent).toBe('1 of 3 papers (1 by abstract or topics)');
    // And one nothing matches says so at once.
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'ccevalx' } });
    expect(screen.getByTestId('no-matches')).toBeTruthy();
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'cceval' } });
    await db.saved.put(savedItem({ id: '2501.00001', title: 'Another paper', addedAt: 4 }));
    await waitFor(() => expect(shownIds()).toEqual(['2501.00001', '2310.01779']));
    expect(screen.getByTestId('count').textContent).toBe('2 of 4 papers (2 by abstract or topics)');
    // A topic the store gave it.
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'vision-language' } });
    await waitFor(() => expect(shownIds()).toEqual(['2501.00001', '2310.01779']));
  });

  test('a word an abstract holds is not shown as a typo of a saved title\'s word while the abstracts wait for typing to pause (QA: "LVLMs" listed papers with "LLMs" first)', async () => {
    await db.saved.put(savedItem({ id: '2501.00010', title: 'Entmix: mixing entries', addedAt: 5 }));
    await db.papers.bulkPut([stored('2310.01779', 'Sparse entmax attention.')]);
    await openPage(4);
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'entma' } });
    await waitFor(() => expect(shownIds()).toEqual(['2310.01779']));
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'entmax' } });
    expect(shownIds()).toEqual(['2310.01779']);
  });

  test('the store is read once for the papers listed, not again at each write a feed refresh makes near them (review)', async () => {
    await db.papers.bulkPut([stored('2310.01779', 'We introduce CCEval.'), stored('2407.13623', 'Scaling laws.')]);
    const reads = vi.spyOn(db.papers, 'bulkGet');
    await openPage();
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'cceval' } });
    await waitFor(() => expect(shownIds()).toEqual(['2310.01779']));
    const readsAfterSearch = reads.mock.calls.length;
    // Papers nobody saved, between the saved ids, as a feed refresh writes them.
    await db.papers.bulkPut([stored('2401.00001', 'Other.'), stored('2402.00002', 'Others.')]);
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'cceva' } });
    await waitFor(() => expect(shownIds()).toEqual(['2310.01779']));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads.mock.calls.length).toBe(readsAfterSearch);
  });
});

describe('reading-list page: Ctrl+Z', () => {
  const removeButton = (id: string) => document.querySelector<HTMLElement>(`[data-testid="reading-item"][data-arxiv-id="${id}"] [data-testid="remove"]`)!;
  const ctrlZ = (target: Element) => fireEvent.keyDown(target, { key: 'z', code: 'KeyZ', ctrlKey: true });

  test('undoes the newest change from the page, not from a field where it takes back typing; with no change, does nothing', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('Removed “HallE-Switch”'));
    expect(screen.getByTestId('undo').getAttribute('aria-keyshortcuts')).toBe('Control+Z');
    ctrlZ(screen.getByTestId('search'));
    ctrlZ(document.querySelector('[data-testid="reading-item"] [data-testid="notes"]')!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.saved.get('2310.01779')).toBeUndefined();
    ctrlZ(document.body);
    await waitFor(async () => expect(await db.saved.get('2310.01779')).toBeDefined());
    await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
    // Nothing left to undo: the key is still the page's, not the browser's (whose undo takes back typing done in a field earlier).
    expect(fireEvent.keyDown(document.body, { key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(false);
    expect(fireEvent.keyDown(screen.getByTestId('search'), { key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(true);
  });

  test('on a status select it is left to the select (its change has no Undo; an older one is not meant); only the newest Undo says the keys', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('Removed “HallE-Switch”'));
    fireEvent.click(removeButton('2407.13623'));
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.change(await screen.findByTestId('bulk-status'), { target: { value: 'read' } });
    await waitFor(() => expect(screen.getAllByTestId('undo')).toHaveLength(2));
    expect(screen.getAllByTestId('undo').map((button) => button.getAttribute('aria-keyshortcuts'))).toEqual(['Control+Z', null]);
    // And the live region says them with the newest change (accessibility QA: an Undo far down the Tab order is heard, not reached).
    expect(screen.getAllByTestId('undo-offer').map((row) => row.textContent)).toEqual(['1 set to Read Ctrl+Z undoes the newest change.Undo×', 'Removed “Scaling Laws with Vocabulary” (2 with the one before) Ctrl+Z undoes the newest change.Undo×']);
    ctrlZ(document.querySelector('[data-testid="reading-item"] select')!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.saved.get('1706.03762'))?.status).toBe('read');
    expect(await db.saved.get('2310.01779')).toBeUndefined();
  });
});

describe('reading-list page: several changes within their Undo time', () => {
  const removeButton = (id: string) => document.querySelector<HTMLElement>(`[data-testid="reading-item"][data-arxiv-id="${id}"] [data-testid="remove"]`)!;
  const messages = () => screen.queryAllByTestId('undo-offer').map((row) => row.querySelector('.undo-message')!.textContent);
  const statusOf = async (id: string) => (await db.saved.get(id))?.status;
  /** The list opened, then HallE-Switch and Scaling Laws removed in a row: one Undo for both. */
  const openAndRemoveTwo = async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch”']));
    fireEvent.click(removeButton('2407.13623'));
    await waitFor(() => expect(messages()).toEqual(['Removed “Scaling Laws with Vocabulary” (2 with the one before)']));
  };

  test('two removals in a row share one Undo; a bulk edit after them gets its own, and each Undo puts back only its change', async () => {
    await openAndRemoveTwo();
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.change(await screen.findByTestId('bulk-status'), { target: { value: 'read' } });
    await waitFor(() => expect(messages()).toEqual(['1 set to Read', 'Removed “Scaling Laws with Vocabulary” (2 with the one before)']));
    // The removals' Undo (the older): both papers back, the status edit left as it is.
    fireEvent.click(screen.getAllByTestId('undo')[1]!);
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('3'));
    expect(await statusOf('1706.03762')).toBe('read');
    await waitFor(() => expect(messages()).toEqual(['1 set to Read']));
    await waitFor(() => expect(screen.getByTestId('undo').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect(await statusOf('1706.03762')).toBe('to-read'));
    expect(await db.saved.count()).toBe(3);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  test('a paper restored from Recently removed: its removal\'s Undo goes; removed again, it is a removal of its own, not one more of the one before', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch”']));
    fireEvent.click(await screen.findByTestId('restore-removed'));
    await waitFor(() => expect(removeButton('2310.01779')).not.toBeNull());
    await waitFor(() => expect(messages()).toEqual([]));
    fireEvent.click(removeButton('2407.13623'));
    await waitFor(() => expect(messages()).toEqual(['Removed “Scaling Laws with Vocabulary”']));
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch” (2 with the one before)']));
  });

  test('a paper removed, then saved again by its id in the search: its removal\'s Undo goes', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch”']));
    fireEvent.input(screen.getByTestId('search'), { target: { value: '2310.01779' } });
    fireEvent.click(await screen.findByTestId('save-by-id'));
    await waitFor(() => expect(removeButton('2310.01779')).not.toBeNull());
    await waitFor(() => expect(messages()).toEqual([]));
  });

  test('papers an import lists again leave their removal\'s Undo, which goes once it has none left', async () => {
    await openAndRemoveTwo();
    const importIds = async (text: string) => {
      fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([text], 'ids.txt', { type: 'text/plain' })] } });
      fireEvent.click(await screen.findByTestId('import-apply'));
      await waitFor(() => expect(screen.queryByTestId('import-apply')).toBeNull());
    };
    await importIds('2310.01779\n');
    await waitFor(() => expect(messages()).toEqual(['Removed “Scaling Laws with Vocabulary”']));
    await importIds('2407.13623\n');
    await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('3'));
  });

  test('Delete on the papers left after one removal: the offer names that Delete and the total its Undo puts back, also once one of them is listed again', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch”']));
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.click(await screen.findByTestId('bulk-delete'));
    await waitFor(() => expect(messages()).toEqual(['Removed 2 papers (3 with the one before)']));
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['2407.13623\n'], 'ids.txt', { type: 'text/plain' })] } });
    fireEvent.click(await screen.findByTestId('import-apply'));
    // Not "Removed 2 papers", which would read as the Delete: its Undo puts back HallE-Switch and the paper left.
    await waitFor(() => expect(messages()).toEqual(['Removed “Attention Is All You Need” (2 with the one before)']));
  });

  test('a paper removed while an import is applied, its answer not yet in: the removal keeps its Undo', async () => {
    await openPage();
    let answer!: () => void;
    beforeReply = async (request) => {
      if (request.type === 'importApply') await new Promise<void>((resolve) => (answer = resolve));
    };
    // The whole list, as a backup lists it, and one paper more: written, its answer held back.
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['2310.01779\n2407.13623\n1706.03762\n2402.18041\n'], 'ids.txt', { type: 'text/plain' })] } });
    fireEvent.click(await screen.findByTestId('import-apply'));
    await waitFor(() => expect(requests).toContain('importApply'));
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch”']));
    answer();
    await waitFor(() => expect(screen.queryByTestId('import-apply')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('3'));
    expect(messages()).toEqual(['Removed “HallE-Switch”']);
  });

  test('a removal\'s Undo that lost papers listed again keeps its place and its time, and does not take the focus', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      await openAndRemoveTwo();
      // The reader moves on from the Undo (one focused or pointed at waits for them).
      screen.getByTestId('search').focus();
      vi.advanceTimersByTime(8_000);
      fireEvent.click(screen.getByTestId('select-all'));
      fireEvent.change(await screen.findByTestId('bulk-status'), { target: { value: 'read' } });
      await waitFor(() => expect(messages()).toEqual(['1 set to Read', 'Removed “Scaling Laws with Vocabulary” (2 with the one before)']));
      // Restored from Recently removed with the keyboard: its button goes, and the focus stays with that list.
      const restore = (await screen.findAllByTestId('restore-removed'))[0]!;
      restore.focus();
      fireEvent.click(restore);
      await waitFor(() => expect(messages()).toEqual(['1 set to Read', expect.stringMatching(/^Removed “/)]));
      expect(document.activeElement?.getAttribute('data-testid')).not.toBe('undo');
      // Its 10 seconds counted from the removal, not from the restore.
      vi.advanceTimersByTime(2_500);
      await waitFor(() => expect(messages()).toEqual(['1 set to Read']));
    } finally {
      vi.useRealTimers();
    }
  });

  test('a paper restored in another tab and removed again here is in the Undo once, as this removal kept it', async () => {
    await openPage();
    fireEvent.click(removeButton('2310.01779'));
    await waitFor(() => expect(messages()).toEqual(['Removed “HallE-Switch”']));
    const [kept] = await db.removed.toArray();
    await handleReadingListRequest(db, { type: 'restoreRemoved', removedAt: kept!.removedAt }, Date.now());
    await waitFor(() => expect(removeButton('2310.01779')).not.toBeNull());
    await db.saved.update('2310.01779', { notes: 'written in the other tab' });
    fireEvent.click(removeButton('2310.01779'));
    // Its row gone, the removal's answer is in (the list reads the store after the removal's write).
    await waitFor(() => expect(removeButton('2310.01779')).toBeNull());
    expect(messages()).toEqual(['Removed “HallE-Switch”']);
    await waitFor(() => expect(screen.getByTestId('undo').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect((await db.saved.get('2310.01779'))?.notes).toBe('written in the other tab'));
    await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('reading-list page: Recently removed', () => {
  test('a Restore pressed on a row the list has not updated yet does not put back its older copy over the one kept since', async () => {
    await openPage();
    fireEvent.click(document.querySelector<HTMLElement>('[data-testid="reading-item"][data-arxiv-id="2310.01779"] [data-testid="remove"]')!);
    const restore = await screen.findByTestId('restore-removed');
    // Another tab restores the paper, writes a note and removes it again; this row still shows the first removal.
    const [kept] = await db.removed.toArray();
    await handleReadingListRequest(db, { type: 'restoreRemoved', removedAt: kept!.removedAt }, Date.now());
    await db.saved.update('2310.01779', { notes: 'written in the other tab' });
    await handleReadingListRequest(db, { type: 'removeSaved', ids: ['2310.01779'] }, Date.now() + 1);
    fireEvent.click(restore);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('“HallE-Switch” was not restored: it is in your list again, or was removed again since'));
    expect(await db.saved.get('2310.01779')).toBeUndefined();
    // The row now shows the copy kept since; its Restore brings the paper back with the note.
    expect((await db.removed.get('2310.01779'))?.notes).toBe('written in the other tab');
    await waitFor(() => expect(screen.getAllByTestId('restore-removed')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('restore-removed'));
    await waitFor(async () => expect((await db.saved.get('2310.01779'))?.notes).toBe('written in the other tab'));
  });
});

describe('reading-list page: a bulk change under way', () => {
  test('the bar says "Working…" and its controls wait (aria-disabled) until the answer; a second press meanwhile starts nothing', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    beforeRequest = async (request) => {
      if (request.type === 'setStatusMany') await held;
    };
    fireEvent.change(await screen.findByTestId('bulk-status'), { target: { value: 'read' } });
    await waitFor(() => expect(screen.getByTestId('bulk-status-text').textContent).toBe('Working…'));
    for (const control of ['bulk-status', 'bulk-delete', 'bulk-add-tag', 'bulk-remove-tag']) expect(screen.getByTestId(control).getAttribute('aria-disabled')).toBe('true');
    // Pressed again meanwhile: Delete, and the same status.
    fireEvent.click(screen.getByTestId('bulk-delete'));
    fireEvent.change(screen.getByTestId('bulk-status'), { target: { value: 'read' } });
    expect(requests.filter((type) => type === 'removeSaved' || type === 'setStatusMany')).toEqual(['setStatusMany']);
    release();
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('3 set to Read'));
    await waitFor(() => expect(screen.getByTestId('bulk-status-text').textContent).toBe(''));
    expect(screen.getByTestId('bulk-delete').getAttribute('aria-disabled')).toBe('false');
    expect(screen.getAllByTestId('undo-offer')).toHaveLength(1);
    expect(await db.saved.count()).toBe(3);
  });
});

describe('reading-list page: a removal that fails', () => {
  test('the papers stay selected, so Delete can be pressed again once the store answers', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    await waitFor(() => expect(screen.getByTestId('bulk-count').textContent).toBe('3 selected'));
    beforeRequest = async (request) => {
      if (request.type === 'removeSaved') throw new Error('The store is busy');
    };
    fireEvent.click(screen.getByTestId('bulk-delete'));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not remove: The store is busy');
    expect(screen.getByTestId('bulk-count').textContent).toBe('3 selected');
    beforeRequest = null;
    fireEvent.click(screen.getByTestId('bulk-delete'));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0 papers'));
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
  });
});

describe('reading-list page: focus after an action whose control goes away', () => {
  /** Focuses a control and presses it as the keyboard does (Enter on a button is a click). */
  function press(control: HTMLElement): void {
    control.focus();
    expect(document.activeElement).toBe(control);
    fireEvent.click(control);
  }

  test('"Clear selection" pressed from the keyboard leaves the focus on Select all, not at the page\'s start', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    press(await screen.findByTestId('bulk-clear'));
    await waitFor(() => expect(screen.queryByTestId('bulk-bar')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('select-all'));
  });

  test('"Save arXiv … to the list" pressed from the keyboard: once the paper is listed the focus is on the search that shows it', async () => {
    await openPage();
    fireEvent.input(await screen.findByTestId('search'), { target: { value: '2401.00001' } });
    press(await screen.findByTestId('save-by-id'));
    await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('1'), { timeout: 3000 });
    expect(document.activeElement).toBe(screen.getByTestId('search'));
  });
});

test('parseTagList reads a known tag holding a comma as one tag, in its kept spelling, and a typed comma as a separator', () => {
  expect(parseTagList('nlp, learning,deep , todo', ['Learning, Deep', 'nlp'])).toEqual(['nlp', 'Learning, Deep', 'todo']);
  expect(parseTagList('Learning, Deep')).toEqual(['Learning', 'Deep']);
  expect(parseTagList('Learning, Shallow', ['Learning, Deep'])).toEqual(['Learning', 'Shallow']);
});

describe('reading-list page: a tag holding a comma (a Zotero or RIS keyword), where the tag fields read commas as separators', () => {
  // As Zotero and EndNote write a keyword: one per KW line, which may hold a comma.
  const RIS = ['TY  - JOUR', 'TI  - Attention Is All You Need', 'AU  - Vaswani, Ashish', 'UR  - https://arxiv.org/abs/1706.03762', 'KW  - Learning, Deep', 'KW  - nlp', 'ER  - ', ''].join('\n');
  beforeEach(async () => {
    await db.saved.clear();
    const parse = parseImport(RIS, 'zotero.ris');
    await applyImport(db, parse.items, parse.rejected, 1_000);
  });
  const tags = async () => (await db.saved.get('1706.03762'))!.tags;

  test('adding a tag in the row\'s tag field keeps the imported tags as they were (it does not split "Learning, Deep" in two)', async () => {
    const before = await tags();
    await openPage(1);
    const field = screen.getByTestId('tags') as HTMLInputElement;
    // The reader adds a tag after what the field shows.
    fireEvent.input(field, { target: { value: `${field.value}, todo` } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect(await tags()).toContain('todo'));
    expect(await tags()).toEqual([...before, 'todo']);
  });

  test('the tag as the tag filter names it, typed in the bulk tag field, is removed by Remove tag', async () => {
    await openPage(1);
    const filter = await loadedFilter('filter-tag');
    const withComma = [...filter.options].map((option) => option.value).find((name) => name.includes(','));
    expect(withComma).toBeDefined();
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.input(await screen.findByTestId('bulk-tag'), { target: { value: withComma } });
    fireEvent.click(screen.getByTestId('bulk-remove-tag'));
    await waitFor(() => expect(screen.queryByText(/removed from|Nothing to change/)).not.toBeNull());
    expect(await tags()).toEqual(['nlp']);
  });
});

describe('reading-list page: bulk tags', () => {
  test('more tags to remove than a paper can hold are refused with the limit, not sent', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    const many = Array.from({ length: 101 }, (_, k) => `t${k}`).join(', ');
    fireEvent.input(await screen.findByTestId('bulk-tag'), { target: { value: many } });
    requests.length = 0;
    fireEvent.click(screen.getByTestId('bulk-remove-tag'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nothing was changed: a paper has at most 100 tags: name at most 100 to remove (101 named)'));
    expect(requests).not.toContain('removeTags');
  });

  test('"rl, robotics" typed in the bulk tag field adds two tags, as the row\'s tag field reads it; one Undo takes both back', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.input(await screen.findByTestId('bulk-tag'), { target: { value: 'rl, robotics' } });
    fireEvent.click(screen.getByTestId('bulk-add-tag'));
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('“rl”, “robotics” added to 3'));
    expect(await tagsOf()).toEqual({ '2310.01779': ['vision', 'rl', 'robotics'], '2407.13623': ['rl', 'robotics'], '1706.03762': ['RL', 'robotics'] });

    fireEvent.click(screen.getByTestId('bulk-remove-tag'));
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('“rl”, “robotics” removed from 3'));
    expect(await tagsOf()).toEqual({ '2310.01779': ['vision'], '2407.13623': [], '1706.03762': [] });
    // Each edit keeps its own Undo, newest first: the removal's takes the tags back, then the addition's takes them away.
    expect(screen.getAllByTestId('undo-offer').map((row) => row.querySelector('.undo-message')!.textContent)).toEqual(['“rl”, “robotics” removed from 3', '“rl”, “robotics” added to 3']);
    fireEvent.click(screen.getAllByTestId('undo')[0]!);
    await waitFor(async () => expect(await tagsOf()).toEqual({ '2310.01779': ['vision', 'rl', 'robotics'], '2407.13623': ['rl', 'robotics'], '1706.03762': ['RL', 'robotics'] }));
    await waitFor(() => expect(screen.getAllByTestId('undo-offer')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('undo').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect(await tagsOf()).toEqual({ '2310.01779': ['vision'], '2407.13623': [], '1706.03762': ['RL'] }));
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  test('a tag added, taken off and added again: the first Undo waits for the later ones (it would take off the tag added since); a status set meanwhile is undone at once', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    const bulk = async (control: string, typed: string, done: string) => {
      fireEvent.input(await screen.findByTestId('bulk-tag'), { target: { value: typed } });
      fireEvent.click(screen.getByTestId(control));
      await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain(done));
    };
    const offers = () => screen.getAllByTestId('undo-offer');
    const undoOf = (text: string) => offers().find((offer) => offer.textContent?.includes(text))!.querySelector<HTMLElement>('[data-testid="undo"]')!;
    await bulk('bulk-add-tag', 'later', '“later” added to 3');
    fireEvent.change(screen.getByTestId('bulk-status'), { target: { value: 'reading' } });
    await waitFor(() => expect(offers().some((offer) => offer.textContent?.includes('set to Reading'))).toBe(true));
    await bulk('bulk-remove-tag', 'later', '“later” removed from 3');
    await bulk('bulk-add-tag', 'Later', '“Later” added to 3');
    const tagged = await tagsOf();
    await waitFor(() => expect(undoOf('“later” added to 3').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(undoOf('“later” added to 3'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Undo the later change first (“Later” added to 3)'));
    expect(await tagsOf()).toEqual(tagged);
    // The status' Undo changed nothing the tag edits did: it goes ahead.
    const statuses = async () => (await db.saved.toArray()).map((item) => item.status);
    fireEvent.click(undoOf('set to Reading'));
    await waitFor(async () => expect(await statuses()).not.toContain('reading'));
    expect(await tagsOf()).toEqual(tagged);
  });

  test('Enter in the bulk tag field adds the tags typed, as Add tag does', async () => {
    await openPage();
    fireEvent.click(screen.getByTestId('select-all'));
    const field = await screen.findByTestId('bulk-tag');
    fireEvent.input(field, { target: { value: 'to cite' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('“to cite” added to 3'));
  });
});

describe('reading-list page: bulk tags refused', () => {
  const addTags = async (typed: string) => {
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.input(await screen.findByTestId('bulk-tag'), { target: { value: typed } });
    fireEvent.click(screen.getByTestId('bulk-add-tag'));
  };

  test('a tag too long among several adds none of them, and says which tag and why', async () => {
    await openPage();
    const before = await tagsOf();
    const long = 'x'.repeat(150);
    await addTags(`rl, robotics, ${long}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('at most 100 characters');
    expect(alert.textContent).toContain(`“${'x'.repeat(24)}…” has 150`);
    expect(alert.textContent).toContain('Nothing was changed: ');
    expect(await tagsOf()).toEqual(before);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  test('a paper that cannot take them all (100 tags at most) gets none of them, nor do the others', async () => {
    const full = Array.from({ length: 99 }, (_, index) => `t${index}`);
    await db.saved.update('2407.13623', { tags: full });
    await openPage();
    const before = await tagsOf();
    await addTags('rl, robotics');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“Scaling Laws with Vocabulary”');
    expect(alert.textContent).toContain('at most 100 tags');
    expect(alert.textContent).toContain('Nothing was changed: ');
    expect(await tagsOf()).toEqual(before);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  test('a paper filled up elsewhere after the page read it: the store refuses the tags for every paper, and says which and why', async () => {
    await openPage();
    const before = await tagsOf();
    // As the request goes, another tab fills one paper up to 100 tags.
    beforeRequest = async (request) => {
      if (request.type !== 'addTags') return;
      beforeRequest = null;
      const current = (await db.saved.get('2407.13623'))!;
      await db.saved.put({ ...current, tags: [...current.tags, ...Array.from({ length: 100 - current.tags.length }, (_, index) => `t${index}`)] });
    };
    await addTags('rl, robotics');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('2407.13623 already has 100 tags: 100 at most, remove some before adding "rl", "robotics"');
    const after = await tagsOf();
    expect(after['2310.01779']).toEqual(before['2310.01779']);
    expect(after['1706.03762']).toEqual(before['1706.03762']);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  test("several tags' Undo keeps a note written as they were added, and one written after them: it takes off only the tags", async () => {
    await openPage();
    const notesOf = async (id: string) => (await db.saved.get(id))!.notes;
    // A row's note lands as the edit goes (before it), and another's before the Undo.
    beforeRequest = async (request) => {
      if (request.type !== 'addTags') return;
      beforeRequest = null;
      await db.saved.update('2310.01779', { notes: 'typed while it worked', updatedAt: Date.now() });
    };
    await addTags('rl, robotics');
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain('“rl”, “robotics” added to 3'));
    await db.saved.update('1706.03762', { notes: 'typed after it', updatedAt: Date.now() + 1 });
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect((await tagsOf())['2310.01779']).toEqual(['vision']));
    expect(await notesOf('2310.01779')).toBe('typed while it worked');
    // A note written since the edit stays; the edit's tags go.
    await waitFor(async () => expect((await tagsOf())['1706.03762']).not.toContain('robotics'));
    expect((await tagsOf())['1706.03762']).not.toContain('rl');
    expect(await notesOf('1706.03762')).toBe('typed after it');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('reading-list page: filters', () => {
  test('the tag filter stays shown as picked when the paper that gave its spelling goes ("RL", then only "rl" left)', async () => {
    await db.saved.put(savedItem({ id: '2401.00001', title: 'Policy Gradients Revisited', tags: ['rl'], addedAt: 0 }));
    render(<ReadingListApp db={db} />);
    const tagFilter = await loadedFilter('filter-tag');
    expect([...tagFilter.options].map((option) => option.text)).toContain('RL (2)');
    fireEvent.change(tagFilter, { target: { value: 'RL' } });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2 of 4 papers'));
    // Removed elsewhere (the popup, another tab): the tag is now spelled as the paper left has it.
    await act(() => db.saved.delete('1706.03762'));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1 of 3 papers'));
    expect(tagFilter.selectedOptions[0]?.text).toBe('rl (1)');
  });
});

describe('reading-list page: counts', () => {
  test('one saved paper is counted as "1 paper", in the header and the export scope', async () => {
    await db.saved.bulkDelete(['2407.13623', '1706.03762']);
    render(<ReadingListApp db={db} />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1 paper'));
    const scope = screen.getByTestId('export-scope') as HTMLSelectElement;
    expect(scope.options[0]!.text).toBe('the 1 paper');
    await act(async () => {
      await db.saved.put(savedItem({ id: '2401.00001', title: 'Another' }));
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2 papers'));
  });
});

describe('reading-list page: bulk tag suggestions', () => {
  listOf(() => [
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', tags: ['nlp'], addedAt: 3 }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch', tags: ['vision', 'transformers'], addedAt: 2 }),
    savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', tags: ['NLP', 'scaling'], addedAt: 1 }),
  ]);

  test("the bulk tag field suggests the selected papers' tags first, then the list's others, each once", async () => {
    await openPage();
    const row = screen.getAllByTestId('reading-item').find((node) => node.getAttribute('data-arxiv-id') === '1706.03762')!;
    fireEvent.click(row.querySelector('[data-testid="select"]')!);
    await screen.findByTestId('bulk-bar');
    const choices = [...document.querySelectorAll('#bulk-tag-choices option')].map((option) => option.getAttribute('value'));
    expect(choices).toEqual(['nlp', 'scaling', 'transformers', 'vision']);
  });
});

describe('reading-list page: rows named for their papers', () => {
  listOf(() => [
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 2 }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 1 }),
  ]);

  test("each row's Remove button, tags and notes are named for its paper, as its checkbox and status are: a screen reader's list of controls tells the rows apart", async () => {
    await openPage(2);
    for (const title of ['Attention Is All You Need', 'HallE-Switch']) {
      expect(screen.getByRole('button', { name: `Remove ${title}` })).toBeTruthy();
      expect(screen.getByRole('textbox', { name: `Tags of ${title}` })).toBeTruthy();
      expect(screen.getByRole('textbox', { name: `Notes on ${title}` })).toBeTruthy();
      expect(screen.getByRole('checkbox', { name: `Select ${title}` })).toBeTruthy();
    }
  });

  test('QA: a note typed is told to a screen reader as saved, with no button pressed', async () => {
    await openPage(2);
    const notes = screen.getByRole('textbox', { name: 'Notes on HallE-Switch' });
    fireEvent.input(notes, { target: { value: 'read the ablations' } });
    await waitFor(() => expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain('Notes saved'), { timeout: 5_000 });
    // Not "Editing…" at each burst of typing.
    expect(screen.getAllByRole('status').map((region) => region.textContent)).not.toContain('Editing…');
  });
});

describe('reading-list page: the count, announced', () => {
  listOf(() => [
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 3 }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 2 }),
    savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', addedAt: 1 }),
  ]);

  test('the count shown follows each keystroke, but a screen reader is told it once typing pauses, not once per letter', async () => {
    render(<ReadingListApp db={db} />);
    const live = screen.getByTestId('count-status');
    await waitFor(() => expect(live.textContent).toBe('3 papers'));
    // The count on screen is no live region: it changes with every keystroke. Nor is it read besides the status (it was read twice).
    expect(screen.getByTestId('count').closest('[role="status"], [aria-live]')).toBeNull();
    expect(screen.getAllByText('3 papers', { ignore: '[aria-hidden="true"], [aria-hidden="true"] *' })).toEqual([live]);
    const search = screen.getByTestId('search');
    for (const text of ['a', 'at', 'att']) fireEvent.input(search, { target: { value: text } });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1 of 3 papers'));
    expect(live.textContent).toBe('3 papers');
    await waitFor(() => expect(live.textContent).toBe('1 of 3 papers'), { timeout: 2000 });
  });
});

describe('reading-list page: keys an input method uses', () => {
  listOf(() => [
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', tags: [] }),
  ]);

  test('the Enter that ends a Japanese or Chinese input method\'s composition in a tag field picks the characters: it saves no half-typed tag', async () => {
    await openPage(1);
    const tags = screen.getByTestId('tags');
    // "にほん" is being composed; Enter turns it into "日本".
    fireEvent.input(tags, { target: { value: 'にほん' } });
    fireEvent.keyDown(tags, { key: 'Enter', isComposing: true });
    fireEvent.input(tags, { target: { value: '日本' } });
    // Well before the field's own delay (800 ms) would save it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(requests).toEqual([]);
    // The reader's own Enter saves the tag at once.
    fireEvent.keyDown(tags, { key: 'Enter' });
    await waitFor(async () => expect((await db.saved.get('1706.03762'))?.tags).toEqual(['日本']));
    expect(requests).toEqual(['setTags']);
  });

  test('Escape during a composition in the search box cancels the composition and leaves the focus in the box; Escape after it leaves the box', async () => {
    await openPage(1);
    const search = await screen.findByTestId('search');
    search.focus();
    fireEvent.keyDown(search, { key: 'Escape', isComposing: true });
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(document.activeElement).not.toBe(search);
  });
});

describe('reading-list page: search forgiving typos, and Escape', () => {
  listOf(() => [
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', addedAt: 3 }),
    savedItem({ id: '2106.09685', title: 'LoRA: Low-Rank Adaptation of Large Language Models', addedAt: 2 }),
    savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', addedAt: 1 }),
  ]);
  const shownIds = () => [...document.querySelectorAll('[data-arxiv-id]')].map((row) => row.getAttribute('data-arxiv-id'));

  test('a misspelled word finds the paper, as in the popup', async () => {
    await openPage(3);
    const search = screen.getByTestId('search');
    for (const [text, found] of [['atention is all', ['1706.03762']], ['lora adaptaton', ['2106.09685']]] as const) {
      fireEvent.input(search, { target: { value: text } });
      await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1 of 3 papers'));
      expect(shownIds(), text).toEqual(found);
    }
  });

  test('Escape in a search clears it and the whole list comes back, the focus kept in the box; Escape again leaves the box for j and k', async () => {
    await openPage(3);
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByTestId<HTMLInputElement>('search');
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.input(search, { target: { value: 'lora' } });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1 of 3 papers'));
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3 papers'));
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(search);
    expect(shownIds()).toEqual(['1706.03762', '2106.09685', '2407.13623']);
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-arxiv-id="1706.03762"] [data-testid="select"]')));
  });
});
