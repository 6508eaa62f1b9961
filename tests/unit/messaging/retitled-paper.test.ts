import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaperLensDatabase } from '../../../src/db/database';
import { seedStore } from '../../../src/db/seed';
import { normalizeTitle } from '../../../src/papers/ids';
import { lookupPapers } from '../../../src/db/papers';
import { loadSearchIndex, paperRow, rowContext } from '../../../src/db/search';
import { readArxivAbsPage } from '../../../src/feed/arxiv-paper';
import { handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import { fillFromPage } from './fill-from-page';
import { saveFromTab } from '../../../src/messaging/save-from-tab';
import { paperInTab } from '../../../src/messaging/tab-paper';
import { seedAsset, seededStore } from './seeded-store';
import { feedEntryToPaper } from '../../../src/feed/merge';

// The bundled snapshot captured 2310.01779 under its first title; arXiv's page has its current one.
const CAPTURED = 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption';
const CURRENT = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const ID = '2310.01779';
/** The abstract page of its latest version, whose title is arXiv's current one. */
const ABS_URL = `https://arxiv.org/abs/${ID}`;
const arxivPage = readArxivAbsPage(await readFile(new URL('../../fixtures/arxiv-abs-2310.01779v3.html', import.meta.url), 'utf8'), ID)!;

let db: PaperLensDatabase;
let deps: HandlerDeps;
let run = 0;

beforeEach(async () => {
  ({ db, deps } = await seededStore(`retitled-${run++}`));
  // No script of ours answers in a PDF tab.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
});

afterEach(() => {
  db.close();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

/** The arXiv PDF tab of the paper as PaperLens titles it: from what the store says. */
async function pdfTab() {
  const title = await handleMessage({ type: 'paperTitle', id: ID }, deps);
  return { id: 9, url: `https://arxiv.org/pdf/${ID}v3`, title: `${title.ok ? String(title.result) : ''} | arXiv ${ID}v3` };
}

/** What the popup's This tab shows on the PDF tab (its title, as ThisTab picks it), and what search lists it as. */
async function popupTitles() {
  const tab = await paperInTab(await pdfTab());
  if (!tab || 'unknownId' in tab) throw new Error('no paper in the PDF tab');
  const [view] = await lookupPapers(db, [{ id: tab.id }]);
  const row = paperRow((await loadSearchIndex(db))!, await rowContext(db), ID);
  return { thisTab: view?.title ?? tab.title, search: row?.title };
}

expect(seedAsset.papers.find((paper) => paper.id === ID)?.title).toBe(CAPTURED);

describe('a paper the snapshot captured under a title arXiv has since changed', () => {
  test('saved from its PDF tab: once the arXiv page fill has read it, the popup, the PDF tab, search and the reading list all say the current title', async () => {
    expect(await popupTitles()).toEqual({ thisTab: CAPTURED, search: CAPTURED });
    await saveFromTab(db, await pdfTab(), 1_000);
    await fillFromPage(db, ID, arxivPage, 6_000);
    expect((await db.saved.get(ID))?.title).toBe(CURRENT);
    expect(await popupTitles()).toEqual({ thisTab: CURRENT, search: CURRENT });
    expect(await handleMessage({ type: 'paperTitle', id: ID }, deps)).toEqual({ ok: true, result: CURRENT });
  });

  test('its arXiv abstract page visited: the popup, a save from its PDF tab and the reading list say the current title', async () => {
    // The card of the abstract page tells the store the title the page shows.
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: arxivPage.title, authors: arxivPage.authors.slice(0, 3) }], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL });
    await expect.poll(async () => (await popupTitles()).thisTab).toBe(CURRENT);
    expect((await saveFromTab(db, await pdfTab(), 1_000))?.title).toBe(CURRENT);
    expect((await db.saved.get(ID))?.title).toBe(CURRENT);
  });

  test("saved from the popup's Trending list under the snapshot's title, then its arXiv page visited: the reading list takes the current title, its time kept", async () => {
    await handleMessage({ type: 'save', paper: { id: ID, title: CAPTURED, tldr: 'A switch.' } }, deps);
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: arxivPage.title }], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL });
    await expect.poll(async () => (await db.saved.get(ID))?.title).toBe(CURRENT);
    expect(await db.saved.get(ID)).toMatchObject({ addedAt: 5_000, updatedAt: 5_000 });
    expect(await popupTitles()).toEqual({ thisTab: CURRENT, search: CURRENT });
  });

  test('Copy BibTeX on its PDF tab read its arXiv page (the snapshot names no authors): the popup then says the current title', async () => {
    const citation = await handleMessage({ type: 'citation', paper: { id: ID, title: CAPTURED, titleIsGuess: true } }, { ...deps, arxivPage: async () => arxivPage });
    expect(citation).toMatchObject({ ok: true, result: expect.stringContaining(`title = {{${CURRENT}}}`) });
    expect(await popupTitles()).toEqual({ thisTab: CURRENT, search: CURRENT });
  });

  test("an update's new snapshot keeps the title arXiv gave it since; a capture made after that brings its own", async () => {
    const visitedAt = Date.UTC(2026, 10, 1);
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: arxivPage.title }], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL, now: () => visitedAt });
    await expect.poll(async () => (await popupTitles()).thisTab).toBe(CURRENT);
    // The same capture, compiled anew (another summarizer): as updates ship it.
    await seedStore(db, { ...seedAsset, version: 'next' }, visitedAt + 1);
    expect(await popupTitles()).toEqual({ thisTab: CURRENT, search: CURRENT });
    const later = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models (a later capture)';
    const papers = seedAsset.papers.map((paper) => (paper.id === ID ? { ...paper, title: later, normTitle: normalizeTitle(later), snapshot: '2026-11-20' } : paper));
    await seedStore(db, { ...seedAsset, version: 'later', papers }, visitedAt + 2);
    expect(await popupTitles()).toEqual({ thisTab: later, search: later });
  });

  test("its arXiv abstract page visited: the card is answered with the TL;DR and results of the page's abstract; a saved item's old TL;DR, a feed refresh and an update's reseed follow", async () => {
    const captured = await lookupPapers(db, [{ id: ID }]);
    expect(captured[0]?.tldr).toMatch(/^We introduce HallE-Switch/);
    await handleMessage({ type: 'save', paper: { id: ID, title: CAPTURED, tldr: captured[0]!.tldr } }, deps);
    const query = { id: ID, title: arxivPage.title, abstract: arxivPage.abstract, authors: arxivPage.authors.slice(0, 3) };
    const visitedAt = Date.UTC(2026, 10, 1);
    const reply = await handleMessage({ type: 'lookup', queries: [query], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL, now: () => visitedAt });
    // The answer the card shows: what the abstract on the page says, not the snapshot's.
    expect(reply).toMatchObject({ ok: true, result: [{ tldr: expect.stringMatching(/^We introduce HallE-Control/), keyResults: ['reduces hallucination by 44% compared to LLaVA-7B'] }] });
    await expect.poll(() => db.saved.get(ID)).toMatchObject({ title: CURRENT, tldr: expect.stringMatching(/^We introduce HallE-Control/), updatedAt: 5_000 });

    // Hugging Face's feed keeps its first copy of the title and abstract.
    const stored = (await db.papers.get(ID))!;
    const entry = { id: ID, title: CAPTURED, abstract: 'We introduce HallE-Switch, a switch.', authors: [], publishedAt: null, submittedAt: null, upvotes: 3, comments: null, githubRepo: null, projectPage: null, keywords: [], aiSummary: null };
    expect(feedEntryToPaper(entry, stored, visitedAt + 1)).toMatchObject({ title: CURRENT, abstract: stored.abstract, summary: { tldr: expect.stringMatching(/^We introduce HallE-Control/) } });
    // An update's snapshot, captured before the visit, brings the first ones too.
    await seedStore(db, { ...seedAsset, version: 'next' }, visitedAt + 2);
    expect((await lookupPapers(db, [{ id: ID }]))[0]).toMatchObject({ title: CURRENT, tldr: expect.stringMatching(/^We introduce HallE-Control/) });
  });

  test('a listing naming many papers arXiv retitled: all take their titles and abstracts in one write of the search index (each on its own rewrote it: a listing of a thousand held the worker for minutes); a saved one follows', async () => {
    const papers = seedAsset.papers.slice(0, 20);
    await handleMessage({ type: 'save', paper: { id: papers[3]!.id, title: papers[3]!.title, tldr: papers[3]!.summary.tldr } }, deps);
    let indexWrites = 0;
    db.searchIndex.hook('creating', () => void indexWrites++);
    db.searchIndex.hook('updating', () => void indexWrites++);
    const queries = papers.map((paper, index) => ({ id: paper.id, title: `Renamed Study Number ${index + 1}`, abstract: `We rename study ${index + 1}. It improves recall by ${index + 1}%.` }));
    const reply = await handleMessage({ type: 'lookup', queries }, { ...deps, senderUrl: 'https://arxiv.org/list/cs.CL/new' });
    expect(reply).toMatchObject({ ok: true, result: queries.map((query) => ({ title: query.title })) });
    expect(indexWrites).toBe(1);
    const row = paperRow((await loadSearchIndex(db))!, await rowContext(db), papers[19]!.id);
    expect(row?.title).toBe('Renamed Study Number 20');
    expect((await db.saved.get(papers[3]!.id))).toMatchObject({ title: 'Renamed Study Number 4', tldr: 'We rename study 4.' });
  });

  test("a Hugging Face page's title (its own copy, which may be older), or an arXiv page's written only otherwise, does not retitle it", async () => {
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: 'HallE-Switch: an older copy of the title' }], seenOn: 'hfPaper' }, deps);
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: CAPTURED.toUpperCase().replace(': ', ' -- ') }], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await popupTitles()).thisTab).toBe(CAPTURED);
  });

  test("a paper an earlier build retitled (it took the page's title only): its next visit gives it the page's abstract and summary; the visit after writes nothing", async () => {
    const captured = (await db.papers.get(ID))!;
    await db.papers.bulkPut([{ ...captured, title: CURRENT, normTitle: normalizeTitle(CURRENT), retitledAt: 4_000 }]);
    const query = { id: ID, title: arxivPage.title, abstract: arxivPage.abstract };
    const visit = () => handleMessage({ type: 'lookup', queries: [query], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL });
    expect(await visit()).toMatchObject({ ok: true, result: [{ tldr: expect.stringMatching(/^We introduce HallE-Control/) }] });
    const stored = (await db.papers.get(ID))!;
    expect(stored).toMatchObject({ title: CURRENT, retitledAt: 4_000, abstract: expect.stringMatching(/^Current Large Vision Language Models/) });
    await visit();
    expect(await db.papers.get(ID)).toEqual(stored);
  });

  test("a page of a given version (abs/IDv3, the HTML view) retitles a paper only Hugging Face titled: badges, the popup and search then agree with it", async () => {
    const v3 = { id: ID, title: arxivPage.title, abstract: arxivPage.abstract };
    const reply = await handleMessage({ type: 'lookup', queries: [v3], seenOn: 'arxivAbs' }, { ...deps, senderUrl: `https://arxiv.org/html/${ID}v3` });
    expect(reply).toMatchObject({ ok: true, result: [{ title: CURRENT, tldr: expect.stringMatching(/^We introduce HallE-Control/) }] });
    expect(await popupTitles()).toEqual({ thisTab: CURRENT, search: CURRENT });
    const byId = await handleMessage({ type: 'lookup', queries: [{ id: ID }] }, deps);
    expect(byId).toMatchObject({ ok: true, result: [{ tldr: expect.stringMatching(/^We introduce HallE-Control/) }] });
  });

  test("once arXiv's latest page retitled it, an older version's page (/abs/IDv1) does not take it back: it is answered with the summary of the abstract it shows, under its title", async () => {
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: arxivPage.title, abstract: arxivPage.abstract }], seenOn: 'arxivAbs' }, { ...deps, senderUrl: ABS_URL });
    await expect.poll(async () => (await popupTitles()).thisTab).toBe(CURRENT);
    const v1 = { id: ID, title: 'HallE-Switch: the title of version 1', abstract: 'We present SwitchNet, which cuts hallucination by 12% on CCEval.' };
    const reply = await handleMessage({ type: 'lookup', queries: [v1], seenOn: 'arxivAbs' }, { ...deps, senderUrl: `${ABS_URL}v1` });
    expect(reply).toMatchObject({ ok: true, result: [{ tldr: expect.stringMatching(/^We present SwitchNet/), keyResults: [expect.stringContaining('12%')], inStore: true }] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await popupTitles()).thisTab).toBe(CURRENT);
    const byId = await handleMessage({ type: 'lookup', queries: [{ id: ID }] }, deps);
    expect(byId).toMatchObject({ ok: true, result: [{ tldr: expect.stringMatching(/^We introduce HallE-Control/) }] });
  });
});
