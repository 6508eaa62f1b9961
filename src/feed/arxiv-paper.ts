import { PagePaperSchema, type PagePaper } from '../schema';
import { unreachableReason } from './unreachable';
import { boundPaper } from '../sites/page-text';
import { categoryOfSubject, citationName, withdrawalIn } from '../sites/arxiv-abs';
import { errorMessage, RetryLaterError } from '../messaging/error-message';
import { decodeCharacterReferences } from '../papers/html-text';
import { formatDuration, parseRetryAfter } from './client';
import { readBounded } from './bounded-body';
import { MAX_RETRY_AFTER_MS } from './backoff';

/**
 * A paper's arXiv abstract page, fetched by the background to complete a paper saved without a
 * page of ours (a PDF tab, a bare link, an id import). The worker has no DOM parser, so this reads
 * the page's `citation_*` meta tags, the interface arXiv keeps for indexers, as text.
 */

const ARXIV_ABS_PAGE = 'https://arxiv.org/abs/';
const DEFAULT_ARXIV_TIMEOUT_MS = 10_000;
// An abstract page is 30-60 KB; anything far larger is not one.
const MAX_PAGE_CHARS = 2_000_000;

export type ArxivPaperResult =
  | { ok: true; paper: PagePaper }
  /**
   * `missing`: arXiv says there is no such paper; `unreadable`: a page we cannot read as one (asking
   * again will not help); `failed`: no answer (offline, a timeout, arXiv busy or down): try later.
   */
  | { ok: false; kind: 'missing' | 'unreadable'; reason: string }
  /**
   * `retryAfterMs`: how long arXiv asked us to wait (a 429 or 503 with Retry-After). `unsent`: no
   * request went, that wait not being over (heedingRetryAfter).
   */
  | { ok: false; kind: 'failed'; reason: string; retryAfterMs?: number; unsent?: true };

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? decodeCharacterReferences(match[1] ?? match[2] ?? '') : null;
}

/**
 * Every `<name …>` opening tag, up to its first ">", in page order. Scanned by hand: a regex
 * (`<meta\b[^>]*>`) retries from every "<meta" of a page with no ">" after them, quadratic time
 * on a 2 MB page, during which the worker answers nothing.
 */
function* tags(html: string, name: string): Generator<{ tag: string; start: number }> {
  const open = new RegExp(`<${name}\\b`, 'gi');
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const end = html.indexOf('>', match.index);
    // No ">" after this tag: none after any later one either.
    if (end < 0) return;
    yield { tag: html.slice(match.index, end + 1), start: match.index };
    open.lastIndex = end + 1;
  }
}

/**
 * The content of the first `<name class="… className …">…</name>` element (to its first closing
 * tag), and where the element starts and ends, or null.
 */
function elementContent(html: string, name: string, className: string): { content: string; start: number; end: number } | null {
  // The class itself, not one that only ends like it ("list-comments").
  const classList = new RegExp(`class\\s*=\\s*"(?:[^"]*\\s)?${className}(?:\\s[^"]*)?"`, 'i');
  const close = new RegExp(`</${name}>`, 'gi');
  for (const { tag, start } of tags(html, name)) {
    if (!classList.test(tag)) continue;
    const from = start + tag.length;
    close.lastIndex = from;
    const closing = close.exec(html);
    // No closing tag after this one: none after any later one either.
    if (!closing) return null;
    return { content: html.slice(from, closing.index), start, end: closing.index + closing[0].length };
  }
  return null;
}

/** `citation_*` meta contents by name, in page order. */
function citationMeta(html: string): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const { tag } of tags(html, 'meta')) {
    const name = attribute(tag, 'name');
    const content = attribute(tag, 'content');
    if (!name?.startsWith('citation_') || content === null) continue;
    meta.set(name, [...(meta.get(name) ?? []), content]);
  }
  return meta;
}

/** The text of the first element whose class list holds `className` and holds no markup. */
function plainElementText(html: string, className: string): string | null {
  const match = new RegExp(`class\\s*=\\s*"(?:[^"]*\\s)?${className}(?:\\s[^"]*)?"[^>]*>([^<]*)<`, 'i').exec(html);
  return match ? decodeCharacterReferences(match[1]!) : null;
}

/** A fragment of markup as text: its tags are spaces, its character references decoded. */
function markupText(fragment: string): string {
  // Tags only up to the last ">": a "<" with no ">" after it is text (and a regex would rescan to the end from each).
  const lastTagEnd = fragment.lastIndexOf('>') + 1;
  return decodeCharacterReferences(fragment.slice(0, lastTagEnd).replace(/<[^>]*>/g, ' ') + fragment.slice(lastTagEnd));
}

/** The abstract as the page shows it (for a page without `citation_abstract`): its text, without the "Abstract:" label. */
function abstractBlockText(html: string): string | null {
  const block = elementContent(html, 'blockquote', 'abstract')?.content;
  if (block === undefined) return null;
  const label = elementContent(block, 'span', 'descriptor');
  return markupText(label ? block.slice(0, label.start) + block.slice(label.end) : block);
}

/** The comments' markup (arXiv's cell, or a block that opens with its label); '' when the page has none. */
function commentsMarkup(html: string): string {
  return (elementContent(html, 'td', 'comments') ?? elementContent(html, 'div', 'comments'))?.content ?? '';
}

/** The comments as the page shows them, as text. */
function commentsText(html: string): string {
  return markupText(commentsMarkup(html)).replace(/\s+/g, ' ').trim();
}

/** Where a fragment's links go. */
function hrefs(fragment: string): (string | null)[] {
  return Array.from(tags(fragment, 'a'), ({ tag }) => attribute(tag, 'href'));
}

/**
 * The paper an arXiv abstract page describes, or null when the text is not such a page or names
 * another paper (a redirect elsewhere).
 */
export function readArxivAbsPage(html: string, id: string): PagePaper | null {
  const meta = citationMeta(html);
  const first = (name: string): string | null => meta.get(name)?.[0] ?? null;
  // Every abstract page names its paper; a page that does not, or names another, is not this paper's.
  const pageId = first('citation_arxiv_id');
  if (pageId === null || pageId.replace(/v\d+$/, '') !== id) return null;
  const paper = boundPaper({
    id,
    title: first('citation_title') ?? '',
    abstract: first('citation_abstract') ?? abstractBlockText(html) ?? '',
    authors: (meta.get('citation_author') ?? []).map(citationName),
    published: first('citation_date'),
    primaryCategory: categoryOfSubject(plainElementText(html, 'primary-subject') ?? ''),
    doi: first('citation_doi'),
    journalRef: plainElementText(html, 'jref'),
    pdfUrl: first('citation_pdf_url') ?? `https://arxiv.org/pdf/${id}`,
    // As the card reads them (arxiv-abs.ts): the comments often say where the code is.
    codeLinks: [...hrefs(elementContent(html, 'blockquote', 'abstract')?.content ?? ''), ...hrefs(commentsMarkup(html))],
    withdrawal: withdrawalIn(commentsText(html)),
  });
  const valid = PagePaperSchema.safeParse(paper);
  return valid.success && paper.title && paper.abstract ? valid.data : null;
}

/**
 * Remembers the last `size` pages read, so that the popup opened again on the same PDF tab, its
 * Copy BibTeX and the completion of the paper once saved make one request. Only pages are kept:
 * a failure is tried again next time.
 */
export function cachedArxivPages(load: (id: string) => Promise<ArxivPaperResult>, size = 50): (id: string) => Promise<ArxivPaperResult> {
  const pages = new Map<string, ArxivPaperResult>();
  // Asked for again before the first answer (the popup, then its Copy BibTeX): the same request.
  const asking = new Map<string, Promise<ArxivPaperResult>>();
  const read = async (id: string): Promise<ArxivPaperResult> => {
    const page = await load(id);
    if (page.ok) {
      pages.set(id, page);
      if (pages.size > size) pages.delete(pages.keys().next().value!);
    }
    return page;
  };
  return async (id) => {
    const kept = pages.get(id) ?? asking.get(id);
    if (kept) return kept;
    const page = read(id).finally(() => asking.delete(id));
    asking.set(id, page);
    return page;
  };
}

// Between any two requests for arXiv pages (tab titles, the popup, the queue).
export const ARXIV_PAGE_GAP_MS = 1_000;

/**
 * Requests started in the order asked, at least `gapMs` apart: PDF tabs restored together, each
 * asking for its title, do not send arXiv a burst. (The completion queue spaces its own further.)
 */
export function spacedRequests<T>(load: (id: string) => Promise<T>, gapMs: number, now: () => number = Date.now, wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): (id: string) => Promise<T> {
  let nextStart = -Infinity;
  return async (id) => {
    const start = Math.max(now(), nextStart);
    nextStart = start + gapMs;
    const delay = start - now();
    if (delay > 0) await wait(delay);
    return load(id);
  };
}

/** Where the time arXiv asked to wait until outlives the worker (which MV3 stops when idle). */
export interface KeptTime {
  read: () => Promise<number | null>;
  write: (at: number) => Promise<void>;
}

/**
 * After arXiv asked to wait (a 429 or 503 with Retry-After), no request goes to it until then, from
 * tab titles, the popup or the queue alike: each is answered `failed` at once, with the wait left
 * (said as PaperLens's wait, not as arXiv's answer about the paper, which it may not have been asked about).
 * With `kept`, a worker started again still waits (the time is read once, at its first request).
 * `queue` (spacedRequests) holds requests back between the two looks at the wait: one asked after the
 * 429 is answered at once, not after its place in the queue; one queued before it sends nothing.
 */
export function heedingRetryAfter(
  load: (id: string) => Promise<ArxivPaperResult>,
  now: () => number = Date.now,
  kept?: KeptTime,
  queue: (send: (id: string) => Promise<ArxivPaperResult>) => (id: string) => Promise<ArxivPaperResult> = (send) => send,
): (id: string) => Promise<ArxivPaperResult> {
  let notBefore = -Infinity;
  let restored: Promise<void> | null = null;
  const waitLeft = async (): Promise<ArxivPaperResult | null> => {
    await (restored ??= (kept?.read() ?? Promise.resolve(null)).then(
      (at) => void (notBefore = Math.max(notBefore, at ?? -Infinity)),
      () => undefined,
    ));
    const left = notBefore - now();
    return left > 0 ? { ok: false, kind: 'failed', reason: `arXiv asked PaperLens to wait ${formatDuration(Math.ceil(left / 1000) * 1000)} more before asking it again`, retryAfterMs: left, unsent: true } : null;
  };
  const send = queue(async (id) => {
    const waiting = await waitLeft();
    if (waiting) return waiting;
    const result = await load(id);
    if (!result.ok && result.kind === 'failed' && result.retryAfterMs !== undefined) {
      notBefore = Math.max(notBefore, now() + result.retryAfterMs);
      // Kept as best it can be: a write that fails leaves the wait to this worker alone.
      await kept?.write(notBefore).catch(() => undefined);
    }
    return result;
  });
  return async (id) => (await waitLeft()) ?? send(id);
}

/** Fetches and reads a paper's abstract page. Never throws. */
export async function fetchArxivPaper(id: string, fetchPage: typeof fetch, timeoutMs = DEFAULT_ARXIV_TIMEOUT_MS): Promise<ArxivPaperResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // No cookies: the page is public and the user's arXiv session is none of our business.
    const response = await fetchPage(`${ARXIV_ABS_PAGE}${id}`, { signal: controller.signal, credentials: 'omit' });
    if (response.status === 404 || response.status === 410) return { ok: false, kind: 'missing', reason: `arXiv has no paper ${id} (HTTP ${response.status})` };
    if (!response.ok) {
      const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : null;
      const reason = `arXiv answered HTTP ${response.status} for ${id}`;
      if (retryAfterMs === null) return { ok: false, kind: 'failed', reason };
      const wait = Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
      // How long arXiv asks to wait, as the feed's failures say (the next question is told what is left).
      return { ok: false, kind: 'failed', reason: `${reason}; it asks to wait ${formatDuration(wait)}`, retryAfterMs: wait };
    }
    // Said to be too large: not read at all; sent without a length, read only so far (UTF-8 takes
    // at most 3 bytes for a UTF-16 unit).
    const tooLarge = { ok: false, kind: 'unreadable', reason: `arXiv's page for ${id} is too large to be an abstract page` } as const;
    if (Number(response.headers.get('content-length')) > 3 * MAX_PAGE_CHARS) return tooLarge;
    const html = await readBounded(response, 3 * MAX_PAGE_CHARS);
    if (typeof html !== 'string' || html.length > MAX_PAGE_CHARS) return tooLarge;
    const paper = readArxivAbsPage(html, id);
    return paper ? { ok: true, paper } : { ok: false, kind: 'unreadable', reason: `arXiv's page for ${id} is not an abstract page we can read` };
  } catch (error) {
    const reason = controller.signal.aborted ? `arXiv did not answer within ${timeoutMs / 1000} s` : unreachableReason('arXiv', errorMessage(error));
    return { ok: false, kind: 'failed', reason };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The arXiv page of a paper as the handler asks for it (HandlerDeps.arxivPage): null when the reader
 * switched such requests off or there is no such page; arXiv not answering (offline, 503, 429)
 * rejects, with why and how long it asked to wait, so a badge tells the reader and asks again.
 * `onRead`: a page was read (the PDF tabs of the paper can take its title).
 */
export function arxivPageAsker(deps: { enabled: () => Promise<boolean>; pages: (id: string) => Promise<ArxivPaperResult>; onRead: (id: string) => void }): (id: string) => Promise<PagePaper | null> {
  return async (id) => {
    if (!(await deps.enabled())) return null;
    const page = await deps.pages(id);
    if (page.ok) {
      deps.onRead(id);
      return page.paper;
    }
    if (page.kind === 'failed') throw page.retryAfterMs === undefined ? new Error(page.reason) : new RetryLaterError(page.reason, page.retryAfterMs);
    return null;
  };
}
