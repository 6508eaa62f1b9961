import { describe, expect, test } from 'vitest';
import { exportBibtex, exportCsv, exportJson, exportRis, IMPORTED_NOTES_SEPARATOR, parseImport, planImport } from '../../../src/export';
import type { ImportedItem } from '../../../src/schema/reading-list';
import { deepFreeze, hostileItems, savedItem } from './fixtures';

const NOW = 9_000;

describe('planImport merges by id', () => {
  test('the newer side wins scalar fields and status', () => {
    const listed = savedItem({ title: 'Old title', tldr: 'old', status: 'to-read', updatedAt: 2_000 });
    const incoming: ImportedItem = { id: listed.id, title: 'New title', tldr: 'new', status: 'read', readAt: 3_000, updatedAt: 3_000 };
    const plan = planImport([listed], [incoming], NOW);
    expect(plan.updated).toEqual([{ ...listed, title: 'New title', tldr: 'new', status: 'read', readAt: 3_000, updatedAt: 3_000 }]);
    expect(plan.summary).toBe('0 new, 1 updated');
  });

  test('an older or undated file does not overwrite the list; on a tie the list keeps its title', () => {
    const listed = savedItem({ title: 'Mine', status: 'reading', updatedAt: 5_000 });
    for (const updatedAt of [4_000, undefined]) {
      const plan = planImport([listed], [{ id: listed.id, title: 'Theirs', status: 'read', updatedAt }], NOW);
      expect(plan.updated).toEqual([]);
      expect(plan.unchanged).toBe(1);
    }
    expect(planImport([listed], [{ id: listed.id, title: 'Theirs', status: 'reading', updatedAt: 5_000 }], NOW).unchanged).toBe(1);
  });

  test('a status edited in an exported file (a CSV in a spreadsheet, its times as exported) is taken, with its read time', () => {
    const listed = savedItem({ status: 'to-read', updatedAt: 5_000, readAt: null });
    const plan = planImport([listed], [{ id: listed.id, status: 'read', readAt: 4_500, updatedAt: 5_000 }], NOW);
    expect(plan.updated[0]).toMatchObject({ status: 'read', readAt: 4_500, updatedAt: 5_000 });
    // A file without a status on that row leaves the list's.
    expect(planImport([listed], [{ id: listed.id, updatedAt: 5_000 }], NOW).unchanged).toBe(1);
  });

  test('QA: a status set to Read in a spreadsheet, its read_at cell left empty, is read as of its row\'s last change (it had no date, so no "read …" on the row)', () => {
    const listed = savedItem({ status: 'to-read', updatedAt: 5_000, readAt: null });
    expect(planImport([listed], [{ id: listed.id, status: 'read', updatedAt: 5_000 }], NOW).updated[0]).toMatchObject({ status: 'read', readAt: 5_000 });
    expect(planImport([], [{ id: '2401.00009', status: 'read', updatedAt: 4_000 }], NOW).added[0]).toMatchObject({ status: 'read', readAt: 4_000 });
    expect(planImport([], [{ id: '2401.00009', status: 'read' }], NOW).added[0]).toMatchObject({ status: 'read', readAt: NOW });
  });

  test('QA: a tag taken off or a note cleared in our CSV, edited in a spreadsheet, is kept, and the preview says so (it said only "2 updated")', () => {
    const a = savedItem({ id: '2401.00001', tags: ['x', 'y'], notes: 'old note A', updatedAt: 5_000 });
    const b = savedItem({ id: '2401.00002', tags: ['t'], notes: 'note B', updatedAt: 5_000 });
    const edited = exportCsv([{ ...a, tags: ['y'] }, { ...b, tags: [], notes: '' }]);
    const plan = planImport([a, b], parseImport(edited, 'reading-list.csv').items, NOW);
    expect(plan.unchanged).toBe(2);
    expect(plan.summary).toBe('0 new, 0 updated, 2 unchanged, 2 papers keep tags or notes the file does not have (an import never takes any away)');
    // A file that gives all the list's tags says nothing of them.
    expect(planImport([b], [{ id: b.id, tags: ['t'] }], NOW).summary).toBe('0 new, 0 updated, 1 unchanged');
  });

  test('tags are united, each once ignoring case, in the order first seen', () => {
    const listed = savedItem({ tags: ['vision', 'to cite'] });
    const plan = planImport([listed], [{ id: listed.id, tags: ['llm', 'vision', 'survey'] }], NOW);
    expect(plan.updated[0]!.tags).toEqual(['vision', 'to cite', 'llm', 'survey']);
    // Spelled differently (a reference manager's lowercase keywords): still one tag, the list's spelling.
    const cased = planImport([savedItem({ tags: ['NLP', 'Transformers'] })], [{ id: listed.id, tags: ['nlp', 'transformers', 'ML', 'ml'] }], NOW);
    expect(cased.updated[0]!.tags).toEqual(['NLP', 'Transformers', 'ML']);
    expect(planImport([], [{ id: '2401.00001', tags: ['ML', 'ml'] }], NOW).added[0]!.tags).toEqual(['ML']);
  });

  test('an older backup puts back a note cut and a tag removed since it was made: kept (nothing is taken away), and the preview says so', () => {
    // Exported at 3,000; then the note cut short and "to cite" removed (5,000).
    const listed = savedItem({ notes: 'Great paper.', tags: ['nlp'], updatedAt: 5_000 });
    const backup: ImportedItem = { id: listed.id, notes: 'Great paper. TODO: check the ablation.', tags: ['nlp', 'to cite'], updatedAt: 3_000 };
    const plan = planImport([listed], [backup], NOW);
    expect(plan.updated[0]).toMatchObject({ notes: 'Great paper. TODO: check the ablation.', tags: ['nlp', 'to cite'] });
    expect(plan.summary).toBe("0 new, 1 updated, 1 paper changed since the file was made gets the file's notes or tags too (an import adds notes and tags, it never takes any away)");
    // A file made after the list's last change, or one that says no time (BibTeX), is no older backup.
    expect(planImport([listed], [{ ...backup, updatedAt: 6_000 }], NOW).summary).toBe('0 new, 1 updated');
    expect(planImport([listed], [{ ...backup, updatedAt: undefined }], NOW).summary).toBe('0 new, 1 updated');
    // A tag the list never had, from a file that lacks the list's: added, not said (nothing of the list's was undone).
    expect(planImport([listed], [{ id: listed.id, tags: ['vision'], updatedAt: 3_000 }], NOW).summary).toBe('0 new, 1 updated');
    // Notes kept side by side are said as such, not twice.
    const joined = planImport([listed], [{ id: listed.id, notes: 'Another note.', updatedAt: 3_000 }], NOW);
    expect(joined.summary).toBe('0 new, 1 updated, 1 paper keeps both its notes (the file\'s below "--- imported notes ---")');
  });

  test('different notes are both kept; notes one side already holds are not repeated', () => {
    const listed = savedItem({ notes: 'Mine: read section 3.' });
    const joined = planImport([listed], [{ id: listed.id, notes: 'Theirs: great figures.' }], NOW);
    const both = joined.updated[0]!;
    expect(both.notes).toBe(`Mine: read section 3.${IMPORTED_NOTES_SEPARATOR}Theirs: great figures.`);
    // The preview says so: the notes box shows only its first lines.
    expect(joined.summary).toBe('0 new, 1 updated, 1 paper keeps both its notes (the file\'s below "--- imported notes ---")');
    // Importing the same notes again, or a file made after the merge, changes nothing.
    expect(planImport([both], [{ id: listed.id, notes: 'Theirs: great figures.' }], NOW).unchanged).toBe(1);
    expect(planImport([both], [{ id: listed.id, notes: both.notes }], NOW).unchanged).toBe(1);
    // A file whose notes extend the list's takes their place.
    const extended = planImport([listed], [{ id: listed.id, notes: 'Mine: read section 3. Then 4.' }], NOW);
    expect(extended.updated[0]!.notes).toBe('Mine: read section 3. Then 4.');
    expect(extended.summary).toBe('0 new, 1 updated');
    // Empty notes on either side never add a separator.
    expect(planImport([savedItem()], [{ id: listed.id, notes: 'Only theirs' }], NOW).updated[0]!.notes).toBe('Only theirs');
    expect(planImport([listed], [{ id: listed.id, notes: '  ' }], NOW).unchanged).toBe(1);
    // Notes holding the other side's characters somewhere do not hold its notes: both are kept.
    const important = planImport([savedItem({ notes: 'important' })], [{ id: listed.id, notes: 'not important' }], NOW).updated[0]!;
    expect(important.notes).toBe(`important${IMPORTED_NOTES_SEPARATOR}not important`);
    const stars = planImport([savedItem({ notes: 'repo has 12 stars on GitHub' })], [{ id: listed.id, notes: '2 stars' }], NOW).updated[0]!;
    expect(stars.notes).toBe(`repo has 12 stars on GitHub${IMPORTED_NOTES_SEPARATOR}2 stars`);
    // The list's notes written on in the file are the file's (at a word's end only).
    expect(planImport([savedItem({ notes: 'Table' })], [{ id: listed.id, notes: 'Tables 3 and 4' }], NOW).updated[0]!.notes).toBe(`Table${IMPORTED_NOTES_SEPARATOR}Tables 3 and 4`);
  });

  test('fields one side lacks are filled from the other, whichever is newer', () => {
    const listed = savedItem({ authors: [], doi: null, published: '2023-10-03', updatedAt: 5_000 });
    const older: ImportedItem = { id: listed.id, authors: ['A. Author'], doi: '10.1/x', published: null, primaryCategory: 'cs.CV', updatedAt: 1_000 };
    expect(planImport([listed], [older], NOW).updated[0]).toEqual({ ...listed, authors: ['A. Author'], doi: '10.1/x', primaryCategory: 'cs.CV' });
    const newer: ImportedItem = { ...older, updatedAt: 8_000 };
    expect(planImport([listed], [newer], NOW).updated[0]).toEqual({
      ...listed,
      authors: ['A. Author'],
      doi: '10.1/x',
      primaryCategory: 'cs.CV',
      updatedAt: 8_000,
    });
  });

  test('the earliest addedAt is kept and a read paper keeps its readAt', () => {
    const listed = savedItem({ addedAt: 1_500, status: 'read', readAt: 1_800, updatedAt: 2_000 });
    const plan = planImport([listed], [{ id: listed.id, addedAt: 1_000, status: 'read', readAt: null, updatedAt: 3_000 }], NOW);
    expect(plan.updated[0]).toMatchObject({ addedAt: 1_000, status: 'read', readAt: 1_800, updatedAt: 3_000 });
  });

  test('a paper new to the list gets defaults; a placeholder title gives way to a real one', () => {
    const plan = planImport([], [{ id: '2401.00001' }], NOW);
    expect(plan.added).toEqual([
      savedItem({ id: '2401.00001', title: 'arXiv:2401.00001', authors: [], tldr: '', addedAt: NOW, updatedAt: NOW }),
    ]);
    const titled = planImport(plan.added, [{ id: '2401.00001', title: 'The Real Title' }], NOW + 1).updated[0]!;
    expect(titled.title).toBe('The Real Title');
  });

  test('the same id twice in one file is merged into one item, and the summary says so', () => {
    const plan = planImport([], [{ id: '2401.00001', tags: ['a'], line: 1 }, { id: '2401.00001', tags: ['b'], notes: 'n', line: 2 }], NOW);
    expect(plan.added).toHaveLength(1);
    expect(plan.added[0]).toMatchObject({ tags: ['a', 'b'], notes: 'n' });
    expect(plan.summary).toBe('1 new, 0 updated, 1 repeated in the file (merged into its first)');
  });

  test('importing the RIS, BibTeX or CSV export of the list back into it changes nothing, notes with paragraphs or Windows line breaks included', () => {
    // RIS keeps no blank line inside a note and BibTeX no CR: the notes come back spaced differently, and were once added a second time.
    const items = [
      savedItem({ id: '2310.01779', notes: 'Section 3 matters.\n\nCompare with ConvS2S.' }),
      savedItem({ id: '2402.18041', notes: 'Pasted from a spreadsheet:\r\nline two  \r\n\r\n  indented' }),
      // BibTeX leaves emoji out (pdfLaTeX cannot print them): the note and tag came back as new (QA).
      savedItem({ id: '2401.00011', notes: 'Great paper 👍 must read 📚', tags: ['🔥hot', 'emoji', '✨'] }),
    ];
    for (const file of [exportRis(items), exportBibtex(items), exportCsv(items)]) {
      const plan = planImport(items, parseImport(file).items, NOW);
      expect(plan.updated).toEqual([]);
      expect(plan.unchanged).toBe(3);
    }
  });

  test('review: a file that keeps emoji (a JSON backup) and tags a paper "hot" beside "🔥hot" keeps both', () => {
    const listed = savedItem({ id: '2401.00011', tags: ['🔥hot'], updatedAt: 1 });
    const [incoming] = parseImport(exportJson([savedItem({ id: '2401.00011', tags: ['🔥hot', 'hot'], updatedAt: 2 })], 5)).items;
    expect(planImport([listed], [incoming!], NOW).updated.map((item) => item.tags)).toEqual([['🔥hot', 'hot']]);
  });

  test('re-importing a BibTeX file is a no-op the second time', () => {
    const items = hostileItems(50, 3);
    const file = exportBibtex(items);
    const existing = items.slice(0, 25).map((item) => ({ ...item, tags: ['mine'], notes: 'my notes' }));
    const first = planImport(existing, parseImport(file).items, NOW);
    expect(first.added).toHaveLength(25);
    const after = [...existing.filter((item) => !first.updated.some((changed) => changed.id === item.id)), ...first.updated, ...first.added];
    const second = planImport(after, parseImport(file).items, NOW + 1);
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged).toBe(50);
  });

  test('a file that adds tags or a note to a listed paper moves it up "Last updated"; one that adds nothing leaves its time', () => {
    const listed = [savedItem({ tags: ['vision'], updatedAt: 2_000 }), savedItem({ id: '1706.03762', title: 'Attention Is All You Need', updatedAt: 3_000 })];
    // As Zotero exports them: keywords and a note, no time of their own.
    const zotero = parseImport('@article{zhai,\n  title = {HallE-Switch},\n  eprint = {2310.01779},\n  keywords = {vision, hallucination},\n  annote = {Compare with POPE.}\n}\n', 'zotero.bib');
    const plan = planImport(listed, zotero.items, NOW);
    expect(plan.updated).toEqual([{ ...listed[0]!, tags: ['vision', 'hallucination'], notes: 'Compare with POPE.', updatedAt: NOW }]);
    // The same file again, or one that only says what the list has, changes nothing, its time included.
    expect(planImport(plan.updated, zotero.items, NOW + 1)).toMatchObject({ updated: [], unchanged: 1 });
    expect(planImport(listed, parseImport('1706.03762\n2310.01779 vision').items, NOW)).toMatchObject({ updated: [], unchanged: 2 });
    // A newer backup's own tags keep its time; tags of both sides together were put together now.
    const backup = (tags: string[]): ImportedItem => ({ id: listed[0]!.id, tags, updatedAt: 4_000 });
    expect(planImport(listed, [backup(['vision', 'robots'])], NOW).updated[0]).toMatchObject({ tags: ['vision', 'robots'], updatedAt: 4_000 });
    expect(planImport(listed, [backup(['robots'])], NOW).updated[0]).toMatchObject({ tags: ['vision', 'robots'], updatedAt: NOW });
  });

  test('a merge that would break the store rules is rejected and the item kept', () => {
    const listed = savedItem({ notes: 'a'.repeat(60_000) });
    const plan = planImport([listed], [{ id: listed.id, notes: 'b'.repeat(60_000), line: 40 }], NOW, [{ line: 12, reason: 'no arXiv id (eprint, url or note) in @book{x}' }]);
    expect(plan.updated).toEqual([]);
    expect(plan.rejected).toEqual([
      { line: 12, reason: 'no arXiv id (eprint, url or note) in @book{x}' },
      { line: 40, reason: '2310.01779: notes: longer than 100,000 characters; the item in the list was kept as it was' },
    ]);
    expect(plan.summary).toBe(
      '0 new, 0 updated, 2 rejected: line 12: no arXiv id (eprint, url or note) in @book{x}; line 40: 2310.01779: notes: longer than 100,000 characters; the item in the list was kept as it was',
    );
  });

  test('the summary lists the first three rejections and counts the rest', () => {
    const rejected = [1, 2, 3, 4, 5].map((line) => ({ line, reason: 'no arXiv id (eprint, url or note)' }));
    expect(planImport([], [{ id: '2401.00001' }], NOW, rejected).summary).toBe(
      '1 new, 0 updated, 5 rejected: line 1: no arXiv id (eprint, url or note); line 2: no arXiv id (eprint, url or note); line 3: no arXiv id (eprint, url or note); and 2 more',
    );
  });

  test('never changes its inputs and returns nothing they share', () => {
    const existing = deepFreeze(hostileItems(30, 5));
    const incoming = deepFreeze(
      existing.map((item, index): ImportedItem => ({ id: item.id, tags: ['new'], notes: `note ${index}`, updatedAt: item.updatedAt + (index % 2) })),
    );
    const before = structuredClone([existing, incoming]);
    const plan = planImport(existing, incoming, NOW);
    expect([existing, incoming]).toEqual(before);
    expect(plan.updated).toHaveLength(30);
    for (const item of plan.updated) {
      item.tags.push('mutated');
      item.authors.push('mutated');
    }
    expect([existing, incoming]).toEqual(before);
  });
});
