import { useEffect, useRef, useState } from 'preact/hooks';
import { UNDO_MS } from './status';
import { HeldTimeout, type Holder } from './held-timeout';

/**
 * A value offered for a while (the card's Undo, "BibTeX copied"): replaced by the next offer,
 * withdrawn with null, after `ms` (not counting while `hold` says the reader is on it), or when
 * the component goes away.
 */
export function useTimedOffer<T>(ms = UNDO_MS): [T | null, (value: T | null) => void, (holder: Holder, on: boolean) => void] {
  const [offer, setOffer] = useState<T | null>(null);
  const timer = useRef<HeldTimeout | null>(null);
  const stopTimer = () => {
    timer.current?.clear();
    timer.current = null;
  };
  useEffect(() => stopTimer, []);
  const offerFor = (value: T | null) => {
    stopTimer();
    setOffer(value);
    if (value !== null) timer.current = new HeldTimeout(ms, () => offerFor(null));
  };
  return [offer, offerFor, (holder, on) => timer.current?.hold(holder, on)];
}

/** Offers that each stand for their own while (see useTimedOffers). */
export interface TimedOffers<T> {
  /** The offers standing, newest first. */
  offers: readonly T[];
  /** Offers `value` for `ms`, as the newest; in the place of `replacing` (withdrawn with it) when given. */
  offer: (value: T, replacing?: T | null) => void;
  /** Withdraws `value` if it is still offered; the others stay. */
  withdraw: (value: T) => void;
  /** Puts `next` in the place of `value` if it is still offered, for the time `value` had left. */
  replace: (value: T, next: T) => void;
  /** Stops `value`'s time while the reader is on it (focus, pointer), or lets it run on with what it had left. */
  hold: (value: T, holder: Holder, on: boolean) => void;
  /** The offers standing now (not those of the render a handler was made in). */
  standing: () => readonly T[];
}

/**
 * Several values offered at once, each for `ms` from when it came (the Undo of each change made in
 * the last seconds): a newer offer does not take an older one's away. One the reader is on (hold)
 * waits for them: an Undo focused or pointed at does not go from under them.
 */
export function useTimedOffers<T>(ms = UNDO_MS): TimedOffers<T> {
  const [offers, setOffers] = useState<readonly T[]>([]);
  const current = useRef<readonly T[]>([]);
  const timers = useRef(new Map<T, HeldTimeout>());
  useEffect(
    () => () => {
      for (const timer of timers.current.values()) timer.clear();
      timers.current.clear();
    },
    [],
  );
  const show = (next: readonly T[]) => {
    current.current = next;
    setOffers(next);
  };
  const forget = (value: T) => {
    timers.current.get(value)?.clear();
    timers.current.delete(value);
  };
  const withdraw = (value: T) => {
    forget(value);
    if (current.current.includes(value)) show(current.current.filter((other) => other !== value));
  };
  const run = (value: T, left: number, heldBy: Iterable<Holder> = []) => timers.current.set(value, new HeldTimeout(left, () => withdraw(value), heldBy));
  const offer = (value: T, replacing: T | null = null) => {
    // A removal joining the offer the reader is on: the new one is held in its place.
    const heldBy = replacing === null ? [] : (timers.current.get(replacing)?.standing().heldBy ?? []);
    if (replacing !== null) forget(replacing);
    forget(value);
    show([value, ...current.current.filter((other) => other !== value && other !== replacing)]);
    run(value, ms, heldBy);
  };
  const replace = (value: T, next: T) => {
    const timer = timers.current.get(value);
    if (timer === undefined || !current.current.includes(value)) return;
    const { heldBy, left } = timer.standing();
    forget(value);
    show(current.current.map((other) => (other === value ? next : other)));
    run(next, left, heldBy);
  };
  const hold = (value: T, holder: Holder, on: boolean) => timers.current.get(value)?.hold(holder, on);
  return { offers, offer, withdraw, replace, hold, standing: () => current.current };
}
