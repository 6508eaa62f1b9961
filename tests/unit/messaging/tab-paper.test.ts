import { describe, expect, test } from 'vitest';
import { paperInTab } from '../../../src/messaging/tab-paper';

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
