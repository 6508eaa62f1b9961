import { describe, expect, test } from 'vitest';
import { exportBibtex, exportJson, exportMarkdown, ImportError, MAX_IMPORT_BYTES, parseImport, planImport } from '../../../src/export';
import { hostileItems, savedItem } from './fixtures';

function importError(text: string, fileName?: string): ImportError {
  try {
    parseImport(text, fileName);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the import was accepted');
}

const items = hostileItems(20, 7);
const json = exportJson(items, 1_700_000_000_000);
const bibtex = exportBibtex(items);

describe('whole-file problems throw ImportError saying what and where', () => {
  test('invalid JSON names the line and column', () => {
    const lines = json.split('\n');
    const broken = lines.findIndex((line) => line.includes('"status"'));
    lines[broken] = lines[broken]!.replace(/,$/, ';');
    const error = importError(lines.join('\n'));
    const column = lines[broken]!.length;
    expect(error.message).toBe(`invalid JSON at line ${broken + 1}, column ${column}: expected "," or "}" but found ";"`);
    expect(error.line).toBe(broken + 1);
  });

  test('a cut-off JSON file is called truncated', () => {
    const cut = json.slice(0, Math.floor(json.length / 2));
    const error = importError(cut);
    expect(error.message).toMatch(/^the file is truncated: it stops at line \d+, column \d+, and the file ends inside an unfinished (object|array|string)/);
    expect(error.line).toBe(cut.split('\n').length);
  });

  test("QA: Zotero's CSL JSON and an EndNote file are named, with the export to make instead (each EndNote line was rejected as no arXiv id)", () => {
    const csl = JSON.stringify([{ id: 'http://zotero.org/users/1/items/AB', type: 'article', title: 'Attention Is All You Need', author: [{ family: 'Vaswani', given: 'Ashish' }], number: 'arXiv:1706.03762' }]);
    expect(importError(csl).message).toBe('this is CSL JSON (a Zotero or Mendeley export), which PaperLens does not read: export the collection as BibTeX or RIS instead');
    const enw = '%0 Journal Article\n%T Attention Is All You Need\n%A Vaswani, Ashish\n%U https://arxiv.org/abs/1706.03762\n';
    expect(importError(enw)).toMatchObject({ message: 'this is an EndNote file (.enw), which PaperLens does not read: export RIS from EndNote instead', line: 1 });
  });

  test('a JSON file of another program or another version', () => {
    expect(importError('{"format": "zotero-library", "items": []}').message).toBe(
      'not a PaperLens reading-list export (its format is "zotero-library"): expected a JSON file with "format": "paperlens-reading-list"',
    );
    expect(importError('[{"id": "2310.01779"}]').message).toMatch(/^not a PaperLens reading-list export: /);
    const newer = json.replace('"version": 1', '"version": 2');
    expect(importError(newer).message).toBe(
      'unsupported version 2 of the reading-list format: this PaperLens reads version 1 (the file comes from a newer PaperLens; update the extension)',
    );
    expect(importError(json.replace('"version": 1,', '')).message).toMatch(/^unsupported version missing /);
    expect(importError('{"format": "paperlens-reading-list", "version": 1, "exportedAt": 5, "items": {}}').message).toBe(
      'the reading-list file is malformed: items: Invalid input: expected array, received object',
    );
  });

  test('a file over 20 MB is refused before it is parsed, counting UTF-8 bytes', () => {
    expect(importError('a'.repeat(MAX_IMPORT_BYTES + 1)).message).toBe('the file is too large: over 20.0 MB, and the limit is 20.0 MB (60.0 MB for a PaperLens JSON backup)');
    // Under the limit in characters, over it in bytes: three bytes per CJK character.
    const cjk = `2310.01779\n# ${'注'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3))}`;
    expect(cjk.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(importError(cjk).message).toMatch(/^the file is too large: 20\.0 MB, and the limit is 20\.0 MB \(60\.0 MB for a PaperLens JSON backup\)$/);
    // Just under the limit is read.
    const padded = json + ' '.repeat(MAX_IMPORT_BYTES - new TextEncoder().encode(json).length);
    expect(parseImport(padded).items).toHaveLength(20);
  });

  test('BibTeX with an unclosed brace names the entry it starts in and the entry it swallowed', () => {
    const entries = bibtex.split(/\n(?=@misc\{)/);
    const third = entries[2]!.replace(/\}\},\n/, '},\n');
    const text = [...entries.slice(0, 2), third, ...entries.slice(3)].join('\n');
    const lines = text.split('\n');
    const thirdLine = lines.findIndex((line) => line.startsWith('@misc{') && text.indexOf(line) === text.indexOf(third)) + 1;
    const fourthLine = lines.findIndex((line, index) => index >= thirdLine && line.startsWith('@misc{')) + 1;
    const error = importError(text);
    expect(error.message).toBe(
      `unbalanced braces or truncated file: the entry "${lines[thirdLine - 1]!.replace(/,$/, '')}" at line ${thirdLine} is never closed ` +
        `(a "{" has no matching "}" before the end of the file); the entry at line ${fourthLine} was read as part of it`,
    );
    expect(error.line).toBe(thirdLine);
  });

  test('BibTeX with an extra closing brace names where it is', () => {
    const text = bibtex.replace(/\n\}\n/, '\n}}\n');
    const line = text.split('\n').findIndex((candidate) => candidate === '}}') + 1;
    const first = text.split('\n').findIndex((candidate) => candidate.startsWith('@misc{')) + 1;
    expect(importError(text).message).toBe(`unbalanced braces: an extra "}" at line ${line} after the entry at line ${first}`);
  });

  test('a "}" in a % comment line between BibTeX entries (which BibTeX ignores) does not refuse the file', () => {
    const file = [
      '% Old version, kept for reference: title = {Draft}}',
      '@misc{a, title = {X}, eprint = {2203.00001}, archivePrefix = {arXiv}}',
      '%   }',
      '@misc{b, title = {Y}, eprint = {2203.00002}, archivePrefix = {arXiv}}',
      '',
    ].join('\n');
    expect(parseImport(file, 'refs.bib').items.map((item) => item.id)).toEqual(['2203.00001', '2203.00002']);
    // Outside a comment, an extra "}" is still the broken tail of the entry before it.
    expect(importError(file.replace('%   }', '}'), 'refs.bib').message).toBe('unbalanced braces: an extra "}" at line 3 after the entry at line 2');
  });

  test('BibTeX entries commented out with % (as Overleaf comments out lines) are neither imported nor reported', () => {
    const file = [
      '% @misc{old, title = {Dropped}, eprint = {2101.00001}, archivePrefix = {arXiv}}',
      '@misc{kept, title = {Kept}, eprint = {2203.00001}, archivePrefix = {arXiv}}',
      '% @misc{draft,',
      '%   title = {Draft}, eprint = {2101.00002},',
      '%   archivePrefix = {arXiv}}',
      '  %@article{x, title = {X}}}',
      'Mail me at someone@example.org',
      '',
    ].join('\n');
    const parse = parseImport(file, 'refs.bib');
    expect(parse.items.map((item) => item.id)).toEqual(['2203.00001']);
    expect(parse.rejected).toEqual([]);
  });

  test('a cut-off BibTeX file names its last entry', () => {
    const cut = bibtex.slice(0, bibtex.lastIndexOf('title = {{') + 15);
    const lastEntry = cut.split('\n').findLastIndex((line) => line.startsWith('@misc{')) + 1;
    expect(importError(cut).message).toMatch(new RegExp(`^unbalanced braces or truncated file: the entry "@misc\\{\\w+" at line ${lastEntry} is never closed`));
  });

  test('files with nothing to import', () => {
    expect(importError('').message).toBe('the file is empty');
    expect(importError('\uFEFF \n\n').message).toBe('the file is empty');
    expect(importError('# my papers\n\n# none yet\n').message).toBe('the file holds no papers: it is empty or has only blank lines and comments');
    expect(importError('@comment{nothing here}\n', 'refs.bib').message).toBe('no BibTeX entries found: the file has no @article, @misc or other entries');
    expect(importError(exportJson([], 1)).message).toBe('the file holds no papers: its reading list is empty');
    expect(importError('Dear reviewer,\nplease find attached.\n').message).toBe(
      'not a recognised file: expected a PaperLens JSON export, a BibTeX, RIS or CSV file or a list of arXiv ids or URLs (line 1: "Dear reviewer," is neither an arXiv id nor an arXiv or Hugging Face URL)',
    );
  });
});

describe('entry problems are rejected by line and the rest is imported', () => {
  test('JSON items without an id or breaking the store rules', () => {
    const file = JSON.parse(json) as { items: Record<string, unknown>[] };
    delete file.items[3]!.id;
    file.items[5]!.title = 'x'.repeat(1001);
    file.items[6]!.id = '2310.01779-draft';
    const text = JSON.stringify(file, null, 2);
    const lines = text.split('\n');
    const itemLine = (index: number) => lines.findIndex((line, at) => line === '    {' && lines.slice(0, at).filter((l) => l === '    {').length === index) + 1;
    const parse = parseImport(text);
    expect(parse.items).toHaveLength(17);
    expect(parse.rejected).toEqual([
      { line: itemLine(3), reason: 'item 4: no arXiv id' },
      { line: itemLine(5), reason: `item 6 (${items[5]!.id}): title: longer than 1,000 characters` },
      { line: itemLine(6), reason: 'item 7 (2310.01779-draft): id: not a canonical arXiv id' },
    ]);
  });

  test('a JSON item lacking a field (a hand-edited backup) is told which is missing, not that its link is no http(s) URL', () => {
    const file = JSON.parse(json) as { items: Record<string, unknown>[] };
    delete file.items[2]!.sourceUrl;
    delete file.items[2]!.published;
    file.items[4]!.sourceUrl = 'ftp://example.org/paper';
    const parse = parseImport(JSON.stringify(file));
    expect(parse.rejected.map((rejection) => rejection.reason)).toEqual([
      `item 3 (${items[2]!.id}): sourceUrl: missing; published: missing`,
      `item 5 (${items[4]!.id}): sourceUrl: not an http(s) URL`,
    ]);
  });

  test('BibTeX entries without an arXiv id', () => {
    const text = `${exportBibtex([savedItem()])}\n@article{plain,\n  title = {No id here},\n  journal = {Nature}\n}\n`;
    const parse = parseImport(text);
    expect(parse.items.map((item) => item.id)).toEqual(['2310.01779']);
    const line = text.split('\n').indexOf('@article{plain,') + 1;
    expect(line).toBeGreaterThan(1);
    expect(parse.rejected).toEqual([{ line, reason: 'no arXiv id (eprint, url or note) in @article{plain}' }]);
  });

  test('a list of ids and URLs, with comments, versions and lines that are not papers', () => {
    const parse = parseImport(
      [
        '# papers to read',
        '2310.01779v2',
        '',
        'arXiv:hep-th/9901001',
        'https://arxiv.org/pdf/1706.03762v7.pdf  # attention',
        'https://huggingface.co/papers/2401.00001#community',
        'arxiv.org/abs/2402.00002',
        'https://example.org/abs/2310.01779',
        'not an id',
        '2313.01779',
      ].join('\r\n'),
      'list.txt',
    );
    expect(parse.format).toBe('ids');
    expect(parse.items).toEqual([
      { id: '2310.01779', line: 2 },
      { id: 'hep-th/9901001', line: 4 },
      { id: '1706.03762', line: 5 },
      { id: '2401.00001', line: 6 },
      { id: '2402.00002', line: 7 },
    ]);
    expect(parse.rejected).toEqual([
      { line: 8, reason: '"https://example.org/abs/2310.01779" is not an arXiv or Hugging Face paper URL' },
      { line: 9, reason: '"not an id" is neither an arXiv id nor an arXiv or Hugging Face URL' },
      { line: 10, reason: '"2313.01779" is neither an arXiv id nor an arXiv or Hugging Face URL' },
    ]);
  });

  test("our own Markdown export reads back as its papers, without each paper's authors, tags, TL;DR and notes lines reported as rejected", () => {
    const items = [
      savedItem({ id: '2310.01779', authors: ['Bohan Zhai', 'Shijia Yang'], tags: ['vision'], tldr: 'A switch.', notes: 'Read it.' }),
      savedItem({ id: 'hep-th/9901001', title: 'Old', authors: ['A. Author'], status: 'read' }),
    ];
    const parse = parseImport(exportMarkdown(items), 'paperlens-reading-list.md');
    expect(parse.items.map((item) => item.id)).toEqual(['2310.01779', 'hep-th/9901001']);
    expect(parse.rejected).toEqual([]);
  });

  test('our own Markdown export reads back with each paper’s title, authors, tags, TL;DR and notes, unescaped', () => {
    const items = [
      savedItem({
        id: '2310.01779',
        title: 'HallE-Switch: [Rethinking] *Object* <Existence> $x_1$',
        authors: ['Bohan Zhai', 'Martin Luther King, Jr.', 'Shijia Yang\\'],
        tags: ['vision', 'to_cite', 'c++', 'vision, language'],
        tldr: 'A `switch` for hallucinations & more!',
        notes: 'See Table 3 #important ~ | \\ done',
      }),
      savedItem({ id: 'hep-th/9901001', title: 'Old', authors: [], tags: [], tldr: '', notes: '', status: 'read' }),
    ];
    const parse = parseImport(exportMarkdown(items), 'paperlens-reading-list.md');
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map(({ id, title, authors, tags, tldr, notes, status }) => ({ id, title, authors, tags, tldr, notes, status }))).toEqual([
      { id: '2310.01779', title: items[0]!.title, authors: items[0]!.authors, tags: items[0]!.tags, tldr: items[0]!.tldr, notes: items[0]!.notes, status: 'to-read' },
      { id: 'hep-th/9901001', title: 'Old', authors: undefined, tags: undefined, tldr: undefined, notes: undefined, status: 'read' },
    ]);
    // Into an empty list, the papers come back as they were exported.
    const [added] = planImport([], parse.items, 1).added;
    expect(added).toMatchObject({ title: items[0]!.title, authors: items[0]!.authors, tags: items[0]!.tags, tldr: items[0]!.tldr, notes: items[0]!.notes });
  });

  test("a note of several lines (a weekly review's list, paragraphs, a heading, a line like a field) comes back from our Markdown export as it was written", () => {
    const notes = 'Summary:\n- multi-head attention\n- positional encodings\n\n\nQuestion: why 8 heads?\n# Heading-like\nTags: not a field\n1) numbered\n---\nsee https://arxiv.org/abs/1706.03762 and [x](https://arxiv.org/abs/2402.18041)\nends in C:\\';
    const items = [savedItem({ id: '2310.01779', tags: ['vision'], notes }), savedItem({ id: '2402.18041', tags: ['vision'], notes: 'One line.' })];
    const parse = parseImport(exportMarkdown(items), 'paperlens-reading-list.md');
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map(({ id, notes: read, tags }) => [id, read, tags])).toEqual([
      ['2310.01779', notes, ['vision']],
      ['2402.18041', 'One line.', ['vision']],
    ]);
  });

  test('a note with a line like the start of a BibTeX entry ("@Sam (postdoc) says", a pasted @article) comes back from our Markdown export, whatever the file is named; a .md file of BibTeX entries still reads as BibTeX', () => {
    const notes = 'Discussed in lab meeting.\n@Sam (postdoc) says the ablation in Table 3 is weak.\n@article{vaswani2017, title={Attention}}';
    const markdown = exportMarkdown([savedItem({ id: '2310.01779', notes })]);
    for (const fileName of ['paperlens-reading-list.md', 'reading list (1).txt', undefined]) {
      const parse = parseImport(markdown, fileName);
      expect(parse.rejected, fileName).toEqual([]);
      expect(parse.items.map((item) => [item.id, item.notes]), fileName).toEqual([['2310.01779', notes]]);
    }
    // An export written before such lines were escaped, by its title.
    const older = markdown.replaceAll('\\@', '@');
    expect(older).toContain('\n  @Sam (postdoc)');
    expect(parseImport(older, 'paperlens-reading-list.md').items.map((item) => item.notes)).toEqual([notes]);
    // Other Markdown is read for what it holds: BibTeX entries in a note are imported as such.
    const bibtexNote = '# LoRA\n\n@article{hu2021lora,\n  title = {LoRA: Low-Rank Adaptation of Large Language Models},\n  author = {Hu, Edward J.},\n  eprint = {2106.09685},\n  archivePrefix = {arXiv}\n}\n';
    expect(parseImport(bibtexNote, 'papers.md').items.map(({ id, title }) => [id, title])).toEqual([['2106.09685', 'LoRA: Low-Rank Adaptation of Large Language Models']]);
  });

  test("a note's indented lines (a nested list) keep their indentation through our Markdown export, shown indented there too", () => {
    const notes = 'Plan:\n- read section 3\n  - check Table 2\n    - compare with BART\n\tTabbed line\n- done';
    const markdown = exportMarkdown([savedItem({ id: '2310.01779', notes })]);
    // Markdown drops a line's leading spaces (or reads them as code): no-break spaces show the indentation.
    expect(markdown).toContain('  \u00a0\u00a0\\- check Table 2  \n');
    const parse = parseImport(markdown, 'paperlens-reading-list.md');
    expect(parse.rejected).toEqual([]);
    expect(parse.items[0]!.notes).toBe(notes.replace('\t', '    '));
  });

  test('a Markdown export written before commas in names were escaped reads as it did: a name at each ", "', () => {
    const text = '# Reading list\n\n## To read (1)\n\n- [Old export](https://arxiv.org/abs/2310.01779)  \n  Bohan Zhai, Shijia Yang  \n  Tags: vision, to\\_cite\n';
    const parse = parseImport(text, 'paperlens-reading-list.md');
    expect(parse.items.map(({ authors, tags }) => ({ authors, tags }))).toEqual([{ authors: ['Bohan Zhai', 'Shijia Yang'], tags: ['vision', 'to_cite'] }]);
  });

  test('a paper of a Markdown export with a field past its limit is rejected by line, as in the other formats; the others are imported', () => {
    const text = exportMarkdown([savedItem({ id: '2310.01779', tldr: 'short' }), savedItem({ id: '2402.18041', tldr: 'short' })]).replace('TL;DR: short', `TL;DR: ${'x'.repeat(2_001)}`);
    const parse = parseImport(text, 'paperlens-reading-list.md');
    expect(parse.items.map((item) => item.id)).toEqual(['2402.18041']);
    expect(parse.rejected).toEqual([{ line: 5, reason: expect.stringMatching(/^arXiv 2310\.01779: tldr: longer than 2,000 characters$/) }]);
  });

  test('a field of our Markdown export ending in a backslash does not take the next paper with it (an escaped "\\" is no line break)', () => {
    const items = [savedItem({ id: '2310.01779', notes: 'saved under C:\\' }), savedItem({ id: '2402.18041' })];
    const parse = parseImport(exportMarkdown(items), 'paperlens-reading-list.md');
    expect(parse.items.map(({ id, notes }) => [id, notes])).toEqual([['2310.01779', 'saved under C:\\'], ['2402.18041', undefined]]);
  });

  test('under a section of our export, a list item linking a paper is a paper of its own, after a line ending in a Markdown line break too', () => {
    const text = '## To read (2)\n\n- [A](https://arxiv.org/abs/2310.01779)  \n- [B](https://arxiv.org/abs/2402.18041)  \n  Tags: mine\n';
    expect(parseImport(text, 'list.md').items).toEqual([
      { id: '2310.01779', line: 3, status: 'to-read', title: 'A' },
      { id: '2402.18041', line: 4, status: 'to-read', title: 'B', tags: ['mine'] },
    ]);
  });

  test('after a line that is not a paper, a Markdown line break does not carry its lines to the paper before', () => {
    const text = '## To read (2)\n\n- [A](https://arxiv.org/abs/2310.01779)  \n  Tags: mine\n- [A blog](https://example.com/post)  \n  Tags: the blog’s\n';
    const parse = parseImport(text, 'list.md');
    expect(parse.items).toEqual([{ id: '2310.01779', line: 3, status: 'to-read', title: 'A', tags: ['mine'] }]);
  });

  test('our own Markdown export reads back with each paper’s status, from the section it is listed under', () => {
    const items = [
      savedItem({ id: '2310.01779', status: 'to-read' }),
      savedItem({ id: '2402.18041', status: 'reading' }),
      savedItem({ id: 'hep-th/9901001', status: 'read' }),
    ];
    const parse = parseImport(exportMarkdown(items), 'paperlens-reading-list.md');
    expect(parse.items.map(({ id, status }) => [id, status])).toEqual([['2310.01779', 'to-read'], ['2402.18041', 'reading'], ['hep-th/9901001', 'read']]);
    // Into an empty list, the papers keep their statuses; a plain list of ids (no such sections) sets none.
    expect(planImport([], parse.items, 1).added.map((item) => item.status)).toEqual(['to-read', 'reading', 'read']);
    expect(parseImport('# my papers\n2310.01779\n## Read\n2402.18041\n', 'list.md').items.map((item) => item.status)).toEqual([undefined, undefined]);
    // A heading-like line of 100,000 spaces is read at once.
    const started = performance.now();
    expect(parseImport(`## ${' '.repeat(100_000)}x\n2310.01779\n`, 'list.md').items).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('our Markdown export reads back every paper, a title with " #" (a hashtag) or a "[x](y)" of its own included', () => {
    const items = [
      savedItem({ id: '2310.01779', title: 'Tracking #COVID19 misinformation on Twitter' }),
      savedItem({ id: '2402.18041', title: 'Links like [this](javascript:alert(1)) in a title' }),
      savedItem({ id: '2106.09685', title: 'A backslash at the end \\' }),
    ];
    const parse = parseImport(exportMarkdown(items), 'paperlens-reading-list.md');
    expect(parse.items.map((item) => item.id)).toEqual(['2310.01779', '2402.18041', '2106.09685']);
    expect(parse.rejected).toEqual([]);
    // A comment after an id is still a comment, a Markdown link in it included.
    expect(parseImport('2310.01779 # see [its blog](https://example.org/)\n', 'list.txt').items.map((item) => item.id)).toEqual(['2310.01779']);
  });

  test('a list with a very long line (a run of spaces, a "](" repeated without ")") is read at once', () => {
    const text = ['2310.01779', `x${' '.repeat(100_000)}y`, `[a${'](a'.repeat(60_000)}`, '[LoRA](https://arxiv.org/abs/2106.09685) # a comment'].join('\n');
    const started = performance.now();
    const parse = parseImport(text, 'list.txt');
    expect(parse.items).toEqual([{ id: '2310.01779', line: 1 }, { id: '2106.09685', line: 4, title: 'LoRA' }]);
    expect(parse.rejected.map((rejection) => rejection.line)).toEqual([2, 3]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a list with a line of 100,000 "[" is read at once, and arXiv\'s "[cs.CL]" still follows an id', () => {
    const started = performance.now();
    const parse = parseImport(`2401.00001\n${'['.repeat(100_000)}\narXiv:1706.03762v5 [cs.CL]\n`, 'list.txt');
    expect(parse.items).toEqual([{ id: '2401.00001', line: 1 }, { id: '1706.03762', line: 3 }]);
    expect(parse.rejected.map((rejection) => rejection.line)).toEqual([2]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("a README's list of papers: link texts are titles (not a link's \"PDF\" or its address), task boxes and numbered items are read, an id written out later in a line is found", () => {
    const list = [
      '# My reading list',
      '- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) - parameter-efficient',
      '- [PDF](https://arxiv.org/pdf/1706.03762.pdf)',
      '- [**Attention Is All You Need**](https://arxiv.org/abs/1706.03762v7)',
      '- [https://arxiv.org/abs/2310.01779](https://arxiv.org/abs/2310.01779)',
      '* [ ] https://huggingface.co/papers/2407.13623 read later',
      '- [x] [Scaling Laws with Vocabulary](https://huggingface.co/papers/2407.13623v2)',
      '1. ResNet — arXiv:1512.03385.',
      '2. Adam (https://arxiv.org/abs/1412.6980v9)',
      '3. Version 2024.12345 of our tool',
      '4. The first paper on arXiv: 0704.0001',
      '5. Read it on arXiv: the preprint server',
    ].join('\n');
    const parse = parseImport(list, 'awesome.md');
    expect(parse.items).toEqual([
      { id: '2106.09685', line: 2, title: 'LoRA: Low-Rank Adaptation of Large Language Models' },
      { id: '1706.03762', line: 3 },
      { id: '1706.03762', line: 4, title: 'Attention Is All You Need' },
      { id: '2310.01779', line: 5 },
      { id: '2407.13623', line: 6 },
      { id: '2407.13623', line: 7, title: 'Scaling Laws with Vocabulary' },
      { id: '1512.03385', line: 8 },
      { id: '1412.6980', line: 9 },
      { id: '0704.0001', line: 11 },
    ]);
    // A number that looks like a new-style id, written out in a line's text, is not taken for one,
    // nor is "arXiv:" followed by anything but an id.
    expect(parse.rejected.map((rejection) => rejection.line)).toEqual([10, 12]);
  });

  test('a Markdown list of links without list markers is a list, not broken JSON', () => {
    const list = '[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n[LoRA](https://arxiv.org/abs/2106.09685v2)\n';
    for (const name of ['papers.md', 'papers.txt', undefined]) {
      const parse = parseImport(list, name);
      expect(parse.format).toBe('ids');
      expect(parse.items.map((item) => item.id)).toEqual(['1706.03762', '2106.09685']);
    }
    // Any other "[" opens JSON, and a broken one is told as such.
    expect(() => parseImport('[{"id": "2310.01779", "title": ', 'backup.txt')).toThrow(/^the file is truncated/);
  });

  test('a list as people write one: arXiv\'s "Cite as" form, DOIs, readers and mirrors, list markers, Markdown links, titles after the id', () => {
    const parse = parseImport(
      [
        'arXiv:1706.03762v5 [cs.CL]',
        '10.48550/arXiv.1810.04805',
        'https://doi.org/10.48550/arXiv.2005.14165',
        'https://www.alphaxiv.org/abs/2310.01779v2',
        'https://ar5iv.labs.arxiv.org/html/2103.00020',
        'hf.co/papers/2106.09685',
        '- https://arxiv.org/abs/2307.09288',
        '2. arXiv: 2302.13971',
        '* [LoRA](https://arxiv.org/abs/2106.09685v2)',
        '2401.00001\tA title after a tab',
        'https://arxiv.org/abs/2402.00002 A title after a space',
        '- not a paper',
        'https://constructor/abs/1',
      ].join('\n'),
      'list.md',
    );
    expect(parse.format).toBe('ids');
    expect(parse.items.map((item) => item.id)).toEqual([
      '1706.03762', '1810.04805', '2005.14165', '2310.01779', '2103.00020', '2106.09685', '2307.09288', '2302.13971', '2106.09685', '2401.00001', '2402.00002',
    ]);
    expect(parse.rejected).toEqual([
      { line: 12, reason: '"- not a paper" is neither an arXiv id nor an arXiv or Hugging Face URL' },
      { line: 13, reason: '"https://constructor/abs/1" is not an arXiv or Hugging Face paper URL' },
    ]);
  });
});
