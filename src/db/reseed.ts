import { browser } from 'wxt/browser';

/** The alarm that tries again to take a bundled snapshot the store could not take. */
export const RESEED_ALARM = 'reseed-retry';
const RESEED_RETRY_MINUTES = 10;
/** In storage.local: the extension version whose bundled snapshot the store last took. */
const SEEDED_FOR_KEY = 'paperlens:seededFor';

/**
 * The bundled snapshot of an install or update (seedStore touches bundled papers only). One the
 * store could not take (disk full) is tried again in a while and at the next worker starts, until
 * it is in: the version it was taken for is kept only once it is. `refreshSeed` shows its own
 * failure (on the toolbar icon).
 */
export function bundledSnapshotTaker(refreshSeed: () => Promise<void>, version: string): { reseed: () => Promise<void>; reseedIfPending: () => Promise<void> } {
  let reseeding: Promise<void> | null = null;
  const reseed = () =>
    (reseeding ??= refreshSeed()
      .then(async () => {
        await browser.storage.local.set({ [SEEDED_FOR_KEY]: version });
        await browser.alarms.clear(RESEED_ALARM);
      })
      .catch(() => void browser.alarms.create(RESEED_ALARM, { delayInMinutes: RESEED_RETRY_MINUTES }))
      .finally(() => {
        reseeding = null;
      }));
  return {
    reseed,
    async reseedIfPending() {
      if ((await browser.storage.local.get(SEEDED_FOR_KEY))[SEEDED_FOR_KEY] !== version) await reseed();
    },
  };
}
