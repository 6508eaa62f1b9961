// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { PaperCard, type CardActions, type CardModel } from '../../../src/ui/paper-card';

const NO_ANSWER = 'PaperLens did not answer: reload the page';

// A removal the store made as the worker stopped: its answer never came (a removal is not asked again).
const actions: CardActions = {
  save: async () => 'to-read',
  unsave: async () => Promise.reject(new Error(NO_ANSWER)),
  restore: async (item) => item.status,
  setStatus: async (status) => status,
  citation: async () => '',
};

const model: CardModel = {
  id: '2310.01779', title: 'HallE-Control', tldr: 'Controls hallucination.', keyResults: [], codeLinks: [], topics: [],
  related: [], relatedNote: null, rank: null, snapshot: null, upvotes: null, projectPage: null, status: 'to-read', inStore: true, problem: null, pdfDownload: null, withdrawal: null, onAbstractPage: false,
};

afterEach(cleanup);

describe("a card's message about an action that got no answer", () => {
  test('goes when the store tells the card the paper is no longer saved (it stayed beside "Save")', async () => {
    const { rerender } = render(<PaperCard model={model} actions={actions} />);
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(NO_ANSWER));
    expect(screen.getByTestId('save').textContent).toBe('Saved');
    // The new worker tells the open pages of the removal: the controller draws the new status.
    rerender(<PaperCard model={{ ...model, status: null }} actions={actions} />);
    await waitFor(() => expect(screen.getByTestId('save').textContent).toBe('Save'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
