import { describe, expect, test } from 'vitest';
import { describeTime } from '../../../src/ui/time';

// Local times: the reader's clock decides which day a moment falls on.
const at = (day: number, hour: number, minute: number) => new Date(2026, 11, day, hour, minute).getTime();
const clock = (hour: number, minute: number) => new Date(2026, 11, 1, hour, minute).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

describe('describeTime (when the popup says the next try is)', () => {
  test('a try later today reads as its time', () => {
    expect(describeTime(at(6, 23, 50), at(6, 21, 21))).toBe(`at ${clock(23, 50)}`);
  });

  test('a three-hour backoff past midnight reads as tomorrow, not as a date days away', () => {
    expect(describeTime(at(7, 0, 21), at(6, 21, 21))).toBe(`tomorrow at ${clock(0, 21)}`);
  });

  test('a try two days ahead, or a moment yesterday, names its day', () => {
    expect(describeTime(at(8, 9, 0), at(6, 21, 21))).toMatch(/^on .*8.*, /);
    expect(describeTime(at(5, 9, 0), at(6, 21, 21))).toMatch(/^on .*5.*, /);
  });

  test('the last day of a month is followed by the first of the next', () => {
    expect(describeTime(new Date(2027, 0, 1, 1, 0).getTime(), at(31, 23, 0))).toBe(`tomorrow at ${clock(1, 0)}`);
  });
});
