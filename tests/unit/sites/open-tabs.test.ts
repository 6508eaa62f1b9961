import { afterEach, describe, expect, test } from 'vitest';
import { injectIntoOpenTabs, markScriptRunning, RUNNING_SCRIPTS_KEY, runningScripts, type ManifestContentScript, type OpenTab } from '../../../src/sites/open-tabs';

// The manifest's content_scripts as the build writes them (document_end listed before a start script).
const SCRIPTS: ManifestContentScript[] = [
  { matches: ['https://arxiv.org/abs/*'], run_at: 'document_start', js: ['content-scripts/arxiv-abs-start.js'] },
  { matches: ['https://arxiv.org/abs/*'], run_at: 'document_end', js: ['content-scripts/arxiv-abs.js'] },
  { matches: ['https://huggingface.co/papers*'], run_at: 'document_end', js: ['content-scripts/hf-list.js', 'content-scripts/hf-paper.js'] },
  { matches: ['https://huggingface.co/papers*'], run_at: 'document_start', js: ['content-scripts/hf-paper-start.js'] },
];

/**
 * Runs the injection over tabs by pattern, recording what each tab ran, in order. A tab in `gone`
 * cannot be scripted at all; one in `closing` goes between the probe and the scripts; `running`
 * gives the scripts a tab runs already.
 */
async function injected(
  tabsOf: Record<string, OpenTab[]>,
  { gone = new Set<number>(), closing = new Set<number>(), running = new Map<number, string[]>() } = {},
): Promise<Map<number, string[]>> {
  const ran = new Map<number, string[]>();
  const unscriptable = () => new Error('Cannot access contents of the page');
  await injectIntoOpenTabs(SCRIPTS, {
    tabsMatching: async (patterns) => patterns.flatMap((pattern) => tabsOf[pattern] ?? []),
    runningScripts: async (tabId) => {
      if (gone.has(tabId)) throw unscriptable();
      return running.get(tabId) ?? [];
    },
    run: async (tabId, files) => {
      if (closing.has(tabId)) throw unscriptable();
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
    const ran = await injected(
      { 'https://arxiv.org/abs/*': [{ id: 1, discarded: true }, { id: 2 }, { id: 4 }, { id: 5 }], 'https://huggingface.co/papers*': [{}] },
      { gone: new Set([2]), closing: new Set([5]) },
    );
    expect(Object.fromEntries(ran)).toEqual({ 4: ['content-scripts/arxiv-abs-start.js', 'content-scripts/arxiv-abs.js'] });
  });

  test('a tab whose page loaded after the install runs the manifest\'s scripts already: none run again', async () => {
    const ran = await injected(
      { 'https://arxiv.org/abs/*': [{ id: 1 }, { id: 2 }], 'https://huggingface.co/papers*': [{ id: 3 }] },
      { running: new Map([[1, ['arxiv-abs-start', 'arxiv-abs']], [3, ['hf-paper-start', 'hf-list', 'hf-paper']]]) },
    );
    expect(Object.fromEntries(ran)).toEqual({ 2: ['content-scripts/arxiv-abs-start.js', 'content-scripts/arxiv-abs.js'] });
  });

  test('a tab the install caught while loading (its document_end scripts run, its start script does not) gets only the start script', async () => {
    const ran = await injected({ 'https://arxiv.org/abs/*': [{ id: 1 }], 'https://huggingface.co/papers*': [{ id: 3 }] }, { running: new Map([[1, ['arxiv-abs']], [3, ['hf-list', 'hf-paper']]]) });
    expect(Object.fromEntries(ran)).toEqual({ 1: ['content-scripts/arxiv-abs-start.js'], 3: ['content-scripts/hf-paper-start.js'] });
  });

  test('a tab query that fails (no tab of the site) runs nothing and throws nothing', async () => {
    const ran = new Map<number, string[]>();
    await expect(
      injectIntoOpenTabs(SCRIPTS, {
        tabsMatching: () => Promise.reject(new Error('Invalid url pattern')),
        runningScripts: async () => [],
        run: async (tabId, files) => void ran.set(tabId, files),
      }),
    ).resolves.toBeUndefined();
    expect(ran.size).toBe(0);
  });
});

describe('the probe of a tab for the scripts it runs', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[RUNNING_SCRIPTS_KEY];
  });

  test('names each script that registered, and none in a page without one', () => {
    expect(runningScripts(RUNNING_SCRIPTS_KEY)).toEqual([]);
    markScriptRunning('arxiv-abs-start');
    markScriptRunning('arxiv-abs');
    expect(runningScripts(RUNNING_SCRIPTS_KEY)).toEqual(['arxiv-abs-start', 'arxiv-abs']);
  });
});
