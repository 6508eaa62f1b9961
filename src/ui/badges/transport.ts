import type { BadgeInfo, LookupQuery, PagePaper, PaperView, ReadingStatus, RemovedItem, SaveInput } from '../../schema';
import type { sendRequest } from '../../messaging/client';
import { keptIfRemoved } from '../../messaging/lost-removal';

/** The requests listing badges make to the background (a seam, so the controller is testable). */
export interface BadgeTransport {
  /** One answer per id, in order; with the entries' titles (one per id) where they are arXiv's current ones. */
  badges: (ids: string[], titles?: string[]) => Promise<(BadgeInfo | null)[]>;
  lookup: (query: LookupQuery) => Promise<Pick<PaperView, 'title' | 'tldr' | 'inStore'> | null>;
  /** Gives the store the titles and abstracts of entries arXiv retitled (BadgeInfo.retitled), in one request. */
  retitle: (queries: LookupQuery[]) => Promise<void>;
  save: (paper: SaveInput) => Promise<ReadingStatus | null>;
  /** Removes the paper from the reading list; answers with its item as it was (for undo). */
  unsave: (id: string) => Promise<RemovedItem | null>;
  /** Undo of unsave: puts the exact item back, unless it was saved again meanwhile; true when it did. */
  restore: (item: RemovedItem) => Promise<boolean>;
  setStatus: (id: string, status: ReadingStatus) => Promise<ReadingStatus | null>;
  /**
   * What the paper's arXiv abstract page says: null when arXiv requests are off or arXiv has no page
   * to read for it; rejects, with why, when arXiv could not be asked or did not answer (asking later may help).
   */
  arxivPage: (id: string) => Promise<PagePaper | null>;
}

// The protocol's limit on ids per `badges` request.
const MAX_IDS_PER_REQUEST = 10_000;

export function messageTransport(send: typeof sendRequest): BadgeTransport {
  return {
    badges: async (ids, titles) => {
      const answers: (BadgeInfo | null)[] = [];
      for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) {
        const end = start + MAX_IDS_PER_REQUEST;
        answers.push(...(await send({ type: 'badges', ids: ids.slice(start, end), ...(titles ? { titles: titles.slice(start, end) } : {}) }, true)));
      }
      return answers;
    },
    lookup: async (query) => (await send({ type: 'lookup', queries: [query] }, true))[0] ?? null,
    retitle: async (queries) => void (await send({ type: 'lookup', queries }, true)),
    save: async (paper) => (await send({ type: 'save', paper }, true)).status,
    unsave: async (id) => (await send({ type: 'removeSaved', ids: [id] }).catch(keptIfRemoved([id], send)))[0] ?? null,
    restore: async (item) => (await send({ type: 'undoRemoval', removals: [{ id: item.id, removedAt: item.removedAt }] })).changed > 0,
    setStatus: async (id, status) => (await send({ type: 'setStatus', id, status }, true)).status,
    arxivPage: (id) => send({ type: 'arxivPage', id }, true),
  };
}
