// @vitest-environment happy-dom
// Popup: the Saved tab says when a paper was saved as the Recent tab says when one was opened.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import type { Request } from '../../../src/schema';
import { describeDay } from '../../../src/ui/time';
import { savedItem } from '../export/fixtures';

vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => (request.type === 'health' ? { ok: true, error: null, seedVersion: null, papers: 0 } : null),
}));

const { PopupApp } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-saved-when');
const NOW = Date.UTC(2026, 11, 4, 16, 0);
const MINUTE = 60_000;

beforeAll(async () => {
  await db.saved.bulkPut([
    savedItem({ id: '2310.01779', title: 'Seconds ago', addedAt: NOW - 10_000 }),
    savedItem({ id: '1706.03762', title: 'Minutes ago', addedAt: NOW - 5 * MINUTE }),
    savedItem({ id: '2402.18041', title: 'Days ago', addedAt: NOW - 3 * 1440 * MINUTE }),
    savedItem({ id: '2401.00002', title: 'Weeks ago', addedAt: NOW - 20 * 1440 * MINUTE }),
  ]);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('Saved reads as Recent does: "Saved just now", "Saved 5 min ago", "Saved 3 days ago", then the day', async () => {
  // Only the clock is fixed: the store's and the renderer's timers run.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  render(<PopupApp db={db} />);
  fireEvent.click(screen.getByTestId('tab-saved'));
  const metas = () => [...document.querySelectorAll('[data-testid="saved-item"] .meta')].map((meta) => meta.textContent);
  await waitFor(() => expect(metas()).toHaveLength(4));
  expect(metas()).toEqual(['Saved just now', 'Saved 5 min ago', 'Saved 3 days ago', `Saved ${describeDay(NOW - 20 * 1440 * MINUTE)}`]);
});
