import { useRef } from 'preact/hooks';
import type { TargetedEvent } from 'preact';

type SelectEvent<E extends Event> = TargetedEvent<HTMLSelectElement, E>;

// Keys that, on a closed select, step its value in Chrome and Firefox on Windows and Linux (each
// step a change event); on macOS they open its menu instead. Type-ahead letters step it everywhere.
const STEPPING_KEYS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
const OPENS_MENU_ON_ARROWS = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

function steps(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  if (event.key.length === 1 && event.key !== ' ') return true;
  return STEPPING_KEYS.has(event.key) && !OPENS_MENU_ON_ARROWS;
}

/**
 * Handlers of a select that acts on its choice and then shows its prompt again (value ""): chosen
 * with the mouse or from its open menu, the choice acts at once; stepped to from the keyboard on
 * the closed select, it acts on Enter, and leaving it (Tab, Escape) drops it. Acting on each step
 * would act on the first option on the way to the one wanted, then start the way over.
 * The select takes no `value` prop: a render (the list's cursor moving) would put back the prompt
 * over a choice stepped to.
 */
export function useActionSelect(act: (value: string) => void) {
  const stepped = useRef(false);
  const take = (select: HTMLSelectElement) => {
    const value = select.value;
    select.value = '';
    stepped.current = false;
    if (value !== '') act(value);
  };
  const drop = (select: HTMLSelectElement) => {
    stepped.current = false;
    select.value = '';
  };
  return {
    onKeyDown: (event: SelectEvent<KeyboardEvent>) => {
      if (steps(event)) stepped.current = true;
      else if (event.key === 'Enter' && stepped.current) {
        event.preventDefault();
        take(event.currentTarget);
      } else if (event.key === 'Escape' && stepped.current) drop(event.currentTarget);
    },
    onChange: (event: SelectEvent<Event>) => {
      if (!stepped.current) take(event.currentTarget);
    },
    onBlur: (event: SelectEvent<FocusEvent>) => drop(event.currentTarget),
  };
}
