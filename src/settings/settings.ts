import { storage } from 'wxt/utils/storage';
import type { Settings } from '../schema/settings';

/**
 * Settings as every context reads them. Content scripts cannot carry Zod, so reading is a
 * field-by-field check that keeps each valid value and falls back to the default for anything
 * else (tests check it agrees with SettingsSchema). Writes go through the options page, which
 * validates with SettingsSchema.
 */

export const DEFAULT_SETTINGS: Settings = {
  sites: { arxivAbs: true, hfPaper: true, arxivListing: true, hfList: true },
  cardCollapsed: false,
  theme: 'auto',
  feedEnabled: true,
  seenEnabled: true,
};

export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
    seenEnabled: flag(value.seenEnabled, defaults.seenEnabled),
  };
}

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

/** Calls back with the new settings whenever they change (in any context). */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => callback(readSettings(raw)));
}
