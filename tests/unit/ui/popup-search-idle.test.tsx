// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savedItem } from '../export/fixtures';

// Each saved paper's word forms are read once its search text is built: counted here.
const built = vi.hoisted(() => ({ forms: 0 }));
vi.mock('../../../src/search/word-forms', async (original) => {
  const actual = await original<typeof import('../../../src/search/word-forms')>();
  return { ...actual, formsText: (text: string) => (built.forms++, actual.formsText(text)) };
});

const { useSearch } = await import('../../../src/ui/popup/search');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Idle callbacks held until the test runs them, each with time for one paper. */
function heldIdleCallbacks() {
  const idle: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  return {
    idle,
    runAll() {
      let callbacks = 0;
      while (idle.length > 0) {
        let budget = 1;
        idle.shift()!({ didTimeout: false, timeRemaining: () => (budget-- > 0 ? 10 : 0) });
        callbacks++;
      }
      return callbacks;
    },
  };
}

async function storeWithNotes(name: string, month: string) {
  const db = new PaperLensDatabase(name);
  await db.saved.bulkPut(Array.from({ length: 6 }, (_, at) => savedItem({ id: `24${month}.0000${at}`, title: `Paper ${at}`, notes: `long notes of paper ${at} about quokkas${at}` })));
  return db;
}

test("the popup builds its saved papers' search text while idle, a few at a time, not at once when they load", async () => {
  const db = await storeWithNotes('popup-search-idle', '01');
  const { idle, runAll } = heldIdleCallbacks();
  built.forms = 0;
  const { result } = renderHook(() => useSearch(db, true));
  await waitFor(() => expect(idle).toHaveLength(1));
  // Loaded, and nothing built yet.
  expect(built.forms).toBe(0);
  expect(runAll()).toBeGreaterThanOrEqual(6);
  expect(built.forms).toBe(6);
  act(() => result.current.setQuery('quokkas1'));
  await waitFor(() => expect(result.current.results?.papers.map((paper) => paper.title)).toEqual(['Paper 1']));
  db.close();
});

test('a search before that idle time still finds a saved paper by its notes', async () => {
  const db = await storeWithNotes('popup-search-early', '02');
  const { idle } = heldIdleCallbacks();
  const { result } = renderHook(() => useSearch(db, true));
  await waitFor(() => expect(idle).toHaveLength(1));
  act(() => result.current.setQuery('quokkas4'));
  await waitFor(() => expect(result.current.results?.papers.map((paper) => paper.title)).toEqual(['Paper 4']));
  db.close();
});
