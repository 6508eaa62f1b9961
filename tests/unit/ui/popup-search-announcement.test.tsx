// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import type { ResultRow } from '../../../src/db/search';
import { useResultsAnnouncement } from '../../../src/ui/popup/search';

const rows = (count: number): ResultRow[] =>
  Array.from({ length: count }, (_, k) => ({ id: `2407.${String(10000 + k)}`, title: `Paper ${k}`, tldr: '', topics: [], rank: null, snapshot: null, status: null }));

afterEach(() => vi.useRealTimers());

test('the search live region says the count again for a new query with the same count, and "or more" for a full page', () => {
  vi.useFakeTimers();
  const { result, rerender } = renderHook(({ query, count }: { query: string; count: number }) => useResultsAnnouncement({ query, papers: rows(count), missing: null }, query), {
    initialProps: { query: 'spec', count: 3 },
  });
  act(() => void vi.advanceTimersByTime(500));
  expect(result.current).toBe('3 papers');
  // Typing on: the same three papers. A screen reader hears "3 papers" again only if the region changed in between.
  rerender({ query: 'specu', count: 3 });
  expect(result.current).toBe('');
  act(() => void vi.advanceTimersByTime(500));
  expect(result.current).toBe('3 papers');
  rerender({ query: 'model', count: 20 });
  act(() => void vi.advanceTimersByTime(500));
  expect(result.current).toBe('20 or more papers');
});
