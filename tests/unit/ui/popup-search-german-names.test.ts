import { expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex } from '../../../src/search/search-index';
import { storeAndSavedRows, visitedOutsideStore } from '../../../src/ui/popup/search';
import { savedItem } from '../export/fixtures';

// German readers write ö and ü as oe and ue when they type without umlauts.

const empty = new SearchIndex(buildSearchSnapshot([]));
const context = { statusOf: new Map(), live: null };

test('popup: "Schoelkopf" and "Mueller" find a saved paper and an opened one by their authors', () => {
  const saved = [savedItem({ id: '2401.00041', title: 'Kernel methods', authors: ['Bernhard Schölkopf'] })];
  const visited = visitedOutsideStore([{ id: '2401.00042', at: 1, title: 'Müller nets', authors: ['Klaus-Robert Müller'] }], empty);
  const search = (query: string) => storeAndSavedRows(empty, context, saved, query, 20, visited).map((row) => row.id);
  expect(search('Schoelkopf')).toEqual(['2401.00041']);
  expect(search('Mueller')).toEqual(['2401.00042']);
  expect(search('Muller')).toEqual(['2401.00042']);
});
