// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { ReadingListRequestSchema, type Request } from '../../../src/schema';
import { savedItem } from '../export/fixtures';

// happy-dom has no idle callbacks (the page builds its search text while idle).
globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0) as unknown as number;
globalThis.cancelIdleCallback ??= (handle: number) => clearTimeout(handle);

let db: PaperLensDatabase;
let counter = 0;
const requests: Request['type'][] = [];
// The page's requests go to the background's own handler, over the same store.
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    requests.push(request.type);
    const parsed = ReadingListRequestSchema.safeParse(request);
    if (!parsed.success) throw new Error(`malformed request: ${parsed.error.issues[0]?.message}`);
    return handleReadingListRequest(db, parsed.data, Date.now());
  },
}));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

beforeEach(async () => {
  db = new PaperLensDatabase(`ime-${++counter}`);
  await db.saved.bulkPut([savedItem({ id: '1706.03762', title: 'Attention Is All You Need', tags: [] })]);
  requests.length = 0;
});

afterEach(() => {
  cleanup();
  db.close();
});

async function openPage(): Promise<void> {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('1'));
}

test('the Enter that ends a Japanese or Chinese input method\'s composition in a tag field picks the characters: it saves no half-typed tag', async () => {
  await openPage();
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
  await openPage();
  const search = await screen.findByTestId('search');
  search.focus();
  fireEvent.keyDown(search, { key: 'Escape', isComposing: true });
  expect(document.activeElement).toBe(search);
  fireEvent.keyDown(search, { key: 'Escape' });
  expect(document.activeElement).not.toBe(search);
});
