import { describe, expect, test } from 'vitest';
import { compileSeeds, SeedError, type SeedSourceFile } from '../../../src/papers/seed-compiler';
import { buildSeedAsset, contentVersion, readSeedSources } from '../../../scripts/seed-build';

const version = () => 'test';
const TABLE_HEADER = 'arxiv_id\ttitle\tnote';
const CHROME = ['new', '', 'Subscribe', '', 'Daily Papers', ''];
const ABSTRACT_A = 'Large models are expensive. We propose Alpha, a method that makes them cheaper. Alpha cuts inference cost by 40% on three benchmarks while matching accuracy on all of them, and we release code.';
const ABSTRACT_B = 'Evaluation is hard. We introduce Beta, a benchmark of ten thousand problems. Models we test solve at most 12% of the problems, far below the 90% that human experts reach on the same set.';

function capture(name: string, label: string, papers: [string, string | null][]): SeedSourceFile {
  const lines = [...CHROME, label, ''];
  for (const [title, abstract] of papers) {
    lines.push(title, '');
    if (abstract !== null) lines.push(abstract, '');
  }
  return { name, text: lines.join('\n') };
}

function table(rows: [string, string][]): SeedSourceFile {
  return { name: 'seeds/ids.tsv', text: [TABLE_HEADER, ...rows.map(([id, title]) => `${id}\t${title}\t`)].join('\n') };
}

function errorOf(files: SeedSourceFile[]): SeedError {
  try {
    compileSeeds(files, version);
  } catch (error) {
    if (error instanceof SeedError) return error;
    throw error;
  }
  throw new Error('expected the seeds to be rejected');
}

describe('seed compiler on the real seeds', () => {
  test('66 papers, every one with its verified id, in the capture order as trending rank', async () => {
    const asset = await buildSeedAsset();
    expect(asset.papers).toHaveLength(66);
    expect(asset.snapshots).toEqual([{ label: '2025-07-30', file: 'seeds/000_91954c1b7270a5c1.txt', papers: 66 }]);
    expect(asset.papers.map((paper) => paper.rank)).toEqual(Array.from({ length: 66 }, (_, index) => index + 1));
    expect(asset.papers[0]).toMatchObject({ id: '2310.01779', rank: 1, snapshot: '2025-07-30', source: 'seed' });
    expect(asset.papers[0]!.title).toMatch(/^HallE-Switch: Rethinking/);

    const sources = await readSeedSources();
    const tableRows = sources.find((file) => file.name.endsWith('.tsv'))!.text.trim().split('\n').slice(1);
    const expectedIds = new Map(tableRows.map((row) => [row.split('\t')[1], row.split('\t')[0]]));
    for (const paper of asset.papers) expect(paper.id).toBe(expectedIds.get(paper.title));
  });

  test('no LaTeX markup is left in any title, abstract or summary', async () => {
    const asset = await buildSeedAsset();
    for (const paper of asset.papers) {
      const text = [paper.title, paper.abstract, paper.summary.tldr, ...paper.summary.keyResults].join(' ');
      expect(text, paper.id).not.toMatch(/\\[a-zA-Z`'"%$&_]|\$|_\{|\\%/);
    }
    const stelo = asset.papers.find((paper) => paper.id === '2310.15539')!;
    expect(stelo.abstract).toContain('Rozière');
    const recycling = asset.papers.find((paper) => paper.abstract.includes('Token Recycling requires'))!;
    expect(recycling.abstract).toContain('requires <2MB of additional storage');
  });

  test('the version changes when the content does, and not otherwise', async () => {
    const [first, second] = [await buildSeedAsset(), await buildSeedAsset()];
    expect(first.version).toBe(second.version);
    const sources = await readSeedSources();
    const edited = sources.map((file) => (file.name.endsWith('.txt') ? { ...file, text: file.text.replace('remarkable progress', 'great progress') } : file));
    expect(compileSeeds(edited, contentVersion).version).not.toBe(first.version);
  });
});

describe('seed compiler on malformed input: each rejected with file:line and the reason', () => {
  const ids = table([
    ['2401.00001', 'Alpha: Cheaper Models'],
    ['2401.00002', 'Beta: A Hard Benchmark'],
  ]);

  test('accepts a well-formed pair of files', () => {
    const asset = compileSeeds([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A], ['Beta: A Hard Benchmark', ABSTRACT_B]]), ids], version);
    expect(asset.papers.map((paper) => [paper.id, paper.rank])).toEqual([['2401.00001', 1], ['2401.00002', 2]]);
  });

  test('a title with no abstract', () => {
    const error = errorOf([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', null], ['Beta: A Hard Benchmark', ABSTRACT_B]]), ids]);
    expect(error.message).toBe('seeds/000_a.txt:9: title "Alpha: Cheaper Models" has no abstract');
  });

  test('a title at the end of the capture with no abstract', () => {
    const error = errorOf([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A], ['Beta: A Hard Benchmark', null]]), ids]);
    expect(error.message).toBe('seeds/000_a.txt:13: title "Beta: A Hard Benchmark" has no abstract');
  });

  test('a title missing from the id table', () => {
    const error = errorOf([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A], ['Gamma: Unknown', ABSTRACT_B]]), ids]);
    expect(error.message).toBe('seeds/000_a.txt:13: title "Gamma: Unknown" is missing from the id table');
  });

  test('an id row whose title is in no capture', () => {
    const error = errorOf([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A]]), ids]);
    expect(error.message).toBe('seeds/ids.tsv:3: id 2401.00002: title "Beta: A Hard Benchmark" is in no capture');
  });

  test('a paper retitled on arXiv between two captures (a row per title in the id table) is bundled once, from the newer capture', () => {
    const ids = table([
      ['2401.00001', 'Alpha: Cheaper Models'],
      ['2401.00001', 'Alpha-2: Cheaper Models at Scale'],
      ['2401.00002', 'Beta: A Hard Benchmark'],
    ]);
    const older = capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A], ['Beta: A Hard Benchmark', ABSTRACT_B]]);
    const newer = capture('seeds/001_b.txt', 'Aug 2', [['Alpha-2: Cheaper Models at Scale', ABSTRACT_A]]);
    const asset = compileSeeds([older, ids, newer], version);
    expect(asset.papers.map((paper) => [paper.id, paper.title, paper.rank])).toEqual([
      ['2401.00001', 'Alpha-2: Cheaper Models at Scale', 1],
      ['2401.00002', 'Beta: A Hard Benchmark', 2],
    ]);
  });

  test('two captures with one number (which is later is unknown)', () => {
    const error = errorOf([capture('seeds/001_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A]]), capture('seeds/001_b.txt', 'Aug 2', [['Beta: A Hard Benchmark', ABSTRACT_B]]), ids]);
    expect(error.message).toBe("seeds/001_b.txt:1: capture number 001 is also seeds/001_a.txt's: number captures in the order they were taken");
  });

  test('one id given to two papers of a capture', () => {
    const duplicate = table([
      ['2401.00001', 'Alpha: Cheaper Models'],
      ['2401.00001', 'Beta: A Hard Benchmark'],
    ]);
    const error = errorOf([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A], ['Beta: A Hard Benchmark', ABSTRACT_B]]), duplicate]);
    expect(error.message).toBe('seeds/000_a.txt:13: "Beta: A Hard Benchmark" has the id 2401.00001 of "Alpha: Cheaper Models" (line 9): one id for two papers of a capture');
  });

  test.each([['2401.0001'], ['24010.00001'], ['2313.00001'], ['2401.00001v2'], ['hep-th/99010'], ['not-an-id']])('an invalid arXiv id: %s', (bad) => {
    const error = errorOf([capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A]]), table([[bad, 'Alpha: Cheaper Models']])]);
    expect(error.file).toBe('seeds/ids.tsv');
    expect(error.line).toBe(2);
    expect(error.reason).toContain(`"${bad}" is not a valid arXiv id`);
  });

  test('an abstract with no title before it', () => {
    const text = [...CHROME, 'Jul 30', '', ABSTRACT_A, ''].join('\n');
    const error = errorOf([{ name: 'seeds/000_a.txt', text }, ids]);
    expect(error.message).toBe('seeds/000_a.txt:9: abstract with no title line before it');
  });

  test.each([
    ['Jul 30', '2401.00001', '2024-07-30'],
    ['July 30', '2407.13623', '2024-07-30'],
    // A January list of December papers is of the next year.
    ['Jan 2', '2412.00001', '2025-01-02'],
    ['Jul 30, 2026', '2401.00001', '2026-07-30'],
  ])('the snapshot label %s, with %s the newest paper, is the day %s', (label, id, day) => {
    const asset = compileSeeds([capture('seeds/000_a.txt', label, [['Alpha: Cheaper Models', ABSTRACT_A]]), table([[id, 'Alpha: Cheaper Models']])], version);
    expect(asset.snapshots[0]!.label).toBe(day);
    expect(asset.papers[0]!.snapshot).toBe(day);
  });

  test('a snapshot label that is no day of its year', () => {
    const error = errorOf([capture('seeds/000_a.txt', 'Feb 29', [['Alpha: Cheaper Models', ABSTRACT_A]]), table([['hep-th/9901001', 'Alpha: Cheaper Models']])]);
    expect(error.message).toBe('seeds/000_a.txt:7: snapshot label "Feb 29" is not a day of 1999');
  });

  test('a capture with no snapshot label', () => {
    const error = errorOf([{ name: 'seeds/000_a.txt', text: 'Daily Papers\n\nAlpha: Cheaper Models\n' }, ids]);
    expect(error.message).toContain('seeds/000_a.txt:1: no snapshot label');
  });
});

describe('several captures', () => {
  test('merged newest first (by capture number), deduplicated by id with the newest rank', () => {
    const ids = table([
      ['2401.00001', 'Alpha: Cheaper Models'],
      ['2401.00002', 'Beta: A Hard Benchmark'],
      ['hep-th/9901001', 'Gamma: Old Physics'],
    ]);
    const older = capture('seeds/000_a.txt', 'Jul 30', [['Alpha: Cheaper Models', ABSTRACT_A], ['Beta: A Hard Benchmark', ABSTRACT_B]]);
    const newer = capture('seeds/001_b.txt', 'Jul 31', [['Gamma: Old Physics', ABSTRACT_B], ['Alpha: Cheaper Models', ABSTRACT_A]]);
    const asset = compileSeeds([older, ids, newer], version);
    expect(asset.snapshots.map((snapshot) => snapshot.label)).toEqual(['2024-07-31', '2024-07-30']);
    expect(asset.papers.map((paper) => [paper.id, paper.snapshot, paper.rank])).toEqual([
      ['hep-th/9901001', '2024-07-31', 1],
      ['2401.00001', '2024-07-31', 2],
      ['2401.00002', '2024-07-30', 2],
    ]);
  });
});
