import { useEffect, useRef, useState } from 'preact/hooks';
import { UNDO_MS } from './status';

/**
 * A value offered for a while (what an Undo would put back): replaced by the next offer,
 * withdrawn with null, after `ms`, or when the component goes away. The third function
 * withdraws a given offer only if it is still the one offered (an Undo that finishes after a
 * newer removal must not take that one's offer away).
 */
export function useTimedOffer<T>(ms = UNDO_MS): [T | null, (value: T | null) => void, (value: T) => void, () => T | null] {
  const [offer, setOffer] = useState<T | null>(null);
  const current = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);
  const offerFor = (value: T | null) => {
    stopTimer();
    current.current = value;
    setOffer(value);
    if (value !== null) timer.current = setTimeout(() => offerFor(null), ms);
  };
  const withdraw = (value: T) => {
    if (current.current === value) offerFor(null);
  };
  // The offer standing now (not the one of the render a handler was made in).
  const standing = () => current.current;
  return [offer, offerFor, withdraw, standing];
}
