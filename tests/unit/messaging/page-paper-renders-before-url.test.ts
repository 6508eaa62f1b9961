// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerPagePaper, PAGE_PAPER_REQUEST } from '../../../src/messaging/page-paper';
import { hfPaper } from '../../../src/sites/hf-paper';
import { loadFixture } from '../sites/load-fixture';

// Chromium has the Navigation API (happy-dom has not): WXT hears of a navigation from its
// 'navigate' event, which fires before the URL changes. It is there before WXT looks for it.
const navigation = vi.hoisted(() => {
  const target = new EventTarget();
  (globalThis as unknown as { navigation: EventTarget }).navigation = target;
  return target;
});
const { ContentScriptContext } = await import('wxt/utils/content-script-context');

const visit = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
const NEXT_TITLE = 'Tiny Recursive Reasoners Solve Hard Puzzles Without Pretraining';

async function ask(id: string): Promise<unknown> {
  const replies: unknown[] = [];
  await fakeBrowser.runtime.onMessage.trigger({ type: PAGE_PAPER_REQUEST, id }, {}, (reply: unknown) => void replies.push(reply));
  return replies[0];
}

function drawNext(): void {
  document.querySelector('h1')!.textContent = NEXT_TITLE;
  hfPaper.cardAnchor(document)!.querySelector('p')!.textContent = 'We solve hard puzzles with a tiny recursive network.';
}

/** pushState fires 'navigate' before the URL changes. */
function pushUrl(url: string): void {
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
  visit(url);
}

/** A router that renders the next page, then pushes its URL. */
function navigateRenderingFirst(url: string): void {
  drawNext();
  pushUrl(url);
}

/** The first paper's page, parsed. */
async function firstPaper(): Promise<void> {
  const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
  visit(url.href);
  ctx = new ContentScriptContext('page-paper-renders-before-url-test');
  answerPagePaper(ctx, hfPaper);
  document.body.innerHTML = doc.body.innerHTML;
  document.dispatchEvent(new Event('DOMContentLoaded'));
  expect(await ask('2310.01779')).toMatchObject({ id: '2310.01779' });
}

let ctx: InstanceType<typeof ContentScriptContext> | null = null;
afterEach(() => {
  ctx?.abort();
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

test('Chromium, a router that renders the next paper before it changes the URL: the page names that paper', async () => {
  await firstPaper();
  navigateRenderingFirst('https://huggingface.co/papers/2501.01234');
  expect(await ask('2501.01234')).toMatchObject({ id: '2501.01234', title: NEXT_TITLE });
});

test('asked in the moment the next paper shows under the previous URL: no paper, then the next one under its own', async () => {
  await firstPaper();
  drawNext();
  expect(await ask('2310.01779')).toBeNull();
  pushUrl('https://huggingface.co/papers/2501.01234');
  expect(await ask('2501.01234')).toMatchObject({ id: '2501.01234', title: NEXT_TITLE });
});
