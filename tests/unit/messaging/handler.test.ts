import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createStore } from '../../../src/db/open';
import { changesSaved, handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import { CITATION_STUB_ERROR } from '../../../src/messaging/citation-refusal';
import { buildSeedAsset } from '../../../scripts/seed-build';

let deps: HandlerDeps;
let seenOn = true;
let seenSites: string[] = [];

beforeAll(async () => {
  const asset = await buildSeedAsset();
  const store = createStore({ db: new PaperLensDatabase('handler-test'), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
  deps = {
    ready: store.ready,
    health: store.health,
    now: () => 42,
    relatedForPage: store.related.forPage,
    seenEnabled: async (site) => {
      seenSites.push(site);
      return seenOn;
    },
    refreshFeed: () => Promise.reject(new Error('feed refresh is not part of these tests')),
  };
});

/**
 * Looks up a paper of the store from its page and waits for its seen mark. Marks are written after
 * the reply, in the order asked: one asked for earlier is written (or not) by then.
 */
async function seenAfterwards(id: string, using: HandlerDeps = deps): Promise<void> {
  const db = await deps.ready();
  await handleMessage({ type: 'lookup', queries: [{ id }], seenOn: 'arxivAbs' }, using);
  await expect.poll(async () => (await db.seen.get(id))?.at).toBe(42);
}

describe('background message handler', () => {
  test.each([
    [undefined, /malformed request/],
    ['lookup', /malformed request/],
    [{ type: 'explode' }, /malformed request: type/],
    [{ type: 'lookup', queries: [] }, /queries/],
    [{ type: 'lookup', queries: [{}] }, /a query needs an id or a title/],
    [{ type: 'lookup', queries: [{ id: 'x'.repeat(101) }] }, /queries\.0\.id/],
    // A card sends a page's first five authors at most.
    [{ type: 'lookup', queries: [{ title: 'x', authors: ['a', 'b', 'c', 'd', 'e', 'f'] }] }, /queries\.0\.authors/],
    [{ type: 'save', paper: { id: '2310.01779' } }, /paper\.title/],
    [{ type: 'save', paper: { id: 'not-an-id', title: 'x' } }, /paper\.id: not a canonical arXiv id/],
    [{ type: 'save', paper: { id: '2310.01779', title: 'x', sourceUrl: 'javascript:alert(1)' } }, /sourceUrl: not an http\(s\) URL/],
    [{ type: 'setStatus', id: '2310.01779', status: 'done' }, /status/],
    [{ type: 'related', paper: { id: 'not-an-id', title: 'x', abstract: 'y' } }, /malformed request: paper\.id/],
  ])('%j gets an error reply, not a crash', async (message, reason) => {
    const reply = await handleMessage(message, deps);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(reason);
  });

  test('pages are told after every change to what is saved, and only then', async () => {
    let told = 0;
    const watched: HandlerDeps = { ...deps, storeChanged: () => told++ };
    const expectTold = async (message: unknown, ok: boolean, times: number) => {
      const before = told;
      expect((await handleMessage(message, watched)).ok).toBe(ok);
      expect(told - before).toBe(times);
    };
    await expectTold({ type: 'save', paper: { id: '2407.13623', title: 'x' } }, true, 1);
    // A saved paper's card completes its item on every visit: pages hear of it only when it changed something.
    await expectTold({ type: 'completeSaved', paper: { id: '2407.13623', title: 'x', authors: ['A. Author'] } }, true, 1);
    await expectTold({ type: 'completeSaved', paper: { id: '2407.13623', title: 'x', authors: ['A. Author'] } }, true, 0);
    await expectTold({ type: 'setStatus', id: '2407.13623', status: 'read' }, true, 1);
    await expectTold({ type: 'setStatusMany', ids: ['2407.13623'], status: 'reading' }, true, 1);
    // A bulk edit, an Undo or a removal that changed nothing tells no page.
    await expectTold({ type: 'setStatusMany', ids: ['2407.13623'], status: 'reading' }, true, 0);
    await expectTold({ type: 'removeSaved', ids: ['2310.09999'] }, true, 0);
    await expectTold({ type: 'setNotes', id: '2407.13623', notes: 'tags and notes change no status' }, true, 0);
    await expectTold({ type: 'lookup', queries: [{ id: '2407.13623' }] }, true, 0);
    await expectTold({ type: 'setStatus', id: '2310.09999', status: 'read' }, false, 0); // not saved: nothing changed
    await expectTold({ type: 'removeSaved', ids: ['2407.13623'] }, true, 1);
    // Forgets the removed paper too (a save would bring its status and notes back): the tests below save it anew.
    await expectTold({ type: 'clearReadingData' }, true, 1);
  });

  test('the changes pages are told of are known before the message is handled (the worker marks them until told)', () => {
    expect(['save', 'removeSaved', 'restoreSaved', 'undoRemoval', 'importApply', 'setStatusMany'].map((type) => changesSaved({ type }))).toEqual([true, true, true, true, true, true]);
    expect([{ type: 'lookup' }, { type: 'setNotes' }, { type: 'completeSaved' }, 'save', null].map(changesSaved)).toEqual([false, false, false, false, false]);
  });

  test('a page the store does not hold: its card answer comes first, its related papers of the store on request', async () => {
    const page = {
      id: '2601.00042',
      title: 'Tree Drafts for Faster Speculative Decoding',
      abstract: 'Speculative decoding accelerates large language model inference: a small draft model proposes candidate tokens that the target model verifies in parallel. We propose tree drafts with adaptive candidate lengths, which raise the acceptance rate of the verification step and speed up decoding by 2.1x.',
    };
    const lookup = await handleMessage({ type: 'lookup', queries: [page] }, deps);
    expect(lookup).toMatchObject({ ok: true, result: [{ id: page.id, inStore: false, related: [] }] });
    const related = await handleMessage({ type: 'related', paper: page }, deps);
    if (!related.ok) throw new Error(related.error);
    const links = related.result as { id: string; title: string }[];
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(3);
    expect(links.map((link) => link.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^(2405\.19715|2407\.12021|2501\.19309)$/)]));
    expect(links.every((link) => link.title.length > 0)).toBe(true);
  });

  test('a batched lookup answers every query in one reply', async () => {
    const reply = await handleMessage({ type: 'lookup', queries: [{ id: '2310.01779v2' }, { id: '1234.56789' }, { title: 'Salamandra Technical Report' }] }, deps);
    expect(reply.ok && reply.result).toEqual([
      expect.objectContaining({ id: '2310.01779', rank: 1 }),
      null,
      expect.objectContaining({ id: '2502.08489' }),
    ]);
  });

  test("review: a page's script may save its paper but not read, import into or clear the reading list", async () => {
    const page = { ...deps, senderUrl: 'https://arxiv.org/abs/2310.01779', fromPage: true };
    const db = await deps.ready();
    expect(await handleMessage({ type: 'save', paper: { id: '2407.13623', title: 'Scaling Laws with Vocabulary' } }, page)).toMatchObject({ ok: true });
    for (const type of ['listSaved', 'clearReadingData', 'setNotes', 'refreshFeed']) {
      expect(await handleMessage({ type }, page)).toEqual({ ok: false, error: `a page's script may not ask for "${type}"` });
    }
    const planted = { type: 'importApply', items: [{ id: '2501.00001', title: 'Planted by a page', status: 'to-read', tags: ['pwned'] }] };
    expect(await handleMessage(planted, page)).toMatchObject({ ok: false, error: expect.stringMatching(/may not ask for "importApply"/) });
    expect(await db.saved.get('2501.00001')).toBeUndefined();
    expect(await db.saved.get('2407.13623')).toBeDefined();
    // The reading list's own page may.
    expect(await handleMessage({ type: 'listSaved' }, deps)).toMatchObject({ ok: true, result: expect.arrayContaining([expect.objectContaining({ id: '2407.13623' })]) });
    await handleMessage({ type: 'removeSaved', ids: ['2407.13623'] }, page);
    expect(await db.saved.get('2407.13623')).toBeUndefined();
  });

  test("review: a page's removal is told the paper's id, status and time, not its notes and tags; one paper at a time", async () => {
    const page = { ...deps, senderUrl: 'https://arxiv.org/abs/2502.08489', fromPage: true };
    const db = await deps.ready();
    await handleMessage({ type: 'save', paper: { id: '2502.08489', title: 'Salamandra' } }, deps);
    await handleMessage({ type: 'setNotes', id: '2502.08489', notes: 'my private note' }, deps);
    await handleMessage({ type: 'setTags', id: '2502.08489', tags: ['thesis'] }, deps);
    const removed = await handleMessage({ type: 'removeSaved', ids: ['2502.08489'] }, page);
    expect(removed).toMatchObject({ ok: true, result: [{ id: '2502.08489', status: 'to-read', notes: '', tags: [] }] });
    expect(await handleMessage({ type: 'keptRemoved', ids: ['2502.08489'] }, page)).toMatchObject({ ok: true, result: [{ notes: '', tags: [] }] });
    // Its Undo puts back the paper as the store kept it, the note with it.
    const removedAt = removed.ok ? (removed.result as { removedAt: number }[])[0]!.removedAt : 0;
    expect(await handleMessage({ type: 'undoRemoval', removals: [{ id: '2502.08489', removedAt }] }, page)).toMatchObject({ ok: true, result: { changed: 1 } });
    expect((await db.saved.get('2502.08489'))!.notes).toBe('my private note');
    expect(await handleMessage({ type: 'removeSaved', ids: ['2502.08489', '2310.01779'] }, page)).toEqual({ ok: false, error: "a page's script removes or puts back one paper at a time" });
    expect(await db.saved.get('2502.08489')).toBeDefined();
    await handleMessage({ type: 'removeSaved', ids: ['2502.08489'] }, deps);
  });

  test("QA: a paper saved bare (arXiv out of reach) is completed when its arXiv page is read for a PDF tab's title, and the open pages are told", async () => {
    const page = { id: '2411.12345', title: 'Sparse Mixtures of Tiny Experts', abstract: 'We route tokens to tiny experts. They are fast.', authors: ['Ada Lovelace'], published: '2024-11-18', primaryCategory: 'cs.LG', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
    let told = 0;
    const withArxiv = { ...deps, arxivPage: async () => page, storeChanged: () => void told++ };
    await handleMessage({ type: 'save', paper: { id: '2411.12345', title: '2411.12345v2.pdf', titleIsGuess: true } }, deps);
    expect(await handleMessage({ type: 'paperTitle', id: '2411.12345' }, withArxiv)).toEqual({ ok: true, result: 'Sparse Mixtures of Tiny Experts' });
    const db = await deps.ready();
    expect(await db.saved.get('2411.12345')).toMatchObject({ title: 'Sparse Mixtures of Tiny Experts', authors: ['Ada Lovelace'], tldr: expect.stringMatching(/tiny experts/) });
    expect(told).toBe(1);
    await handleMessage({ type: 'removeSaved', ids: ['2411.12345'] }, deps);
  });

  test('review: a saved paper arXiv retitled since, its page read for the popup, has the open pages told', async () => {
    const db = await deps.ready();
    const bundled = (await db.papers.get('2405.19715'))!;
    await handleMessage({ type: 'save', paper: { id: '2405.19715', title: bundled.title, authors: ['Ada Lovelace'], published: '2024-05-30', primaryCategory: 'cs.LG' } }, deps);
    const page = { id: '2405.19715', title: 'A Wholly New Title for It', abstract: bundled.abstract, authors: ['Ada Lovelace'], published: '2024-05-30', primaryCategory: 'cs.LG', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
    let told = 0;
    await handleMessage({ type: 'arxivPage', id: '2405.19715' }, { ...deps, arxivPage: async () => page, storeChanged: () => void told++ });
    expect((await db.saved.get('2405.19715'))!.title).toBe('A Wholly New Title for It');
    expect(told).toBe(1);
    await handleMessage({ type: 'removeSaved', ids: ['2405.19715'] }, deps);
  });

  test('save, set status, list and remove round-trip through messages', async () => {
    expect(await handleMessage({ type: 'save', paper: { id: '2502.08489', title: 'Salamandra' } }, deps)).toMatchObject({ ok: true, result: { status: 'to-read' } });
    expect(await handleMessage({ type: 'setStatus', id: '2502.08489', status: 'reading' }, deps)).toMatchObject({ ok: true, result: { status: 'reading' } });
    expect(await handleMessage({ type: 'listSaved' }, deps)).toMatchObject({ ok: true, result: [{ id: '2502.08489', status: 'reading', addedAt: 42 }] });
    expect(await handleMessage({ type: 'removeSaved', ids: ['2502.08489'] }, deps)).toMatchObject({ ok: true });
    expect(await handleMessage({ type: 'setStatus', id: '2502.08489', status: 'read' }, deps)).toEqual({ ok: false, error: '2502.08489 is not in the reading list' });
  });

  test("a card's citation is the BibTeX entry of what its page says, even while the store is down", async () => {
    const paper = { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-06-12', primaryCategory: 'cs.CL' };
    const broken = { ...deps, ready: () => Promise.reject(new Error('the store could not be opened')) };
    const reply = await handleMessage({ type: 'citation', paper }, broken);
    expect(reply).toEqual({ ok: true, result: expect.stringMatching(/^@misc\{vaswani2017attention,\n {2}title = \{\{Attention Is All You Need\}\},\n {2}author = \{Ashish Vaswani and Noam Shazeer\},/) });
    expect(await handleMessage({ type: 'citation', paper: { ...paper, id: 'not-an-id' } }, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/paper\.id/) });
  });

  test('a citation from a tab with no page (a PDF) takes what the reading list knows of the paper; a page\'s details win', async () => {
    const saved = { id: '2407.13623', title: 'Scaling Laws with Vocabulary', authors: ['Chaofan Tao', 'Qian Liu'], published: '2024-07-18', primaryCategory: 'cs.CL' };
    expect(await handleMessage({ type: 'save', paper: saved }, deps)).toMatchObject({ ok: true });
    const reply = await handleMessage({ type: 'citation', paper: { id: '2407.13623', title: '2407.13623v1.pdf', titleIsGuess: true } }, deps);
    expect(reply).toEqual({ ok: true, result: expect.stringMatching(/^@misc\{tao2024scaling,\n {2}title = \{\{Scaling Laws with Vocabulary\}\},\n {2}author = \{Chaofan Tao and Qian Liu\},\n {2}year = \{2024\},\n {2}month = jul,/) });
    // A page's own details are the current version's: they win, and the reading list fills the gaps.
    const fromPage = await handleMessage({ type: 'citation', paper: { id: '2407.13623', title: 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies', published: '2024-07-19' } }, deps);
    expect(fromPage).toEqual({ ok: true, result: expect.stringMatching(/^@misc\{tao2024scaling,\n {2}title = \{\{Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies\}\},\n {2}author = \{Chaofan Tao and Qian Liu\},/) });
    expect(await handleMessage({ type: 'removeSaved', ids: ['2407.13623'] }, deps)).toMatchObject({ ok: true });
  });

  test("a citation of a paper nobody here names the authors of (a PDF tab of a snapshot paper) takes them from its arXiv page", async () => {
    const asked: string[] = [];
    const withArxiv: HandlerDeps = {
      ...deps,
      arxivPage: async (id) => {
        asked.push(id);
        return { id, title: 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies', abstract: 'We study vocabulary size.', authors: ['Chaofan Tao', 'Qian Liu'], published: '2024-07-18', primaryCategory: 'cs.CL', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
      },
    };
    const reply = await handleMessage({ type: 'citation', paper: { id: '2407.13623', title: '2407.13623v1.pdf', titleIsGuess: true } }, withArxiv);
    expect(reply).toEqual({ ok: true, result: expect.stringMatching(/^@misc\{tao2024scaling,\n {2}title = \{\{Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies\}\},\n {2}author = \{Chaofan Tao and Qian Liu\},\n {2}year = \{2024\},/) });
    expect(asked).toEqual(['2407.13623']);
    // A page that names the authors is cited as it is, with no request; so is a paper arXiv cannot give.
    await handleMessage({ type: 'citation', paper: { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] } }, withArxiv);
    expect(asked).toEqual(['2407.13623']);
    const offline = await handleMessage({ type: 'citation', paper: { id: '2407.13623', title: '2407.13623v1.pdf', titleIsGuess: true } }, { ...deps, arxivPage: async () => null });
    expect(offline).toEqual({ ok: true, result: expect.stringMatching(/title = \{\{Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies\}\}/) });
  });

  test("a citation from a Hugging Face page, whose authors nobody else names, takes all of them from the paper's arXiv page (Hugging Face may name the first ones only)", async () => {
    const asked: string[] = [];
    const page = { id: '2407.06950', title: 'Spanish TrOCR: Leveraging Transfer Learning for Language Adaptation', abstract: 'We adapt TrOCR to Spanish.', authors: ['Filipe Lauar', 'Valentin Laurent', 'Ana Example'], published: '2024-07-09', primaryCategory: 'cs.CL', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
    const withArxiv: HandlerDeps = { ...deps, arxivPage: async (id) => (asked.push(id), page) };
    const fromHf = { id: '2407.06950', title: 'Spanish TrOCR: Leveraging Transfer Learning for Language Adaptation', authors: ['Filipe Lauar'], sourceUrl: 'https://huggingface.co/papers/2407.06950' };
    expect(await handleMessage({ type: 'citation', paper: fromHf }, withArxiv)).toEqual({ ok: true, result: expect.stringContaining('author = {Filipe Lauar and Valentin Laurent and Ana Example}') });
    expect(asked).toEqual(['2407.06950']);
    // arXiv out of reach: Hugging Face's authors, not a refusal.
    const down: HandlerDeps = { ...deps, arxivPage: async () => Promise.reject(new Error('could not reach arXiv: Failed to fetch')) };
    expect(await handleMessage({ type: 'citation', paper: fromHf }, down)).toEqual({ ok: true, result: expect.stringContaining('author = {Filipe Lauar},') });
    // Saved with its authors (the same as Hugging Face names): those, and arXiv is not asked.
    expect(await handleMessage({ type: 'save', paper: { ...page, authors: ['Filipe Lauar'] } }, deps)).toMatchObject({ ok: true });
    expect(await handleMessage({ type: 'citation', paper: fromHf }, withArxiv)).toEqual({ ok: true, result: expect.stringContaining('author = {Filipe Lauar},') });
    expect(asked).toEqual(['2407.06950']);
    expect(await handleMessage({ type: 'removeSaved', ids: ['2407.06950'] }, deps)).toMatchObject({ ok: true });
  });

  test("a PDF tab of a snapshot paper, titled by PaperLens with the store's title, arXiv out of reach: cited with that title, not refused as the tab's guess", async () => {
    // The popup sends the tab's title as a guess until its own lookup has answered: it is the store's.
    const unreachable: HandlerDeps = { ...deps, arxivPage: async () => Promise.reject(new Error('could not reach arXiv: Failed to fetch')) };
    const fromTab = { type: 'citation', paper: { id: '2402.18041', title: 'Datasets for Large Language Models: A Comprehensive Survey', titleIsGuess: true } } as const;
    // Without the fix: refused, "PaperLens knows neither this paper's title nor its authors …".
    expect(await handleMessage(fromTab, unreachable)).toEqual({ ok: true, result: expect.stringMatching(/^@misc\{\S+,\n {2}title = \{\{Datasets for Large Language Models: A Comprehensive Survey\}\},/) });
    // The PDF's own title (the option off) gives way to the store's, as before.
    expect(await handleMessage({ ...fromTab, paper: { ...fromTab.paper, title: 'Microsoft Word - survey.docx' } }, unreachable)).toEqual({ ok: true, result: expect.stringContaining('title = {{Datasets for Large Language Models: A Comprehensive Survey}}') });
  });

  test("a PDF tab's citation of a paper nobody here knows, arXiv out of reach: refused (no stub), and given whole once arXiv answers", async () => {
    const page = { id: '2501.12345', title: 'A Paper Only arXiv Knows', abstract: 'We study.', authors: ['Ada Lovelace'], published: '2025-01-21', primaryCategory: 'cs.LG', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
    let arxivUp = false;
    const asked: string[] = [];
    const withArxiv: HandlerDeps = { ...deps, arxivPage: async (id) => (asked.push(id), arxivUp ? page : null) };
    // What the popup sends for a PDF tab it could not name: the id's placeholder, or the PDF's own title.
    const fromPlaceholder = { type: 'citation', paper: { id: '2501.12345', title: 'arXiv:2501.12345' } } as const;
    const fromGuess = { type: 'citation', paper: { id: '2501.12345', title: 'Microsoft Word - draft.docx', titleIsGuess: true } } as const;
    expect(await handleMessage(fromPlaceholder, withArxiv)).toEqual({ ok: false, error: CITATION_STUB_ERROR });
    expect(await handleMessage(fromGuess, withArxiv)).toEqual({ ok: false, error: CITATION_STUB_ERROR });
    // No arXiv to ask (switched off) or a broken store: the same.
    expect(await handleMessage(fromPlaceholder, deps)).toEqual({ ok: false, error: CITATION_STUB_ERROR });
    expect(await handleMessage(fromPlaceholder, { ...withArxiv, ready: () => Promise.reject(new Error('the store could not be opened')) })).toEqual({ ok: false, error: CITATION_STUB_ERROR });
    // arXiv did not answer: the refusal says so (not to switch on a setting that is on), and asking later may help.
    const unreachable: HandlerDeps = { ...deps, arxivPage: async () => Promise.reject(new Error('could not reach arXiv: Failed to fetch')) };
    expect(await handleMessage(fromPlaceholder, unreachable)).toEqual({ ok: false, error: "PaperLens knows neither this paper's title nor its authors, and arXiv did not give them (could not reach arXiv: Failed to fetch) — try again later" });
    // Asked again, arXiv answers: the whole entry.
    arxivUp = true;
    const reply = await handleMessage(fromPlaceholder, withArxiv);
    expect(reply).toEqual({ ok: true, result: expect.stringMatching(/^@misc\{lovelace2025paper,\n {2}title = \{\{A Paper Only arXiv Knows\}\},\n {2}author = \{Ada Lovelace\},/) });
    expect(asked).toEqual(['2501.12345', '2501.12345', '2501.12345']);
  });

  test("the popup's request for a paper's arXiv page is answered from it, or null, even while the store is down", async () => {
    const page = { id: '1706.03762', title: 'Attention Is All You Need', abstract: 'We propose the Transformer.', authors: ['Ashish Vaswani'], published: '2017-06-12', primaryCategory: 'cs.CL', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
    const broken = { ...deps, ready: () => Promise.reject(new Error('the store could not be opened')) };
    expect(await handleMessage({ type: 'arxivPage', id: '1706.03762' }, { ...broken, arxivPage: async () => page })).toEqual({ ok: true, result: page });
    expect(await handleMessage({ type: 'arxivPage', id: '1706.03762' }, deps)).toEqual({ ok: true, result: null });
    expect(await handleMessage({ type: 'arxivPage', id: 'not-an-id' }, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed request: id/) });
  });

  test('arXiv not answering is an error reply that says why (a badge tells the reader); a citation and a tab title go on without the page', async () => {
    const down: HandlerDeps = { ...deps, arxivPage: async (id) => Promise.reject(new Error(`arXiv answered HTTP 503 for ${id}`)) };
    expect(await handleMessage({ type: 'arxivPage', id: '1706.03762' }, down)).toEqual({ ok: false, error: 'arXiv answered HTTP 503 for 1706.03762' });
    expect(await handleMessage({ type: 'citation', paper: { id: '2407.13623', title: '2407.13623v1.pdf', titleIsGuess: true } }, down)).toEqual({
      ok: true,
      result: expect.stringMatching(/title = \{\{Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies\}\}/),
    });
    expect(await handleMessage({ type: 'paperTitle', id: '1706.03762' }, down)).toEqual({ ok: true, result: null });
  });

  test("a PDF tab's title: the store's, a saved paper's, else its arXiv page's (asked only then), else a guess the list holds, else none", async () => {
    const asked: string[] = [];
    const page = { id: '1706.03762', title: 'Attention Is All You $\\mathcal{N}$eed', abstract: 'We propose the Transformer.', authors: ['Ashish Vaswani'], published: '2017-06-12', primaryCategory: 'cs.CL', doi: null, journalRef: null, pdfUrl: null, codeLinks: [] };
    const withArxiv: HandlerDeps = { ...deps, arxivPage: async (id) => (asked.push(id), id === '1706.03762' ? page : null) };
    const title = async (id: string, handlerDeps = withArxiv) => handleMessage({ type: 'paperTitle', id }, handlerDeps);
    // A snapshot paper: the store's title, no request.
    expect(await title('2310.01779')).toEqual({ ok: true, result: 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption' });
    // A paper saved from its listing entry (with its authors): the reading list's title.
    await handleMessage({ type: 'save', paper: { id: '2105.00001', title: 'A Listed Paper', authors: ['A. Author'] } }, deps);
    expect(await title('2105.00001')).toEqual({ ok: true, result: 'A Listed Paper' });
    expect(asked).toEqual([]);
    // Unknown: its arXiv page's title, as text.
    expect(await title('1706.03762')).toEqual({ ok: true, result: 'Attention Is All You Need' });
    // Saved from a PDF tab (its own title, a guess): the page's title wins; without it, the guess.
    await handleMessage({ type: 'save', paper: { id: '2105.00002', title: 'Microsoft Word - draft.docx', titleIsGuess: true } }, deps);
    expect(await title('2105.00002')).toEqual({ ok: true, result: 'Microsoft Word - draft.docx' });
    expect(asked).toEqual(['1706.03762', '2105.00002']);
    // A spreadsheet's row with authors and no title: the placeholder is no title either.
    await handleMessage({ type: 'importApply', items: [{ id: '2105.00005', authors: ['A. Author'] }] }, deps);
    expect(await title('2105.00005', deps)).toEqual({ ok: true, result: null });
    // Saved bare, arXiv not asked (switched off or offline): no title, the tab keeps its own.
    await handleMessage({ type: 'save', paper: { id: '2105.00003', title: 'arXiv:2105.00003' } }, deps);
    expect(await title('2105.00003')).toEqual({ ok: true, result: null });
    expect(await title('2105.00004', deps)).toEqual({ ok: true, result: null });
    // The store down: the page still names it.
    expect(await title('1706.03762', { ...withArxiv, ready: () => Promise.reject(new Error('the store could not be opened')) })).toEqual({ ok: true, result: 'Attention Is All You Need' });
    await handleMessage({ type: 'removeSaved', ids: ['2105.00001', '2105.00002', '2105.00003', '2105.00005'] }, deps);
  });

  test('papers saved or imported are handed on to be completed from arXiv; other requests are not', async () => {
    const handed: string[][] = [];
    const watched: HandlerDeps = { ...deps, savedPapers: (ids) => void handed.push(ids) };
    await handleMessage({ type: 'save', paper: { id: '2502.08489', title: 'arXiv:2502.08489' } }, watched);
    await handleMessage({ type: 'setStatus', id: '2502.08489', status: 'reading' }, watched);
    await handleMessage({ type: 'save', paper: { id: 'not-an-id', title: 'x' } }, watched);
    // Ids from a list of ids have nothing else; an entry with its authors lacks a TL;DR; one with its
    // authors, date and TL;DR needs no request.
    const items = [
      { id: '2401.00001', line: 1 },
      { id: '2401.00002', title: 'Only a title', line: 2 },
      { id: '2401.00003', title: 'Known', authors: ['A. Author'], line: 3 },
      { id: '2401.00004', title: 'Complete', authors: ['A. Author'], published: '2024-01-01', tldr: 'Complete.', line: 4 },
    ];
    expect(await handleMessage({ type: 'importApply', items }, watched)).toMatchObject({ ok: true });
    expect(handed).toEqual([['2502.08489'], ['2401.00001', '2401.00002', '2401.00003']]);
    await handleMessage({ type: 'removeSaved', ids: ['2502.08489', '2401.00001', '2401.00002', '2401.00003', '2401.00004'] }, deps);
  });

  test('a lookup from a paper page is remembered as seen, unless the user turned seen marks off', async () => {
    const db = await deps.ready();
    await handleMessage({ type: 'lookup', queries: [{ id: '2407.13623' }], seenOn: 'arxivAbs' }, deps);
    await expect.poll(async () => (await db.seen.get('2407.13623'))?.at).toBe(42);
    expect(seenSites).toEqual(['arxivAbs']); // the site's own switch is part of the answer
    seenOn = false;
    await handleMessage({ type: 'lookup', queries: [{ id: '2407.09103' }], seenOn: 'arxivAbs' }, deps);
    await handleMessage({ type: 'lookup', queries: [{ id: '2407.06950' }] }, deps);
    seenOn = true;
    await seenAfterwards('2505.11754');
    expect(await db.seen.get('2407.09103')).toBeUndefined();
    expect(await db.seen.get('2407.06950')).toBeUndefined();
  });

  test('a paper page read in a private (incognito) window is not remembered as seen; its card still gets its answer', async () => {
    const db = await deps.ready();
    const reply = await handleMessage({ type: 'lookup', queries: [{ id: '2402.00794' }], seenOn: 'arxivAbs' }, { ...deps, senderIncognito: true });
    expect(reply).toMatchObject({ ok: true, result: [{ id: '2402.00794' }] });
    await seenAfterwards('2309.11674');
    expect(await db.seen.get('2402.00794')).toBeUndefined();
  });

  test('a paper the store does not hold is remembered with the title its page shows and its card\'s TL;DR, for the Recent list and search', async () => {
    const db = await deps.ready();
    // The card asks by id first (no view: nothing to remember), then with the page's text.
    await handleMessage({ type: 'lookup', queries: [{ id: '2502.04321' }], seenOn: 'arxivAbs' }, deps);
    const page = { id: '2502.04321', title: 'Sparse $\\alpha$-Entmax Routing for Unknown Papers', abstract: 'We route tokens sparsely. Our method works.', authors: ['Ada Lovelace', 'Alan Turing'] };
    await handleMessage({ type: 'lookup', queries: [page], seenOn: 'arxivAbs' }, deps);
    await expect.poll(async () => (await db.seen.get('2502.04321'))?.title).toBe('Sparse α-Entmax Routing for Unknown Papers');
    expect((await db.seen.get('2502.04321'))?.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    // Seen again, asked by id alone: its title, authors and the TL;DR its card gave it (by which popup search finds it) stay.
    await handleMessage({ type: 'lookup', queries: [{ id: '2502.04321' }], seenOn: 'arxivAbs' }, deps);
    // A paper of the store is titled by the store when listed: its mark keeps no copy to go stale.
    await seenAfterwards('2310.15539');
    expect(await db.seen.get('2310.15539')).toEqual({ id: '2310.15539', at: 42 });
    expect(await db.seen.get('2502.04321')).toEqual({ id: '2502.04321', at: 42, title: 'Sparse α-Entmax Routing for Unknown Papers', authors: ['Ada Lovelace', 'Alan Turing'], tldr: 'We route tokens sparsely.' });
  });

  test('a paper the store does not hold, whose page shows no abstract, is remembered with the title and authors its page shows', async () => {
    const db = await deps.ready();
    const reply = await handleMessage({ type: 'lookup', queries: [{ id: '2502.04399', title: 'A Paper With $\\beta$ and No Abstract', abstract: '', authors: ['Ada Lovelace'] }], seenOn: 'arxivAbs' }, deps);
    expect(reply).toEqual({ ok: true, result: [null] });
    await expect.poll(async () => await db.seen.get('2502.04399')).toEqual({ id: '2502.04399', at: 42, title: 'A Paper With β and No Abstract', authors: ['Ada Lovelace'] });
    // Not a query naming no paper (no id, or one that is not arXiv's).
    await handleMessage({ type: 'lookup', queries: [{ id: 'not an id', title: 'Nothing' }], seenOn: 'arxivAbs' }, deps);
    await seenAfterwards('2309.11674');
    expect((await db.seen.toArray()).filter((mark) => mark.title === 'Nothing')).toEqual([]);
  });

  test('a paper of the store whose page titles it otherwise is remembered with the page’s title, for the Recent list', async () => {
    const db = await deps.ready();
    // arXiv retitled it: the store has the Daily Papers title, the abstract page another.
    const page = { id: '2401.14556', title: 'Retitled on $\\alpha$rXiv: What the Page Says', authors: ['Ada Lovelace'] };
    await handleMessage({ type: 'lookup', queries: [page], seenOn: 'arxivAbs' }, deps);
    await expect.poll(async () => await db.seen.get('2401.14556')).toEqual({ id: '2401.14556', at: 42, title: 'Retitled on αrXiv: What the Page Says', authors: ['Ada Lovelace'] });
  });

  test('a paper seen for the first time is announced (open listings mark it); seeing it again is not', async () => {
    let announced = 0;
    let storeChanges = 0;
    // Told as a change of seen marks only: cards, which do not show them, need not ask again.
    const counting: HandlerDeps = { ...deps, seenChanged: () => announced++, storeChanged: () => storeChanges++ };
    const db = await deps.ready();
    await handleMessage({ type: 'lookup', queries: [{ id: '2407.12345' }, { id: '2310.01779' }], seenOn: 'hfPaper' }, counting);
    await expect.poll(async () => (await db.seen.get('2310.01779'))?.at).toBe(42);
    await expect.poll(() => announced).toBe(1);
    await handleMessage({ type: 'lookup', queries: [{ id: '2310.01779' }], seenOn: 'arxivAbs' }, counting);
    // A paper seen for the first time afterwards, counted apart: announced after any earlier one.
    let announcedAfter = 0;
    await seenAfterwards('2109.07740', { ...deps, seenChanged: () => announcedAfter++ });
    await expect.poll(() => announcedAfter).toBe(1);
    expect(announced).toBe(1);
    expect(storeChanges).toBe(0);
  });
});
