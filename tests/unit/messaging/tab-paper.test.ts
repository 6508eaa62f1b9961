import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paperInTab } from '../../../src/messaging/tab-paper';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe("a tab's paper when no page of ours describes it (a PDF)", () => {
  test.each([
    // The title PaperLens gave the PDF tab: the paper's title without where it is.
    ['Attention Is All You Need | arXiv 1706.03762v7', 'Attention Is All You Need', true],
    // The browser's names for a PDF say nothing of the paper.
    ['1706.03762v7.pdf', 'arXiv:1706.03762', false],
    ['arxiv.org/pdf/1706.03762v7', 'arXiv:1706.03762', false],
    // A PDF's own title is kept as a guess.
    ['Microsoft Word - nips2017.docx', 'Microsoft Word - nips2017.docx', true],
  ])('titled %j: %j', async (tabTitle, title, titleFromTab) => {
    expect(await paperInTab({ url: 'https://arxiv.org/pdf/1706.03762v7', title: tabTitle })).toMatchObject({ id: '1706.03762', title, titleFromTab, page: null });
  });
});

test("a PDF tab whose script of ours does not answer the question (it only names the tab): the tab's title still names the paper", async () => {
  // The browser resolves with nothing when the tab's scripts listen but none answers.
  const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  const paper = await paperInTab({ id: 7, url: 'https://arxiv.org/pdf/1706.03762v7', title: 'Attention Is All You Need | arXiv 1706.03762v7' });
  expect(asked).toHaveBeenCalled();
  expect(paper).toMatchObject({ id: '1706.03762', title: 'Attention Is All You Need', titleFromTab: true, page: null });
});
