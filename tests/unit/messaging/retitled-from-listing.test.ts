import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import { readArxivFillQueue } from '../../../src/db/feed';
import { loadSearchIndex, paperRow, rowContext } from '../../../src/db/search';
import { readArxivAbsPage } from '../../../src/feed/arxiv-paper';
import { handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import { fillFromPage } from './fill-from-page';
import { seedAsset, seededStore } from './seeded-store';

// The bundled snapshot captured 2310.01779 under its first title; arXiv's listings show its current one.
const CAPTURED = 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption';
const CURRENT = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const ID = '2310.01779';
const OTHER = '2407.13623';
const NEW_LIST = 'https://arxiv.org/list/cs.CL/new';
const arxivPage = readArxivAbsPage(await readFile(new URL('../../fixtures/arxiv-abs-2310.01779v3.html', import.meta.url), 'utf8'), ID)!;

let db: PaperLensDatabase;
let deps: HandlerDeps;
let listing: HandlerDeps;
let run = 0;

beforeEach(async () => {
  ({ db, deps } = await seededStore(`retitled-listing-${run++}`));
  listing = { ...deps, senderUrl: NEW_LIST };
});

afterEach(() => db.close());

/** What the popup shows of the paper (Trending's row, search's row) and the reading list's item. */
async function shown() {
  const paper = (await db.papers.get(ID))!;
  const row = paperRow((await loadSearchIndex(db))!, await rowContext(db), ID);
  const item = await db.saved.get(ID);
  return { title: paper.title, tldr: paper.summary.tldr, search: row?.title, saved: item && { title: item.title, tldr: item.tldr } };
}

/** The listing's `badges` request, with its entries' titles: which the store marks retitled. */
async function retitledOnListing(titles: string[]) {
  const reply = await handleMessage({ type: 'badges', ids: [ID, OTHER], titles }, listing);
  if (!reply.ok) throw new Error(reply.error);
  return (reply.result as ({ retitled?: true } | null)[]).map((info) => info?.retitled ?? false);
}

describe('an arXiv listing showing a paper of the snapshot under the title arXiv has given it since', () => {
  test('its entry shows the abstract: the badge asks with both, and the store, popup and search take the title and the TL;DR and results of that abstract', async () => {
    const otherTitle = (await db.papers.get(OTHER))!.title;
    expect(await retitledOnListing([CURRENT, otherTitle])).toEqual([true, false]);
    const reply = await handleMessage({ type: 'lookup', queries: [{ id: ID, title: CURRENT, abstract: arxivPage.abstract }] }, listing);
    expect(reply).toMatchObject({ ok: true, result: [{ title: CURRENT, tldr: expect.stringMatching(/^We introduce HallE-Control/) }] });
    expect(await shown()).toEqual({ title: CURRENT, tldr: expect.stringMatching(/^We introduce HallE-Control/), search: CURRENT, saved: undefined });
    expect((await db.papers.get(ID))!.summary.keyResults).toEqual(['reduces hallucination by 44% compared to LLaVA-7B']);
    expect(await retitledOnListing([CURRENT, otherTitle])).toEqual([false, false]);
  });

  test("its entry shows no abstract (a replacement): the store keeps its title and TL;DR; saved, the item has the listing's title and no TL;DR until its arXiv page, read by the completion queue, gives both to the item and the store", async () => {
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: CURRENT }] }, listing);
    expect(await shown()).toEqual({ title: CAPTURED, tldr: expect.stringMatching(/^We introduce HallE-Switch/), search: CAPTURED, saved: undefined });

    // The badge's Save, with the store's TL;DR it showed (of the older version).
    const stored = (await db.papers.get(ID))!;
    await handleMessage({ type: 'save', paper: { id: ID, title: CURRENT, tldr: stored.summary.tldr, authors: ['Bohan Zhai'], sourceUrl: NEW_LIST } }, listing);
    expect((await shown()).saved).toEqual({ title: CURRENT, tldr: '' });
    expect((await readArxivFillQueue(db)).ids).toEqual([ID]);

    await fillFromPage(db, ID, arxivPage, 6_000);
    const tldr = expect.stringMatching(/^We introduce HallE-Control/);
    expect(await shown()).toEqual({ title: CURRENT, tldr, search: CURRENT, saved: { title: CURRENT, tldr } });
  });

  test("once arXiv's latest page retitled it, a listing showing another title does not take it back; nor does a Hugging Face list", async () => {
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: arxivPage.title, abstract: arxivPage.abstract }] }, { ...deps, senderUrl: `https://arxiv.org/abs/${ID}` });
    const before = await shown();
    expect(before.title).toBe(CURRENT);
    expect(await retitledOnListing([CAPTURED, CAPTURED])).toEqual([false, true]);
    await handleMessage({ type: 'lookup', queries: [{ id: ID, title: CAPTURED, abstract: 'We introduce HallE-Switch, a switch.' }] }, listing);
    expect(await shown()).toEqual(before);

    await handleMessage({ type: 'lookup', queries: [{ id: OTHER, title: CAPTURED, abstract: 'We introduce HallE-Switch, a switch.' }] }, { ...deps, senderUrl: 'https://huggingface.co/papers/date/2024-07-31' });
    expect((await db.papers.get(OTHER))!.title).not.toBe(CAPTURED);
  });
});

describe("an arXiv listing showing a paper under a title spelled otherwise than the store's (\"…Candidate Length\" for \"…Lengths\")", () => {
  test("its entry shows no abstract (a replacement): a save keeps the store's TL;DR, under the listing's title; the store keeps its own until arXiv's page is read, whose abstract then comes in", async () => {
    const specDec = seedAsset.papers.find((paper) => paper.title.startsWith('SpecDec++'))!;
    expect(specDec.title).toMatch(/Candidate Lengths$/);
    const listed = specDec.title.replace(/Lengths$/, 'Length');
    expect(await handleMessage({ type: 'badges', ids: [specDec.id], titles: [listed] }, listing)).toMatchObject({ ok: true, result: [{ retitled: true }] });
    await handleMessage({ type: 'lookup', queries: [{ id: specDec.id, title: listed }] }, listing);
    expect((await db.papers.get(specDec.id))!.title).toBe(specDec.title);

    await handleMessage({ type: 'save', paper: { id: specDec.id, title: listed, tldr: specDec.summary.tldr, sourceUrl: NEW_LIST } }, listing);
    expect(await db.saved.get(specDec.id)).toMatchObject({ title: listed, tldr: specDec.summary.tldr });
    expect(specDec.summary.tldr).toMatch(/^We propose SpecDec\+\+/);

    // A new version's HTML view: the store and the item take its title and abstract.
    const rewritten = 'We introduce a completely rewritten method that drafts tokens with a small verifier network. It doubles decoding speed.';
    await handleMessage({ type: 'lookup', queries: [{ id: specDec.id, title: listed, abstract: rewritten }] }, { ...deps, senderUrl: `https://arxiv.org/html/${specDec.id}v2` });
    const rewrittenTldr = expect.stringMatching(/^We introduce a completely rewritten method/);
    expect((await db.papers.get(specDec.id))!).toMatchObject({ title: listed, abstract: rewritten, summary: { tldr: rewrittenTldr } });
    expect(await db.saved.get(specDec.id)).toMatchObject({ title: listed, tldr: rewrittenTldr });
  });

  test("a listing title holding the store's and more, or its name alone, is another version's: a save from there waits for arXiv's page for its TL;DR", async () => {
    const reagent = seedAsset.papers.find((paper) => paper.title.startsWith('ReAGent'))!;
    const stelo = seedAsset.papers.find((paper) => paper.title.startsWith('SteloCoder'))!;
    for (const [paper, title] of [[reagent, 'ReAGent'], [stelo, `${stelo.title}: Extended Version with Proofs`]] as const) {
      await handleMessage({ type: 'save', paper: { id: paper.id, title, tldr: paper.summary.tldr, sourceUrl: NEW_LIST } }, listing);
      expect(await db.saved.get(paper.id)).toMatchObject({ title, tldr: '' });
    }
  });
});
