// @vitest-environment happy-dom
// A tag holding a comma (a RIS keyword, a Zotero or PaperMemory tag) on the reading-list page, whose
// tag fields read commas as separators.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { applyImport } from '../../../src/db/reading-list';
import { parseImport } from '../../../src/export';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { parseTagList, ReadingListRequestSchema, type Request } from '../../../src/schema';

globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0) as unknown as number;
globalThis.cancelIdleCallback ??= (handle: number) => clearTimeout(handle);

let db: PaperLensDatabase;
let counter = 0;
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    const parsed = ReadingListRequestSchema.safeParse(request);
    if (!parsed.success) throw new Error(`malformed request: ${parsed.error.issues[0]?.message}`);
    return handleReadingListRequest(db, parsed.data, Date.now());
  },
}));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

// As Zotero and EndNote write a keyword: one per KW line, which may hold a comma.
const RIS = ['TY  - JOUR', 'TI  - Attention Is All You Need', 'AU  - Vaswani, Ashish', 'UR  - https://arxiv.org/abs/1706.03762', 'KW  - Learning, Deep', 'KW  - nlp', 'ER  - ', ''].join('\n');

beforeEach(async () => {
  db = new PaperLensDatabase(`comma-tags-${++counter}`);
  const parse = parseImport(RIS, 'zotero.ris');
  await applyImport(db, parse.items, parse.rejected, 1_000);
});

afterEach(() => {
  cleanup();
  db.close();
});

async function openPage(): Promise<void> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('1'));
}

const tags = async () => (await db.saved.get('1706.03762'))!.tags;

test('parseTagList reads a known tag holding a comma as one tag, in its kept spelling, and a typed comma as a separator', () => {
  expect(parseTagList('nlp, learning,deep , todo', ['Learning, Deep', 'nlp'])).toEqual(['nlp', 'Learning, Deep', 'todo']);
  expect(parseTagList('Learning, Deep')).toEqual(['Learning', 'Deep']);
  expect(parseTagList('Learning, Shallow', ['Learning, Deep'])).toEqual(['Learning', 'Shallow']);
});

describe('reading-list page: a tag holding a comma', () => {
  test('adding a tag in the row\'s tag field keeps the imported tags as they were (it does not split "Learning, Deep" in two)', async () => {
    const before = await tags();
    await openPage();
    const field = screen.getByTestId('tags') as HTMLInputElement;
    // The reader adds a tag after what the field shows.
    fireEvent.input(field, { target: { value: `${field.value}, todo` } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect(await tags()).toContain('todo'));
    expect(await tags()).toEqual([...before, 'todo']);
  });

  test('the tag as the tag filter names it, typed in the bulk tag field, is removed by Remove tag', async () => {
    await openPage();
    const filter = (await screen.findByTestId('filter-tag')) as HTMLSelectElement;
    const names = [...filter.options].map((option) => option.value).filter((value) => value !== '');
    const withComma = names.find((name) => name.includes(','));
    expect(withComma).toBeDefined();
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.input(await screen.findByTestId('bulk-tag'), { target: { value: withComma } });
    fireEvent.click(screen.getByTestId('bulk-remove-tag'));
    await waitFor(() => expect(screen.queryByText(/removed from|Nothing to change/)).not.toBeNull());
    expect(await tags()).toEqual(['nlp']);
  });
});
