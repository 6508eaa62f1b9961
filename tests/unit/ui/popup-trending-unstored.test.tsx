// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { STORE_FAILURE_REASON, type Request } from '../../../src/schema';

const db = new PaperLensDatabase('popup-trending-unstored');

// The background when the disk is full: the refresh failed and the store could not take its state
// (the worker keeps it outside the store), so only the answer says so.
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    if (request.type !== 'refreshFeed') return null;
    const now = Date.now();
    return { lastSuccessAt: now - 3_600_000, lastAttemptAt: now, consecutiveFailures: 1, lastFailure: { kind: 'schema' as const, reason: `${STORE_FAILURE_REASON}: QuotaExceededError`, path: '(store)', at: now }, nextAttemptAt: now + 600_000 };
  },
}));

const { TrendingHeader } = await import('../../../src/ui/popup/popup-app');

afterEach(cleanup);

test('a Refresh whose state the store could not keep (disk full) is still shown as failed in the open popup', async () => {
  const day = new Date().toISOString().slice(0, 10);
  render(<TrendingHeader db={db} list={{ source: 'live', day, label: day, days: [day], fetchedAt: Date.now() - 3_600_000 }} onDay={() => undefined} />);
  fireEvent.click(await screen.findByTestId('refresh-feed'));
  const note = await screen.findByTestId('feed-failure', {}, { timeout: 3000 });
  expect(note.textContent).toContain('Update failed');
});
