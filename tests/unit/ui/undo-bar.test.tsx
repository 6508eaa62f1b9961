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
