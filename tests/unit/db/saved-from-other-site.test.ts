import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { citablePaper, completeSaved, lookupPapers, retitleFromArxiv, savePaper } from '../../../src/db/papers';
import { putPapers } from '../../../src/db/bulk';
import { summarize, SUMMARIZER_VERSION } from '../../../src/summarize';
import type { Paper } from '../../../src/schema';
import { normalizeTitle } from '../../../src/papers/ids';

// Hugging Face's page of a paper keeps the title it had when it was listed there, and shows its
// first authors: arXiv's page says the current title and every author.

let db: PaperLensDatabase;
let counter = 0;
const ID = '2310.01779';
const OLD_TITLE = 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption';
const NEW_TITLE = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
const HF = { id: ID, title: OLD_TITLE, authors: ['Bohan Zhai', 'Shijia Yang', 'Xiangchen Zhao'], sourceUrl: `https://huggingface.co/papers/${ID}` };
const ARXIV = {
  id: ID,
  title: NEW_TITLE,
  authors: ['Bohan Zhai', 'Shijia Yang', 'Chenfeng Xu', 'Sheng Shen', 'Kurt Keutzer', 'Chunyuan Li', 'Manling Li', 'Xiangchen Zhao'],
  sourceUrl: `https://arxiv.org/abs/${ID}`,
  published: '2023-10-03',
};

beforeEach(async () => {
  db = new PaperLensDatabase(`other-site-${++counter}`);
  const abstract = 'We introduce HallE-Switch, a controllable LVLM in terms of Hallucination in object Existence.';
  const paper: Paper = { id: ID, title: OLD_TITLE, normTitle: normalizeTitle(OLD_TITLE), authors: [], abstract, summary: { version: SUMMARIZER_VERSION, ...summarize(OLD_TITLE, abstract) }, rank: 1, snapshot: '2025-07-30', source: 'seed', feed: null, related: [] };
  await putPapers(db, [paper], 1);
});

describe('a paper arXiv retitled, saved from its Hugging Face page', () => {
  test('after its arXiv page was read: saved under arXiv\'s title, not the Hugging Face page\'s', async () => {
    expect(await retitleFromArxiv(db, ID, { title: NEW_TITLE }, 10)).toBe(true);
    await savePaper(db, HF, 20);
    expect((await db.saved.get(ID))!.title).toBe(NEW_TITLE);
  });

  test('a page title with bidi controls is stored as it reads, without them, in the store and the reading list; one that shows nothing changes nothing', async () => {
    await savePaper(db, HF, 5);
    expect(await retitleFromArxiv(db, ID, { title: `\u202E${NEW_TITLE}\u202C` }, 10)).toBe(true);
    expect((await db.papers.get(ID))!.title).toBe(NEW_TITLE);
    expect((await db.saved.get(ID))!.title).toBe(NEW_TITLE);
    expect(await retitleFromArxiv(db, ID, { title: '\u200B\u202E' }, 20)).toBe(false);
    expect((await db.papers.get(ID))!.title).toBe(NEW_TITLE);
  });

  test("before: its arXiv page, opened later, gives the item arXiv's title and whole author list", async () => {
    await savePaper(db, HF, 20);
    expect(await db.saved.get(ID)).toMatchObject({ title: OLD_TITLE, authors: HF.authors });
    expect(await completeSaved(db, ARXIV)).toEqual({ changed: 1 });
    expect(await db.saved.get(ID)).toMatchObject({ title: NEW_TITLE, authors: ARXIV.authors, updatedAt: 20 });
  });

  test("saved from arXiv's page, the item keeps its title and authors whatever another site says", async () => {
    await savePaper(db, ARXIV, 20);
    expect(await completeSaved(db, { ...HF, authors: ['Someone Else'] })).toEqual({ changed: 0 });
    expect(await db.saved.get(ID)).toMatchObject({ title: NEW_TITLE, authors: ARXIV.authors });
    // Authors another list names that arXiv's does not are not taken over.
    await db.saved.update(ID, { authors: ['Bohan Zhai', 'Other Person'], sourceUrl: HF.sourceUrl });
    await completeSaved(db, ARXIV);
    expect((await db.saved.get(ID))!.authors).toEqual(['Bohan Zhai', 'Other Person']);
  });

  test("retitled from its arXiv page: the summary is made from the page's abstract, and keeps the code links the store's abstract gave (arXiv's page shows a URL as \"this https URL\")", async () => {
    const linked = 'We introduce HallE-Switch. Code is at https://github.com/bronyayang/HallE_Control.';
    await putPapers(db, [{ ...(await db.papers.get(ID))!, abstract: linked, summary: { version: SUMMARIZER_VERSION, ...summarize(OLD_TITLE, linked) } }], 2);
    expect((await db.papers.get(ID))!.summary.codeLinks).toEqual(['https://github.com/bronyayang/HallE_Control']);
    await retitleFromArxiv(db, ID, { title: NEW_TITLE, abstract: 'We introduce HallE-Control, which reduces hallucination by 44%. Code is at this https URL.' }, 10);
    expect((await db.papers.get(ID))!.summary).toMatchObject({ tldr: expect.stringMatching(/HallE-Control/), keyResults: [expect.stringContaining('44%')], codeLinks: ['https://github.com/bronyayang/HallE_Control'] });
  });
});

describe('a paper the live feed listed without its abstract', () => {
  test("QA: its arXiv page read (a save completed from it), the store's paper gets the page's abstract and a TL;DR: the popup's rows show what the reading list shows", async () => {
    const FEED_ID = '2507.20004';
    const title = 'Auxiliary-Loss-Free Load Balancing for Mixture-of-Experts';
    await putPapers(db, [{ id: FEED_ID, title, normTitle: normalizeTitle(title), authors: [], abstract: '', summary: { version: SUMMARIZER_VERSION, ...summarize(title, '') }, rank: 4, snapshot: '2026-12-06', source: 'feed', feed: null, related: [] }], 1);
    expect((await db.papers.get(FEED_ID))!.summary.tldr).toBe('');
    const abstract = 'Mixture-of-Experts models need auxiliary losses to balance load. We show that a simple bias update removes the need for such losses and improves perplexity by 3%.';
    expect(await retitleFromArxiv(db, FEED_ID, { title, abstract }, 10)).toBe(true);
    const paper = (await db.papers.get(FEED_ID))!;
    expect(paper).toMatchObject({ title, abstract });
    expect(paper.summary.tldr).toMatch(/bias update/);
    // Read again, the same page changes nothing.
    expect(await retitleFromArxiv(db, FEED_ID, { title, abstract }, 20)).toBe(false);
  });
});

describe('a paper arXiv retitled, cited or shown from a page of another version', () => {
  const HF_ABSTRACT = 'We introduce HallE-Switch, a controllable LVLM in terms of Hallucination in object Existence.';
  const ARXIV_ABSTRACT = 'We introduce HallE-Control, a controllable LVLM in terms of Hallucination in object Existence. HallE-Control reduces hallucination by 44% compared to LLaVA-7B.';

  test("Copy BibTeX from its Hugging Face page, once saved from arXiv's, cites arXiv's title and every author, as from its arXiv page", async () => {
    await savePaper(db, ARXIV, 20);
    const fromHf = await citablePaper(db, HF);
    const fromArxiv = await citablePaper(db, ARXIV);
    expect(fromHf).toMatchObject({ title: NEW_TITLE, authors: ARXIV.authors, citeKey: fromArxiv.citeKey });
    expect(fromHf.title).toBe(fromArxiv.title);
  });

  test('Copy BibTeX from its Hugging Face page, not saved, after its arXiv page was read: arXiv\'s title', async () => {
    await retitleFromArxiv(db, ID, { title: NEW_TITLE }, 10);
    expect((await citablePaper(db, HF)).title).toBe(NEW_TITLE);
  });

  test("a page of another version (arXiv's v1, Hugging Face's copy) gets the TL;DR of the abstract it shows, with the title it shows; the store keeps its own", async () => {
    const [onOldPage] = await lookupPapers(db, [{ id: ID, title: NEW_TITLE, abstract: ARXIV_ABSTRACT }]);
    expect(onOldPage!.tldr).toMatch(/^We introduce HallE-Control/);
    expect(onOldPage!.keyResults.join(' ')).toContain('44%');
    expect(onOldPage!.inStore).toBe(true);
    expect((await db.papers.get(ID))!.summary.tldr).toMatch(/^We introduce HallE-Switch/);
    // A page titling it as the store does shows the store's summary.
    const [same] = await lookupPapers(db, [{ id: ID, title: OLD_TITLE, abstract: HF_ABSTRACT }]);
    expect(same!.tldr).toBe((await db.papers.get(ID))!.summary.tldr);
  });

  // QA: Hugging Face's weekly list titles SpecDec++ "…Candidate Length" (the store: "…Lengths") over a
  // shortened abstract; its badge showed that abstract's first sentence, every other page the store's TL;DR.
  test('a page titling it as the store does but spelled otherwise (a plural, a hyphen) shows the store\'s summary, whatever abstract it shows', async () => {
    const stored = (await db.papers.get(ID))!;
    const spelledOtherwise = `${stored.title.replace(/:/, ' -')}s`;
    const [shown] = await lookupPapers(db, [{ id: ID, title: spelledOtherwise, abstract: 'A shortened copy of the abstract, whose first sentence is background.' }]);
    expect(shown!.tldr).toBe(stored.summary.tldr);
  });
});
