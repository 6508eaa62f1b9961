import { describe, expect, test } from 'vitest';
import { SettingsSchema, type Settings } from '../../../src/schema';
import { DEFAULT_SETTINGS, loadSettings, readSettings, saveSettings, watchSettings } from '../../../src/settings/settings';
import { random } from '../export/fixtures';

/** What SettingsSchema says each field should be: the value when the schema accepts it, else the default. */
function bySchema(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const sitesRaw = (typeof value.sites === 'object' && value.sites !== null && !Array.isArray(value.sites) ? value.sites : {}) as Record<string, unknown>;
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = SettingsSchema.shape[key].safeParse(value[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  const site = (key: keyof Settings['sites']) => {
    const parsed = SettingsSchema.shape.sites.shape[key].safeParse(sitesRaw[key]);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS.sites[key];
  };
  return {
    sites: { arxivAbs: site('arxivAbs'), hfPaper: site('hfPaper'), arxivListing: site('arxivListing'), hfList: site('hfList') },
    cardCollapsed: field('cardCollapsed'),
    theme: field('theme'),
    feedEnabled: field('feedEnabled'),
    completeFromArxiv: field('completeFromArxiv'),
    pdfTabTitles: field('pdfTabTitles'),
    seenEnabled: field('seenEnabled'),
    readingListKeys: field('readingListKeys'),
  };
}

// Values a stored settings object may hold after a bug, an old version or a hand edit.
const ODD_VALUES: unknown[] = [true, false, 'auto', 'light', 'dark', 'Dark', 'true', 0, 1, null, undefined, {}, [], 'system'];

describe('readSettings (content scripts, no Zod) agrees with SettingsSchema', () => {
  test('the defaults and every valid combination come back unchanged', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    for (const theme of ['auto', 'light', 'dark'] as const) {
      for (let mask = 0; mask < 128; mask++) {
        const bit = (n: number) => (mask & (1 << n)) !== 0;
        const settings: Settings = {
          sites: { arxivAbs: bit(0), hfPaper: bit(1), arxivListing: bit(2), hfList: bit(3) },
          cardCollapsed: bit(4),
          theme,
          feedEnabled: bit(5),
          completeFromArxiv: bit(4) !== bit(5),
          pdfTabTitles: bit(6),
          seenEnabled: !bit(5),
          readingListKeys: bit(0) !== bit(6),
        };
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        expect(readSettings(structuredClone(settings))).toEqual(settings);
      }
    }
  });

  test('invalid fields fall back to their defaults one by one; the result is always valid', () => {
    const next = random(11);
    const pick = () => ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
    for (let round = 0; round < 2000; round++) {
      const raw: Record<string, unknown> = {
        sites: next() < 0.15 ? pick() : { arxivAbs: pick(), hfPaper: pick(), arxivListing: pick(), hfList: pick() },
        cardCollapsed: pick(),
        theme: pick(),
        feedEnabled: pick(),
        completeFromArxiv: pick(),
        pdfTabTitles: pick(),
        seenEnabled: pick(),
        readingListKeys: pick(),
        ...(next() < 0.2 ? { unknownField: pick() } : {}),
      };
      const read = readSettings(raw);
      expect(read).toEqual(bySchema(raw));
      expect(SettingsSchema.parse(read)).toEqual(read);
    }
  });

  test('nothing stored, or something that is not an object, reads as the defaults', () => {
    for (const raw of [undefined, null, 'dark', 42, [], [DEFAULT_SETTINGS]]) expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('every context reads what the options page saves', () => {
  test('defaults when nothing is stored; saved values read back and announced to watchers', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const seen: Settings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    const next: Settings = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, arxivAbs: false }, theme: 'dark', cardCollapsed: true };
    await saveSettings(next);
    expect(await loadSettings()).toEqual(next);
    await expect.poll(() => seen.at(-1)).toEqual(next);
    stop();
  });
});
