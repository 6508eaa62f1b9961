import { PaperPageSiteKeySchema, type Settings } from '../../schema/settings';
import { SITE_LABELS } from '../../settings/site-labels';

// The Recent tab lists papers whose pages were opened, as the card's content script records them:
// a site whose cards are switched off records nothing either, and the list should say why.

/** Why opened pages are missing from Recent, from the settings; null when nothing is switched off. */
export function recentOffHint(settings: Pick<Settings, 'seenEnabled' | 'sites'>): string | null {
  if (!settings.seenEnabled) return 'Seen marks are switched off in the options, so no page you open is remembered.';
  const off = PaperPageSiteKeySchema.options.filter((key) => !settings.sites[key]).map((key) => SITE_LABELS[key]);
  if (off.length === 0) return null;
  return `Cards are switched off on ${off.join(' and ')} in the options, so the pages you open there are not remembered.`;
}
