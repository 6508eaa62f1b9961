// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savedItem } from '../export/fixtures';
import { useSearch } from '../../../src/ui/popup/search';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

test("the popup builds its saved papers' search text while idle, a few at a time, not at once when they load; a search before then still finds a paper by its notes", async () => {
  const db = new PaperLensDatabase('popup-search-idle');
  await db.saved.bulkPut(Array.from({ length: 6 }, (_, at) => savedItem({ id: `2402.0000${at}`, title: `Paper ${at}`, notes: `long notes of paper ${at} about quokkas${at}` })));
  // Idle callbacks held until the test runs them, each with time for one paper.
  const idle: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  const { result } = renderHook(() => useSearch(db, true));
  await waitFor(() => expect(idle).toHaveLength(1));
  // Found before any idle time: what a search needs is built then.
  act(() => result.current.setQuery('quokkas4'));
  await waitFor(() => expect(result.current.results?.papers.map((paper) => paper.id)).toEqual(['2402.00004']));
  let callbacks = 0;
  while (idle.length > 0) {
    let budget = 1;
    idle.shift()!({ didTimeout: false, timeRemaining: () => (budget-- > 0 ? 10 : 0) });
    callbacks++;
  }
  expect(callbacks).toBeGreaterThanOrEqual(6);
  act(() => result.current.setQuery('quokkas1'));
  await waitFor(() => expect(result.current.results?.papers.map((paper) => paper.id)).toEqual(['2402.00001']));
  db.close();
});
