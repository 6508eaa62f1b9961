// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { writeFeedState } from '../../../src/db/feed';
import { initialFeedRefreshState, recordFeedFailure } from '../../../src/feed/backoff';

const db = new PaperLensDatabase('popup-trending-first-run');

vi.mock('../../../src/messaging/client', () => ({ sendRequest: async () => null }));

const { TrendingHeader } = await import('../../../src/ui/popup/popup-app');

afterEach(cleanup);

test('the first popup offline, before any live list: the bundled snapshot is said quietly, not as a failed refresh', async () => {
  const now = Date.now();
  const offline = { kind: 'offline' as const, reason: 'no connection to huggingface.co, or the request was blocked' };
  await writeFeedState(db, recordFeedFailure(initialFeedRefreshState(), offline, now - 60_000, { random: () => 0.5 }));
  render(<TrendingHeader db={db} list={{ source: 'bundled', day: null, label: '2025-07-30', days: [], fetchedAt: null }} onDay={() => undefined} />);
  const note = await screen.findByTestId('feed-failure', {}, { timeout: 3000 });
  expect(note.textContent).toMatch(/^Showing the bundled snapshot · the live list will load when huggingface\.co can be reached \(next try (tomorrow at|at|on) [^)]+\)Details/);
  expect(note.textContent).not.toContain('Update failed');
  expect(note.classList.contains('problem')).toBe(false);
  expect(screen.getByTestId('feed-failure-details').textContent).toBe('Detailsno connection to huggingface.co, or the request was blocked');
});
