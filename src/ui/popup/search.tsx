import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { createListViewCache } from '../../db/list-view-cache';
import { loadSearchIndex } from '../../db/search';
import type { SearchIndex } from '../../search/search-index';
import type { PaperView } from '../../schema';
import { useLiveQuery } from '../live-query';
import { PaperRow } from './paper-row';
import { errorMessage } from '../../messaging/error-message';

const RESULT_LIMIT = 20;

interface Results {
  query: string;
  papers: PaperView[];
}

/**
 * Search over every paper in the store, as you type. The index is the persisted one the
 * background keeps up to date; it is loaded when the popup opens and reloaded when it changes.
 * Each keystroke searches from its input handler (an effect would run only after the next frame
 * is painted, up to 16 ms later) and shows remembered rows at once.
 */
export function useSearch(db: PaperLensDatabase): { query: string; setQuery: (query: string) => void; results: Results | null; error: string | null } {
  const [query, setQueryState] = useState('');
  const index = useLiveQuery(() => loadSearchIndex(db), []);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const views = useMemo(() => createListViewCache(db), [db]);
  const latest = useRef(0);
  const current = useRef({ query, index: index.value });
  current.current = { query, index: index.value };

  const run = (text: string, searchIndex: SearchIndex | null | undefined) => {
    const ticket = ++latest.current;
    if (text.trim() === '' || !searchIndex) {
      setResults(null);
      return;
    }
    const ids = searchIndex.search(text, RESULT_LIMIT).map((hit) => hit.id);
    const remembered = views.cached(ids);
    if (remembered) {
      setResults({ query: text, papers: remembered });
      return;
    }
    views.load(ids).then(
      (papers) => {
        // A later keystroke already asked again: its answer is the one to show.
        if (ticket === latest.current) setResults({ query: text, papers });
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  // The index loaded or changed: answer the current query from it.
  useEffect(() => run(current.current.query, index.value), [index.value]);
  // A save or a feed refresh changed what rows show: show the current results afresh.
  useEffect(() => views.onChange(() => run(current.current.query, current.current.index)), [views]);

  const setQuery = (text: string) => {
    setQueryState(text);
    run(text, current.current.index);
  };
  return { query, setQuery, results, error: error ?? index.error };
}

export function SearchResults({ results }: { results: Results }) {
  if (results.papers.length === 0) {
    return (
      <p class="empty" data-testid="search-results" data-query={results.query}>
        No paper in your store matches “{results.query}”.
      </p>
    );
  }
  return (
    <ol class="papers" data-testid="search-results" data-query={results.query} aria-label={`Search results for ${results.query}`}>
      {results.papers.map((paper) => <PaperRow key={paper.id} paper={paper} testId="search-item" />)}
    </ol>
  );
}
