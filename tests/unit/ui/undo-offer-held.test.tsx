// @vitest-environment happy-dom
// Accessibility QA: the card's and the badges' "Removed · Undo" went at 10 s with the focus on Undo
// (WCAG 2.2.1); the popup's and the reading list's wait while the reader is on them. All do now.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BadgeInfo } from '../../../src/schema';
import { Badge } from '../../../src/ui/badges/badge';
import { PaperCard, type CardActions, type CardModel } from '../../../src/ui/paper-card';
import { UNDO_MS } from '../../../src/ui/status';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const removed = { id: '1706.03762', title: 'Attention Is All You Need', authors: [], tldr: '', status: 'to-read' as const, tags: [], notes: '', addedAt: 1, updatedAt: 1, readAt: null, sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, removedAt: 2 };

describe("the card's Undo", () => {
  const actions: CardActions = { save: async () => 'to-read', unsave: async () => removed, restore: async (item) => item.status, setStatus: async (status) => status, citation: async () => '' };
  const model: CardModel = {
    id: '1706.03762', title: 'Attention Is All You Need', tldr: 'We propose the Transformer.', keyResults: [], codeLinks: [], topics: [],
    related: [], relatedNote: null, rank: null, snapshot: null, upvotes: null, projectPage: null, status: 'to-read', inStore: true, problem: null, pdfDownload: null, withdrawal: null, onAbstractPage: false,
  };

  test('waits while it has the focus or the pointer, then goes after the time it had left', async () => {
    render(<PaperCard model={model} actions={actions} />);
    fireEvent.click(screen.getByTestId('save'));
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    const bar = screen.getByTestId('undo-bar');
    act(() => void vi.advanceTimersByTime(UNDO_MS - 1_000));
    act(() => screen.getByTestId('undo').focus());
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByTestId('undo')).not.toBeNull();
    // The pointer on it too, then the focus elsewhere: still held by the pointer.
    fireEvent.pointerEnter(bar);
    act(() => screen.getByTestId('save').focus());
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByTestId('undo')).not.toBeNull();
    fireEvent.pointerLeave(bar);
    act(() => void vi.advanceTimersByTime(999));
    expect(screen.queryByTestId('undo')).not.toBeNull();
    act(() => void vi.advanceTimersByTime(1));
    expect(screen.queryByTestId('undo')).toBeNull();
  });
});

describe("a badge's Undo", () => {
  const info: BadgeInfo = { id: '2310.01779', rank: 1, snapshot: '2025-07-30', seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: true, status: 'to-read' };

  test('waits while it has the focus, then goes after the time it had left (the focus back on Save)', () => {
    const badge = new Badge({ id: '2310.01779', title: 'HallE-Switch', pageCodeLink: null, withdrawal: null }, { toggleSave: async () => undefined, setStatus: async () => undefined, tldr: async () => ({ text: '', note: null }) });
    document.body.append(badge.host);
    badge.showInfo(info);
    badge.offerUndo(async () => undefined);
    const part = (testid: string) => badge.host.shadowRoot!.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
    vi.advanceTimersByTime(UNDO_MS - 1_000);
    part('badge-undo')!.focus();
    vi.advanceTimersByTime(60_000);
    expect(part('badge-undo')).not.toBeNull();
    part('badge-save')!.focus();
    vi.advanceTimersByTime(999);
    expect(part('badge-undo')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(part('badge-undo')).toBeNull();
  });
});
