import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkRepliesWith, sendRequest } from '../../../src/messaging/client';
import { readReplyResult } from '../../../src/messaging/reply-reader';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const PAPER = { id: '2405.19715', title: 'SpecDec++' };

// Standards audit: the pages used the background's replies unchecked.
test("on the extension's pages a reply of another shape is refused with what was wrong; a good one is used as sent", async () => {
  checkRepliesWith(readReplyResult);
  const answer = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  answer.mockResolvedValueOnce({ ok: true, result: { changed: 'many' } } as never);
  await expect(sendRequest({ type: 'completeSaved', paper: PAPER })).rejects.toThrow(/answer to "completeSaved" could not be read \(.*changed/);
  answer.mockResolvedValueOnce({ ok: true, result: { changed: 2 } } as never);
  await expect(sendRequest({ type: 'completeSaved', paper: PAPER })).resolves.toEqual({ changed: 2 });
  answer.mockResolvedValueOnce({ ok: true, result: 42 } as never);
  await expect(sendRequest({ type: 'citation', paper: PAPER })).rejects.toThrow(/answer to "citation" could not be read/);
});
