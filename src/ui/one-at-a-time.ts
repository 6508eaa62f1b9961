import { useRef, useState } from 'preact/hooks';

export interface OneAtATime {
  /** A task is running: its controls say so with aria-disabled. */
  busy: boolean;
  /** The same, read now (not as of the last render): for handlers that must refuse at once. */
  running: () => boolean;
  /** Runs `task` unless one is running (a second press, a double click), which is ignored. */
  run: (task: () => Promise<void>) => Promise<void>;
}

/**
 * One request at a time for a group of controls. They show it with aria-disabled, not disabled:
 * the browser drops focus from a disabled control, which would send a keyboard user back to the
 * top of the page.
 */
export function useOneAtATime(): OneAtATime {
  const [busy, setBusy] = useState(false);
  const working = useRef(false);
  return {
    busy,
    running: () => working.current,
    run: async (task) => {
      if (working.current) return;
      working.current = true;
      setBusy(true);
      try {
        await task();
      } finally {
        working.current = false;
        setBusy(false);
      }
    },
  };
}
