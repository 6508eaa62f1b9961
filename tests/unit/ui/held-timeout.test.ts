// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { HeldTimeout, holdWhileOn } from '../../../src/ui/held-timeout';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

test('an Undo is held while the focus or the pointer is on it, and runs on only when both have left, for the time it had left', () => {
  const done = vi.fn();
  const timeout = new HeldTimeout(10_000, done);
  vi.advanceTimersByTime(9_000);
  timeout.hold('focus', true);
  timeout.hold('pointer', true);
  timeout.hold('focus', false);
  vi.advanceTimersByTime(60_000);
  expect(done).not.toHaveBeenCalled();
  expect(timeout.standing()).toEqual({ heldBy: ['pointer'], left: 1_000 });
  timeout.hold('pointer', false);
  vi.advanceTimersByTime(999);
  expect(done).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(done).toHaveBeenCalledTimes(1);
});

test('an offer put in the place of one the reader is on starts held', () => {
  const done = vi.fn();
  const timeout = new HeldTimeout(10_000, done, ['focus']);
  vi.advanceTimersByTime(60_000);
  expect(done).not.toHaveBeenCalled();
  timeout.hold('focus', false);
  vi.advanceTimersByTime(10_000);
  expect(done).toHaveBeenCalledTimes(1);
});

test("a badge's Undo stays while the reader is in another window, and runs on once the focus is dropped on the page", () => {
  const offer = document.createElement('span');
  const undo = document.createElement('button');
  offer.append(undo);
  document.body.append(offer);
  const done = vi.fn();
  holdWhileOn(offer, new HeldTimeout(10_000, done));
  const windowFocused = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
  undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
  vi.advanceTimersByTime(60_000);
  expect(done).not.toHaveBeenCalled();
  // Back in the window, then a click on the page's text: the focus is nowhere in the offer.
  windowFocused.mockReturnValue(true);
  undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
  vi.advanceTimersByTime(10_000);
  expect(done).toHaveBeenCalledTimes(1);
});
