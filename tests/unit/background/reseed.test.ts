import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePaper, setStatus } from '../../../src/db/papers';
import type { SeedAsset } from '../../../src/schema';
import { profile } from './worker';
import { RESUME_AFTER_START_MS } from '../../../entrypoints/background';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** An installed extension with two saved papers (one of them bundled), then updated to a build whose snapshot the store cannot take at first. */
async function updateThatFails() {
  const browser = await profile();
  browser.start();
  await browser.installed('install');
  const installed = await browser.seed();
  await browser.seeded();
  await savePaper(browser.db, { id: installed.papers[0]!.id, title: installed.papers[0]!.title }, 1000);
  await savePaper(browser.db, { id: '2501.00001', title: 'A paper of my own' }, 2000);
  await setStatus(browser.db, '2501.00001', 'reading', 3000);
  const saved = await browser.db.saved.toArray();

  // The next build's snapshot drops the first bundled paper; reading it fails once (disk full).
  const [dropped, ...kept] = installed.papers;
  const next: SeedAsset = { ...installed, version: `${installed.version}-next`, papers: kept.map((paper, index) => ({ ...paper, rank: index + 1 })) };
  let failures = 1;
  browser.seed = async () => {
    if (failures-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return next;
  };
  browser.version = '1.1.0';
  browser.start();
  await browser.installed('update');
  await vi.waitFor(() => expect(browser.icon.global).toBe('!'));
  return { browser, next, dropped: dropped!, saved };
}

/**
 * Resolves once the started worker's resume timer (RESUME_AFTER_START_MS, set once its store is
 * open) has run its callback, which starts reseedIfPending. Call it after `start()`, which restores
 * spies.
 */
function resumeTimerRun(): Promise<void> {
  const realSetTimeout = globalThis.setTimeout;
  return new Promise((resolve) => {
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
      realSetTimeout(
        ms === RESUME_AFTER_START_MS
          ? () => {
              callback(...args);
              resolve();
            }
          : callback,
        ms,
        ...args,
      )) as typeof setTimeout);
  });
}

// A worker start waits RESUME_AFTER_START_MS (2 s) before background work; each test runs two or three.
describe('the bundled snapshot of an update that could not be loaded', { timeout: 20_000 }, () => {
  test('is loaded at the next worker start, the reading list untouched', async () => {
    const { browser, next, dropped, saved } = await updateThatFails();
    expect(await browser.db.papers.get(dropped.id)).toBeDefined();
    browser.start();
    await browser.seeded(next.version);
    expect(await browser.db.papers.get(dropped.id)).toBeUndefined();
    expect(await browser.db.saved.toArray()).toEqual(saved);
    await vi.waitFor(() => expect(browser.icon.global).toBe(''));
  });

  test('is tried again later by the same worker', async () => {
    const { browser, next, saved } = await updateThatFails();
    const retry = (await fakeBrowser.alarms.getAll()).find((alarm) => alarm.name === 'reseed-retry');
    expect(retry).toBeDefined();
    await fakeBrowser.alarms.onAlarm.trigger(retry!);
    await browser.seeded(next.version);
    expect(await browser.db.saved.toArray()).toEqual(saved);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).not.toContain('reseed-retry'));
  });

  test('an update that loaded is not loaded again at every start', async () => {
    const browser = await profile();
    browser.start();
    const installResumed = resumeTimerRun();
    await browser.installed('install');
    await browser.seeded();
    await installResumed;
    let asked = 0;
    const bundled = await browser.seed();
    browser.seed = async () => (asked++, bundled);
    browser.start();
    await resumeTimerRun();
    // A reseed started by the timer asks for the seed within milliseconds; nothing signals that none was started.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(asked).toBe(0);
  });
});
