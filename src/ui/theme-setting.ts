import { loadSettings, watchSettings } from '../settings/settings';
import type { Settings } from '../schema';

// A copy of the theme setting in the extension's localStorage, which a page reads before its first
// frame (the setting itself comes from storage.local a moment later: a forced dark theme drew its
// first frame light).
const THEME_COPY = 'paperlens:theme';

function apply(theme: Settings['theme']): void {
  // `auto` leaves the choice to prefers-color-scheme in the page's CSS.
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function applyAndKeep(theme: Settings['theme']): void {
  apply(theme);
  localStorage.setItem(THEME_COPY, theme);
}

/** Extension pages follow the theme setting, live, from their first frame. */
export function followThemeSetting(): void {
  const copy = localStorage.getItem(THEME_COPY);
  if (copy === 'light' || copy === 'dark') apply(copy);
  loadSettings().then((settings) => applyAndKeep(settings.theme), () => undefined);
  watchSettings((settings) => applyAndKeep(settings.theme));
}
