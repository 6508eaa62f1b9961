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
