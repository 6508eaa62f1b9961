import { describe, expect, test } from 'vitest';
import { exportRis, parseImport } from '../../../src/export';
import { hostileItems, savedItem } from './fixtures';

// What reference managers take for a tag line (Zotero strips leading spaces and allows one or two).
const TAG_LINE = /^\s*([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

interface RisRecord {
  fields: [string, string][];
}

/** Reads records the way a reference manager does: TY opens one, ER closes it. */
function readRis(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let open: RisRecord | null = null;
  for (const line of text.split('\r\n')) {
    const tag = TAG_LINE.exec(line);
    if (tag?.[1] === 'TY') {
      if (open) throw new Error('TY inside a record');
      open = { fields: [['TY', tag[2] ?? '']] };
    } else if (tag?.[1] === 'ER') {
      if (!open) throw new Error('ER outside a record');
      records.push(open);
      open = null;
    } else if (tag) {
      if (!open) throw new Error(`${tag[1]} outside a record`);
      open.fields.push([tag[1]!, tag[2] ?? '']);
    } else if (line.trim() !== '') {
      if (!open) throw new Error(`text outside a record: ${line}`);
      const last = open.fields[open.fields.length - 1]!;
      last[1] += `\n${line}`;
    }
  }
  if (open) throw new Error('record without ER');
  return records;
}

/**
 * The notes Zotero's RIS translator makes of a file's N1 values (zotero/translators RIS.js,
 * _getTagValue and processTag): a blank continuation line, or one after a short line, starts a new
 * line; a plain-text note's blank lines part paragraphs.
 */
function zoteroNotes(text: string): string[] {
  const notes: string[] = [];
  let note: string | null = null;
  let lastLength = 0;
  for (const line of text.split('\r\n')) {
    const tag = TAG_LINE.exec(line);
    if (tag) {
      if (note !== null) notes.push(note);
      note = tag[1] === 'N1' ? (tag[2] ?? '') : null;
    } else if (note !== null) {
      const clean = line.trim();
      note += clean === '' || lastLength < 65 ? `\n${clean}` : ` ${clean}`;
    }
    lastLength = line.length;
  }
  return notes.map((value) => `<p>${value.trim().replace(/\n\n/g, '</p><p>').replace(/\n/g, '<br/>')}</p>`);
}

const values = (record: RisRecord, tag: string) => record.fields.filter(([name]) => name === tag).map(([, value]) => value);

describe('RIS export', () => {
  test('1,000 hostile items give 1,000 TY…ER records, CRLF throughout, whatever the notes hold', () => {
    const items = hostileItems(1000);
    const ris = exportRis(items);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records = readRis(ris);
    expect(records).toHaveLength(1000);
    records.forEach((record, index) => {
      const item = items[index]!;
      expect(values(record, 'TY')).toEqual(['UNPB']);
      expect(values(record, 'UR')).toEqual([`https://arxiv.org/abs/${item.id}`]);
      expect(values(record, 'AU')).toHaveLength(item.authors.filter((name) => name.trim() !== '').length);
      expect(values(record, 'KW')).toHaveLength(item.tags.length);
    });
  });

  test('a name with a suffix after a comma ("Martin Luther King, Jr.") is written as RIS writes one and read back as it was (it came back "Jr. Martin Luther King")', () => {
    const item = savedItem({ authors: ['Martin Luther King, Jr.', 'Ashish Vaswani'] });
    const ris = exportRis([item]);
    expect(values(readRis(ris)[0]!, 'AU')).toEqual(['King, Martin Luther, Jr.', 'Vaswani, Ashish']);
    expect(parseImport(ris, 'refs.ris').items[0]?.authors).toEqual(['Martin Luther King, Jr.', 'Ashish Vaswani']);
  });

  test('authors are written "Last, First" as Zotero splits them (it filed "Ashish Vaswani" whole, as a group\'s name), and read back as they were', () => {
    const authors = ['Ashish Vaswani', 'Jan van der Berg', 'Guy L. Steele Jr.', 'Martin Luther King, Jr.', 'Łukasz Kaiser', 'danah boyd', 'ATLAS Collaboration', '张伟'];
    const ris = exportRis([savedItem({ authors })]);
    const written = values(readRis(ris)[0]!, 'AU');
    expect(written).toEqual(['Vaswani, Ashish', 'van der Berg, Jan', 'Steele, Guy L., Jr.', 'King, Martin Luther, Jr.', 'Kaiser, Łukasz', 'boyd, danah', 'ATLAS Collaboration', '张伟']);
    // Zotero's RIS translator: last name before the first comma, first name after it.
    expect(written.map((value) => value.split(/\s*,\s*/).slice(0, 2))).toEqual([
      ['Vaswani', 'Ashish'], ['van der Berg', 'Jan'], ['Steele', 'Guy L.'], ['King', 'Martin Luther'], ['Kaiser', 'Łukasz'], ['boyd', 'danah'], ['ATLAS Collaboration'], ['张伟'],
    ]);
    expect(parseImport(ris, 'refs.ris').items[0]?.authors).toEqual(['Ashish Vaswani', 'Jan van der Berg', 'Guy L. Steele, Jr.', 'Martin Luther King, Jr.', 'Łukasz Kaiser', 'danah boyd', 'ATLAS Collaboration', '张伟']);
    // A file of our earlier exports ("AU  - Ashish Vaswani") reads as it did.
    const earlier = ['TY  - UNPB', 'TI  - Attention Is All You Need', 'AU  - Ashish Vaswani', 'AU  - King, Martin Luther, Jr.', 'UR  - https://arxiv.org/abs/1706.03762', 'ER  - ', ''].join('\r\n');
    expect(parseImport(earlier, 'old.ris').items[0]?.authors).toEqual(['Ashish Vaswani', 'Martin Luther King, Jr.']);
  });

  test('a Chinese, Japanese or Korean name filed "Family, Given" (as Zotero files one) reads back family name first, unspaced (not one in katakana alone); a suffix stays a suffix, filed before the given names or third ("3rd")', () => {
    const names = ['王, 小明', '山田, 太郎', '김, 민수', 'Wang, Xiaoming', 'King, Jr., Martin Luther', 'Gates, William Henry, 3rd', 'スミス, ジョン'];
    const ris = ['TY  - UNPB', 'TI  - Names', ...names.map((name) => `AU  - ${name}`), 'UR  - https://arxiv.org/abs/1706.03762', 'ER  - ', ''].join('\r\n');
    // RIS files a suffix third, whatever it says ("3rd"); a name in katakana alone is a foreign one, given name first.
    expect(parseImport(ris, 'refs.ris').items[0]?.authors).toEqual(['王小明', '山田太郎', '김민수', 'Xiaoming Wang', 'Martin Luther King, Jr.', 'William Henry Gates, 3rd', 'ジョン スミス']);
    const bib = '@misc{names, title = {Names}, author = {王, 小明 and Wang, Xiaoming and King, Jr., Martin Luther and Steele, Jr, Guy L.,}, eprint = {1706.03762}, archivePrefix = {arXiv}}';
    expect(parseImport(bib, 'refs.bib').items[0]?.authors).toEqual(['王小明', 'Xiaoming Wang', 'Martin Luther King, Jr.', 'Guy L. Steele, Jr']);
  });

  test('an author list cut short keeps its "et al." as it is (not "al., et"), and reads back as the same marker', () => {
    const ris = exportRis([savedItem({ authors: ['Ashish Vaswani', 'Noam Shazeer', 'et al.'] })]);
    expect(values(readRis(ris)[0]!, 'AU')).toEqual(['Vaswani, Ashish', 'Shazeer, Noam', 'et al.']);
    expect(parseImport(ris, 'refs.ris').items[0]?.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'et al.']);
  });

  test("a note's paragraphs keep the blank line between them, in one record, and Zotero reads them as paragraphs", () => {
    const ris = exportRis([savedItem({ notes: '\n\nPara one.\n\nPara two.\n\n' })]);
    const lines = ris.split('\r\n');
    expect(lines.slice(lines.indexOf('N1  - Para one.'), lines.indexOf('ER  - '))).toEqual(['N1  - Para one.', '', 'Para two.']);
    expect(readRis(ris)).toHaveLength(1);
    expect(zoteroNotes(ris)).toEqual(['<p>Para one.</p><p>Para two.</p>']);
  });

  test('fields of one paper', () => {
    const item = savedItem({ published: '2023-10-03', doi: '10.1/x', tags: ['vision'], notes: 'first\nER  - \nlast', journalRef: 'EMNLP 2023' });
    const [record] = readRis(exportRis([item]));
    expect(record!.fields).toEqual([
      ['TY', 'UNPB'],
      ['TI', item.title],
      ['AU', 'Zhai, Bohan'],
      ['AU', 'Yang, Shijia'],
      ['PY', '2023'],
      ['DA', '2023/10/03/'],
      ['UR', 'https://arxiv.org/abs/2310.01779'],
      ['DO', '10.1/x'],
      ['DB', 'arXiv'],
      ['AN', 'arXiv:2310.01779'],
      ['KW', 'vision'],
      ['N1', 'Journal reference: EMNLP 2023'],
      ['N1', 'first\n> ER  -\nlast'],
    ]);
  });

  test('a paper published in a later year than its arXiv submission is cited in that year (ICLR 2024, not October 2023), without the arXiv day', () => {
    const item = savedItem({ published: '2023-10-03', journalRef: 'ICLR 2024' });
    const [record] = readRis(exportRis([item]));
    expect(record!.fields.filter(([tag]) => tag === 'PY' || tag === 'DA')).toEqual([['PY', '2024']]);
  });
});
