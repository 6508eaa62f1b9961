/** Whether focus is on `element` or inside it (in its document or shadow root). */
export function holdsFocus(element: Element): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  return root.activeElement !== null && element.contains(root.activeElement);
}

/**
 * Whether the reader has put the focus elsewhere since it was on `from`: on another element, not
 * fallen to the page's start (the element holding it left). A focus asked for "soon" then yields.
 */
export function focusMovedFrom(from: Element | null): boolean {
  const active = document.activeElement;
  return active !== from && active !== null && active !== document.body;
}

/**
 * Focuses what `find` finds as soon as it is shown (a row the store puts back renders a moment
 * later), trying for `withinMs`; `fallback` is focused meanwhile, so the focus is never left at the
 * page's start, without scrolling to it (the popup flashed to its top, then back to the row: QA).
 * A focus the reader moves meanwhile stays where they put it.
 */
export function focusWhenShown(find: () => HTMLElement | null, withinMs: number, fallback: HTMLElement | null): void {
  const until = performance.now() + withinMs;
  if (!find()) fallback?.focus({ preventScroll: true });
  const from = document.activeElement;
  const attempt = () => {
    if (focusMovedFrom(from)) return;
    const found = find();
    if (found) found.focus();
    else if (performance.now() < until) setTimeout(attempt, 20);
  };
  attempt();
}
