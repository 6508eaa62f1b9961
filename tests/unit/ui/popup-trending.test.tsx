// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { writeFeedState } from '../../../src/db/feed';
import type { Request } from '../../../src/schema';

const db = new PaperLensDatabase('popup-trending');

// The background: a refresh that fails, recorded in the store as the background records it.
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    if (request.type !== 'refreshFeed') return null;
    const now = Date.now();
    const state = { lastSuccessAt: now - 3_600_000, lastAttemptAt: now, consecutiveFailures: 1, lastFailure: { kind: 'offline' as const, reason: 'Failed to fetch', at: now }, nextAttemptAt: now + 600_000 };
    await writeFeedState(db, state);
    return state;
  },
}));

const { TrendingHeader } = await import('../../../src/ui/popup/popup-app');

afterEach(cleanup);

test('a Refresh that fails is said by a screen reader: "Update failed" comes into a live region that was there before', async () => {
  const day = new Date().toISOString().slice(0, 10);
  render(<TrendingHeader db={db} list={{ source: 'live', day, label: day, days: [day], fetchedAt: Date.now() - 3_600_000 }} onDay={() => undefined} />);
  const refresh = await screen.findByTestId('refresh-feed');
  const before = screen.queryAllByRole('status');
  expect(before.map((region) => region.textContent)).toEqual(['']);
  fireEvent.click(refresh);
  const note = await screen.findByTestId('feed-failure', {}, { timeout: 3000 });
  expect(note.textContent).toContain('Update failed');
  await waitFor(() => expect(before[0]!.contains(note)).toBe(true));
});
