import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendRequest } from '../../../src/messaging/client';

// Chrome's words when the worker stopped after taking a request and before answering it. (The fake
// browser types sendMessage's answer as void: the replies below are cast.)
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

afterEach(() => {
  vi.restoreAllMocks();
});

// Only a request that repeats safely may be asked again (`again`, checked by its type: a removal's is a compile error).
describe('a request the worker stopped before answering', () => {
  test('a save is asked once more, and the new worker answers it', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error(CHANNEL_CLOSED)).mockResolvedValueOnce({ ok: true, result: { status: 'to-read' } } as never);
    await expect(sendRequest({ type: 'save', paper: { id: '2310.01779', title: 'HallE-Control' } }, true)).resolves.toEqual({ status: 'to-read' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  test("a lookup with no receiving end is asked once more; twice unanswered, it says what to do, not Chrome's words", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendRequest({ type: 'lookup', queries: [{ id: '2310.01779' }] }, true)).rejects.toThrow('PaperLens did not answer: reload the page');
    expect(send).toHaveBeenCalledTimes(2);
  });

  test('a removal is not asked again (a second one would answer with nothing removed, and no Undo): said in words a reader can act on', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(CHANNEL_CLOSED));
    await expect(sendRequest({ type: 'removeSaved', ids: ['2310.01779'] })).rejects.toThrow('PaperLens did not answer: reload the page');
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("a refusal is the background's answer: not asked again, its reason said", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: '2310.01779 is not in the reading list' } as never);
    await expect(sendRequest({ type: 'setStatus', id: '2310.01779', status: 'read' }, true)).rejects.toThrow('2310.01779 is not in the reading list');
    expect(send).toHaveBeenCalledTimes(1);
  });
});
