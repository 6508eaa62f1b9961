// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useTimedOffer, useTimedOffers, type TimedOffers } from '../../../src/ui/timed-offer';
import { UNDO_MS } from '../../../src/ui/status';

let offerFor: (value: string | null) => void = () => undefined;

function Offer() {
  const [offer, set] = useTimedOffer<string>();
  offerFor = set;
  return <p data-testid="offer">{offer ?? 'none'}</p>;
}

const shown = () => screen.getByTestId('offer').textContent;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useTimedOffer ("Removed · Undo" in the card, "BibTeX copied")', () => {
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
});

let many: TimedOffers<string> | null = null;

function Offers() {
  many = useTimedOffers<string>();
  return <p data-testid="offers">{many.offers.join(' | ') || 'none'}</p>;
}

const listed = () => screen.getByTestId('offers').textContent;

describe('useTimedOffers (the Undo of each change in the reading list and popup)', () => {
  test('a newer offer does not take an older one away: each stands for its own UNDO_MS, newest first', () => {
    render(<Offers />);
    act(() => many!.offer('Removed 2 papers'));
    act(() => void vi.advanceTimersByTime(2_000));
    act(() => many!.offer('1 set to Read'));
    expect(listed()).toBe('1 set to Read | Removed 2 papers');
    act(() => void vi.advanceTimersByTime(UNDO_MS - 2_000 - 1));
    expect(listed()).toBe('1 set to Read | Removed 2 papers');
    act(() => void vi.advanceTimersByTime(1));
    expect(listed()).toBe('1 set to Read');
    act(() => void vi.advanceTimersByTime(2_000));
    expect(listed()).toBe('none');
  });

  test('an offer in the place of another (removals joining) takes its place with a full time; withdrawing one leaves the others', () => {
    render(<Offers />);
    act(() => many!.offer('A'));
    act(() => many!.offer('Removed “B”'));
    act(() => void vi.advanceTimersByTime(UNDO_MS - 100));
    act(() => many!.offer('Removed 2 papers', 'Removed “B”'));
    expect(listed()).toBe('Removed 2 papers | A');
    act(() => void vi.advanceTimersByTime(100));
    expect(listed()).toBe('Removed 2 papers');
    act(() => many!.offer('C'));
    act(() => many!.withdraw('Removed 2 papers'));
    expect(listed()).toBe('C');
    expect(many!.standing()).toEqual(['C']);
    act(() => void vi.advanceTimersByTime(UNDO_MS));
    expect(listed()).toBe('none');
  });
});

describe('QA: an offer the reader is on waits for them (hold)', () => {
  test('held at 9 s, it stands as long as it is held, then for the second it had left', () => {
    render(<Offers />);
    act(() => many!.offer('Removed “HallE-Switch”'));
    act(() => void vi.advanceTimersByTime(UNDO_MS - 1_000));
    act(() => many!.hold('Removed “HallE-Switch”', 'focus', true));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(listed()).toBe('Removed “HallE-Switch”');
    act(() => many!.hold('Removed “HallE-Switch”', 'focus', false));
    act(() => void vi.advanceTimersByTime(999));
    expect(listed()).toBe('Removed “HallE-Switch”');
    act(() => void vi.advanceTimersByTime(1));
    expect(listed()).toBe('none');
  });

  test('a removal joining the held offer, or papers listed again taken from it, leave the one in its place held', () => {
    render(<Offers />);
    act(() => many!.offer('Removed “A”'));
    act(() => many!.hold('Removed “A”', 'focus', true));
    act(() => many!.offer('Removed 2 papers', 'Removed “A”'));
    act(() => many!.replace('Removed 2 papers', 'Removed “B”'));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(listed()).toBe('Removed “B”');
    act(() => many!.hold('Removed “B”', 'focus', false));
    act(() => void vi.advanceTimersByTime(UNDO_MS));
    expect(listed()).toBe('none');
  });
});
