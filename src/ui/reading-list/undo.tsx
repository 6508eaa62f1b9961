import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { sendRequest } from '../../messaging/client';
import type { ChangeCount, SavedItem } from '../../schema';
import { errorMessage } from '../../messaging/error-message';
import { useTimedOffer } from '../timed-offer';
import { useOneAtATime } from '../one-at-a-time';

export interface Offer {
  message: string;
  /** Puts back what the change changed, where nothing changed it since; answers how many it put back. */
  revert: () => Promise<ChangeCount>;
  /** How many papers the change changed. */
  count: number;
  /** For a removal: the items removed, so that a removal right after it joins the same Undo. */
  removed?: readonly SavedItem[];
}

export interface Undo {
  offer: Offer | null;
  /**
   * Removes items from the reading list (asking nothing) and offers to put them back; `shown`: the
   * page's copies of them, offered back when the removal's answer is lost.
   */
  remove: (ids: string[], shown?: readonly SavedItem[]) => Promise<void>;
  /** Offers to revert a change of `count` papers just made (a bulk status or tag edit), saying what it did. */
  offerRevert: (message: string, count: number, revert: () => Promise<ChangeCount>) => void;
  /** Puts back what the offer's change changed; answers whether it did (false: failed, or no offer). */
  undo: () => Promise<boolean>;
  dismiss: () => void;
  error: string | null;
}

function removedMessage(items: readonly SavedItem[]): string {
  return items.length === 1 ? `Removed “${items[0]!.title}”` : `Removed ${items.length} papers`;
}

/**
 * Remove without a question, with a short-lived undo that restores the exact items removed; and
 * the same short-lived undo for other edits of many papers at once.
 */
export function useUndoableEdits(): Undo {
  const [offer, setOffer, withdraw, standing] = useTimedOffer<Offer>();
  const [error, setError] = useState<string | null>(null);
  const dismiss = () => setOffer(null);
  // The offer an Undo is putting back: a removal made meanwhile starts an offer of its own.
  const undoing = useRef<Offer | null>(null);

  return {
    offer,
    error,
    dismiss,
    remove: async (ids, shown = []) => {
      setError(null);
      try {
        const removed = await sendRequest({ type: 'removeSaved', ids }).catch(async (failure: unknown) => {
          // The removal may be made and its answer lost (the worker stopped before it answered): the
          // papers no longer listed are offered back from the list's copies, notes and tags with them.
          const listed = await sendRequest({ type: 'listSaved' }, true).catch(() => null);
          const gone = shown.filter((item) => ids.includes(item.id) && !listed?.some((other) => other.id === item.id));
          if (!listed || gone.length === 0) throw failure;
          return gone;
        });
        if (removed.length === 0) return;
        // Removals in a row share one Undo, which puts them all back.
        const before = standing();
        const items = [...(before !== undoing.current ? (before?.removed ?? []) : []), ...removed];
        setOffer({ message: removedMessage(items), count: items.length, removed: items, revert: () => sendRequest({ type: 'restoreSaved', items, expected: null }) });
      } catch (failure) {
        setError(`Could not remove: ${errorMessage(failure)}`);
      }
    },
    offerRevert: (message, count, revert) => {
      setError(null);
      setOffer({ message, count, revert });
    },
    undo: async () => {
      if (!offer) return false;
      const restoring = offer;
      undoing.current = restoring;
      try {
        const { changed } = await restoring.revert();
        withdraw(restoring);
        const left = restoring.count - changed;
        if (left > 0) setError(`${left === 1 ? 'One paper was' : `${left} papers were`} changed elsewhere since, and ${left === 1 ? 'was' : 'were'} left as ${left === 1 ? 'it is' : 'they are'}.`);
        return true;
      } catch (failure) {
        setError(`Could not undo: ${errorMessage(failure)}`);
        return false;
      } finally {
        undoing.current = null;
      }
    },
  };
}

// How long after an offer appears the change may still take the focused control away.
const FOCUS_RESCUE_MS = 1_000;

/**
 * When an offer appears, focus that was on a control the change took away (the removed row's
 * button, the emptied selection's bar) goes to Undo instead of to the top of the page: once, and
 * only while the change is landing, so that Undo never takes the focus later (a scroll, a save
 * elsewhere) from a reader who moved on.
 */
function useFocusUndoWhenFocusGoes(offer: Offer | null, undoButton: RefObject<HTMLButtonElement | null>): void {
  useEffect(() => {
    if (!offer) return;
    const focused = document.activeElement;
    const observer = new MutationObserver(() => rescue());
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const rescue = () => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (!lost || !(focused === null || focused === document.body || !focused.isConnected)) return;
      undoButton.current?.focus();
      stop();
    };
    const timer = setTimeout(stop, FOCUS_RESCUE_MS);
    observer.observe(document.body, { childList: true, subtree: true });
    rescue();
    return stop;
  }, [offer]);
}

/** Where the focus goes when the Undo bar goes away under it: `undone` when its Undo put the change back. */
export type FocusElsewhere = (left: Offer, undone: boolean) => void;

/**
 * Calls `focusElsewhere` with the offer that went when the bar goes away while it holds the focus
 * (Undo or × pressed from the keyboard, or the offer running out under it): the focus would fall to
 * the page's start. A focus that merely left the window (focusout to nothing) still counts as in the bar.
 */
function useFocusAfterOffer(offer: Offer | null, undone: RefObject<Offer | null>, focusElsewhere: FocusElsewhere | undefined) {
  const held = useRef<Offer | null>(null);
  const shown = useRef<Offer | null>(null);
  // A layout effect: the focus moves in the same task as the bar leaves, never resting on the body
  // (a screen reader would announce the page's start; an effect comes a frame later).
  useLayoutEffect(() => {
    const left = shown.current;
    shown.current = offer;
    if (left === null || held.current !== left) return;
    // A newer offer in its place keeps the focus in the bar.
    held.current = offer;
    if (offer === null && (document.activeElement === null || document.activeElement === document.body)) focusElsewhere?.(left, undone.current === left);
  }, [offer]);
  return {
    onFocusIn: () => void (held.current = offer),
    onFocusOut: (event: FocusEvent) => {
      if (event.relatedTarget !== null && !(event.currentTarget as Element).contains(event.relatedTarget as Node)) held.current = null;
    },
  };
}

/**
 * "Removed … · Undo", announced to screen readers. `focusElsewhere`: where the focus goes when the
 * bar goes away while holding it (see useFocusAfterOffer).
 */
export function UndoBar({ undo, focusElsewhere }: { undo: Undo; focusElsewhere?: FocusElsewhere }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  useFocusUndoWhenFocusGoes(undo.offer, undoButton);
  const undone = useRef<Offer | null>(null);
  const focusHandlers = useFocusAfterOffer(undo.offer, undone, focusElsewhere);
  // One Undo at a time: a double click would put the papers back twice (and the second would
  // report them "changed elsewhere").
  const undoing = useOneAtATime();
  const undoOnce = () =>
    undoing.run(async () => {
      // Marked before the offer is withdrawn: the bar leaves (and the focus moves) within undo().
      undone.current = undo.offer;
      if (!(await undo.undo())) undone.current = null;
    });
  // The live region is always there (and takes no room while empty), so a screen reader announces
  // the offer when it comes: one inserted together with its text is not announced.
  return (
    <div role="status">
      {(undo.offer || undo.error) && (
        <div class="undo-bar" data-testid="undo-bar" {...focusHandlers}>
          {undo.offer && (
            <>
              <span class="undo-message">{undo.offer.message}</span>
              <button type="button" data-testid="undo" ref={undoButton} aria-disabled={undoing.busy} onClick={() => void undoOnce()}>
                Undo
              </button>
              <button type="button" class="undo-close" aria-label="Dismiss" onClick={undo.dismiss}>
                ×
              </button>
            </>
          )}
          {undo.error && (
            <span class="error" role="alert">
              {undo.error}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
