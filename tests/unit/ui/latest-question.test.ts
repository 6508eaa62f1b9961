import { describe, expect, test } from 'vitest';
import { latestQuestion } from '../../../src/ui/latest-question';

describe('only the latest question counts', () => {
  test('an answer is used only while no later question was asked', () => {
    const ask = latestQuestion();
    const first = ask();
    expect(first()).toBe(true);
    const second = ask();
    expect(first()).toBe(false); // its answer came back after a newer question: dropped
    expect(second()).toBe(true);
    // Separate counters do not interfere.
    const other = latestQuestion()();
    expect(second()).toBe(true);
    expect(other()).toBe(true);
  });
});
