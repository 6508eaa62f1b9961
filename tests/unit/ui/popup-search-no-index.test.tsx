// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper } from '../../../src/db/papers';
import { useSearch } from '../../../src/ui/popup/search';

afterEach(cleanup);

test('with no search index in the store (still seeding, or seeding failed), the popup search still finds saved papers instead of "Searching…" for ever', async () => {
  const db = new PaperLensDatabase('popup-search-no-index');
  await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', tldr: 'We propose the Transformer.' }, 1);
  const { result } = renderHook(() => useSearch(db));
  act(() => result.current.setQuery('attention'));
  await waitFor(() => expect(result.current.results?.papers.map((paper) => paper.id)).toEqual(['1706.03762']));
  expect(result.current.error).toBeNull();
  db.close();
});
