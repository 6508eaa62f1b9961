// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { arxivAbs } from '../../../src/sites/arxiv-abs';
import { lookupOne, startCardPrefetch, takeCardPrefetch } from '../../../src/ui/card-prefetch';
import type { Request } from '../../../src/schema';
import type { PagePaper } from '../../../src/sites/types';

const asked: Request[] = [];

/** The background, as far as these tests need it: every lookup finds HallE-Switch. */
function answerLookups(): void {
  fakeBrowser.runtime.onMessage.addListener((message: Request, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    asked.push(message);
    sendResponse({ ok: true, result: [{ id: '2310.01779', title: 'HallE-Switch', inStore: true }] });
    return true;
  });
}

const visit = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);

/** Shows or hides the page, as the browser does when its tab is chosen or left. */
function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  setVisibility('visible');
  fakeBrowser.reset();
  asked.length = 0;
  takeCardPrefetch();
});

describe('the card\'s document-start prefetch, handed to the card script', () => {
  test('on a paper page it asks the store about the paper in the URL once, and hands the answer over once', async () => {
    answerLookups();
    visit('https://arxiv.org/abs/2310.01779v3');
    startCardPrefetch(arxivAbs);
    const prefetch = takeCardPrefetch();
    expect(prefetch?.id).toBe('2310.01779');
    expect((await prefetch!.result)?.view).toMatchObject({ id: '2310.01779', inStore: true });
    expect(asked).toEqual([{ type: 'lookup', queries: [{ id: '2310.01779' }], seenOn: 'arxivAbs' }]);
    expect((await prefetch!.settings).sites.arxivAbs).toBe(true);
    expect(takeCardPrefetch()).toBeNull();
  });

  test('on any other page it asks nothing', () => {
    answerLookups();
    visit('https://arxiv.org/list/cs.CL/new');
    startCardPrefetch(arxivAbs);
    expect(takeCardPrefetch()).toMatchObject({ id: null, result: null });
    expect(asked).toEqual([]);
  });
});

describe('a page loaded out of sight (a background tab, a tab restored with the session)', () => {
  const page: PagePaper = {
    id: '2310.01779',
    title: 'HallE-Control',
    authors: ['Bohan Zhai'],
    abstract: 'Current LMMs hallucinate.',
    codeLinks: [],
    published: null,
    primaryCategory: null,
    doi: null,
    journalRef: null,
    pdfUrl: null,
  };

  test('is recorded as seen when the reader first looks at it, with what its page says, and once', async () => {
    answerLookups();
    setVisibility('hidden');
    visit('https://arxiv.org/abs/2310.01779v3');
    startCardPrefetch(arxivAbs);
    await takeCardPrefetch()!.result;
    await lookupOne('arxivAbs', '2310.01779', page);
    await expect.poll(() => asked.length).toBe(2);
    // The store is asked (the card shows), but no visit is recorded yet.
    expect(asked.map((request) => request.type === 'lookup' && request.seenOn)).toEqual([undefined, undefined]);

    setVisibility('visible');
    await expect.poll(() => asked.length).toBe(3);
    expect(asked[2]).toEqual({ type: 'lookup', queries: [{ id: '2310.01779', title: 'HallE-Control', authors: ['Bohan Zhai'], abstract: 'Current LMMs hallucinate.' }], seenOn: 'arxivAbs' });
    setVisibility('hidden');
    setVisibility('visible');
    await lookupOne('arxivAbs', '2310.01779');
    // Coming back to the tab is no new visit; a lookup made in sight records one as before.
    expect(asked.map((request) => request.type === 'lookup' && request.seenOn)).toEqual([undefined, undefined, 'arxivAbs', 'arxivAbs']);
  });

  test('a page the reader never looks at is never recorded', async () => {
    answerLookups();
    setVisibility('hidden');
    await lookupOne('arxivAbs', '2310.01779', page);
    setVisibility('hidden');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ type: 'lookup', queries: [{ id: '2310.01779', abstract: 'Current LMMs hallucinate.' }] });
    expect(asked[0]).toHaveProperty('seenOn', undefined);
  });
});
