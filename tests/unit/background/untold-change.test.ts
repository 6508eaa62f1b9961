import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { profile } from './worker';

// A change to the reading list (a save from the shortcut or the link menu, which no page asks for
// again; a removal, an import or a bulk edit, which are not asked again) marks storage.session until
// the open pages are told of it: a worker stopped in between leaves the mark, the next start tells them.

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const UNTOLD_CHANGE_KEY = 'paperlens:untoldChange';

async function startedWithTabs(marked: boolean) {
  const browser = await profile();
  browser.tabs = [{ id: 7, url: 'https://arxiv.org/abs/2310.01779' }];
  browser.start();
  await browser.installed('install');
  await browser.seeded();
  if (marked) await fakeBrowser.storage.session.set({ [UNTOLD_CHANGE_KEY]: true });
  // The next worker start (which restores the mocks: the spy comes after it, before its store is open).
  browser.start();
  // Changes to what is saved, and changes to seen marks only (for listings).
  const told: number[] = [];
  const toldSeen: number[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type?: string; onlySeen?: boolean }) => {
    if (message.type === 'paperlens:storeChanged') (message.onlySeen ? toldSeen : told).push(tabId);
  }) as unknown as typeof fakeBrowser.tabs.sendMessage);
  return { browser, told, toldSeen };
}

describe('a change the last worker did not tell the open pages of', () => {
  test('the next worker start tells them, once, and forgets the mark', async () => {
    const { told } = await startedWithTabs(true);
    await vi.waitFor(() => expect(told).toEqual([7]));
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(UNTOLD_CHANGE_KEY))[UNTOLD_CHANGE_KEY]).toBeUndefined());
  });

  test('an ordinary start tells the pages nothing (no lookup from every open tab)', async () => {
    const { told, toldSeen } = await startedWithTabs(false);
    // A paper seen for the first time is told to the pages after the store opened and the visit was
    // written: later than a start tells an untold change.
    await fakeBrowser.runtime.sendMessage({ type: 'lookup', queries: [{ id: '2310.01779' }], seenOn: 'arxivAbs' });
    await vi.waitFor(() => expect(toldSeen).toEqual([7]));
    expect(told).toEqual([]);
  });
});
