import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../messaging/error-message';

export interface LiveResult<T> {
  value: T | undefined;
  error: string | null;
}

/** A Dexie query whose result re-renders the component whenever the data changes, in any context. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ value: undefined, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value, error: null }),
      error: (error: unknown) => setResult({ value: undefined, error: errorMessage(error) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
