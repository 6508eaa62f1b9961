import { readFile } from 'node:fs/promises';
import { describe, expect, test, vi } from 'vitest';
import { ARXIV_PAGE_GAP_MS, arxivPageAsker, cachedArxivPages, fetchArxivPaper, heedingRetryAfter, readArxivAbsPage, spacedRequests, type ArxivPaperResult } from '../../../src/feed/arxiv-paper';
import type { PagePaper } from '../../../src/schema';

const fixture = (name: string) => readFile(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('readArxivAbsPage: an arXiv abstract page read as text (the worker has no DOM)', () => {
  test("a real page's citation meta: title, authors in reading order, date, category, abstract, PDF", async () => {
    const paper = readArxivAbsPage(await fixture('arxiv-abs-2310.01779v3.html'), '2310.01779');
    expect(paper).toMatchObject({
      id: '2310.01779',
      published: '2023-10-03',
      primaryCategory: 'cs.CV',
      pdfUrl: 'https://arxiv.org/pdf/2310.01779',
    });
    expect(paper!.title).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    expect(paper!.authors).toHaveLength(7);
    expect(paper!.authors[0]).toBe('Bohan Zhai');
    expect(paper!.abstract).toMatch(/^Current Large Vision Language Models \(LVLMs\) achieve remarkable progress/);
  });

  test('a page without citation_abstract: the abstract block, without its label and markup', async () => {
    const paper = readArxivAbsPage(await fixture('arxiv-abs-1706.03762.html'), '1706.03762');
    expect(paper!.title).toBe('Attention Is All You Need');
    expect(paper!.authors.slice(0, 2)).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(paper!.abstract).toMatch(/^The dominant sequence transduction models/);
    expect(paper!.abstract).not.toMatch(/Abstract:|</);
  });

  test("a withdrawn paper's page gives the reason its comments say, from arXiv's comments cell or block; other comments give none", async () => {
    const page = await fixture('arxiv-abs-2310.01779v3.html');
    const withComments = (comments: string) => page.replace(/<div class="comments">.*?<\/div>/, comments);
    expect(readArxivAbsPage(page, '2310.01779')).not.toHaveProperty('withdrawal');
    const cell = withComments('<td class="tablecell label">Comments:</td><td class="tablecell comments mathjax">This paper has been withdrawn by the author due to an error in <a href="https://example.org/eq">Eq. 3</a> &amp; Table 2\n</td>');
    expect(readArxivAbsPage(cell, '2310.01779')!.withdrawal).toBe('This paper has been withdrawn by the author due to an error in Eq. 3 & Table 2');
    const block = withComments('<div class="comments">Comments: Withdrawn: the main theorem is false</div>');
    expect(readArxivAbsPage(block, '2310.01779')!.withdrawal).toBe('Withdrawn: the main theorem is false');
    // Another venue's withdrawal; a class that only ends like the comments'.
    expect(readArxivAbsPage(withComments('<td class="tablecell comments">Withdrawn from ICML 2023; accepted at NeurIPS 2023</td>'), '2310.01779')).not.toHaveProperty('withdrawal');
    expect(readArxivAbsPage(withComments('<div class="list-comments">This paper has been withdrawn</div>'), '2310.01779')).not.toHaveProperty('withdrawal');
  });

  test('character references are decoded once; markup in a title stays text; a javascript: PDF link is dropped', () => {
    const html = `<meta name="citation_arxiv_id" content="2401.00001v2"><meta name="citation_title" content="Q&amp;A &#8212; &lt;b&gt;bold&lt;/b&gt; &amp;amp; &#x3B1;-nets">
      <meta content='Doe, Jane' name='citation_author'>
      <meta name="citation_pdf_url" content="javascript:alert(1)">
      <meta name="citation_abstract" content="We study &quot;things&quot;. It works.">`;
    const paper = readArxivAbsPage(html, '2401.00001');
    expect(paper).toMatchObject({ title: 'Q&A — <b>bold</b> &amp; α-nets', authors: ['Jane Doe'], abstract: 'We study "things". It works.', pdfUrl: null });
  });

  test('a class that only begins like ours is not it', () => {
    const html = `<meta name="citation_arxiv_id" content="2401.00001"><meta name="citation_title" content="T"><meta name="citation_abstract" content="A.">
      <td class="tablecell jref-note">not the journal</td><span class="primary-subject-x">Other (cs.XX)</span>`;
    expect(readArxivAbsPage(html, '2401.00001')).toMatchObject({ journalRef: null, primaryCategory: null });
  });

  test('a broken page (a tag that never closes, repeated) is read at once: the worker does not stop answering', () => {
    const head = '<meta name="citation_arxiv_id" content="2401.00001"><meta name="citation_title" content="T">';
    const abstract = '<blockquote class="abstract"><span class="descriptor">Abstract:</span> We study <a href="x">things</a> here. 1 < 2.</blockquote>';
    const html = `${head}${'<blockquote '.repeat(20_000)}>${abstract}${'<meta '.repeat(40_000)}`;
    const started = performance.now();
    expect(readArxivAbsPage(html, '2401.00001')).toMatchObject({ title: 'T', abstract: 'We study things here. 1 < 2.' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('not an abstract page, or the page of another paper, or of no paper named: nothing', async () => {
    expect(readArxivAbsPage('<meta name="citation_title" content="T"><meta name="citation_abstract" content="A.">', '2401.00001')).toBeNull();
    expect(readArxivAbsPage(await fixture('arxiv-abs-not-recognized.html'), '2412.99999')).toBeNull();
    expect(readArxivAbsPage('<html><body>Service unavailable</body></html>', '2310.01779')).toBeNull();
    expect(readArxivAbsPage(await fixture('arxiv-abs-1706.03762.html'), '2310.01779')).toBeNull();
  });
});

describe('fetchArxivPaper never throws; it tells "no such paper" from "try later"', () => {
  const answering = (response: () => Response | Promise<Response>): typeof fetch => async () => response();

  test('a page: the paper; the request asks for the abstract page without cookies', async () => {
    const html = await fixture('arxiv-abs-1706.03762.html');
    const seen: [string, RequestInit | undefined][] = [];
    const result = await fetchArxivPaper('1706.03762', async (input, init) => {
      seen.push([String(input), init]);
      return new Response(html, { status: 200 });
    });
    expect(result.ok && result.paper.title).toBe('Attention Is All You Need');
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe('https://arxiv.org/abs/1706.03762');
    expect(seen[0]![1]?.credentials).toBe('omit');
  });

  test.each([
    [404, 'missing', /no paper 2412.99999 \(HTTP 404\)/],
    [410, 'missing', /HTTP 410/],
    [503, 'failed', /HTTP 503/],
    [429, 'failed', /HTTP 429/],
    [200, 'unreadable', /not an abstract page/],
  ])('HTTP %i: %s', async (status, kind, reason) => {
    const result = await fetchArxivPaper('2412.99999', answering(() => new Response('<h1>Article identifier not recognized</h1>', { status })));
    expect(result).toMatchObject({ ok: false, kind });
    expect(!result.ok && result.reason).toMatch(reason);
  });

  test('a page said to be, or found to be, far larger than an abstract page is not read as one', async () => {
    let read = false;
    const huge = new Response(new ReadableStream({ pull: () => void (read = true) }, { highWaterMark: 0 }), { headers: { 'content-length': String(50_000_000) } });
    expect(await fetchArxivPaper('1706.03762', async () => huge)).toMatchObject({ ok: false, kind: 'unreadable', reason: expect.stringMatching(/too large/) });
    expect(read).toBe(false);
    const padded = (await fixture('arxiv-abs-1706.03762.html')) + ' '.repeat(2_000_001);
    expect(await fetchArxivPaper('1706.03762', async () => new Response(padded))).toMatchObject({ ok: false, kind: 'unreadable' });
  });

  test('review: a page sent without a length is read only as far as an abstract page could go, not to its end', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode('<p>'.padEnd(65_536, 'x'));
    const endless = new Response(new ReadableStream({ pull: (controller) => void (sent++, controller.enqueue(chunk)) }));
    expect(await fetchArxivPaper('1706.03762', async () => endless)).toMatchObject({ ok: false, kind: 'unreadable', reason: expect.stringMatching(/too large/) });
    expect(sent * chunk.byteLength).toBeLessThan(10_000_000);
  });

  test("arXiv's Retry-After on a 429 or 503 is read (capped at a day); none on other failures", async () => {
    const busy = (status: number, retryAfter: string) => answering(() => new Response('slow down', { status, headers: { 'retry-after': retryAfter } }));
    expect(await fetchArxivPaper('1706.03762', busy(429, '3600'))).toMatchObject({ ok: false, kind: 'failed', retryAfterMs: 3_600_000 });
    // The first refusal says the wait, as the questions after it do (the time left).
    expect(await fetchArxivPaper('1706.03762', busy(429, '60'))).toMatchObject({ reason: 'arXiv answered HTTP 429 for 1706.03762; it asks to wait 60 s' });
    expect(await fetchArxivPaper('1706.03762', busy(503, '120'))).toMatchObject({ ok: false, kind: 'failed', retryAfterMs: 120_000 });
    expect(await fetchArxivPaper('1706.03762', busy(429, '9999999'))).toMatchObject({ retryAfterMs: 24 * 3_600_000 });
    expect(await fetchArxivPaper('1706.03762', busy(500, '3600'))).not.toHaveProperty('retryAfterMs');
    expect(await fetchArxivPaper('1706.03762', busy(429, 'soon'))).not.toHaveProperty('retryAfterMs');
  });

  test('no connection, or no answer in time: failed, with why', async () => {
    const offline = await fetchArxivPaper('1706.03762', () => Promise.reject(new TypeError('Failed to fetch')));
    // The browser's bare "Failed to fetch" is said in words; a named cause is kept.
    expect(offline).toEqual({ ok: false, kind: 'failed', reason: 'no connection to arXiv, or the request was blocked' });
    const unresolved = await fetchArxivPaper('1706.03762', () => Promise.reject(new TypeError('net::ERR_NAME_NOT_RESOLVED')));
    expect(unresolved).toEqual({ ok: false, kind: 'failed', reason: 'could not reach arXiv: net::ERR_NAME_NOT_RESOLVED' });
    const hanging: typeof fetch = (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await fetchArxivPaper('1706.03762', hanging, 50)).toEqual({ ok: false, kind: 'failed', reason: 'arXiv did not answer within 0.05 s' });
  });
});

describe('cachedArxivPages', () => {
  test('a page read is not asked for again; a failure is, and the oldest page goes past the size', async () => {
    const asked: string[] = [];
    const pages = cachedArxivPages(async (id) => {
      asked.push(id);
      if (id === '2401.00009') return { ok: false, kind: 'failed', reason: 'offline' };
      return { ok: true, paper: readArxivAbsPage((await fixture('arxiv-abs-1706.03762.html')).replaceAll('1706.03762', id), id)! };
    }, 2);
    expect(await pages('2401.00001')).toMatchObject({ ok: true, paper: { id: '2401.00001' } });
    await pages('2401.00001');
    expect(await pages('2401.00009')).toMatchObject({ ok: false });
    expect(await pages('2401.00009')).toMatchObject({ ok: false });
    expect(asked).toEqual(['2401.00001', '2401.00009', '2401.00009']);
    await pages('2401.00002');
    await pages('2401.00003');
    await pages('2401.00001');
    expect(asked.slice(3)).toEqual(['2401.00002', '2401.00003', '2401.00001']);
  });
});

describe('review: cachedArxivPages and requests in flight', () => {
  test('the popup and its Copy BibTeX asking at once make one request', async () => {
    const asked: string[] = [];
    const html = await fixture('arxiv-abs-1706.03762.html');
    const pages = cachedArxivPages(async (id) => {
      asked.push(id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ok: true, paper: readArxivAbsPage(html, id)! };
    });
    const [a, b] = await Promise.all([pages('1706.03762'), pages('1706.03762')]);
    expect(a.ok && a.paper.title).toBe('Attention Is All You Need');
    expect(b.ok && b.paper.title).toBe('Attention Is All You Need');
    expect(asked).toEqual(['1706.03762']);
  });
});

describe('spacedRequests', () => {
  test('PDF tabs restored together ask arXiv one after another, a second apart; a request after a pause goes at once', async () => {
    let clock = 10_000;
    const events: string[] = [];
    const spaced = spacedRequests(
      async (id) => void events.push(`fetch ${id}`),
      ARXIV_PAGE_GAP_MS,
      () => clock,
      async (ms) => void events.push(`wait ${ms}`),
    );
    await Promise.all(['2401.00001', '2401.00002', '2401.00003'].map(spaced));
    expect(events).toEqual(['fetch 2401.00001', 'wait 1000', 'wait 2000', 'fetch 2401.00002', 'fetch 2401.00003']);
    clock += 60_000;
    await spaced('2401.00004');
    expect(events.at(-1)).toBe('fetch 2401.00004');
  });
});

describe('heedingRetryAfter', () => {
  test("after a 429 asking for an hour, nothing goes to arXiv for that hour (tab titles, popup and queue alike); then requests go again", async () => {
    let clock = 0;
    const asked: string[] = [];
    const answers: ArxivPaperResult[] = [{ ok: false, kind: 'failed', reason: 'arXiv answered HTTP 429 for 2501.00001', retryAfterMs: 3_600_000 }];
    const load = heedingRetryAfter(async (id) => {
      asked.push(id);
      return answers.shift() ?? { ok: false, kind: 'missing', reason: `no ${id}` };
    }, () => clock);
    expect(await load('2501.00001')).toMatchObject({ kind: 'failed', retryAfterMs: 3_600_000 });
    clock = 60_000;
    // Said to be unsent, so the queue keeps the 429's reason as why its papers wait.
    expect(await load('2501.00002')).toMatchObject({ ok: false, kind: 'failed', retryAfterMs: 3_540_000, reason: expect.stringMatching(/wait 59 min more/), unsent: true });
    expect(asked).toEqual(['2501.00001']);
    clock = 3_600_000;
    expect(await load('2501.00002')).toMatchObject({ kind: 'missing' });
    expect(asked).toEqual(['2501.00001', '2501.00002']);
  });

  test('with the time kept, a worker started again (MV3 stops an idle one) still waits; the wait written is the latest', async () => {
    let stored: number | null = null;
    const kept = { read: async () => stored, write: async (at: number) => void (stored = at) };
    const asked: string[] = [];
    const fetchOnce = async (id: string): Promise<ArxivPaperResult> => {
      asked.push(id);
      return { ok: false, kind: 'failed', reason: `arXiv answered HTTP 429 for ${id}`, retryAfterMs: 3_600_000 };
    };
    await heedingRetryAfter(fetchOnce, () => 0, kept)('2501.00001');
    expect(stored).toBe(3_600_000);
    const restarted = heedingRetryAfter(fetchOnce, () => 60_000, kept);
    expect(await restarted('2501.00002')).toMatchObject({ kind: 'failed', retryAfterMs: 3_540_000 });
    expect(asked).toEqual(['2501.00001']);
    // A store that cannot be read holds nothing back.
    const unreadable = heedingRetryAfter(fetchOnce, () => 60_000, { read: () => Promise.reject(new Error('no storage')), write: async () => undefined });
    await unreadable('2501.00003');
    expect(asked).toEqual(['2501.00001', '2501.00003']);
  });

  test('QA: after a 429, a badge expanded next is told the wait at once, not after a place in the queue; one queued before it asks nothing', async () => {
    let clock = 0;
    const events: string[] = [];
    const load = heedingRetryAfter(
      async (id) => {
        events.push(`fetch ${id}`);
        return { ok: false, kind: 'failed', reason: `arXiv answered HTTP 429 for ${id}`, retryAfterMs: 60_000 };
      },
      () => clock,
      undefined,
      (send) =>
        spacedRequests(send, ARXIV_PAGE_GAP_MS, () => clock, async (ms) => {
          events.push(`wait ${ms}`);
          // arXiv answered the first meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 0));
          clock += ms;
        }),
    );
    const [first, queued] = await Promise.all([load('2501.00001'), load('2501.00002')]);
    expect(first).toMatchObject({ retryAfterMs: 60_000 });
    expect(queued).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/wait 59 s more/) });
    expect(events.toSorted()).toEqual(['fetch 2501.00001', 'wait 1000']);
    events.length = 0;
    expect(await load('2501.00003')).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/wait 59 s more/) });
    expect(events).toEqual([]);
  });

  test('a failure without Retry-After (offline) holds nothing back', async () => {
    let calls = 0;
    const load = heedingRetryAfter(async () => {
      calls++;
      return { ok: false, kind: 'failed', reason: 'could not reach arXiv: Failed to fetch' };
    }, () => 0);
    await load('2501.00001');
    await load('2501.00001');
    expect(calls).toBe(2);
  });
});

describe('arxivPageAsker (what the popup and badges get of an arXiv page)', () => {
  const paper = { id: '2405.19715', title: 'SpecDec++', abstract: 'We propose SpecDec++.', authors: [], published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, codeLinks: [] } as unknown as PagePaper;
  test('switched off: nothing asked; a page read: the paper, and its PDF tabs told; none: null; arXiv not answering: why, and how long to wait', async () => {
    const read: string[] = [];
    const pages = vi.fn<(id: string) => Promise<ArxivPaperResult>>();
    let enabled = false;
    const ask = arxivPageAsker({ enabled: async () => enabled, pages, onRead: (id) => void read.push(id) });
    expect(await ask('2405.19715')).toBeNull();
    expect(pages).not.toHaveBeenCalled();
    enabled = true;
    pages.mockResolvedValueOnce({ ok: true, paper });
    expect(await ask('2405.19715')).toBe(paper);
    expect(read).toEqual(['2405.19715']);
    pages.mockResolvedValueOnce({ ok: false, kind: 'missing', reason: 'no such paper' });
    expect(await ask('2405.99999')).toBeNull();
    pages.mockResolvedValueOnce({ ok: false, kind: 'failed', reason: 'arXiv is busy', retryAfterMs: 60_000 });
    await expect(ask('2405.19715')).rejects.toMatchObject({ message: 'arXiv is busy', retryAfterMs: 60_000 });
    pages.mockResolvedValueOnce({ ok: false, kind: 'failed', reason: 'offline' });
    await expect(ask('2405.19715')).rejects.toThrow('offline');
    expect(read).toEqual(['2405.19715']);
  });
});
