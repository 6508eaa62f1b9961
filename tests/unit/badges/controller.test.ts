// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { within } from '@testing-library/preact';
import type { BadgeInfo, LookupQuery, PagePaper, ReadingStatus, RemovedItem, SaveInput } from '../../../src/schema';
import { savedItem } from '../export/fixtures';
import { arxivListing } from '../../../src/sites/arxiv-listing';
import { hfList } from '../../../src/sites/hf-list';
import { ANSWER_WAIT_MS, createBadgeController, type BadgeController } from '../../../src/ui/badges/controller';
import { SUMMARIZING_AFTER_MS } from '../../../src/ui/badges/badge';
import type { ListingSite } from '../../../src/sites/types';
import type { BadgeTransport } from '../../../src/ui/badges/transport';
import { NoAnswerError } from '../../../src/messaging/client';
import { loadFixture } from '../sites/load-fixture';

/** The store as the badges see it: a few known papers, a reading list, and every request made. */
class FakeStore implements BadgeTransport {
  requests: { type: string; ids?: string[]; titles?: string[]; query?: LookupQuery; queries?: LookupQuery[]; paper?: SaveInput }[] = [];
  saved = new Map<string, ReadingStatus>();
  failBadges: string | null = null;
  /** Holds the answer to `badges` until released (the store answering after the badges are shown). */
  held: Promise<void> = Promise.resolve();
  known: Record<string, Partial<BadgeInfo>> = {
    '2310.01779': { rank: 1, snapshot: '2025-07-30', inStore: true, seen: true },
    '2407.13623': { rank: 10, snapshot: '2025-07-30', inStore: true, codeLink: 'https://github.com/sail-sg/scaling-with-vocab' },
  };

  badges = async (ids: string[], titles?: string[]) => {
    this.requests.push({ type: 'badges', ids, ...(titles ? { titles } : {}) });
    await this.held;
    if (this.failBadges) throw new Error(this.failBadges);
    return ids.map((id): BadgeInfo => ({ id, rank: null, snapshot: null, seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: false, status: this.saved.get(id) ?? null, ...this.known[id] }));
  };
  /** The store's titles of papers it holds (else "Stored title of <id>"). */
  titles: Record<string, string> = {};
  retitle = async (queries: LookupQuery[]) => {
    this.requests.push({ type: 'retitle', queries });
  };
  lookup = async (query: LookupQuery) => {
    this.requests.push({ type: 'lookup', query });
    if (query.id && this.known[query.id]) return { title: this.titles[query.id] ?? `Stored title of ${query.id}`, tldr: `Stored TL;DR of ${query.id}.`, inStore: true };
    return query.abstract ? { title: query.title ?? '', tldr: query.abstract.split('. ')[0]!, inStore: false } : null;
  };
  save = async (paper: SaveInput) => {
    this.requests.push({ type: 'save', paper });
    this.saved.set(paper.id, 'to-read');
    return 'to-read' as const;
  };
  unsave = async (id: string) => {
    this.requests.push({ type: 'unsave', ids: [id] });
    const status = this.saved.get(id);
    this.saved.delete(id);
    return status ? { ...savedItem({ id, status }), removedAt: Date.now() } : null;
  };
  restore = async (item: RemovedItem) => {
    this.requests.push({ type: 'restore', ids: [item.id] });
    if (this.saved.has(item.id)) return false; // saved again meanwhile: that item stays
    this.saved.set(item.id, item.status);
    return true;
  };
  setStatus = async (id: string, status: ReadingStatus) => {
    this.requests.push({ type: 'setStatus', ids: [id] });
    this.saved.set(id, status);
    return status;
  };
  /** Papers' arXiv pages, as the background reads them when it may ask arXiv. */
  arxivPages: Record<string, PagePaper> = {};
  /** Why arXiv does not answer now (offline, busy), or null. */
  arxivDown: string | null = null;
  /** The background does not answer at all (PaperLens reloaded under the page). */
  silent = false;
  arxivPage = async (id: string) => {
    this.requests.push({ type: 'arxivPage', ids: [id] });
    if (this.silent) throw new NoAnswerError();
    if (this.arxivDown) throw new Error(this.arxivDown);
    return this.arxivPages[id] ?? null;
  };
  of(type: string) {
    return this.requests.filter((request) => request.type === type);
  }
}

let controller: BadgeController | null = null;

afterEach(() => {
  controller?.stop();
  controller = null;
});

/** Puts a parsed page in the test's document. */
function show(doc: Document) {
  // A page just loaded: the room for badges is held (an earlier test's controller gave it back).
  document.documentElement.removeAttribute('data-paperlens-badges');
  document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
}

/** Shows a fixture in the test's document and runs a controller on it. */
async function open(name: string, site: ListingSite = arxivListing, store = new FakeStore()) {
  const { doc, url } = await loadFixture(`listings/${name}`);
  show(doc);
  controller = createBadgeController({ site, transport: store, doc: document, currentUrl: () => url });
  controller.start();
  await controller.scan();
  return { store, controller, url };
}

/** The Hugging Face list shows another paper in its first entry's elements (as its client-side navigation does). */
function showAnotherPaperInFirstArticle() {
  const link = document.querySelector('article h3 a')!;
  link.setAttribute('href', '/papers/2402.18041');
  link.textContent = 'Datasets for Large Language Models: A Comprehensive Survey';
}

/** Like `open`, with the store's answer to the first scan held until `release` is called. */
async function openHeld(name: string, site: ListingSite, waitForAnswerFrom?: number) {
  const { doc, url } = await loadFixture(`listings/${name}`);
  show(doc);
  const store = new FakeStore();
  let release = () => undefined as void;
  store.held = new Promise<void>((resolve) => (release = resolve));
  controller = createBadgeController({ site, transport: store, doc: document, currentUrl: () => url, waitForAnswerFrom });
  controller.start();
  return { store, controller, release };
}

const hosts = () => [...document.querySelectorAll<HTMLElement>('[data-paperlens="badge"]')];
const badge = (id: string) => document.querySelector<HTMLElement>(`[data-paperlens="badge"][data-arxiv-id="${id}"]`)!;
const part = (host: HTMLElement, testid: string) => host.shadowRoot!.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
/** Lets the MutationObserver deliver and the scan it starts finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** New badges have waited for the store's answer as long as they do, and gone in without it. */
const answerWaitOver = () => new Promise((resolve) => setTimeout(resolve, ANSWER_WAIT_MS + 20));

function addEntry(id: string, title: string) {
  const dl = document.querySelector('dl')!;
  const dt = document.createElement('dt');
  const link = document.createElement('a');
  link.title = 'Abstract';
  link.href = `/abs/${id}`;
  link.textContent = `arXiv:${id}`;
  dt.append(link);
  const dd = document.createElement('dd');
  const heading = document.createElement('div');
  heading.className = 'list-title mathjax';
  heading.textContent = title;
  dd.append(heading);
  dl.append(dt, dd);
}

describe('listing badges', () => {
  test('one batched request for the whole page, one badge right after each title', async () => {
    const { store } = await open('arxiv-list-cs.CL-new.html');
    const entries = arxivListing.entries(document);
    // With each entry's title: an arXiv listing shows the current one.
    expect(store.of('badges')).toEqual([{ type: 'badges', ids: entries.map((entry) => entry.id), titles: entries.map((entry) => arxivListing.title(entry)) }]);
    expect(hosts()).toHaveLength(10);
    for (const entry of entries) {
      const next = entry.anchor.nextElementSibling as HTMLElement;
      expect(next.dataset.paperlens).toBe('badge');
      expect(next.dataset.arxivId).toBe(entry.id);
      expect(next.shadowRoot?.mode).toBe('open');
    }
  });

  test('shows rank, seen mark and code link from the store, and the page’s own code link', async () => {
    await open('arxiv-list-cs.CL-new.html');
    const halle = badge('2310.01779');
    expect(part(halle, 'badge-rank')?.textContent).toBe('#1 daily · Jul 30, 2025');
    expect(part(halle, 'badge-seen')?.textContent).toBe('Seen');
    expect(halle.shadowRoot!.querySelector('[role="img"][aria-label="PaperLens"]')?.textContent).toBe('PL');
    expect(part(badge('2407.13623'), 'badge-code-link')?.getAttribute('href')).toBe('https://github.com/sail-sg/scaling-with-vocab');
    expect(part(badge('2407.13623'), 'badge-code-link')?.textContent).toBe('Code');
    expect(part(badge('2407.21001'), 'badge-code-link')?.getAttribute('href')).toBe('https://github.com/example/tiny-lm');
    const unknown = badge('2407.21123');
    expect(part(unknown, 'badge-rank')).toBeNull();
    expect(part(unknown, 'badge-seen')).toBeNull();
    expect(part(unknown, 'badge-code-link')).toBeNull();
    expect(part(badge('2501.09999'), 'badge-code-link')).toBeNull(); // its page link is javascript:
  });

  test('after the store changed (a feed refresh, a save elsewhere) every badge shows what it holds now, once', async () => {
    const { store, controller } = await open('arxiv-list-cs.CL-new.html');
    store.known['2310.01779'] = { rank: 3, snapshot: 'Live · 2024-07-31', inStore: true, seen: true, upvotes: 12 };
    store.known['2407.21123'] = { rank: 1, snapshot: 'Live · 2024-07-31', inStore: true };
    store.saved.set('2407.21123', 'reading');
    await controller.refreshInfo();
    const halle = badge('2310.01779');
    expect(halle.shadowRoot!.querySelectorAll('[data-testid="badge-rank"]')).toHaveLength(1);
    expect(part(halle, 'badge-rank')?.textContent).toBe('#3 daily · Jul 31, 2024');
    expect(part(halle, 'badge-upvotes')?.textContent).toBe('▲ 12');
    expect(halle.shadowRoot!.querySelectorAll('[data-testid="badge-seen"]')).toHaveLength(1);
    const now = badge('2407.21123');
    expect(part(now, 'badge-rank')?.textContent).toBe('#1 daily · Jul 31, 2024');
    expect(part(now, 'badge-save')?.textContent).toBe('Saved');
    // Removed from the store's view again: the rank goes.
    delete store.known['2407.21123'];
    store.saved.delete('2407.21123');
    await controller.refreshInfo();
    expect(part(now, 'badge-rank')).toBeNull();
    expect(part(now, 'badge-save')?.textContent).toBe('Save');
  });

  test('a store change while the page\'s badges are first asked about: the newer answer stays, whichever comes back last', async () => {
    // The first question's answer is held (the store busy as the page loads) and was read before the save below.
    const { store, controller, release } = await openHeld('arxiv-list-cs.CL-new.html', arxivListing);
    const scanned = controller.scan();
    await settle();
    // Saved elsewhere meanwhile (the badges still wait for the first answer): the page is told, and asks again; that answer comes first.
    store.saved.set('2407.21123', 'reading');
    store.held = Promise.resolve();
    await controller.refreshInfo();
    await answerWaitOver();
    expect(part(badge('2407.21123'), 'badge-save')?.textContent).toBe('Saved');
    // Then the first answer arrives, from before the save.
    store.saved.delete('2407.21123');
    release();
    await scanned;
    expect(part(badge('2407.21123'), 'badge-save')?.textContent).toBe('Saved');
  });

  test('after a store change that leaves a badge\'s paper as it was, the badge is left untouched (2,000 badges remade on every save cost a long task)', async () => {
    const { store, controller } = await open('arxiv-list-cs.CL-new.html');
    const halle = badge('2310.01779');
    const rank = part(halle, 'badge-rank')!;
    const changes: MutationRecord[] = [];
    const watcher = new MutationObserver((records) => changes.push(...records));
    for (const host of hosts()) watcher.observe(host.shadowRoot!, { childList: true, subtree: true, characterData: true, attributes: true });
    // Another paper saved elsewhere: only its badge changes.
    store.saved.set('2407.21123', 'to-read');
    await controller.refreshInfo();
    await settle();
    watcher.disconnect();
    expect(part(badge('2407.21123'), 'badge-save')?.textContent).toBe('Saved');
    expect(rank.isConnected).toBe(true);
    expect(new Set(changes.map((change) => (change.target.getRootNode() as ShadowRoot).host))).toEqual(new Set([badge('2407.21123')]));
  });

  test('feed papers show their upvotes and project page; only http(s) links are shown', async () => {
    const store = new FakeStore();
    store.known['2407.13623'] = { ...store.known['2407.13623'], upvotes: 52, projectPage: 'https://example.org/vocab' };
    store.known['2310.01779'] = { ...store.known['2310.01779'], upvotes: 3, projectPage: 'javascript:alert(1)' };
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    expect(part(badge('2407.13623'), 'badge-upvotes')?.textContent).toBe('▲ 52');
    // Said to a screen reader as what it counts, not "black up-pointing triangle 52".
    expect(part(badge('2407.13623'), 'badge-upvotes')?.getAttribute('role')).toBe('img');
    expect(part(badge('2407.13623'), 'badge-upvotes')?.getAttribute('aria-label')).toBe('52 upvotes on Hugging Face Daily Papers');
    expect(part(badge('2407.13623'), 'badge-project-link')?.getAttribute('href')).toBe('https://example.org/vocab');
    expect(part(badge('2310.01779'), 'badge-upvotes')?.textContent).toBe('▲ 3');
    expect(part(badge('2310.01779'), 'badge-project-link')).toBeNull();
    // On a Hugging Face list, which shows each paper's live upvotes: not the feed's older count
    // beside them; the project page still.
    controller?.stop();
    await open('hf-papers-date-2024-07-31.html', hfList, store);
    expect(part(badge('2407.13623'), 'badge-project-link')?.getAttribute('href')).toBe('https://example.org/vocab');
    expect(part(badge('2407.13623'), 'badge-upvotes')).toBeNull();
    expect(part(badge('2407.21123'), 'badge-upvotes')).toBeNull();
  });

  test('entries added later get badges with one more request for just them, and never a second badge', async () => {
    const { store } = await open('arxiv-list-cs.CL-new.html');
    addEntry('2407.30001', 'Later Paper One');
    addEntry('2407.30002', 'Later Paper Two');
    await settle();
    expect(store.of('badges').map((request) => request.ids)).toEqual([expect.any(Array), ['2407.30001', '2407.30002']]);
    expect(hosts()).toHaveLength(12);
    await controller!.scan();
    await settle();
    expect(hosts()).toHaveLength(12);
    expect(store.of('badges')).toHaveLength(2);
  });

  test('a page that clones its entries with our badges keeps exactly one working badge per entry', async () => {
    await open('hf-papers-date-2024-07-31.html', hfList);
    const grid = document.querySelector('.grid')!;
    grid.replaceChildren(...[...grid.children].map((card) => card.cloneNode(true)));
    await settle();
    expect(hosts()).toHaveLength(5);
    expect(hosts().every((host) => host.shadowRoot !== null)).toBe(true);
    for (const article of document.querySelectorAll('article')) expect(article.querySelectorAll('[data-paperlens="badge"]')).toHaveLength(1);
  });

  test('a badge the page re-renders away comes back; an element reused for another paper gets that paper’s badge', async () => {
    await open('hf-papers-date-2024-07-31.html', hfList);
    const first = badge('2407.13623');
    first.remove();
    await settle();
    expect(badge('2407.13623')).toBe(first);

    showAnotherPaperInFirstArticle();
    await settle();
    expect(document.querySelector('article [data-paperlens="badge"]')?.getAttribute('data-arxiv-id')).toBe('2402.18041');
    expect(hosts()).toHaveLength(5);
  });

  test('an element reused for another paper while the store has not yet answered gets that paper’s badge at once, not when the answer comes', async () => {
    const { controller, release } = await openHeld('hf-papers-date-2024-07-31.html', hfList);
    await answerWaitOver();
    expect(hosts()).toHaveLength(5);
    // The site shows another day's list in the same elements (a client-side navigation).
    showAnotherPaperInFirstArticle();
    await answerWaitOver();
    // (It kept the previous paper's badge, with its Save, until the store answered.)
    expect(document.querySelector('article [data-paperlens="badge"]')?.getAttribute('data-arxiv-id')).toBe('2402.18041');
    expect(hosts()).toHaveLength(5);
    release();
    await controller.scan();
    expect(document.querySelector('article [data-paperlens="badge"]')?.getAttribute('data-arxiv-id')).toBe('2402.18041');
    expect(hosts()).toHaveLength(5);
  });

  test('Save clicked before the store answers, then the page shows another day in the same cards: the paper clicked is saved, with its own title and page', async () => {
    const { doc, url } = await loadFixture('listings/hf-papers-date-2024-07-31.html');
    show(doc);
    const store = new FakeStore();
    let release = () => undefined as void;
    store.held = new Promise<void>((resolve) => (release = resolve));
    let now = url;
    controller = createBadgeController({ site: hfList, transport: store, doc: document, currentUrl: () => now });
    controller.start();
    await answerWaitOver();
    part(badge('2407.13623'), 'badge-save')!.click();
    // The next day, in the same elements, at a new URL, while the Save waits for the store's answer.
    now = new URL('https://huggingface.co/papers/date/2024-08-01');
    showAnotherPaperInFirstArticle();
    await settle();
    release();
    await settle();
    expect(store.of('save')).toHaveLength(1);
    // (It was saved under the title the element showed by then: "Datasets for Large Language Models…".)
    expect(store.of('save')[0]!.paper).toMatchObject({
      id: '2407.13623',
      title: 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies',
      sourceUrl: 'https://huggingface.co/papers/date/2024-07-31',
    });
  });

  test('Save saves what the entry shows, and every badge of the paper follows; a second click unsaves', async () => {
    const { store } = await open('arxiv-list-cs.CL-new.html');
    addEntry('2310.01779', 'HallE-Control again'); // the same paper twice on one page (added to the first section)
    await settle();
    const [two, one] = document.querySelectorAll<HTMLElement>('[data-arxiv-id="2310.01779"]');
    part(one!, 'badge-save')!.click();
    await settle();
    expect(store.of('save')[0]!.paper).toMatchObject({
      id: '2310.01779',
      title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models',
      authors: ['Bohan Zhai', 'Shijia Yang', 'Chenfeng Xu', 'Sheng Shen', 'Kurt Keutzer', 'Chunyuan Li', 'Manling Li'],
      primaryCategory: 'cs.CV',
      pdfUrl: 'https://arxiv.org/pdf/2310.01779',
      sourceUrl: 'https://arxiv.org/list/cs.CL/new',
    });
    for (const host of [one!, two!]) {
      expect(part(host, 'badge-save')?.textContent).toBe('Saved');
      expect((part(host, 'badge-status') as HTMLSelectElement).value).toBe('to-read');
    }
    const select = part(two!, 'badge-status') as HTMLSelectElement;
    select.value = 'reading';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(store.saved.get('2310.01779')).toBe('reading');
    expect((part(one!, 'badge-status') as HTMLSelectElement).value).toBe('reading');

    part(one!, 'badge-save')!.click();
    await settle();
    expect(store.of('unsave')).toHaveLength(1);
    expect(part(two!, 'badge-save')?.textContent).toBe('Save');
    expect(part(two!, 'badge-status')).toBeNull();

    // The badge that removed it offers Undo, which puts the paper back as it was, on every badge.
    expect(part(one!, 'badge-undo')?.textContent).toBe('Undo');
    part(one!, 'badge-undo')!.click();
    await settle();
    expect(store.of('restore')).toHaveLength(1);
    expect(store.saved.get('2310.01779')).toBe('reading');
    for (const host of [one!, two!]) expect((part(host, 'badge-status') as HTMLSelectElement).value).toBe('reading');
    expect(part(one!, 'badge-undo')).toBeNull();
  });

  test('Save double-clicked: the paper stays saved (the second click landed on "Saved" and removed it); Enter or Space on Saved still removes it', async () => {
    const { store } = await open('arxiv-list-cs.CL-new.html');
    const save = part(badge('2310.01779'), 'badge-save')!;
    const click = (detail: number) => save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail }));
    click(1);
    await settle();
    expect(save.textContent).toBe('Saved');
    click(2);
    await settle();
    expect(save.textContent).toBe('Saved');
    expect(store.of('unsave')).toHaveLength(0);
    expect(store.saved.get('2310.01779')).toBe('to-read');

    click(0); // the keyboard's click
    await settle();
    expect(save.textContent).toBe('Save');
    expect(store.of('unsave')).toHaveLength(1);
  });

  test('"Removed · Undo" comes in a live region that was there before, so a screen reader says it', async () => {
    const store = new FakeStore();
    store.saved.set('2407.21123', 'reading');
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    const host = badge('2407.21123');
    const regions = () => [...host.shadowRoot!.querySelectorAll('[role="status"]')];
    const before = regions();
    expect(before.map((region) => region.textContent)).toEqual(['']);
    part(host, 'badge-save')!.click();
    await settle();
    expect(regions()).toEqual(before);
    expect(before[0]!.textContent).toBe('Removed · Undo');
    expect(before[0]!.contains(part(host, 'badge-undo'))).toBe(true);
    part(host, 'badge-undo')!.click();
    await settle();
    expect(before[0]!.isConnected).toBe(true);
    expect(before[0]!.textContent).toBe('');
  });

  test('a paper saved without its TL;DR expanded is saved with one, from the abstract the page shows', async () => {
    const { store } = await open('arxiv-list-cs.CL-new.html');
    const unknown = hosts().find((host) => !(host.dataset.arxivId! in store.known))!;
    part(unknown, 'badge-save')!.click();
    await settle();
    const [save] = store.of('save');
    const [lookup] = store.of('lookup');
    expect(lookup!.query).toMatchObject({ id: unknown.dataset.arxivId });
    expect(lookup!.query!.abstract!.length).toBeGreaterThan(100);
    expect(save!.paper!.tldr).toBe(lookup!.query!.abstract!.split('. ')[0]);
  });

  test('a paper saved earlier shows Saved with its status', async () => {
    const store = new FakeStore();
    store.saved.set('2407.21123', 'read');
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    expect(part(badge('2407.21123'), 'badge-save')?.textContent).toBe('Saved');
    expect((part(badge('2407.21123'), 'badge-status') as HTMLSelectElement).value).toBe('read');
  });

  test('a long listing\'s badges go in with the store\'s answer when it comes soon: the page lays them out once, and none says "Save" before "Saved"', async () => {
    // Its 10 entries stand for a long listing's hundreds.
    const { store, controller, release } = await openHeld('arxiv-list-cs.CL-new.html', arxivListing, 1);
    store.saved.set('2310.01779', 'reading');
    const scanned = controller.scan();
    // What each badge showed when it went in.
    const firstShown = new Map<string, string | null | undefined>();
    const watcher = new MutationObserver(() => {
      for (const host of hosts()) if (!firstShown.has(host.dataset.arxivId!)) firstShown.set(host.dataset.arxivId!, part(host, 'badge-save')?.textContent);
    });
    watcher.observe(document.body, { childList: true, subtree: true });
    await settle();
    // Built, and asked about, but not in the page before the answer: the room held for them stays.
    expect(store.of('badges')).toHaveLength(1);
    expect(hosts()).toHaveLength(0);
    expect(document.documentElement.hasAttribute('data-paperlens-badges')).toBe(false);
    release();
    await scanned;
    await settle();
    watcher.disconnect();
    expect(hosts()).toHaveLength(10);
    expect(document.documentElement.hasAttribute('data-paperlens-badges')).toBe(true);
    expect(firstShown.get('2310.01779')).toBe('Saved');
    expect(part(badge('2310.01779'), 'badge-rank')?.textContent).toBe('#1 daily · Jul 30, 2025');
  });

  test('a short listing\'s badges go in at once, before the store answers (laying them out is cheap, and waiting would hold them back)', async () => {
    const { store, controller, release } = await openHeld('arxiv-list-cs.CL-new.html', arxivListing);
    store.saved.set('2310.01779', 'reading');
    const scanned = controller.scan();
    await settle();
    expect(hosts()).toHaveLength(10);
    expect(part(badge('2310.01779'), 'badge-save')?.textContent).toBe('Save');
    release();
    await scanned;
    expect(part(badge('2310.01779'), 'badge-save')?.textContent).toBe('Saved');
  });

  test('a theme chosen while new badges wait for the store\'s answer is the one they go in with', async () => {
    const { doc, url } = await loadFixture('listings/arxiv-list-cs.CL-new.html');
    show(doc);
    const store = new FakeStore();
    let release = () => {};
    store.held = new Promise((resolve) => (release = resolve));
    let scheme: 'light' | 'dark' = 'light';
    controller = createBadgeController({ site: arxivListing, transport: store, doc: document, currentUrl: () => url, look: () => ({ seen: true, scheme }), waitForAnswerFrom: 1 });
    controller.start();
    const scanned = controller.scan();
    scheme = 'dark';
    controller.restyle();
    release();
    await scanned;
    expect(hosts()).toHaveLength(10);
    expect(hosts().map((host) => host.getAttribute('data-theme'))).toEqual(Array(10).fill('dark'));
  });

  test('badges the store is slow to answer for go in without its answer; the answer then fills them in on the same line', async () => {
    const store = new FakeStore();
    let release = () => {};
    store.held = new Promise((resolve) => (release = resolve));
    store.saved.set('2310.01779', 'reading');
    const { doc, url } = await loadFixture('listings/arxiv-list-cs.CL-new.html');
    show(doc);
    controller = createBadgeController({ site: arxivListing, transport: store, doc: document, currentUrl: () => url });
    controller.start();
    const scanned = controller.scan();
    await answerWaitOver();
    expect(hosts()).toHaveLength(10);
    const halle = badge('2310.01779');
    expect(part(halle, 'badge-rank')).toBeNull();
    expect(part(halle, 'badge-save')?.textContent).toBe('Save');
    // Clicked while it still says Save: the click waits for the answer, and a saved paper stays saved.
    part(halle, 'badge-save')!.click();
    part(badge('2407.21123'), 'badge-save')!.click();
    await settle();
    expect(store.of('save')).toHaveLength(0);
    release();
    await scanned;
    await settle();
    expect(part(halle, 'badge-rank')?.textContent).toBe('#1 daily · Jul 30, 2025');
    expect(part(halle, 'badge-save')?.textContent).toBe('Saved');
    expect((part(halle, 'badge-status') as HTMLSelectElement).value).toBe('reading');
    expect(store.of('unsave')).toHaveLength(0);
    expect(store.of('save').map((request) => request.paper?.id)).toEqual(['2407.21123']);
  });

  test('the TL;DR is fetched once, on first expand, with the entry’s title and (on /new) abstract', async () => {
    const { store } = await open('arxiv-list-cs.CL-new.html');
    const host = badge('2407.21123');
    const toggle = part(host, 'badge-tldr-toggle')!;
    const panel = part(host, 'badge-tldr')!;
    expect(panel.hidden).toBe(true);
    expect(store.of('lookup')).toHaveLength(0);
    toggle.click();
    await settle();
    expect(store.of('lookup').map((request) => request.query)).toEqual([
      { id: '2407.21123', title: 'Retrieval Heads Explain Long-Context Factuality', abstract: expect.stringMatching(/^Long-context models often ignore facts/) },
    ]);
    expect(panel.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.textContent).toContain('Long-context models often ignore facts placed in the middle of their input');
    expect(panel.textContent).toContain('(summarized from its abstract)');
    toggle.click();
    expect(panel.hidden).toBe(true);
    toggle.click();
    await settle();
    expect(store.of('lookup')).toHaveLength(1);

    part(badge('2310.01779'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(part(badge('2310.01779'), 'badge-tldr')!.textContent).toBe('Stored TL;DR of 2310.01779.');
  });

  test("a withdrawn paper's badge says \"Withdrawn\" (the reason from its comments on hover); the other badges say nothing of it", async () => {
    const { doc, url } = await loadFixture('listings/arxiv-list-cs.CL-new.html');
    const entry = [...doc.querySelectorAll('dl > dt')].find((dt) => dt.textContent!.includes('2310.01779'))!.nextElementSibling!;
    entry.querySelector('.list-comments')!.textContent = 'Comments: This paper has been withdrawn by the authors due to a flaw in Theorem 1';
    show(doc);
    controller = createBadgeController({ site: arxivListing, transport: new FakeStore(), doc: document, currentUrl: () => url });
    controller.start();
    await controller.scan();
    const mark = part(badge('2310.01779'), 'badge-withdrawn')!;
    expect(mark.textContent).toBe('Withdrawn');
    expect(mark.title).toBe('This paper has been withdrawn by the authors due to a flaw in Theorem 1');
    expect(hosts().filter((host) => part(host, 'badge-withdrawn'))).toEqual([badge('2310.01779')]);
  });

  test('Escape in a badge closes its open TL;DR, the focus on the toggle, and reaches no page shortcut; closed, Escape is left alone', async () => {
    await open('arxiv-list-cs.CL-new.html');
    const host = badge('2407.21123');
    const toggle = part(host, 'badge-tldr-toggle')!;
    const panel = part(host, 'badge-tldr')!;
    const pageKeys: string[] = [];
    const onPageKey = (event: KeyboardEvent) => pageKeys.push(event.key);
    document.addEventListener('keydown', onPageKey);
    const escape = (target: HTMLElement) => {
      const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    toggle.focus();
    toggle.click();
    await settle();
    expect(panel.hidden).toBe(false);
    expect(escape(toggle)).toBe(true);
    expect(panel.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(host.shadowRoot!.activeElement).toBe(toggle);
    expect(escape(toggle)).toBe(false);
    expect(pageKeys).toEqual([]);
    document.removeEventListener('keydown', onPageKey);
  });

  test('a screen reader hears the TL;DR button as "TL;DR of “<title>”", collapsed or expanded, and then the TL;DR when it comes', async () => {
    await open('arxiv-list-cs.CL-new.html');
    const host = badge('2407.21123');
    const inside = within(host.shadowRoot!.querySelector<HTMLElement>('.pl-badge')!);
    expect(inside.getByRole('button', { name: 'TL;DR of “Retrieval Heads Explain Long-Context Factuality”', expanded: false })).toBe(part(host, 'badge-tldr-toggle'));
    // A click on the arrow is a click on the button.
    part(host, 'badge-tldr-toggle')!.querySelector<HTMLElement>('[aria-hidden="true"]')!.click();
    expect(inside.getByRole('button', { name: 'TL;DR of “Retrieval Heads Explain Long-Context Factuality”', expanded: true })).toBe(part(host, 'badge-tldr-toggle'));
    const panel = part(host, 'badge-tldr')!;
    // Announced when it comes.
    expect(panel.getAttribute('aria-live')).toBe('polite');
    await settle();
    expect(panel.textContent).toContain('Long-context models often ignore facts');
  });

  test('the TL;DR opens in one step: no "Summarizing…" before one the store has at once; a slower one (arXiv asked) says "Summarizing…" until it comes', async () => {
    const store = new FakeStore();
    let answerFromArxiv = () => undefined as void;
    const arxivAnswered = new Promise<void>((resolve) => (answerFromArxiv = resolve));
    const readArxivPage = store.arxivPage;
    store.arxivPage = async (id) => {
      await arxivAnswered;
      return readArxivPage(id);
    };
    store.arxivPages['2407.21500'] = {
      id: '2407.21500', title: 'Prompt Compression by Learned Token Dropping', abstract: 'We drop tokens from prompts with a learned scorer. It keeps accuracy.', authors: ['A. Author'],
      published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, codeLinks: [],
    };
    store.known['2402.18041'] = { inStore: true };
    await open('arxiv-list-cs.CL-recent.html', arxivListing, store);
    /** Every text the panel showed, in order (an empty panel is not drawn). */
    const textsShown = (host: HTMLElement) => {
      const panel = part(host, 'badge-tldr')!;
      const shown: string[] = [];
      new MutationObserver(() => shown.push(panel.textContent ?? '')).observe(panel, { childList: true, characterData: true, subtree: true });
      return shown;
    };
    const known = badge('2402.18041');
    const knownShown = textsShown(known);
    part(known, 'badge-tldr-toggle')!.click();
    await settle();
    expect(knownShown.filter((text) => text !== '')).toEqual(['Stored TL;DR of 2402.18041.']);

    const unknown = badge('2407.21500');
    const unknownShown = textsShown(unknown);
    part(unknown, 'badge-tldr-toggle')!.click();
    await settle();
    expect(part(unknown, 'badge-tldr')!.textContent).toBe('');
    await new Promise((resolve) => setTimeout(resolve, SUMMARIZING_AFTER_MS));
    expect(part(unknown, 'badge-tldr')!.textContent).toBe('Summarizing…');
    answerFromArxiv();
    await settle();
    expect(unknownShown.filter((text) => text !== '')).toEqual(['Summarizing…', "We drop tokens from prompts with a learned scorer (summarized from its arXiv page's abstract)"]);
  });

  test('without an abstract on the page, an unknown paper’s TL;DR comes from its arXiv page; without that either, it says why there is none', async () => {
    const store = new FakeStore();
    store.arxivPages['2407.21500'] = {
      id: '2407.21500', title: 'Prompt Compression by Learned Token Dropping', abstract: 'We drop tokens from prompts with a learned scorer. It keeps accuracy.', authors: ['A. Author'],
      published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, codeLinks: [],
    };
    await open('arxiv-list-cs.CL-recent.html', arxivListing, store);
    part(badge('2407.21500'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('lookup').map((request) => request.query)).toEqual([
      { id: '2407.21500', title: 'Prompt Compression by Learned Token Dropping' },
      { id: '2407.21500', title: 'Prompt Compression by Learned Token Dropping', abstract: store.arxivPages['2407.21500'].abstract },
    ]);
    expect(part(badge('2407.21500'), 'badge-tldr')!.textContent).toBe("We drop tokens from prompts with a learned scorer (summarized from its arXiv page's abstract)");
    // Saved now, it keeps that TL;DR.
    part(badge('2407.21500'), 'badge-save')!.click();
    await settle();
    expect(store.of('save')[0]!.paper!.tldr).toBe('We drop tokens from prompts with a learned scorer');

    // arXiv has no page to read for it: the badge says why there is none.
    const other = [...document.querySelectorAll<HTMLElement>('paperlens-badge')].map((host) => host.dataset.arxivId!).find((id) => id !== '2407.21500' && !store.known[id])!;
    part(badge(other), 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('arxivPage').map((request) => request.ids![0])).toEqual(['2407.21500', other]);
    expect(part(badge(other), 'badge-tldr')!.textContent).toMatch(/^No TL;DR: .*does not show its abstract/);
  });

  test('arXiv not answering: the TL;DR says so, with why (not that the paper has no abstract), and Try again or the next expand asks again', async () => {
    const store = new FakeStore();
    store.arxivDown = 'arXiv answered HTTP 503 for 2407.21500';
    await open('arxiv-list-cs.CL-recent.html', arxivListing, store);
    const host = badge('2407.21500');
    const panel = () => part(host, 'badge-tldr')!;
    part(host, 'badge-tldr-toggle')!.click();
    await settle();
    expect(panel().textContent).toBe("No TL;DR: arXiv did not give this paper's abstract (arXiv answered HTTP 503 for 2407.21500). Try again");
    expect(panel().textContent).not.toMatch(/does not know this paper/);
    const retry = within(panel()).getByRole('button', { name: 'Try the TL;DR of “Prompt Compression by Learned Token Dropping” again' });
    expect(retry).toBe(part(host, 'badge-tldr-retry'));
    // Still down: Try again asks again, and says so again; its focus stays in the badge.
    retry.focus();
    retry.click();
    expect(host.shadowRoot!.activeElement).toBe(part(host, 'badge-tldr-toggle'));
    await settle();
    expect(store.of('arxivPage')).toHaveLength(2);
    expect(part(host, 'badge-tldr-retry')).not.toBeNull();
    // arXiv back: collapsing and expanding again asks again, and the TL;DR comes.
    store.arxivDown = null;
    store.arxivPages['2407.21500'] = {
      id: '2407.21500', title: 'Prompt Compression by Learned Token Dropping', abstract: 'We drop tokens from prompts with a learned scorer. It keeps accuracy.', authors: ['A. Author'],
      published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, codeLinks: [],
    };
    part(host, 'badge-tldr-toggle')!.click();
    part(host, 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('arxivPage')).toHaveLength(3);
    expect(panel().textContent).toBe("We drop tokens from prompts with a learned scorer (summarized from its arXiv page's abstract)");
    expect(part(host, 'badge-tldr-retry')).toBeNull();
  });

  test('PaperLens itself not answering (reloaded under the page) is not blamed on arXiv', async () => {
    const store = new FakeStore();
    store.silent = true;
    await open('arxiv-list-cs.CL-recent.html', arxivListing, store);
    part(badge('2407.21500'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(part(badge('2407.21500'), 'badge-tldr')!.textContent).toBe('No TL;DR: PaperLens did not answer: reload the page. Try again');
  });

  test('with asking arXiv switched off, an unknown paper on a list without abstracts: no request, and the TL;DR says arXiv was not asked', async () => {
    const { doc, url } = await loadFixture('listings/arxiv-list-cs.CL-recent.html');
    show(doc);
    const store = new FakeStore();
    controller = createBadgeController({ site: arxivListing, transport: store, doc: document, currentUrl: () => url, arxivAllowed: () => false });
    controller.start();
    await controller.scan();
    part(badge('2407.21500'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('arxivPage')).toEqual([]);
    expect(part(badge('2407.21500'), 'badge-tldr')!.textContent).toBe('No TL;DR: PaperLens does not know this paper, this page does not show its abstract, and asking arXiv for it is off ("Complete papers from arXiv" in the options).');
    expect(part(badge('2407.21500'), 'badge-tldr-retry')).toBeNull();
  });

  test("papers arXiv retitled (the store marks them, asked with the listing's titles): those showing their abstract go to the store in one request; one without asks its arXiv page for its TL;DR", async () => {
    const store = new FakeStore();
    store.known['2310.01779'] = { ...store.known['2310.01779'], retitled: true };
    store.known['2501.09999'] = { inStore: true, retitled: true };
    store.known['2407.21001'] = { inStore: true, retitled: true };
    store.arxivPages['2310.01779'] = {
      id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models', abstract: 'We introduce HallE-Control, a controllable LVLM.', authors: ['Bohan Zhai'],
      published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, codeLinks: [],
    };
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    await settle();
    const [asked] = store.of('badges');
    expect(asked!.titles).toHaveLength(asked!.ids!.length);
    expect(asked!.titles![asked!.ids!.indexOf('2310.01779')]).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    expect(store.of('retitle').map((request) => request.queries!.map((query) => [query.id, !!query.abstract]))).toEqual([[['2407.21001', true], ['2501.09999', true]]]);

    part(badge('2310.01779'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('arxivPage').map((request) => request.ids)).toEqual([['2310.01779']]);
    expect(part(badge('2310.01779'), 'badge-tldr')!.textContent).toBe('Stored TL;DR of 2310.01779.');
  });

  test("a paper whose listing title is the store's spelled otherwise (\"Length\" for \"Lengths\") shows the store's TL;DR without asking arXiv, which may not answer", async () => {
    const store = new FakeStore();
    store.known['2310.01779'] = { ...store.known['2310.01779'], retitled: true };
    store.titles['2310.01779'] = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Model';
    store.arxivDown = 'no connection to arXiv';
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    await settle();
    part(badge('2310.01779'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('arxivPage')).toEqual([]);
    expect(part(badge('2310.01779'), 'badge-tldr')!.textContent).toBe('Stored TL;DR of 2310.01779.');
  });

  test("a paper arXiv retitled, when arXiv does not give the current version's abstract: the store's TL;DR, said to be an earlier version's, not \"No TL;DR\"", async () => {
    const store = new FakeStore();
    store.known['2310.01779'] = { ...store.known['2310.01779'], retitled: true };
    store.arxivDown = 'no connection to arXiv';
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    await settle();
    part(badge('2310.01779'), 'badge-tldr-toggle')!.click();
    await settle();
    expect(store.of('arxivPage').map((request) => request.ids)).toEqual([['2310.01779']]);
    expect(part(badge('2310.01779'), 'badge-tldr')!.textContent).toBe("Stored TL;DR of 2310.01779. (of an earlier version; arXiv did not give this one's abstract: no connection to arXiv) Try again");
    // arXiv back: Try again reads the current version.
    store.arxivDown = null;
    store.arxivPages['2310.01779'] = {
      id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models', abstract: 'We introduce HallE-Control, a controllable LVLM.', authors: ['Bohan Zhai'],
      published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, codeLinks: [],
    };
    part(badge('2310.01779'), 'badge-tldr-retry')!.click();
    await settle();
    expect(store.of('arxivPage')).toHaveLength(2);
    expect(part(badge('2310.01779'), 'badge-tldr')!.textContent).not.toMatch(/earlier version|Try again/);
  });

  test('markup in titles and abstracts stays text inside the badge', async () => {
    await open('arxiv-list-cs.CL-new.html');
    const host = badge('2501.09999');
    part(host, 'badge-tldr-toggle')!.click();
    await settle();
    expect(part(host, 'badge-tldr')!.textContent).toContain('<script>window.__paperlensXss=3</script>');
    expect(host.shadowRoot!.querySelectorAll('img, script')).toHaveLength(0);
  });

  test('when the store cannot be asked, every entry still gets a badge that says so', async () => {
    const store = new FakeStore();
    store.failBadges = 'the store is being upgraded';
    await open('arxiv-list-cs.CL-recent.html', arxivListing, store);
    expect(hosts()).toHaveLength(5);
    expect(hosts()[0]!.shadowRoot!.textContent).toContain('PaperLens store unavailable: the store is being upgraded');
    expect(part(hosts()[0]!, 'badge-save')?.textContent).toBe('Save');
  });

  test('a status change the store refuses says why, and the badge goes on showing the status the paper has', async () => {
    const store = new FakeStore();
    store.saved.set('2407.21123', 'reading');
    store.setStatus = async () => {
      throw new Error('the disk is full');
    };
    await open('arxiv-list-cs.CL-new.html', arxivListing, store);
    const host = badge('2407.21123');
    const select = part(host, 'badge-status') as HTMLSelectElement;
    select.value = 'read';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(host.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('the disk is full');
    expect(select.value).toBe('reading');
  });

  test('once the store answers again, badges stop saying it is unavailable', async () => {
    const store = new FakeStore();
    store.failBadges = 'the store is being upgraded';
    const { controller } = await open('arxiv-list-cs.CL-recent.html', arxivListing, store);
    store.failBadges = null;
    store.known['2407.21500'] = { rank: 3, snapshot: '2025-07-30', inStore: true };
    await controller.refreshInfo(); // the store announced a change (its upgrade done, a feed refresh)
    const host = badge('2407.21500');
    expect(part(host, 'badge-rank')?.textContent).toBe('#3 daily · Jul 30, 2025');
    expect(host.shadowRoot!.textContent).not.toContain('unavailable');
  });

  test.each(['arxiv-list-math.HO-new-empty.html', 'arxiv-list-not-recognized.html'])('%s: no request, no badge', async (name) => {
    const { store } = await open(name);
    expect(store.requests).toEqual([]);
    expect(hosts()).toHaveLength(0);
  });

  test('a URL that is not a listing gets nothing, and stop() takes every badge away', async () => {
    const { doc } = await loadFixture('listings/arxiv-list-cs.CL-new.html');
    show(doc);
    const store = new FakeStore();
    let url = new URL('https://arxiv.org/abs/2310.01779');
    controller = createBadgeController({ site: arxivListing, transport: store, doc: document, currentUrl: () => url });
    controller.start();
    await controller.scan();
    expect(store.requests).toEqual([]);
    url = new URL('https://arxiv.org/list/cs.CL/new');
    await controller.scan();
    expect(hosts()).toHaveLength(10);
    controller.stop();
    expect(hosts()).toHaveLength(0);
  });
});
