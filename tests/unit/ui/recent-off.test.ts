import { describe, expect, test } from 'vitest';
import { recentOffHint } from '../../../src/ui/popup/recent-off';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

describe('Recent says why opened pages are missing', () => {
  test('nothing switched off: no hint', () => {
    expect(recentOffHint(DEFAULT_SETTINGS)).toBeNull();
    // Listings record no visit: their switch changes nothing here.
    expect(recentOffHint({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, arxivListing: false, hfList: false } })).toBeNull();
  });

  test('a paper page site switched off is named', () => {
    expect(recentOffHint({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, arxivAbs: false } })).toBe('Cards are switched off on arXiv abstract pages in the options, so the pages you open there are not remembered.');
    expect(recentOffHint({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, arxivAbs: false, hfPaper: false } })).toMatch(/on arXiv abstract pages and Hugging Face paper pages in the options/);
  });

  test('seen marks off say so first', () => {
    expect(recentOffHint({ ...DEFAULT_SETTINGS, seenEnabled: false, sites: { ...DEFAULT_SETTINGS.sites, hfPaper: false } })).toMatch(/^Seen marks are switched off/);
  });
});
