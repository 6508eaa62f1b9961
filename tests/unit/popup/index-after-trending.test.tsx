// @vitest-environment happy-dom
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type * as Search from '../../../src/db/search';
import type * as Papers from '../../../src/db/papers';

vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: { type: string }) => (request.type === 'health' ? { ok: true, error: null, seedVersion: null, papers: 0 } : null),
}));

// Whether Trending's rows were on the page when the search index was asked for, per call.
const indexAskedWithTrending: boolean[] = [];
vi.mock('../../../src/db/search', async (original) => {
  const actual = await original<typeof Search>();
  return {
    ...actual,
    loadSearchIndex: (db: PaperLensDatabase) => {
      indexAskedWithTrending.push(document.querySelector('[data-testid="trending-item"]') !== null);
      return actual.loadSearchIndex(db);
    },
  };
});

// Trending that never comes (a store slow to answer it), when a test says so.
let trendingHangs = false;
vi.mock('../../../src/db/papers', async (original) => {
  const actual = await original<typeof Papers>();
  return { ...actual, trendingList: (...args: Parameters<typeof actual.trendingList>) => (trendingHangs ? new Promise<never>(() => undefined) : actual.trendingList(...args)) };
});

const { PopupApp } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-index-after-trending');

beforeAll(async () => {
  await seedStore(db, await buildSeedAsset(join(process.cwd(), 'seeds')));
}, 30_000);

afterEach(() => {
  cleanup();
  indexAskedWithTrending.length = 0;
  trendingHangs = false;
});

test('the popup reads the search index only once Trending is shown, and a search then finds papers', async () => {
  render(<PopupApp db={db} />);
  await screen.findAllByTestId('trending-item', {}, { timeout: 5000 });
  await waitFor(() => expect(indexAskedWithTrending).toEqual([true]));
  fireEvent.input(screen.getByTestId('search'), { target: { value: 'vocabulary' } });
  const results = await screen.findAllByTestId('search-item', {}, { timeout: 3000 });
  expect(results.map((row) => row.getAttribute('data-arxiv-id'))).toContain('2407.13623');
  expect(indexAskedWithTrending).toEqual([true]);
});

test('a query typed before Trending (and the index) has loaded still gets its results', async () => {
  trendingHangs = true;
  render(<PopupApp db={db} />);
  expect(indexAskedWithTrending).toEqual([]);
  fireEvent.input(screen.getByTestId('search'), { target: { value: 'vocabulary' } });
  const results = await screen.findAllByTestId('search-item', {}, { timeout: 3000 });
  expect(results.map((row) => row.getAttribute('data-arxiv-id'))).toContain('2407.13623');
  expect(indexAskedWithTrending).toEqual([false]);
});
