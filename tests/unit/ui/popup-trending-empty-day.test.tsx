// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';

vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: { type: string }) => (request.type === 'health' ? { ok: true, error: null, seedVersion: null, papers: 0 } : null),
}));
const { PopupApp } = await import('../../../src/ui/popup/popup-app');

afterEach(cleanup);

test('a live trending day on which the feed listed no papers says so, not that the bundled snapshot is still loading', async () => {
  const db = new PaperLensDatabase('popup-trending-empty-day');
  await db.trendingDays.put({ day: '2026-11-29', ids: [], fetchedAt: Date.now() });
  render(<PopupApp db={db} />);
  expect((await screen.findByText(/^No papers were listed on 2026-11-29\.$/)).textContent).not.toContain('snapshot');
  db.close();
});
