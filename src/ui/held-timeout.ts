import { holdsFocus } from './focus';

/** What holds an offer: the reader's focus in it, or their pointer on it. */
export type Holder = 'focus' | 'pointer';

/** Tells an offer the reader came onto it (`on`) or left it, by focus or by pointer. */
export type Hold = (holder: Holder, on: boolean) => void;

/**
 * A timeout that waits while the reader is on what it would take away (an Undo focused or pointed
 * at must not go from under them: WCAG 2.2.1), then runs for the time it had left.
 */
export class HeldTimeout {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private until = 0;
  private left: number;
  private over = false;
  private readonly holders: Set<Holder>;

  /** `heldBy`: the reader is on it from the start (an offer taking the place of one they are on). */
  constructor(ms: number, private readonly done: () => void, heldBy: Iterable<Holder> = []) {
    this.left = ms;
    this.holders = new Set(heldBy);
    if (this.holders.size === 0) this.run();
  }

  readonly hold: Hold = (holder, on) => {
    if (this.over) return;
    const wasHeld = this.holders.size > 0;
    if (on) this.holders.add(holder);
    else this.holders.delete(holder);
    const held = this.holders.size > 0;
    if (held === wasHeld) return;
    if (!held) {
      this.run();
      return;
    }
    clearTimeout(this.timer ?? undefined);
    this.timer = null;
    this.left = Math.max(0, this.until - Date.now());
  };

  /** What holds it now, and the time it has left: for an offer put in its place. */
  standing(): { heldBy: Holder[]; left: number } {
    const left = this.timer === null ? this.left : Math.max(0, this.until - Date.now());
    return { heldBy: [...this.holders], left };
  }

  /** Stops it for good (the offer withdrawn otherwise). */
  clear(): void {
    this.over = true;
    clearTimeout(this.timer ?? undefined);
    this.timer = null;
  }

  private run(): void {
    this.until = Date.now() + this.left;
    this.timer = setTimeout(() => {
      this.over = true;
      this.done();
    }, this.left);
  }
}

/**
 * Event handlers (Preact's names) telling `hold` while the focus is in the element they are on or
 * the pointer over it. A focus that merely left the window still counts as on it (the reader comes
 * back to it); one dropped on the page (a click on its text) does not.
 */
export function holdHandlers(hold: Hold) {
  return {
    onFocusIn: () => hold('focus', true),
    onFocusOut: (event: FocusEvent) => {
      const element = event.currentTarget as Element;
      const to = event.relatedTarget;
      if (to instanceof Node) {
        if (!element.contains(to)) hold('focus', false);
        return;
      }
      // Focus to nothing: told apart once the window's blur has come, which browsers may send after this focusout.
      setTimeout(() => {
        if (document.hasFocus() && !holdsFocus(element)) hold('focus', false);
      }, 0);
    },
    onPointerEnter: () => hold('pointer', true),
    onPointerLeave: () => hold('pointer', false),
  };
}

/** Holds `timeout` while the reader is on `element` (see holdHandlers): for UI built without Preact. */
export function holdWhileOn(element: HTMLElement, timeout: HeldTimeout): void {
  const handlers = holdHandlers(timeout.hold);
  element.addEventListener('focusin', handlers.onFocusIn);
  element.addEventListener('focusout', handlers.onFocusOut);
  element.addEventListener('pointerenter', handlers.onPointerEnter);
  element.addEventListener('pointerleave', handlers.onPointerLeave);
}
