// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SaveToggle } from '../../../src/ui/popup/paper-row';

// Chrome's words when the worker stopped after taking a request and before answering it.
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

test("the popup's Save pressed as the worker stops (the store took the save, the answer was lost) is asked again: no 'PaperLens did not answer'", async () => {
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error(CHANNEL_CLOSED)).mockResolvedValueOnce({ ok: true, result: { status: 'to-read' } } as never);
  render(<SaveToggle paper={{ id: '2310.01779', title: 'HallE-Control', status: null }} tldr="Controls hallucination." sourceUrl={null} />);
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(document.body.textContent).not.toContain('did not answer');
});
