import { useEffect, useRef, useState } from 'preact/hooks';
import { UNDO_MS } from './status';

/**
 * A value offered for a while (the card's Undo, "BibTeX copied"): replaced by the next offer,
 * withdrawn with null, after `ms`, or when the component goes away.
 */
export function useTimedOffer<T>(ms = UNDO_MS): [T | null, (value: T | null) => void] {
  const [offer, setOffer] = useState<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);
  const offerFor = (value: T | null) => {
    stopTimer();
    setOffer(value);
    if (value !== null) timer.current = setTimeout(() => offerFor(null), ms);
  };
  return [offer, offerFor];
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
  /** The offers standing now (not those of the render a handler was made in). */
  standing: () => readonly T[];
}

/**
 * Several values offered at once, each for `ms` from when it came (the Undo of each change made in
 * the last seconds): a newer offer does not take an older one's away.
 */
export function useTimedOffers<T>(ms = UNDO_MS): TimedOffers<T> {
  const [offers, setOffers] = useState<readonly T[]>([]);
  const current = useRef<readonly T[]>([]);
  const timers = useRef(new Map<T, { timer: ReturnType<typeof setTimeout>; until: number }>());
  useEffect(
    () => () => {
      for (const { timer } of timers.current.values()) clearTimeout(timer);
      timers.current.clear();
    },
    [],
  );
  const show = (next: readonly T[]) => {
    current.current = next;
    setOffers(next);
  };
  const stopTimer = (value: T) => {
    clearTimeout(timers.current.get(value)?.timer);
    timers.current.delete(value);
  };
  const startTimer = (value: T, until: number) => timers.current.set(value, { timer: setTimeout(() => withdraw(value), Math.max(0, until - Date.now())), until });
  const withdraw = (value: T) => {
    stopTimer(value);
    if (current.current.includes(value)) show(current.current.filter((other) => other !== value));
  };
  const offer = (value: T, replacing: T | null = null) => {
    if (replacing !== null) stopTimer(replacing);
    stopTimer(value);
    show([value, ...current.current.filter((other) => other !== value && other !== replacing)]);
    startTimer(value, Date.now() + ms);
  };
  const replace = (value: T, next: T) => {
    const until = timers.current.get(value)?.until;
    if (until === undefined || !current.current.includes(value)) return;
    stopTimer(value);
    show(current.current.map((other) => (other === value ? next : other)));
    startTimer(next, until);
  };
  return { offers, offer, withdraw, replace, standing: () => current.current };
}
