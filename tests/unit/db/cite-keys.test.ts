import { Dexie } from 'dexie';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { GIVEN_CITE_KEYS_KEY } from '../../../src/db/cite-keys';
import { MAX_GIVEN_CITE_KEYS } from '../../../src/papers/bounds';
import { citablePaper, completeSaved, listSaved, savePaper } from '../../../src/db/papers';
import { applyImport, clearReadingData, planListImport, removeSaved, restoreSaved, undoRemoval } from '../../../src/db/reading-list';
import { exportBibtex, exportCsv, exportJson, exportRis, parseImport } from '../../../src/export';
import { citationEntry } from '../../../src/export/bibtex';
import type { SavedItem } from '../../../src/schema';
import { savedItem } from '../export/fixtures';
import { SHIPPED_STORES } from './shipped-stores';

let db: PaperLensDatabase;
let counter = 0;

beforeEach(() => {
  db = new PaperLensDatabase(`cite-keys-${++counter}`);
});

/** Each paper's key in a BibTeX file, by arXiv id. */
function keysOf(bibtex: string): Map<string, string> {
  return new Map([...bibtex.matchAll(/^@misc\{([^,]+),[\s\S]*?eprint = \{([^}]+)\}/gm)].map((match) => [match[2]!, match[1]!]));
}

const thesis = { id: '2401.00001', title: 'Learning to Reason with Graphs', authors: ['Wei Wang'], published: '2024-01-02' };
const namesake = { id: '2405.00002', title: 'Learning Sparse Features', authors: ['Jun Wang'], published: '2024-05-02' };
// A real surname (35 letters) and a German compound of 93: uncapped, a 132-character key (QA).
const longNamed = {
  id: '2401.00002',
  title: 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsmodellierung mit Transformern',
  authors: ['Hubert Blaine Wolfeschlegelsteinhausenbergerdorff'],
  published: '2024-01-02',
};

async function importText(text: string, now = 5000) {
  const parsed = parseImport(text);
  return applyImport(db, parsed.items, parsed.rejected, now);
}

describe('a saved paper keeps its citation key', () => {
  test('a later paper with the same author, year and title word does not rename it: only the newcomer is suffixed', async () => {
    await savePaper(db, thesis, 1000);
    expect(keysOf(exportBibtex(await listSaved(db))).get(thesis.id)).toBe('wang2024learning');
    await savePaper(db, namesake, 2000);
    const whole = keysOf(exportBibtex(await listSaved(db)));
    expect(whole.get(thesis.id)).toBe('wang2024learning');
    expect(whole.get(namesake.id)).toBe('wang2024learninga');
    // Exporting only some papers (the ones shown) gives each the key the whole list gives it.
    for (const item of await listSaved(db)) expect(keysOf(exportBibtex([item])).get(item.id)).toBe(whole.get(item.id));
    // Saving it again (another tab, the card) keeps its key.
    await savePaper(db, thesis, 3000);
    expect((await db.saved.get(thesis.id))!.citeKey).toBe('wang2024learning');
    // The card's Copy BibTeX cites a saved paper by its kept key.
    expect(citationEntry((await db.saved.get(namesake.id))!)).toMatch(/^@misc\{wang2024learninga,/);
  });

  test('a paper saved by id only is keyed by its id until its details come, then keeps its readable key', async () => {
    await savePaper(db, { id: '2401.00003', title: 'arXiv:2401.00003' }, 1000);
    expect((await db.saved.get('2401.00003'))!.citeKey).toBeUndefined();
    expect(keysOf(exportBibtex(await listSaved(db))).get('2401.00003')).toBe('arxiv2401_00003');
    await completeSaved(db, { id: '2401.00003', title: 'Scaling Laws Revisited', authors: ['Ana Kim'], published: '2024-01-05' });
    expect((await db.saved.get('2401.00003'))!.citeKey).toBe('kim2024scaling');
    // Details that arrive later (a page that names more) do not change it.
    await completeSaved(db, { id: '2401.00003', title: 'Scaling Laws Revisited Again', authors: ['Bo Li'], published: '2023-01-05', doi: '10.1/x' });
    expect((await db.saved.get('2401.00003'))!.citeKey).toBe('kim2024scaling');
  });

  test('a first author without Latin letters gets a key from the arXiv id, not a shared anon key', async () => {
    await savePaper(db, { id: '2401.12345', title: '深度学习', authors: ['张伟'], published: '2024-01-10' }, 1000);
    await savePaper(db, { id: '2401.12346', title: '注意力', authors: ['李明'], published: '2024-01-10' }, 1000);
    const keys = keysOf(exportBibtex(await listSaved(db)));
    expect([keys.get('2401.12345'), keys.get('2401.12346')]).toEqual(['arxiv2401_12345', 'arxiv2401_12346']);
  });

  test('a paper with a very long surname and title word is saved with a key BibTeX and the store take, and stays listed and exported', async () => {
    await savePaper(db, longNamed, 1000);
    const [item] = await listSaved(db);
    expect(item?.id).toBe(longNamed.id);
    expect(item!.citeKey).toBe(`${'wolfeschlegelsteinhausenbergerdorff'}2024${'donaudampfschifffahrtselektrizitatenhaup'}`);
    expect(keysOf(exportBibtex(await listSaved(db))).get(longNamed.id)).toBe(item!.citeKey);
  });
});

describe('imported keys', () => {
  test("a BibTeX file's keys are kept (Zotero, Mendeley); one already held by another paper goes to the listed paper", async () => {
    await savePaper(db, { id: '1312.99999', title: 'Something Else', authors: ['Zed Other'], published: '2013-12-01' }, 500);
    // Give the listed paper a key the file will also use.
    await db.saved.update('1312.99999', { citeKey: 'Taken2013' });
    const file = [
      '@article{vaswani_attention_2023, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017}, eprint = {1706.03762}}',
      '@article{Kingma2013, title = {Auto-Encoding Variational Bayes}, author = {Kingma, Diederik P.}, year = {2013}, eprint = {1312.6114}}',
      '@misc{taken2013, title = {Playing Atari with Deep Reinforcement Learning}, author = {Mnih, Volodymyr}, year = {2013}, eprint = {1312.5602}}',
    ].join('\n');
    expect((await importText(file)).added).toBe(3);
    const keys = keysOf(exportBibtex(await listSaved(db)));
    expect(keys.get('1706.03762')).toBe('vaswani_attention_2023');
    expect(keys.get('1312.6114')).toBe('Kingma2013');
    // BibTeX reads Taken2013 and taken2013 as one key: the newcomer gets its own.
    expect(keys.get('1312.5602')).toBe('mnih2013playing');
    expect(keys.get('1312.99999')).toBe('Taken2013');
    // Importing the same file again changes nothing, and a listed paper keeps its key over the file's.
    expect(await importText(file, 6000)).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    // The preview's plan says so too (the listed items carry keys the file's merge does not know).
    const again = parseImport(file);
    expect(planListImport(await listSaved(db), again.items, 6000)).toMatchObject({ added: [], updated: [], unchanged: 3 });
    await importText('@misc{renamed, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017}, eprint = {1706.03762}, keywords = {new}}', 7000);
    expect((await db.saved.get('1706.03762'))!.citeKey).toBe('vaswani_attention_2023');
  });

  test('the JSON backup carries each key and a restore keeps it', async () => {
    await savePaper(db, thesis, 1000);
    await savePaper(db, namesake, 2000);
    const before = keysOf(exportBibtex(await listSaved(db)));
    const backup = exportJson(await listSaved(db), 3000);
    expect(JSON.parse(backup).items.map((item: SavedItem) => item.citeKey).sort()).toEqual(['wang2024learning', 'wang2024learninga']);
    await clearReadingData(db, Date.now());
    // Restored in the other order: the namesake first would take the bare key if keys were not kept.
    const reordered = JSON.stringify({ ...JSON.parse(backup), items: [...JSON.parse(backup).items].reverse() });
    expect((await importText(reordered)).added).toBe(2);
    expect(keysOf(exportBibtex(await listSaved(db)))).toEqual(before);
    // A key BibTeX could not read (a hand-edited backup) does not cost the paper: it is keyed anew.
    await clearReadingData(db, Date.now());
    const edited = { ...JSON.parse(backup), items: JSON.parse(backup).items.map((item: SavedItem) => ({ ...item, citeKey: `${item.citeKey}, broken` })) };
    expect((await importText(JSON.stringify(edited))).added).toBe(2);
    expect((await db.saved.get(thesis.id))!.citeKey).toBe('wang2024learning');
  });

  test.each([
    ['CSV', exportCsv],
    ['RIS', exportRis],
  ])("a %s export carries each kept key and an import into an empty list keeps it (QA: Zotero's keys became ours, so \\cite{} broke)", async (_format, write) => {
    const zotero = ['@article{lecun2024383, title = {Learning to Reason with Graphs}, author = {Wang, Wei}, eprint = {2401.00001}, archivePrefix = {arXiv}}', '@article{wang2024learning, title = {Learning Sparse Features}, author = {Wang, Jun}, eprint = {2405.00002}, archivePrefix = {arXiv}}'].join('\n');
    expect((await importText(zotero)).added).toBe(2);
    const before = keysOf(exportBibtex(await listSaved(db)));
    expect([...before.values()].sort()).toEqual(['lecun2024383', 'wang2024learning']);
    const exported = write(await listSaved(db));
    await clearReadingData(db, Date.now());
    expect((await importText(exported)).added).toBe(2);
    expect(keysOf(exportBibtex(await listSaved(db)))).toEqual(before);
  });

  test('a removed paper frees its key for a paper saved later', async () => {
    await savePaper(db, thesis, 1000);
    await removeSaved(db, [thesis.id], 1500);
    await savePaper(db, namesake, 2000);
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learning');
    // Undoing the removal then puts the paper back with a key of its own: the namesake keeps its key.
    await restoreSaved(db, [{ ...savedItem(thesis), citeKey: 'wang2024learning' }]);
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learning');
    expect((await db.saved.get(thesis.id))!.citeKey).toBe('wang2024learninga');
  });
});

describe('Copy BibTeX of a paper not saved', () => {
  test('cites it by the key a save would give it, not one a saved paper holds', async () => {
    await savePaper(db, thesis, 1000);
    const cited = await citablePaper(db, namesake);
    expect(cited.citeKey).toBe('wang2024learninga');
    expect(citationEntry(cited)).toMatch(/^@misc\{wang2024learninga,/);
    // The namesake is not saved by it, and the saved paper keeps its key.
    expect(await db.saved.get(namesake.id)).toBeUndefined();
    await savePaper(db, namesake, 2000);
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learninga');
  });

  const rank = { id: '2305.11111', title: 'Learning to Rank with LLMs', authors: ['Wei Zhang', 'Li Wang'], published: '2023-05-18' };
  const feedback = { id: '2309.22222', title: 'Learning from Feedback', authors: ['Yu Zhang'], published: '2023-09-30' };

  test('two namesakes copied never share a key, and each keeps its copied key whichever is saved first', async () => {
    expect((await citablePaper(db, rank)).citeKey).toBe('zhang2023learning');
    expect((await citablePaper(db, feedback)).citeKey).toBe('zhang2023learninga');
    // Copied again: the same keys.
    expect((await citablePaper(db, feedback)).citeKey).toBe('zhang2023learninga');
    expect((await citablePaper(db, rank)).citeKey).toBe('zhang2023learning');
    // Saved in the other order: the \cite{zhang2023learning} written for the first still names it in the export.
    await savePaper(db, feedback, 1000);
    await savePaper(db, rank, 2000);
    const keys = keysOf(exportBibtex(await listSaved(db)));
    expect(keys.get(rank.id)).toBe('zhang2023learning');
    expect(keys.get(feedback.id)).toBe('zhang2023learninga');
  });

  test('a key copied for one paper is never given to another: not by a save, an import, an Undo or a page completing a saved paper', async () => {
    expect((await citablePaper(db, thesis)).citeKey).toBe('wang2024learning');
    await savePaper(db, namesake, 1000);
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learninga');
    // A file naming the copied key for another paper: that paper gets one of its own.
    await importText('@misc{wang2024learning, title = {Learning Graph Kernels}, author = {Wang, Li}, year = {2024}, eprint = {2402.00003}}');
    expect((await db.saved.get('2402.00003'))!.citeKey).toBe('wang2024learningb');
    // A paper saved by id only, completed from its page.
    await savePaper(db, { id: '2403.00004', title: 'arXiv:2403.00004' }, 2000);
    await completeSaved(db, { id: '2403.00004', title: 'Learning Less', authors: ['Mei Wang'], published: '2024-03-01' });
    expect((await db.saved.get('2403.00004'))!.citeKey).toBe('wang2024learningc');
    // The copied paper, saved at last, has the key copied for it.
    await savePaper(db, thesis, 3000);
    expect((await db.saved.get(thesis.id))!.citeKey).toBe('wang2024learning');
  });

  test('a removed paper whose key was copied for another since comes back by Undo under a new key', async () => {
    await savePaper(db, thesis, 1000);
    const [removed] = await removeSaved(db, [thesis.id], 1500);
    expect((await citablePaper(db, namesake)).citeKey).toBe('wang2024learning');
    await undoRemoval(db, [removed!], 1600);
    expect((await db.saved.get(thesis.id))!.citeKey).toBe('wang2024learninga');
    await savePaper(db, namesake, 2000);
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learning');
  });

  test('a paper saved by id only, copied with its details, keeps the copied key once its page completes it', async () => {
    await savePaper(db, { id: thesis.id, title: `arXiv:${thesis.id}` }, 1000);
    expect((await citablePaper(db, thesis)).citeKey).toBe('wang2024learning');
    await savePaper(db, namesake, 2000);
    await completeSaved(db, thesis);
    expect((await db.saved.get(thesis.id))!.citeKey).toBe('wang2024learning');
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learninga');
  });

  test('the latest 5,000 copied keys are kept; clearing the reading data forgets them', async () => {
    const old = Array.from({ length: MAX_GIVEN_CITE_KEYS }, (_, index) => [`2301.${String(index).padStart(5, '0')}`, `old${index}`]);
    await db.meta.put({ key: GIVEN_CITE_KEYS_KEY, value: JSON.stringify(old) });
    expect((await citablePaper(db, thesis)).citeKey).toBe('wang2024learning');
    const kept: [string, string][] = JSON.parse((await db.meta.get(GIVEN_CITE_KEYS_KEY))!.value);
    expect(kept).toHaveLength(MAX_GIVEN_CITE_KEYS);
    expect(kept[0]).toEqual(['2301.00001', 'old1']);
    expect(kept.at(-1)).toEqual([thesis.id, 'wang2024learning']);
    await clearReadingData(db, Date.now());
    expect((await citablePaper(db, namesake)).citeKey).toBe('wang2024learning');
  });

  test('a store that cannot write still cites the paper, by the key a save would give it', async () => {
    await savePaper(db, thesis, 1000);
    vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    expect((await citablePaper(db, namesake)).citeKey).toBe('wang2024learninga');
  });
});

describe('the version 20 upgrade', () => {
  test('gives an item holding a key too long to read the key a save gives it now, and drops such a given key only', async () => {
    const name = `cite-keys-upgrade-${++counter}`;
    const old = new Dexie(name);
    old.version(19).stores(SHIPPED_STORES['version 19']);
    await old.open();
    // As version 19 keyed them: the name and the title word whole.
    const overlong = 'wolfeschlegelsteinhausenbergerdorff2024donaudampfschifffahrtselektrizitatenhauptbetriebswerkbauunterbeamtengesellschaftsmodellierung';
    const kept = savedItem({ ...thesis, citeKey: 'wang2024learning' });
    await old.table('saved').bulkPut([{ ...savedItem({ ...longNamed, notes: 'keep me', tags: ['german'] }), citeKey: overlong }, kept]);
    await old.table('removed').put({ ...savedItem({ ...longNamed, id: '2402.00002' }), citeKey: overlong, removedAt: 5 });
    await old.table('meta').put({ key: GIVEN_CITE_KEYS_KEY, value: JSON.stringify([['2405.00002', 'wang2024learninga'], ['2403.00003', `${overlong}a`]]) });
    old.close();

    db = new PaperLensDatabase(name);
    await db.open();
    const capped = 'wolfeschlegelsteinhausenbergerdorff2024donaudampfschifffahrtselektrizitatenhaup';
    // Listed again (it was left out of the list and of every export), all else as it was.
    expect(await listSaved(db)).toEqual(expect.arrayContaining([{ ...savedItem({ ...longNamed, notes: 'keep me', tags: ['german'] }), citeKey: capped }, kept]));
    // The removed paper comes back readable, under a key of its own.
    expect((await db.removed.get('2402.00002'))!.citeKey).toBe(`${capped}a`);
    // The other given keys are kept: the namesake copied before is not given the thesis's next key.
    expect(JSON.parse((await db.meta.get(GIVEN_CITE_KEYS_KEY))!.value)).toEqual([['2405.00002', 'wang2024learninga']]);
    await savePaper(db, namesake, 2000);
    expect((await db.saved.get(namesake.id))!.citeKey).toBe('wang2024learninga');
    db.close();
  });
});

describe('the version 14 upgrade', () => {
  test('pins the keys a whole-list export gave before, so nothing already cited changes', async () => {
    const name = `cite-keys-upgrade-${++counter}`;
    const old = new Dexie(name);
    old.version(13).stores(SHIPPED_STORES['version 13']);
    await old.open();
    const items = [
      savedItem({ ...thesis, addedAt: 1 }),
      savedItem({ ...namesake, addedAt: 2 }),
      savedItem({ id: '2402.00001', title: '深度学习', authors: ['张伟'], published: '2024-02-01' }),
      // Saved by id only: keyed when its details come, not pinned to its placeholder.
      savedItem({ id: '2403.00001', title: 'arXiv:2403.00001', authors: [] }),
      // Saved from a list of links, with a title and no authors yet: not pinned to anon2015deep.
      savedItem({ id: '1512.03385', title: 'Deep Residual Learning', authors: [] }),
    ];
    await old.table('saved').bulkPut(items);
    old.close();

    db = new PaperLensDatabase(name);
    await db.open();
    const keyOf = async (id: string) => (await db.saved.get(id))!.citeKey;
    // As the whole-list export named them before this version.
    expect(await keyOf(thesis.id)).toBe('wang2024learninga');
    expect(await keyOf(namesake.id)).toBe('wang2024learningb');
    expect(await keyOf('2402.00001')).toBe('anon2024');
    expect(await keyOf('2403.00001')).toBeUndefined();
    expect(await keyOf('1512.03385')).toBeUndefined();
    await completeSaved(db, { id: '1512.03385', title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang'], published: '2015-12-10' });
    expect(await keyOf('1512.03385')).toBe('he2015deep');
    // Everything else of each item is as it was.
    expect((await db.saved.get(thesis.id))!).toEqual({ ...items[0], citeKey: 'wang2024learninga' });
    // A third namesake saved after the upgrade takes a key no saved paper holds; the others keep theirs.
    await savePaper(db, { id: '2406.00003', title: 'Learning Again', authors: ['Li Wang'], published: '2024-06-01' }, 5000);
    const keys = keysOf(exportBibtex(await listSaved(db)));
    expect([keys.get(thesis.id), keys.get(namesake.id)]).toEqual(['wang2024learninga', 'wang2024learningb']);
    expect(new Set(keys.values()).size).toBe(keys.size);
    db.close();
  });
});
