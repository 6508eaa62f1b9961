// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Request } from '../../../src/schema';
import { hfPaper } from '../../../src/sites/hf-paper';
import { runCardController } from '../../../src/ui/card-controller';
import { takeCardPrefetch } from '../../../src/ui/card-prefetch';
import { loadFixture } from '../sites/load-fixture';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const visit = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
const NEXT_TITLE = 'Tiny Recursive Reasoners Solve Hard Puzzles Without Pretraining';
const SLOW_ID = '2501.01234';
const shownCard = () => document.querySelector('[data-paperlens="card"]');

/** Hugging Face's page of 2310.01779, at its address. */
async function showHfPaperPage(): Promise<void> {
  const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
  visit(url.href);
  document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
}

let ctx: ContentScriptContext | null = null;
afterEach(() => {
  takeCardPrefetch();
  ctx?.notifyInvalidated();
  ctx = null;
  fakeBrowser.reset();
});

test('Hugging Face: left for a slow paper while the store was still asked about the one shown, the slow one gets no card by the shown one\'s title', async () => {
  await showHfPaperPage();
  // The store holds none of them, and is slow to say so about the second paper.
  fakeBrowser.runtime.onMessage.addListener((message: Request, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (message.type !== 'lookup') return undefined;
    const wait = message.queries.some((query) => query.id === SLOW_ID) ? 300 : 0;
    setTimeout(() => sendResponse({ ok: true, result: message.queries.map(() => null) }), wait);
    return true;
  });
  ctx = new ContentScriptContext('card-slow-answer');
  runCardController(ctx, hfPaper);
  await pause(100);
  expect(document.querySelector('[data-paperlens="card"]')).not.toBeNull();

  // Client-side navigation: the second paper is drawn, and while the store is asked about it the
  // reader goes on to a third one, not drawn yet.
  visit(`https://huggingface.co/papers/${SLOW_ID}`);
  document.querySelector('h1')!.textContent = NEXT_TITLE;
  hfPaper.cardAnchor(document)!.querySelector('p')!.textContent = 'We solve hard puzzles with a tiny recursive network.';
  await pause(100);
  visit('https://huggingface.co/papers/2502.05678');
  await pause(1_000);

  const card = document.querySelector('[data-paperlens="card"]');
  expect(card?.shadowRoot?.textContent ?? '').not.toContain(NEXT_TITLE);
}, 5_000);

test("Hugging Face: a paper's page that kept taking its card out leaves the card alone; the next paper's card, taken out once by a re-render, is put back", async () => {
  await showHfPaperPage();
  fakeBrowser.runtime.onMessage.addListener((message: Request, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (message.type !== 'lookup') return undefined;
    sendResponse({ ok: true, result: message.queries.map(() => null) });
    return true;
  });
  ctx = new ContentScriptContext('card-put-back');
  runCardController(ctx, hfPaper);
  await pause(100);
  expect(shownCard()).not.toBeNull();
  // The first paper's page fights the card: it takes it out each time it is put back, until the card stays out.
  for (let round = 0; round < 15 && shownCard(); round++) {
    shownCard()!.remove();
    await pause(0);
  }
  await pause(100);
  expect(shownCard()).toBeNull();

  // Client-side navigation to the next paper, which gets its card.
  visit('https://huggingface.co/papers/2502.05678');
  document.querySelector('h1')!.textContent = 'Tiny Recursive Reasoners Solve Hard Puzzles Without Pretraining';
  hfPaper.cardAnchor(document)!.querySelector('p')!.textContent = 'We solve hard puzzles with a tiny recursive network.';
  await pause(200);
  expect(shownCard()).not.toBeNull();
  // One re-render takes it out: it comes back.
  shownCard()!.remove();
  await pause(100);
  expect(shownCard()).not.toBeNull();
}, 5_000);
