// The reading-list page's requests answered by the background's own handler over a real store: a
// component test mocks the page's client with this module,
//   vi.mock('../../../src/messaging/client', () => import('./page-store'));
// sets `pageStore.db`, and may route requests otherwise (`through`: hold them, refuse some).
import type { PaperLensDatabase } from '../../../src/db/database';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { ReadingListRequestSchema, type Request } from '../../../src/schema';

export const pageStore: {
  db: PaperLensDatabase | null;
  through: ((request: Request) => Promise<unknown>) | null;
  /** Every request the page sent, in order. */
  sent: Request[];
} = { db: null, through: null, sent: [] };

/** A request as the background's handler answers it, over `pageStore.db`. */
export function sendToStore(request: Request): Promise<unknown> {
  if (!pageStore.db) throw new Error('pageStore.db is not set');
  return handleReadingListRequest(pageStore.db, ReadingListRequestSchema.parse(request), Date.now());
}

/** The page client's `sendRequest`, as mocked. */
export function sendRequest(request: Request): Promise<unknown> {
  pageStore.sent.push(request);
  return (pageStore.through ?? sendToStore)(request);
}

/** Before each test: a store to answer from, requests going straight to it, none sent yet. */
export function answerFrom(db: PaperLensDatabase): void {
  pageStore.db = db;
  pageStore.through = null;
  pageStore.sent.length = 0;
}
