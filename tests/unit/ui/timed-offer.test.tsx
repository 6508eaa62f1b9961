// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useTimedOffer } from '../../../src/ui/timed-offer';
import { UNDO_MS } from '../../../src/ui/status';

let offerFor: (value: string | null) => void = () => undefined;
let withdraw: (value: string) => void = () => undefined;

function Offer() {
  const [offer, set, withdrawIfCurrent] = useTimedOffer<string>();
  offerFor = set;
  withdraw = withdrawIfCurrent;
  return <p data-testid="offer">{offer ?? 'none'}</p>;
}

const shown = () => screen.getByTestId('offer').textContent;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useTimedOffer ("Removed · Undo" in the card, popup and reading list)', () => {
  test('an offer stays for UNDO_MS, then is withdrawn', () => {
    render(<Offer />);
    act(() => offerFor('Removed “HallE-Switch”'));
    act(() => void vi.advanceTimersByTime(UNDO_MS - 1));
    expect(shown()).toBe('Removed “HallE-Switch”');
    act(() => void vi.advanceTimersByTime(1));
    expect(shown()).toBe('none');
  });

  test('a newer offer gets its own full time; null withdraws at once', () => {
    render(<Offer />);
    act(() => offerFor('first'));
    act(() => void vi.advanceTimersByTime(UNDO_MS - 100));
    act(() => offerFor('second'));
    act(() => void vi.advanceTimersByTime(UNDO_MS - 100));
    expect(shown()).toBe('second');
    act(() => offerFor(null));
    expect(shown()).toBe('none');
    act(() => offerFor('third'));
    act(() => void vi.advanceTimersByTime(UNDO_MS));
    expect(shown()).toBe('none');
  });


  test('withdrawing an offer that a newer one replaced keeps the newer one (Undo finishing after another removal)', () => {
    render(<Offer />);
    act(() => offerFor('Removed “A”'));
    act(() => offerFor('Removed “B”'));
    act(() => withdraw('Removed “A”'));
    expect(shown()).toBe('Removed “B”');
    act(() => withdraw('Removed “B”'));
    expect(shown()).toBe('none');
  });
});
