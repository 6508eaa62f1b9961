// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Request } from '../../../src/schema';
import { DEFAULT_SETTINGS, saveSettings } from '../../../src/settings/settings';
import { arxivListing } from '../../../src/sites/arxiv-listing';
import { runBadgeController } from '../../../src/ui/badges/controller';
import { startListingPrefetch, takeListingPrefetch } from '../../../src/ui/badges/listing-prefetch';
import { loadFixture } from '../sites/load-fixture';

/** A storage read takes a trip to the browser; this one takes 50 ms. */
const READ_MS = 50;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const badgeCount = () => document.querySelectorAll('[data-paperlens="badge"]').length;
let ctx: ContentScriptContext | null = null;

/** A listing page, parsed; the background knows none of its papers; storage reads are slow. */
async function openListing(): Promise<number> {
  const { doc, url } = await loadFixture('listings/arxiv-list-cs.CL-new.html');
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url.href);
  document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
  fakeBrowser.runtime.onMessage.addListener((message: Request, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (message.type === 'badges') sendResponse({ ok: true, result: message.ids.map(() => null) });
    return true;
  });
  const local = fakeBrowser.storage.local;
  const read = local.get.bind(local) as (keys: string) => Promise<Record<string, unknown>>;
  const slowRead = async (keys: string) => {
    await pause(READ_MS);
    return read(keys);
  };
  vi.spyOn(local, 'get').mockImplementation(slowRead as typeof local.get);
  return arxivListing.entries(document).length;
}

afterEach(() => {
  ctx?.notifyInvalidated();
  ctx = null;
  takeListingPrefetch();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the listing\'s settings, read at document start', () => {
  test('once the page is parsed, its badges come at once, without another wait for the settings', async () => {
    const entries = await openListing();
    expect(entries).toBeGreaterThan(0);
    startListingPrefetch();
    await pause(READ_MS + 20); // the page is parsed meanwhile
    ctx = new ContentScriptContext('listing-prefetch-test');
    runBadgeController(ctx, arxivListing);
    await pause(0);
    expect(badgeCount()).toBe(entries);
  });

  test('the site switched off while the page was parsed: no badges stay', async () => {
    await openListing();
    startListingPrefetch();
    await pause(READ_MS + 20); // read: on
    await saveSettings({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, arxivListing: false } });
    ctx = new ContentScriptContext('listing-prefetch-test');
    runBadgeController(ctx, arxivListing);
    await pause(3 * READ_MS);
    expect(badgeCount()).toBe(0);
  });
});
