// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { injectIntoOpenTabs, markScriptRunning, RUNNING_SCRIPTS_KEY, runsLiveScripts, type ManifestContentScript, type OpenTab } from '../../../src/sites/open-tabs';

// The manifest's content_scripts as the build writes them (document_end listed before a start script).
const SCRIPTS: ManifestContentScript[] = [
  { matches: ['https://arxiv.org/abs/*'], run_at: 'document_start', js: ['content-scripts/arxiv-abs-start.js'] },
  { matches: ['https://arxiv.org/abs/*'], run_at: 'document_end', js: ['content-scripts/arxiv-abs.js'] },
  { matches: ['https://huggingface.co/papers*'], run_at: 'document_end', js: ['content-scripts/hf-list.js', 'content-scripts/hf-paper.js'] },
  { matches: ['https://huggingface.co/papers*'], run_at: 'document_start', js: ['content-scripts/hf-paper-start.js'] },
];

/** Runs the injection over tabs by pattern, recording what each tab ran, in order. */
async function injected(tabsOf: Record<string, OpenTab[]>, failing: ReadonlySet<number> = new Set(), running: ReadonlySet<number> = new Set()): Promise<Map<number, string[]>> {
  const ran = new Map<number, string[]>();
  await injectIntoOpenTabs(SCRIPTS, {
    tabsMatching: async (patterns) => patterns.flatMap((pattern) => tabsOf[pattern] ?? []),
    runsScripts: async (tabId) => {
      if (failing.has(tabId)) throw new Error('Cannot access contents of the page');
      return running.has(tabId);
    },
    run: async (tabId, files) => {
      if (failing.has(tabId)) throw new Error('Cannot access contents of the page');
      ran.set(tabId, [...(ran.get(tabId) ?? []), ...files]);
    },
  });
  return ran;
}

describe('the content scripts run in the paper tabs open at an install or update', () => {
  test('each open tab runs its page kind\'s scripts once, the start script first', async () => {
    const ran = await injected({ 'https://arxiv.org/abs/*': [{ id: 1 }, { id: 2 }], 'https://huggingface.co/papers*': [{ id: 3 }] });
    expect(Object.fromEntries(ran)).toEqual({
      1: ['content-scripts/arxiv-abs-start.js', 'content-scripts/arxiv-abs.js'],
      2: ['content-scripts/arxiv-abs-start.js', 'content-scripts/arxiv-abs.js'],
      3: ['content-scripts/hf-paper-start.js', 'content-scripts/hf-list.js', 'content-scripts/hf-paper.js'],
    });
  });

  test('a discarded tab is left to the browser, and a tab that cannot be scripted does not keep the others from theirs', async () => {
    const ran = await injected({ 'https://arxiv.org/abs/*': [{ id: 1, discarded: true }, { id: 2 }, { id: 4 }], 'https://huggingface.co/papers*': [{}] }, new Set([2]));
    expect(Object.fromEntries(ran)).toEqual({ 4: ['content-scripts/arxiv-abs-start.js', 'content-scripts/arxiv-abs.js'] });
  });

  test('a tab whose page loaded after the install, and so runs the manifest\'s scripts, is left as it is', async () => {
    const ran = await injected({ 'https://arxiv.org/abs/*': [{ id: 1 }, { id: 2 }], 'https://huggingface.co/papers*': [{ id: 3 }] }, new Set(), new Set([1, 3]));
    expect(Object.fromEntries(ran)).toEqual({ 2: ['content-scripts/arxiv-abs-start.js', 'content-scripts/arxiv-abs.js'] });
  });

  test('a tab query that fails (no tab of the site) runs nothing and throws nothing', async () => {
    const ran = new Map<number, string[]>();
    await expect(
      injectIntoOpenTabs(SCRIPTS, {
        tabsMatching: () => Promise.reject(new Error('Invalid url pattern')),
        runsScripts: async () => false,
        run: async (tabId, files) => void ran.set(tabId, files),
      }),
    ).resolves.toBeUndefined();
    expect(ran.size).toBe(0);
  });
});

describe('the probe of a tab for scripts that run already', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[RUNNING_SCRIPTS_KEY];
  });

  test('finds a running script, and none in a page without one', async () => {
    expect(await runsLiveScripts(RUNNING_SCRIPTS_KEY)).toBe(false);
    markScriptRunning({ isValid: true });
    expect(await runsLiveScripts(RUNNING_SCRIPTS_KEY)).toBe(true);
  });

  test('a script its extension left (updated, reloaded, removed) does not count', async () => {
    markScriptRunning({ isValid: false });
    expect(await runsLiveScripts(RUNNING_SCRIPTS_KEY)).toBe(false);
    markScriptRunning({ isValid: true });
    expect(await runsLiveScripts(RUNNING_SCRIPTS_KEY)).toBe(true);
  });
});
