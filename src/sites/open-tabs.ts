/**
 * Chrome runs a manifest's content scripts only in pages loaded after an install or update: a
 * reader's arXiv and Hugging Face tabs open at that moment showed no card (or lost theirs to the
 * update) until reloaded. These are run in them once, in the manifest's order, document_start
 * scripts first (each page kind's start script prepares what its card script reads).
 *
 * Not in a tab whose page loaded after the install and so runs the manifest's scripts already: run
 * again, they replaced the first cards and badges a moment after they came, and a click on one in
 * between was lost. Each page kind's main script registers its context under RUNNING_SCRIPTS_KEY
 * in the extension's isolated world, where the probe (runsLiveScripts) looks.
 */

/** The key, on the isolated world's global object, of the running scripts' contexts. */
export const RUNNING_SCRIPTS_KEY = 'paperlens:runningScripts';

/** What a probe reads of a content script's context: false once its extension was updated, reloaded or removed. */
interface LiveContext {
  readonly isValid: boolean;
}

/** Called first by each page kind's main content script. */
export function markScriptRunning(ctx: LiveContext): void {
  const global = globalThis as unknown as Record<string, LiveContext[] | undefined>;
  (global[RUNNING_SCRIPTS_KEY] ??= []).push(ctx);
}

/**
 * Run in a tab's isolated world (so self-contained: it is serialized): whether a script of this
 * extension's runs there. It answers after the page's document_end scripts, which a page still
 * loading has not run yet.
 */
export async function runsLiveScripts(key: string): Promise<boolean> {
  if (document.readyState === 'loading') await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed, { once: true }));
  // The manifest's document_end scripts run right after DOMContentLoaded's listeners, in the same task.
  await new Promise((next) => setTimeout(next, 0));
  const running = (globalThis as unknown as Record<string, LiveContext[] | undefined>)[key] ?? [];
  return running.some((ctx) => ctx.isValid);
}

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  run_at?: string;
}

export interface OpenTab {
  id?: number;
  discarded?: boolean;
}

/** What runs a page kind's scripts in an open tab: the browser's tab and scripting APIs, or a test's. */
export interface TabScripting {
  tabsMatching: (patterns: string[]) => Promise<OpenTab[]>;
  /** Whether the tab runs this extension's scripts already (runsLiveScripts, run in it). */
  runsScripts: (tabId: number) => Promise<boolean>;
  run: (tabId: number, files: string[]) => Promise<unknown>;
}

/** The scripts to run in open tabs, group by group: start scripts first, each group's files in order. */
function injectionOrder(scripts: readonly ManifestContentScript[]): { matches: string[]; files: string[] }[] {
  const runsFirst = (script: ManifestContentScript) => (script.run_at === 'document_start' ? 0 : 1);
  return [...scripts]
    .filter((script) => (script.matches?.length ?? 0) > 0 && (script.js?.length ?? 0) > 0)
    .sort((a, b) => runsFirst(a) - runsFirst(b))
    .map((script) => ({ matches: script.matches!, files: script.js! }));
}

/**
 * Runs the content scripts in every open tab they match that does not run them already. A
 * discarded tab is left to the browser (it loads the page anew, scripts and all, when shown); a
 * tab that cannot be scripted (closed meanwhile, an error page) is skipped. Resolves once each tab
 * has its scripts or was skipped.
 */
export async function injectIntoOpenTabs(scripts: readonly ManifestContentScript[], scripting: TabScripting): Promise<void> {
  const groups = injectionOrder(scripts);
  const tabsOfGroups = await Promise.all(groups.map((group) => scripting.tabsMatching(group.matches).catch((): OpenTab[] => [])));
  const filesOfTab = new Map<number, string[][]>();
  groups.forEach((group, at) => {
    for (const tab of tabsOfGroups[at]!) {
      if (tab.id === undefined || tab.discarded) continue;
      filesOfTab.set(tab.id, [...(filesOfTab.get(tab.id) ?? []), group.files]);
    }
  });
  await Promise.all(
    [...filesOfTab].map(async ([tabId, fileGroups]) => {
      try {
        if (await scripting.runsScripts(tabId)) return;
        for (const files of fileGroups) await scripting.run(tabId, files);
      } catch {
        // Gone or unscriptable: the next page it loads gets the scripts from the manifest.
      }
    }),
  );
}
