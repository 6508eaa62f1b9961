import { browser } from 'wxt/browser';
import { announceStoreChanged } from './store-changes';

/**
 * In storage.session (kept across worker starts, not browser restarts) from before a change to the
 * reading list until the open pages are told of it: found at a start, the last worker stopped in
 * between, and this one tells them.
 */
const UNTOLD_CHANGE_KEY = 'paperlens:untoldChange';

export interface UntoldChanges {
  /**
   * Makes `change` (which resolves once the open pages are told) marked while it is made: a worker
   * that stops in between leaves the mark to the next, which tells them.
   */
  untilTold: <T>(change: () => Promise<T>) => Promise<T>;
  /** At a worker's start: tells the open pages of a change the last worker made and did not tell. */
  tellUntoldChange: () => Promise<void>;
}

/**
 * The background's marks of changes not yet told. A save from the shortcut or the link menu has no
 * page to ask again; a removal, an import or a bulk edit is not asked again.
 */
export function untoldChanges(): UntoldChanges {
  let untold = 0;
  return {
    async untilTold(change) {
      untold++;
      // The mark is a help, not a condition: a change is made without it.
      await browser.storage.session.set({ [UNTOLD_CHANGE_KEY]: true }).catch(() => undefined);
      try {
        return await change();
      } finally {
        if (--untold === 0) await browser.storage.session.remove(UNTOLD_CHANGE_KEY).catch(() => undefined);
      }
    },
    async tellUntoldChange() {
      if (!(await browser.storage.session.get(UNTOLD_CHANGE_KEY))[UNTOLD_CHANGE_KEY]) return;
      await announceStoreChanged();
      if (untold === 0) await browser.storage.session.remove(UNTOLD_CHANGE_KEY);
    },
  };
}
