import { expect, test } from 'vitest';
import { senderContext } from '../../../src/messaging/sender';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/';

test("a page's script, or a sender without an address, is a page (it may ask for less); the extension's own pages are not", () => {
  expect(senderContext({ url: 'https://arxiv.org/abs/2405.19715', tab: { incognito: true } }, EXTENSION)).toEqual({ senderUrl: 'https://arxiv.org/abs/2405.19715', fromPage: true, senderIncognito: true });
  expect(senderContext({}, EXTENSION).fromPage).toBe(true);
  expect(senderContext({ url: `${EXTENSION}popup.html` }, EXTENSION).fromPage).toBe(false);
  // Another extension's page, whose address only starts alike.
  expect(senderContext({ url: 'chrome-extension://abcdefghijklmnopq/popup.html' }, EXTENSION).fromPage).toBe(true);
});
