import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isMessageOfType } from './message-type';

/** Sent by the background to paper tabs after what cards and badges show changed. */
const STORE_CHANGED = 'paperlens:storeChanged';

/** The tabs our content scripts run in. */
export const PAPER_TABS = ['https://arxiv.org/*', 'https://huggingface.co/*'];

/**
 * Background: tells every arXiv and Hugging Face tab that what cards and badges show changed: the
 * reading list (from the popup, the reading list, another tab, the shortcut…) or today's trending
 * list (a feed refresh). The message carries nothing: each page asks again about its papers.
 * `onlySeen`: only seen marks changed, which listings show and cards do not.
 */
export async function announceStoreChanged(onlySeen = false): Promise<void> {
  for (const tab of await browser.tabs.query({ url: PAPER_TABS })) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: STORE_CHANGED, onlySeen }).catch(() => undefined);
  }
}

/** Whether a message announces a change (announceStoreChanged); seen marks only with `seen` (listings show them, cards do not). */
export function isStoreChange(message: unknown, seen?: boolean): boolean {
  return isMessageOfType(message, STORE_CHANGED) && (seen || message.onlySeen !== true);
}

/**
 * Content scripts: calls `onChange` whenever the store changed (announceStoreChanged), and with
 * `restored` when the page comes back from the back/forward cache (announcements made meanwhile
 * never arrived), until the script is invalidated.
 */
export function watchStoreChanges(ctx: ContentScriptContext, onChange: (restored?: true) => void, options: { seen?: boolean } = {}): void {
  const listener = (message: unknown) => {
    if (isStoreChange(message, options.seen)) onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) onChange(true);
  });
}
