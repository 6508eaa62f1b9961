/**
 * An element in the host page that holds PaperLens UI in its own open shadow root, so page
 * styles cannot reach in and ours cannot leak out. Marked `data-paperlens="<kind>"` for tests
 * and tools. Synchronous on purpose: the card attaches in the same task the page becomes ready.
 */
export interface ShadowHost {
  host: HTMLElement;
  /** The element inside the shadow root that UI renders into. */
  container: HTMLElement;
}

export function createShadowHost(kind: 'card' | 'badge', css: string, label: string): ShadowHost {
  const host = document.createElement(`paperlens-${kind}`);
  host.setAttribute('data-paperlens', kind);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', label);
  shadow.append(style, container);
  // Keys typed in our controls are ours: do not let page shortcuts react to them.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
  return { host, container };
}
