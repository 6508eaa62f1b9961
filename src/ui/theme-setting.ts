import { loadSettings, watchSettings } from '../settings/settings';
import type { Settings } from '../schema';

function apply(theme: Settings['theme']): void {
  // `auto` leaves the choice to prefers-color-scheme in the page's CSS.
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Extension pages follow the theme setting, live. */
export function followThemeSetting(): void {
  loadSettings().then((settings) => apply(settings.theme), () => undefined);
  watchSettings((settings) => apply(settings.theme));
}
