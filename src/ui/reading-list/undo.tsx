import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { sendRequest } from '../../messaging/client';
import { keptIfRemoved } from '../../messaging/lost-removal';
import { tagKey, type ChangeCount, type RemovedItem, type SavedItem } from '../../schema';
import { errorMessage } from '../../messaging/error-message';
import { editedFields } from '../../export/merge';
import { useTimedOffers } from '../timed-offer';
import { holdHandlers, type Holder } from '../held-timeout';
import { useOneAtATime } from '../one-at-a-time';
import { editsText, typingIn } from '../typing-in';

export interface Offer {
  /** Names the offer's place in the bar: kept when a removal joins the offer, so its Undo (and the focus on it) stays. */
  key: number;
  message: string;
  /** Puts back what the change changed, where nothing changed it since; answers how many it put back. */
  revert: () => Promise<ChangeCount>;
  /** How many papers the change changed. */
  count: number;
  /** For a removal: the items removed, so that a removal right after it joins the same Undo. */
  removed?: readonly RemovedItem[];
  /** For a removal that joined others: the ids the last one removed, which its message names. */
  latest?: ReadonlySet<string>;
  /** For an edit: what it changed (`editTouches`): while a later edit of the same stands, this one's Undo waits for that one's. */
  touches?: ReadonlySet<string>;
}

/**
 * What an edit changed, paper by paper: each field, each tag by its key. An edit's Undo puts back
 * only these (db/reading-list.ts revertEdit) where they are still as it left them; one set back by a
 * later edit (a tag taken off, then added again) would look untouched, so the later edit's Undo must
 * come first.
 */
export function editTouches(before: readonly SavedItem[], after: readonly SavedItem[]): Set<string> {
  const touches = new Set<string>();
  before.forEach((was, index) => {
    const now = after[index]!;
    for (const key of editedFields(was, now)) {
      if (key !== 'tags') {
        touches.add(`${was.id} ${key}`);
        continue;
      }
      const [wasTags, nowTags] = [new Set(was.tags.map(tagKey)), new Set(now.tags.map(tagKey))];
      for (const tag of new Set([...wasTags, ...nowTags])) if (wasTags.has(tag) !== nowTags.has(tag)) touches.add(`${was.id} tag ${tag}`);
    }
  });
  return touches;
}

export interface Undo {
  /** The changes that can still be undone, newest first: each stands for its own UNDO_MS. */
  offers: readonly Offer[];
  /** Removes items from the reading list (asking nothing) and offers to put them back. */
  remove: (ids: string[]) => Promise<void>;
  /** Offers to revert a change of `count` papers just made (a bulk status or tag edit, which changed `touches`), saying what it did. */
  offerRevert: (message: string, count: number, revert: () => Promise<ChangeCount>, touches: ReadonlySet<string>) => void;
  /** Puts back what `offer`'s change changed; answers whether it did (false: failed, or no longer offered). */
  undo: (offer: Offer) => Promise<boolean>;
  dismiss: (offer: Offer) => void;
  /** Stops `offer`'s time while the reader is on it (its row focused or pointed at), or lets it run on. */
  hold: (offer: Offer, holder: Holder, on: boolean) => void;
  /**
   * Tells of papers listed again by a change made outside this Undo (a save, an import, Recently removed),
   * as `isListed` says of each removed: a removal's Undo no longer offers them back, and goes when
   * it has none left; the next removal gets an Undo of its own.
   */
  listedAgain: (isListed: (item: RemovedItem) => boolean) => void;
  error: string | null;
}

/**
 * Names what the last removal took (the `latest` ids, all when none are given) and, when it joined
 * removals before it, how many the Undo puts back: "Delete" on 4 after one removal said "Removed 5
 * papers" (QA). Papers of the last removal listed again since leave the count, not the words (review).
 */
function removedMessage(items: readonly RemovedItem[], latest?: ReadonlySet<string>): string {
  const named = latest ? items.filter((item) => latest.has(item.id)) : [];
  const last = named.length > 0 ? named : items;
  const said = last.length === 1 ? `Removed “${last[0]!.title}”` : `Removed ${last.length} papers`;
  const before = items.length - last.length;
  return before === 0 ? said : `${said} (${items.length} with ${before === 1 ? 'the one' : 'those'} before)`;
}

let nextKey = 0;

function removalOffer(key: number, items: readonly RemovedItem[], latest?: ReadonlySet<string>): Offer {
  return {
    key,
    message: removedMessage(items, latest),
    count: items.length,
    removed: items,
    ...(latest ? { latest } : {}),
    // Each paper from the copy its removal kept, while that is still the copy kept.
    revert: () => sendRequest({ type: 'undoRemoval', removals: items.map(({ id, removedAt }) => ({ id, removedAt })) }),
  };
}

/**
 * Remove without a question, with a short-lived undo that restores the exact items removed; and
 * the same short-lived undo for other edits of many papers at once. Each change has its own Undo
 * for its own time: a bulk edit made two seconds after a removal leaves that removal's Undo standing.
 */
export function useUndoableEdits(): Undo {
  const { offers, offer: show, withdraw, replace, hold, standing } = useTimedOffers<Offer>();
  const [error, setError] = useState<string | null>(null);
  // The offers an Undo is putting back: a removal made meanwhile starts an offer of its own.
  const undoing = useRef(new Set<Offer>());
  // The removal offer that a removal made next joins: none once another change was made since.
  const joinable = useRef<Offer | null>(null);

  return {
    offers,
    error,
    dismiss: withdraw,
    // The offer now in that row (a removal joining it replaced the one a handler was made with).
    hold: (offer, holder, on) => hold(standing().find((other) => other.key === offer.key) ?? offer, holder, on),
    listedAgain: (isListed) => {
      joinable.current = null;
      for (const offer of standing()) {
        if (!offer.removed || undoing.current.has(offer)) continue;
        const left = offer.removed.filter((item) => !isListed(item));
        if (left.length === offer.removed.length) continue;
        if (left.length === 0) withdraw(offer);
        else replace(offer, removalOffer(offer.key, left, offer.latest));
      }
    },
    remove: async (ids) => {
      setError(null);
      try {
        // Answer lost, the papers removed are offered back as the store kept them: not as the list
        // shows them, which may lag the store (a tag just added), and which the Undo would put back.
        const removed = await sendRequest({ type: 'removeSaved', ids }).catch(keptIfRemoved(ids));
        if (removed.length === 0) return;
        // Removals in a row (no other change between them) share one Undo, which puts them all back.
        const newest = standing()[0];
        // A save between them would otherwise have the Undo bring back a paper removed before it.
        const joined = newest?.removed && newest === joinable.current && !undoing.current.has(newest) ? newest : null;
        // A paper removed again since (restored elsewhere meanwhile) is in the Undo once: as this removal kept it.
        const latest = new Set(removed.map((item) => item.id));
        const items = [...(joined?.removed ?? []).filter((item) => !latest.has(item.id)), ...removed];
        const offer = removalOffer(joined?.key ?? nextKey++, items, joined ? latest : undefined);
        joinable.current = offer;
        show(offer, joined);
      } catch (failure) {
        setError(`Could not remove: ${errorMessage(failure)}`);
      }
    },
    offerRevert: (message, count, revert, touches) => {
      setError(null);
      show({ key: nextKey++, message, count, revert, touches });
    },
    undo: async (restoring) => {
      const offered = standing();
      if (!offered.includes(restoring)) return false;
      // Undone out of turn, an edit would take back what a later one set again ("later" added, taken
      // off, added again: the first's Undo would take off the last's tag): the later goes first.
      const touches = restoring.touches;
      const later = touches && offered.slice(0, offered.indexOf(restoring)).find((offer) => offer.touches && [...offer.touches].some((touch) => touches.has(touch)));
      if (later) {
        setError(`Undo the later change first (${later.message}): it changed the same papers since.`);
        return false;
      }
      undoing.current.add(restoring);
      const done = (changed: number) => {
        withdraw(restoring);
        const left = restoring.count - changed;
        if (left > 0) setError(`${left === 1 ? 'One paper was' : `${left} papers were`} changed since (here or elsewhere), and ${left === 1 ? 'was' : 'were'} left as ${left === 1 ? 'it is' : 'they are'}.`);
        return true;
      };
      try {
        return done((await restoring.revert()).changed);
      } catch (failure) {
        // A removal's Undo may be made and its answer lost (the worker stopped before it answered):
        // the papers listed again are back.
        const { removed } = restoring;
        const listed = removed ? await sendRequest({ type: 'listSaved' }, true).catch(() => null) : null;
        const back = new Set(listed?.map((item) => item.id));
        const restored = removed?.filter((item) => back.has(item.id)).length ?? 0;
        if (restored > 0) return done(restored);
        setError(`Could not undo: ${errorMessage(failure)}`);
        return false;
      } finally {
        undoing.current.delete(restoring);
      }
    },
  };
}

// How long after an offer appears the change may still take the focused control away.
const FOCUS_RESCUE_MS = 1_000;

/** A press of the pointer: where, when, and on what. */
interface Press {
  x: number;
  y: number;
  at: number;
  target: EventTarget | null;
}

// A second press this close to the first, in place and time, is the same aim: a double click.
const SAME_AIM_PX = 4;
const SAME_AIM_MS = 1_000;

/** The page's last two presses of the pointer since its last key (newest last): none when a key came last. */
function useLastPresses(): RefObject<Press[]> {
  const presses = useRef<Press[]>([]);
  useEffect(() => {
    const pressed = (event: PointerEvent) => void (presses.current = [...presses.current.slice(-1), { x: event.clientX, y: event.clientY, at: event.timeStamp, target: event.target }]);
    const keyed = () => void (presses.current = []);
    addEventListener('pointerdown', pressed, true);
    addEventListener('keydown', keyed, true);
    return () => {
      removeEventListener('pointerdown', pressed, true);
      removeEventListener('keydown', keyed, true);
    };
  }, []);
  return presses;
}

/**
 * Whether a click on `button` is the second of two presses aimed at one spot, the first on
 * something else: the Undo bar a Remove brings can come under the pointer (a row just below the
 * sticky top, which the bar grows over), and a double click, or a second Remove at the same spot,
 * undid the removal it had just made (review).
 */
function secondPressOfOneAim(presses: readonly Press[], button: EventTarget): boolean {
  const [first, second] = presses;
  if (!first || !second || second.target === null || !(button as Node).contains(second.target as Node)) return false;
  const sameSpot = Math.abs(first.x - second.x) <= SAME_AIM_PX && Math.abs(first.y - second.y) <= SAME_AIM_PX;
  return sameSpot && second.at - first.at <= SAME_AIM_MS && !(first.target !== null && (button as Node).contains(first.target as Node));
}

/**
 * When a new offer appears, focus that was on a control the change took away (the removed row's
 * button, the emptied selection's bar) goes to Undo instead of to the top of the page: once, and
 * only while the change is landing, so that Undo never takes the focus later (a scroll, a save
 * elsewhere) from a reader who moved on.
 */
function useFocusUndoWhenFocusGoes(offers: readonly Offer[], undoButton: () => HTMLElement | null | undefined, presses: RefObject<Press[]>): void {
  const offer = offers[0] ?? null;
  const before = useRef<readonly Offer[]>([]);
  useEffect(() => {
    const earlier = before.current;
    before.current = offers;
    // Only a new offer, or one a removal joined (more papers): an older one that is newest now (the
    // newest was undone) takes nothing, nor one that lost papers listed again (Restore, an import).
    const was = earlier.find((other) => other.key === offer?.key);
    if (!offer || (was && was.count >= offer.count)) return;
    const focused = document.activeElement;
    const observer = new MutationObserver(() => rescue());
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const rescue = () => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (!lost || !(focused === null || focused === document.body || !focused.isConnected)) return;
      // Not scrolled to after a click: in a short window the top scrolls away with the page, and the
      // window jumped there from the reader's place at each Remove, its Undo under the pointer for the
      // next click (QA). From the keyboard, the focus is seen where it goes (review).
      undoButton()?.focus({ preventScroll: presses.current.length > 0 });
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
 * When an offer goes from the bar while its row holds the focus (Undo or × pressed from the
 * keyboard, or the offer running out under it), the focus would fall to the page's start. It goes
 * to the Undo now in that row's place when other offers stand, unless the Undo put papers back in
 * the list (the reader goes to them); else to `focusElsewhere`. A focus that merely left the window
 * (focusout to nothing) still counts as in the row.
 */
function useFocusAfterOffer(offers: readonly Offer[], bar: RefObject<HTMLDivElement | null>, undone: RefObject<Offer | null>, focusElsewhere: FocusElsewhere | undefined) {
  // The key of the offer whose row holds the focus.
  const held = useRef<number | null>(null);
  const shown = useRef<readonly Offer[]>([]);
  // A layout effect: the focus moves in the same task as the row leaves, never resting on the body
  // (a screen reader would announce the page's start; an effect comes a frame later).
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = offers;
    const at = before.findIndex((offer) => offer.key === held.current);
    // A newer offer in its place (a removal joining it) keeps its row, and the focus.
    if (at < 0 || offers.some((offer) => offer.key === held.current)) return;
    const left = before[at]!;
    held.current = null;
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const wasUndone = undone.current?.key === left.key;
    const buttons = bar.current?.querySelectorAll<HTMLElement>('[data-testid="undo"]') ?? [];
    if (buttons.length > 0 && !(wasUndone && left.removed)) buttons[Math.min(at, buttons.length - 1)]!.focus();
    else focusElsewhere?.(left, wasUndone);
  }, [offers]);
  return (offer: Offer) => ({
    onFocusIn: () => void (held.current = offer.key),
    onFocusOut: (event: FocusEvent) => {
      if (event.relatedTarget !== null && !(event.currentTarget as Element).contains(event.relatedTarget as Node) && held.current === offer.key) held.current = null;
    },
  });
}

// The platform's own Undo keys: ⌘Z on a Mac, Ctrl+Z elsewhere. (Asked when a page runs: the bench
// scripts import the pages' modules in Node, which has no navigator.)
const onMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);
const undoKeys = () => (onMac() ? { aria: 'Meta+Z', shown: '⌘Z' } : { aria: 'Control+Z', shown: 'Ctrl+Z' });

/**
 * Ctrl+Z (⌘Z) undoes the newest change from anywhere in the page but a field (a text field's own
 * typing it takes back; a status select's change has no Undo, and an older change is not what the
 * reader there means): the bar comes last in the Tab order, many presses away from a row far up the list.
 * `undoNewest` undoes it, if there is one.
 */
function useUndoKeys(undoNewest: () => void): void {
  const latest = useRef(undoNewest);
  latest.current = undoNewest;
  useEffect(() => {
    const mac = onMac();
    const onKey = (event: KeyboardEvent) => {
      // (On a layout without Latin letters, by the key where Z is; not Dvorak's ";" there.)
      const zKey = event.key.toLowerCase() === 'z' || (/^\p{L}$/u.test(event.key) && !/^[a-z]$/i.test(event.key) && event.code === 'KeyZ');
      const undoKey = (mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey) && !event.shiftKey && !event.altKey && zKey;
      if (!undoKey || event.defaultPrevented || editsText(event.target)) return;
      // Never the browser's own: outside a text field it takes back the last typing in one (a
      // search cleared a while ago came back, and took the focus).
      event.preventDefault();
      if (!typingIn(event.target)) latest.current();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}

/**
 * "Removed … · Undo", one row for each change that can still be undone, newest first, announced to
 * screen readers. `focusElsewhere`: where the focus goes when the bar goes away while holding it
 * (see useFocusAfterOffer).
 */
export function UndoBar({ undo, focusElsewhere }: { undo: Undo; focusElsewhere?: FocusElsewhere }) {
  const bar = useRef<HTMLDivElement>(null);
  // Where the pointer pressed last (none after a key): a removal by click, and a second press at its spot.
  const presses = useLastPresses();
  // The newest offer's Undo (the bar's first).
  useFocusUndoWhenFocusGoes(undo.offers, () => bar.current?.querySelector<HTMLElement>('[data-testid="undo"]'), presses);
  const undone = useRef<Offer | null>(null);
  const focusHandlers = useFocusAfterOffer(undo.offers, bar, undone, focusElsewhere);
  // One Undo at a time: a double click would put the papers back twice (and the second would
  // report them "changed elsewhere").
  const undoing = useOneAtATime();
  const keys = undoKeys();
  const undoOnce = (offer: Offer) =>
    undoing.run(async () => {
      // Marked before the offer is withdrawn: its row leaves (and the focus moves) within undo().
      undone.current = offer;
      if (!(await undo.undo(offer))) undone.current = null;
    });
  useUndoKeys(() => {
    const newest = undo.offers[0];
    // One Undo at a time, as by its button: a press while one runs is not taken.
    if (newest && !undoing.busy) void undoOnce(newest);
  });
  // The live region is always there (and takes no room while empty), so a screen reader announces
  // each offer when it comes: one inserted together with its text is not announced.
  return (
    <div role="status" class="undo-region">
      {(undo.offers.length > 0 || undo.error) && (
        <div class="undo-bar" data-testid="undo-bar" ref={bar}>
          {undo.offers.length > 0 && (
            <ul class="undo-offers">
              {undo.offers.map((offer) => {
                // An offer the reader is on, its row focused or under the pointer, stands until they leave it,
                // then for the time it had left: it does not go while being read or about to be pressed.
                const [focusRow, holdRow] = [focusHandlers(offer), holdHandlers((holder, on) => undo.hold(offer, holder, on))];
                return (
                  <li
                    key={offer.key}
                    class="undo-offer"
                    data-testid="undo-offer"
                    onFocusIn={() => {
                      focusRow.onFocusIn();
                      holdRow.onFocusIn();
                    }}
                    onFocusOut={(event) => {
                      focusRow.onFocusOut(event);
                      holdRow.onFocusOut(event);
                    }}
                    onPointerEnter={holdRow.onPointerEnter}
                    onPointerLeave={holdRow.onPointerLeave}
                  >
                    <span class="undo-message">{offer.message}</span>
                    {/* Said with each change as it comes, for a reader whose Undo is far down the Tab order (the popup's Trending:
                        accessibility QA); in every row from its start, not moved to the next (which a screen reader would say alone). */}
                    <span class="visually-hidden">{` ${keys.shown} undoes the newest change.`}</span>
                    {/* Named by its change, as its × is: a screen reader's list of buttons reads names alone, and several offers may stand. */}
                    <button
                      type="button"
                      data-testid="undo"
                      aria-label={`Undo: ${offer.message}`}
                      // The keys undo the newest change: the first row's.
                      aria-keyshortcuts={offer === undo.offers[0] ? keys.aria : undefined}
                      title={offer === undo.offers[0] ? `Undo (${keys.shown})` : undefined}
                      aria-disabled={undoing.busy}
                      onClick={(event) => {
                        // A click from the keyboard (detail 0) is always meant.
                        if (event.detail > 0 && secondPressOfOneAim(presses.current, event.currentTarget)) return;
                        void undoOnce(offer);
                      }}
                    >
                      Undo
                    </button>
                    <button type="button" class="undo-close" aria-label={`Dismiss: ${offer.message}`} onClick={() => undo.dismiss(offer)}>
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
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
