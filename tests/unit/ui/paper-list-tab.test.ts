import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_PAPER_IN_TAB, PAPER_LIST_HINT, noPaperLook } from '../../../src/ui/action-badge';
import { activeTabPaper } from '../../../src/ui/popup/active-tab';

afterEach(() => vi.restoreAllMocks());

const LISTS = ['https://arxiv.org/list/cs.CL/new', 'https://arxiv.org/search/?query=hallucination', 'https://huggingface.co/papers/date/2024-07-31', 'https://huggingface.co/papers/trending'];
const NOT_LISTS = ['https://example.org/list/cs.CL/new', 'https://huggingface.co/models', 'https://arxiv.org/help', undefined];

test('on a list of papers the save shortcut says what to do there, not "open an arXiv or Hugging Face paper"', () => {
  for (const url of LISTS) expect(noPaperLook(url), url).toEqual({ ...NO_PAPER_IN_TAB, title: 'PaperLens: a list of papers in this tab (save one with the Save button beside it, or open its page)' });
  for (const url of NOT_LISTS) expect(noPaperLook(url), url).toBe(NO_PAPER_IN_TAB);
});

test("the popup's This tab knows a list of papers by the tab's address alone (no page is asked)", async () => {
  const url = { current: '' };
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation((async () => ({ id: 1 })) as unknown as typeof fakeBrowser.windows.getLastFocused);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 5, url: url.current }]) as unknown as typeof fakeBrowser.tabs.query);
  const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
  for (const list of LISTS) {
    url.current = list;
    expect(await activeTabPaper(), list).toEqual({ paperList: true });
  }
  expect(asked).not.toHaveBeenCalled();
  url.current = 'https://huggingface.co/models';
  expect(await activeTabPaper()).toBeNull();
  expect(PAPER_LIST_HINT).toBe('A list of papers: save one with the Save button beside it, or open its page.');
});
