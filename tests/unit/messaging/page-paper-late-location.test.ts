// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { answerPagePaper, PAGE_PAPER_REQUEST } from '../../../src/messaging/page-paper';
import { hfPaper } from '../../../src/sites/hf-paper';
import { loadFixture } from '../sites/load-fixture';

// Firefox has no Navigation API (nor has happy-dom): WXT hears of a client-side navigation by
// looking at the URL once a second, here as there.
const visit = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const NEXT_TITLE = 'Tiny Recursive Reasoners Solve Hard Puzzles Without Pretraining';
const NEXT_ABSTRACT = 'We solve hard puzzles with a tiny recursive network.';

function setReadyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { value: state, configurable: true });
}

async function ask(id: string): Promise<unknown> {
  const replies: unknown[] = [];
  await fakeBrowser.runtime.onMessage.trigger({ type: PAGE_PAPER_REQUEST, id }, {}, (reply: unknown) => void replies.push(reply));
  return replies[0];
}

/** The first paper's page, parsed with the script listening from document start. */
async function firstPaper(): Promise<ContentScriptContext> {
  const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
  visit(url.href);
  setReadyState('loading');
  const ctx = new ContentScriptContext('page-paper-late-location-test');
  answerPagePaper(ctx, hfPaper);
  document.body.innerHTML = doc.body.innerHTML;
  setReadyState('interactive');
  document.dispatchEvent(new Event('DOMContentLoaded'));
  return ctx;
}

/** Hugging Face's router renders the next paper in place. */
function renderNext(): void {
  document.querySelector('h1')!.textContent = NEXT_TITLE;
  const [first, ...others] = document.querySelectorAll('.author');
  first!.textContent = 'Alexia Jolicoeur-Martineau';
  for (const author of others) author.remove();
  hfPaper.cardAnchor(document)!.querySelector('p')!.textContent = NEXT_ABSTRACT;
}

let ctx: ContentScriptContext | null = null;
afterEach(() => {
  ctx?.abort();
  ctx = null;
  fakeBrowser.reset();
  setReadyState('complete');
  document.body.innerHTML = '';
});

describe('the script run into a page already parsed (a tab open at an install)', () => {
  test('it reads the page at once: after an in-page navigation to a paper not rendered yet, the page names no paper, not the shown one under the new id', async () => {
    const { doc, url } = await loadFixture('hf-paper-2310.01779.html');
    visit(url.href);
    document.body.innerHTML = doc.body.innerHTML;
    setReadyState('complete');
    ctx = new ContentScriptContext('page-paper-injected-test');
    answerPagePaper(ctx, hfPaper);
    visit('https://huggingface.co/papers/2501.01234');
    expect(await ask('2501.01234')).toBeNull();
    renderNext();
    expect(await ask('2501.01234')).toMatchObject({ id: '2501.01234', title: NEXT_TITLE });
  }, 5_000);
});

describe('Hugging Face, a client-side navigation the location watcher hears of late (Firefox)', () => {
  test('the next paper rendered before the watcher looked: the page answers with it, by its title and authors', async () => {
    ctx = await firstPaper();
    visit('https://huggingface.co/papers/2501.01234');
    renderNext();
    await sleep(1_100); // the watcher has seen the new URL, with the next paper already on screen
    expect(await ask('2501.01234')).toMatchObject({ id: '2501.01234', title: NEXT_TITLE, abstract: NEXT_ABSTRACT, authors: ['Alexia Jolicoeur-Martineau'] });
  }, 5_000);

  test('the next paper not rendered yet (a slow connection): the page names no paper, then the next one once it shows', async () => {
    ctx = await firstPaper();
    visit('https://huggingface.co/papers/2501.01234');
    expect(await ask('2501.01234')).toBeNull();
    await sleep(1_100);
    expect(await ask('2501.01234')).toBeNull();
    renderNext();
    expect(await ask('2501.01234')).toMatchObject({ id: '2501.01234', title: NEXT_TITLE });
  }, 5_000);

  test('a paper rendered after the watcher looked, then left for a slow one: the page does not name the slow one by the shown one\'s title', async () => {
    ctx = await firstPaper();
    visit('https://huggingface.co/papers/2501.01234');
    await sleep(1_100); // the watcher looked before the next paper showed
    renderNext(); // it shows; no one asks about it
    await sleep(0); // the visitor moves on in a task of their own
    visit('https://huggingface.co/papers/2502.05678'); // on to a third paper, not rendered yet
    expect(((await ask('2502.05678')) as { title?: string } | null)?.title).not.toBe(NEXT_TITLE);
  }, 5_000);

  test('a paper the watcher saw go slow, left for one the router draws as it changes the URL: the page names the one drawn', async () => {
    ctx = await firstPaper();
    visit('https://huggingface.co/papers/2502.05678');
    await sleep(1_100); // the watcher has seen this URL; its paper never shows
    renderNext(); // the next paper is drawn and its URL pushed in one go
    visit('https://huggingface.co/papers/2501.01234');
    expect(await ask('2501.01234')).toMatchObject({ id: '2501.01234', title: NEXT_TITLE });
  }, 5_000);
});
