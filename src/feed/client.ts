import { FeedDaySchema, MAX_REASON_LENGTH, type FeedEntry, type FeedFailure } from '../schema/feed';
import { parseDailyPapers } from './parse';
import { readBounded } from './bounded-body';
import { unreachableReason } from './unreachable';
import { errorMessage } from '../messaging/error-message';
import { MAX_FEED_PAPERS } from '../papers/bounds';

/** The Hugging Face daily-papers API: today's list, or a day's with `?date=YYYY-MM-DD`. */
export const DAILY_PAPERS_URL = 'https://huggingface.co/api/daily_papers';
const DEFAULT_FEED_TIMEOUT_MS = 10_000;
/**
 * The most of a response body that is read. A day's recorded list (13 papers) is 70 KB, so the
 * largest list the feed gives (1,000 papers) is some 5 MB: anything past this is not a feed.
 */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;

export interface FetchDailyPapersOptions {
  fetch: typeof fetch;
  /** The day to ask for (`YYYY-MM-DD`); the feed's current list when absent. */
  date?: string;
  /** At most this many papers (a positive integer). */
  limit?: number;
  /** Covers the whole exchange, body included. */
  timeoutMs?: number;
  now: () => number;
}

export interface FeedSuccess {
  ok: true;
  /** The day the list is for (`YYYY-MM-DD`). */
  day: string;
  /** In the feed's order, which is its ranking. */
  entries: FeedEntry[];
  /** Each entry's place in the feed (1 = first), counting items that could not be used (not a paper's repeats). */
  ranks: number[];
  /** Items that could not be used. */
  dropped: number;
  /** The first few reasons items were dropped. */
  problems: string[];
}

export type FeedResult = FeedSuccess | { ok: false; failure: FeedFailure };

type Exchange =
  | { kind: 'response'; response: Response; body: string }
  | { kind: 'no-response'; error: unknown }
  | { kind: 'body-lost'; error: unknown }
  | { kind: 'too-large'; bytes: number };

/** The request URL, or why the options cannot make one. */
function requestUrl(options: FetchDailyPapersOptions): string | FeedFailure {
  const url = new URL(DAILY_PAPERS_URL);
  if (options.date !== undefined) {
    if (!FeedDaySchema.safeParse(options.date).success) {
      return { kind: 'bad-options', reason: `${JSON.stringify(options.date)} is not a day (expected YYYY-MM-DD)` };
    }
    url.searchParams.set('date', options.date);
  }
  if (options.limit !== undefined) {
    if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_FEED_PAPERS) {
      return { kind: 'bad-options', reason: `limit must be a whole number from 1 to ${MAX_FEED_PAPERS}, not ${options.limit}` };
    }
    url.searchParams.set('limit', String(options.limit));
  }
  if (options.timeoutMs !== undefined && !(Number.isInteger(options.timeoutMs) && options.timeoutMs > 0)) {
    return { kind: 'bad-options', reason: `timeoutMs must be a positive whole number of ms, not ${options.timeoutMs}` };
  }
  return url.toString();
}

async function exchange(fetchFeed: typeof fetch, url: string, signal: AbortSignal): Promise<Exchange> {
  let response: Response;
  try {
    // No cookies: the feed is public and the user's Hugging Face session is none of our business.
    response = await fetchFeed(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
  } catch (error) {
    return { kind: 'no-response', error };
  }
  // Refused unread when the server says how large it is; otherwise read up to the bound only.
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_FEED_BYTES) {
    void response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large', bytes: declared };
  }
  try {
    const body = await readBounded(response, MAX_FEED_BYTES);
    return typeof body === 'string' ? { kind: 'response', response, body } : { kind: 'too-large', bytes: body.bytes };
  } catch (error) {
    return { kind: 'body-lost', error };
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch puts the cause (`getaddrinfo ENOTFOUND huggingface.co`) below a bare "fetch failed".
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** A fetch that produced no response. Browsers report most of these as `TypeError: Failed to fetch`. */
function networkFailure(error: unknown): FeedFailure {
  const detail = errorText(error);
  if (/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(detail)) {
    return { kind: 'dns', reason: `huggingface.co could not be found (DNS lookup failed): ${detail}` };
  }
  if (/ERR_INTERNET_DISCONNECTED/i.test(detail)) {
    return { kind: 'offline', reason: `the browser is offline: ${detail}` };
  }
  return { kind: 'offline', reason: unreachableReason('huggingface.co', detail) };
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}

/** Retry-After in ms: delay-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP-dates start with a day name ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone accepts "1.5".
  if (!/^[A-Za-z]{3,9},? /.test(value)) return null;
  // asctime ("Wed Oct 21 07:28:00 2015") names no zone, and Date.parse would read it as local
  // time: HTTP-dates are GMT, so it is rewritten in the form that says so.
  const at = Date.parse(value.replace(/^(\w{3}) (\w{3}) +(\d{1,2}) ([\d:]{8}) (\d{4})$/, '$1, $3 $2 $5 $4 GMT'));
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The `error` message of a JSON error body, if it has one. */
function serverMessage(body: string): string | null {
  try {
    const json: unknown = JSON.parse(body);
    if (typeof json === 'object' && json !== null && 'error' in json && typeof json.error === 'string') {
      return json.error.slice(0, 200);
    }
  } catch {
    // Not JSON: an HTML error page says nothing worth repeating.
  }
  return null;
}

function httpFailure(response: Response, body: string, now: number): FeedFailure {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const message = serverMessage(body);
  const said = message ? ` (${JSON.stringify(message)})` : '';
  if (response.status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const wait = retryAfterMs === null ? '' : `; it asks to wait ${formatDuration(retryAfterMs)}`;
    return { kind: 'rate-limited', reason: `Hugging Face is rate-limiting requests (${status})${said}${wait}`, retryAfterMs };
  }
  const reason = `the daily-papers feed answered ${status}${said}`;
  const retryAfterMs = response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now) : null;
  if (retryAfterMs === null) return { kind: 'http', reason, status: response.status };
  return { kind: 'http', reason: `${reason}; it asks to wait ${formatDuration(retryAfterMs)}`, status: response.status, retryAfterMs };
}

/** `line 3, column 14 near "…"` for a character offset. */
function describePosition(body: string, position: number): string {
  const before = body.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const near = body.slice(Math.max(0, position - 20), position + 20);
  return `line ${line}, column ${column}${near ? ` near ${JSON.stringify(near)}` : ''}`;
}

function parseJson(body: string, contentType: string): { ok: true; json: unknown } | { ok: false; failure: FeedFailure } {
  if (body.trim() === '') {
    return { ok: false, failure: { kind: 'invalid-json', reason: 'the response body is empty', position: 0 } };
  }
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (error) {
    const message = errorMessage(error);
    if (/html/i.test(contentType) || /^\s*</.test(body)) {
      const reason = `the response is a web page, not JSON (a sign-in, captive-portal or error page?): ${message}`;
      return { ok: false, failure: { kind: 'invalid-json', reason, position: body.search(/\S/) } };
    }
    const at = /position (\d+)/.exec(message);
    // V8 reports a truncated body without a position: it ends where the body ends.
    const position = at ? Number(at[1]) : /end of JSON input/i.test(message) ? body.length : null;
    const where = position === null ? '' : ` at ${describePosition(body, position)}`;
    return { ok: false, failure: { kind: 'invalid-json', reason: `the response is not valid JSON${where}: ${message}`, position } };
  }
}

/**
 * The day a list is for: the one asked for, else the latest day its papers were listed on, else
 * today (UTC). A day's list carries papers listed the day before (the recorded feed: 3 of 13): just
 * after midnight those are most of it, and the list must not be taken for, and replace, that day's.
 * A day past tomorrow is no listing's (a date typed wrong): the list kept for it would stay the
 * latest for good, over every real day after it.
 */
function listDay(entries: FeedEntry[], requested: string | undefined, now: number): string {
  if (requested !== undefined) return requested;
  const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
  let latest: string | null = null;
  for (const entry of entries) {
    const day = [entry.submittedAt, entry.publishedAt].map((at) => at?.slice(0, 10)).find((at) => at !== undefined && at <= tomorrow);
    if (day !== undefined && (latest === null || day > latest)) latest = day;
  }
  return latest ?? new Date(now).toISOString().slice(0, 10);
}

/**
 * Fetches and validates the daily-papers list. Never throws: every outcome is a `FeedResult`,
 * failures classified with a reason a person can read.
 */
export async function fetchDailyPapers(options: FetchDailyPapersOptions): Promise<FeedResult> {
  const result = await attempt(options);
  if (result.ok) return result;
  // Reasons quote error messages and server text: keep them storable.
  return { ok: false, failure: { ...result.failure, reason: result.failure.reason.slice(0, MAX_REASON_LENGTH) } };
}

async function attempt(options: FetchDailyPapersOptions): Promise<FeedResult> {
  const url = requestUrl(options);
  if (typeof url !== 'string') return { ok: false, failure: url };
  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced rather than trusted to the signal: a fetch that ignores it must still time out. The timer
  // settles the race before an aborted fetch's rejection can, so an abort always reads as a timeout.
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([exchange(options.fetch, url, controller.signal), timedOut]);
    if (outcome === 'timeout') {
      const reason = `huggingface.co did not answer within ${formatDuration(timeoutMs)}`;
      return { ok: false, failure: { kind: 'timeout', reason, timeoutMs } };
    }
    if (outcome.kind === 'no-response') return { ok: false, failure: networkFailure(outcome.error) };
    if (outcome.kind === 'body-lost') {
      const reason = `the connection dropped while the feed was downloading: ${errorText(outcome.error)}`;
      return { ok: false, failure: { kind: 'offline', reason } };
    }
    if (outcome.kind === 'too-large') {
      const size = `${Math.round(outcome.bytes / (1024 * 1024))} MB`;
      const reason = `the feed's answer is too large to read (${size} or more; a day's list is well under 1 MB)`;
      return { ok: false, failure: { kind: 'invalid-json', reason, position: null } };
    }
    const { response, body } = outcome;
    if (!response.ok) return { ok: false, failure: httpFailure(response, body, options.now()) };
    const json = parseJson(body, response.headers.get('content-type') ?? '');
    if (!json.ok) return json;
    const parsed = parseDailyPapers(json.json);
    if (!parsed.ok) {
      if (parsed.failure.kind === 'empty') {
        const reason = options.date === undefined ? 'the feed lists no papers today' : `the feed lists no papers for ${options.date}`;
        return { ok: false, failure: { kind: 'empty', reason } };
      }
      return parsed;
    }
    return { ...parsed, day: listDay(parsed.entries, options.date, options.now()) };
  } finally {
    clearTimeout(timer);
  }
}
