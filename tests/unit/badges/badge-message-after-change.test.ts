// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { BadgeInfo } from '../../../src/schema';
import { Badge } from '../../../src/ui/badges/badge';

const NO_ANSWER = 'PaperLens did not answer: reload the page';
const info = (status: BadgeInfo['status']): BadgeInfo => ({ id: '2310.01779', rank: 1, snapshot: '2025-07-30', seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: true, status });

afterEach(() => {
  document.body.innerHTML = '';
});

describe("a badge's message about an action that got no answer", () => {
  test('goes when the store tells the badge the paper is no longer saved (it stayed beside "Save")', async () => {
    // A removal the store made as the worker stopped: its answer never came (a removal is not asked again).
    const badge = new Badge({ id: '2310.01779', title: '', pageCodeLink: null, withdrawal: null }, { toggleSave: () => Promise.reject(new Error(NO_ANSWER)), setStatus: async () => undefined, tldr: async () => ({ text: '', note: null }) });
    document.body.append(badge.host);
    badge.showInfo(info('to-read'));
    const part = (testid: string) => badge.host.shadowRoot!.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
    part('badge-save').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const problem = () => badge.host.shadowRoot!.querySelector('.pl-problem')?.textContent ?? null;
    expect(problem()).toBe(NO_ANSWER);
    expect(part('badge-save').textContent).toBe('Saved');
    // The new worker tells the open pages of the removal: the store's answer has the new status.
    badge.showInfo(info(null));
    expect(part('badge-save').textContent).toBe('Save');
    expect(problem()).toBeNull();
  });

  test('stays while the store’s answers leave the status as it was (it says why the last action did nothing)', async () => {
    const badge = new Badge({ id: '2310.01779', title: '', pageCodeLink: null, withdrawal: null }, { toggleSave: () => Promise.reject(new Error(NO_ANSWER)), setStatus: async () => undefined, tldr: async () => ({ text: '', note: null }) });
    document.body.append(badge.host);
    badge.showInfo(info('to-read'));
    badge.host.shadowRoot!.querySelector<HTMLElement>('[data-testid="badge-save"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    badge.showInfo({ ...info('to-read'), rank: 2 });
    expect(badge.host.shadowRoot!.querySelector('.pl-problem')?.textContent).toBe(NO_ANSWER);
  });
});
