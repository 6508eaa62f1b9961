import { describe, expect, test } from 'vitest';
import { exportBibtex, exportCsv, exportRis, parseImport, parseImportInSteps, planImport } from '../../../src/export';
import { matchTitles, unidentifiedTitles, type TitledPaper } from '../../../src/export/title-match';
import { normalizeTitle } from '../../../src/papers/ids';
import type { ImportedItem } from '../../../src/schema';
import { savedItem } from './fixtures';
import { BERT, FLASH_ATTENTION, VASWANI } from './scholar-bib';

function imported(bib: string): ImportedItem[] {
  const parse = parseImport(bib, 'scholar.bib');
  expect(parse.rejected).toEqual([]);
  return parse.items;
}

/** The file's papers as a fresh list would save them. */
function saved(bib: string) {
  return planImport([], imported(bib), Date.UTC(2025, 0, 1)).added;
}

describe('BibTeX import keeps where and when a paper was published', () => {
  test("a conference paper's booktitle and year are its journal reference (BERT: NAACL-HLT, 2019); a journal's too", () => {
    expect(imported(`${BERT}\n\n${FLASH_ATTENTION}`).map((item) => [item.id, item.journalRef])).toEqual([
      ['1810.04805', 'Proceedings of NAACL-HLT, 2019'],
      ['2205.14135', 'Advances in Neural Information Processing Systems, 2022'],
    ]);
    const zoteroArticle = `@article{radford2021clip,\n  title = {Learning Transferable Visual Models From Natural Language Supervision},\n  journal = {Proceedings of Machine Learning Research},\n  date = {2021-07-18},\n  eprint = {2103.00020},\n  eprinttype = {arxiv}\n}`;
    expect(imported(zoteroArticle)[0]?.journalRef).toBe('Proceedings of Machine Learning Research, 2021');
  });

  test("a venue that names its year is kept as written (DBLP's booktitle); an arXiv preprint's year names no venue", () => {
    const dblp = `@inproceedings{DBLP:conf/naacl/DevlinCLT19,
  author    = {Jacob Devlin and Ming{-}Wei Chang and Kenton Lee and Kristina Toutanova},
  title     = {{BERT:} Pre-training of Deep Bidirectional Transformers for Language Understanding},
  booktitle = {Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, {NAACL-HLT} 2019},
  pages     = {4171--4186},
  year      = {2019},
  eprint    = {1810.04805}
}`;
    expect(imported(dblp)[0]?.journalRef).toBe(
      'Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, NAACL-HLT 2019',
    );
    const scholarPreprint = '@article{devlin2018bert,\n  title={Bert: Pre-training of deep bidirectional transformers for language understanding},\n  journal={arXiv preprint arXiv:1810.04805},\n  year={2018}\n}';
    const semanticScholar = '@article{Devlin2019BERTPO,\n  title={BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding},\n  journal={ArXiv},\n  year={2018},\n  volume={abs/1810.04805}\n}';
    for (const bib of [scholarPreprint, semanticScholar]) expect(imported(bib)[0]).not.toHaveProperty('journalRef');
  });

  test('exports cite it as published: BERT in 2019 (not its preprint\'s October 2018) with its venue, in BibTeX, RIS and CSV', () => {
    const [bert, flash] = saved(`${BERT}\n\n${FLASH_ATTENTION}`).map((item) => ({ ...item, published: item.id === '1810.04805' ? '2018-10-11' : '2022-05-27' }));
    const bibtex = exportBibtex([bert!, flash!]);
    const [bertEntry, flashEntry] = bibtex.split('\n\n');
    expect(bertEntry).toContain('  year = {2019},\n  eprint = {1810.04805}');
    expect(bertEntry).not.toMatch(/month|date/);
    expect(bertEntry).toContain('note = {Proceedings of NAACL-HLT, 2019}');
    // The same year as its preprint: its arXiv date stays.
    expect(flashEntry).toContain('year = {2022},\n  month = may,\n  date = {2022-05-27}');
    expect(flashEntry).toContain('note = {Advances in Neural Information Processing Systems, 2022}');

    const ris = exportRis([bert!]).split('\r\n');
    expect(ris.filter((line) => /^(?:PY|DA|N1) /.test(line))).toEqual(['PY  - 2019', 'N1  - Journal reference: Proceedings of NAACL-HLT, 2019']);
    expect(exportCsv([bert!])).toContain('"Proceedings of NAACL-HLT, 2019"');

    // Read back, the exported entry is the same paper, venue and year.
    expect(parseImport(bibtex, 'papers.bib').items.map((item) => item.journalRef)).toEqual([bert!.journalRef, flash!.journalRef]);
  });

  test("the file's venue fills a listed paper's journal reference, and never replaces one the list has (as other fields merge)", () => {
    const [bert] = imported(BERT);
    const listed = savedItem({ id: '1810.04805', title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', published: '2018-10-11' });
    const filled = planImport([listed], [bert!], 5_000);
    expect(filled.updated).toEqual([expect.objectContaining({ journalRef: 'Proceedings of NAACL-HLT, 2019', published: '2018-10-11', title: listed.title })]);
    const known = planImport([{ ...listed, journalRef: 'NAACL 2019' }], [bert!], 5_000);
    expect(known).toMatchObject({ updated: [], unchanged: 1 });
  });
});

describe('BibTeX entries without an arXiv id are imported by their title', () => {
  const attention: TitledPaper = { id: '1706.03762', title: 'Attention Is All You Need', normTitle: normalizeTitle('Attention Is All You Need'), saved: true, authors: ['Ashish Vaswani', 'Noam Shazeer'] };

  test('with no paper looked up, the entry is rejected as before, naming its line', () => {
    expect(parseImport(VASWANI, 'scholar.bib').rejected).toEqual([{ line: 1, reason: 'no arXiv id (eprint, url or note) in @article{vaswani2017attention}' }]);
  });

  test("Scholar's Transformer entry lands on the saved paper of that title (case, braces and accents aside), venue and year kept", async () => {
    const parse = await parseImportInSteps(`${BERT}\n\n${VASWANI}`, 'scholar.bib', () => {});
    expect(unidentifiedTitles(parse)).toEqual(['attention is all you need']);
    const matched = matchTitles(parse, [attention]);
    expect(matched.rejected).toEqual([]);
    expect(matched.items.map((item) => item.id)).toEqual(['1810.04805', '1706.03762']);
    expect(matched.items[1]).toMatchObject({
      title: 'Attention Is All You Need',
      line: 11,
      citeKey: 'vaswani2017attention',
      journalRef: 'Advances in neural information processing systems, 2017',
      authors: expect.arrayContaining(['Łukasz Kaiser']),
    });
    const braced = VASWANI.replace('title={Attention is all you need}', 'title={{A}ttention {I}s {A}ll {Y}ou {N}eed.}');
    expect(matchTitles(await parseImportInSteps(braced, 'zotero.bib', () => {}), [attention]).items[0]?.id).toBe('1706.03762');
  });

  test("a paper of that title by other authors is not the entry's: Goodfellow's book Deep Learning is not arXiv's Deep Learning by Polson and Sokolov", async () => {
    const book = '@book{goodfellow2016deep,\n  title={Deep learning},\n  author={Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},\n  year={2016},\n  publisher={MIT press}\n}';
    const parse = await parseImportInSteps(book, 'scholar.bib', () => {});
    const arxivDeepLearning: TitledPaper = { id: '1807.07987', title: 'Deep Learning', normTitle: normalizeTitle('Deep Learning'), saved: false, authors: ['Nicholas G. Polson', 'Vadim O. Sokolov'] };
    const matched = matchTitles(parse, [arxivDeepLearning]);
    expect(matched.items).toEqual([]);
    expect(matched.rejected).toEqual([{ line: 1, reason: `no arXiv id (eprint, url or note) in @book{goodfellow2016deep}, and no paper in your reading list or in PaperLens's store is titled "Deep learning" by its first author` }]);
    // A paper whose authors are not known yet (saved from a bare link) is taken by its title.
    expect(matchTitles(parse, [{ ...arxivDeepLearning, authors: [] }]).items.map((item) => item.id)).toEqual(['1807.07987']);
  });

  test('a saved paper of that title comes before a stored one; two of either, or none, leave the entry rejected, saying why', async () => {
    const parse = await parseImportInSteps(VASWANI, 'scholar.bib', () => {});
    const stored = (id: string): TitledPaper => ({ ...attention, id, saved: false });
    expect(matchTitles(parse, [stored('2501.00001'), attention]).items.map((item) => item.id)).toEqual(['1706.03762']);
    expect(matchTitles(parse, [stored('2501.00001')]).items.map((item) => item.id)).toEqual(['2501.00001']);
    expect(matchTitles(parse, [stored('2501.00001'), stored('2501.00002')]).rejected).toEqual([
      {
        line: 1,
        reason: `no arXiv id (eprint, url or note) in @article{vaswani2017attention}, and 2 papers in PaperLens's store are titled "Attention is all you need" (2501.00001, 2501.00002): add the arXiv id of the one meant`,
      },
    ]);
    expect(matchTitles(parse, []).rejected).toEqual([
      { line: 1, reason: `no arXiv id (eprint, url or note) in @article{vaswani2017attention}, and no paper in your reading list or in PaperLens's store is titled "Attention is all you need"` },
    ]);
  });

  test('an entry whose arXiv reference is wrong is rejected for it, not matched by its title', async () => {
    const wrong = VASWANI.replace('year={2017}', 'year={2017},\n  eprint={1706.0376},\n  archivePrefix={arXiv}');
    const parse = await parseImportInSteps(wrong, 'scholar.bib', () => {});
    expect(matchTitles(parse, [attention]).rejected).toEqual([{ line: 1, reason: 'eprint "1706.0376" is not a valid arXiv id in @article{vaswani2017attention}' }]);
  });
});

describe("QA: a BibTeX note in the reader's own words goes to the notes, not the journal reference", () => {
  const notesOf = (note: string, more = '') => imported(`@misc{a, title = {A}, eprint = {2101.00001}, note = {${note}}${more}}`).map((item) => [item.notes, item.journalRef])[0];

  test("a note of several lines, or in the reader's words, is the reader's", () => {
    expect(notesOf('Read for the reading group.\nKey idea: "robustness", not accuracy, matters')).toEqual(['Read for the reading group.\nKey idea: "robustness", not accuracy, matters', undefined]);
    expect(notesOf('$\\ell_1$ vs. $\\ell_2$ loss --- see Tab.~3; 10\\% better FID', ', annote = {Mine}')).toEqual(['Mine\n\nℓ₁ vs. ℓ₂ loss — see Tab. 3; 10% better FID', undefined]);
    // Review: a year or an arXiv id in the reader's words.
    for (const note of ['Read in 2023 for my thesis', 'Compare with BERT (2018)', 'Presented at journal club 2024-03-12', 'Baseline for our 2025 submission', 'See also arXiv:2005.14165 for the GPT-3 baseline', 'Rejected from ICLR 2024', 'Reviewed for NeurIPS 2023', 'He et al. use the same trick, 2016']) {
      expect(notesOf(note)).toEqual([note, undefined]);
    }
    expect(notesOf('Read for the reading group.\nSee also arXiv:2005.14165')).toEqual(['Read for the reading group.\nSee also arXiv:2005.14165', undefined]);
    expect(notesOf('Comment: 12 pages\nMy take: the ablation is weak')).toEqual(['Comment: 12 pages\nMy take: the ablation is weak', undefined]);
  });

  test('where the paper was published is its journal reference: a year or a venue, a line wrapped in the file, or any note beside annote (our export)', () => {
    for (const venue of ['Accepted at ICLR 2024', 'Phys. Rev. D 97, 014503', 'Nature Machine Intelligence', 'TMLR', 'IEEE TPAMI', 'J. Mach. Learn. Res.', 'Pattern Recognition 140', 'PNAS 120 (2)', 'Nature 620, 47-53']) {
      expect(notesOf(venue)).toEqual([undefined, venue]);
    }
    expect(notesOf('Proceedings of the 2023 Conference on Empirical Methods in Natural\n    Language Processing, {EMNLP} 2023')).toEqual([
      undefined,
      'Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing, EMNLP 2023',
    ]);
    expect(notesOf('Science Advances', ', annote = {my note}')).toEqual(['my note', 'Science Advances']);
    expect(notesOf('ACM Computing Surveys', ', annote = {my note}')).toEqual(['my note', 'ACM Computing Surveys']);
    // Review: a Roman numeral is no reader's "I".
    expect(notesOf('Computer Vision - ECCV 2022, Part I', ', annote = {my note}')).toEqual(['my note', 'Computer Vision - ECCV 2022, Part I']);
  });

  test("the paper's own id, link or arXiv comments go nowhere", () => {
    for (const note of ['arXiv:2101.00001 [cs]', '\\url{https://huggingface.co/papers/2101.00001}', 'Comment: 15 pages, 5 figures', 'Publisher: arXiv\nVersion Number: 2']) expect(notesOf(note)).toEqual([undefined, undefined]);
    // Review: Zotero's Extra lines beside its child notes (annote) are neither the reader's words nor a venue.
    expect(notesOf('ZSCC: 0000042', ', annote = {child note}')).toEqual(['child note', undefined]);
    expect(notesOf('Citation Key: hu2021lora', ', annote = {child note}')).toEqual(['child note', undefined]);
  });
});
