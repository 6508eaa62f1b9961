import { browser } from 'wxt/browser';
import { badgedListInTab, paperInTab, type TabPaper, type UnknownPaper } from '../../messaging/tab-paper';
import { isPaperList } from '../../sites/paper-lists';

/** A list of papers PaperLens badges (arXiv listings, Hugging Face paper lists) showing its badges: no one paper to save. */
export interface PaperList {
  paperList: true;
}

/**
 * The paper shown in the active tab of the last focused browser window (arXiv abs, pdf and html
 * pages and Hugging Face paper pages), with what its page says about it; PaperList on a list of
 * papers. Null for any other tab.
 */
export async function activeTabPaper(): Promise<TabPaper | UnknownPaper | PaperList | null> {
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  if (!tab) return null;
  if (isPaperList(tab.url)) return (await badgedListInTab(tab)) ? { paperList: true } : null;
  return paperInTab(tab);
}

/**
 * Shows the reading list: the tab that has it open already (brought to the front), else a new
 * one. runtime.getContexts (Chrome 116+) finds our own pages without the tabs permission; where it
 * is missing (Firefox), a new tab.
 */
export async function showReadingList(): Promise<void> {
  const url = browser.runtime.getURL('/reading-list.html');
  const contexts = typeof browser.runtime.getContexts === 'function' ? await browser.runtime.getContexts({ contextTypes: ['TAB'], documentUrls: [url] }) : [];
  const open = contexts.find((context) => context.tabId >= 0);
  if (!open) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(open.tabId, { active: true });
  await browser.windows.update(open.windowId, { focused: true });
}
