import { browser } from 'wxt/browser';
import type { Settings } from '../../schema/settings';

/**
 * Settings as content scripts read them: straight from `storage.local`, without WXT's storage
 * library (3.5 KB gzipped, which the card's 15 KB budget cannot carry) and without Zod. The
 * options page writes them with `settingsItem` (src/settings/settings.ts), which keeps
 * `local:settings` under this key; a unit test checks both read alike.
 */
export const SETTINGS_KEY = 'settings';

export const CONTENT_DEFAULTS: Settings = {
  sites: { arxivAbs: true, hfPaper: true, arxivListing: true, hfList: true },
  cardCollapsed: false,
  theme: 'auto',
  feedEnabled: true,
  seenEnabled: true,
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Each valid field as stored, the default for anything else. */
export function readStoredSettings(raw: unknown): Settings {
  const value = record(raw);
  const sites = record(value.sites);
  const fallback = CONTENT_DEFAULTS;
  return {
    sites: {
      arxivAbs: flag(sites.arxivAbs, fallback.sites.arxivAbs),
      hfPaper: flag(sites.hfPaper, fallback.sites.hfPaper),
      arxivListing: flag(sites.arxivListing, fallback.sites.arxivListing),
      hfList: flag(sites.hfList, fallback.sites.hfList),
    },
    cardCollapsed: flag(value.cardCollapsed, fallback.cardCollapsed),
    theme: value.theme === 'light' || value.theme === 'dark' ? value.theme : 'auto',
    feedEnabled: flag(value.feedEnabled, fallback.feedEnabled),
    seenEnabled: flag(value.seenEnabled, fallback.seenEnabled),
  };
}

export async function loadStoredSettings(): Promise<Settings> {
  return readStoredSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Calls back with the new settings whenever the options page changes them; returns the stop function. */
export function watchStoredSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(readStoredSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
