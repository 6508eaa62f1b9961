import type { PaperLensDatabase } from '../../../src/db/database';
import { createArxivFiller } from '../../../src/feed/arxiv-fill';
import type { PagePaper } from '../../../src/schema';

/** The completion queue run on `id`, arXiv answering with `page` (at once: no wait between requests). */
export async function fillFromPage(db: PaperLensDatabase, id: string, page: PagePaper, now: number): Promise<void> {
  const filler = createArxivFiller({
    ready: async () => db,
    fetchPaper: async () => ({ ok: true, paper: page }),
    enabled: async () => true,
    wait: async () => undefined,
    now: () => now,
    version: '1',
    onFilled: () => undefined,
    scheduleRetry: () => undefined,
  });
  await filler.fill([id]);
}
