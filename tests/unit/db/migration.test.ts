import { Dexie } from 'dexie';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { PaperLensDatabase } from '../../../src/db/database';
import { packBlocks, PAPERS_PER_BLOCK } from '../../../src/db/paper-blocks';
import { createStore } from '../../../src/db/open';
import { relatedOnArrival } from '../../../src/db/related';
import { buildRelatedCorpus, relatedTo } from '../../../src/search/related';
import { SEED_SNAPSHOTS_KEY, SEED_VERSION_KEY, seedStore, storedSeedVersion } from '../../../src/db/seed';
import { removeSaved, setNotes } from '../../../src/db/reading-list';
import { badgeInfo, lookupPapers, markSeen, recentlySeen, savePaper, trendingList } from '../../../src/db/papers';
import { loadSearchIndex, PAPERS_INDEX_KEY, rowContext, searchDocument, searchRows, snapshotOf, type IndexedPaper } from '../../../src/db/search';
import { buildSearchSnapshot, packSnapshot } from '../../../src/search/search-index';
import { summarize, SUMMARIZER_VERSION } from '../../../src/summarize';
import { normalizeTitle } from '../../../src/papers/ids';
import type { Paper, SavedItem, SeedAsset } from '../../../src/schema';
import { hostileItems, savedItem } from '../export/fixtures';
import { readableSaved } from '../../../src/db/saved-rows';
import { IMPORTED_NOTES_SEPARATOR } from '../../../src/export/merge';
import { legacyCitationKeys, wantsCiteKey } from '../../../src/export/bibtex';
import { SHIPPED_STORES, VERSION_5_STORES } from './shipped-stores';

let asset: SeedAsset;
let saved: SavedItem[];
/** Seed papers plus papers with the hostile titles of the saved items (Unicode, LaTeX, markup). */
let papers: Paper[];
let counter = 0;
const GEMINI_TITLE = 'Gemini: A Family of Highly Capable Multimodal Models';

/** The search index as versions 1–8 built it: author names in the text, counted in a paper's length. */
function shippedSnapshot(indexed: IndexedPaper[]) {
  return packSnapshot(
    buildSearchSnapshot(
      indexed.map((paper) => {
        const document = searchDocument(paper);
        return { ...document, text: `${document.text} ${document.authors}`, authors: '' };
      }),
    ),
  );
}

beforeAll(async () => {
  asset = await buildSeedAsset();
  saved = hostileItems(1000, 2024);
  const template = asset.papers[0]!;
  const hostile = saved.slice(0, 200).map((item) => ({ ...template, id: item.id, title: item.title, normTitle: normalizeTitle(item.title), rank: null, snapshot: null }));
  // A row as no version wrote it (no normalized title): the upgrade must keep it, not fail on it.
  const odd = { ...template, id: '2501.00001', title: 'Odd Row', normTitle: undefined } as unknown as Paper;
  // An author version 5's search index could not find written in ASCII ('lukasz', 'soren').
  const polish = { ...template, id: '2501.00002', title: 'Folded Names Row', normTitle: normalizeTitle('Folded Names Row'), authors: ['Łukasz Søgaard'], rank: null, snapshot: null };
  // A collaboration's report (1,350 authors) and a later paper using its title's words: before
  // version 9 the names counted in the report's length, and its exact title found the other first.
  const paper = (id: string, title: string, abstract: string, authors: number): Paper => ({
    ...template,
    id,
    title,
    normTitle: normalizeTitle(title),
    abstract,
    authors: Array.from({ length: authors }, (_, i) => `Author${i} Name${i % 97}`),
    rank: null,
    snapshot: null,
    summary: { ...template.summary, version: SUMMARIZER_VERSION, ...summarize(title, abstract) },
  });
  const gemini = paper('2312.11805', GEMINI_TITLE, 'This report introduces a new family of multimodal models, Gemini, that exhibit remarkable capabilities across image, audio, video, and text understanding. The Gemini family consists of Ultra, Pro, and Nano sizes.', 1350);
  const gemini15 = paper('2403.05530', 'Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context', 'In this report, we introduce the Gemini 1.5 family of models, representing the next generation of highly compute-efficient multimodal models capable of recalling and reasoning over fine-grained information from millions of tokens of context.', 30);
  papers = [...asset.papers, ...hostile, odd, polish, gemini, gemini15];
});

/** A database at a shipped definition, filled as a user's would be, then closed. */
async function shippedDatabase(label: string, stores: Record<string, string>): Promise<string> {
  const name = `migration-${++counter}`;
  const old = new Dexie(name);
  // At that version's number, so the current store runs only the upgrades after it.
  old.version(Number(label.replace('version ', ''))).stores(stores);
  await old.open();
  if ('paperBlocks' in stores) await old.table('paperBlocks').bulkPut(packBlocks(papers));
  else await old.table('papers').bulkPut(papers);
  // From version 14 on, with the citation keys that version's upgrade pinned.
  await old.table('saved').bulkPut(Number(label.replace('version ', '')) >= 14 ? withLegacyKeys(saved) : saved);
  await old.table('meta').bulkPut([
    { key: SEED_VERSION_KEY, value: asset.version },
    { key: SEED_SNAPSHOTS_KEY, value: JSON.stringify(asset.snapshots.map((snapshot) => snapshot.label)) },
  ]);
  if ('seen' in stores) await old.table('seen').bulkPut(saved.slice(0, 300).map((item, index) => ({ id: item.id, at: index })));
  // The search index as that version wrote it (format 1, before version 3, had no result rows).
  // Before version 6 its tokens kept ł and ø (no word 'lukasz'): as if the paper with such an author were not there.
  const formatOne = label === 'version 1' || label === 'version 2';
  const asciiTokens = Number(label.replace('version ', '')) >= 6;
  // Version 9 built it as this one does.
  const snapshot = (Number(label.replace('version ', '')) >= 9 ? snapshotOf : shippedSnapshot)(papers.filter((paper) => (!formatOne || paper.normTitle !== undefined) && (asciiTokens || paper.id !== '2501.00002')));
  const { rows: _rows, ...withoutRows } = snapshot;
  await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: formatOne ? { ...withoutRows, format: 1 } : snapshot, builtAt: 1 });
  old.close();
  return name;
}

/** The items with the citation key a whole-list export gave them, as version 14 pins it. */
function withLegacyKeys(items: SavedItem[]): SavedItem[] {
  const keys = legacyCitationKeys(items);
  return items.map((item, index) => (wantsCiteKey(item) ? { ...item, citeKey: keys[index] } : item));
}

/** A saved item without the citation key version 14 gives it (checked with every shipped version above). */
const withoutCiteKey = ({ citeKey: _citeKey, ...item }: SavedItem): SavedItem => item;

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe.each(Object.entries(SHIPPED_STORES))('a database made by the %s opens with the current store', (label, stores) => {
  test('with all 1,000 saved items (tags, notes, Unicode), the seed papers and meta intact, and usable', async () => {
    const name = await shippedDatabase(label, stores);
    const db = new PaperLensDatabase(name);
    await db.open();

    // Every item as it was, with the citation key a whole-list export gave it (version 14).
    const keys = legacyCitationKeys(saved);
    expect(byId(await db.saved.toArray())).toEqual(byId(withLegacyKeys(saved)));
    // The reading list and the popup read each row through the schema: none is left out.
    expect(readableSaved(await db.saved.toArray()).unreadable).toBe(0);
    const pinned = saved.findIndex((item) => wantsCiteKey(item));
    expect(await db.saved.where('citeKey').equals(keys[pinned]!).primaryKeys()).toContain(saved[pinned]!.id);
    // Every paper kept as it was (now in blocks).
    expect(byId(await db.papers.toArray())).toEqual(byId(papers));
    expect(await db.paperBlocks.count()).toBe(Math.ceil(papers.length / PAPERS_PER_BLOCK));
    // Title lookups answer for the old rows (Unicode, LaTeX and markup in titles).
    for (const paper of [...papers.slice(-201, -191), asset.papers[0]!]) {
      const [view] = await lookupPapers(db, [{ title: paper.title }]);
      // Some hostile titles differ only in punctuation: any paper of that title is the answer.
      expect(normalizeTitle(view!.title)).toBe(paper.normTitle);
    }
    // The search index is rebuilt with result rows: hostile titles show as they are stored.
    const index = (await loadSearchIndex(db))!;
    for (const paper of papers.slice(-201, -196)) {
      const rows = searchRows(index, await rowContext(db), paper.title, 50);
      expect(rows.map((row) => row.title)).toContain(paper.title.trim());
    }
    expect(searchRows(index, await rowContext(db), 'odd row', 5).map((row) => row.id)).toContain('2501.00001');
    // Rebuilt with the tokens of this version: an author's ł and ø are found written in ASCII.
    expect(searchRows(index, await rowContext(db), 'lukasz sogaard', 5).map((row) => row.id)).toEqual(['2501.00002']);
    // Rebuilt with this version's lengths: a collaboration's exact title finds it first.
    expect(searchRows(index, await rowContext(db), GEMINI_TITLE, 5)[0]?.id).toBe('2312.11805');
    expect(await db.meta.get(SEED_VERSION_KEY)).toEqual({ key: SEED_VERSION_KEY, value: asset.version });
    if ('seen' in stores) expect(await db.seen.count()).toBe(300);

    // The indexes the reading list relies on answer for the old data.
    const tagged = saved.filter((item) => item.tags.includes('日本語'));
    expect(tagged.length).toBeGreaterThan(0);
    expect((await db.saved.where('tags').equals('日本語').primaryKeys()).sort()).toEqual(tagged.map((item) => item.id).sort());
    expect(await db.saved.where('status').equals('read').count()).toBe(saved.filter((item) => item.status === 'read').length);
    expect((await db.saved.orderBy('addedAt').last())!.addedAt).toBe(Math.max(...saved.map((item) => item.addedAt)));

    // Every table of the current store works, and the store does not reseed over the user's data.
    for (const table of db.tables) await table.count();
    await setNotes(db, saved[0]!.id, 'after the upgrade ✓', 99);
    expect((await db.saved.get(saved[0]!.id))!.notes).toBe('after the upgrade ✓');
    // A paper removed after the upgrade comes back with its notes and tags when saved again (version 15).
    const { id, title, notes, tags } = saved.slice(1).find((item) => item.notes !== '' && item.tags.length > 0)!;
    await removeSaved(db, [id], 100);
    await savePaper(db, { id, title }, 101);
    expect(await db.saved.get(id)).toMatchObject({ notes, tags });
    db.close();

    const store = createStore({ db: new PaperLensDatabase(name), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
    expect(await store.health()).toMatchObject({ ok: true, seedVersion: asset.version, papers: papers.length });
    expect((await (await store.ready()).saved.count())).toBe(1000);
  });
});

describe('a version 6 store with old-style ids keyed by their subject class (math.GT/0309136)', () => {
  // Before version 7 arxiv.org/abs/math.GT/0309136 and arxiv.org/abs/math/0309136 were two papers.
  const item = (overrides: Partial<SavedItem>): SavedItem => ({ ...savedItem(), ...overrides });
  const onlySubclass = item({ id: 'math.GT/0309136', title: 'arXiv:math.GT/0309136', authors: [], status: 'reading', tags: ['topology'], notes: 'knots', addedAt: 100, updatedAt: 200 });
  // Saved by both addresses, the subject-class one edited last.
  const subclassNewer = item({ id: 'math.AG/0601001', title: 'Curves', status: 'read', readAt: 4_000, tags: ['ag', 'Shared'], notes: 'from the math.AG page', addedAt: 1_000, updatedAt: 5_000 });
  const canonicalOlder = item({ id: 'math/0601001', title: 'Curves', status: 'reading', tags: ['shared', 'mine'], notes: 'from the math page', addedAt: 500, updatedAt: 3_000 });
  // Saved by both addresses, the canonical one edited last.
  const subclassOlder = item({ id: 'cs.CL/0112017', title: 'Parsing', status: 'read', readAt: 600, tags: ['old'], notes: '', addedAt: 300, updatedAt: 700 });
  const canonicalNewer = item({ id: 'cs/0112017', title: 'Parsing', status: 'to-read', tags: ['new'], notes: 'reread', addedAt: 400, updatedAt: 9_000 });
  const untouched = [item({ id: 'hep-th/9901001', title: 'Strings' }), item({ id: '2310.01779', tags: ['nlp'] })];

  test('each paper has one saved item and one seen mark, with every status, tag, note and time kept', async () => {
    const name = `migration-${++counter}`;
    const old = new Dexie(name);
    old.version(6).stores(VERSION_5_STORES);
    await old.open();
    await old.table('saved').bulkPut([onlySubclass, subclassNewer, canonicalOlder, subclassOlder, canonicalNewer, ...untouched]);
    await old.table('seen').bulkPut([
      { id: 'math.GT/0309136', at: 10 },
      { id: 'math.AG/0601001', at: 30 },
      { id: 'math/0601001', at: 20 },
      { id: 'hep-th/9901001', at: 5 },
    ]);
    old.close();

    const db = new PaperLensDatabase(name);
    await db.open();
    expect(byId((await db.saved.toArray()).map(withoutCiteKey))).toEqual(
      byId([
        // Saved from a link: still a placeholder title, now the canonical id's, for the paper's page to replace.
        { ...onlySubclass, id: 'math/0309136', title: 'arXiv:math/0309136' },
        // The newer side's status and read time; tags and notes of both; the first save's time.
        { ...subclassNewer, id: 'math/0601001', tags: ['shared', 'mine', 'ag'], notes: `from the math page${IMPORTED_NOTES_SEPARATOR}from the math.AG page`, addedAt: 500 },
        { ...canonicalNewer, tags: ['new', 'old'], addedAt: 300 },
        ...untouched,
      ]),
    );
    // Seen by either address is seen, at the latest time.
    expect(byId(await db.seen.toArray())).toEqual([
      { id: 'hep-th/9901001', at: 5 },
      { id: 'math/0309136', at: 10 },
      { id: 'math/0601001', at: 30 },
    ]);
    // The indexes the reading list filters by answer for the moved items.
    expect((await db.saved.where('tags').equals('topology').primaryKeys())).toEqual(['math/0309136']);
    expect((await db.saved.where('status').equals('read').primaryKeys()).sort()).toEqual(['math/0601001']);
    db.close();
  });
});

describe('a version 7 store (seen marks with no title, no index on their time)', () => {
  test('keeps every seen mark and saved item; the Recent list reads them newest first, titled by the store or the id', async () => {
    const name = await shippedDatabase('version 7', VERSION_5_STORES);
    const stored = papers[0]!;
    const old = new Dexie(name);
    old.version(7).stores(VERSION_5_STORES);
    await old.open();
    // Seen in an order of their own: a paper of the store last but one, one it does not hold last.
    await old.table('seen').bulkPut([
      { id: stored.id, at: 5_000 },
      { id: '2502.00077', at: 6_000 },
    ]);
    old.close();

    const db = new PaperLensDatabase(name);
    await db.open();
    expect(byId((await db.saved.toArray()).map(withoutCiteKey))).toEqual(byId(saved));
    expect(await db.seen.count()).toBe(302);
    expect(await db.seen.get('2502.00077')).toEqual({ id: '2502.00077', at: 6_000 });
    // The index on the visit time answers for the old marks.
    expect(await db.seen.orderBy('at').reverse().limit(3).primaryKeys()).toEqual(['2502.00077', stored.id, saved[299]!.id]);
    const recent = await recentlySeen(db, 3);
    const savedItem = saved[299]!;
    expect(recent.map(({ id, title, status }) => ({ id, title, status }))).toEqual([
      { id: '2502.00077', title: 'arXiv:2502.00077', status: null },
      { id: stored.id, title: stored.title, status: saved.find((item) => item.id === stored.id)?.status ?? null },
      // Saved, and in the store only when its hostile title was given a paper there.
      { id: savedItem.id, title: papers.find((paper) => paper.id === savedItem.id)?.title ?? savedItem.title, status: savedItem.status },
    ]);
    // New visits keep their page's title alongside the old marks.
    await markSeen(db, [{ id: '2502.00077', title: 'Now With Its Title' }], 7_000);
    expect((await recentlySeen(db, 1))[0]).toMatchObject({ id: '2502.00077', title: 'Now With Its Title', at: 7_000 });
    db.close();
  });
});

// Version 10 filled such rows: the stores it and later versions made hold none.
describe.each(Object.entries(SHIPPED_STORES).filter(([label]) => Number(label.replace('version ', '')) < 10))('a %s store holding a paper written before papers had related papers and topics', (label, stores) => {
  test('its card, the trending list, search, related papers and an update read it', async () => {
    const template = asset.papers[0]!;
    const title = 'Sparse Mixtures of Ancient Experts';
    const abstract = 'We route tokens to ancient experts. Sparse mixtures of ancient experts match dense models at a tenth of the compute.';
    const { topics: _topics, ...earlySummary } = { ...template.summary, ...summarize(title, abstract), version: SUMMARIZER_VERSION };
    // A feed paper as the first builds wrote it: no `related`, no `summary.topics`, no `authors`.
    const early = {
      id: '2312.00999',
      title,
      normTitle: normalizeTitle(title),
      abstract,
      rank: null,
      snapshot: null,
      source: 'feed',
      summary: earlySummary,
      feed: { upvotes: 12, comments: null, publishedAt: null, githubRepo: null, projectPage: null, keywords: [], fetchedAt: 1 },
    } as unknown as Paper;
    const name = `migration-${++counter}`;
    const old = new Dexie(name);
    const version = Number(label.replace('version ', ''));
    old.version(version).stores(stores);
    await old.open();
    if ('paperBlocks' in stores) await old.table('paperBlocks').bulkPut(packBlocks([...asset.papers, early]));
    else await old.table('papers').bulkPut([...asset.papers, early]);
    await old.table('meta').bulkPut([
      { key: SEED_VERSION_KEY, value: asset.version },
      { key: SEED_SNAPSHOTS_KEY, value: JSON.stringify(asset.snapshots.map((snapshot) => snapshot.label)) },
    ]);
    await old.table('trendingDays').put({ day: '2023-12-04', ids: [early.id, template.id], fetchedAt: Date.now() });
    // The index each version built (those before 9 are rebuilt on the way).
    const indexed = [...asset.papers, { ...early, summary: { ...earlySummary, topics: [] }, authors: [] }];
    const snapshot = version >= 9 ? snapshotOf(indexed) : shippedSnapshot(indexed);
    await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: version <= 2 ? { ...snapshot, format: 1 } : snapshot, builtAt: 1 });
    old.close();

    const store = createStore({ db: new PaperLensDatabase(name), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
    const db = await store.ready();
    // Its card (and the popup's This tab).
    const [view] = await lookupPapers(db, [{ id: early.id }]);
    expect(view).toMatchObject({ id: early.id, title, topics: [], related: [], upvotes: 12, inStore: true });
    // The day's trending list it is on, and listing badges.
    expect((await trendingList(db)).papers.map((paper) => paper.id)).toEqual([early.id, template.id]);
    expect((await badgeInfo(db, [early.id]))[0]).toMatchObject({ inStore: true, upvotes: 12 });
    // Search finds it, and it is among the related papers of a page on its subject.
    expect(searchRows((await loadSearchIndex(db))!, await rowContext(db), 'ancient experts', 3)[0]).toMatchObject({ id: early.id, topics: [] });
    expect(await store.related.forPage({ id: '2401.00001', title: 'Ancient experts, sparse mixtures', abstract: 'Routing tokens to sparse mixtures of ancient experts.' })).toContain(early.id);
    await markSeen(db, [{ id: early.id }], 10);
    expect((await recentlySeen(db, 1))[0]).toMatchObject({ id: early.id, title, topics: [], authors: [] });
    // An update's new snapshot rebuilds the search index over every paper, this one too.
    await seedStore(db, { ...asset, version: 'next' });
    expect(searchRows((await loadSearchIndex(db))!, await rowContext(db), 'ancient experts', 3)[0]?.id).toBe(early.id);
    db.close();
  });
});

describe('a version 10 store (blocks that do not say how many papers they lack)', () => {
  test('the blocks that are not full say so, and the store counts its papers from them', async () => {
    const name = `migration-${++counter}`;
    const old = new Dexie(name);
    old.version(10).stores({ ...VERSION_5_STORES, seen: 'id, at' });
    await old.open();
    // Blocks as version 10 wrote them: full ones, one deletes left holes in, one deletes emptied but one, the last.
    const template = asset.papers[0]!;
    const many = Array.from({ length: 4 * PAPERS_PER_BLOCK + 12 }, (_, n) => ({ ...template, id: `2502.${String(n).padStart(5, '0')}`, title: `Paper ${n}`, normTitle: `paper ${n}` }));
    const blocks = packBlocks(many).map(({ shortBy: _shortBy, written: _written, ...row }) => row);
    blocks[1] = { ...blocks[1]!, ids: blocks[1]!.ids.slice(0, 37), papers: blocks[1]!.papers.slice(0, 37) };
    blocks[2] = { ...blocks[2]!, ids: blocks[2]!.ids.slice(0, 1), papers: blocks[2]!.papers.slice(0, 1) };
    await old.table('paperBlocks').bulkPut(blocks);
    await old.table('meta').bulkPut([{ key: SEED_VERSION_KEY, value: asset.version }]);
    old.close();

    const db = new PaperLensDatabase(name);
    await db.open();
    const shortBy = new Map((await db.paperBlocks.toArray()).map((row) => [row.block, row.shortBy]));
    expect([...shortBy]).toEqual([
      [0, undefined],
      [1, PAPERS_PER_BLOCK - 37],
      [2, PAPERS_PER_BLOCK - 1],
      [3, undefined],
      [4, PAPERS_PER_BLOCK - 12],
    ]);
    expect(await db.papers.count()).toBe(2 * PAPERS_PER_BLOCK + 37 + 1 + 12);
    // New papers fill the last block first; the count follows.
    await db.papers.bulkPut(many.slice(0, 3).map((paper, n) => ({ ...paper, id: `2503.0000${n}` })));
    expect(await db.papers.count()).toBe(2 * PAPERS_PER_BLOCK + 37 + 1 + 15);
    expect((await db.paperBlocks.get(4))!.shortBy).toBe(PAPERS_PER_BLOCK - 15);

    // Related papers keep the terms of blocks not written since the upgrade, and tokenize one written since again.
    const arrival = { id: '2504.00001', title: 'Tree drafts for speculative decoding', abstract: 'Draft trees verified in parallel speed up decoding.' };
    const related = async () => (await relatedOnArrival(db, [arrival], new Set([arrival.id]))).get(arrival.id);
    const fresh = async () => relatedTo(buildRelatedCorpus([...(await db.papers.toArray()), arrival]), arrival);
    expect(await related()).toEqual(await fresh());
    await db.papers.bulkPut([{ ...many[3]!, title: 'Speculative decoding with draft trees', abstract: 'Tree drafts, verified in parallel, speed up speculative decoding.' }]);
    const afterWrite = await related();
    expect(afterWrite).toEqual(await fresh());
    expect(afterWrite).toContain(many[3]!.id);
    db.close();
  });
});

describe('a version 16 store, its summaries written by summarizer 23 (no names)', () => {
  test('an update reseeds and recomputes them without an error, and search finds a paper by a name only its abstract has', async () => {
    const unnamed = (paper: Paper): Paper => {
      const { names: _names, ...summary } = paper.summary;
      return { ...paper, summary: { ...summary, version: 23 } } as unknown as Paper;
    };
    const title = 'Grasping with Tiny Policies';
    const abstract = 'We train GraspNet-7 policies with PPO on a single GPU. They grasp unseen objects 40% more often.';
    const feedOnly = unnamed({ ...asset.papers[0]!, id: '2312.00998', title, normTitle: normalizeTitle(title), abstract, rank: null, snapshot: null, source: 'feed', summary: { ...asset.papers[0]!.summary, ...summarize(title, abstract) } });
    const stored = [...asset.papers.map(unnamed), feedOnly];
    const name = `migration-${++counter}`;
    const old = new Dexie(name);
    old.version(16).stores(SHIPPED_STORES['version 16']);
    await old.open();
    await old.table('paperBlocks').bulkPut(packBlocks(stored));
    await old.table('meta').bulkPut([
      { key: SEED_VERSION_KEY, value: 'previous' },
      { key: SEED_SNAPSHOTS_KEY, value: JSON.stringify(asset.snapshots.map((snapshot) => snapshot.label)) },
      { key: 'summarizerVersion', value: '23' },
    ]);
    await old.table('searchIndex').put({ key: PAPERS_INDEX_KEY, snapshot: snapshotOf(stored.map((paper) => ({ ...paper, summary: { ...paper.summary, names: [] } }))), builtAt: 1 });
    await old.table('saved').put(savedItem({ id: feedOnly.id, title, notes: 'kept' }));
    old.close();

    const errors: string[] = [];
    const store = createStore({ db: new PaperLensDatabase(name), loadSeed: async () => asset, onError: (error) => errors.push(error), onRecovered: () => undefined });
    await store.refreshSeed();
    expect(errors).toEqual([]);
    const db = await store.ready();
    expect(await storedSeedVersion(db)).toBe(asset.version);
    expect((await db.papers.get(feedOnly.id))?.summary).toMatchObject({ version: SUMMARIZER_VERSION, names: ['GraspNet-7', 'PPO', 'GPU'] });
    expect(searchRows((await loadSearchIndex(db))!, await rowContext(db), 'graspnet', 3).map((row) => row.id)).toEqual([feedOnly.id]);
    expect((await db.saved.get(feedOnly.id))?.notes).toBe('kept');
    db.close();
  });
});
