import type { RemovedItem } from '../schema';
import { sendRequest } from './client';

/**
 * For a removal that failed: it may have been made and its answer lost (the worker stopped before
 * it answered). The papers no longer listed are then answered as the store kept them, with their
 * removal's time, so that its Undo can still put them back; else the failure stands.
 */
export function keptIfRemoved(ids: string[], send: typeof sendRequest = sendRequest): (failure: unknown) => Promise<RemovedItem[]> {
  return async (failure) => {
    const kept = await send({ type: 'keptRemoved', ids }, true).catch(() => null);
    if (!kept?.length) throw failure;
    return kept;
  };
}
