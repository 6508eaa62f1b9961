import { browser } from 'wxt/browser';
import type { Reply, Request, ResponseMap } from '../schema';

/**
 * Sends one request to the background and returns its result; a refused request throws with
 * the background's reason. Zod-free: content scripts use this.
 */
export async function sendRequest<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<ResponseMap[R['type']]> | undefined;
  if (!reply) throw new Error('PaperLens background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
