import { beforeAll, expect, test } from 'vitest';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { searchDocument, snapshotJob, snapshotOf } from '../../../src/db/search';
import type { Paper } from '../../../src/schema';
import { SearchIndex, unpackSnapshot } from '../../../src/search/search-index';
import type { PackedSearchSnapshot } from '../../../src/schema/search';
import { jobReceiver, jobSender, packDocuments, runSnapshotJob, wholeJob, type SnapshotJobInParts } from '../../../src/search/snapshot-job';

let papers: Paper[];
beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
});

const idsFound = (snapshot: ReturnType<typeof runSnapshotJob>, query: string) => new SearchIndex(unpackSnapshot(snapshot)).search(query, 5).map((hit) => hit.id);

// A job is the build packed to cross to a worker: what comes back must be the index a build in
// place makes, or search would answer differently after a large load than after a small one.
test('a job builds the same index as building in place, for a first load and for papers added to a stored index', () => {
  expect(runSnapshotJob(wholeJob(snapshotJob(undefined, papers)))).toEqual(snapshotOf(papers));
  const [first, rest] = [papers.slice(0, 40), papers.slice(40)];
  expect(runSnapshotJob(wholeJob(snapshotJob(snapshotOf(first), rest)))).toEqual(snapshotOf(papers));
});

test('a paper given again replaces itself in the stored index: its old title, TL;DR and names find it no more', () => {
  const paper = papers.find((candidate) => candidate.title.startsWith('SpecDec++'))!;
  const stored = snapshotOf(papers);
  expect(idsFound(stored, 'specdec')).toContain(paper.id);
  const retitled = { ...paper, title: 'Adaptive candidate lengths for drafting', summary: { ...paper.summary, tldr: 'Drafts stop when they should.', names: [] } };
  const updated = runSnapshotJob(wholeJob(snapshotJob(stored, [retitled])));
  expect(idsFound(updated, 'specdec')).not.toContain(paper.id);
  expect(idsFound(updated, 'drafting candidate lengths')[0]).toBe(paper.id);
  expect(unpackSnapshot(updated).ids).toHaveLength(papers.length);
});

// The job packs each field a line a document: a title with a line break (a feed's or a page's)
// must not shift the papers after it onto each other's rows.
test('a title or TL;DR with line breaks keeps every paper its own id and row', () => {
  const [a, b] = papers as [Paper, Paper];
  const broken = { ...a, title: 'Line one\nline two', summary: { ...a.summary, tldr: 'First\r\nsecond' } };
  const snapshot = unpackSnapshot(runSnapshotJob(wholeJob(snapshotJob(undefined, [broken, b]))));
  expect(snapshot.ids).toEqual([a.id, b.id]);
  expect(JSON.parse(snapshot.rows[1]!).title).toBe(b.title);
  expect(new SearchIndex(snapshot).search('two', 5).map((hit) => hit.id)).toEqual([a.id]);
});

test('a job whose fields do not list as many documents is refused with what is wrong', () => {
  const documents = packDocuments(papers.slice(0, 3).map(searchDocument));
  const refusal = 'A search index job lists 3 documents but not as many lines in each field';
  expect(() => runSnapshotJob({ stored: null, documents: { ...documents, titles: 'one title' } })).toThrow(refusal);
  // A first load keeps the job's ids and rows as they are: they are counted all the same.
  expect(() => runSnapshotJob({ stored: null, documents: { ...documents, rows: documents.rows.replace('\n', ' ') } })).toThrow(refusal);
  expect(() => runSnapshotJob({ stored: null, documents: { ...documents, ids: `${documents.ids}\nextra` } })).toThrow(refusal);
  expect(() => runSnapshotJob({ stored: snapshotOf(papers.slice(3, 5)), documents: { ...documents, rows: documents.rows.replace('\n', ' ') } })).toThrow(refusal);
});

/** A job for papers' documents in parts of `size` (a job's parts hold thousands; here a few of the seed's). */
const jobOf = (stored: SnapshotJobInParts['stored'], from: readonly Paper[], size: number): SnapshotJobInParts => ({
  stored,
  count: from.length,
  parts: Array.from({ length: Math.ceil(from.length / size) }, (_, at) => () => packDocuments(from.slice(at * size, (at + 1) * size).map(searchDocument))),
});

// A thread takes a large job a part at a time: the index it answers must be the one the job makes whole.
test('a job sent in parts is answered once its last part is in, with the index the job makes whole, for a first load and for an update', () => {
  for (const stored of [null, snapshotOf(papers.slice(0, 10))]) {
    const job = jobOf(stored, papers.slice(5), 20);
    const sender = jobSender(job);
    const take = jobReceiver();
    const replies = [...sender.messages()].map(take);
    expect(replies.length).toBeGreaterThan(3);
    expect(replies.slice(0, -1).every((reply) => reply === null)).toBe(true);
    const last = replies.at(-1) as { snapshot: PackedSearchSnapshot };
    expect(sender.snapshot(last.snapshot)).toEqual(runSnapshotJob(wholeJob(job)));
  }
  const none = jobOf(null, [], 20);
  expect(jobReceiver()([...jobSender(none).messages()][0])).toEqual({ snapshot: runSnapshotJob(wholeJob(none)) });
});

// Its rows are stored as they are: a first build's thread need not be sent them and back (30 MB at 100,000 papers).
test('a first build\'s parts cross without their rows, which its answer is given here; an update\'s parts cross whole', () => {
  const first = [...jobSender(jobOf(null, papers, 20)).messages()].slice(1);
  expect(first.some((part) => 'rows' in part)).toBe(false);
  const update = [...jobSender(jobOf(snapshotOf(papers.slice(0, 3)), papers.slice(3), 20)).messages()].slice(1);
  expect(update.every((part) => 'rows' in part)).toBe(true);
});

test('a job taken in parts that is not what was due is answered with what is wrong', () => {
  const part = packDocuments(papers.slice(0, 3).map(searchDocument));
  expect(jobReceiver()({ stored: null })).toMatchObject({ error: expect.stringContaining('a malformed job') });
  const take = jobReceiver();
  take({ stored: null, parts: 2 });
  expect(take({ ...part, count: 'three' })).toMatchObject({ error: expect.stringContaining('a malformed part of a job') });
  const miscounted = jobReceiver();
  miscounted({ stored: null, parts: 2 });
  expect(miscounted({ ...part, titles: 'one title' })).toEqual({ error: 'A search index job lists 3 documents but not as many lines in each field' });
  const update = jobReceiver();
  update({ stored: snapshotOf(papers.slice(3, 5)), parts: 1 });
  expect(update({ ...part, rows: undefined })).toMatchObject({ error: expect.stringContaining('a malformed part of a job') });
  // Answered (a failure here), it takes no more: one answer per job.
  expect(update(part)).toBeNull();
});

test('a first build\'s answer is given its rows only when it holds as many documents as the job', () => {
  const sender = jobSender(jobOf(null, papers.slice(0, 30), 20));
  const take = jobReceiver();
  const replies = [...sender.messages()].map(take);
  const { snapshot } = replies.at(-1) as { snapshot: PackedSearchSnapshot };
  expect(unpackSnapshot(sender.snapshot(snapshot)).rows).toHaveLength(30);
  const other = runSnapshotJob(wholeJob(jobOf(null, papers.slice(0, 29), 20)));
  expect(() => sender.snapshot(other)).toThrow('the search index builder answered 29 documents for a job of 30');
});
