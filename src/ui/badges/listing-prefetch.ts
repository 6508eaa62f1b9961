import type { Settings } from '../../schema';
import { loadSettings } from '../../settings/settings';

// The content scripts of one extension share a global object in a page (as card-prefetch.ts): the
// listing's script, which runs once the document is parsed, takes the settings read at its start.
// Read then, they are there when it starts, so the badges come in the same task: waiting for them
// let the page's own work (Chrome's metrics of its 14,000 links, the load event) go first.
const SLOT = 'paperlensListingSettings';
type Slot = { [SLOT]?: Promise<Settings> };

/** At document start: reads the settings for the listing's script (and gives them). */
export function startListingPrefetch(): Promise<Settings> {
  const settings = loadSettings();
  (globalThis as Slot)[SLOT] = settings;
  return settings;
}

/** The settings read at document start, handed over once; null without them. */
export function takeListingPrefetch(): Promise<Settings> | null {
  const slot = globalThis as Slot;
  const early = slot[SLOT] ?? null;
  delete slot[SLOT];
  return early;
}
