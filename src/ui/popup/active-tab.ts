import { browser } from 'wxt/browser';
import { arxivIdFromUrl } from '../../papers/ids';

export interface TabPaper {
  id: string;
  /** The tab's title, used as the paper's title when the store does not know it. */
  tabTitle: string;
  url: string;
}

/**
 * The paper shown in the active tab of the last focused browser window: arXiv abs, pdf and html
 * pages and Hugging Face paper pages. Null for any other tab.
 */
export async function activeTabPaper(): Promise<TabPaper | null> {
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  if (!tab?.url) return null;
  const id = arxivIdFromUrl(tab.url);
  return id ? { id, tabTitle: tab.title ?? '', url: tab.url } : null;
}
