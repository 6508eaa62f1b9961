import { browser } from 'wxt/browser';

/** A store failure is shown on the toolbar icon (red "!" and the reason as its tooltip). */
export function showStoreError(reason: string): void {
  console.error(reason);
  void browser.action.setBadgeText({ text: '!' });
  void browser.action.setBadgeBackgroundColor({ color: '#c62828' });
  void browser.action.setTitle({ title: reason });
}

export function clearStoreError(): void {
  void browser.action.setBadgeText({ text: '' });
  void browser.action.setTitle({ title: 'PaperLens' });
}

// How long the icon says that the save shortcut found no paper.
const NO_PAPER_NOTICE_MS = 4_000;

/** The save shortcut found no paper in this tab: the icon says so for a moment ("?", and why as its tooltip). */
export function showNoPaperInTab(tabId: number): void {
  void browser.action.setBadgeText({ tabId, text: '?' });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#5f6368' });
  void browser.action.setTitle({ tabId, title: 'PaperLens: no paper to save in this tab (open an arXiv or Hugging Face paper)' });
  setTimeout(async () => {
    // Unless the tab has moved on to a paper meanwhile, whose status the icon now shows.
    if ((await browser.action.getBadgeText({ tabId }).catch(() => '')) !== '?') return;
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: 'PaperLens' });
  }, NO_PAPER_NOTICE_MS);
}
