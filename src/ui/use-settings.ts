import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../schema/settings';
import { DEFAULT_SETTINGS, loadSettings, watchSettings } from '../settings/settings';

/**
 * The settings, followed live (switched in the options page while the page is open): null until
 * read, the defaults if they cannot be read.
 */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
    return watchSettings(setSettings);
  }, []);
  return settings;
}
