// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { focusWhenShown } from '../../../src/ui/focus';

// The page of the popup's Undo: a search box (the fallback), another control, and a row put back later.
function page(): { search: HTMLInputElement; other: HTMLButtonElement; showRow: () => HTMLButtonElement } {
  document.body.innerHTML = '';
  const search = document.createElement('input');
  const other = document.createElement('button');
  document.body.append(search, other);
  const showRow = () => {
    const row = document.createElement('button');
    row.dataset.testid = 'save';
    document.body.append(row);
    return row;
  };
  return { search, other, showRow };
}

const findRow = () => document.querySelector<HTMLElement>('[data-testid="save"]');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('focusWhenShown (the paper put back by Undo takes the focus once shown)', () => {
  test('the fallback holds the focus until the row is shown, then the row takes it', () => {
    const { search, showRow } = page();
    focusWhenShown(findRow, 2000, search);
    expect(document.activeElement).toBe(search);
    const row = showRow();
    vi.advanceTimersByTime(40);
    expect(document.activeElement).toBe(row);
  });

  test('a control the reader focused meanwhile keeps the focus when the row comes', () => {
    const { search, other, showRow } = page();
    focusWhenShown(findRow, 2000, search);
    other.focus();
    showRow();
    vi.advanceTimersByTime(40);
    expect(document.activeElement).toBe(other);
  });
});
