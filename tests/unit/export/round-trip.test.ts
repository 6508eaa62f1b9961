import { describe, expect, test } from 'vitest';
import { exportCsv, exportJson, parseImport, planImport } from '../../../src/export';
import { hostileItems, savedItem } from './fixtures';
import type { SavedItem } from '../../../src/schema';

describe('JSON backup round trip', () => {
  const items = hostileItems(1000);
  const exportedAt = Date.UTC(2025, 0, 2);
  const file = exportJson(items, exportedAt);

  test('the file is versioned and complete', () => {
    const parsed = JSON.parse(file) as { format: string; version: number; exportedAt: number; items: unknown[] };
    expect(parsed.format).toBe('paperlens-reading-list');
    expect(parsed.version).toBe(1);
    expect(parsed.exportedAt).toBe(exportedAt);
    expect(parsed.items).toEqual(items);
  });

  test('importing the export into an empty list restores it exactly, and a second import changes nothing', () => {
    const parse = parseImport(file, 'reading-list.json');
    expect(parse.format).toBe('json');
    expect(parse.rejected).toEqual([]);
    const first = planImport([], parse.items, Date.UTC(2025, 5, 1), parse.rejected);
    expect(first.added).toEqual(items);
    expect(first.updated).toEqual([]);
    expect(first.summary).toBe('1,000 new, 0 updated');
    // The restored list exports to the very same file.
    expect(exportJson(first.added, exportedAt)).toBe(file);

    const second = planImport(first.added, parseImport(file).items, Date.UTC(2025, 6, 1));
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged).toBe(1000);
    expect(second.summary).toBe('0 new, 0 updated, 1,000 unchanged');
  });

  test('a backup made when the list kept subject classes (math.GT/0309136) restores into the one item of the paper', () => {
    const listed = savedItem({ id: 'math/0309136', title: 'Knots', tags: ['mine'], updatedAt: 1_000 });
    const old = exportJson([listed], exportedAt).replace('"math/0309136"', '"math.GT/0309136"').replace('"mine"', '"topology"');
    const parse = parseImport(old, 'reading-list.json');
    expect(parse.rejected).toEqual([]);
    const plan = planImport([listed], parse.items, Date.UTC(2025, 5, 1));
    expect(plan.added).toEqual([]);
    expect(plan.updated).toEqual([{ ...listed, tags: ['mine', 'topology'], updatedAt: Date.UTC(2025, 5, 1) }]);
  });

  test('a JSON list written by hand with ids as arXiv writes them ("arXiv:2502.10001", "2502.10000v3", its address) imports them under their canonical ids', () => {
    const file = exportJson([savedItem({ id: '2502.10000' }), savedItem({ id: '2502.10001' }), savedItem({ id: '2502.10002' }), savedItem({ id: '2502.10003' })], exportedAt)
      .replace('"2502.10000"', '"2502.10000v3"')
      .replace('"2502.10001"', '"arXiv:2502.10001"')
      .replace('"2502.10002"', '"https://arxiv.org/abs/2502.10002v1"')
      .replace('"2502.10003"', '"not-an-id"');
    const parse = parseImport(file, 'reading-list.json');
    expect(parse.items.map((item) => item.id)).toEqual(['2502.10000', '2502.10001', '2502.10002']);
    expect(parse.rejected.map((rejection) => rejection.reason)).toEqual(['item 4 (not-an-id): id: not a canonical arXiv id']);
  });

  test.each([
    ['JSON', (item: SavedItem) => exportJson([item], exportedAt), 'reading-list.json'],
    ['CSV', (item: SavedItem) => exportCsv([item]), 'reading-list.csv'],
  ])('a %s file from then, of a paper saved from a link (titled by its old id), neither titles it by that id nor replaces its title', (_format, write, name) => {
    // Saved bare before the list dropped subject classes: its title was the placeholder of that id.
    const bare = savedItem({ id: 'math/0309136', title: 'arXiv:math/0309136', authors: [], updatedAt: 5_000 });
    const old = write(bare).replaceAll('math/0309136', 'math.GT/0309136');
    const parse = parseImport(old, name);
    expect(parse.rejected).toEqual([]);
    // Into an empty list: still a placeholder, for the paper's page (or arXiv) to replace.
    expect(planImport([], parse.items, Date.UTC(2025, 5, 1)).added.map((item) => item.title)).toEqual(['arXiv:math/0309136']);
    // Into a list that has its title meanwhile (the file edited later): the title stays.
    const listed = savedItem({ id: 'math/0309136', title: 'Knots', updatedAt: 1_000 });
    expect(planImport([listed], parse.items, Date.UTC(2025, 5, 1)).updated.map((item) => item.title)).toEqual(['Knots']);
  });

  test('each imported item knows the line its object starts on', () => {
    const lines = file.split('\n');
    for (const item of parseImport(file).items) {
      expect(lines[item.line! - 1]!.trim()).toBe('{');
      expect(lines[item.line!]!.trim()).toBe(`"id": ${JSON.stringify(item.id)},`);
    }
  });
});
