// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper } from '../../../src/db/papers';
import { useSearch } from '../../../src/ui/popup/search';

afterEach(cleanup);

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 400));

test('one hyphenated word no paper has ("text-to-speech") lists no papers "with some of the words"; words typed apart do', async () => {
  const db = new PaperLensDatabase('popup-search-one-word');
  await savePaper(db, { id: '2401.00001', title: 'Text Generation with Diffusion' }, 1);
  await savePaper(db, { id: '2401.00002', title: 'Speech Recognition at Scale' }, 2);
  const { result } = renderHook(() => useSearch(db));
  act(() => result.current.setQuery('text speech'));
  await waitFor(() => expect(result.current.results?.missing?.size).toBe(2));
  act(() => result.current.setQuery('text-to-speech'));
  await waitFor(() => expect(result.current.results?.query).toBe('text-to-speech'));
  await act(settle);
  expect(result.current.results).toMatchObject({ papers: [], missing: null });
  db.close();
});
