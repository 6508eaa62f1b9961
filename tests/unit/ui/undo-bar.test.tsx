// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { UndoBar, type Undo } from '../../../src/ui/reading-list/undo';

afterEach(cleanup);

type Offer = Undo['offers'][number];

const undo = (offer: Offer | null, ...older: Offer[]): Undo => ({
  offers: offer ? [offer, ...older] : older,
  error: null,
  remove: async () => undefined,
  offerRevert: () => undefined,
  undo: async () => true,
  dismiss: () => undefined,
  hold: () => undefined,
  listedAgain: () => undefined,
});

test('"Removed … · Undo" comes in a live region that was there before, so a screen reader says it (popup, reading list)', () => {
  const { rerender } = render(<UndoBar undo={undo(null)} />);
  const before = screen.getAllByRole('status');
  expect(before.map((region) => region.textContent)).toEqual(['']);
  expect(screen.queryByTestId('undo-bar')).toBeNull();
  rerender(<UndoBar undo={undo({ key: 1, message: 'Removed “Attention Is All You Need”', count: 1, revert: async () => ({ changed: 1 }) })} />);
  expect(screen.getAllByRole('status')).toEqual(before);
  expect(before[0]!.textContent).toContain('Removed “Attention Is All You Need”');
  expect(before[0]!.contains(screen.getByTestId('undo'))).toBe(true);
});

test('an offer that runs out (or is dismissed) while its Undo holds the focus hands the focus on, not to the page\'s start; one left alone does not', () => {
  const offer: Offer = { key: 1, message: 'Removed “HallE-Switch”', count: 1, revert: async () => ({ changed: 1 }) };
  const handed: [string, boolean][] = [];
  const elsewhere = (left: Offer, undone: boolean) => void handed.push([left.message, undone]);
  const { rerender } = render(<UndoBar undo={undo(offer)} focusElsewhere={elsewhere} />);
  screen.getByTestId('undo').focus();
  rerender(<UndoBar undo={undo(null)} focusElsewhere={elsewhere} />);
  expect(handed).toEqual([['Removed “HallE-Switch”', false]]);
  // The focus elsewhere on the page when the offer goes: it stays there.
  rerender(<UndoBar undo={undo(offer)} focusElsewhere={elsewhere} />);
  const outside = document.body.appendChild(document.createElement('button'));
  screen.getByTestId('undo').focus();
  outside.focus();
  rerender(<UndoBar undo={undo(null)} focusElsewhere={elsewhere} />);
  expect(handed).toHaveLength(1);
  outside.remove();
});

test('several offers: each has its row (newest first) with its own Undo; the newest comes in the live region that was there, and one that runs out under the focus hands it to the Undo in its place', () => {
  const removal: Offer = { key: 1, message: 'Removed 2 papers', count: 2, revert: async () => ({ changed: 2 }) };
  const edit: Offer = { key: 2, message: '1 set to Read', count: 1, revert: async () => ({ changed: 1 }) };
  const handed: string[] = [];
  const elsewhere = (left: Offer) => void handed.push(left.message);
  const { rerender } = render(<UndoBar undo={undo(removal)} focusElsewhere={elsewhere} />);
  const region = screen.getByRole('status');
  rerender(<UndoBar undo={undo(edit, removal)} focusElsewhere={elsewhere} />);
  expect(screen.getByRole('status')).toBe(region);
  // Each says the keys that undo the newest (accessibility QA: an Undo far down the Tab order is heard, not reached).
  expect(screen.getAllByTestId('undo-offer').map((row) => row.textContent)).toEqual(['1 set to Read Ctrl+Z undoes the newest change.Undo×', 'Removed 2 papers Ctrl+Z undoes the newest change.Undo×']);
  // A screen reader's list of buttons tells the two Undos apart, as it does their ×s.
  expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
    'Undo: 1 set to Read',
    'Dismiss: 1 set to Read',
    'Undo: Removed 2 papers',
    'Dismiss: Removed 2 papers',
  ]);
  // The edit's row runs out while its Undo holds the focus: the removal's Undo takes it.
  screen.getAllByTestId('undo')[0]!.focus();
  rerender(<UndoBar undo={undo(removal)} focusElsewhere={elsewhere} />);
  expect(document.activeElement).toBe(screen.getByTestId('undo'));
  expect(handed).toEqual([]);
  // The last one runs out under the focus: it goes elsewhere, as with one offer.
  rerender(<UndoBar undo={undo(null)} focusElsewhere={elsewhere} />);
  expect(handed).toEqual(['Removed 2 papers']);
});

test('QA: the Undo the reader is on, focused or pointed at, holds its time until they leave it (it went after 10 s under the focus)', async () => {
  const { fireEvent } = await import('@testing-library/preact');
  // Whether the offer is held after each call: by the focus, the pointer, or both.
  const holds: string[] = [];
  const holders = new Set<string>();
  const offer: Offer = { key: 1, message: 'Removed 63 papers', count: 63, revert: async () => ({ changed: 63 }) };
  render(
    <div>
      <UndoBar undo={{ ...undo(offer), hold: (_, holder, on) => {
            if (on) holders.add(holder);
            else holders.delete(holder);
            holds.push(holders.size > 0 ? 'hold' : 'run');
          }, }} />
      <button type="button">elsewhere</button>
    </div>,
  );
  const row = screen.getByTestId('undo-offer');
  fireEvent.focusIn(screen.getByTestId('undo'));
  fireEvent.pointerEnter(row);
  fireEvent.focusOut(screen.getByTestId('undo'), { relatedTarget: screen.getByText('elsewhere') });
  // Focus gone from the row, the pointer still on it: held still.
  expect(new Set(holds)).toEqual(new Set(['hold']));
  fireEvent.pointerLeave(row);
  expect(holds.at(-1)).toBe('run');
  // Review: a click on the page's text drops the focus to nothing, the window still focused: it runs again.
  const button = screen.getByTestId('undo');
  const focusOn = () => {
    button.focus();
    fireEvent.focusIn(button);
  };
  const focusToNothing = () => {
    button.blur();
    fireEvent.focusOut(button, { relatedTarget: null });
  };
  focusOn();
  expect(holds.at(-1)).toBe('hold');
  const windowFocused = vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  focusToNothing();
  await waitFor(() => expect(holds.at(-1)).toBe('run'));
  // The window left (another app): held still, though its blur came after the focusout.
  focusOn();
  expect(holds.at(-1)).toBe('hold');
  focusToNothing();
  windowFocused.mockReturnValue(false);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(holds.at(-1)).toBe('hold');
  windowFocused.mockRestore();
});
