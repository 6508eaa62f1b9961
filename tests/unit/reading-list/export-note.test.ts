import { describe, expect, test } from 'vitest';
import { exportBibtex, parseImport } from '../../../src/export';
import { exportNote } from '../../../src/ui/reading-list/export-files';
import { savedItem } from '../export/fixtures';

describe('what the reading list says after an export', () => {
  test('BibTeX: notes or tags whose emoji it leaves out are counted, as the file alone would not show it', async () => {
    const items = [
      savedItem({ id: '2401.00001', title: 'One', authors: ['A. Author'], notes: 'done 🤗', tags: ['nlp'] }),
      savedItem({ id: '2401.00002', title: 'Two', authors: ['A. Author'], tags: ['🔥 hot'] }),
      savedItem({ id: '2401.00003', title: 'Three', authors: ['A. Author'], notes: 'Łukasz’s α and ℝ, 張偉: all written', tags: ['théorie'] }),
    ];
    // What the note is about: read back, the tag is another one and the emoji is gone.
    const back = (await parseImport(exportBibtex(items), 'list.bib')).items;
    expect(back.find((item) => item.id === '2401.00002')?.tags).toEqual(['hot']);
    expect(exportNote(items, 'bibtex')).toBe('2 papers’ titles, authors, notes or tags hold emoji or symbols BibTeX leaves out, as pdfLaTeX cannot print them; the JSON backup keeps them.');
    expect(exportNote(items.slice(1), 'bibtex')).toBe('1 paper’s title, authors, notes or tags hold emoji or symbols BibTeX leaves out, as pdfLaTeX cannot print them; the JSON backup keeps them.');
    expect(exportNote(items.slice(2), 'bibtex')).toBeNull();
    // In a title too, where the entry shows no trace of it.
    const titled = savedItem({ id: '2401.00006', title: 'Emoji 🔥 title 🚀', authors: ['A. Author'] });
    expect(exportNote([titled], 'bibtex')).toBe('1 paper’s title, authors, notes or tags hold emoji or symbols BibTeX leaves out, as pdfLaTeX cannot print them; the JSON backup keeps them.');
    expect(exportBibtex([titled])).toContain('title = {{Emoji title}},');
    expect(exportBibtex([{ ...titled, authors: ['Jane 🦄 Doe'] }])).toContain('author = {Jane Doe},');
    // RIS and the other formats keep them.
    expect(exportNote(items, 'ris')).toBeNull();
    expect(exportNote(items, 'json')).toBeNull();
  });

  test('BibTeX and RIS: the papers whose reading status they do not carry are counted (QA: a BibTeX backup brought every paper back To read)', async () => {
    const items = [savedItem({ id: '2401.00001', status: 'read' }), savedItem({ id: '2401.00002', status: 'reading' }), savedItem({ id: '2401.00003' })];
    // What the note is about: read back, they have no status of their own.
    expect((await parseImport(exportBibtex(items), 'list.bib')).items.map((item) => item.status)).toEqual([undefined, undefined, undefined]);
    expect(exportNote(items, 'bibtex')).toBe('2 papers’ reading statuses (Reading or Read) are not in BibTeX: imported into a list without them, they come back To read; the JSON backup and CSV keep them.');
    expect(exportNote(items.slice(1), 'ris')).toBe('1 paper’s reading status (Reading or Read) is not in RIS: imported into a list without it, it comes back To read; the JSON backup and CSV keep it.');
    expect(exportNote(items.slice(2), 'bibtex')).toBeNull();
    expect(exportNote(items, 'csv')).toBeNull();
  });

  test('both notes at once: a paper saved by its id alone, and emoji left out', () => {
    const items = [savedItem({ id: '2401.00004', title: 'arXiv:2401.00004', authors: [] }), savedItem({ id: '2401.00005', title: 'Five', authors: ['B. Author'], tags: ['✅ read twice'] })];
    expect(exportNote(items, 'bibtex')).toBe(
      '1 of them has no title or authors yet (saved by its arXiv id, not yet read from arXiv): its entry names only the id. 1 paper’s title, authors, notes or tags hold emoji or symbols BibTeX leaves out, as pdfLaTeX cannot print them; the JSON backup keeps them.',
    );
  });
});
