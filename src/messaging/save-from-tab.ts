import { browser } from 'wxt/browser';
import { placeholderTitle } from '../export';
import type { PaperLensDatabase } from '../db/database';
import { savePaper } from '../db/papers';
import { arxivIdFromUrl, arxivPdfUrl } from '../papers/ids';
import type { PaperView } from '../schema';
import type { PagePaper } from '../sites/types';
import { PAGE_PAPER_REQUEST } from './page-paper';

interface TabLike {
  id?: number;
  url?: string;
  title?: string;
}

/** What the tab's page says about its paper; null for pages without our content script (PDFs). */
async function askPage(tabId: number | undefined): Promise<PagePaper | null> {
  if (tabId === undefined) return null;
  try {
    return ((await browser.tabs.sendMessage(tabId, { type: PAGE_PAPER_REQUEST })) as PagePaper | null) ?? null;
  } catch {
    return null;
  }
}

/** A PDF tab is titled by its file name (`2310.01779v3.pdf`): that is no paper title. */
function usableTabTitle(title: string | undefined): string | null {
  const trimmed = title?.trim() ?? '';
  return trimmed && !/\.pdf$/i.test(trimmed) && !/^\d{4}\.\d{4,5}/.test(trimmed) ? trimmed : null;
}

/**
 * Saves the paper a tab shows (keyboard shortcut, context menu): with everything its page knows
 * when our content script is there, else from the URL (and the store's record when it has one).
 * Null when the tab or link is not a paper.
 */
export async function saveFromTab(db: PaperLensDatabase, tab: TabLike, now: number, url = tab.url): Promise<PaperView | null> {
  const id = url ? arxivIdFromUrl(url) : null;
  if (!id) return null;
  const page = url === tab.url ? await askPage(tab.id) : null;
  const fromPage = page && page.id === id ? page : null;
  return savePaper(
    db,
    {
      id,
      title: fromPage?.title || (url === tab.url ? usableTabTitle(tab.title) : null) || placeholderTitle(id),
      authors: fromPage?.authors ?? [],
      sourceUrl: url ?? null,
      published: fromPage?.published ?? null,
      primaryCategory: fromPage?.primaryCategory ?? null,
      doi: fromPage?.doi ?? null,
      journalRef: fromPage?.journalRef ?? null,
      pdfUrl: fromPage?.pdfUrl ?? arxivPdfUrl(id),
    },
    now,
  );
}
