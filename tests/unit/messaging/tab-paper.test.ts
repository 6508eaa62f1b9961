import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { saveFromTab } from '../../../src/messaging/save-from-tab';
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

describe("arXiv's \"identifier not recognized\" page when no script of ours is there (the extension was reloaded)", () => {
  // The title of tests/fixtures/arxiv-abs-not-recognized.html, and the form its heading takes.
  test.each(['arXiv article identifier not recognized', "Article identifier '2412.99999' not recognized"])('titled %j: no paper, nothing saved', async (title) => {
    const tab = { id: 3, url: 'https://arxiv.org/abs/2412.99999', title };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await paperInTab(tab)).toEqual({ unknownId: '2412.99999' });
    const db = new PaperLensDatabase(`tab-paper-${title}`);
    expect(await saveFromTab(db, tab, 1_000)).toBeNull();
    expect(await db.saved.count()).toBe(0);
    db.close();
  });

  test('a paper whose title speaks of an identifier not recognized is still saved by its title', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const title = 'Why Is the Identifier Not Recognized? Entity Linking in the Wild';
    expect(await paperInTab({ id: 3, url: 'https://arxiv.org/abs/2412.00001', title: `[2412.00001] ${title}` })).toMatchObject({ id: '2412.00001', title, titleFromTab: true });
  });
});

describe('a link to the page the tab shows, on a reader of the paper (alphaXiv, ar5iv)', () => {
  const tab = { id: 5, url: 'https://www.alphaxiv.org/abs/2310.01779v2', title: 'HallE-Control | alphaXiv' };

  test('the "Save paper" menu on it saves the paper, not "this link is no paper"', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    // The reader's tab title is not a title PaperLens reads ("… | alphaXiv").
    expect(await paperInTab(tab, tab.url)).toMatchObject({ id: '2310.01779', title: 'arXiv:2310.01779', titleFromTab: false });
    const db = new PaperLensDatabase('tab-paper-alphaxiv-self-link');
    expect((await saveFromTab(db, tab, 1_000, tab.url))?.id).toBe('2310.01779');
  });

  test('the tab itself (shortcut, popup) is no paper page of PaperLens', async () => {
    expect(await paperInTab(tab)).toBeNull();
  });
});

describe('a paper page reached through a long address (a tracking query from a digest or newsletter)', () => {
  const long = `https://arxiv.org/abs/2310.01779?${'utm_source=reading-group-digest&'.repeat(70)}`;

  test('the shortcut or the link menu saves the paper, without the address (past the 2,048 characters the store keeps)', async () => {
    expect(long.length).toBeGreaterThan(2048);
    const db = new PaperLensDatabase('tab-paper-long-url');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await saveFromTab(db, { id: 4, url: long, title: '[2310.01779] HallE-Control' }, 1_000)).toMatchObject({ id: '2310.01779', status: 'to-read' });
    expect(await saveFromTab(db, { id: 5, url: 'https://example.com/digest', title: 'Digest' }, 2_000, long)).toMatchObject({ id: '2310.01779' });
    expect((await db.saved.get('2310.01779'))?.sourceUrl).toBeNull();
    db.close();
  });
});

describe('the shortcut or the link menu on the page of a paper the store lacks', () => {
  test('saves the TL;DR of the abstract the page shows, as the card, badge and popup Save do (it saved "No TL;DR")', async () => {
    const page = {
      id: '2406.11111',
      title: 'Sparse Experts at Scale',
      abstract: 'Mixture-of-experts models are costly to serve. We propose SparseServe, a router that skips idle experts. SparseServe cuts serving cost by 40% at equal quality.',
      authors: ['Ada Lovelace'],
      published: '2024-06-17',
      primaryCategory: 'cs.CL',
      doi: null,
      journalRef: null,
      pdfUrl: 'https://arxiv.org/pdf/2406.11111',
      codeLinks: [],
    };
    // (The fake browser types a message's answer as void.)
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(page as never);
    const db = new PaperLensDatabase('tab-paper-shortcut-tldr');
    await saveFromTab(db, { id: 6, url: 'https://arxiv.org/abs/2406.11111', title: '[2406.11111] Sparse Experts at Scale' }, 1_000);
    const item = await db.saved.get('2406.11111');
    expect(item).toMatchObject({ title: 'Sparse Experts at Scale', authors: ['Ada Lovelace'] });
    expect(item?.tldr).toMatch(/SparseServe/);
    db.close();
  });
});
