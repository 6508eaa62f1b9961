import { describe, expect, test } from 'vitest';
import { exportCsv, parseImport, parseImportInSteps, planImport } from '../../../src/export';
import { matchTitles, unidentifiedTitles, type TitledPaper } from '../../../src/export/title-match';
import { normalizeTitle } from '../../../src/papers/ids';
import { ImportError } from '../../../src/export/errors';
import { hostileItems, savedItem } from './fixtures';

describe('CSV import: our CSV export comes back as it was exported', () => {
  // "; " joins authors and tags in one cell: a name or tag holding it cannot come back whole (the
  // JSON backup is the lossless format). Every other character does.
  const items = hostileItems(600).filter((item) => ![...item.authors, ...item.tags].some((value) => value.includes(';')));

  test('hostile text, formula guards, line breaks in notes, times to the millisecond', () => {
    expect(items.length).toBeGreaterThan(300);
    const parse = parseImport(exportCsv(items), 'paperlens-reading-list.csv');
    expect(parse.format).toBe('csv');
    expect(parse.rejected).toEqual([]);
    const plan = planImport([], parse.items, Date.UTC(2026, 0, 1));
    expect(plan.added).toEqual(items);
    // Told apart by its header without the file name too.
    expect(parseImport(exportCsv(items)).items).toEqual(parse.items);
  });

  test('a value that already starts with an apostrophe before = keeps it', () => {
    const item = savedItem({ title: "'=1+1 is two", notes: "''@home" });
    const [imported] = parseImport(exportCsv([item]), 'list.csv').items;
    expect(imported).toMatchObject({ title: "'=1+1 is two", notes: "''@home" });
  });

  test('cite keys come back; a paper without a kept key comes without (the store keys it)', () => {
    const kept = [savedItem({ id: '2310.01779', citeKey: 'lecun2024383' }), savedItem({ id: '1706.03762' })];
    const imported = parseImport(exportCsv(kept), 'list.csv').items;
    expect(imported.map((item) => item.citeKey)).toEqual(['lecun2024383', undefined]);
  });

  test('an export from before the cite_key column is still read as ours (its formula guards taken off)', () => {
    const [header, ...rows] = exportCsv([savedItem({ title: '=1+1 is two' })]).split('\r\n');
    const older = [header!.replace(/,cite_key$/, ''), ...rows.map((row) => row.replace(/,$/, ''))].join('\r\n');
    expect(older).not.toContain('cite_key');
    expect(parseImport(older, 'list.csv').items.map((item) => item.title)).toEqual(['=1+1 is two']);
  });

  test("another tool's Citation Key column gives the key; one BibTeX cannot read is left out, and said, not the paper", () => {
    const csv = ['id,title,Citation Key', '2310.01779,A,vaswani2017attention', '1706.03762,B,"has space, comma"', '2402.18041,C,[2]', '2106.09685,D,WOS:000455291400001'].join('\n');
    const parse = parseImport(csv, 'sheet.csv');
    expect(parse.items.map((item) => [item.id, item.citeKey])).toEqual([['2310.01779', 'vaswani2017attention'], ['1706.03762', undefined], ['2402.18041', undefined], ['2106.09685', undefined]]);
    // Other tools' names for the column (QA); not Zotero's Key, its item id.
    expect(parseImport('id,title,BibTeX key\n2310.01779,A,vaswani2017attention\n', 'sheet.csv').items[0]!.citeKey).toBe('vaswani2017attention');
    expect(parseImport('id,title,citekey\n2310.01779,A,vaswani2017attention\n', 'sheet.csv').items[0]!.citeKey).toBe('vaswani2017attention');
    // Review: a record's number or accession id there would be the paper's key for good.
    expect(parse.leftOut?.map((leftOut) => leftOut.reason)).toEqual([
      'cite key "has space, comma" is not a citation key BibTeX reads: left out of the row at line 3 ("B")',
      'cite key "[2]" is not a citation key BibTeX reads: left out of the row at line 4 ("C")',
      'cite key "WOS:000455291400001" is not a citation key BibTeX reads: left out of the row at line 5 ("D")',
    ]);
  });

  test("QA: a spreadsheet's Note column gives the notes; a column no field is read from is said once, not dropped without a word", () => {
    const parse = parseImport('arXiv ID,Title,Note,Status,Comments,Empty\n2307.09288,Llama 2,"important: check appendix",done,my comment,\n2302.13971,LLaMA,second note,finished,,\n', 'sheet.csv');
    expect(parse.items.map((item) => [item.id, item.notes, item.status])).toEqual([['2307.09288', 'important: check appendix', 'read'], ['2302.13971', 'second note', 'read']]);
    expect(parse.leftOut).toEqual([{ line: 1, reason: 'column "Comments" is not one PaperLens imports: left out of every row (a column of notes is read when named Notes or Note)' }]);
    expect(parseImport('id,title,My notes\n2307.09288,Llama 2,read twice\n', 'sheet.csv').items[0]!.notes).toBe('read twice');
    // A sheet with two notes columns keeps both.
    expect(parseImport('id,title,Notes,Note\n2307.09288,Llama 2,read twice,cite in ch. 2\n', 'sheet.csv').items[0]!.notes).toBe('read twice\n\ncite in ch. 2');
    // Zotero's export has dozens of columns of no use here (Publication Year, Automatic Tags): not said.
    expect(parseImport(ZOTERO_CSV, 'zotero.csv').leftOut ?? []).not.toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/^column /) }));
  });

  test("QA: a spreadsheet's Paper column gives the title, or the id when it holds the paper's link", () => {
    const titled = parseImport('Paper,Link,Notes\nAttention Is All You Need,https://arxiv.org/abs/1706.03762,read twice\n', 'sheet.csv');
    expect(titled.items.map((item) => [item.id, item.title, item.notes])).toEqual([['1706.03762', 'Attention Is All You Need', 'read twice']]);
    const linked = parseImport('Paper,Notes\nhttps://arxiv.org/abs/1706.03762,read twice\narXiv:2310.01779,skim\n', 'sheet.csv');
    expect(linked.rejected).toEqual([]);
    expect(linked.items.map((item) => [item.id, item.title])).toEqual([['1706.03762', undefined], ['2310.01779', undefined]]);
    // Review: a title naming its id in passing is a title.
    const named = parseImport('Paper,Link\nAttention Is All You Need (arXiv:1706.03762),https://arxiv.org/abs/1706.03762\n', 'sheet.csv');
    expect(named.items.map((item) => item.title)).toEqual(['Attention Is All You Need (arXiv:1706.03762)']);
    // A title that is no id is not a bad id: the row without one says what is missing.
    expect(parseImport('Paper,Link\nAttention Is All You Need,\n', 'sheet.csv').rejected.map((rejection) => rejection.reason)).toEqual([
      'no arXiv id (id, URL, DOI or Extra column) in the row at line 2 ("Attention Is All You Need")',
    ]);
  });

  test('review: a sheet of titles and authors, no ids, imports each row as the saved or stored paper of its title (by its first author), with its notes and status; a title no paper has is rejected saying so', async () => {
    const attention: TitledPaper = { id: '1706.03762', title: 'Attention Is All You Need', normTitle: normalizeTitle('Attention Is All You Need'), saved: false, authors: ['Ashish Vaswani', 'Noam Shazeer'] };
    for (const header of ['Title', 'Paper', 'Paper title']) {
      const sheet = `${header},Authors,Status,Notes\nattention is all you need,"Vaswani, Ashish; Shazeer, Noam",read,the transformer\nA Paper Nobody Wrote,Doe,,\n`;
      const parse = await parseImportInSteps(sheet, 'reading.csv', () => {});
      expect(parse.rejected).toEqual([]);
      expect(unidentifiedTitles(parse)).toEqual(['attention is all you need', 'a paper nobody wrote']);
      const matched = matchTitles(parse, [attention]);
      expect(matched.items.map((item) => [item.id, item.title, item.status, item.notes, item.line])).toEqual([['1706.03762', 'Attention Is All You Need', 'read', 'the transformer', 2]]);
      expect(matched.rejected).toEqual([
        { line: 3, reason: `no arXiv id (id, URL, DOI or Extra column) in the row at line 3 ("A Paper Nobody Wrote"), and no paper in your reading list or in PaperLens's store is titled "A Paper Nobody Wrote"` },
      ]);
    }
    // Found as a CSV by its header alone, whatever the file is named.
    expect(parseImport('Title,Authors\nAttention Is All You Need,Vaswani\n', 'papers.txt').format).toBe('csv');
  });

  test('review: a title column holding the paper\'s link or id names it; another site\'s link beside a title is looked up by the title; notes on a row then rejected are not kept', async () => {
    const linked = parseImport('Title,Tags\nhttps://arxiv.org/abs/1706.03762,nlp\n2310.01779,vision\n', 'reading.csv');
    expect(linked.rejected).toEqual([]);
    expect(linked.items.map((item) => [item.id, item.title, item.tags])).toEqual([['1706.03762', undefined, ['nlp']], ['2310.01779', undefined, ['vision']]]);
    const attention: TitledPaper = { id: '1706.03762', title: 'Attention Is All You Need', normTitle: normalizeTitle('Attention Is All You Need'), saved: true, authors: [] };
    const openReview = await parseImportInSteps('Title,URL\nAttention Is All You Need,https://openreview.net/forum?id=abc\n', 'sheet.csv', () => {});
    expect(matchTitles(openReview, [attention]).items.map((item) => item.id)).toEqual(['1706.03762']);
    // An arXiv address written wrong is what was wrong, title or not.
    expect(parseImport('Title,URL\nAttention Is All You Need,https://arxiv.org/abs/17o6.03762\n', 'sheet.csv').rejected.map((rejection) => rejection.reason)).toEqual([
      '"https://arxiv.org/abs/17o6.03762" is not a valid arXiv id or URL in the row at line 2 ("Attention Is All You Need")',
    ]);
    const unknown = await parseImportInSteps('Title,Status,Date Added\nA Paper Nobody Wrote,skimmed,31/07/2024\nattention is all you need,skimmed,\n', 'sheet.csv', () => {});
    const matched = matchTitles(unknown, [attention]);
    expect(matched.rejected.map((rejection) => rejection.line)).toEqual([2]);
    expect(matched.leftOut?.map((note) => note.line)).toEqual([3]);
  });

  test('each row knows its line, also after a note that spans lines', () => {
    const two = [savedItem({ id: '2310.01779', notes: 'one\ntwo\r\nthree' }), savedItem({ id: '1706.03762' })];
    expect(parseImport(exportCsv(two), 'list.csv').items.map((item) => [item.id, item.line])).toEqual([['2310.01779', 2], ['1706.03762', 5]]);
  });
});

// As Zotero 7 writes "Export Collection… → CSV" (columns cut to those we read and a few we do not).
const ZOTERO_CSV = [
  '"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Url","Abstract Note","Date","Date Added","Date Modified","Extra","Notes","Manual Tags","Automatic Tags"',
  '"ABCD1234","preprint","2017","Vaswani, Ashish; Shazeer, Noam; Parmar, Niki","Attention Is All You Need","arXiv","10.48550/arXiv.1706.03762","http://arxiv.org/abs/1706.03762","The dominant sequence transduction models…","2017-06-12","2024-01-05 10:20:30","2024-02-01 08:00:00","arXiv:1706.03762 [cs]","","transformers; to cite","Computer Science - Computation and Language"',
  '"EFGH5678","journalArticle","2021","Doe, Jane","A Journal Version","Nature Machine Intelligence","10.1038/s42256-021-00001-1","https://www.nature.com/articles/s42256-021-00001-1","","2021-03-15","2024-01-06 11:00:00","2024-01-06 11:00:00","arXiv: 2101.00001","","","",',
  '"IJKL9012","book","1995","Knuth, Donald","The Art of Computer Programming","","","https://example.org/taocp","","1995","2024-01-07 12:00:00","2024-01-07 12:00:00","","","",""',
].join('\r\n');

describe('CSV import: our export after a spreadsheet saved it', () => {
  test('times rewritten in the locale\'s form are left out; tags edited there come back, and the paper moves up "Last updated" (the import\'s time)', () => {
    const item = savedItem({ id: '2310.01779', tags: ['vlm'], addedAt: Date.UTC(2024, 0, 1), updatedAt: Date.UTC(2024, 0, 2) });
    const [header, row] = exportCsv([item]).replace(/^\uFEFF/, '').split('\r\n');
    const cells = row!.split(',');
    const column = (name: string) => header!.split(',').indexOf(name);
    cells[column('tags')] = 'vlm; hallucination';
    cells[column('added_at')] = '1/1/2024 0:00';
    cells[column('updated_at')] = '1/2/2024 0:00';
    const parse = parseImport(`${header}\r\n${cells.join(',')}\r\n`, 'paperlens-reading-list.csv');
    expect(parse.rejected).toEqual([]);
    const plan = planImport([item], parse.items, Date.UTC(2026, 0, 1));
    expect(plan.updated).toEqual([{ ...item, tags: ['vlm', 'hallucination'], updatedAt: Date.UTC(2026, 0, 1) }]);
  });

  test('a status changed there, times kept as exported, is taken (the list has not changed the paper since)', () => {
    const item = savedItem({ id: '2310.01779', status: 'to-read', readAt: null, updatedAt: Date.UTC(2024, 0, 2) });
    const [header, row] = exportCsv([item]).replace(/^\uFEFF/, '').split('\r\n');
    const cells = row!.split(',');
    cells[header!.split(',').indexOf('status')] = 'reading';
    const plan = planImport([item], parseImport(`${header}\r\n${cells.join(',')}\r\n`, 'paperlens-reading-list.csv').items, Date.UTC(2026, 0, 1));
    expect(plan.updated).toEqual([{ ...item, status: 'reading' }]);
  });

  test('a status the file gives without a time to show it is newer (a sheet of ids and statuses) is left as the list has it, and the preview says so', () => {
    const listed = savedItem({ id: '2310.01779', status: 'to-read', readAt: null, updatedAt: Date.UTC(2024, 0, 2) });
    const same = savedItem({ id: '1706.03762', status: 'read', readAt: 1, updatedAt: Date.UTC(2024, 0, 2) });
    const plan = planImport([listed, same], parseImport('id,status\n2310.01779,read\n1706.03762,read\n', 'statuses.csv').items, Date.UTC(2026, 0, 1));
    expect(plan.updated).toEqual([]);
    expect(plan.summary).toBe('0 new, 0 updated, 2 unchanged, 1 status in the file left as the list has it (no newer time in the file)');
  });
});

describe("CSV import: other tools' files", () => {
  test("Zotero's export: names turned around, manual tags, the submission date, a journal's name, its dates added and modified", () => {
    const parse = parseImport(ZOTERO_CSV, 'Exported Items.csv');
    expect(parse.format).toBe('csv');
    expect(parse.items).toEqual([
      {
        id: '1706.03762', line: 2, title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
        tags: ['transformers', 'to cite'], published: '2017-06-12', addedAt: Date.UTC(2024, 0, 5, 10, 20, 30), updatedAt: Date.UTC(2024, 1, 1, 8),
        // Its TL;DR from its Abstract Note.
        tldr: 'The dominant sequence transduction models…',
        tldrFromAbstract: true,
      },
      {
        id: '2101.00001', line: 3, title: 'A Journal Version', authors: ['Jane Doe'], doi: '10.1038/s42256-021-00001-1',
        journalRef: 'Nature Machine Intelligence', addedAt: Date.UTC(2024, 0, 6, 11), updatedAt: Date.UTC(2024, 0, 6, 11),
      },
    ]);
    expect(parse.rejected).toEqual([{ line: 4, reason: '"https://example.org/taocp" is not a valid arXiv id or URL in the row at line 4 ("The Art of Computer Programming")' }]);
  });

  test("Zotero's titles of arXiv papers, written with arXiv's TeX, come in readable and on one line, as a BibTeX import reads them; a plain title's $ and ~ stay", () => {
    const header = ZOTERO_CSV.split('\r\n')[0]!;
    const row = (key: string, title: string, id: string) => `"${key}","preprint","2024","Doe, Jane","${title}","arXiv","","http://arxiv.org/abs/${id}","","2024-10-31","2024-11-01 10:00:00","2024-11-01 10:00:00","","","",""`;
    const csv = [header, row('A1', '$\\pi_0$: A Vision-Language-Action Flow Model', '2410.24164'), row('A2', '$O(\\sqrt{T})$ Regret for\n$\\epsilon$-greedy', '2410.00002'), row('A3', 'Training for $5 and $10 on ~1 GPU', '2410.00003')].join('\r\n');
    expect(parseImport(csv, 'Exported Items.csv').items.map((item) => item.title)).toEqual(['π₀: A Vision-Language-Action Flow Model', 'O(√T) Regret for ε-greedy', 'Training for $5 and $10 on ~1 GPU']);
  });

  test("Zotero's notes, written as HTML in its Notes column, come in as their text; a note of ours with tags in its text keeps them", () => {
    const header = ZOTERO_CSV.split('\r\n')[0]!;
    const note = '<div data-schema-version=""9""><p>My <b>bold</b> note &amp; more</p>\n<p>Second para</p></div>';
    const row = `"ABCD1234","preprint","2021","Hu, Edward J.","LoRA","","","http://arxiv.org/abs/2106.09685","","2021-10-16","","","","${note}","",""`;
    expect(parseImport(`${header}\r\n${row}`, 'Exported Items.csv').items[0]!.notes).toBe('My bold note & more\n\nSecond para');

    const ours = savedItem({ id: '2310.01779', notes: 'Compare with <b> and <p> in the HTML export & see §3' });
    expect(parseImport(exportCsv([ours]), 'paperlens-reading-list.csv').items[0]!.notes).toBe(ours.notes);
  });

  test('a spreadsheet with ";" between cells (Excel in many locales): ids with versions, statuses named otherwise ("done"), a status of its own left out, not the paper', () => {
    const sheet = 'arXiv ID;Title;Status\n2310.01779v2;HallE-Switch;Reading\nhttps://huggingface.co/papers/2407.13623;Scaling Laws;read\n1706.03762;Attention;done\n2106.09685;LoRA;skimmed\n';
    const parse = parseImport(sheet, 'papers.csv');
    expect(parse.items).toEqual([
      { id: '2310.01779', line: 2, title: 'HallE-Switch', status: 'reading' },
      { id: '2407.13623', line: 3, title: 'Scaling Laws', status: 'read' },
      { id: '1706.03762', line: 4, title: 'Attention', status: 'read' },
      { id: '2106.09685', line: 5, title: 'LoRA' },
    ]);
    expect(parse.rejected).toEqual([]);
    expect(parse.leftOut).toEqual([{ line: 5, reason: 'status "skimmed" is not one of to-read, reading, read: left out of the row at line 5 ("LoRA")' }]);
  });

  test('a spreadsheet\'s tags cell is read as the rows\' tag fields read it: "nlp, classic" is two tags, as "nlp; classic" is; with a ";", a tag may hold a comma', () => {
    const parse = parseImport('id,title,tags\n1706.03762,Attention,"nlp, classic"\n2310.01779,HallE-Switch,vlm; hallucination\n2106.09685,LoRA,"Learning, Deep; to cite"\n', 'my-papers.csv');
    expect(parse.items.map((item) => item.tags)).toEqual([
      ['nlp', 'classic'],
      ['vlm', 'hallucination'],
      ['Learning, Deep', 'to cite'],
    ]);
  });

  test("Zotero's Manual Tags keep a tag holding a comma (\"Learning, Deep\"), alone in its cell too", () => {
    const header = ZOTERO_CSV.split('\r\n')[0]!;
    const row = (tags: string) => `"ABCD1234","preprint","2021","Hu, Edward J.","LoRA","","","http://arxiv.org/abs/2106.09685","","2021-10-16","","","","","${tags}",""`;
    expect(parseImport(`${header}\r\n${row('Learning, Deep')}`, 'Exported Items.csv').items[0]!.tags).toEqual(['Learning, Deep']);
  });

  test('a status as the reading list names it ("To read") or written with "_" is read; an empty one is no status', () => {
    const parse = parseImport('id,title,status\n1706.03762,Attention,To read\n2310.01779,HallE-Switch,to_read\n2407.13623,Scaling Laws,\n', 'my-papers.csv');
    expect(parse.rejected).toEqual([]);
    expect(parse.items.map((item) => [item.id, item.status])).toEqual([
      ['1706.03762', 'to-read'],
      ['2310.01779', 'to-read'],
      ['2407.13623', undefined],
    ]);
  });

  test('tab-separated, found by its header alone; a time in a form that cannot be read for sure is left out, not the paper', () => {
    const parse = parseImport('url\ttitle\tadded_at\nhttps://arxiv.org/abs/2310.01779\tHallE\t2024-07-31T09:15:00Z\narxiv.org/pdf/1706.03762v5\tAttention\t7/31/2024 9:15\n');
    expect(parse.format).toBe('csv');
    expect(parse.items).toEqual([
      { id: '2310.01779', line: 2, title: 'HallE', addedAt: Date.UTC(2024, 6, 31, 9, 15) },
      { id: '1706.03762', line: 3, title: 'Attention' },
    ]);
    expect(parse.rejected).toEqual([]);
    expect(parse.leftOut).toEqual([{ line: 3, reason: 'added_at "7/31/2024 9:15" is not a time we can read for sure (like 2024-07-31T09:15:00Z): left out of the row at line 3 ("Attention")' }]);
  });

  test('a list of ids with a title after a comma is still a list, not a CSV', () => {
    expect(parseImport('2310.01779, HallE-Switch\n1706.03762, Attention\n').format).toBe('ids');
  });
});

describe('CSV files that cannot be read say why and where', () => {
  const problem = (text: string, fileName = 'list.csv') => {
    try {
      parseImport(text, fileName);
    } catch (error) {
      if (error instanceof ImportError) return [error.message, error.line];
      throw error;
    }
    return null;
  };

  test('a quote that is never closed names the line it opened on', () => {
    expect(problem('id,title\n2310.01779,"HallE\n1706.03762,Attention\n')).toEqual([`line 2: a quoted cell is never closed (a '"' is missing)`, 2]);
  });

  test('no column that names the paper; a header and no rows', () => {
    expect(problem('Name,Authors\nAttention,Vaswani\n')).toEqual(['line 1: the header names no column that identifies the paper (id, arXiv ID, URL, DOI, Extra or Title); its columns are "Name", "Authors"', 1]);
    expect(problem('id,title\n')).toEqual(['the file has a header row but no papers', null]);
  });
});

describe('review: spreadsheet dialects', () => {
  test("Excel's `sep=;` first line names the delimiter; the header is the next line", () => {
    const parse = parseImport('sep=;\r\nid;title\r\n1706.03762;Attention Is All You Need\r\n', 'list.csv');
    expect(parse.items).toMatchObject([{ id: '1706.03762', title: 'Attention Is All You Need', line: 3 }]);
  });

  test('CR-only line ends (old Mac Excel) with ";" between cells and commas in names', () => {
    const parse = parseImport('id;title;authors\r1706.03762;Attention, all you need;Vaswani, Ashish\r', 'list.csv');
    expect(parse.items).toMatchObject([{ id: '1706.03762', title: 'Attention, all you need', authors: ['Ashish Vaswani'] }]);
  });

  test('a tab-separated .txt whose header holds a comma', () => {
    const parse = parseImport('id\ttitle\tauthors (last, first)\n1706.03762\tAttention\tVaswani, Ashish\n', 'list.txt');
    expect(parse.items).toMatchObject([{ id: '1706.03762', title: 'Attention' }]);
  });

  test("another tool's cell that opens with an apostrophe keeps it (only our export adds the guard)", () => {
    const parse = parseImport('Title,Url\r\n"\'-80s revisited",https://arxiv.org/abs/1706.03762\r\n', 'zotero.csv');
    expect(parse.items[0]?.title).toBe("'-80s revisited");
  });

  test('two id columns: the second one names the paper when the first is empty', () => {
    const parse = parseImport('id,title,id\r\n,Attention,1706.03762\r\n', 'list.csv');
    expect(parse.items.map((item) => item.id)).toEqual(['1706.03762']);
  });
});
