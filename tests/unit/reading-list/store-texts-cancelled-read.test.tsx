// @vitest-environment happy-dom
// Review: the read of a paper's store texts, cancelled by the paper's removal (saved, then undone
// in another tab before a background tab's idle time came), left "Looking in the abstracts…" said
// for good instead of "No saved paper matches".
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savedItem } from '../export/fixtures';

vi.mock('../../../src/messaging/client', () => ({ sendRequest: async () => undefined }));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

let db: PaperLensDatabase;
let counter = 0;
const stored = (id: string, abstract: string) => ({
  id, title: `Stored ${id}`, normTitle: `stored ${id}`, abstract, authors: [], rank: null, snapshot: null, source: 'feed' as const,
  summary: { version: 1, tldr: 't', keyResults: [], codeLinks: [], topics: ['vision-language'], names: [] }, feed: null, related: [],
});

beforeEach(async () => {
  db = new PaperLensDatabase(`store-texts-cancelled-read-${++counter}`);
  await db.saved.bulkPut([savedItem({ id: '2310.01779', title: 'HallE-Switch', addedAt: 3 }), savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', addedAt: 2 })]);
  await db.papers.bulkPut([stored('2310.01779', 'We introduce CCEval.')]);
});
afterEach(() => {
  cleanup();
  db.close();
});

test('a read for a paper saved meanwhile, cancelled by its removal, leaves "No saved paper matches" said again', async () => {
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('aria-busy')).toBe('false'));
  fireEvent.input(screen.getByTestId('search'), { target: { value: 'zzzqqq' } });
  await waitFor(() => expect(screen.getByTestId('no-matches')).toBeTruthy());
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const bulkGet = db.papers.bulkGet.bind(db.papers);
  vi.spyOn(db.papers, 'bulkGet').mockImplementation(async (ids) => (await held, bulkGet(ids)));
  await db.saved.put(savedItem({ id: '2501.00001', title: 'New one', addedAt: 4 }));
  await waitFor(() => expect(screen.getByTestId('searching-abstracts')).toBeTruthy());
  await db.saved.delete('2501.00001');
  await new Promise((resolve) => setTimeout(resolve, 100));
  release();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(screen.queryByTestId('searching-abstracts')).toBeNull();
  expect(screen.getByTestId('no-matches')).toBeTruthy();
});
