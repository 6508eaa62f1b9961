import { browser } from 'wxt/browser';
import { arxivIdFromUrl, placeholderTitle } from '../papers/ids';
import { PagePaperSchema, type PagePaper } from '../schema';
import { PAGE_PAPER_REQUEST } from './page-paper';

export interface TabLike {
  id?: number;
  url?: string;
  title?: string;
}

/** The paper a tab shows, and what its page says about it. */
export interface TabPaper {
  id: string;
  url: string;
  title: string;
  /** The page's own details (authors, dates…) when our content script is there and read them. */
  page: PagePaper | null;
}

/**
 * What the tab's page says about its paper: null when our content script there found none (arXiv's
 * "identifier not recognized" page), undefined when the page has no content script of ours (PDFs)
 * or answered something we cannot read.
 */
async function askPage(tabId: number | undefined): Promise<PagePaper | null | undefined> {
  if (tabId === undefined) return undefined;
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, { type: PAGE_PAPER_REQUEST });
  } catch {
    return undefined;
  }
  const parsed = PagePaperSchema.nullable().safeParse(answer ?? null);
  if (parsed.success) return parsed.data;
  console.warn('PaperLens: the page described its paper in a shape it does not know:', parsed.error.issues[0]);
  return undefined;
}

/**
 * A PDF tab is titled by its file name or URL (`2310.01779v3.pdf`, `arxiv.org/pdf/2402.18041`,
 * `9901001v2`): no paper title is a single word like those.
 */
function usableTabTitle(title: string | undefined): string | null {
  const trimmed = title?.trim() ?? '';
  return /\s/.test(trimmed) && !/\.pdf$/i.test(trimmed) && !/^\d{4}\.\d{4,5}/.test(trimmed) ? trimmed : null;
}

/**
 * The paper of a tab's page, or of a link in it (`url`): its title and details from the page when
 * our content script read them; else the tab's title when no content script of ours is there (an
 * arXiv HTML page is titled by its paper); else a placeholder. Null when the URL is not a paper's.
 */
export async function paperInTab(tab: TabLike, url = tab.url): Promise<TabPaper | null> {
  const id = url ? arxivIdFromUrl(url) : null;
  if (!url || !id) return null;
  const answer = url === tab.url ? await askPage(tab.id) : null;
  const page = answer && answer.id === id ? answer : null;
  const title = page?.title || (answer === undefined ? usableTabTitle(tab.title) : null) || placeholderTitle(id);
  return { id, url, title, page };
}
