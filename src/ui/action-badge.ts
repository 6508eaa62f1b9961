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

const NO_PAPER_IN_TAB = 'no paper to save in this tab (open an arXiv or Hugging Face paper)';
export const LINK_IS_NO_PAPER = 'this link is not a paper (save a link to an arXiv or Hugging Face paper page)';

/**
 * A save found no paper (the shortcut in this tab, or the context menu on a link): the icon says
 * so for a moment ("?", and why as its tooltip), then shows again what it showed (a paper tab's status).
 */
export async function showNoPaperInTab(tabId: number, why = NO_PAPER_IN_TAB): Promise<void> {
  const before = await Promise.all([
    browser.action.getBadgeText({ tabId }),
    browser.action.getBadgeBackgroundColor({ tabId }),
    browser.action.getTitle({ tabId }),
  ]).catch(() => null);
  await browser.action.setBadgeText({ tabId, text: '?' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#5f6368' });
  await browser.action.setTitle({ tabId, title: `PaperLens: ${why}` });
  setTimeout(async () => {
    // Unless the icon shows something newer meanwhile (the tab moved on to a paper, a save).
    if ((await browser.action.getBadgeText({ tabId }).catch(() => '')) !== '?') return;
    const [text, color, title] = before ?? ['', '#5f6368', 'PaperLens'];
    await browser.action.setBadgeText({ tabId, text: text === '?' ? '' : text });
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setTitle({ tabId, title: title.startsWith('PaperLens: ') ? 'PaperLens' : title });
  }, NO_PAPER_NOTICE_MS);
}
