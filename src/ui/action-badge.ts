import { browser } from 'wxt/browser';
import type { PaperView } from '../schema';
import { STATUS_LABELS } from './status';
import type { ToolbarLook } from '../schema';

/** How a store failure looks on the toolbar icon: a red "!" and the reason as its tooltip. */
export function storeErrorLook(reason: string): ToolbarLook {
  return { text: '!', color: '#c62828', title: reason };
}

/** A store failure is shown on the toolbar icon (tabs with a look of their own show it through ToolbarStatus.alert). */
export function showStoreError(reason: string): void {
  console.error(reason);
  const look = storeErrorLook(reason);
  void browser.action.setBadgeText({ text: look.text });
  void browser.action.setBadgeBackgroundColor({ color: look.color });
  void browser.action.setTitle({ title: look.title });
}

export function clearStoreError(): void {
  void browser.action.setBadgeText({ text: '' });
  void browser.action.setTitle({ title: 'PaperLens' });
}

const NOTICE_GREY = '#5f6368';

/** The save shortcut found no paper in the tab. */
export const NO_PAPER_IN_TAB: ToolbarLook = {
  text: '?',
  color: NOTICE_GREY,
  title: 'PaperLens: no paper to save in this tab (open an arXiv or Hugging Face paper)',
};

// What to do on a list of papers, where neither the shortcut nor the popup has one paper to save.
const ON_A_LIST = 'save one with the Save button beside it, or open its page';

/** The popup's This tab on a list of papers with badges (badgedListInTab). */
export const PAPER_LIST_HINT = `A list of papers: ${ON_A_LIST}.`;

/** The save shortcut found no paper in the tab: on a list of papers with badges, what to do there instead. */
export function noPaperLook(onBadgedList: boolean): ToolbarLook {
  return onBadgedList ? { ...NO_PAPER_IN_TAB, title: `PaperLens: a list of papers in this tab (${ON_A_LIST})` } : NO_PAPER_IN_TAB;
}

/** The context menu's Save was used on a link that is no paper (a list, a date). */
export const LINK_IS_NO_PAPER: ToolbarLook = {
  text: '?',
  color: NOTICE_GREY,
  title: 'PaperLens: this link is not a paper (save a link to an arXiv or Hugging Face paper page)',
};

/** The shortcut's or the link menu's save failed (the store could not write it): red, with why. */
export function saveFailedLook(reason: string): ToolbarLook {
  return { text: '!', color: '#c62828', title: `PaperLens: not saved (${reason})` };
}

/** A linked paper was saved: the page may show no trace of it, so the icon says so. */
export function savedLinkNotice(paper: Pick<PaperView, 'title' | 'status'>): ToolbarLook {
  const status = paper.status ? ` (${STATUS_LABELS[paper.status]})` : '';
  return { text: '+', color: '#1e7e34', title: `PaperLens: “${paper.title}” is in your reading list${status}` };
}
