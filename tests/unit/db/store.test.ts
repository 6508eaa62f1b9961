import { beforeEach, describe, expect, test } from 'vitest';
import { Dexie } from 'dexie';
import { PaperLensDatabase } from '../../../src/db/database';
import { createStore } from '../../../src/db/open';
import { createCachedLookup } from '../../../src/db/lookup-cache';
import { addArxivCodeLinks, completeSaved, listSaved, lookupPapers, savePaper, setStatus, trendingList } from '../../../src/db/papers';
import { parseSeedAsset, seedStore } from '../../../src/db/seed';
import { applyImport, removeSaved } from '../../../src/db/reading-list';
import { loadSearchIndex, rowContext, searchRows } from '../../../src/db/search';
import { buildSeedAsset } from '../../../scripts/seed-build';
import type { SeedAsset } from '../../../src/schema';

let db: PaperLensDatabase;
let asset: SeedAsset;
let counter = 0;

beforeEach(async () => {
  db = new PaperLensDatabase(`store-test-${++counter}`);
  asset ??= await buildSeedAsset();
});

describe('seeding', () => {
  test('loads the 66 bundled papers and is idempotent', async () => {
    expect(await seedStore(db, asset)).toBe('seeded');
    expect(await db.papers.count()).toBe(66);
    expect(await seedStore(db, asset)).toBe('current');
    expect(await db.papers.count()).toBe(66);
  });

  test('reseeding a new version replaces bundled papers and keeps every saved item', async () => {
    await seedStore(db, asset);
    await savePaper(db, { id: '2310.01779', title: 'x' }, 1000);
    await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need' }, 2000);
    await setStatus(db, '2310.01779', 'reading', 3000);
    const savedBefore = await db.saved.toArray();

    const [dropped, ...kept] = asset.papers;
    const next: SeedAsset = { ...asset, version: 'next', papers: kept.map((paper, index) => ({ ...paper, rank: index + 1 })) };
    expect(await seedStore(db, next)).toBe('seeded');
    expect(await db.papers.count()).toBe(65);
    expect(await db.papers.get(dropped!.id)).toBeUndefined();
    expect(await db.saved.toArray()).toEqual(savedBefore);
    // A saved paper that left the snapshot is still shown from the reading list.
    const [view] = await lookupPapers(db, [{ id: '2310.01779' }]);
    expect(view).toMatchObject({ id: '2310.01779', status: 'reading', inStore: false });
  });

  test('a malformed bundled seed is rejected with where it is wrong', () => {
    expect(() => parseSeedAsset({ ...asset, papers: [{ ...asset.papers[0], id: '23.1' }] })).toThrow(/papers\.0\.id/);
    expect(() => parseSeedAsset('nope')).toThrow(/bundled seed is malformed/);
  });
});

describe('lookups', () => {
  beforeEach(async () => {
    await seedStore(db, asset);
  });

  test('by id with or without version, then by normalized title, one answer per query in order', async () => {
    const views = await lookupPapers(db, [
      { id: '2310.01779v3' },
      { id: '9999.99999' },
      { title: '  scaling LAWS with vocabulary: larger models deserve larger vocabularies ' },
      { id: '2405.15208', title: 'ignored because the id matches' },
      { id: 'garbage' },
    ]);
    expect(views.map((view) => view?.id ?? null)).toEqual(['2310.01779', null, '2407.13623', '2405.15208', null]);
    expect(views[0]).toMatchObject({ rank: 1, snapshot: '2025-07-30', status: null, inStore: true });
    expect(views[0]!.keyResults.join(' ')).toContain('44%');
  });

  test('a paper the store does not know is summarized from the abstract its page sent', async () => {
    const abstract = 'Machine translation is hard. We propose Transformer, a new network architecture based solely on attention. It achieves 28.4 BLEU on WMT 2014 English-to-German, improving over the best results by over 2 BLEU.';
    const [view] = await lookupPapers(db, [{ id: '1706.03762', title: 'Attention Is $\\textit{All}$ You Need', abstract }]);
    expect(view).toMatchObject({ id: '1706.03762', title: 'Attention Is All You Need', rank: null, inStore: false });
    expect(view!.tldr).toMatch(/Transformer/);
    expect(view!.keyResults.join(' ')).toContain('28.4 BLEU');
  });

  test('a page\'s paper the store does not hold, titled as a store paper with another id, is answered as itself, not as that paper', async () => {
    const abstract = 'Machine translation is hard. We propose the Transformer, a new network architecture based solely on attention. It achieves 28.4 BLEU on WMT 2014 English-to-German.';
    // 2407.13623 holds this title in the bundled snapshot; 1706.03762 is another arXiv paper.
    const [view] = await lookupPapers(db, [{ id: '1706.03762', title: 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies', abstract }]);
    expect(view).toMatchObject({ id: '1706.03762', rank: null, inStore: false });
    expect(view!.tldr).toMatch(/Transformer/);
  });

  test('trending is every snapshot paper in rank order, with saved status', async () => {
    await savePaper(db, { id: asset.papers[2]!.id, title: 'x' }, 5);
    const { papers: trending } = await trendingList(db);
    expect(trending.map((view) => view.rank)).toEqual(Array.from({ length: 66 }, (_, index) => index + 1));
    expect(trending[2]!.status).toBe('to-read');
    expect(trending.filter((view) => view.status !== null)).toHaveLength(1);
  });
});

describe('reading list', () => {
  beforeEach(async () => {
    await seedStore(db, asset);
  });

  test('saving twice never duplicates and keeps the first save', async () => {
    await savePaper(db, { id: '2310.01779', title: 'HallE', sourceUrl: 'https://arxiv.org/abs/2310.01779' }, 100);
    await setStatus(db, '2310.01779', 'read', 200);
    const again = await savePaper(db, { id: '2310.01779', title: 'Other title' }, 300);
    expect(again.status).toBe('read');
    const items = await db.saved.toArray();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ addedAt: 100, updatedAt: 200, readAt: 200, sourceUrl: 'https://arxiv.org/abs/2310.01779' });
    // The saving page's title (its current one) and the store's TL;DR are kept with the item.
    expect(items[0]!.title).toBe('HallE');
    expect(items[0]!.tldr).toBe(asset.papers[0]!.summary.tldr);
  });

  test("a saved title is the page's, TeX made text; a save that knows no title takes the store's", async () => {
    await savePaper(db, { id: '2407.13623', title: 'Scaling Laws with $\\mathcal{V}$ocabulary' }, 100);
    expect((await db.saved.get('2407.13623'))!.title).toBe('Scaling Laws with Vocabulary');
    await savePaper(db, { id: '2310.01779', title: 'arXiv:2310.01779' }, 100);
    expect((await db.saved.get('2310.01779'))!.title).toBe(asset.papers.find((paper) => paper.id === '2310.01779')!.title);
  });

  test("a save from the paper's page completes an item saved without it: placeholder title, no TL;DR", async () => {
    await savePaper(db, { id: '1706.03762', title: 'arXiv:1706.03762' }, 100);
    await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], tldr: 'We propose the Transformer.' }, 200);
    expect(await db.saved.get('1706.03762')).toMatchObject({ title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], tldr: 'We propose the Transformer.', addedAt: 100 });
    // A title the reader's item already has stays.
    await savePaper(db, { id: '1706.03762', title: 'Another title' }, 300);
    expect((await db.saved.get('1706.03762'))!.title).toBe('Attention Is All You Need');
  });

  test("opening a saved paper's page completes the item without touching what it has, and says when it changed nothing", async () => {
    await savePaper(db, { id: '1706.03762', title: 'arXiv:1706.03762' }, 100);
    await setStatus(db, '1706.03762', 'reading', 150);
    const page = { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], published: '2017-06-12', primaryCategory: 'cs.CL' };
    expect(await completeSaved(db, page)).toEqual({ changed: 1 });
    expect(await db.saved.get('1706.03762')).toMatchObject({ ...page, status: 'reading', addedAt: 100, updatedAt: 150 });
    expect(await completeSaved(db, page)).toEqual({ changed: 0 });
    expect(await completeSaved(db, { ...page, title: 'Another title', authors: ['Someone Else'] })).toEqual({ changed: 0 });
    expect((await db.saved.get('1706.03762'))!.authors).toEqual(['Ashish Vaswani']);
    // Nothing to add on either side (no authors anywhere) is no change either.
    await savePaper(db, { id: '2407.13623', title: 'Scaling Laws with Vocabulary' }, 100);
    expect(await completeSaved(db, { id: '2407.13623', title: 'Scaling Laws with Vocabulary' })).toEqual({ changed: 0 });
    // A paper that is not saved is not saved by it.
    expect(await completeSaved(db, { id: '2310.01779', title: 'HallE' })).toEqual({ changed: 0 });
    expect(await db.saved.get('2310.01779')).toBeUndefined();
  });

  test("a title a PDF tab gave (the PDF's own) gives way to the page's when the page is opened; other titles stay", async () => {
    const fromPdf = { id: '1706.03762', title: 'Microsoft Word - nips2017 final.docx', titleIsGuess: true, sourceUrl: 'https://arxiv.org/pdf/1706.03762v7' };
    await savePaper(db, fromPdf, 100);
    // Another guess does not replace it; the page's title does.
    expect(await completeSaved(db, { ...fromPdf, title: 'main.pdf' })).toEqual({ changed: 0 });
    expect(await completeSaved(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] })).toEqual({ changed: 1 });
    expect(await db.saved.get('1706.03762')).toMatchObject({ title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], addedAt: 100 });
    // Saved from its page, an item keeps its title.
    await savePaper(db, { id: '2407.13623', title: 'Scaling Laws with Vocabulary', sourceUrl: 'https://arxiv.org/abs/2407.13623' }, 100);
    expect(await completeSaved(db, { id: '2407.13623', title: 'Another title' })).toEqual({ changed: 0 });
  });

  test("a title a list of links gave (its link's text, no authors, no date) gives way to the page's; one with authors stays", async () => {
    await applyImport(db, [{ id: '1512.03385', title: 'ResNet' }, { id: '1706.03762', title: 'Transformer', authors: ['Ashish Vaswani'] }], [], 100);
    expect(await completeSaved(db, { id: '1512.03385', title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He'], published: '2015-12-10' })).toEqual({ changed: 1 });
    expect(await db.saved.get('1512.03385')).toMatchObject({ title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He'] });
    expect(await completeSaved(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] })).toEqual({ changed: 0 });
    expect((await db.saved.get('1706.03762'))!.title).toBe('Transformer');
  });

  test('newest first; unsave removes; status of an unsaved paper is an error', async () => {
    await savePaper(db, { id: '2310.01779', title: 'a' }, 1);
    await savePaper(db, { id: '2407.13623', title: 'b' }, 3);
    await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need' }, 2);
    expect((await listSaved(db)).map((item) => item.id)).toEqual(['2407.13623', '1706.03762', '2310.01779']);
    await removeSaved(db, ['2407.13623'], 4);
    expect((await listSaved(db)).map((item) => item.id)).toEqual(['1706.03762', '2310.01779']);
    await expect(setStatus(db, '2407.13623', 'read', 4)).rejects.toThrow('2407.13623 is not in the reading list');
  });
});

describe('opening the store', () => {
  test('seeds an empty store on first use, once', async () => {
    let loads = 0;
    const store = createStore({ db, loadSeed: async () => (loads++, asset), onError: () => undefined, onRecovered: () => undefined });
    await Promise.all([store.ready(), store.ready()]);
    await store.ready();
    expect(loads).toBe(1);
    expect(await store.health()).toMatchObject({ ok: true, error: null, seedVersion: asset.version, papers: 66 });
  });

  test('an open failure is reported (not swallowed) and retried on the next request', async () => {
    // IndexedDB refusing to open (as in some private-browsing modes), once.
    let refuse = true;
    const factory = new IDBFactory();
    const flaky = Object.assign(Object.create(factory) as IDBFactory, {
      open: (name: string, version?: number) => {
        if (refuse) throw new DOMException('IndexedDB is not available in this profile', 'InvalidStateError');
        return factory.open(name, version);
      },
    });
    const reported: string[] = [];
    const store = createStore({
      db: new PaperLensDatabase(`store-test-flaky-${counter}`, { indexedDB: flaky, IDBKeyRange }),
      loadSeed: async () => asset,
      onError: (reason) => reported.push(reason),
      onRecovered: () => reported.push('recovered'),
    });
    await expect(store.ready()).rejects.toThrow(/PaperLens could not open its store: .*IndexedDB is not available/);
    expect(reported).toHaveLength(1);
    expect(await store.health()).toMatchObject({ ok: false, error: expect.stringContaining('IndexedDB is not available') });

    refuse = false;
    await expect(store.ready()).resolves.toBeTruthy();
    expect(reported.at(-1)).toBe('recovered');
    expect(await store.health()).toMatchObject({ ok: true, papers: 66 });
  });

  test("the toolbar's store error goes once a later worker opens the store (the icon outlives the worker that failed)", async () => {
    const name = `store-test-restart-${counter}`;
    const refusing = Object.assign(Object.create(new IDBFactory()) as IDBFactory, {
      open: () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      },
    });
    // What the toolbar icon shows: the browser keeps it while workers come and go.
    let icon: string | null = null;
    const toolbar = { onError: (reason: string) => (icon = reason), onRecovered: () => (icon = null) };

    const failed = createStore({ db: new PaperLensDatabase(name, { indexedDB: refusing, IDBKeyRange }), loadSeed: async () => asset, ...toolbar });
    await expect(failed.ready()).rejects.toThrow(/could not open its store/);
    expect(icon).toMatch(/could not open its store/);

    // That worker stopped after 30 s idle; the next event starts another, whose store opens.
    const next = createStore({ db: new PaperLensDatabase(name), loadSeed: async () => asset, ...toolbar });
    await next.ready();
    expect(await next.health()).toMatchObject({ ok: true, error: null });
    expect(icon).toBeNull();
  });

  test('a store deleted while the worker runs (site data cleared) is opened and seeded again by the next request', async () => {
    const store = createStore({ db, loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
    await savePaper(await store.ready(), { id: '2310.01779', title: 'x' }, 1);
    const cached = createCachedLookup(db);
    expect((await cached([{ id: '2310.01779' }]))[0]?.status).toBe('to-read');
    // Clearing the extension's site data deletes its database under the open connection.
    await Dexie.delete(db.name);

    const [card] = await lookupPapers(await store.ready(), [{ id: '2407.13623' }]);
    expect(card).toMatchObject({ id: '2407.13623', inStore: true });
    expect(await store.health()).toMatchObject({ ok: true, seedVersion: asset.version, papers: 66 });
    expect((await trendingList(await store.ready())).papers).toHaveLength(66);
    expect(await listSaved(await store.ready())).toEqual([]);
    expect((await cached([{ id: '2310.01779' }]))[0]).toMatchObject({ status: null, inStore: true });
  });

  test('a seed that cannot be loaded is reported', async () => {
    const reported: string[] = [];
    const store = createStore({ db, loadSeed: async () => parseSeedAsset({}), onError: (reason) => reported.push(reason), onRecovered: () => undefined });
    await expect(store.ready()).rejects.toThrow(/could not seed its store: bundled seed is malformed/);
    expect(reported[0]).toMatch(/could not seed its store/);
  });

  test('data that breaks a schema is reported in words, not as raw JSON', async () => {
    const reported: string[] = [];
    const { SeedAssetSchema } = await import('../../../src/schema');
    const store = createStore({ db, loadSeed: async () => SeedAssetSchema.parse({ ...asset, version: '' }), onError: (reason) => reported.push(reason), onRecovered: () => undefined });
    await expect(store.ready()).rejects.toThrow('PaperLens could not seed its store: invalid data: ✖ empty\n  → at version');
    expect(reported[0]).not.toMatch(/ZodError|\[/);
  });
});

describe('summaries are versioned', () => {
  test('an older summarizer\'s summaries are recomputed from the abstract; the reading list keeps its TL;DR', async () => {
    const { resummarizeStale } = await import('../../../src/db/resummarize');
    const { SUMMARIZER_VERSION } = await import('../../../src/summarize');
    await seedStore(db, asset);
    expect(await resummarizeStale(db, 1)).toBe(0); // seeded by the current summarizer: nothing to do
    await db.meta.delete('summarizerVersion');

    // A feed paper stored by an older summarizer, and saved with that TL;DR.
    const old = { ...asset.papers[0]!, id: '2407.99999', source: 'feed' as const, rank: null, snapshot: null, summary: { version: SUMMARIZER_VERSION - 1, tldr: 'An old, worse TL;DR.', keyResults: [], codeLinks: [], topics: [], names: [] } };
    await db.papers.bulkPut([old]);
    await savePaper(db, { id: '2407.99999', title: old.title }, 5);
    expect((await db.saved.get('2407.99999'))!.tldr).toBe('An old, worse TL;DR.');

    expect(await resummarizeStale(db, 10)).toBe(1);
    const updated = (await db.papers.get('2407.99999'))!;
    expect(updated.summary.version).toBe(SUMMARIZER_VERSION);
    expect(updated.summary.tldr).toBe(asset.papers[0]!.summary.tldr);
    expect(updated.summary.keyResults.join(' ')).toContain('44%');
    // Version 24 keeps the names the abstract uses: search finds the paper by them.
    expect(updated.summary.names).toContain('LLaVA-7B');
    expect((await db.saved.get('2407.99999'))!.tldr).toBe('An old, worse TL;DR.');
    // Popup search shows the new TL;DR, and still finds every other paper.
    const index = (await loadSearchIndex(db))!;
    const context = await rowContext(db);
    expect(searchRows(index, context, old.title, 50).find((row) => row.id === '2407.99999')?.tldr).toBe(asset.papers[0]!.summary.tldr);
    for (const paper of asset.papers.slice(1, 6)) expect(searchRows(index, context, paper.title, 5).map((row) => row.id)).toContain(paper.id);
    expect(searchRows(index, context, 'llava', 50).map((row) => row.id)).toContain('2407.99999');
    expect(await resummarizeStale(db, 11)).toBe(0);
  });

  test('a store of many papers is recomputed a chunk at a time: a card asking meanwhile is answered between chunks (from the older summary until its own is made), and a worker stopped midway leaves the rest to the next start', async () => {
    const { resummarizeStale } = await import('../../../src/db/resummarize');
    const { SUMMARIZER_VERSION } = await import('../../../src/summarize');
    await seedStore(db, asset);
    await db.meta.delete('summarizerVersion');
    // 250 feed papers of an older summarizer (QA: 3,075 of them held every request for 10-12 s in one transaction).
    const ids = Array.from({ length: 250 }, (_, index) => `2407.${String(70000 + index)}`);
    const old = (id: string) => ({ ...asset.papers[0]!, id, source: 'feed' as const, rank: null, snapshot: null, summary: { version: SUMMARIZER_VERSION - 1, tldr: 'An old, worse TL;DR.', keyResults: [], codeLinks: [], topics: [], names: [] } });
    await db.papers.bulkPut(ids.map(old));
    const last = ids.at(-1)!;

    const versions = async () => (await db.papers.bulkGet(ids)).map((paper) => paper!.summary.version);
    // Stopped at its first pause after a write: what it made is kept, the version not recorded.
    const stopped = resummarizeStale(db, 10, async () => {
      if ((await versions()).includes(SUMMARIZER_VERSION)) throw new Error('worker stopped');
    });
    await expect(stopped).rejects.toThrow('worker stopped');
    const afterStop = await versions();
    expect(afterStop.filter((version) => version === SUMMARIZER_VERSION).length).toBeGreaterThan(0);
    expect(afterStop.filter((version) => version !== SUMMARIZER_VERSION).length).toBeGreaterThan(0);
    expect(await db.meta.get('summarizerVersion')).toBeUndefined();

    // The next start: a read made at each pause is answered there, before the rest is done. At the
    // first, other work changes papers not recomputed yet: arXiv's comments give one a code link
    // (review: the chunk wrote its summary over it), one is deleted (pruned, or the store cleared).
    const seenAtPauses: string[] = [];
    const [linked, deleted] = [ids.at(-2)!, ids.at(-3)!];
    const done = await resummarizeStale(db, 11, async () => {
      if (seenAtPauses.length === 0) {
        expect(await addArxivCodeLinks(db, linked, ['https://github.com/lab/from-the-comments'])).toBe(true);
        await db.papers.bulkDelete([deleted]);
      }
      seenAtPauses.push((await lookupPapers(db, [{ id: last }]))[0]!.tldr);
    });
    expect(done).toBe(afterStop.filter((version) => version !== SUMMARIZER_VERSION).length - 1);
    expect(seenAtPauses[0]).toBe('An old, worse TL;DR.');
    expect(seenAtPauses.at(-1)).toBe(asset.papers[0]!.summary.tldr);
    expect(await db.papers.get(deleted)).toBeUndefined();
    expect((await db.papers.get(linked))!.summary).toMatchObject({ version: SUMMARIZER_VERSION, codeLinks: expect.arrayContaining(['https://github.com/lab/from-the-comments']) });
    ids.splice(ids.indexOf(deleted), 1);
    expect(new Set(await versions())).toEqual(new Set([SUMMARIZER_VERSION]));
    expect((await db.meta.get('summarizerVersion'))?.value).toBe(String(SUMMARIZER_VERSION));
    // Search finds them by their new TL;DR.
    expect(searchRows((await loadSearchIndex(db))!, await rowContext(db), asset.papers[0]!.title, 300).find((row) => row.id === last)?.tldr).toBe(asset.papers[0]!.summary.tldr);
  });

  test('an update recomputes them after loading the seed; a worker waking up reads and writes nothing for it', async () => {
    const { SUMMARIZER_VERSION } = await import('../../../src/summarize');
    await seedStore(db, asset);
    const old = { ...asset.papers[0]!, id: '2407.99999', source: 'feed' as const, rank: null, snapshot: null, summary: { version: SUMMARIZER_VERSION - 1, tldr: 'An old, worse TL;DR.', keyResults: [], codeLinks: [], topics: [], names: [] } };
    await db.papers.bulkPut([old]);
    db.close();
    const options = { loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined };

    const woken = createStore({ db: new PaperLensDatabase(db.name), ...options });
    expect((await (await woken.ready()).papers.get('2407.99999'))!.summary.tldr).toBe('An old, worse TL;DR.');

    const updated = createStore({ db: new PaperLensDatabase(db.name), ...options });
    await updated.refreshSeed();
    const paper = (await (await updated.ready()).papers.get('2407.99999'))!;
    expect(paper.summary).toMatchObject({ version: SUMMARIZER_VERSION, tldr: asset.papers[0]!.summary.tldr });
  });
});
