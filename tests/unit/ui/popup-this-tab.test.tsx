// @vitest-environment happy-dom
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper } from '../../../src/db/papers';
import { seedStore } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';

vi.mock('../../../src/messaging/client', () => ({ sendRequest: async () => null }));

const { ThisTab } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-this-tab');

beforeAll(async () => {
  await seedStore(db, await buildSeedAsset(join(process.cwd(), 'seeds')));
  await savePaper(db, { id: '2310.01779', title: 'HallE-Control' }, 1000);
});

afterEach(cleanup);

test('before the store answers, the popup says nothing of a paper it holds: no "not trending", no "Save" for a saved paper', async () => {
  const tab = { id: '2310.01779', url: 'https://arxiv.org/abs/2310.01779', title: 'HallE-Control', titleFromTab: false, page: null };
  const { container } = render(<ThisTab db={db} tab={tab} />);
  const meta = () => container.querySelector('.meta')?.textContent;
  // The first render, before the store's answer.
  expect(meta()).toBe('arXiv 2310.01779');
  expect(screen.queryByTestId('save')).toBeNull();
  // Then what the store says: the snapshot's #1, saved.
  expect((await screen.findByTestId('save', {}, { timeout: 3000 })).textContent).toBe('Saved');
  expect(meta()).toBe('arXiv 2310.01779 · #1 daily · Jul 30, 2025');
});
