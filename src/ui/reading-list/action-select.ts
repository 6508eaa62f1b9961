import { useRef } from 'preact/hooks';
import type { TargetedEvent } from 'preact';

type SelectEvent<E extends Event> = TargetedEvent<HTMLSelectElement, E>;

/**
 * Handlers of a select that acts on its choice and then shows its prompt again (value ""): chosen
 * with the mouse or from its open menu, the choice acts at once; stepped to from the keyboard on
 * the closed select (arrows and letters change its value at each press in Chrome and Firefox on
 * Windows and Linux), it acts on Enter, and leaving it (Tab, Escape) drops it. Acting on each step
 * would act on the first option on the way to the one wanted, then start the way over.
 * A step is a change that comes while a key is down (a choice from the open menu, or the mouse's,
 * comes with none). Where a key opens the menu (macOS) and its keyup goes there, the choice made
 * in it waits for Enter on the select: asked twice, never made on the way.
 * The select takes no `value` prop: a render (the list's cursor moving) would put back the prompt
 * over a choice stepped to.
 */
export function useActionSelect(act: (value: string) => void) {
  const keyPressing = useRef(false);
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
      if (event.key === 'Enter' && stepped.current) {
        event.preventDefault();
        take(event.currentTarget);
      } else if (event.key === 'Escape' && stepped.current) drop(event.currentTarget);
      else keyPressing.current = true;
    },
    onKeyUp: () => void (keyPressing.current = false),
    onPointerDown: () => void (keyPressing.current = false),
    onChange: (event: SelectEvent<Event>) => {
      if (keyPressing.current) stepped.current = true;
      else take(event.currentTarget);
    },
    onBlur: (event: SelectEvent<FocusEvent>) => {
      keyPressing.current = false;
      drop(event.currentTarget);
    },
  };
}
