import { browser } from 'wxt/browser';
import type { Reply, Request, RequestType, ResponseMap } from '../schema';
import { RetryLaterError } from './error-message';

/**
 * Requests that, made twice, leave the store as once and answer the same. Not removals, restores,
 * imports or bulk edits: a second one answers otherwise (what Undo puts back, what changed).
 */
type Repeatable = 'lookup' | 'badges' | 'related' | 'save' | 'completeSaved' | 'setStatus' | 'listSaved' | 'keptRemoved' | 'citation' | 'health' | 'arxivPage' | 'paperTitle' | 'setTags' | 'setNotes';

/** No answer came from the background (PaperLens updated or reloaded under the page): nothing anyone else did wrong. */
export class NoAnswerError extends Error {
  constructor() {
    super('PaperLens did not answer: reload the page');
  }
}

/** Reads a reply's result as its request's answer (see checkRepliesWith); throws, saying what is wrong, when it is not one. */
export type ReplyReader = (type: RequestType, result: unknown) => unknown;

let readReply: ReplyReader | null = null;

/**
 * Has every reply's result read by `reader` before it is used: the extension's own pages, which can
 * afford Zod, check replies against the response schemas. Content scripts keep Zod out (a third of
 * their size) and take the results as the background's handler makes them, whose shapes the
 * reply-shapes unit test checks against the same schemas.
 */
export function checkRepliesWith(reader: ReplyReader): void {
  readReply = reader;
}

/**
 * Sends one request to the background and returns its result; a refused request throws with
 * the background's reason. `again` (for a repeatable request): asked once more when no answer
 * came (the worker stopped mid-request: DevTools' Stop, a crash, Chrome's 5-minute limit), which
 * a new worker answers, telling the other open pages of a change too. Zod-free: content scripts use this.
 * A result the reader set by checkRepliesWith refuses throws.
 */
export async function sendRequest<R extends Request>(request: R, again?: R['type'] extends Repeatable ? true : never): Promise<ResponseMap[R['type']]> {
  // Chrome's own words ("the message channel closed before a response was received") say nothing a reader can act on.
  const reply = (await browser.runtime.sendMessage(request).catch(() => undefined)) as Reply<ResponseMap[R['type']]> | undefined;
  if (!reply) {
    if (again) return sendRequest(request);
    throw new NoAnswerError();
  }
  if (!reply.ok) throw typeof reply.retryAfterMs === 'number' && Number.isFinite(reply.retryAfterMs) && reply.retryAfterMs > 0 ? new RetryLaterError(reply.error, reply.retryAfterMs) : new Error(reply.error);
  return readReply ? (readReply(request.type, reply.result) as ResponseMap[R['type']]) : reply.result;
}
