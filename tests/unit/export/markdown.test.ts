import { describe, expect, test } from 'vitest';
import { exportMarkdown, parseImport } from '../../../src/export';
import { hostileItems, savedItem } from './fixtures';

/** Positions of `ch` that are not backslash-escaped (CommonMark: an escaped punctuation character is literal). */
function unescaped(text: string, ch: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ch) count++;
  }
  return count;
}

/** Targets of links: what follows each unescaped `](`. */
function linkTargets(text: string): string[] {
  const targets: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith('](', i)) targets.push(text.slice(i + 2, text.indexOf(')', i)));
  }
  return targets;
}

/** The text a reader sees: backslash escapes removed. */
const shown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('Markdown export', () => {
  test('a title cannot inject a link, an image or HTML', () => {
    const title = 'Evil [x](javascript:alert(1)) ![i](http://e/x.png) <img src=x onerror=alert(1)> &lt;b&gt; `code` *em*';
    const markdown = exportMarkdown([savedItem({ title, authors: ['<script>alert(1)</script>'], tags: ['[t](http://e)'], tldr: '<b>bold</b>' })]);
    const line = markdown.split('\n').find((candidate) => candidate.startsWith('- ['))!;
    // The only link is the paper's own, and its text is the title as typed.
    expect(unescaped(markdown, '[')).toBe(1);
    expect(unescaped(markdown, ']')).toBe(1);
    expect(line).toMatch(/\]\(https:\/\/arxiv\.org\/abs\/2310\.01779\) {2}$/);
    expect(shown(line.slice(3, line.lastIndexOf(']')))).toBe(title);
    for (const ch of ['<', '>', '&', '`', '*', '!']) expect(unescaped(markdown, ch)).toBe(0);
    expect(markdown).toContain('  \\<script\\>alert(1)\\</script\\>');
  });

  test('1,000 hostile items give exactly 1,000 links and no HTML', () => {
    const items = hostileItems(1000);
    const markdown = exportMarkdown(items);
    expect(unescaped(markdown, '[')).toBe(1000);
    expect(unescaped(markdown, '<')).toBe(0);
    expect(unescaped(markdown, '`')).toBe(0);
    const targets = linkTargets(markdown);
    expect(targets.sort()).toEqual(items.map((item) => `https://arxiv.org/abs/${item.id}`).sort());
  });

  test('papers are grouped by status with authors, tags, TL;DR and notes; a note keeps its lines, none starting a heading, a list or an underline', () => {
    const markdown = exportMarkdown([
      savedItem({ id: '2310.00001', title: 'Done', status: 'read' }),
      savedItem({ id: '2310.00002', title: 'Next', tags: ['vision', 'to cite'], tldr: 'Short.', notes: 'Table 3 matters.\n# not a heading\n- not a list\n\n1. nor this\n===\n+ nor *this*' }),
      savedItem({ id: '2310.00003', title: 'Later' }),
    ]);
    expect(markdown).toBe(
      [
        '# Reading list',
        '',
        '## To read (2)',
        '',
        '- [Next](https://arxiv.org/abs/2310.00002)  ',
        '  Bohan Zhai, Shijia Yang  ',
        '  Tags: vision, to cite  ',
        '  TL;DR: Short.  ',
        '  Notes: Table 3 matters.  ',
        '  \\# not a heading  ',
        '  \\- not a list  ',
        '  ',
        '  1\\. nor this  ',
        '  \\===  ',
        '  \\+ nor \\*this\\*',
        '- [Later](https://arxiv.org/abs/2310.00003)  ',
        '  Bohan Zhai, Shijia Yang  ',
        '  TL;DR: A switch for hallucinations.',
        '',
        '## Read (1)',
        '',
        '- [Done](https://arxiv.org/abs/2310.00001)  ',
        '  Bohan Zhai, Shijia Yang  ',
        '  TL;DR: A switch for hallucinations.',
        '',
      ].join('\n'),
    );
    expect(exportMarkdown([])).toBe('# Reading list\n\n_No saved papers._\n');
  });

  test('an export whose lines\' trailing spaces an editor trimmed still gives each paper its authors, tags, TL;DR and notes; so does an item added by hand', () => {
    const saved = [
      savedItem({ id: '2310.00001', title: 'Done', status: 'read', tags: ['moe'], notes: 'First paragraph.\n\nSecond paragraph.' }),
      savedItem({ id: '2310.00002', title: 'Next', tags: ['vision', 'to cite'], tldr: 'Short.', notes: 'Table 3 matters.\n- not a list\n• a bullet\n• another' }),
    ];
    const trimmed = exportMarkdown(saved).replace(/[ \t]+$/gm, '');
    // An indented id under an item is a paper of its own, as it was before.
    const byHand = `${trimmed}\n- [Switch Transformers](https://arxiv.org/abs/2101.03961)\n  Tags: moe, sparse\n  2401.00001\n`;
    const { items, rejected } = parseImport(byHand);
    expect(rejected).toEqual([]);
    expect(items.map(({ id, status, authors, tags, tldr, notes }) => ({ id, status, authors, tags, tldr, notes }))).toEqual([
      { id: '2310.00002', status: 'to-read', authors: saved[1]!.authors, tags: saved[1]!.tags, tldr: 'Short.', notes: saved[1]!.notes },
      { id: '2310.00001', status: 'read', authors: saved[0]!.authors, tags: ['moe'], tldr: saved[0]!.tldr, notes: saved[0]!.notes },
      { id: '2101.03961', status: 'read', authors: undefined, tags: ['moe', 'sparse'], tldr: undefined, notes: undefined },
      { id: '2401.00001', status: 'read', authors: undefined, tags: undefined, tldr: undefined, notes: undefined },
    ]);
  });

  test('blank lines in a row inside a note come back, as many as there were, from a trimmed export as from an untrimmed one', () => {
    const notes = 'Setup.\n\n\nResults.\n\n\n\nEnd.';
    const exported = exportMarkdown([savedItem({ id: '2310.00002', title: 'Next', notes }), savedItem({ id: '2310.00003', title: 'Later', notes: 'Other.' })]);
    for (const file of [exported, exported.replace(/[ \t]+$/gm, '')]) {
      const { items, rejected } = parseImport(file);
      expect(rejected).toEqual([]);
      expect(items.map((item) => item.notes)).toEqual([notes, 'Other.']);
    }
    // A note's line opening with a paper's address or id is the note's, trimmed or not.
    const linking = 'Compare with\n\nhttps://arxiv.org/abs/2401.00003 later\narXiv:2401.00004\n2401.00005 too\nsection 4';
    // Its first line too, and a TL;DR citing a paper (from a review and a QA pass).
    const opening = 'https://huggingface.co/papers/2401.00003 is the follow-up\nRead it next.';
    const opened = exportMarkdown([savedItem({ id: '2310.00002', title: 'Next', notes: opening }), savedItem({ id: '2310.00004', title: 'Cited', tldr: 'Extends arXiv:2301.00001 to images.' })]);
    for (const file of [opened, opened.replace(/[ \t]+$/gm, '')]) {
      expect(parseImport(file).items.map((item) => [item.id, item.notes, item.tldr])).toEqual([
        ['2310.00002', opening, expect.any(String)],
        ['2310.00004', undefined, 'Extends arXiv:2301.00001 to images.'],
      ]);
    }
    const linked = exportMarkdown([savedItem({ id: '2310.00002', title: 'Next', notes: linking })]);
    for (const file of [linked, linked.replace(/[ \t]+$/gm, '')]) expect(parseImport(file).items.map((item) => [item.id, item.notes])).toEqual([['2310.00002', linking]]);
    // A paper's id added by hand, indented under a paper with notes, is a paper (a note's id line is written escaped).
    const handAdded = `${linked.replace(/[ \t]+$/gm, '')}\n  2401.09997\n  2401.09998v2\n`;
    expect(parseImport(handAdded).items.map((item) => [item.id, item.notes])).toEqual([['2310.00002', linking], ['2401.09997', undefined], ['2401.09998', undefined]]);
    // Blank lines before a paper's link added by hand, indented, are no part of the note above it.
    const byHand = `${exported.replace(/[ \t]+$/gm, '')}\n\n\n  [Switch Transformers](https://arxiv.org/abs/2101.03961)\n`;
    expect(parseImport(byHand).items.map((item) => [item.id, item.notes])).toEqual([
      ['2310.00002', notes],
      ['2310.00003', 'Other.'],
      ['2101.03961', undefined],
    ]);
  });

  test('a note of 50,000 blank lines between two lines is read back at once', () => {
    const notes = `Setup.${'\n'.repeat(50_000)}End.`;
    const trimmed = exportMarkdown([savedItem({ id: '2310.00002', notes })]).replace(/[ \t]+$/gm, '');
    const started = performance.now();
    expect(parseImport(trimmed).items[0]?.notes).toBe(notes);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('in our export, a section heading whose count a reader took out still gives its papers their status and details', () => {
    const exported = exportMarkdown([savedItem({ id: '2310.00002', title: 'Next', tags: ['vision'], notes: 'Mine.' })]).replace('## To read (1)', '## To read').replace(/\n/g, '\r\n');
    expect(parseImport(exported).items.map(({ id, status, tags, notes }) => ({ id, status, tags, notes }))).toEqual([
      { id: '2310.00002', status: 'to-read', tags: ['vision'], notes: 'Mine.' },
    ]);
  });

  test("a note's spacing inside its lines comes back from an import (a small table's columns, tabs), its indentation too", () => {
    const notes = 'model    acc\tF1\nbase     71.2\t0.68\n  - ours   74.9  (*best*)\n\nEnd.';
    const [back] = parseImport(exportMarkdown([savedItem({ id: '2310.00002', notes })])).items;
    expect(back?.notes).toBe(notes);
  });
});
