/** What holds an offer: the reader's focus in it, or their pointer on it. */
export type Holder = 'focus' | 'pointer';

/**
 * A timeout that waits while the reader is on what it would take away (an Undo focused or pointed
 * at must not go from under them: WCAG 2.2.1), then runs for the time it had left.
 */
export class HeldTimeout {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private until = 0;
  private left: number;
  private over = false;
  private readonly holders = new Set<Holder>();

  constructor(ms: number, private readonly done: () => void) {
    this.left = ms;
    this.run();
  }

  hold(holder: Holder, on: boolean): void {
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

/** Holds `timeout` while the focus is in `element` or the pointer on it. */
export function holdWhileOn(element: HTMLElement, timeout: HeldTimeout): void {
  element.addEventListener('focusin', () => timeout.hold('focus', true));
  element.addEventListener('focusout', (event) => timeout.hold('focus', event.relatedTarget instanceof Node && element.contains(event.relatedTarget)));
  element.addEventListener('pointerenter', () => timeout.hold('pointer', true));
  element.addEventListener('pointerleave', () => timeout.hold('pointer', false));
}
