// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import type { BadgeInfo, LookupQuery } from '../../../src/schema';
import { hfList } from '../../../src/sites/hf-list';
import { ANSWER_WAIT_MS, createBadgeController, type BadgeController } from '../../../src/ui/badges/controller';
import type { BadgeTransport } from '../../../src/ui/badges/transport';
import { loadFixture } from '../sites/load-fixture';

/** A store whose answer to the first `badges` question is held until `release` (a slow store). */
function slowStore() {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const transport: BadgeTransport = {
    badges: async (ids: string[]) => {
      await held;
      return ids.map((id): BadgeInfo => ({ id, rank: null, snapshot: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false, status: null }));
    },
    lookup: async (_query: LookupQuery) => null,
    save: async () => 'to-read' as const,
    unsave: async () => null,
    restore: async () => true,
    setStatus: async (_id, status) => status,
    arxivPage: async () => null,
    retitle: async () => undefined,
  };
  return { transport, release: () => release() };
}

let controller: BadgeController | null = null;
afterEach(() => {
  controller?.stop();
  controller = null;
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openHf() {
  const { doc, url } = await loadFixture('listings/hf-papers-date-2024-07-31.html');
  document.documentElement.removeAttribute('data-paperlens-badges');
  document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
  const store = slowStore();
  controller = createBadgeController({ site: hfList, transport: store.transport, doc: document, currentUrl: () => url, waitForAnswerFrom: 1 });
  controller.start();
  return store;
}

/** The page re-renders every entry's title (Hugging Face's hydration, a client-side re-render): new h3 elements, same article. */
function rerenderTitles() {
  for (const heading of document.querySelectorAll('article h3')) heading.replaceWith(heading.cloneNode(true));
}

const badgesPerArticle = () => [...document.querySelectorAll('article')].map((article) => article.querySelectorAll('[data-paperlens="badge"]').length);

test('titles re-rendered while new badges wait for a slow store: every entry still gets its badge (store answers late)', async () => {
  await openHf();
  await wait(10); // the badges are built and wait for the answer
  rerenderTitles();
  await wait(ANSWER_WAIT_MS + 50); // the wait is over: they go in without the answer
  expect(badgesPerArticle()).toEqual([1, 1, 1, 1, 1]);
});

test('titles re-rendered while new badges wait, the store answers within the wait: every entry still gets its badge', async () => {
  const { release } = await openHf();
  await wait(10);
  rerenderTitles();
  await wait(10);
  release();
  await wait(ANSWER_WAIT_MS + 50);
  expect(badgesPerArticle()).toEqual([1, 1, 1, 1, 1]);
});
