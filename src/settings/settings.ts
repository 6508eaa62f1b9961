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
  readingListKeys: true,
};

/** Each of the switches in `defaults` as `stored` has it when that is a boolean, else as `defaults` has it. */
function switches<T extends Record<string, unknown>>(stored: Record<string, unknown>, defaults: T): T {
  const read = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = stored[key];
    if (typeof defaults[key] === 'boolean' && typeof value === 'boolean') read[key] = value as T[typeof key];
  }
  return read;
}

export function readSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  return {
    ...switches(value, DEFAULT_SETTINGS),
    sites: switches(isRecord(value.sites) ? value.sites : {}, DEFAULT_SETTINGS.sites),
    theme: value.theme === 'light' || value.theme === 'dark' || value.theme === 'auto' ? value.theme : DEFAULT_SETTINGS.theme,
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
