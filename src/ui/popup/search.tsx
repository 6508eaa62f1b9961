import { useMemo, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { loadSearchIndex, rowContext, searchRows, type ResultRow } from '../../db/search';
import { errorMessage } from '../../messaging/error-message';
import { useLiveQuery } from '../live-query';
import { PaperRow } from './paper-row';

const RESULT_LIMIT = 20;

interface Results {
  query: string;
  papers: ResultRow[];
}

/**
 * Search over every paper in the store, as you type. The index is the persisted one the
 * background keeps up to date, with each paper's result row in it; it is loaded when the popup
 * opens and reloaded when it changes, as are the reading statuses. A keystroke reads nothing from
 * the store: its results render in the same frame.
 */
export function useSearch(db: PaperLensDatabase): { query: string; setQuery: (query: string) => void; results: Results | null; error: string | null } {
  const [query, setQuery] = useState('');
  const index = useLiveQuery(() => loadSearchIndex(db), []);
  const context = useLiveQuery(() => rowContext(db), []);
  const answer = useMemo(() => {
    if (query.trim() === '' || !index.value || !context.value) return { results: null, error: null };
    try {
      return { results: { query, papers: searchRows(index.value, context.value, query, RESULT_LIMIT) }, error: null };
    } catch (failure) {
      return { results: null, error: errorMessage(failure) };
    }
  }, [query, index.value, context.value]);
  return { query, setQuery, results: answer.results, error: answer.error ?? index.error ?? context.error };
}

// How much of a query a "no match" line repeats.
const QUERY_ECHO = 80;

export function SearchResults({ results }: { results: Results }) {
  if (results.papers.length === 0) {
    return (
      <p class="empty" data-testid="search-results" data-query={results.query}>
        No paper in your store matches “{results.query.length > QUERY_ECHO ? `${results.query.slice(0, QUERY_ECHO)}…` : results.query}”.
      </p>
    );
  }
  return (
    <ol class="papers" data-testid="search-results" data-query={results.query} aria-label={`Search results for ${results.query}`}>
      {results.papers.map((paper) => <PaperRow key={paper.id} paper={paper} testId="search-item" />)}
    </ol>
  );
}
