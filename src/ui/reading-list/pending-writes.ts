import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../messaging/error-message';

export type WriteState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

// Writes waiting for their debounce, flushed when the page goes away so no edit is lost (at
// once: a write still waiting behind another would go with the page).
const waiting = new Set<(now?: boolean) => Promise<boolean>>();
let listening = false;

function flushAllOnPageHide(): void {
  if (listening) return;
  listening = true;
  addEventListener('pagehide', () => {
    for (const flush of [...waiting]) void flush(true);
  });
}

export interface DebouncedWrite<T> {
  /** Writes `value` after `delayMs` without a newer one. */
  schedule: (value: T) => void;
  /** Writes the waiting value now, if there is one; true when nothing is left unwritten. */
  flush: () => Promise<boolean>;
  /** Drops the value waiting for its delay, unwritten; false when none was waiting (none, or one on its way). */
  cancel: () => boolean;
  state: WriteState;
  error: string | null;
}

/**
 * A value written through the background a moment after the user stops typing (at once on
 * flush: blur, Enter, the row leaving the screen, the page closing). A failed write says why and
 * the value is kept, so the next keystroke or blur tries again. One that fails once its editor is
 * gone (the paper removed elsewhere) has no field left to say so: it goes to `lost`.
 */
export function useDebouncedWrite<T>(write: (value: T) => Promise<unknown>, delayMs: number, lost?: (value: T, reason: string) => void): DebouncedWrite<T> {
  const [state, setState] = useState<WriteState>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;
  const lostRef = useRef(lost);
  lostRef.current = lost;
  const alive = useRef(true);
  // The write on its way. The next waits for it: a write asked again after the worker stopped
  // (sendRequest's `again`) must not land after a newer one and put the older text back.
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());

  // Stable across renders: the waiting set and the unmount cleanup hold this very function.
  const flushNow = useRef(async (now = false) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    waiting.delete(flushNow);
    const next = latest.current;
    if (!next) return true;
    latest.current = null;
    if (alive.current) setState('saving');
    const written = now ? writeRef.current(next.value) : inFlight.current.then(() => writeRef.current(next.value));
    inFlight.current = written.catch(() => undefined);
    try {
      await written;
      if (alive.current && latest.current === null) setState('saved');
      if (alive.current) setError(null);
      return latest.current === null;
    } catch (failure) {
      if (!alive.current) {
        lostRef.current?.(next.value, errorMessage(failure));
        return false;
      }
      latest.current ??= next;
      setState('error');
      setError(errorMessage(failure));
      return false;
    }
  }).current;

  useEffect(() => {
    flushAllOnPageHide();
    alive.current = true;
    return () => {
      alive.current = false;
      void flushNow();
    };
  }, []);

  return {
    schedule: (value) => {
      latest.current = { value };
      setState('pending');
      waiting.add(flushNow);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushNow(), delayMs);
    },
    flush: flushNow,
    cancel: () => {
      if (latest.current === null || timer.current === null) return false;
      clearTimeout(timer.current);
      timer.current = null;
      latest.current = null;
      waiting.delete(flushNow);
      setState('idle');
      return true;
    },
    state,
    error,
  };
}
