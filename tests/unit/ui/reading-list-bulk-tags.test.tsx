// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savedItem } from '../export/fixtures';

// happy-dom has no idle callbacks (the page builds its search text while idle).
globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0) as unknown as number;
globalThis.cancelIdleCallback ??= (handle: number) => clearTimeout(handle);

vi.mock('../../../src/messaging/client', () => ({ sendRequest: async () => null }));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

let db: PaperLensDatabase;
let counter = 0;

beforeEach(async () => {
  db = new PaperLensDatabase(`bulk-tags-${++counter}`);
  await db.saved.bulkPut([
    savedItem({ id: '1706.03762', title: 'Attention Is All You Need', tags: ['nlp'], addedAt: 3 }),
    savedItem({ id: '2310.01779', title: 'HallE-Switch', tags: ['vision', 'transformers'], addedAt: 2 }),
    savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', tags: ['NLP', 'scaling'], addedAt: 1 }),
  ]);
});

afterEach(() => {
  cleanup();
  db.close();
});

test("the bulk tag field suggests the selected papers' tags first, then the list's others, each once", async () => {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('3'));
  const row = screen.getAllByTestId('reading-item').find((node) => node.getAttribute('data-arxiv-id') === '1706.03762')!;
  fireEvent.click(row.querySelector('[data-testid="select"]')!);
  await screen.findByTestId('bulk-bar');
  const choices = [...document.querySelectorAll('#bulk-tag-choices option')].map((option) => option.getAttribute('value'));
  expect(choices).toEqual(['nlp', 'scaling', 'transformers', 'vision']);
});
