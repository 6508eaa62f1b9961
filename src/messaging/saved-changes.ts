import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isRecord } from '../schema/is-record';

/** Sent by the background to paper tabs after the reading list changed. */
const SAVED_CHANGED = 'paperlens:savedChanged';

/** The tabs our content scripts run in. */
export const PAPER_TABS = ['https://arxiv.org/*', 'https://huggingface.co/*'];

/**
 * Background: tells every arXiv and Hugging Face tab that the reading list changed (from the
 * popup, the reading list, another tab, the shortcut…), so cards and badges show it at once.
 * The message carries nothing: each page asks again about the papers it shows.
 */
export async function announceSavedChanged(): Promise<void> {
  for (const tab of await browser.tabs.query({ url: PAPER_TABS })) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: SAVED_CHANGED }).catch(() => undefined);
  }
}

/** Content scripts: calls `onChange` whenever the reading list changed, until the script is invalidated. */
export function watchSavedChanges(ctx: ContentScriptContext, onChange: () => void): void {
  const listener = (message: unknown) => {
    if (isRecord(message) && message.type === SAVED_CHANGED) onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
