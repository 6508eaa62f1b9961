// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperCard, type CardActions, type CardModel } from '../../../src/ui/paper-card';
import { RemoveContext, SaveToggle } from '../../../src/ui/popup/paper-row';

// Many readers double-click buttons. The first click of a double click saves; the second (its
// event's detail 2) landed on "Saved" and removed the paper again. Enter and Space click with
// detail 0: each press of a keyboard user still toggles.

const model: CardModel = {
  id: '1706.03762', title: 'Attention Is All You Need', tldr: 'We propose the Transformer.', keyResults: [], codeLinks: [], topics: [],
  related: [], relatedNote: null, rank: null, snapshot: null, upvotes: null, projectPage: null, status: null, inStore: false, problem: null, pdfDownload: null, withdrawal: null, onAbstractPage: false,
};

/** Lets a click's request and the re-render after it finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Save double-clicked', () => {
  test("on the card: the paper stays saved; Enter or Space on Saved still removes it", async () => {
    const actions: CardActions = {
      save: vi.fn(async () => 'to-read' as const),
      unsave: vi.fn(async () => null),
      restore: async (item) => item.status,
      setStatus: async (status) => status,
      citation: async () => '',
    };
    render(<PaperCard model={model} actions={actions} />);
    const save = screen.getByTestId('save');
    fireEvent.click(save, { detail: 1 });
    await waitFor(() => expect(save.textContent).toBe('Saved'));
    fireEvent.click(save, { detail: 2 });
    await settle();
    expect(save.textContent).toBe('Saved');
    expect(actions.save).toHaveBeenCalledTimes(1);
    expect(actions.unsave).not.toHaveBeenCalled();

    fireEvent.click(save, { detail: 0 }); // the keyboard's click
    await waitFor(() => expect(save.textContent).toBe('Save'));
    expect(actions.unsave).toHaveBeenCalledTimes(1);
  });

  test("in the popup: the paper stays saved; Enter or Space on Saved still removes it", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, result: { status: 'to-read' } } as never);
    const remove = vi.fn(async () => undefined);
    const paper = { id: '2310.01779', title: 'HallE-Control', status: null };
    const toggle = (status: 'to-read' | null) => (
      <RemoveContext.Provider value={remove}>
        <SaveToggle paper={{ ...paper, status }} tldr="Controls hallucination." sourceUrl={null} />
      </RemoveContext.Provider>
    );
    const { rerender } = render(toggle(null));
    fireEvent.click(screen.getByTestId('save'), { detail: 1 });
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await settle();
    // The popup's lists show the saved paper as saved (the store's change reaches them).
    rerender(toggle('to-read'));
    fireEvent.click(screen.getByTestId('save'), { detail: 2 });
    await settle();
    expect(remove).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('save'), { detail: 0 });
    await waitFor(() => expect(remove).toHaveBeenCalledWith(['2310.01779']));
  });
});
