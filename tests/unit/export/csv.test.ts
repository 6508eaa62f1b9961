import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, exportCsv, parseImport, planImport } from '../../../src/export';
import type { SavedItem } from '../../../src/schema/papers';
import { hostileItems, savedItem } from './fixtures';

/** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes; anything else throws. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else field += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= text.length) return rows;
    if (text[i] !== '\r' || text[i + 1] !== '\n') throw new Error(`record not ended by CRLF at ${i}`);
    i += 2;
    if (i >= text.length) return rows;
  }
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
// Cells a spreadsheet would run as formulas carry a leading apostrophe.
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

// A ";" or "\\" inside an author or tag is backslash-escaped, so the cell splits back where the list was joined.
const listCell = (items: readonly string[]) => items.map((item) => item.replace(/[\\;]/g, '\\$&')).join('; ');

function expectedRow(item: SavedItem): string[] {
  return [
    item.id, item.title, listCell(item.authors), item.status, listCell(item.tags), item.notes, item.tldr,
    iso(item.addedAt), iso(item.updatedAt), iso(item.readAt), item.published ?? '', item.primaryCategory ?? '',
    item.doi ?? '', item.journalRef ?? '', `https://arxiv.org/abs/${item.id}`, item.pdfUrl ?? '', item.sourceUrl ?? '', item.citeKey ?? '',
  ].map(guarded);
}

describe('CSV export', () => {
  test('a conforming reader gets back every field of 1,000 hostile items', () => {
    const items = hostileItems(1000);
    const csv = exportCsv(items);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1001);
    rows.slice(1).forEach((row, index) => expect(row).toEqual(expectedRow(items[index]!)));
  });

  test('quotes only the fields that need it', () => {
    const csv = exportCsv([savedItem({ title: 'Plain title', tags: ['a', 'b,c'], notes: 'say "hi"\nbye' })]);
    const record = csv.split('\r\n')[1]!;
    expect(record.startsWith('2310.01779,Plain title,Bohan Zhai; Shijia Yang,to-read,"a; b,c","say ""hi""\nbye",')).toBe(true);
  });

  test('a tag or name holding "; " (typed in the Tags field as one tag) comes back as it was, and the file imported over its list changes nothing (it came back as two tags, added to the one)', () => {
    const item = savedItem({ authors: ['Semi; Colon', 'Back\\slash; Person'], tags: ['reading group; week 3', 'a;b', 'ml'] });
    const file = exportCsv([item]);
    const [back] = parseImport(file, 'reading-list.csv').items;
    expect(back).toMatchObject({ authors: item.authors, tags: item.tags });
    expect(planImport([item], parseImport(file, 'reading-list.csv').items, Date.UTC(2025, 5, 1)).summary).toBe('0 new, 0 updated, 1 unchanged');
  });

  test('a title that looks like a formula is not run by a spreadsheet', () => {
    const csv = exportCsv([savedItem({ title: '=HYPERLINK("http://evil.example","click")' })]);
    expect(readCsv(csv.slice(1))[1]![1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });
});
