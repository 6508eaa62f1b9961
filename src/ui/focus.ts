/** Whether focus is on `element` or inside it (in its document or shadow root). */
export function holdsFocus(element: Element): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  return root.activeElement !== null && element.contains(root.activeElement);
}
