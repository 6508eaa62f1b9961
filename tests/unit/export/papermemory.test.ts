import { describe, expect, test } from 'vitest';
import { ImportError, parseImport, planImport } from '../../../src/export';

/** A PaperMemory "Download memory" file as it writes one: JSON.stringify of its store, on one line. */
const memory = JSON.stringify({
  __dataVersion: 10020,
  'Arxiv-1706.03762': {
    id: 'Arxiv-1706.03762', title: 'Attention Is All You Need', author: 'Ashish Vaswani and Noam Shazeer and Niki Parmar',
    pdfLink: 'https://arxiv.org/pdf/1706.03762.pdf', note: 'Read section 3.2 again', tags: ['nlp', 'transformers'],
    addDate: '2023-03-14T09:26:53.589Z', lastOpenDate: '2024-01-02T10:00:00.000Z', count: 12, favorite: true, favoriteDate: '', codeLink: '',
    bibtex: '@article{vaswani2017attention,\n    title={Attention Is All You Need },\n    author={Ashish Vaswani and Noam Shazeer and Niki Parmar },\n    year={2017},\n    journal={arXiv preprint arXiv: 1706.03762}\n}',
    venue: '', year: '2017', key: 'vaswani2017attention', source: 'arxiv', md: '[Attention Is All You Need](https://arxiv.org/pdf/1706.03762.pdf)',
  },
  // An old-style id, "/" written "_".
  'Arxiv-hep-th_9901001': { id: 'Arxiv-hep-th_9901001', title: 'An Old Paper', author: 'Edward Witten', pdfLink: 'https://arxiv.org/pdf/hep-th/9901001.pdf', note: '', tags: [], addDate: '2022-01-01T00:00:00.000Z' },
  // Matched to its publication by PaperMemory: the preprint is in its BibTeX.
  'NeurIPS-2021_lora': { id: 'NeurIPS-2021_lora', title: 'LoRA: Low-Rank Adaptation', author: 'Hu, Edward J. and Shen, Yelong', pdfLink: 'https://proceedings.neurips.cc/paper/lora.pdf', bibtex: '@inproceedings{hu2021lora, note={arXiv:2106.09685}}', note: '', tags: ['peft'], addDate: '2024-05-01T00:00:00.000Z' },
  // A paper that never was on arXiv.
  'PMLR-2020_xyz': { id: 'PMLR-2020_xyz', title: 'A Proceedings-Only Paper', author: 'Ada Lovelace', pdfLink: 'http://proceedings.mlr.press/v119/xyz.pdf', note: 'keep', tags: [], addDate: '2024-06-01T00:00:00.000Z' },
});

describe('PaperMemory memory file', () => {
  test('its arXiv papers come with authors, tags, notes and the day they were added; a paper not on arXiv is named and left out', () => {
    const parse = parseImport(memory, 'PaperMemory-data-3.14.2024-09.30.00.json');
    expect(parse.items).toEqual([
      {
        // Starred in PaperMemory (favorite: true): tagged so.
        id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], tags: ['nlp', 'transformers', 'favorite'],
        notes: 'Read section 3.2 again', addedAt: Date.parse('2023-03-14T09:26:53.589Z'),
      },
      { id: 'hep-th/9901001', title: 'An Old Paper', authors: ['Edward Witten'], tags: [], addedAt: Date.parse('2022-01-01T00:00:00.000Z') },
      { id: '2106.09685', title: 'LoRA: Low-Rank Adaptation', authors: ['Edward J. Hu', 'Yelong Shen'], tags: ['peft'], addedAt: Date.parse('2024-05-01T00:00:00.000Z') },
    ]);
    expect(parse.rejected).toEqual([{ line: 0, reason: '“A Proceedings-Only Paper” (PaperMemory id PMLR-2020_xyz): no arXiv id (id, PDF link or BibTeX): not an arXiv paper' }]);
    const plan = planImport([], parse.items, 1_800_000_000_000, parse.rejected);
    expect(plan.summary).toBe('3 new, 0 updated, 1 rejected: “A Proceedings-Only Paper” (PaperMemory id PMLR-2020_xyz): no arXiv id (id, PDF link or BibTeX): not an arXiv paper');
    expect(plan.added.find((item) => item.id === '1706.03762')).toMatchObject({ status: 'to-read', addedAt: Date.parse('2023-03-14T09:26:53.589Z') });
  });

  test('QA: a long title in a rejection is cut with an ellipsis (it ended "Understa" with none)', () => {
    const title = 'GLUE: A Multi-Task Benchmark and Analysis Platform for Natural Language Understanding';
    const file = { __dataVersion: 10020, 'ICLR-2019_glue': { id: 'ICLR-2019_glue', title, author: 'Alex Wang', pdfLink: 'https://openreview.net/pdf?id=rJ4km2R5t7', note: '', tags: [], addDate: '2024-05-01T00:00:00.000Z' } };
    const [rejected] = parseImport(JSON.stringify(file), 'memory.json').rejected;
    expect(rejected!.reason).toMatch(/^“GLUE: A Multi-Task Benchmark and Analysis Platform for Natural Language Understa…” \(PaperMemory id ICLR-2019_glue\)/);
  });

  test('a paper starred in PaperMemory is tagged "favorite" (once, beside its tags); one not starred is not', () => {
    const starred = JSON.stringify({
      __dataVersion: 5,
      'Arxiv-1706.03762': { title: 'Attention Is All You Need', pdfLink: 'https://arxiv.org/pdf/1706.03762v5.pdf', favorite: true, favoriteDate: '2021-03-02T10:00:00.000Z', tags: ['nlp', 'must read'] },
      // Already tagged so by the reader: not twice.
      'Arxiv-2106.09685': { title: 'LoRA', favorite: true, tags: ['Favorite'] },
      // PaperMemory writes no tags for some papers.
      'Arxiv-2006.11239': { title: 'Denoising Diffusion Probabilistic Models', favorite: true },
      'Arxiv-hep-th_9711200': { title: 'The Large N Limit', favorite: false, tags: [] },
    });
    const parse = parseImport(starred, 'PaperMemory-data.json');
    expect(parse.items.map((item) => [item.id, item.tags])).toEqual([
      ['1706.03762', ['nlp', 'must read', 'favorite']],
      ['2106.09685', ['Favorite']],
      ['2006.11239', ['favorite']],
      ['hep-th/9711200', []],
    ]);
    // A listed paper gains the tag beside its own.
    const listed = planImport([{ ...planImport([], [{ id: '1706.03762', title: 'Attention Is All You Need', tags: ['keep'] }], 1_000).added[0]! }], parse.items.slice(0, 1), 2_000);
    expect(listed.updated[0]!.tags).toEqual(['keep', 'nlp', 'must read', 'favorite']);
  });

  test('an empty memory says so; JSON from other tools is still refused as before', () => {
    expect(() => parseImport('{"__dataVersion": 3}', 'memory.json')).toThrow(new ImportError('the file holds no papers: its PaperMemory memory is empty'));
    expect(() => parseImport('{"papers": []}', 'other.json')).toThrow(/^not a PaperLens reading-list export/);
  });

  test('a paper not on arXiv whose note cites an arXiv paper is named and left out, not imported as that paper', () => {
    const memory = JSON.stringify({
      __dataVersion: 10020,
      'PMLR-2020_xyz': { id: 'PMLR-2020_xyz', title: 'A Proceedings-Only Paper', author: 'Ada Lovelace', pdfLink: 'http://proceedings.mlr.press/v119/xyz.pdf', note: 'builds on arXiv:2106.09685', tags: [], addDate: '2024-06-01T00:00:00.000Z' },
    });
    const parse = parseImport(memory, 'PaperMemory-data.json');
    expect(parse.items).toEqual([]);
    expect(parse.rejected).toEqual([{ line: 0, reason: '“A Proceedings-Only Paper” (PaperMemory id PMLR-2020_xyz): no arXiv id (id, PDF link or BibTeX): not an arXiv paper' }]);
  });
});
