import type { PaperLensDatabase } from '../db/database';
import { savePaper, saveInputFromPage } from '../db/papers';
import { arxivPdfUrl, savedFromUrl } from '../papers/ids';
import type { PaperView } from '../schema';
import { pageDetails } from '../papers/page-details';
import { announceStoreChanged } from './store-changes';
import { paperInTab, type TabLike } from './tab-paper';

/**
 * Saves the paper a tab shows, or a link in it (keyboard shortcut, context menu): with everything
 * its page knows when our content script is there (paperInTab), and tells the open paper pages.
 * Null when it is not a paper.
 */
export async function saveFromTab(db: PaperLensDatabase, tab: TabLike, now: number, link?: string): Promise<PaperView | null> {
  const paper = await paperInTab(tab, link);
  if (!paper || 'unknownId' in paper) return null;
  const { id, page } = paper;
  const saved = await savePaper(
    db,
    {
      id,
      // A title read off the tab is a guess (a stale tab, a PDF's metadata).
      title: paper.title,
      titleIsGuess: paper.titleFromTab,
      ...(page ? pageDetails(page) : {}),
      // The TL;DR the page's card shows, of a paper the store does not summarize.
      ...(page?.abstract ? { tldr: saveInputFromPage(id, page).tldr } : {}),
      sourceUrl: savedFromUrl(paper.url),
      pdfUrl: page?.pdfUrl ?? arxivPdfUrl(id),
    },
    now,
  );
  // Awaited: the caller knows the open pages were told (background.ts marks the time between).
  await announceStoreChanged().catch(() => undefined);
  return saved;
}
