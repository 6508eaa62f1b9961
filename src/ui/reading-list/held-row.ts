import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SavedItem } from '../../schema';
import { holdInPlace, type SortKey } from './query';

/** The rows a list shows, with the row holding the focus kept in place, and its list's focus handlers. */
export interface HeldRows {
  shown: SavedItem[];
  /** The id of the row holding the focus, if any. */
  heldId: string | null;
  /** For the list's focusin and focusout. */
  onFocusIn: () => void;
  onFocusOut: () => void;
}

const PRESS_STARTS = ['pointerdown', 'mousedown'] as const;
// A drag (of a link, say) ends the press with a pointercancel and a dragend. An input, or a key
// pressed, ends one whose up the page may never see (a select's menu opened on the down, a press on
// the scrollbar), so the row the focus is in is held again. Not a change: a text field left by the
// press fires one on the down.
const PRESS_ENDS = ['pointerup', 'pointercancel', 'mouseup', 'dragend', 'input'] as const;
// Held down with a click, these repeat: no sign of the keyboard taking over.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

/**
 * The row holding the keyboard focus keeps its place, and stays shown, until the focus leaves it:
 * its edits may re-sort it (by last update) or make it stop matching the filters, and moving it
 * mid-typing would take the focus, and the next keystrokes, away with it. It is held where the
 * version the focus found sorts (papers saved, removed or put back by an Undo meanwhile go where
 * the sort puts them, above or below it).
 *
 * A press of the mouse moves the focus on its down but acts on its click: the rows stay put until
 * the press is over (and its click dispatched), so the click acts on the row it was aimed at.
 */
export function useHeldRow(list: RefObject<HTMLElement | null>, filtered: SavedItem[], items: readonly SavedItem[] | undefined, sort: SortKey): HeldRows {
  const [held, setHeld] = useState<SavedItem | null>(null);
  const shown = useMemo(() => (held && items ? holdInPlace(filtered, items, held, sort) : filtered), [filtered, held, sort]);
  const pressing = useRef(false);

  /** Holds the row the focus is in now; releases the one held once the focus has left the list. */
  const follow = () => {
    if (pressing.current) return;
    const active = document.activeElement;
    // A window that loses the focus keeps its active element: the row stays held until the reader is back and moves on.
    if (!active || !list.current?.contains(active)) {
      setHeld(null);
      return;
    }
    const id = active.closest('[data-arxiv-id]')?.getAttribute('data-arxiv-id');
    const now = latest.current;
    if (!id || id === now.held?.id) return;
    const item = now.shown.find((candidate) => candidate.id === id);
    if (item) setHeld(item);
  };
  // Read by timers and the page's listeners, which outlive the render that made them.
  const latest = useRef({ shown, held, follow });
  latest.current = { shown, held, follow };

  useEffect(() => {
    let presses = 0;
    const start = () => {
      presses++;
      pressing.current = true;
    };
    // The click is dispatched right after the up, in the same task: the rows move a task later.
    const end = () => {
      if (!pressing.current) return;
      const press = presses;
      setTimeout(() => {
        if (press !== presses) return;
        pressing.current = false;
        latest.current.follow();
      }, 0);
    };
    const key = (event: KeyboardEvent) => {
      if (!MODIFIERS.has(event.key)) end();
    };
    for (const type of PRESS_STARTS) addEventListener(type, start, true);
    for (const type of PRESS_ENDS) addEventListener(type, end, true);
    addEventListener('keydown', key, true);
    // One whose up the page never sees (the window left mid-press).
    addEventListener('blur', end);
    return () => {
      for (const type of PRESS_STARTS) removeEventListener(type, start, true);
      for (const type of PRESS_ENDS) removeEventListener(type, end, true);
      removeEventListener('keydown', key, true);
      removeEventListener('blur', end);
    };
  }, []);

  return {
    shown,
    heldId: held?.id ?? null,
    onFocusIn: follow,
    // Where the focus went is known after focusout.
    onFocusOut: () => void setTimeout(() => latest.current.follow(), 0),
  };
}
