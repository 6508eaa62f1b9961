import type { Browser } from 'wxt/browser';
import type { PaperLensDatabase } from '../db/database';
import { LINK_IS_NO_PAPER, noPaperLook, saveFailedLook, savedLinkNotice } from '../ui/action-badge';
import type { ToolbarStatus } from '../ui/toolbar-status';
import { errorMessage } from './error-message';
import { saveFromTab } from './save-from-tab';
import { badgedListInTab } from './tab-paper';
import type { UntoldChanges } from './untold-changes';

const SAVE_COMMAND = 'save-paper';
export const SAVE_LINK_MENU = 'save-paper-link';

export interface SaveCommandDeps {
  ready: () => Promise<PaperLensDatabase>;
  untilTold: UntoldChanges['untilTold'];
  /** Asks arXiv for what a paper saved with less than its page says lacks. */
  completeFromArxiv: (ids: string[]) => void;
  toolbar: Pick<ToolbarStatus, 'notify'>;
  /** The tab the shortcut was pressed in, when the browser did not say. */
  activeTab: () => Promise<Browser.tabs.Tab | undefined>;
  now: () => number;
}

/**
 * The saves no page of ours shows: the keyboard shortcut's (the tab's paper) and the link menu's
 * (a paper link on any page). The toolbar icon tells what came of each: "?" for no paper, "+" for a
 * linked paper saved, a red "!" with why for a save that failed.
 */
export function saveCommands({ ready, untilTold, completeFromArxiv, toolbar, activeTab, now }: SaveCommandDeps) {
  const failed = (tabId: number | undefined, what: string, error: unknown) => {
    console.error(`PaperLens could not save ${what}:`, error);
    // Its first line: IndexedDB's errors repeat themselves on the next ("…exceeded.\n QuotaExceededError: …exceeded.").
    if (tabId !== undefined) toolbar.notify(tabId, saveFailedLook(errorMessage(error).split('\n')[0]!.trim()));
  };
  return {
    onCommand(command: string, tab?: Browser.tabs.Tab): void {
      if (command !== SAVE_COMMAND) return;
      let tabId = tab?.id;
      (tab ? Promise.resolve(tab) : activeTab())
        .then(async (target) => {
          if (!target) return;
          tabId = target.id;
          const saved = await untilTold(async () => saveFromTab(await ready(), target, now()));
          if (saved) completeFromArxiv([saved.id]);
          else if (target.id !== undefined) toolbar.notify(target.id, noPaperLook(await badgedListInTab(target)));
        })
        .catch((error: unknown) => failed(tabId, 'this tab', error));
    },
    onLinkMenu(info: { menuItemId: string | number; linkUrl?: string }, tab?: Browser.tabs.Tab): void {
      if (info.menuItemId !== SAVE_LINK_MENU || !info.linkUrl) return;
      const link = info.linkUrl;
      ready()
        .then(async (db) => {
          const saved = await untilTold(() => saveFromTab(db, tab ?? {}, now(), link));
          if (saved) completeFromArxiv([saved.id]);
          // The menu is offered on every Hugging Face papers link, lists and dates too: say when one is no paper.
          if (tab?.id !== undefined) toolbar.notify(tab.id, saved ? savedLinkNotice(saved) : LINK_IS_NO_PAPER);
        })
        .catch((error: unknown) => failed(tab?.id, 'this link', error));
    },
  };
}
