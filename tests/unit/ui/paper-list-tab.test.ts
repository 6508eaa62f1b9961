import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGED_LIST_REQUEST } from '../../../src/messaging/page-paper';
import { NO_PAPER_IN_TAB, noPaperLook } from '../../../src/ui/action-badge';
import { activeTabPaper } from '../../../src/ui/popup/active-tab';

afterEach(() => vi.restoreAllMocks());

const LISTS = ['https://arxiv.org/list/cs.CL/new', 'https://arxiv.org/search/?query=hallucination', 'https://huggingface.co/papers/date/2024-07-31', 'https://huggingface.co/papers/trending'];

test('on a list of papers with badges the save shortcut says what to do there, not "open an arXiv or Hugging Face paper"', () => {
  expect(noPaperLook(true)).toEqual({ ...NO_PAPER_IN_TAB, title: 'PaperLens: a list of papers in this tab (save one with the Save button beside it, or open its page)' });
  expect(noPaperLook(false)).toBe(NO_PAPER_IN_TAB);
});

test("the popup's This tab on a list of papers: the list's hint where its page shows badges (or no script of ours answers), none where it shows none", async () => {
  const tab = { url: '' };
  // What the list's script answers: it shows badges, it shows none (switched off, empty, not recognised), or no script answers.
  let page: boolean | 'none' = true;
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation((async () => ({ id: 1 })) as unknown as typeof fakeBrowser.windows.getLastFocused);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 5, url: tab.url }]) as unknown as typeof fakeBrowser.tabs.query);
  const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: { type: string }) => {
    expect(message.type).toBe(BADGED_LIST_REQUEST);
    if (page === 'none') throw new Error('Could not establish connection. Receiving end does not exist.');
    return page;
  }) as unknown as typeof fakeBrowser.tabs.sendMessage);
  for (const list of LISTS) {
    tab.url = list;
    page = true;
    expect(await activeTabPaper(), list).toEqual({ paperList: true });
    page = false;
    expect(await activeTabPaper(), list).toBeNull();
    page = 'none';
    expect(await activeTabPaper(), list).toEqual({ paperList: true });
  }
  expect(asked).toHaveBeenCalledTimes(3 * LISTS.length);
  tab.url = 'https://huggingface.co/models';
  expect(await activeTabPaper()).toBeNull();
  expect(asked).toHaveBeenCalledTimes(3 * LISTS.length);
});
