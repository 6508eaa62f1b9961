import { expect, vi } from 'vitest';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser as WxtBrowser } from 'wxt/browser';
import background from '../../../entrypoints/background';
import { DATABASE_NAME, PaperLensDatabase } from '../../../src/db/database';
import { storedSeedVersion } from '../../../src/db/seed';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type { SeedAsset } from '../../../src/schema';

let asset: SeedAsset | undefined;

/** The toolbar icon as the browser shows it: a tab's own text, else the global one (null resets a tab's). */
export interface Icon {
  global: string;
  tabs: Map<number, string>;
  shownOn: (tabId: number) => string;
}

export interface Browser {
  icon: Icon;
  /** Context-menu items as the browser keeps them (they outlive a worker), and the errors it reported. */
  menus: Set<string>;
  menuErrors: string[];
  /** What the worker answers when asked for the bundled seed (a test may make it fail). */
  seed: () => Promise<SeedAsset>;
  installed: (reason: 'install' | 'update') => Promise<void>;
  /** The keyboard shortcut pressed on a tab (or, without one, on the active tab). */
  command: (name: string, tab?: WxtBrowser.tabs.Tab) => void;
  /** The extension's version (an update brings another). */
  version: string;
  /** Open tabs. A query sees the URL of arXiv and Hugging Face ones only (PaperLens has no "tabs" permission). */
  tabs: { id: number; url: string }[];
  /** The store as the worker left it (another connection to it). */
  db: PaperLensDatabase;
  /** Waits until the worker's store holds the bundled seed of this version. */
  seeded: (version?: string) => Promise<void>;
}

/**
 * A browser profile for the background worker: fake extension APIs (WXT's fakeBrowser, plus the few
 * it lacks), the store in fake-indexeddb. `start()` runs the worker's main as a worker start does;
 * call it again for a restarted worker (the old one's listeners are gone, as in the browser; its
 * pending timers are not, so tests wait for what they check).
 */
export async function profile(): Promise<Browser & { start: () => void }> {
  asset ??= await buildSeedAsset();
  const bundled = asset;
  fakeBrowser.reset();
  await Dexie.delete(DATABASE_NAME);
  const icon: Icon = { global: '', tabs: new Map(), shownOn: (tabId) => icon.tabs.get(tabId) ?? icon.global };
  const menus = new Set<string>();
  const menuErrors: string[] = [];
  let onInstalled: ((details: { reason: string }) => void)[] = [];
  let onCommand: ((name: string, tab?: WxtBrowser.tabs.Tab) => void)[] = [];
  const db = new PaperLensDatabase();
  const browser: Browser = {
    db,
    version: '1.0.0',
    tabs: [],
    seeded: (version = bundled.version) => vi.waitFor(async () => expect(await storedSeedVersion(db)).toBe(version), { timeout: 5000 }),
    icon,
    menus,
    menuErrors,
    seed: async () => bundled,
    installed: async (reason) => {
      for (const listener of onInstalled) listener({ reason });
    },
    command: (name, tab) => {
      for (const listener of onCommand) listener(name, tab);
    },
  };
  const start = () => {
    vi.clearAllTimers();
    vi.restoreAllMocks();
    // The last worker's listeners are gone; what the browser keeps (storage, alarms, the icon, menus) stays.
    onInstalled = [];
    onCommand = [];
    for (const event of [fakeBrowser.runtime.onMessage, fakeBrowser.tabs.onUpdated, fakeBrowser.tabs.onRemoved, fakeBrowser.alarms.onAlarm, fakeBrowser.storage.onChanged]) {
      event.removeAllListeners();
    }
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'PaperLens', version: browser.version });
    vi.spyOn(fakeBrowser.runtime.onInstalled, 'addListener').mockImplementation((listener) => void onInstalled.push(listener as (typeof onInstalled)[number]));
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void onCommand.push(listener as (typeof onCommand)[number]));
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((properties) => {
      // Chrome reports this as `Unchecked runtime.lastError` in the worker's console.
      if (menus.has(String(properties.id))) menuErrors.push(`Cannot create item with duplicate id ${properties.id}`);
      menus.add(String(properties.id));
      return properties.id ?? '';
    });
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => menus.clear());
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async ({ tabId, text }) => {
      if (tabId === undefined) icon.global = text ?? '';
      else if (text === null || text === undefined) icon.tabs.delete(tabId);
      else icon.tabs.set(tabId, text);
    });
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    // The open tabs; a query by URL gets the arXiv and Hugging Face ones (the fake's query does not match URL patterns).
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (query: { url?: string[] }) => {
      const visible = browser.tabs.map((tab) => (/^https:\/\/(arxiv\.org|huggingface\.co)\//.test(tab.url) ? tab : { id: tab.id }));
      return query.url ? visible.filter((tab) => 'url' in tab) : visible;
    }) as unknown as typeof fakeBrowser.tabs.query);
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('/seed.json')) return new Response(JSON.stringify(await browser.seed()));
      return Promise.reject(new TypeError('Failed to fetch'));
    });
    background.main();
  };
  return Object.assign(browser, { start });
}
