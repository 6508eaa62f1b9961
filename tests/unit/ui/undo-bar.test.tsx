// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { UndoBar, type Undo } from '../../../src/ui/reading-list/undo';

afterEach(cleanup);

const undo = (offer: Undo['offer']): Undo => ({
  offer,
  error: null,
  remove: async () => undefined,
  offerRevert: () => undefined,
  undo: async () => true,
  dismiss: () => undefined,
});

test('"Removed … · Undo" comes in a live region that was there before, so a screen reader says it (popup, reading list)', () => {
  const { rerender } = render(<UndoBar undo={undo(null)} />);
  const before = screen.getAllByRole('status');
  expect(before.map((region) => region.textContent)).toEqual(['']);
  expect(screen.queryByTestId('undo-bar')).toBeNull();
  rerender(<UndoBar undo={undo({ message: 'Removed “Attention Is All You Need”', count: 1, revert: async () => ({ changed: 1 }) })} />);
  expect(screen.getAllByRole('status')).toEqual(before);
  expect(before[0]!.textContent).toContain('Removed “Attention Is All You Need”');
  expect(before[0]!.contains(screen.getByTestId('undo'))).toBe(true);
});

test('an offer that runs out (or is dismissed) while its Undo holds the focus hands the focus on, not to the page\'s start; one left alone does not', () => {
  const offer: NonNullable<Undo['offer']> = { message: 'Removed “HallE-Switch”', count: 1, revert: async () => ({ changed: 1 }) };
  const handed: [string, boolean][] = [];
  const elsewhere = (left: NonNullable<Undo['offer']>, undone: boolean) => void handed.push([left.message, undone]);
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
