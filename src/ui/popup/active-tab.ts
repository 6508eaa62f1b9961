import { browser } from 'wxt/browser';
import { paperInTab, type TabPaper } from '../../messaging/tab-paper';

/**
 * The paper shown in the active tab of the last focused browser window (arXiv abs, pdf and html
 * pages and Hugging Face paper pages), with what its page says about it. Null for any other tab.
 */
export async function activeTabPaper(): Promise<TabPaper | null> {
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab ? paperInTab(tab) : null;
}
