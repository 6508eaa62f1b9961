// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import type { BadgeInfo } from '../../../src/schema';
import { hfList } from '../../../src/sites/hf-list';
import { createBadgeController, type BadgeController } from '../../../src/ui/badges/controller';
import type { BadgeTransport } from '../../../src/ui/badges/transport';
import { loadFixture } from '../sites/load-fixture';

/** A store that answers each `badges` question only when the test releases it, in the order asked. */
function heldStore() {
  const releases: (() => void)[] = [];
  const transport: BadgeTransport = {
    badges: async (ids: string[]) => {
      await new Promise<void>((resolve) => releases.push(resolve));
      return ids.map((id): BadgeInfo => ({ id, rank: null, snapshot: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false, status: null }));
    },
    lookup: async () => null,
    save: async () => 'to-read' as const,
    unsave: async () => null,
    restore: async () => true,
    setStatus: async (_id, status) => status,
    arxivPage: async () => null,
    retitle: async () => undefined,
  };
  return { transport, releases };
}

let controller: BadgeController | null = null;
afterEach(() => {
  controller?.stop();
  controller = null;
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const roomHeld = () => !document.documentElement.hasAttribute('data-paperlens-badges');
/** Entries whose title has neither its badge after it nor the room held for one: they move when it comes. */
const entriesWithoutBadgeOrRoom = () => (roomHeld() ? 0 : [...document.querySelectorAll('article h3')].filter((title) => title.nextElementSibling?.localName !== 'paperlens-badge').length);

/** A Hugging Face day's list with badges started over a store that answers when released; the releases, one per question. */
async function startOnHfDay(): Promise<(() => void)[]> {
  const { doc, url } = await loadFixture('listings/hf-papers-date-2024-07-31.html');
  document.documentElement.removeAttribute('data-paperlens-badges');
  document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
  const { transport, releases } = heldStore();
  controller = createBadgeController({ site: hfList, transport, doc: document, currentUrl: () => url, waitForAnswerFrom: 1 });
  controller.start();
  return releases;
}

test('the page re-renders its entries while their badges wait for the store: no entry is left without its badge and without its room (a layout shift)', async () => {
  const releases = await startOnHfDay();
  await wait(10);
  // The page renders its cards again (new elements, as a client-side re-render does): their badges are asked for again.
  const grid = document.querySelector('.grid')!;
  grid.replaceChildren(...[...grid.children].map((card) => card.cloneNode(true)));
  await wait(10);
  expect(releases).toHaveLength(2);
  // The first question's answer comes (its badges' entries are gone); the second is still on its way.
  releases[0]!();
  await wait(30); // the page may paint here
  expect(entriesWithoutBadgeOrRoom()).toBe(0);
  releases[1]!();
  await wait(30);
  expect(entriesWithoutBadgeOrRoom()).toBe(0);
  expect([...document.querySelectorAll('article')].map((article) => article.querySelectorAll('paperlens-badge').length)).toEqual([1, 1, 1, 1, 1]);
});

test('Hugging Face shows another day in the same elements (client-side navigation): the entry keeps a badge line throughout, as it did before', async () => {
  const releases = await startOnHfDay();
  await wait(10);
  releases[0]!();
  await wait(30);
  expect(entriesWithoutBadgeOrRoom()).toBe(0);
  expect(document.querySelectorAll('article paperlens-badge')).toHaveLength(5);
  // The next day's first paper in the first card's elements; the store takes its time to answer about it.
  const link = document.querySelector('article h3 a')!;
  link.setAttribute('href', '/papers/2402.18041');
  link.textContent = 'Datasets for Large Language Models: A Comprehensive Survey';
  await wait(30); // the page paints here
  expect(entriesWithoutBadgeOrRoom()).toBe(0);
  releases[1]!();
  await wait(30);
  expect(document.querySelector('article paperlens-badge')?.getAttribute('data-arxiv-id')).toBe('2402.18041');
});
