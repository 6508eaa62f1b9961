import type { Settings } from '../../schema/settings';

/**
 * The colour scheme PaperLens UI in a page (card, badges) uses. `light`/`dark` force it; `auto`
 * follows the page when the page says what it shows, and prefers-color-scheme (in the CSS) when
 * it does not. Zod-free: content scripts use this.
 */
export type Scheme = 'light' | 'dark';

// (Dark Reader, the extension that darkens pages, says so with data-darkreader-scheme.)
const SCHEME_ATTRIBUTES = ['data-theme', 'data-color-scheme', 'data-bs-theme', 'data-darkreader-scheme'] as const;

/** What the page itself shows, when it says so; null when it follows the system. */
function pageScheme(doc: Document): Scheme | null {
  const root = doc.documentElement;
  const said = SCHEME_ATTRIBUTES.map((name) => root.getAttribute(name)?.toLowerCase());
  if (root.classList.contains('dark') || said.includes('dark')) return 'dark';
  if (root.classList.contains('light') || said.includes('light')) return 'light';
  // Hugging Face marks its dark mode with class `dark` on <html> (its "system" choice too): without it
  // the page is light. arXiv's abstract, listing and search pages are white whatever the system
  // prefers (its HTML view says its own theme with data-theme).
  const host = doc.location?.hostname;
  if (host === 'huggingface.co' || host === 'arxiv.org') return 'light';
  return null;
}

export function schemeFor(theme: Settings['theme'], doc: Document): Scheme | null {
  return theme === 'auto' ? pageScheme(doc) : theme;
}

/** Marks a shadow host with its scheme (its CSS reads `:host([data-theme=…])`). */
export function applyScheme(host: Element, scheme: Scheme | null): void {
  if (scheme) host.setAttribute('data-theme', scheme);
  else host.removeAttribute('data-theme');
}

/** Calls back whenever the page switches its own scheme; returns the stop function. */
export function watchPageScheme(doc: Document, callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['class', ...SCHEME_ATTRIBUTES] });
  return () => observer.disconnect();
}
