import { RelatedListsStateSchema, type Paper, type RelatedListsState } from '../schema';
import { RELATED_RULE, RelatedPass, type RelatedCorpus } from '../search/related';
import type { PaperLensDatabase } from './database';
import { PAPERS_PER_BLOCK, type PaperBlockRow } from './paper-blocks';
import { equalLists } from '../equal-lists';

/** The `meta` record of the rule the stored related lists follow (RelatedListsState). */
export const RELATED_LISTS_KEY = 'relatedLists';
// Papers related at a time (8 blocks of 50; 2 of a large load's 200), in one pass over the corpus,
// then written: a pass costs a scan of the corpus plus its targets' share, so more targets a pass
// make fewer scans (and each slice of it longer: 1,600 targets kept lookups waiting 56 ms, median).
const PAPERS_PER_STEP = 8 * PAPERS_PER_BLOCK;
/**
 * Corpus papers a pass compares its targets with before it lets other work in (cards' lookups):
 * ~25 ms for a step's 400 papers (Node). A whole pass at once kept lookups waiting up to 0.7 s in
 * the bench (10,000 papers, 200 a pass).
 */
const SCANNED_PER_SLICE = 1_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Related lists of `targets` over `corpus`, SCANNED_PER_SLICE papers of it at a time. */
async function relatedInSlices(corpus: RelatedCorpus, targets: readonly Paper[]): Promise<string[][]> {
  const pass = new RelatedPass(corpus, targets);
  for (let from = 0; from < corpus.ids.length; from += SCANNED_PER_SLICE) {
    pass.scan(from, from + SCANNED_PER_SLICE);
    await nextTask();
  }
  return pass.lists();
}

function storedState(value: string | undefined): RelatedListsState | null {
  try {
    const parsed = RelatedListsStateSchema.safeParse(JSON.parse(value ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    // Unreadable: the lists are made again, which changes nothing of lists made under this rule.
    return null;
  }
}

const stateRow = (nextBlock: number | null) => ({ key: RELATED_LISTS_KEY, value: JSON.stringify(RelatedListsStateSchema.parse({ rule: RELATED_RULE, nextBlock })) });

/** The first blocks that hold a step's papers (at least one). */
function withinStep(rows: PaperBlockRow[]): PaperBlockRow[] {
  let papers = 0;
  let count = 0;
  while (count < rows.length && (count === 0 || papers + rows[count]!.papers.length <= PAPERS_PER_STEP)) papers += rows[count++]!.papers.length;
  return rows.slice(0, count);
}

/**
 * After an update that changes the related rule (RELATED_RULE), makes the stored related lists of
 * the papers the feed brought again, under it and over the whole store: they were made once, on
 * arrival, and their cards kept the links of the rule they arrived under. Bundled papers bring
 * theirs from the snapshot (whose version, a hash of its papers, changes with them: it is loaded
 * again). PAPERS_PER_STEP papers a step, each step's write noting where it got to, so that a
 * worker stopped midway goes on from there; a list is all a step changes (saved items, notes and
 * tags are in other tables), and blocks keep their `written` stamp (their text, the kept terms,
 * did not change). A no-op (one read) once the lists follow the rule. Returns how many lists changed.
 */
export async function refreshRelatedLists(db: PaperLensDatabase, corpusOf: () => Promise<RelatedCorpus>): Promise<number> {
  const state = storedState((await db.meta.get(RELATED_LISTS_KEY))?.value);
  // Another rule's lists, or none noted (made before this note was kept): all made again.
  const resumeAt = state?.rule === RELATED_RULE ? state.nextBlock : 0;
  if (resumeAt === null) return 0;
  let next = resumeAt;
  // Built at the first feed paper (a fresh install has none).
  let corpus: { built: RelatedCorpus; ids: Set<string> } | null = null;
  let changed = 0;
  let blocksPerStep = PAPERS_PER_STEP / PAPERS_PER_BLOCK;
  for (;;) {
    const rows = withinStep(await db.paperBlocks.where('block').aboveOrEqual(next).limit(blocksPerStep).toArray());
    if (rows.length === 0) break;
    blocksPerStep = Math.max(1, Math.floor(PAPERS_PER_STEP / Math.max(...rows.map((row) => row.papers.length))));
    next = rows[rows.length - 1]!.block + 1;
    const feedPapers = rows.flatMap((row) => row.papers.filter((paper) => paper.source !== 'seed'));
    if (feedPapers.length > 0) corpus ??= await corpusOf().then((built) => ({ built, ids: new Set(built.ids) }));
    const read = corpus;
    // Papers that arrived after the corpus was read were related on arrival, under this rule.
    const targets = read ? feedPapers.filter((paper) => read.ids.has(paper.id)) : [];
    const lists = read && targets.length > 0 ? await relatedInSlices(read.built, targets) : [];
    const made = new Map(targets.map((paper, index) => [paper.id, { read: paper, related: lists[index]! }]));
    const remade = (paper: Paper): Paper => {
      const list = made.get(paper.id);
      // A paper whose text changed since it was read (retitled) keeps its list.
      if (!list || paper.source === 'seed' || paper.title !== list.read.title || paper.abstract !== list.read.abstract || equalLists(paper.related, list.related)) return paper;
      changed++;
      return { ...paper, related: list.related };
    };
    await db.transaction('rw', db.paperBlocks, db.meta, async () => {
      const current = await db.paperBlocks.bulkGet(rows.map((row) => row.block));
      const written = current.flatMap((row) => {
        if (!row) return [];
        const papers = row.papers.map(remade);
        return papers.some((paper, index) => paper !== row.papers[index]) ? [{ ...row, papers }] : [];
      });
      await db.paperBlocks.bulkPut(written);
      await db.meta.put(stateRow(next));
    });
  }
  await db.meta.put(stateRow(null));
  return changed;
}
