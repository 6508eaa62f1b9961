// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { arxivAbs } from '../../../src/sites/arxiv-abs';
import { startCardPrefetch, takeCardPrefetch } from '../../../src/ui/card-prefetch';
import type { Request } from '../../../src/schema';

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

afterEach(() => {
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
