/** Whether focus is on `element` or inside it (in its document or shadow root). */
export function holdsFocus(element: Element): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  return root.activeElement !== null && element.contains(root.activeElement);
}

/**
 * Focuses what `find` finds as soon as it is shown (a row the store puts back renders a moment
 * later), trying for `withinMs`; `fallback` is focused meanwhile, so the focus is never left at the
 * page's start.
 */
export function focusWhenShown(find: () => HTMLElement | null, withinMs: number, fallback: HTMLElement | null): void {
  const until = performance.now() + withinMs;
  const attempt = () => {
    const found = find();
    if (found) found.focus();
    else if (performance.now() < until) setTimeout(attempt, 20);
  };
  if (!find()) fallback?.focus();
  attempt();
}
