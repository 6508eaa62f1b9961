import { browser } from 'wxt/browser';
import { ArxivNotBeforeSchema } from '../schema';
import type { KeptTime } from './arxiv-paper';

// Until when arXiv asked to wait, in storage.session: a worker MV3 stopped while idle and started
// again still waits, and a browser closed forgets it.
const ARXIV_NOT_BEFORE_KEY = 'arxivNotBefore';

/** The time arXiv asked PaperLens to wait until, kept across worker restarts (see heedingRetryAfter). */
export function keptArxivWait(): KeptTime {
  return {
    read: async () => {
      const parsed = ArxivNotBeforeSchema.safeParse((await browser.storage.session.get(ARXIV_NOT_BEFORE_KEY))[ARXIV_NOT_BEFORE_KEY]);
      return parsed.success ? parsed.data : null;
    },
    write: (at) => browser.storage.session.set({ [ARXIV_NOT_BEFORE_KEY]: at }),
  };
}
