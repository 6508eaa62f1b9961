/**
 * Chrome runs a manifest's content scripts only in pages loaded after an install or update: a
 * reader's arXiv and Hugging Face tabs open at that moment showed no card (or lost theirs to the
 * update) until reloaded. These are run in them once, in the manifest's order, document_start
 * scripts first (each page kind's start script prepares what its card script reads).
 *
 * Only the scripts a tab lacks: a page loaded after the install runs the manifest's already, and
 * run again they replaced its cards and badges a moment after they came (a click in between was
 * lost). A page the install caught while loading runs only its later ones. Each content script
 * registers its name under RUNNING_SCRIPTS_KEY in the extension's isolated world (a new one for
 * each install, update or reload), where the probe (runningScripts) reads them.
 */

/** The key, on the isolated world's global object, of the names of the content scripts running there. */
export const RUNNING_SCRIPTS_KEY = 'paperlens:runningScripts';

/** Called first by each content script, with its entrypoint's name ("arxiv-abs-start"). */
export function markScriptRunning(name: string): void {
  const global = globalThis as unknown as Record<string, string[] | undefined>;
  (global[RUNNING_SCRIPTS_KEY] ??= []).push(name);
}

/**
 * Run in a tab's isolated world, after its document_end scripts (scripting.executeScript's default
 * document_idle), so self-contained (it is serialized): the content scripts running there.
 */
export function runningScripts(key: string): string[] {
  return [...((globalThis as unknown as Record<string, string[] | undefined>)[key] ?? [])];
}

/** A manifest's script file's entrypoint name: "content-scripts/arxiv-abs.js" is "arxiv-abs". */
const entrypointOf = (file: string): string => file.replace(/^.*\//, '').replace(/\.js$/, '');

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
  /** The names of the content scripts the tab runs already (runningScripts, run in it). */
  runningScripts: (tabId: number) => Promise<string[]>;
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
 * Runs the content scripts in every open tab they match, each that the tab does not run already. A
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
        const running = new Set(await scripting.runningScripts(tabId));
        for (const files of fileGroups) {
          const missing = files.filter((file) => !running.has(entrypointOf(file)));
          if (missing.length > 0) await scripting.run(tabId, missing);
        }
      } catch {
        // Gone or unscriptable: the next page it loads gets the scripts from the manifest.
      }
    }),
  );
}
