import { browser } from 'wxt/browser';
import { arxivIdFromAddress, arxivIdFromUrl, placeholderTitle } from '../papers/ids';
import { BadgedListAnswerSchema, PageAnswerSchema, type PageAnswer, type PagePaper } from '../schema';
import { BADGED_LIST_REQUEST, PAGE_PAPER_REQUEST } from './page-paper';
import { isPaperList } from '../sites/paper-lists';
import { withoutPdfTabSuffix } from '../sites/arxiv-pdf';

export interface TabLike {
  id?: number;
  url?: string;
  title?: string;
  incognito?: boolean;
}

/** The paper a tab shows, and what its page says about it. */
export interface TabPaper {
  id: string;
  url: string;
  title: string;
  /** The title is only the tab's (no page of ours said it): the store's title is better when it has one. */
  titleFromTab: boolean;
  /** The page's own details (authors, dates…) when our content script is there and read them. */
  page: PagePaper | null;
}

/** A paper address arXiv does not know (its "identifier not recognized" page): nothing to save. */
export interface UnknownPaper {
  unknownId: string;
}

/**
 * What the tab's page says about its paper (PageAnswer); undefined when no content script of ours
 * answers (PDFs) or one answered something we cannot read.
 */
async function askPage(tabId: number | undefined, id: string): Promise<PageAnswer | undefined> {
  if (tabId === undefined) return undefined;
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, { type: PAGE_PAPER_REQUEST, id });
  } catch {
    return undefined;
  }
  // Scripts of ours are there but none answered (a PDF tab's, which only names the tab): as if none were.
  if (answer === undefined) return undefined;
  const parsed = PageAnswerSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  console.warn('PaperLens: the page described its paper in a shape it does not know:', parsed.error.issues[0]);
  return undefined;
}

/**
 * Whether a tab shows a list of papers with badges to save from (by its address, then its page's
 * word: a listing switched off in the options, empty or not recognised shows none). A page no script
 * of ours answers for is taken at its address.
 */
export async function badgedListInTab(tab: TabLike): Promise<boolean> {
  if (!isPaperList(tab.url)) return false;
  if (tab.id === undefined) return true;
  const answer = BadgedListAnswerSchema.safeParse(await browser.tabs.sendMessage(tab.id, { type: BADGED_LIST_REQUEST }).catch(() => undefined));
  return answer.success ? answer.data : true;
}

/**
 * The paper's title in a tab's title: without the site's prefixes (`[2310.01779] …` on arXiv,
 * `Paper page - …` on Hugging Face, ` | arXiv <id>` after the title PaperLens gave a PDF tab). A PDF tab is titled by its file name or URL
 * (`2310.01779v3.pdf`, `arxiv.org/pdf/2402.18041`, `9901001v2`): no paper title is one word like those.
 */
function usableTabTitle(title: string | undefined): string | null {
  const trimmed = withoutPdfTabSuffix((title ?? '').trim()).replace(/^\[[^\]]{1,40}\]\s*/, '').replace(/^Paper page\s*-\s*/i, '');
  return /\s/.test(trimmed) && !/\.pdf$/i.test(trimmed) && !/^\d{4}\.\d{4,5}/.test(trimmed) ? trimmed : null;
}

// The title of arXiv's page for an id it does not know ("arXiv article identifier not recognized",
// as its heading says "Article identifier '2412.99999' not recognized").
const ARXIV_NOT_FOUND_TITLE = /^(?:arxiv\s+)?article identifier\b.*\bnot recognized$/i;

/**
 * The paper of a tab's page, or of a link in it (`link`): its title and details from the page when
 * our content script read them (the paper page itself, or the listing entry the link belongs to);
 * else the tab's title when no content script of ours is there (an arXiv HTML page is titled by
 * its paper); else a placeholder. Null when the URL is not a paper's; UnknownPaper when arXiv says
 * there is no such paper.
 */
export async function paperInTab(tab: TabLike, link?: string): Promise<TabPaper | UnknownPaper | null> {
  const url = link ?? tab.url;
  // A link may point at a reader or mirror of the paper (alphaXiv, ar5iv, its DOI), even the page
  // the tab shows; the tab itself is read as PaperLens reads its sites.
  const id = !url ? null : link === undefined ? arxivIdFromUrl(url) : arxivIdFromAddress(url);
  if (!url || !id) return null;
  // Only a paper page of PaperLens's sites is titled by its paper (not a reader's: "… | alphaXiv").
  const ownPaperPage = url === tab.url && arxivIdFromUrl(url) !== null;
  const answer = await askPage(tab.id, id);
  // The server said there is no such paper ("identifier not recognized"): nothing to save. Its
  // page says so in its title too, where no script of ours answers (the extension was reloaded).
  if (answer && 'notFound' in answer) return { unknownId: id };
  if (answer === undefined && ownPaperPage && ARXIV_NOT_FOUND_TITLE.test((tab.title ?? '').trim())) return { unknownId: id };
  const page = answer && answer.id === id ? answer : null;
  // The tab's own title names only the tab's own paper, and only where no page of ours answered.
  const tabTitle = !page?.title && ownPaperPage && answer === undefined ? usableTabTitle(tab.title) : null;
  return { id, url, title: page?.title || tabTitle || placeholderTitle(id), titleFromTab: tabTitle !== null, page };
}
