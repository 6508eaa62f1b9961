// @vitest-environment happy-dom
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { seedStore } from '../../../src/db/seed';
import { RetryLaterError } from '../../../src/messaging/error-message';
import { buildSeedAsset } from '../../../scripts/seed-build';

// arXiv asks to wait a moment at the first ask; the second is held unanswered.
let asks = 0;
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: { type: string }) => {
    if (request.type !== 'arxivPage') return null;
    asks++;
    if (asks === 1) throw new RetryLaterError('arXiv asks to wait 1 s', 100);
    return new Promise(() => undefined);
  },
}));

const { ThisTab } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-this-tab-retry');

beforeAll(async () => {
  await seedStore(db, await buildSeedAsset(join(process.cwd(), 'seeds')));
});

afterEach(cleanup);

test('QA: asking arXiv again after a failure is said on the failure\'s line, not on a line of its own that moved everything below at each retry', async () => {
  const tab = { id: '2501.33333', url: 'https://arxiv.org/pdf/2501.33333', title: 'arXiv:2501.33333', titleFromTab: false, page: null };
  render(<ThisTab db={db} tab={tab} />);
  await waitFor(() => expect(screen.getByTestId('arxiv-unreachable').textContent).toMatch(/^Title and authors unknown: arXiv asks to wait 1 s\. Asking arXiv again in \d s\.$/), { timeout: 3000 });
  await waitFor(() => expect(asks).toBe(2), { timeout: 3000 });
  await waitFor(() => expect(screen.getByTestId('arxiv-unreachable').textContent).toBe('Title and authors unknown: arXiv asks to wait 1 s. Asking arXiv again…'));
  expect(screen.queryByTestId('arxiv-reading')).toBeNull();
});
