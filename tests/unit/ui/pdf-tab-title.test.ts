// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { createPdfTabTitle } from '../../../src/ui/pdf-tab-title';

const URL_V3 = new URL('https://arxiv.org/pdf/2310.01779v3');
const TITLE = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const NAMED = `${TITLE} | arXiv 2310.01779v3`;

// Lets the observer's callbacks run.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.head.replaceChildren();
  document.title = '2310.01779v3.pdf';
});

describe('an arXiv PDF tab is named after its paper', () => {
  test("the paper's title, asked once by its canonical id; switched off, the tab's own title is back", async () => {
    const asked: string[] = [];
    const tab = createPdfTabTitle({ doc: document, url: URL_V3, askTitle: async (id) => (asked.push(id), TITLE) });
    await tab.start();
    expect(document.title).toBe(NAMED);
    expect(asked).toEqual(['2310.01779']);
    tab.stop();
    expect(document.title).toBe('2310.01779v3.pdf');
  });

  test("the PDF viewer setting its own title afterwards gets ours back, but it is not fought forever", async () => {
    const tab = createPdfTabTitle({ doc: document, url: URL_V3, askTitle: async () => TITLE });
    await tab.start();
    document.title = 'Microsoft Word - paper.docx';
    await settle();
    expect(document.title).toBe(NAMED);
    for (let round = 0; round < 10; round++) {
      document.title = `Viewer title ${round}`;
      await settle();
    }
    expect(document.title).toBe('Viewer title 9');
    tab.stop();
  });

  test('no title to give (unknown paper, arXiv not asked, an answer that is not a title, an error): the tab keeps its own', async () => {
    for (const answer of [null, '', '   ', 42, { title: TITLE }, 'x'.repeat(1001)]) {
      await createPdfTabTitle({ doc: document, url: URL_V3, askTitle: async () => answer }).start();
      expect(document.title).toBe('2310.01779v3.pdf');
    }
    await createPdfTabTitle({ doc: document, url: URL_V3, askTitle: () => Promise.reject(new Error('background gone')) }).start();
    expect(document.title).toBe('2310.01779v3.pdf');
  });

  test('switched off while the title was being asked: the tab keeps its own', async () => {
    let answer: (title: string) => void = () => undefined;
    const tab = createPdfTabTitle({ doc: document, url: URL_V3, askTitle: () => new Promise((resolve) => (answer = resolve)) });
    const started = tab.start();
    tab.stop();
    answer(TITLE);
    await started;
    expect(document.title).toBe('2310.01779v3.pdf');
  });

  test('a URL that names no paper asks nothing', async () => {
    const asked: string[] = [];
    await createPdfTabTitle({ doc: document, url: new URL('https://arxiv.org/pdf/'), askTitle: async (id) => (asked.push(id), TITLE) }).start();
    expect(asked).toEqual([]);
    expect(document.title).toBe('2310.01779v3.pdf');
  });
});

describe('an arXiv PDF tab left unnamed (arXiv out of reach) asks again', () => {
  test('once it is shown or the page was read: named then; not while it asks, and not forever', async () => {
    let answer: string | null = null;
    let asked = 0;
    const tab = createPdfTabTitle({ doc: document, url: URL_V3, askTitle: async () => (asked++, answer) });
    await tab.start();
    expect(document.title).toBe('2310.01779v3.pdf');
    answer = TITLE;
    await tab.askAgain();
    expect(document.title).toBe(NAMED);
    await tab.askAgain();
    expect(asked).toBe(2);
    tab.stop();

    // A title the background never gives is asked for a few times only; one asking is not asked again meanwhile.
    let release!: () => void;
    const held = new Promise<null>((resolve) => (release = () => resolve(null)));
    let calls = 0;
    const unnamed = createPdfTabTitle({ doc: document, url: URL_V3, askTitle: () => (++calls === 1 ? held : Promise.resolve(null)) });
    const first = unnamed.start();
    await unnamed.askAgain();
    expect(calls).toBe(1);
    release();
    await first;
    for (let round = 0; round < 20; round++) await unnamed.askAgain();
    expect(calls).toBe(10);
    expect(document.title).toBe('2310.01779v3.pdf');
    // Until the reader looks at the tab again.
    await unnamed.askAgain(true);
    expect(calls).toBe(11);
  });
});
