import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper } from '../../../src/db/papers';
import { NO_PAPER_IN_TAB, savedLinkNotice } from '../../../src/ui/action-badge';
import { trackToolbarStatus } from '../../../src/ui/toolbar-status';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function tracked(url: string) {
  fakeBrowser.reset();
  const shown = new Map<number, string>();
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async ({ tabId, text }) => void shown.set(tabId ?? -1, text ?? ''));
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
  const tab = { current: { id: 5, index: 0, pinned: false, highlighted: true, windowId: 1, active: true, incognito: false, url } as Browser.tabs.Tab };
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [tab.current]) as unknown as typeof fakeBrowser.tabs.query);
  const db = new PaperLensDatabase(`toolbar-notice-${Math.random()}`);
  await savePaper(db, { id: '2310.01779', title: 'HallE-Control' }, 1_000);
  const toolbar = trackToolbarStatus(async () => db);
  await new Promise((resolve) => setTimeout(resolve, 400));
  return { shown, tab, toolbar };
}

describe("a notice on the toolbar icon is about the page it was given on", () => {
  test("the shortcut's '?' on Hugging Face's daily list ends when the list's own navigation (no page load) opens a paper", async () => {
    const { shown, tab, toolbar } = await tracked('https://huggingface.co/papers');
    toolbar.notify(5, NO_PAPER_IN_TAB);
    await vi.waitFor(() => expect(shown.get(5)).toBe('?'));
    tab.current = { ...tab.current, url: 'https://huggingface.co/papers/2310.01779' };
    await fakeBrowser.tabs.onUpdated.trigger(5, { url: tab.current.url }, tab.current);
    await vi.waitFor(() => expect(shown.get(5)).toBe('•'), { timeout: 1_500 });
  });

  test("the shortcut's '?' on a listing ends when the tab goes on to a paper page: the paper's status shows, not 'no paper to save'", async () => {
    const { shown, tab, toolbar } = await tracked('https://arxiv.org/list/cs.CL/new');
    toolbar.notify(5, NO_PAPER_IN_TAB);
    await vi.waitFor(() => expect(shown.get(5)).toBe('?'));

    // A second later the reader opens a paper of the listing in the same tab.
    tab.current = { ...tab.current, url: 'https://arxiv.org/abs/2310.01779' };
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading', url: tab.current.url }, tab.current);
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'complete' }, tab.current);
    // Well within the notice's 4 s: the saved paper's status, not the listing's '?'.
    await vi.waitFor(() => expect(shown.get(5)).toBe('•'), { timeout: 1_500 });
  });

  test("a link's '+' on another site's page (whose address PaperLens cannot see) ends when the tab loads another page", async () => {
    const { shown, tab, toolbar } = await tracked('https://arxiv.org/list/cs.CL/new');
    const elsewhere = { id: 5, index: 0, pinned: false, highlighted: true, windowId: 1, active: true, incognito: false } as Browser.tabs.Tab;
    tab.current = elsewhere;
    toolbar.notify(5, savedLinkNotice({ title: 'HallE-Control', status: 'to-read' }));
    await vi.waitFor(() => expect(shown.get(5)).toBe('+'));
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, elsewhere);
    await vi.waitFor(() => expect(shown.get(5)).toBe(''), { timeout: 1_500 });
  });
});
