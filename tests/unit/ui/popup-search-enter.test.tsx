// @vitest-environment happy-dom
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper } from '../../../src/db/papers';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';

vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: { type: string }) => (request.type === 'health' ? { ok: true, error: null, seedVersion: null, papers: 0 } : null),
}));

const { PopupApp } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-search-enter');

beforeAll(async () => {
  await seedStore(db, await buildSeedAsset(join(process.cwd(), 'seeds')));
  await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', tldr: 'We propose the Transformer.' }, 1000);
}, 30_000);

afterEach(cleanup);

test('an arXiv address pasted and Enter pressed at once opens that paper, as Enter a moment later does', async () => {
  const opened: string[] = [];
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (link) {
      opened.push(link.getAttribute('href') ?? '');
      event.preventDefault();
    }
  }, true);
  render(<PopupApp db={db} />);
  // The popup is open and idle: Trending is shown.
  await screen.findAllByTestId('trending-item', {}, { timeout: 5000 });
  const box = screen.getByTestId('search');
  fireEvent.input(box, { target: { value: 'https://arxiv.org/abs/1706.03762' } });
  fireEvent.keyDown(box, { key: 'Enter' });
  await screen.findAllByTestId('search-item', {}, { timeout: 3000 });
  await waitFor(() => expect(opened).toEqual(['https://arxiv.org/abs/1706.03762']), { timeout: 1000 });
});
