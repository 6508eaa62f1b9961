// @vitest-environment happy-dom
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { seedStore } from '../../../src/db/seed';
import { RetryLaterError } from '../../../src/messaging/error-message';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type { PagePaper } from '../../../src/schema';

// arXiv's answer for the PDF tab's paper, held until the test gives it.
let answerArxiv: (page: PagePaper) => void = () => undefined;
const heldAnswer = () => new Promise<PagePaper>((resolve) => (answerArxiv = resolve));
// How each ask of arXiv is answered: held, unless a test says otherwise.
let askArxiv: () => Promise<PagePaper> = heldAnswer;
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: { type: string }) => (request.type === 'arxivPage' ? askArxiv() : null),
}));

const { ThisTab } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-this-tab-reading');

beforeAll(async () => {
  await seedStore(db, await buildSeedAsset(join(process.cwd(), 'seeds')));
});

afterEach(() => {
  cleanup();
  askArxiv = heldAnswer;
});

test("a PDF tab of a paper the store lacks: while arXiv's page is read, the popup says so; then it shows the paper", async () => {
  const tab = { id: '2501.11111', url: 'https://arxiv.org/pdf/2501.11111', title: 'arXiv:2501.11111', titleFromTab: false, page: null };
  render(<ThisTab db={db} tab={tab} />);
  // Without the fix: "arXiv 2501.11111 · not trending" and nothing more until arXiv answered.
  expect((await screen.findByTestId('arxiv-reading', {}, { timeout: 3000 })).textContent).toBe('Reading its title and TL;DR from arXiv…');
  answerArxiv({ id: '2501.11111', title: 'A Slow Paper', authors: ['Ada Lovelace'], abstract: 'We study slow servers.', codeLinks: [], published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null });
  await waitFor(() => expect(screen.getByTestId('this-tab').querySelector('.title')?.textContent).toBe('A Slow Paper'));
  expect(screen.queryByTestId('arxiv-reading')).toBeNull();
});

test('a PDF tab of a paper its authors withdrew: the popup says "Withdrawn" with the reason arXiv gives, as the card does', async () => {
  const tab = { id: '2501.22222', url: 'https://arxiv.org/pdf/2501.22222', title: 'arXiv:2501.22222', titleFromTab: false, page: null };
  render(<ThisTab db={db} tab={tab} />);
  await screen.findByTestId('arxiv-reading', {}, { timeout: 3000 });
  answerArxiv({
    id: '2501.22222', title: 'A Flawed Paper', authors: ['Ada Lovelace'], abstract: 'We prove a false theorem.', codeLinks: [], published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null,
    withdrawal: 'This paper has been withdrawn by the author due to an error in Lemma 3',
  });
  expect((await screen.findByTestId('withdrawn')).textContent).toBe('Withdrawn This paper has been withdrawn by the author due to an error in Lemma 3');
});

test('QA: asking arXiv again after a failure is said on the failure\'s line, not on a line of its own that moved everything below at each retry', async () => {
  // arXiv asks to wait a moment at the first ask; the second is held unanswered.
  let asks = 0;
  askArxiv = () => (++asks === 1 ? Promise.reject(new RetryLaterError('arXiv asks to wait 1 s', 100)) : heldAnswer());
  const tab = { id: '2501.33333', url: 'https://arxiv.org/pdf/2501.33333', title: 'arXiv:2501.33333', titleFromTab: false, page: null };
  render(<ThisTab db={db} tab={tab} />);
  await waitFor(() => expect(screen.getByTestId('arxiv-unreachable').textContent).toMatch(/^Title and authors unknown: arXiv asks to wait 1 s\. Asking arXiv again in \d s\.$/), { timeout: 3000 });
  await waitFor(() => expect(asks).toBe(2), { timeout: 3000 });
  await waitFor(() => expect(screen.getByTestId('arxiv-unreachable').textContent).toBe('Title and authors unknown: arXiv asks to wait 1 s. Asking arXiv again…'));
  expect(screen.queryByTestId('arxiv-reading')).toBeNull();
});
