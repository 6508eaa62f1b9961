import { beforeEach, describe, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import { exportBibtex, exportJson, MAX_BACKUP_BYTES, MAX_IMPORT_BYTES, reimportProblem } from '../../../src/export';
import { handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import type { Paper } from '../../../src/schema';
import { importChangesList, previewImport, type ImportPreview, type ImportSource } from '../../../src/ui/reading-list/import-preview';
import { hostileItems, savedItem } from '../export/fixtures';
import { depsFor, dump, freshDatabase, send, sendOk } from './helpers';
import { readArxivFillQueue, writeArxivFillQueue } from '../../../src/db/feed';
import { createArxivFiller } from '../../../src/feed/arxiv-fill';
import { withKnownPapers } from '../../../src/db/reading-list';
import { normalizeTitle } from '../../../src/papers/ids';
import { RESNET, VASWANI } from '../export/scholar-bib';

let db: PaperLensDatabase;
let deps: HandlerDeps;
const clock = { now: 50_000 };

function source(text: string | Uint8Array, name = 'import.txt', size?: number): ImportSource {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, size: size ?? bytes.length, arrayBuffer: async () => bytes.slice().buffer, slice: (start, end) => new Blob([bytes.slice(start, end)]) };
}

function paper(id: string, title: string): Paper {
  return {
    id, title, normTitle: title.toLowerCase(), abstract: '', authors: ['Ada Lovelace'], rank: null, snapshot: null, source: 'seed',
    summary: { version: 1, tldr: `TL;DR of ${title}`, keyResults: [], codeLinks: [], topics: [], names: [] }, feed: null, related: [],
  };
}

async function preview(text: string, name?: string): Promise<ImportPreview> {
  const outcome = await previewImport(db, source(text, name), clock.now);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.preview;
}

async function apply(found: ImportPreview) {
  return sendOk(deps, { type: 'importApply', items: found.parse.items, rejected: found.parse.rejected });
}

beforeEach(async () => {
  db = freshDatabase('reading-list-import');
  deps = depsFor(db, clock);
  await db.papers.bulkPut([paper('2310.01779', 'HallE-Switch'), paper('2407.13623', 'Scaling Laws with Vocabulary')]);
  await db.saved.put(savedItem({ id: '2310.01779', title: 'HallE-Switch', notes: 'mine', tags: ['ml'], updatedAt: 2_000 }));
});

describe('import preview and apply', () => {
  test('an id list: preview counts, placeholder titles filled from the papers table, then applied', async () => {
    const found = await preview('2407.13623\nhttps://arxiv.org/abs/1706.03762v5\nnot an id\n2310.01779\n');
    expect(found.plan.summary).toBe('2 new, 0 updated, 1 unchanged, 1 rejected: line 3: "not an id" is neither an arXiv id nor an arXiv or Hugging Face URL');
    expect(importChangesList(found)).toBe(true);
    expect(await db.saved.count()).toBe(1); // the preview writes nothing

    const result = await apply(found);
    expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 1 });
    expect(result.summary).toBe(found.plan.summary);
    expect(await db.saved.get('2407.13623')).toMatchObject({ title: 'Scaling Laws with Vocabulary', authors: ['Ada Lovelace'], tldr: 'TL;DR of Scaling Laws with Vocabulary', addedAt: 50_000 });
    expect(await db.saved.get('1706.03762')).toMatchObject({ title: 'arXiv:1706.03762', status: 'to-read' });
    expect(await db.saved.get('2310.01779')).toMatchObject({ notes: 'mine', tags: ['ml'] });
  });

  test("an id list's papers that want their arXiv page join the stored queue in the import's own transaction: a worker stopped right after the import still completes them", async () => {
    await writeArxivFillQueue(db, { ids: ['2501.00001'], retryAt: null });
    await apply(await preview('2407.13623\n1706.03762\nhep-th/9901001\n'));
    // 2407.13623 took the store's authors and TL;DR: it has nothing to ask arXiv.
    expect((await readArxivFillQueue(db)).ids).toEqual(['2501.00001', '1706.03762', 'hep-th/9901001']);
  });

  test("a backup's paper titled otherwise than the store's (arXiv retitled it since the snapshot) is queued for its arXiv page, TL;DR and details though it has; one titled as the store is not", async () => {
    const details = { authors: ['Bohan Zhai'], published: '2023-10-03', tldr: 'A TL;DR the backup holds.' };
    const backup = exportJson([
      savedItem({ id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models', ...details }),
      savedItem({ id: '2407.13623', title: 'Scaling Laws with Vocabulary', ...details }),
    ], 1);
    await db.saved.clear();
    await apply(await preview(backup, 'backup.json'));
    expect((await readArxivFillQueue(db)).ids).toEqual(['2310.01779']);
    // Once the store took arXiv's current title, a title other than it asks arXiv nothing (the page would change nothing).
    await db.saved.clear();
    await writeArxivFillQueue(db, { ids: [], retryAt: null });
    await db.papers.bulkPut([{ ...paper('2310.01779', 'HallE-Control v2: A Title arXiv Gives Now'), retitledAt: 1 }]);
    await apply(await preview(backup, 'backup.json'));
    expect((await readArxivFillQueue(db)).ids).toEqual([]);
  });

  test("a running worker asks arXiv for such a paper right after the import (not at the worker's next start)", async () => {
    const fetched: string[] = [];
    const filler = createArxivFiller({
      ready: async () => db,
      fetchPaper: async (id) => {
        fetched.push(id);
        return { ok: false, kind: 'missing', reason: 'not served here' };
      },
      enabled: async () => true, wait: async () => undefined, now: () => clock.now, version: '1.0.0', onFilled: () => undefined, scheduleRetry: () => undefined,
    });
    // The worker's start: nothing queued.
    await db.saved.clear();
    await filler.resume();
    const withFiller = { ...deps, savedPapers: (ids: string[]) => void filler.fill(ids) };
    const backup = exportJson([savedItem({ id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination', authors: ['Bohan Zhai'], published: '2023-10-03', tldr: 'Kept.' })], 1);
    const found = await preview(backup, 'backup.json');
    await sendOk(withFiller, { type: 'importApply', items: found.parse.items, rejected: found.parse.rejected });
    await expect.poll(() => fetched).toEqual(['2310.01779']);
  });

  test('a BibTeX file from another tool: a paper the store knows keeps the file\'s title and authors, and gets the store\'s TL;DR unless arXiv retitled it since', async () => {
    const bib = '@article{tao2024,\n  title = {Scaling Laws with Vocabulary (NeurIPS version)},\n  author = {Tao, Chaofan},\n  eprint = {2407.13623},\n  archivePrefix = {arXiv}\n}\n';
    const found = await preview(bib, 'zotero.bib');
    expect(found.plan.summary).toBe('1 new, 0 updated');
    await apply(found);
    expect(await db.saved.get('2407.13623')).toMatchObject({
      title: 'Scaling Laws with Vocabulary (NeurIPS version)',
      authors: ['Chaofan Tao'],
      tldr: 'TL;DR of Scaling Laws with Vocabulary',
    });
    // A paper arXiv retitled since the store's snapshot: the file's newer title gets no TL;DR of the
    // older abstract (the card's old name under the new title); its arXiv page is asked for one.
    await db.saved.clear();
    const retitled = '@article{zhai2023,\n  title = {HallE-Control: Controlling Object Hallucination in Large Multimodal Models},\n  author = {Zhai, Bohan},\n  eprint = {2310.01779},\n  archivePrefix = {arXiv}\n}\n';
    await apply(await preview(retitled, 'zotero.bib'));
    expect(await db.saved.get('2310.01779')).toMatchObject({ title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models', tldr: '' });
    expect((await readArxivFillQueue(db)).ids).toContain('2310.01779');
    // A backup says what the list held, an empty TL;DR too: restored as it was.
    await db.saved.clear();
    await apply(await preview(exportJson([savedItem({ id: '2407.13623', title: 'Mine', tldr: '' })], 1), 'backup.json'));
    expect(await db.saved.get('2407.13623')).toMatchObject({ title: 'Mine', tldr: '' });
  });

  test("a file's spelling of the store's title still gets the store's TL;DR: hyphens, LaTeX, &, accents, a subtitle, British spellings", () => {
    const variants: [string, string][] = [
      ['Tutorial on Variational Autoencoders', 'Tutorial on Variational Auto-Encoders'],
      ['An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale', 'An Image is Worth 16$\\times$16 Words: Transformers for Image Recognition at Scale'],
      ['Learning Across Domains and Tasks', 'Learning Across Domains \\& Tasks'],
      ['Beta-VAE: Learning Basic Visual Concepts', 'β-VAE: Learning Basic Visual Concepts'],
      ['Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies', 'Scaling Laws with Vocabulary'],
      ['Adam: A Method for Stochastic Optimization', 'Adam: A Method for Stochastic Optimisation'],
      ['Neighborhood Attention Transformer', 'Neighbourhood Attention Transformer'],
    ];
    for (const [stored, filed] of variants) {
      const papers = new Map([['2407.13623', paper('2407.13623', stored)]]);
      expect(withKnownPapers([{ id: '2407.13623', title: filed }], papers)[0]!.tldr, filed).toBe(`TL;DR of ${stored}`);
    }
    const retitled = new Map([['2310.01779', paper('2310.01779', 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption')]]);
    expect(withKnownPapers([{ id: '2310.01779', title: 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models' }], retitled)[0]!.tldr).toBe('');
  });

  test("Google Scholar's entries without an arXiv id land on the saved (else stored) paper of their title, venue and year kept; an unknown title is rejected by line, the rest applied", async () => {
    await db.saved.put(savedItem({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], published: '2017-06-12', notes: 'read twice', updatedAt: 2_000 }));
    const flashTitle = 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness';
    await db.papers.bulkPut([{ ...paper('2205.14135', flashTitle), normTitle: normalizeTitle(flashTitle), authors: ['Tri Dao', 'Daniel Y. Fu'] }]);
    const scholar = [
      VASWANI,
      '@article{dao2022flashattention,\n  title={Flashattention: Fast and memory-efficient exact attention with io-awareness},\n  author={Dao, Tri and Fu, Dan and Ermon, Stefano and Rudra, Atri and R{\\\'e}, Christopher},\n  journal={Advances in neural information processing systems},\n  volume={35},\n  pages={16344--16359},\n  year={2022}\n}',
      RESNET,
    ].join('\n\n');
    const found = await preview(scholar, 'scholar.bib');
    expect(found.plan.summary).toBe(
      '1 new, 1 updated, 1 rejected: line 18: no arXiv id (eprint, url or note) in @inproceedings{he2016deep}, and no paper in your reading list or in PaperLens\'s store is titled "Deep residual learning for image recognition"',
    );
    await apply(found);
    expect(await db.saved.get('1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      notes: 'read twice',
      published: '2017-06-12',
      journalRef: 'Advances in neural information processing systems, 2017',
    });
    expect(await db.saved.get('2205.14135')).toMatchObject({ title: flashTitle, journalRef: 'Advances in neural information processing systems, 2022', citeKey: 'dao2022flashattention' });
  });

  test('a JSON backup of 300 hostile items round-trips into an empty list exactly', async () => {
    await db.saved.clear();
    // With the citation keys a backup carries (any valid BibTeX key: Zotero's, Better BibTeX's): kept.
    const items = hostileItems(300, 7).map((item, index) => ({ ...item, citeKey: index % 2 === 0 ? `author_title_${index}` : `Doe:${index}.x-y` }));
    const found = await preview(exportJson(items, 1), 'backup.json');
    expect(found.plan.summary).toBe('300 new, 0 updated');
    await apply(found);
    const stored = await db.saved.toArray();
    const byId = new Map(stored.map((item) => [item.id, item]));
    expect(items.map((item) => byId.get(item.id))).toEqual(items);
  });

  test('the merge is planned again inside the transaction: an edit made after the preview is kept', async () => {
    const theirs = savedItem({ id: '2310.01779', title: 'HallE-Switch', notes: 'from the file', tags: ['vision'], updatedAt: 1_000 });
    const found = await preview(exportJson([theirs, savedItem({ id: '2402.18041', title: 'Datasets' })], 1), 'backup.json');
    expect(found.plan.summary).toBe('1 new, 1 updated, 1 paper keeps both its notes (the file\'s below "--- imported notes ---")');
    // Another tab edits the item between the preview and the apply.
    await sendOk(deps, { type: 'addTags', ids: ['2310.01779'], tags: ['added meanwhile'] });
    await sendOk(deps, { type: 'setNotes', id: '2310.01779', notes: 'mine, edited meanwhile' });
    await apply(found);
    const merged = await db.saved.get('2310.01779');
    expect(merged!.tags).toEqual(['ml', 'added meanwhile', 'vision']);
    expect(merged!.notes).toContain('mine, edited meanwhile');
    expect(merged!.notes).toContain('from the file');
  });

  test('all or nothing: a write that fails on one item aborts the whole import and the store is unchanged', async () => {
    const items = hostileItems(50, 3);
    const found = await preview(exportJson(items, 1), 'backup.json');
    const before = await dump(db);
    const poisoned = items[37]!.id;
    db.saved.hook('creating', (key) => {
      if (key === poisoned) throw new Error(`disk refused ${poisoned}`);
    });
    const reply = await send(deps, { type: 'importApply', items: found.parse.items, rejected: [] });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toContain(`disk refused ${poisoned}`);
    expect(await dump(db)).toBe(before);
  });

  test('one malformed item in the request refuses the whole request, naming it, and writes nothing', async () => {
    const before = await dump(db);
    const items = [{ id: '2402.18041', title: 'Fine' }, { id: '2402.18042', title: 'Fine too' }, { id: '2402.18043v2', title: 'Versioned id' }];
    const reply = await send(deps, { type: 'importApply', items, rejected: [] });
    expect(reply).toEqual({ ok: false, error: 'malformed request: items.2.id: not a canonical arXiv id' });
    const noId = await handleMessage({ type: 'importApply', items: [{ title: 'No id' }], rejected: [] }, deps);
    expect(noId.ok).toBe(false);
    expect(await dump(db)).toBe(before);
  });
});

describe('malformed files are refused with their reason and change nothing', () => {
  const good = exportJson(hostileItems(20, 5), 1);
  const lines = good.split('\n');
  const brokenAt = lines.findIndex((line) => line.includes('"status"'));
  const invalid = [...lines.slice(0, brokenAt), lines[brokenAt]!.replace(/,$/, ';'), ...lines.slice(brokenAt + 1)].join('\n');
  const bib = exportBibtex(hostileItems(6, 9));
  const unbalanced = bib.replace(/\}\},\n/, '},\n');

  test.each([
    ['invalid JSON', invalid, 'list.json', new RegExp(`^invalid JSON at line ${brokenAt + 1}, column \\d+: expected "," or "\\}" but found ";"$`)],
    ['an unknown version', good.replace('"version": 1', '"version": 7'), 'list.json', /^unsupported version 7 of the reading-list format: this PaperLens reads version 1/],
    ['a truncated file', good.slice(0, Math.floor(good.length * 0.6)), 'list.json', /^the file is truncated: it stops at line \d+, column \d+/],
    ['BibTeX with unbalanced braces', unbalanced, 'refs.bib', /^unbalanced braces or truncated file: the entry "@misc\{\w+" at line \d+ is never closed/],
    ['an id list with no papers', 'Dear reviewer,\nplease see attached\n', 'notes.txt', /^not a recognised file: expected a PaperLens JSON export, a BibTeX, RIS or CSV file or a list of arXiv ids or URLs \(line 1: /],
  ])('%s', async (_name, text, name, message) => {
    const before = await dump(db);
    const outcome = await previewImport(db, source(text, name), clock.now);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
    expect(await dump(db)).toBe(before);
  });

  test('a file in another encoding than UTF-8 is read in the one it declares, else refused at its line; UTF-16 is read', async () => {
    const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const entry = '@misc{m, title = {Une \xe9tude}, author = {Rafael M\xfcller}, eprint = {2401.00001}, archivePrefix = {arXiv}}\n';
    // JabRef says which encoding it wrote.
    const declared = await previewImport(db, source(latin1(`% Encoding: ISO8859_1\n\n${entry}`), 'refs.bib'), clock.now);
    expect(declared.ok && declared.preview.parse.items[0]).toMatchObject({ title: 'Une étude', authors: ['Rafael Müller'] });
    // Undeclared: refused, naming the line, and nothing is written.
    const before = await dump(db);
    expect(await previewImport(db, source(latin1(`% refs\n\n${entry}`), 'refs.bib'), clock.now)).toEqual({
      ok: false,
      error: 'the file is not UTF-8 text: line 3 has a character in another encoding (such as Latin-1, Windows-1252 or Shift_JIS); export or save the file as UTF-8 and import it again',
    });
    expect(await dump(db)).toBe(before);
    // UTF-16 with its byte-order mark (PowerShell's `>`), and UTF-8 with one.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'2402.00002\r\n'].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    const fromUtf16 = await previewImport(db, source(utf16, 'ids.txt'), clock.now);
    expect(fromUtf16.ok && fromUtf16.preview.parse.items.map((item) => item.id)).toEqual(['2402.00002']);
    const withBom = await previewImport(db, source(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('2403.00003\n')]), 'ids.txt'), clock.now);
    expect(withBom.ok && withBom.preview.parse.items.map((item) => item.id)).toEqual(['2403.00003']);
  });

  test('a file over 20 MB is refused by its size, before it is read', async () => {
    const before = await dump(db);
    let read = false;
    const sized = (size: number, opening: string): ImportSource => ({
      name: 'huge.json',
      size,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
      slice: () => new Blob([opening]),
    });
    expect(await previewImport(db, sized(MAX_IMPORT_BYTES + 1_048_576, '[{"id": "2310.01779"}'), clock.now)).toEqual({
      ok: false,
      error: 'the file is too large: 21.0 MB, and the limit is 20.0 MB (60.0 MB for a PaperLens JSON backup)',
    });
    // A JSON backup is refused by its size only over its own limit.
    const backupOpening = '{\n  "format": "paperlens-reading-list",\n  "version": 1,';
    expect(await previewImport(db, sized(MAX_BACKUP_BYTES + 1_048_576, backupOpening), clock.now)).toEqual({ ok: false, error: 'the file is too large: 61.0 MB, and the limit is 60.0 MB' });
    expect(read).toBe(false);
    // Its keys sorted (jq -S), a backup is still one.
    const sortedOpening = '{\n  "exportedAt": 5,\n  "format": "paperlens-reading-list",\n  "items": [';
    expect(await previewImport(db, sized(MAX_IMPORT_BYTES + 1_048_576, sortedOpening), clock.now)).not.toMatchObject({ error: expect.stringMatching(/too large/) });
    expect(read).toBe(true);
    // A file whose reported size is under the limit but whose text is over it is still refused.
    const outcome = await previewImport(db, source('a'.repeat(MAX_IMPORT_BYTES + 1), 'big.txt', 10), clock.now);
    expect(outcome).toEqual({ ok: false, error: 'the file is too large: over 20.0 MB, and the limit is 20.0 MB (60.0 MB for a PaperLens JSON backup)' });
    expect(await dump(db)).toBe(before);
  });

  test('an export too large to be imported back says so, with the limit: over 60 MB for a backup, over 20 MB for another format', () => {
    expect(reimportProblem(MAX_BACKUP_BYTES, true)).toBeNull();
    expect(reimportProblem(MAX_BACKUP_BYTES + 1_048_576, true)).toBe('it is 61.0 MB, more than the 60.0 MB an import reads back');
    expect(reimportProblem(MAX_IMPORT_BYTES + 1_048_576, false)).toBe('it is 21.0 MB, more than the 20.0 MB an import reads back');
    expect(reimportProblem(MAX_IMPORT_BYTES + 1_048_576, true)).toBeNull();
  });

  test('a JSON backup over 20 MB (a list with long notes) is read back whole: the backup restores the list it was made from', async () => {
    const note = 'n'.repeat(90_000);
    const items = Array.from({ length: 240 }, (_, index) => savedItem({ id: `2403.${String(10_000 + index)}`, title: `Paper ${index}`, notes: note }));
    const backup = exportJson(items, clock.now);
    expect(backup.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    const outcome = await previewImport(db, source(backup, 'paperlens-reading-list.json'), clock.now);
    expect(outcome.ok && outcome.preview.parse.items).toHaveLength(240);
    expect(outcome.ok && outcome.preview.parse.items[239]?.notes).toBe(note);
  });

  test('entries without ids are rejected by line; a file of only such entries has nothing to apply', async () => {
    const before = await dump(db);
    const file = JSON.parse(good) as { items: Record<string, unknown>[] };
    for (const entry of file.items) delete entry.id;
    const found = await preview(JSON.stringify(file, null, 2), 'list.json');
    expect(found.parse.items).toHaveLength(0);
    expect(found.plan.rejected).toHaveLength(20);
    expect(found.plan.summary).toMatch(/^0 new, 0 updated, 20 rejected: line 6: item 1: no arXiv id; line \d+: item 2: no arXiv id; /);
    expect(importChangesList(found)).toBe(false);
    const reply = await send(deps, { type: 'importApply', items: found.parse.items, rejected: found.parse.rejected });
    expect(reply).toEqual({ ok: false, error: 'malformed request: items: the file holds no papers to import' });

    const bibWithout = `@article{plain,\n  title = {No id here},\n  journal = {Nature}\n}\n${bib}`;
    const mixed = await preview(bibWithout, 'refs.bib');
    expect(mixed.plan.rejected).toEqual([{ line: 1, reason: 'no arXiv id (eprint, url or note) in @article{plain}, and no paper in your reading list or in PaperLens\'s store is titled "No id here"' }]);
    expect(await dump(db)).toBe(before);
  });
});

describe("the preview says which of the file's citation keys are not kept, and why (QA: renamed without a word)", () => {
  const entry = (key: string, id: string, title: string, author: string) => `@article{${key}, title = {${title}}, author = {${author}}, eprint = {${id}}, archivePrefix = {arXiv}}`;

  test("a key a listed paper holds, a listed paper's own key, and two entries of the file sharing one", async () => {
    await db.saved.bulkPut([
      savedItem({ id: '2005.11401', title: 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks', authors: ['Patrick Lewis'], citeKey: 'lewis2020retrieval' }),
      savedItem({ id: '2005.14165', title: 'Language Models are Few-Shot Learners', authors: ['Tom B. Brown'], citeKey: 'brown2020language' }),
    ]);
    const file = [
      entry('lewis2020retrieval', '2002.08909', 'REALM: Retrieval-Augmented Language Model Pre-Training', 'Guu, Kelvin'),
      entry('gpt3', '2005.14165', 'Language Models are Few-Shot Learners', 'Brown, Tom B.'),
      entry('gpt3', '2001.08361', 'Scaling Laws for Neural Language Models', 'Kaplan, Jared'),
      entry('alvarez2023dup', '2401.00001', 'Learning to Reason with Graphs', 'Wang, Wei'),
      entry('Alvarez2023dup', '2405.00002', 'Learning Sparse Features', 'Wang, Jun'),
    ].join('\n');
    const found = await preview(file, 'colleague.bib');
    expect(found.parse.leftOut?.map((note) => note.reason)).toEqual([
      'citation key "lewis2020retrieval" is not kept for 2002.08909 (it is 2005.11401\'s): it is cited as guu2020realm',
      'citation key "gpt3" is not kept for 2005.14165 (your list cites it by its own key): it is cited as brown2020language',
      'citation key "Alvarez2023dup" is not kept for 2405.00002 (it is 2401.00001\'s): it is cited as wang2024learning',
    ]);
    // As the preview said.
    await apply(found);
    const keys = Object.fromEntries((await db.saved.toArray()).map((item) => [item.id, item.citeKey]));
    expect(keys).toMatchObject({ '2002.08909': 'guu2020realm', '2005.14165': 'brown2020language', '2001.08361': 'gpt3', '2401.00001': 'alvarez2023dup', '2405.00002': 'wang2024learning' });
  });

  test("a paper the file holds twice keeps its first entry's key, into which the repeat is merged, and the preview says so (QA: the second's key was kept, said to be Copy BibTeX's doing)", async () => {
    const file = [
      entry('chowdhery2022palm', '2204.02311', 'PaLM: Scaling Language Modeling with Pathways', 'Chowdhery, Aakanksha'),
      entry('palm_from_zotero', '2204.02311', 'PaLM: Scaling Language Modeling with Pathways', 'Chowdhery, Aakanksha'),
    ].join('\n');
    const found = await preview(file, 'zotero.bib');
    expect(found.plan.summary).toMatch(/1 repeated in the file \(merged into its first\)/);
    expect(found.parse.leftOut?.map((note) => note.reason)).toEqual([
      'citation key "palm_from_zotero" is not kept for 2204.02311 (a repeat of the paper in the file: its first entry\'s key "chowdhery2022palm" is the one kept): it is cited as chowdhery2022palm',
    ]);
    await apply(found);
    expect((await db.saved.get('2204.02311'))?.citeKey).toBe('chowdhery2022palm');
  });
});
