import { beforeAll, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { listSaved, markSeen, recentlySeen, savePaper } from '../../../src/db/papers';
import { loadSearchIndex, rowContext } from '../../../src/db/search';
import { seedStore } from '../../../src/db/seed';
import { someWordsResults, storeAndSavedRows, visitedOutsideStore } from '../../../src/ui/popup/search';
import { savedTypoSearch, sortItems } from '../../../src/ui/reading-list/query';
import { savedItem } from '../export/fixtures';
import type { SeedAsset } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';

let db: PaperLensDatabase;
let asset: SeedAsset;

beforeAll(async () => {
  asset = await buildSeedAsset();
  db = new PaperLensDatabase('popup-search');
  await seedStore(db, asset);
  // Saved from its card: the store does not hold it (not in the snapshot).
  await savePaper(db, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], tldr: 'We propose the Transformer.' }, 1);
  // A snapshot paper, saved with the authors its page showed (the snapshot has none).
  await savePaper(db, { id: '2310.01779', title: 'HallE-Switch', authors: ['Bohan Zhai'] }, 2);
});

async function search(query: string) {
  const index = (await loadSearchIndex(db))!;
  const visited = visitedOutsideStore(await db.seen.orderBy('at').reverse().toArray(), index);
  return storeAndSavedRows(index, await rowContext(db), sortItems(await listSaved(db), 'added'), query, 20, visited);
}

describe('popup search over the store and the reading list', () => {
  test('a saved paper the store does not hold is found by its title and by an author', async () => {
    for (const query of ['attention is all', 'Vaswani', 'transformer']) {
      const [first] = await search(query);
      expect(first, query).toMatchObject({ id: '1706.03762', title: 'Attention Is All You Need', status: 'to-read' });
    }
  });

  test('a saved snapshot paper found by its author is listed once, as the store shows it', async () => {
    const rows = await search('Zhai');
    expect(rows.map((row) => row.id)).toEqual(['2310.01779']);
    expect(rows[0]).toMatchObject({ rank: 1, snapshot: '2025-07-30', status: 'to-read' });
    expect(rows[0]!.title).toBe(asset.papers.find((paper) => paper.id === '2310.01779')!.title);
    const hallucination = await search('hallucination');
    expect(hallucination.filter((row) => row.id === '2310.01779')).toHaveLength(1);
  });

  test('an arXiv id or URL (with or without https://) finds its paper', async () => {
    for (const query of ['2310.01779', 'arXiv:2310.01779v3', 'https://arxiv.org/abs/2310.01779v3', 'https://arxiv.org/pdf/1706.03762', ' arxiv.org/abs/2310.01779', 'huggingface.co/papers/2310.01779', '10.48550/arXiv.2310.01779', 'arXiv:2310.01779v3 [cs.CV]']) {
      const rows = await search(query);
      expect(rows.map((row) => row.id), query).toEqual([query.includes('1706') ? '1706.03762' : '2310.01779']);
    }
    expect(await search('2401.99999')).toEqual([]);
    // A host named like an object's own property is just no paper address.
    expect(await search('http://constructor/abs/1')).toEqual([]);
  });

  test('an id in a copied reference, a downloaded file name or punctuation finds its paper', async () => {
    for (const query of ['arXiv preprint arXiv:1706.03762', 'Attention is all you need. arXiv preprint arXiv:1706.03762, 2017.', '1706.03762v7.pdf', '2310.01779,', '<2310.01779>']) {
      const rows = await search(query);
      expect(rows.map((row) => row.id), query).toEqual([query.includes('1706') ? '1706.03762' : '2310.01779']);
    }
  });

  test('a short surname ("He") lists its author\'s saved paper first, before newer ones that hold the letters only inside words ("the", "Christopher")', async () => {
    const saved = sortItems(
      [
        savedItem({ id: '1512.03385', title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'], addedAt: 1 }),
        savedItem({ id: '2312.00752', title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', authors: ['Albert Gu', 'Tri Dao'], tldr: 'Scales linearly with the sequence length.', addedAt: 4 }),
        savedItem({ id: '2303.08774', title: 'GPT-4 Technical Report', authors: ['OpenAI'], tldr: 'GPT-4 is the first multimodal GPT.', addedAt: 3 }),
        savedItem({ id: '2205.14135', title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: ['Tri Dao', 'Christopher Ré'], addedAt: 2 }),
      ],
      'added',
    );
    const rows = storeAndSavedRows((await loadSearchIndex(db))!, await rowContext(db), saved, 'He', 20);
    // Then the others, newest first.
    expect(rows.slice(0, 4).map((row) => row.id)).toEqual(['1512.03385', '2312.00752', '2303.08774', '2205.14135']);
  });

  test('a paper whose page was opened and that the store does not hold is found by a word of its title, or an author', async () => {
    await markSeen(db, [{ id: '2502.04321', title: 'Sparse Entmax Routing for Mixture-of-Experts', authors: ['Ada Lovelace'] }], 10);
    await markSeen(db, [{ id: '2502.04322', title: 'Another Routing Paper' }], 20);
    // A paper of the store opened too: the index finds it, once.
    await markSeen(db, [{ id: '2310.15539', title: 'SteloCoder as its page says' }], 30);
    for (const query of ['entmax', 'sparse ROUTING', 'lovelace', '“Mixture-of-Experts”', '2502.04321']) {
      const rows = await search(query);
      expect(rows[0], query).toEqual({ id: '2502.04321', title: 'Sparse Entmax Routing for Mixture-of-Experts', tldr: '', topics: [], rank: null, snapshot: null, status: null });
    }
    // Newest first; every word must be there.
    expect((await search('routing')).slice(0, 2).map((row) => row.id)).toEqual(['2502.04322', '2502.04321']);
    expect((await search('entmax transformer')).map((row) => row.id)).not.toContain('2502.04321');
    // A word's start, as the store's index finds words (QA: "gan" listed a paper that "organizes" first, "lora" one of "exploration").
    await markSeen(db, [{ id: '2502.04323', title: 'Drafts That Reorganize Their Exploration' }], 25);
    expect((await search('gan')).map((row) => row.id)).not.toContain('2502.04323');
    expect((await search('lora')).map((row) => row.id)).not.toContain('2502.04323');
    expect((await search('reorgan')).map((row) => row.id)[0]).toBe('2502.04323');
    expect((await search('SteloCoder')).filter((row) => row.id === '2310.15539')).toHaveLength(1);
    // Saved since: found as saved, once, with its status.
    await savePaper(db, { id: '2502.04321', title: 'Sparse Entmax Routing for Mixture-of-Experts' }, 40);
    const rows = await search('entmax');
    expect(rows.filter((row) => row.id === '2502.04321')).toEqual([expect.objectContaining({ status: 'to-read' })]);
  });

  test('a paper of the store whose page titled it otherwise (arXiv retitled it) is found by the title the reader saw, and listed under it', async () => {
    const stored = asset.papers.find((paper) => paper.id === '2401.14556')!;
    await markSeen(db, [{ id: stored.id, title: 'Zebrafish Reading Order: the Retitled Version' }], 50);
    const rows = await search('zebrafish retitled');
    expect(rows.map((row) => row.id)).toEqual([stored.id]);
    expect(rows[0]).toMatchObject({ title: 'Zebrafish Reading Order: the Retitled Version', tldr: stored.summary.tldr });
    // Still found, once, by the store's title.
    expect((await search(stored.title)).filter((row) => row.id === stored.id)).toHaveLength(1);
    // By its id or address, under the title the reader saw too.
    expect(await search(`https://arxiv.org/abs/${stored.id}`)).toEqual([expect.objectContaining({ id: stored.id, title: 'Zebrafish Reading Order: the Retitled Version' })]);
  });
});

describe('popup search finds a paper of the store whose page was opened by the authors that page showed', () => {
  let opened: PaperLensDatabase;

  beforeAll(async () => {
    opened = new PaperLensDatabase('popup-search-opened-authors');
    await seedStore(opened, asset);
  });

  async function openedSearch(query: string) {
    const index = (await loadSearchIndex(opened))!;
    const visited = visitedOutsideStore(await opened.seen.orderBy('at').reverse().toArray(), index);
    return storeAndSavedRows(index, await rowContext(opened), sortItems(await listSaved(opened), 'added'), query, 20, visited);
  }

  test('a snapshot paper (no authors in the store) is found by an author its page showed, once, as the store lists it', async () => {
    const stored = asset.papers.find((paper) => paper.id === '2402.18041')!;
    expect(stored.authors).toEqual([]);
    const storeRow = (await openedSearch('2402.18041'))[0]!;
    expect(storeRow).toMatchObject({ title: stored.title, tldr: stored.summary.tldr, rank: expect.any(Number) });
    // Not found by an author before its page is opened: the store does not know them.
    expect((await openedSearch('Jiahuan Cao')).map((row) => row.id)).not.toContain(stored.id);
    await markSeen(opened, [{ id: stored.id, title: stored.title, authors: ['Yang Liu', 'Jiahuan Cao', 'Chongyu Liu'] }], 10);
    // And by an author and the year its id says it was submitted, as a saved paper is.
    for (const query of ['Jiahuan Cao', 'Jiahuan', 'chongyu liu', 'Jiahaun Cao', `Cao ${stored.title.split(' ')[0]!}`, 'cao 2024']) {
      const rows = await openedSearch(query);
      expect(rows[0], query).toEqual(storeRow);
      expect(rows.filter((row) => row.id === stored.id), query).toHaveLength(1);
    }
  });

  test('by words of its title alone it stays where the store ranks it, listed once', async () => {
    const stored = asset.papers.find((paper) => paper.id === '2402.18041')!;
    const before = await openedSearch('datasets survey');
    await markSeen(opened, [{ id: stored.id, title: stored.title, authors: ['Yang Liu', 'Jiahuan Cao', 'Chongyu Liu'] }], 20);
    expect(await openedSearch('datasets survey')).toEqual(before);
    expect((await openedSearch(stored.title)).filter((row) => row.id === stored.id)).toHaveLength(1);
  });

  test('opened papers follow the saved papers that match, and come before the store\'s ranking', async () => {
    await savePaper(opened, { id: '2505.00010', title: 'Notes on Liu', authors: ['Jiahuan Cao'] }, 30);
    const rows = await openedSearch('Jiahuan');
    expect(rows.slice(0, 2).map((row) => row.id)).toEqual(['2505.00010', '2402.18041']);
    await opened.saved.delete('2505.00010');
  });

  test('an opened paper the store does not hold shows the TL;DR Recent shows for it (its reading-list item\'s)', async () => {
    await markSeen(opened, [{ id: '2506.00001', title: 'Wallaby Graphs', authors: ['Grace Hopper'] }], 40);
    await savePaper(opened, { id: '2506.00001', title: 'Wallaby Graphs', tldr: 'Graphs of wallabies.' }, 41);
    expect((await recentlySeen(opened, 50)).find((paper) => paper.id === '2506.00001')).toMatchObject({ tldr: 'Graphs of wallabies.' });
    // Found by the author its page showed (the item names none): listed as opened.
    expect((await openedSearch('Hopper'))[0]).toMatchObject({ id: '2506.00001', title: 'Wallaby Graphs', tldr: 'Graphs of wallabies.', status: 'to-read' });
  });
});

describe('popup search finds a paper opened (not in the store) by the other forms of a word, as a saved one', () => {
  test('"large language models" finds "a large language model", "llms" an "LLM", "grasping objects" "grasp an object"; not "model" in "modelo"', async () => {
    const forms = new PaperLensDatabase('popup-search-opened-forms');
    await seedStore(forms, asset);
    await markSeen(forms, [{ id: '2507.00001', title: 'Teaching a Robot Arm to Grasp an Object', authors: ['Ada Lovelace'], tldr: 'A large language model plans each grasp with an LLM planner and a small LM critic.' }], 10);
    await markSeen(forms, [{ id: '2507.00002', title: 'Un modelo de lenguaje', authors: ['Ana Torres'] }], 11);
    const index = (await loadSearchIndex(forms))!;
    const visited = visitedOutsideStore(await forms.seen.orderBy('at').reverse().toArray(), index);
    const found = async (query: string) => storeAndSavedRows(index, await rowContext(forms), [], query, 20, visited).map((row) => row.id);
    for (const query of ['large language models', 'llms planners', 'grasping objects', 'robot arms', 'lms critics']) expect(await found(query), query).toContain('2507.00001');
    expect(await found('modelos lenguaje')).toContain('2507.00002');
    expect(await found('models lenguaje')).not.toContain('2507.00002');
  });
});

describe('popup search with many saved papers', () => {
  test('every saved or opened paper that matches is listed while there is room, not only the first five', async () => {
    const many = new PaperLensDatabase('popup-search-many');
    await seedStore(many, asset);
    // Eight papers the store does not hold, saved with a word no snapshot paper has.
    const ids = Array.from({ length: 8 }, (_, index) => `2503.0000${index + 1}`);
    for (const [index, id] of ids.entries()) await savePaper(many, { id, title: `Quokka study part ${index + 1}` }, index + 1);
    const index = (await loadSearchIndex(many))!;
    const rows = storeAndSavedRows(index, await rowContext(many), sortItems(await listSaved(many), 'added'), 'quokka', 20);
    expect(rows.map((row) => row.id).sort()).toEqual(ids);
    // So are papers opened that the store does not hold.
    const opened = Array.from({ length: 7 }, (_, index) => `2504.0000${index + 1}`);
    await markSeen(many, opened.map((id, index) => ({ id, title: `Wombat paper ${index + 1}` })), 100);
    const visited = visitedOutsideStore(await many.seen.orderBy('at').reverse().toArray(), index);
    const wombats = storeAndSavedRows(index, await rowContext(many), sortItems(await listSaved(many), 'added'), 'wombat', 20, visited);
    expect(wombats.map((row) => row.id).sort()).toEqual(opened);
  });
});

describe('popup search forgives a typo in saved and opened papers, as it does in the store', () => {
  let typos: PaperLensDatabase;

  beforeAll(async () => {
    typos = new PaperLensDatabase('popup-search-typos');
    await seedStore(typos, asset);
    // Saved from its card: the store does not hold it.
    await savePaper(typos, { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], tldr: 'We propose the Transformer.' }, 10);
  });

  async function typoSearch(query: string) {
    const index = (await loadSearchIndex(typos))!;
    const visited = visitedOutsideStore(await typos.seen.orderBy('at').reverse().toArray(), index);
    return (await storeAndSavedRows(index, await rowContext(typos), sortItems(await listSaved(typos), 'added'), query, 20, visited)).map((row) => row.id);
  }

  test('a saved paper the store does not hold is found with a typo in its title or an author, first, as saved papers are', async () => {
    for (const query of ['atention need', 'Atention Is All You Need', 'atention', 'vaswanni', 'Vsawani', 'noam shazer', 'transformr']) {
      expect((await typoSearch(query))[0], query).toBe('1706.03762');
    }
    // The store's papers found despite the typo still follow.
    expect((await typoSearch('atention')).length).toBeGreaterThan(1);
    // Words of four letters or fewer and first letters are not guessed at, as in the store.
    for (const query of ['attention nead', 'xttention need']) expect(await typoSearch(query), query).not.toContain('1706.03762');
  });

  test('a word in a saved paper\'s notes is no typo: that paper is found as typed, not a title one letter away', async () => {
    // Notes are searched as typed only; the word typed is in them, so nothing is a typo of it.
    await savePaper(typos, { id: '2505.00001', title: 'Reading Between the Lines' }, 5);
    await typos.saved.update('2505.00001', { notes: 'Why atention drifts in long documents.' });
    const rows = await typoSearch('atention');
    expect(rows[0]).toBe('2505.00001');
    expect(rows).not.toContain('1706.03762');
    await typos.saved.delete('2505.00001');
    expect((await typoSearch('atention'))[0]).toBe('1706.03762');
  });

  test('the saved papers\' typo index follows the list: built once for a list, again for a changed one', () => {
    const first = [savedItem({ id: '2505.00003', title: 'Contrastive Decoding Revisited' })];
    expect(savedTypoSearch(first)).toBe(savedTypoSearch(first));
    expect(savedTypoSearch(first).matches('contrastve', 5).map((item) => item.id)).toEqual(['2505.00003']);
    const changed = [...first, savedItem({ id: '2505.00004', title: 'Contrastive Search Unbound' })];
    expect(savedTypoSearch(changed)).not.toBe(savedTypoSearch(first));
    expect(savedTypoSearch(changed).matches('contrastve', 5).map((item) => item.id).sort()).toEqual(['2505.00003', '2505.00004']);
  });

  test('a word one list holds is no typo of another list’s word: a store word does not find a saved paper one letter away', async () => {
    await savePaper(typos, { id: '2505.00002', title: 'Modal Logic for Agents' }, 20);
    expect((await typoSearch('modal'))[0]).toBe('2505.00002');
    // "model" is in the store: it does not stand for "modal".
    const model = await typoSearch('model');
    expect(model.length).toBeGreaterThan(0);
    expect(model).not.toContain('2505.00002');
    await typos.saved.delete('2505.00002');
  });

  test('a paper opened that the store does not hold is found by a word of the TL;DR its card gave it, typed or with a typo, and shows that TL;DR', async () => {
    await markSeen(typos, [{ id: '2507.04321', title: 'Koala Decoding', authors: ['Grace Hopper'], tldr: 'We speed up transformer inference with parallel drafts.' }], 50);
    // Visited again from a PDF tab, which names no TL;DR: the card's is kept.
    await markSeen(typos, [{ id: '2507.04321', title: 'Koala Decoding' }], 60);
    for (const query of ['parallel drafts', 'paralel drafts', 'koala inference']) expect((await typoSearch(query))[0], query).toBe('2507.04321');
    expect((await recentlySeen(typos, 5)).find((paper) => paper.id === '2507.04321')).toMatchObject({ tldr: 'We speed up transformer inference with parallel drafts.' });
    const index = (await loadSearchIndex(typos))!;
    const visited = visitedOutsideStore(await typos.seen.orderBy('at').reverse().toArray(), index);
    const [row] = storeAndSavedRows(index, await rowContext(typos), [], 'koala', 20, visited);
    expect(row).toMatchObject({ id: '2507.04321', tldr: 'We speed up transformer inference with parallel drafts.' });
    // A paper the store holds (since) is searched by the store's TL;DR, not the card's it kept.
    await markSeen(typos, [{ id: '2310.15539', title: 'SteloCoder as its page says', authors: ['Grace Hopper'], tldr: 'Wombatology of code.' }], 70);
    expect(await typoSearch('wombatology')).not.toContain('2310.15539');
  });

  test('a paper opened that the store does not hold is found with a typo in its title or an author', async () => {
    await markSeen(typos, [{ id: '2502.04321', title: 'Sparse Entmax Routing for Mixture-of-Experts', authors: ['Ada Lovelace'] }], 30);
    for (const query of ['sparse entmx', 'entamx routing', 'lovleace', 'Sprase Entmax Routing']) {
      expect((await typoSearch(query))[0], query).toBe('2502.04321');
    }
    // Saved papers keep their place first.
    await markSeen(typos, [{ id: '2502.04322', title: 'Attention Routing in Sparse Experts' }], 40);
    expect((await typoSearch('atention')).slice(0, 2)).toEqual(['1706.03762', '2502.04322']);
  });
});

describe('popup search: words no paper has all of', () => {
  test('a saved paper the store does not hold is among the papers with some of them, first for lacking fewer', async () => {
    await savePaper(db, { id: '2502.00001', title: 'Speculative decoding for robot grasping', authors: ['Ada Grasp'] }, 3);
    const index = (await loadSearchIndex(db))!;
    const visited = visitedOutsideStore(await db.seen.orderBy('at').reverse().toArray(), index);
    const saved = sortItems(await listSaved(db), 'added');
    expect(await search('speculative decoding grasping quantum')).toEqual([]);
    const some = someWordsResults(index, await rowContext(db), saved, visited, 'speculative decoding grasping quantum', 20);
    expect(some[0]).toMatchObject({ row: { id: '2502.00001', title: 'Speculative decoding for robot grasping', status: 'to-read' }, missing: ['quantum'] });
    // The store's papers follow, lacking more of the words; none is listed twice.
    expect(some.slice(1).every(({ missing }) => missing.length >= 2)).toBe(true);
    expect(some.length).toBeGreaterThan(1);
    expect(new Set(some.map(({ row }) => row.id)).size).toBe(some.length);
  });
});
