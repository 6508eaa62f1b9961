import { browser } from 'wxt/browser';
import type { Settings } from '../schema/settings';
import { isRecord } from '../schema/is-record';

/**
 * Settings as every context reads them, straight from `storage.local` (WXT's storage library
 * would add 3.5 KB gzipped to each content script, Zod three times that). Reading is a
 * field-by-field check that keeps each valid value and falls back to the default for anything
 * else (a unit test checks it agrees with SettingsSchema); the options page validates with
 * SettingsSchema before it saves.
 */

const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  sites: { arxivAbs: true, hfPaper: true, arxivListing: true, hfList: true },
  cardCollapsed: false,
  theme: 'auto',
  feedEnabled: true,
  completeFromArxiv: true,
  pdfTabTitles: true,
  seenEnabled: true,
};

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export function readSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const sites = isRecord(value.sites) ? value.sites : {};
  const defaults = DEFAULT_SETTINGS;
  return {
    sites: {
      arxivAbs: flag(sites.arxivAbs, defaults.sites.arxivAbs),
      hfPaper: flag(sites.hfPaper, defaults.sites.hfPaper),
      arxivListing: flag(sites.arxivListing, defaults.sites.arxivListing),
      hfList: flag(sites.hfList, defaults.sites.hfList),
    },
    cardCollapsed: flag(value.cardCollapsed, defaults.cardCollapsed),
    theme: value.theme === 'light' || value.theme === 'dark' || value.theme === 'auto' ? value.theme : defaults.theme,
    feedEnabled: flag(value.feedEnabled, defaults.feedEnabled),
    completeFromArxiv: flag(value.completeFromArxiv, defaults.completeFromArxiv),
    pdfTabTitles: flag(value.pdfTabTitles, defaults.pdfTabTitles),
    seenEnabled: flag(value.seenEnabled, defaults.seenEnabled),
  };
}

export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Saves settings already validated with SettingsSchema (the options page does). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Calls back with the new settings whenever they change (in any context); returns the stop function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
