import { describe, expect, it } from 'vitest';
import { DAILY_PAPERS_URL, fetchDailyPapers, MAX_FEED_BYTES, type FeedResult, type FetchDailyPapersOptions } from '../../../src/feed/client';
import { FeedFailureSchema, type FeedFailure } from '../../../src/schema/feed';
import { fixtureText, NESTED_FIXTURE, recordedItems } from './fixtures';
import { feedFailureHeadline } from '../../../src/feed/failure-headline';

const NOW = Date.parse('2024-07-20T09:00:00Z');

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records its calls and answers with `answer()`. */
function fakeFetch(answer: (signal: AbortSignal | undefined) => Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    return answer(init?.signal ?? undefined);
  };
  return { fetch: fake as typeof fetch, calls };
}

function respond(body: string, init: ResponseInit = {}): typeof fetch {
  return fakeFetch(async () => new Response(body, init)).fetch;
}

async function run(fetchFeed: typeof fetch, extra: Partial<FetchDailyPapersOptions> = {}): Promise<FeedResult> {
  return fetchDailyPapers({ fetch: fetchFeed, now: () => NOW, ...extra });
}

/** The failure of a result, checked against the stored schema (every failure must be storable). */
async function failureOf(result: Promise<FeedResult>): Promise<FeedFailure> {
  const outcome = await result;
  if (outcome.ok) throw new Error('expected a failure');
  expect(FeedFailureSchema.parse(outcome.failure)).toEqual(outcome.failure);
  return outcome.failure;
}

describe('fetching the list', () => {
  it('returns the day, the papers in order and nothing dropped for the recorded response', async () => {
    const { fetch, calls } = fakeFetch(async () => new Response(fixtureText(NESTED_FIXTURE), { headers: { 'content-type': 'application/json' } }));
    const result = await run(fetch);
    expect(result).toMatchObject({ ok: true, day: '2024-07-19', dropped: 0 });
    if (!result.ok) return;
    expect(result.entries.map((entry) => entry.id)).toEqual(recordedItems().map((item) => item.paper.id));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(DAILY_PAPERS_URL);
    // The user's Hugging Face cookies never go with the request.
    expect(calls[0]!.init?.credentials).toBe('omit');
  });

  it('asks for a given day and size, and reports that day', async () => {
    const { fetch, calls } = fakeFetch(async () => new Response(fixtureText(NESTED_FIXTURE)));
    const result = await run(fetch, { date: '2024-07-18', limit: 20 });
    expect(calls[0]!.url).toBe(`${DAILY_PAPERS_URL}?date=2024-07-18&limit=20`);
    expect(result).toMatchObject({ ok: true, day: '2024-07-18' });
  });

  it("takes the latest day its papers were listed on (papers of the day before are carried over), and today's date when the feed gives none", async () => {
    const item = recordedItems()[0]!;
    const listed = (id: string, at: string) => ({ ...item, paper: { ...item.paper, id, submittedOnDailyAt: at } });
    const days = [listed('2407.00001', '2024-07-17T08:00:00Z'), listed('2407.00002', '2024-07-17T23:00:00Z'), listed('2407.00003', '2024-07-18T00:30:00Z')];
    expect(await run(respond(JSON.stringify(days)))).toMatchObject({ ok: true, day: '2024-07-18' });
    const undated = [{ paper: { id: '2407.00001', title: 'Undated' } }];
    expect(await run(respond(JSON.stringify(undated)))).toMatchObject({ ok: true, day: '2024-07-20' });
  });

  it("review: a paper dated years ahead does not make the list that year's (it stayed the latest for good); tomorrow's date, a time zone ahead, does", async () => {
    const item = recordedItems()[0]!;
    const listed = (id: string, at: string) => ({ ...item, paper: { ...item.paper, id, submittedOnDailyAt: at } });
    const typedWrong = [listed('2407.00001', '2024-07-19T08:00:00Z'), listed('2407.00002', '2099-01-01T00:00:00Z')];
    expect(await run(respond(JSON.stringify(typedWrong)))).toMatchObject({ ok: true, day: '2024-07-19' });
    const aheadOfUtc = [listed('2407.00001', '2024-07-20T08:00:00Z'), listed('2407.00002', '2024-07-21T01:00:00Z')];
    expect(await run(respond(JSON.stringify(aheadOfUtc)))).toMatchObject({ ok: true, day: '2024-07-21' });
  });

  it('review: an answer listing more papers than a day holds is refused with the count, not stored', async () => {
    const item = recordedItems()[0]!;
    const many = Array.from({ length: 3_000 }, (_, index) => ({ ...item, paper: { ...item.paper, id: `2407.${String(index + 1).padStart(5, '0')}` } }));
    expect(await failureOf(run(respond(JSON.stringify(many))))).toEqual({ kind: 'schema', reason: "the feed lists 3,000 papers, more than a day's list holds (1,000)", path: '(root)' });
  });

  it('counts dropped items and says why', async () => {
    const body = JSON.stringify([{ paper: { id: 'not-an-id', title: 'X' } }, ...recordedItems()]);
    const result = await run(respond(body));
    expect(result).toMatchObject({ ok: true, dropped: 1, problems: ['[0].paper.id: "not-an-id" is not an arXiv id'] });
  });
});

describe('classifying failures', () => {
  it('reports server errors with their status', async () => {
    const failure = await failureOf(run(respond('<html>oops</html>', { status: 500, statusText: 'Internal Server Error' })));
    expect(failure).toEqual({ kind: 'http', status: 500, reason: 'the daily-papers feed answered HTTP 500 Internal Server Error' });
    const unavailable = await failureOf(run(respond(JSON.stringify({ error: 'Service temporarily unavailable' }), { status: 503 })));
    expect(unavailable).toEqual({
      kind: 'http',
      status: 503,
      reason: 'the daily-papers feed answered HTTP 503 ("Service temporarily unavailable")',
    });
  });

  it('reads Retry-After in seconds and as an HTTP date on a 429', async () => {
    const seconds = await failureOf(run(respond('', { status: 429, headers: { 'retry-after': '120' } })));
    expect(seconds).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    expect(seconds.reason).toBe('Hugging Face is rate-limiting requests (HTTP 429); it asks to wait 2 min');
    const date = new Date(NOW + 90 * 60_000).toUTCString();
    expect(await failureOf(run(respond('', { status: 429, headers: { 'retry-after': date } })))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 90 * 60_000,
    });
    const past = new Date(NOW - 60_000).toUTCString();
    expect(await failureOf(run(respond('', { status: 429, headers: { 'retry-after': past } })))).toMatchObject({ retryAfterMs: 0 });
  });

  it("reads a 503's Retry-After (Hugging Face down for maintenance), and says how long it asks to wait", async () => {
    const failure = await failureOf(run(respond('', { status: 503, headers: { 'retry-after': '3600' } })));
    expect(failure).toEqual({ kind: 'http', status: 503, retryAfterMs: 3_600_000, reason: 'the daily-papers feed answered HTTP 503; it asks to wait 60 min' });
    // Other server errors' Retry-After is not theirs to give.
    expect(await failureOf(run(respond('', { status: 500, headers: { 'retry-after': '3600' } })))).not.toHaveProperty('retryAfterMs');
  });

  it('gives no Retry-After when the header is absent or unreadable', async () => {
    for (const headers of [[], [['retry-after', 'soon']], [['retry-after', '1.5']]] satisfies [string, string][][]) {
      const failure = await failureOf(run(respond('', { status: 429, headers })));
      expect(failure).toEqual({ kind: 'rate-limited', retryAfterMs: null, reason: 'Hugging Face is rate-limiting requests (HTTP 429)' });
    }
  });

  it('says where a truncated JSON body broke off', async () => {
    const body = fixtureText(NESTED_FIXTURE).slice(0, 500);
    const failure = await failureOf(run(respond(body)));
    const lines = body.split('\n');
    expect(failure).toMatchObject({ kind: 'invalid-json', position: body.length });
    expect(failure.reason).toContain(`at line ${lines.length}, column ${lines.at(-1)!.length + 1}`);
  });

  it('says where a malformed JSON body goes wrong', async () => {
    const failure = await failureOf(run(respond('[{"paper": {"id": "2407.13623",}}]')));
    expect(failure).toMatchObject({ kind: 'invalid-json', position: 31 });
    expect(failure.reason).toMatch(/^the response is not valid JSON at line 1, column 32 near ".*": /);
  });

  it('recognises a web page served instead of JSON, and an empty body', async () => {
    const page = await failureOf(run(respond('\n<!doctype html><title>Sign in</title>', { headers: { 'content-type': 'text/html' } })));
    expect(page).toMatchObject({ kind: 'invalid-json', position: 1 });
    expect(page.reason).toContain('a web page, not JSON');
    expect(await failureOf(run(respond('')))).toEqual({ kind: 'invalid-json', reason: 'the response body is empty', position: 0 });
  });

  it('says which part of a wrong-shaped response does not match', async () => {
    expect(await failureOf(run(respond('{"papers": []}')))).toMatchObject({ kind: 'schema', path: '(root)' });
    const noTitles = await failureOf(run(respond(JSON.stringify([{ paper: { id: '2407.13623' } }]))));
    expect(noTitles).toMatchObject({ kind: 'schema', path: '[0].title' });
    expect(noTitles.reason).toContain('no title');
  });

  it('reports an empty list as empty, naming the day asked for', async () => {
    expect(await failureOf(run(respond('[]')))).toEqual({ kind: 'empty', reason: 'the feed lists no papers today' });
    expect(await failureOf(run(respond('[]'), { date: '2024-07-21' }))).toEqual({
      kind: 'empty',
      reason: 'the feed lists no papers for 2024-07-21',
    });
  });

  it("reports a browser's 'Failed to fetch' as offline", async () => {
    const failure = await failureOf(run(fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch));
    expect(failure.kind).toBe('offline');
    // In words, as arXiv's: the bare "Failed to fetch" says nothing to a reader.
    expect(failure.reason).toBe('no connection to huggingface.co, or the request was blocked');
  });

  it('tells a name that did not resolve from other network errors when the error says so', async () => {
    const chromium = await failureOf(run(fakeFetch(() => Promise.reject(new TypeError('net::ERR_NAME_NOT_RESOLVED'))).fetch));
    expect(chromium.kind).toBe('dns');
    const node = new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') });
    const failure = await failureOf(run(fakeFetch(() => Promise.reject(node)).fetch));
    expect(failure).toEqual({
      kind: 'dns',
      reason: 'huggingface.co could not be found (DNS lookup failed): fetch failed: getaddrinfo ENOTFOUND huggingface.co',
    });
  });

  it('times out a fetch that never answers', async () => {
    const started = Date.now();
    const failure = await failureOf(run(fakeFetch(() => new Promise<Response>(() => {})).fetch, { timeoutMs: 30 }));
    expect(failure).toEqual({ kind: 'timeout', timeoutMs: 30, reason: 'huggingface.co did not answer within 30 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborts the request when it times out', async () => {
    let aborted = false;
    const listening = fakeFetch(
      (signal) =>
        new Promise<Response>((_, reject) => {
          signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('The operation was aborted.', 'AbortError'));
          });
        }),
    ).fetch;
    expect(await failureOf(run(listening, { timeoutMs: 30 }))).toMatchObject({ kind: 'timeout' });
    expect(aborted).toBe(true);
  });

  it('times out a body that stops arriving, and reports one that breaks off', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[{"paper":'));
      },
    });
    expect(await failureOf(run(respondStream(stalled), { timeoutMs: 30 }))).toMatchObject({ kind: 'timeout' });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[{"paper":'));
        controller.error(new TypeError('network error'));
      },
    });
    const failure = await failureOf(run(respondStream(broken)));
    expect(failure).toEqual({ kind: 'offline', reason: 'the connection dropped while the feed was downloading: network error' });
  });

  it("refuses a body larger than any day's list: unread when its size is declared, cut off while it streams", async () => {
    const chunk = new TextEncoder().encode(`[${' '.repeat(1024 * 1024 - 2)},`);
    let pulled = 0;
    let cancelled = false;
    const huge = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          // Some way past the bound in all, so a client that reads it whole ends too.
          if (pulled > MAX_FEED_BYTES + 8 * chunk.byteLength) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
    const declared = fakeFetch(async () => new Response(huge(), { headers: { 'content-length': String(2 * MAX_FEED_BYTES) } })).fetch;
    const refused = await failureOf(run(declared));
    expect(refused).toMatchObject({ kind: 'invalid-json', reason: expect.stringContaining("the feed's answer is too large to read (32 MB") });
    expect(feedFailureHeadline(refused.kind, refused.reason)).toBe('the feed sent an answer too large to read');
    expect(cancelled).toBe(true);

    pulled = 0;
    cancelled = false;
    const cut = await failureOf(run(respondStream(huge()), { timeoutMs: 60_000 }));
    expect(cut).toMatchObject({ kind: 'invalid-json', reason: expect.stringContaining('too large to read') });
    // Reading stopped at the bound and the download was cancelled (the stream's queue may hold a chunk or two more).
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(MAX_FEED_BYTES + 4 * chunk.byteLength);
  });

  it('never throws, even when fetch itself throws', async () => {
    const throwing = (() => {
      throw new Error('fetch is not allowed here');
    }) as unknown as typeof fetch;
    expect(await failureOf(run(throwing))).toMatchObject({ kind: 'offline', reason: expect.stringContaining('fetch is not allowed here') });
  });

  it('keeps reasons short enough to store', async () => {
    const failure = await failureOf(run(fakeFetch(() => Promise.reject(new TypeError('x'.repeat(5000)))).fetch));
    expect(failure.reason.length).toBe(2000);
  });

  it('refuses unusable options without asking the network', async () => {
    const { fetch, calls } = fakeFetch(async () => new Response('[]'));
    for (const options of [{ date: '2024-13-01' }, { date: '2023-02-29' }, { date: '20240719' }, { limit: 0 }, { limit: 2.5 }, { timeoutMs: -1 }]) {
      expect(await failureOf(run(fetch, options))).toMatchObject({ kind: 'bad-options' });
    }
    expect(calls).toHaveLength(0);
  });
});

describe('the popup\'s headline of a failure', () => {
  const headline = async (fetchFeed: typeof fetch) => {
    const failure = await failureOf(run(fetchFeed));
    return feedFailureHeadline(failure.kind, failure.reason);
  };

  it('says what went wrong in a few words; the technical reason stays for Details', async () => {
    expect(await headline(fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch)).toBe('huggingface.co could not be reached');
    expect(await headline(fakeFetch(() => Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED'))).fetch)).toBe('the browser is offline');
    expect(await headline(fakeFetch(() => Promise.reject(new TypeError('net::ERR_NAME_NOT_RESOLVED'))).fetch)).toBe('huggingface.co could not be found');
    expect(await headline(respond('<h1>Oops</h1>', { status: 502, statusText: 'Bad Gateway' }))).toBe('the feed answered HTTP 502');
    expect(await headline(respond('', { status: 429, headers: [['retry-after', '60']] }))).toBe('Hugging Face is rate-limiting requests');
    expect(await headline(respond('[{"paper": {"id": "2407.13623",}}]'))).toBe('the feed sent data that is not valid JSON');
    expect(await headline(respond('<!doctype html><title>Sign in</title>', { headers: { 'content-type': 'text/html' } }))).toBe('the feed sent a web page, not JSON');
    expect(await headline(respond(JSON.stringify([{ paper: { id: '2407.13623' } }])))).toBe('the feed sent papers PaperLens could not read');
  });

  it('tells an empty answer and a list PaperLens could not store from data it could not read', async () => {
    expect(await headline(respond(''))).toBe('the feed sent an empty answer');
    expect(feedFailureHeadline('schema', "the feed's data could not be stored: QuotaExceededError")).toBe('PaperLens could not store the list');
  });

  it('keeps a reason that is already short', async () => {
    expect(await headline(respond('[]'))).toBe('the feed lists no papers today');
  });
});

function respondStream(body: ReadableStream<Uint8Array>): typeof fetch {
  return fakeFetch(async () => new Response(body)).fetch;
}
