import { expect, test, vi } from 'vitest';
import { filterItems, EMPTY_QUERY, prepareSearch } from '../../../src/ui/reading-list/query';
import * as tokenize from '../../../src/search/tokenize';
import { savedItem } from '../export/fixtures';

// Counts the folds of search text (the costly part of preparing a paper for search).
vi.mock('../../../src/search/tokenize', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/search/tokenize')>();
  return { ...original, foldForSearch: vi.fn(original.foldForSearch) };
});

// The reading list reads the list again after every edit: new objects, nearly all as they were.
const reread = <T extends object>(items: readonly T[]): T[] => items.map((item) => ({ ...item }));

test("an edit prepares only the edited paper's search text again, not every paper's (2,000 papers with long notes took seconds)", () => {
  const items = Array.from({ length: 50 }, (_, at) => savedItem({ id: `2401.${String(at).padStart(5, '0')}`, title: `Paper ${at}`, notes: `Long notes on paper ${at}. `.repeat(20) }));
  const folds = vi.mocked(tokenize.foldForSearch);
  prepareSearch(items);
  expect(folds.mock.calls.length).toBeGreaterThanOrEqual(items.length);

  folds.mockClear();
  const after = reread(items);
  after[7] = { ...after[7]!, notes: 'Rewritten: now about speculative decoding.' };
  prepareSearch(after);
  // The edited paper's text (its search text and its title and authors, a fold a line), nothing of the 49 others.
  const edited = after[7]!;
  const lines = (...fields: string[]) => fields.join('\n').split('\n').length;
  expect(folds.mock.calls.length).toBeGreaterThan(0);
  expect(folds.mock.calls.length).toBeLessThanOrEqual(lines(edited.title, edited.tldr, edited.notes, ...edited.authors, ...edited.tags) + lines(edited.title, ...edited.authors));
  // And what the search finds follows the edit.
  expect(filterItems(after, { ...EMPTY_QUERY, text: 'speculative' }).map((item) => item.id)).toEqual(['2401.00007']);
  expect(filterItems(after, { ...EMPTY_QUERY, text: 'paper 12' }).map((item) => item.id)).toEqual(['2401.00012']);
});

test('the search text is prepared a few papers at a time, as idle time allows, and picks up where it stopped', () => {
  const items = Array.from({ length: 10 }, (_, at) => savedItem({ id: `2402.${String(at).padStart(5, '0')}`, title: `Item ${at}` }));
  let budget = 3;
  const more = () => budget-- > 0;
  expect(prepareSearch(items, 0, more)).toBe(3);
  budget = 3;
  expect(prepareSearch(items, 3, more)).toBe(6);
  expect(prepareSearch(items, 6)).toBe(10);
  // What is not prepared yet is built when searched.
  expect(filterItems(items, { ...EMPTY_QUERY, text: 'item 9' }).map((item) => item.id)).toEqual(['2402.00009']);
});
