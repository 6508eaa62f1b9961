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
const card = () => document.querySelector('[data-paperlens="card"]');

let ctx: ContentScriptContext | null = null;
afterEach(() => {
  takeCardPrefetch();
  ctx?.notifyInvalidated();
  ctx = null;
  fakeBrowser.reset();
});

test("Hugging Face: a paper's page that kept taking its card out leaves the card alone; the next paper's card, taken out once by a re-render, is put back", async () => {
  const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
  visit(url.href);
  document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
  fakeBrowser.runtime.onMessage.addListener((message: Request, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (message.type !== 'lookup') return undefined;
    sendResponse({ ok: true, result: message.queries.map(() => null) });
    return true;
  });
  ctx = new ContentScriptContext('card-put-back');
  runCardController(ctx, hfPaper);
  await pause(100);
  expect(card()).not.toBeNull();
  // The first paper's page fights the card: it takes it out each time it is put back, until the card stays out.
  for (let round = 0; round < 15 && card(); round++) {
    card()!.remove();
    await pause(0);
  }
  await pause(100);
  expect(card()).toBeNull();

  // Client-side navigation to the next paper, which gets its card.
  visit('https://huggingface.co/papers/2502.05678');
  document.querySelector('h1')!.textContent = 'Tiny Recursive Reasoners Solve Hard Puzzles Without Pretraining';
  hfPaper.cardAnchor(document)!.querySelector('p')!.textContent = 'We solve hard puzzles with a tiny recursive network.';
  await pause(200);
  expect(card()).not.toBeNull();
  // One re-render takes it out: it comes back.
  card()!.remove();
  await pause(100);
  expect(card()).not.toBeNull();
}, 5_000);
