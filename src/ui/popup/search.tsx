import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { listViews } from '../../db/papers';
import { loadSearchIndex } from '../../db/search';
import type { PaperView } from '../../schema';
import { useLiveQuery } from '../live-query';
import { PaperRow } from './paper-row';

const RESULT_LIMIT = 20;

interface Results {
  query: string;
  papers: PaperView[];
}

/**
 * Search over every paper in the store, as you type. The index is the persisted one the
 * background keeps up to date; it is loaded when the popup opens and reloaded when it changes.
 */
export function useSearch(db: PaperLensDatabase, query: string): { results: Results | null; error: string | null } {
  const wanted = query.trim() !== '';
  const index = useLiveQuery(() => loadSearchIndex(db), []);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (!wanted || !index.value) {
      setResults(null);
      return;
    }
    const ticket = ++latest.current;
    const ids = index.value.search(query, RESULT_LIMIT).map((hit) => hit.id);
    listViews(db, ids).then(
      (papers) => {
        // A later keystroke already asked again: its answer is the one to show.
        if (ticket === latest.current) setResults({ query, papers });
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [query, index.value]);

  return { results, error: error ?? index.error };
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
