// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { answerPagePaper, PAGE_PAPER_REQUEST } from '../../../src/messaging/page-paper';
import { arxivAbs } from '../../../src/sites/arxiv-abs';
import { hfPaper } from '../../../src/sites/hf-paper';
import { answerListedPaper, BADGED_LIST_REQUEST } from '../../../src/messaging/page-paper';
import { hfList } from '../../../src/sites/hf-list';
import { loadFixture } from '../sites/load-fixture';

const visit = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);

/** The document as its parser leaves it: still 'loading', or done. */
function setReadyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { value: state, configurable: true });
}

/** What the background hears when it asks the tab about its paper: undefined when no script answers. */
async function ask(id?: string): Promise<unknown> {
  const replies: unknown[] = [];
  await fakeBrowser.runtime.onMessage.trigger({ type: PAGE_PAPER_REQUEST, ...(id ? { id } : {}) }, {}, (reply: unknown) => {
    replies.push(reply);
  });
  // The first answer is the one the background gets (as in the browser).
  return replies[0];
}

afterEach(() => {
  fakeBrowser.reset();
  setReadyState('complete');
  document.body.innerHTML = '';
});

describe("a paper page's answer to the background (keyboard shortcut, context menu)", () => {
  test('listening from document start, it answers nothing until the page is parsed, then the paper it shows', async () => {
    visit('https://arxiv.org/abs/2310.01779');
    answerPagePaper(new ContentScriptContext('page-paper-test'), arxivAbs);
    setReadyState('loading');
    expect(await ask()).toBeUndefined();
    document.body.innerHTML = '<div id="abs"><h1 class="title">HallE-Switch: Rethinking hallucinations</h1><blockquote class="abstract">We study hallucinations.</blockquote></div>';
    setReadyState('interactive');
    expect(await ask()).toMatchObject({ id: '2310.01779', title: 'HallE-Switch: Rethinking hallucinations', abstract: 'We study hallucinations.' });
  });

  test('on a Hugging Face list, where it also runs (before the list’s script), it leaves a link’s paper to the list', async () => {
    const { doc, url } = await loadFixture('listings/hf-papers-trending.html');
    visit(url.href);
    document.body.innerHTML = doc.body.innerHTML;
    const [entry] = hfList.entries(document);
    const ctx = new ContentScriptContext('page-paper-test');
    answerPagePaper(ctx, hfPaper);
    answerListedPaper(ctx, hfList, () => true);
    expect(await ask(entry!.id)).toMatchObject({ id: entry!.id, title: hfList.details(entry!, document).title });
  });
});

describe("a list's answer to the popup and the save shortcut: whether it shows badges to save from", () => {
  const askBadged = async (): Promise<unknown> => {
    const replies: unknown[] = [];
    await fakeBrowser.runtime.onMessage.trigger({ type: BADGED_LIST_REQUEST }, {}, (reply: unknown) => void replies.push(reply));
    return replies[0];
  };

  test('as its badges say on a list; not on a paper page the same script runs on', async () => {
    const { doc, url } = await loadFixture('listings/hf-papers-trending.html');
    visit(url.href);
    document.body.innerHTML = doc.body.innerHTML;
    let badged = true;
    answerListedPaper(new ContentScriptContext('badged-list-test'), hfList, () => badged);
    expect(await askBadged()).toBe(true);
    badged = false;
    expect(await askBadged()).toBe(false);
    badged = true;
    visit('https://huggingface.co/papers/2310.01779');
    expect(await askBadged()).toBe(false);
  });
});
