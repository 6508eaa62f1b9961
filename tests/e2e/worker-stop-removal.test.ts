import { afterEach, describe, expect, test } from 'vitest';
import type { Request } from '../../src/schema';
import { launchExtension, listSavedFrom, sendFromPage, type ExtensionBrowser } from './harness';
import { lingerAfterNextChange, stopWorker } from './worker-stop';

// The background worker stopping while it handles a removal: the store has taken it, and the
// worker goes before its answer (the items removed, which Undo puts back) reaches the page.
// Chromium does this when it stops a worker mid-request (DevTools' Stop, the browser quitting, a
// crash). To hit that moment every time, the worker is made to linger (5 s) right after the store
// took the change, then stopped (worker-stop.ts).

const opened: ExtensionBrowser[] = [];

afterEach(async () => {
  for (const browser of opened.splice(0)) await browser.close().catch(() => undefined);
});

describe('the worker stopping after the store took a removal, before answering', () => {
  test('a reading-list removal can still be undone: the paper, its notes and its tags come back (they were gone for good, with no Undo)', async () => {
    const browser = await launchExtension();
    opened.push(browser);
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
    const setUp: Request[] = [
      { type: 'save', paper: { id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models', tldr: '', sourceUrl: null } },
      { type: 'setNotes', id: '2310.01779', notes: 'Two weeks of notes: compare with our ablation, table 3.' },
      { type: 'setTags', id: '2310.01779', tags: ['thesis', 'hallucination'] },
    ];
    for (const request of setUp) {
      const reply = await sendFromPage(list, request);
      expect(reply.ok).toBe(true);
    }
    const row = list.locator('[data-testid="reading-item"][data-arxiv-id="2310.01779"]');
    await expect.poll(() => row.count()).toBe(1);
    const before = await listSavedFrom(list);

    await lingerAfterNextChange(browser.worker);
    await row.getByTestId('remove').click();
    await list.waitForTimeout(800);
    await stopWorker(list);

    // The removal happened (the row goes)…
    await expect.poll(() => row.count()).toBe(0);
    // …and, as for every removal, Undo puts the paper back as it was.
    await expect.poll(() => list.getByTestId('undo').count(), { timeout: 5_000 }).toBe(1);
    await list.getByTestId('undo').click();
    await expect.poll(() => listSavedFrom(list)).toEqual(before);
  }, 60_000);
});
