import { FOLDING_SAMPLE, STOPWORDS, tokenize } from './tokenize';

/**
 * "Related papers": TF-IDF cosine similarity over title + abstract, by a brute-force pass over
 * every paper of the store. Terms are numbered and each paper's unit vector is a run of flat
 * typed arrays: at 10,000 papers a Map per paper took ~1.3 s to build and ~80 ms per question.
 */

export interface RelatedDocument {
  id: string;
  title: string;
  abstract: string;
}

export interface RelatedCorpus {
  ids: string[];
  /** Term → its number; `idf[number]` is its inverse document frequency. */
  termNumbers: Map<string, number>;
  idf: Float64Array;
  /** Paper p's vector: `terms[k]` weighs `weights[k]` for `offsets[p] <= k < offsets[p + 1]`. */
  offsets: Uint32Array;
  terms: Uint32Array;
  weights: Float32Array;
}

/**
 * Words of any paper's abstract that say nothing of its subject: discourse ("however",
 * "moreover", "despite"), the research report's verbs and praise ("propose", "outperforms",
 * "significant", "efficient"), counting words, kinds of paper ("lessons", "analysis"), what any
 * model may be ("open-source", "fine-tuned", "model-agnostic"), the field's own name ("model",
 * "LLM"), web addresses and the datasets every vision paper reports on. In a store of a few dozen
 * papers each is rare enough to weigh like a subject: 'ReAGent' (feature attribution) was related
 * to vocabulary trimming by "lms", "original", "seven", "any", and to length extrapolation by
 * "method", "input", "moreover"; Ruler (output length) to LLM-Pruner by "agnostic" and "https".
 * A survey is a subject too: one of datasets for LLMs is related to one of LLMs. "Multi" (of
 * multi-epoch and multi-language) related Token-Crisis to SteloCoder, "case" ("the case for",
 * "case studies") a StackOverflow paper to one on post-training quantization (QA).
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'not no nor but if then so thus hence therefore however moreover furthermore additionally although though despite while whereas yet ' +
    'both either neither each every all any some such other others another same different various several many much more most less least few ' +
    'only even still just very well often usually typically generally commonly widely especially particularly specifically namely ' +
    'al et eg ie etc how what when where why who whom whose whether there here they them it he she you your us do does did done been being ' +
    'will would could should may might must shall cannot about above across after against along among around before below between beyond ' +
    'during over under up down out off upon within without through throughout per since because due like unlike rather instead ' +
    'first second third finally one two three four five six seven eight nine ten hundreds thousands millions billions ii iii iv ' +
    'paper work works study studies studied propose proposes proposed proposing present presents presented introduce introduces introduced ' +
    'show shows showed shown showing demonstrate demonstrates demonstrated demonstrating result results resulting ' +
    'method methods approach approaches technique techniques novel existing previous recent recently current currently state art ' +
    'experiment experiments experimental experimentally empirical empirically extensive extensively ' +
    'perform performs performed performing performance outperform outperforms outperformed outperforming ' +
    'improve improves improved improving improvement improvements achieve achieves achieved achieving ' +
    'effective effectively effectiveness efficient efficiently efficiency significant significantly substantial substantially ' +
    'able ability allow allows allowing enable enables enabling provide provides providing make makes making made use used uses ' +
    'address addresses addressing key important crucial critical main simple simply wide range variety number ' +
    'better best good strong potential possible given consider considered find found addition overall respectively compared ' +
    'task tasks capability capabilities specific available large larger small smaller size sizes original additional further future ' +
    'need needs require requires requiring become increase leverage leverages leveraging explore explores exploring investigate ' +
    'investigates investigating investigation conduct conducted design designed discuss aspects order major impressive struggle ' +
    'research researchers community field landscape development lessons insights analysis review overview comprehensive ' +
    'open source agnostic fine tuned tuning finetune finetuned finetuning learn learns learned learning ' +
    'https http www com org github io html ' +
    'benchmark benchmarks model models lm lms plm plms llm llms mnist cifar svhn imagenet ' +
    'multi general case cases'
  ).split(' '),
);

/** A text's terms that may tell a paper's subject: no generic word, number or single letter ("Part 2", the "s" of "model's"). */
export function subjectTerms(text: string): string[] {
  return tokenize(text).filter((token) => token.length > 1 && !GENERIC_WORDS.has(token) && !/^\d+$/.test(token));
}

/** Calls `count` for each term occurrence of a paper with how much it counts. */
function countTerms(document: Pick<RelatedDocument, 'title' | 'abstract'>, count: (term: string, by: number) => void): void {
  // The title says what the paper is about more densely than any abstract sentence.
  for (const term of subjectTerms(document.title)) count(term, 2);
  for (const term of subjectTerms(document.abstract)) count(term, 1);
}

/** What makes a paper's counted terms beyond `tokenize`: terms counted by another build are counted again (db/related.ts). */
export const TERM_COUNTING = [countTerms.toString(), subjectTerms.toString(), [...GENERIC_WORDS].join(' ')].join('\n');

function termCounts(document: Pick<RelatedDocument, 'title' | 'abstract'>): Map<string, number> {
  const counts = new Map<string, number>();
  countTerms(document, (term, by) => counts.set(term, (counts.get(term) ?? 0) + by));
  return counts;
}

const termWeight = (count: number, idf: number): number => (1 + Math.log(count)) * idf;

/**
 * Papers' term counts as a corpus takes them (RelatedCorpusBuilder.addCounted), tokenized once
 * (RelatedCorpusBuilder.counted):
 * paper p's terms are the dictionary's `terms[k]`, counted `counts[k]` times, for
 * `offsets[p] <= k < offsets[p + 1]`, in the order they first appear in it (title first), the
 * order `add` sums them in, so that a corpus made from counts is the one made from the text.
 */
export interface CountedPapers {
  ids: string[];
  offsets: Uint32Array;
  terms: Uint32Array;
  /** Bytes when every count fits in one (nearly always): 100,000 papers' kept terms are read back at each worker start. */
  counts: Uint8Array | Uint32Array;
}

/** Builds a corpus one paper at a time, so a long build can pause between papers. */
export class RelatedCorpusBuilder {
  private readonly ids: string[] = [];
  private readonly added = new Set<string>();
  private readonly termNumbers = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly terms: number[] = [];
  private readonly counts: number[] = [];
  // The current paper's count of each term (by number), and its terms in order of appearance.
  private readonly countOf: number[] = [];
  private readonly present: number[] = [];

  /** A builder whose term numbers are positions in `dictionary`, for papers counted with it (addCounted). */
  constructor(dictionary: readonly string[] = []) {
    for (const term of dictionary) this.numberOf(term);
  }

  add(document: RelatedDocument): void {
    // A paper read twice (moved while a long build read the store) counts once.
    if (this.added.has(document.id)) return;
    this.added.add(document.id);
    countTerms(document, this.count);
    for (const number of this.present) {
      this.df[number]!++;
      this.terms.push(number);
      this.counts.push(this.countOf[number]!);
      this.countOf[number] = 0;
    }
    this.present.length = 0;
    this.offsets.push(this.terms.length);
    this.ids.push(document.id);
  }

  /** Adds the papers of `counted`, numbered in this builder's dictionary (as `add` would from their text), but those in `skip`. */
  addCounted(counted: CountedPapers, skip: ReadonlySet<string>): void {
    const { offsets, terms, counts } = counted;
    counted.ids.forEach((id, paper) => {
      if (skip.has(id) || this.added.has(id)) return;
      this.added.add(id);
      for (let k = offsets[paper]!; k < offsets[paper + 1]!; k++) {
        const number = terms[k]!;
        this.df[number]!++;
        this.terms.push(number);
        this.counts.push(counts[k]!);
      }
      this.offsets.push(this.terms.length);
      this.ids.push(id);
    });
  }

  /** How many papers it holds: a mark for `counted`. */
  get size(): number {
    return this.ids.length;
  }

  /** The term counts of the papers added between marks `from` and `to` (`size`s), numbered in `dictionary()`. */
  counted(from: number, to: number): CountedPapers {
    const start = this.offsets[from]!;
    const end = this.offsets[to]!;
    const counts = this.counts.slice(start, end);
    return {
      ids: this.ids.slice(from, to),
      offsets: Uint32Array.from(this.offsets.slice(from, to + 1), (offset) => offset - start),
      terms: Uint32Array.from(this.terms.slice(start, end)),
      counts: counts.every((count) => count <= 0xff) ? Uint8Array.from(counts) : Uint32Array.from(counts),
    };
  }

  /** Its terms by number: the dictionary papers counted by it are numbered in. */
  dictionary(): string[] {
    return [...this.termNumbers.keys()];
  }

  private readonly numberOf = (token: string): number => {
    let number = this.termNumbers.get(token);
    if (number === undefined) {
      number = this.df.length;
      this.termNumbers.set(token, number);
      this.df.push(0);
      this.countOf.push(0);
    }
    return number;
  };

  private readonly count = (token: string, by: number): void => {
    const number = this.numberOf(token);
    if (this.countOf[number] === 0) this.present.push(number);
    this.countOf[number]! += by;
  };

  finish(): RelatedCorpus {
    const papers = this.ids.length;
    const idf = new Float64Array(this.df.length);
    this.df.forEach((frequency, number) => (idf[number] = Math.log((papers + 1) / (frequency + 1)) + 1));
    const offsets = Uint32Array.from(this.offsets);
    const weights = new Float32Array(this.terms.length);
    for (let index = 0; index < papers; index++) {
      let norm = 0;
      for (let k = offsets[index]!; k < offsets[index + 1]!; k++) {
        const weight = termWeight(this.counts[k]!, idf[this.terms[k]!]!);
        weights[k] = weight;
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = offsets[index]!; k < offsets[index + 1]!; k++) weights[k]! /= norm;
    }
    return { ids: [...this.ids], termNumbers: new Map(this.termNumbers), idf, offsets, terms: Uint32Array.from(this.terms), weights };
  }
}

export function buildRelatedCorpus(documents: RelatedDocument[]): RelatedCorpus {
  const builder = new RelatedCorpusBuilder();
  for (const document of documents) builder.add(document);
  return builder.finish();
}

/**
 * Below this cosine a paper is not shown as related. In a small store (the snapshot alone) the best
 * matches of a paper on a subject the store lacks share only common words: HallE-Switch (object
 * hallucination in vision-language models) got an encoder paper, a knowledge-capacity paper and a
 * data-rephrasing paper at 0.05–0.1, π0 (robot control) a paper on controlling output length.
 * Without the generic words (GENERIC_WORDS) matches on a subject score higher and chance ones
 * lower: over the snapshot, 0.11 then dropped a fifth of the links judged related (the
 * long-context, scaling-law and code papers' third links) and 0.10 kept all but two while showing
 * half the unrelated ones; over the snapshot and 600 SciTLDR papers it keeps as many of each.
 */
export const MIN_RELATED_SIMILARITY = 0.1;

/**
 * At or above this cosine two papers are one paper under two ids (a workshop and a conference
 * version, a resubmission, a retitled version): of the SciTLDR papers listed twice, all 17 showed
 * their other copy first, at 0.48–1 (14 at 0.62 or more), while the closest different papers of
 * SciTLDR score at most 0.45 and the snapshot's at most 0.29.
 */
export const SAME_PAPER_SIMILARITY = 0.6;

/**
 * Fewer terms than this (a title, a line of text) do not tell one paper from another close one:
 * 'Scaling Laws for Neural Machine Translation' and its multilingual sequel, titles alone, score
 * above SAME_PAPER_SIMILARITY. Real abstracts hold more (SciTLDR: 1 in 100 fewer than 25).
 */
export const SAME_PAPER_MIN_TERMS = 20;

/** Whether papers of `terms` and `otherTerms` distinct terms at cosine `similarity` are one paper. */
const samePaper = (similarity: number, terms: number, otherTerms: number): boolean =>
  similarity >= SAME_PAPER_SIMILARITY && terms >= SAME_PAPER_MIN_TERMS && otherTerms >= SAME_PAPER_MIN_TERMS;

/** How many distinct terms the corpus' paper `paper` has. */
const termCountOf = (corpus: RelatedCorpus, paper: number): number => corpus.offsets[paper + 1]! - corpus.offsets[paper]!;

/** The cosine of the corpus' papers `a` and `b`, with `scratch` (zeros, one per term: left zeros) holding `a`'s vector meanwhile. */
function paperSimilarity(corpus: RelatedCorpus, a: number, b: number, scratch: Float64Array): number {
  const { offsets, terms, weights } = corpus;
  for (let k = offsets[a]!; k < offsets[a + 1]!; k++) scratch[terms[k]!] = weights[k]!;
  let dot = 0;
  for (let k = offsets[b]!; k < offsets[b + 1]!; k++) dot += scratch[terms[k]!]! * weights[k]!;
  for (let k = offsets[a]!; k < offsets[a + 1]!; k++) scratch[terms[k]!] = 0;
  return dot;
}

/** The `count` most similar papers of the corpus to `target` (never the target itself, under its id or another), best first. */
export function relatedTo(corpus: RelatedCorpus, target: RelatedDocument, count = 3): string[] {
  return relatedToEach(corpus, [target], count)[0]!;
}

/**
 * `relatedTo` for each of `targets`, in one pass over the corpus (a feed refresh relates its 50 new
 * papers: 50 passes took ~160 ms over 19,500 papers). A paper's similarity to a target sums, in
 * the paper's term order, only the terms the target holds: the terms it lacks add exactly zero.
 */
export function relatedToEach(corpus: RelatedCorpus, targets: readonly RelatedDocument[], count = 3): string[][] {
  const pass = new RelatedPass(corpus, targets, count);
  pass.scan(0, corpus.ids.length);
  return pass.lists();
}

/**
 * `relatedToEach` in steps: `scan` the corpus' papers a range at a time, in order (a pass over a
 * large corpus for many targets can pause between ranges), then take the `lists`.
 */
export class RelatedPass {
  // Each term of the corpus: the targets holding it and their weight for it, as [target, weight, …].
  // Looked up by term for every term of every paper: a typed array, not a sparse one.
  private readonly holdersOf: Uint32Array;
  private readonly holders: number[][] = [[]];
  private readonly termsOfTarget: number[] = [];
  private readonly norms: number[];
  // Twice as many kept as asked: one paper's two versions take two places until they are told apart.
  private readonly kept: number;
  private readonly best: { paper: number; similarity: number }[][];
  private readonly dots: Float64Array;
  private readonly touched: number[] = [];

  constructor(
    private readonly corpus: RelatedCorpus,
    private readonly targets: readonly RelatedDocument[],
    private readonly count = 3,
  ) {
    // A target's terms the corpus lacks only add to its norm.
    const fallback = Math.log(corpus.ids.length + 1) + 1;
    const holdersOf = (this.holdersOf = new Uint32Array(corpus.idf.length));
    const { holders, termsOfTarget } = this;
    this.norms = targets.map((target, targetNumber) => {
      let norm = 0;
      const counts = termCounts(target);
      termsOfTarget.push(counts.size);
      for (const [term, termCount] of counts) {
        const termNumber = corpus.termNumbers.get(term);
        const weight = termWeight(termCount, termNumber === undefined ? fallback : corpus.idf[termNumber]!);
        if (termNumber !== undefined) {
          if (holdersOf[termNumber] === 0) holdersOf[termNumber] = holders.push([]) - 1;
          holders[holdersOf[termNumber]!]!.push(targetNumber, weight);
        }
        norm += weight * weight;
      }
      return Math.sqrt(norm) || 1;
    });
    this.kept = count * 2;
    this.best = targets.map(() => []);
    this.dots = new Float64Array(targets.length);
  }

  /** Compares the targets with the corpus' papers `from` to `to` (exclusive): call for consecutive ranges. */
  scan(from: number, to: number): void {
    const { corpus, targets, holdersOf, holders, termsOfTarget, norms, kept, best, dots, touched } = this;
    const { offsets, terms, weights } = corpus;
    for (let index = from; index < Math.min(to, corpus.ids.length); index++) {
      for (let k = offsets[index]!; k < offsets[index + 1]!; k++) {
        const slot = holdersOf[terms[k]!]!;
        if (slot === 0) continue;
        const holding = holders[slot]!;
        for (let h = 0; h < holding.length; h += 2) {
          const number = holding[h]!;
          if (dots[number] === 0) touched.push(number);
          dots[number]! += weights[k]! * holding[h + 1]!;
        }
      }
      const id = corpus.ids[index]!;
      for (const number of touched) {
        const similarity = dots[number]! / norms[number]!;
        dots[number] = 0;
        if (similarity < MIN_RELATED_SIMILARITY || id === targets[number]!.id || samePaper(similarity, termsOfTarget[number]!, termCountOf(corpus, index))) continue;
        // Keep the best `kept`, in order (ties: the earlier paper first).
        const list = best[number]!;
        if (list.length === kept && similarity <= list[kept - 1]!.similarity) continue;
        let at = list.length;
        while (at > 0 && list[at - 1]!.similarity < similarity) at--;
        list.splice(at, 0, { paper: index, similarity });
        if (list.length > kept) list.pop();
      }
      touched.length = 0;
    }
  }

  /** Each target's related papers among the papers scanned, best first. */
  lists(): string[][] {
    const { corpus, count } = this;
    // Of a paper's versions, the most similar one.
    const scratch = new Float64Array(corpus.idf.length);
    return this.best.map((list) => {
      const shown: number[] = [];
      for (const { paper } of list) {
        if (shown.length === count) break;
        const paperTerms = termCountOf(corpus, paper);
        if (!shown.some((other) => samePaper(paperSimilarity(corpus, other, paper, scratch), termCountOf(corpus, other), paperTerms))) shown.push(paper);
      }
      return shown.map((paper) => corpus.ids[paper]!);
    });
  }
}

/**
 * Bump it with a change of code that changes which papers are related (tokenizing, counting and
 * weighing terms, the title's weight among them, the floor or the same-paper test) beyond the
 * constants RELATED_RULE lists: unit related-rule fails until it is bumped. Stored related lists made under another rule are made
 * again (db/related-lists.ts).
 */
export const RELATED_RULE_VERSION = 1;

/**
 * The related rule, from its constants, not its functions' source (which a bundler's renaming
 * changes with code that changes nothing here): what the stored related lists were made under.
 */
export const RELATED_RULE = JSON.stringify({
  version: RELATED_RULE_VERSION,
  stopwords: [...STOPWORDS],
  genericWords: [...GENERIC_WORDS],
  minSimilarity: MIN_RELATED_SIMILARITY,
  samePaper: [SAME_PAPER_SIMILARITY, SAME_PAPER_MIN_TERMS],
  // What the tokenizer folds (Ł, ß, Greek letters) and keeps, as it does it.
  sample: subjectTerms(FOLDING_SAMPLE),
});
