/**
 * Trains the TL;DR picker: `npm run train:tldr -- [--train file] [--dev file] [--no-write] [--cv k] [--dev-cv k]`.
 * 1. Word model: from SciTLDR train, how often each frequent stem of an abstract appears in its
 *    TL;DR (smoothed log-odds), then a logistic model over word features (src/summarize/tldr.ts
 *    abstractStems) of whether a stem of the abstract is in the TL;DR. A training abstract's own
 *    features use log-odds counted without it (leave-one-out). Prints the word model's log-loss and
 *    AUC on train and dev stems (`--word-only` stops there).
 * 2. Ranker: every candidate (sentence or trimmed sentence) of a training abstract gets its ROUGE-1
 *    F against the gold TL;DR(s); a linear scorer is fitted so the softmax over an abstract's
 *    candidates matches the softmax of their ROUGE (full-batch Adam, L2). A few temperatures are
 *    compared on dev; the best model is written to src/summarize/tldr-model.ts.
 * `--cv k` instead scores the ranker at each temperature by k-fold cross-validation on train (fold =
 * line index mod k; each fold's word model and ranker are fitted on the other folds): an estimate
 * on unseen papers that no tuning has looked at, as dev has been looked at by every change.
 * `--temperature t` keeps that one temperature. `--hidden k [--hidden-iterations n]` (with `--cv`
 * only: the picker's ranker is linear) also scores, on the same folds, the linear ranker plus k tanh
 * units fitted on top of it with the same loss for n Adam steps: whether a non-linear scorer would
 * rank better. 5 folds, T=1: linear 39.13, plus 8 units after 150 steps 39.08.
 * Also tried without gain (dev R1 of this script at T=1 / 5-fold CV; this code: 42.68 / 39.13):
 * more word features (acronyms, "(ABC)" definitions, capitals, first/last sentence, place in the
 * sentence, word length, title count, stems rarer than the table, products of the features; word
 * AUC on dev 0.820 -> 0.824) 42.53-42.68 / 39.17-39.21; a larger copy table (stems in 8+ abstracts)
 * with them 42.68 / 39.21; candidate features (expected ROUGE-2, title bigrams, similarity to the
 * abstract, length against its mean sentence, the best word probability, what a trim drops, rank
 * by expected ROUGE, a bag-of-words prior of the best sentence) 42.52-42.71 / 39.05-39.20; 20 or
 * 80 openings 42.69 / 39.21, 42.61 / 39.15; standardised features 42.70 / 39.05; T=0.1 or 3
 * 42.48 / 38.97, 42.71 / 39.15; targets R1 + R2 / 2 or the title as a second gold 42.52 / 39.11,
 * 41.71 / 37.82; expected R1 under the softmax, fine-tuned from this ranker, 41.89-42.30 on dev.
 * Train's golds are the authors' alone; dev's second and later golds are peer reviewers' ("This
 * paper proposes …"), so what dev and test add over train is not in train to learn.
 * `--dev-cv k --temperature t [--dev-weights 0,1,3] [--dev-words any|per-gold|dev-only]` asks whether
 * learning from dev's multi-gold papers too would help on unseen ones: dev in k folds (index mod
 * k), each scored by a word model and ranker fitted on train plus the other dev folds, these
 * weighing w in the ranker's loss (0: train alone), the word statistics from train and dev (a stem
 * in the TL;DR if in any gold, or per-gold: by the share of golds with it) or from dev alone;
 * mean R1 over all 619 dev papers, each scored once. 5 folds, T=1: train alone 42.68; with dev
 * x1 / x3 / x10: any 42.61 / 42.68 / 42.45, per-gold 42.59 / 42.70 / 42.49, dev-only 42.58 / 42.53
 * / 42.37 (x2, any: 42.67). On the 288 dev papers with 3+ golds (most of them reviewers', as on
 * test): train alone 44.24, x1 / x3 any 44.31 / 44.39, per-gold 44.26 / 44.46. No gain that clears
 * fold noise (folds 40.9-43.5): the shipped model is trained on train alone.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abstractStems, cleanSentences, eligibleCandidates, featurize, opening, score, stem, tldrFeatureCount, TOKEN_FEATURE_COUNT, words, type TldrLexicon, type TldrModel } from '../src/summarize/tldr';
import { loadExceptions, rougeBestTarget } from '../bench/rouge';
import { loadTldr, type TldrRecord } from '../bench/tldr-data';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Example {
  feats: number[][];
  r1: number[]; // ROUGE-1 F of each candidate: optimised, and reported
  weight?: number; // in the ranker's loss (1 if absent)
}

const stemsOf = (text: string): string[] => words(text).map(stem);
const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
// Stems in fewer training abstracts than this share the default log-odds (keeps the table small).
const MIN_ABSTRACTS = 20;
const PREFIXES = 40;
// The ranker's L2 penalty (1e-3 beat 1e-4, 3e-3 and 1e-2 on dev, by about 0.1 R1: noise-level).
const RANK_L2 = 1e-3;

function topKeys(counts: Map<string, number>, k: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([key]) => key);
}

interface FittedLexicon {
  lexicon: TldrLexicon;
  /**
   * The lexicon as a training abstract sees it: copy log-odds counted without that abstract (its
   * own TL;DR would otherwise leak into its features, most for stems in few abstracts, and make the
   * expected-ROUGE feature look more reliable on train than on unseen papers).
   */
  heldOut: (r: TldrRecord) => TldrLexicon;
}

/**
 * How much each stem of `r`'s golds counts as in its TL;DR: 1 if in any gold, or (`perGold`) the
 * share of its golds that have it (the same for a paper with one gold).
 */
function goldShares(r: TldrRecord, perGold: boolean): Map<string, number> {
  const shares = new Map<string, number>();
  const golds = r.target.map((t) => new Set(stemsOf(t)));
  for (const gold of golds) for (const s of gold) shares.set(s, perGold ? (shares.get(s) ?? 0) + 1 / golds.length : 1);
  return shares;
}

/** The word model and word lists, from the training abstracts alone. */
function fitLexicon(records: TldrRecord[], perGold = false): FittedLexicon {
  const inAbstract = new Map<string, number>();
  const inTldr = new Map<string, number>();
  const tldrPrefix = new Map<string, number>();
  const sentencePrefix = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string): void => void m.set(key, (m.get(key) ?? 0) + 1);
  for (const r of records) {
    const gold = goldShares(r, perGold);
    for (const s of new Set(r.source.flatMap(stemsOf))) {
      bump(inAbstract, s);
      inTldr.set(s, (inTldr.get(s) ?? 0) + (gold.get(s) ?? 0));
    }
    for (const t of r.target) bump(tldrPrefix, opening(words(t)));
    for (const t of r.source) bump(sentencePrefix, opening(words(t)));
  }
  let abstracts = 0;
  let tldrs = 0;
  for (const [s, n] of inAbstract) {
    abstracts += n;
    tldrs += inTldr.get(s) ?? 0;
  }
  const prior = tldrs / abstracts;
  const copyLogit = (hits: number, n: number): number => Math.round(100 * logit((hits + 5 * prior) / (n + 5))) / 100;
  const copyLogits: Record<string, number> = {};
  for (const s of [...inAbstract.keys()].sort()) {
    const n = inAbstract.get(s)!;
    if (n >= MIN_ABSTRACTS) copyLogits[s] = copyLogit(inTldr.get(s) ?? 0, n);
  }
  let lexicon: TldrLexicon = {
    tokenWeights: [],
    copyLogits,
    defaultCopyLogit: Math.round(100 * logit(prior)) / 100,
    candidatePrefixes: topKeys(tldrPrefix, PREFIXES),
    sentencePrefixes: topKeys(sentencePrefix, PREFIXES),
  };
  const heldOut = (r: TldrRecord): TldrLexicon => {
    const gold = goldShares(r, perGold);
    const own: Record<string, number> = {};
    for (const s of new Set(r.source.flatMap(stemsOf))) {
      const n = (inAbstract.get(s) ?? 0) - 1;
      if (n >= MIN_ABSTRACTS) own[s] = copyLogit((inTldr.get(s) ?? 0) - (gold.get(s) ?? 0), n);
    }
    return { ...lexicon, copyLogits: own };
  };
  // Logistic regression: is this stem of the abstract in the TL;DR?
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const r of records) {
    const gold = goldShares(r, perGold);
    for (const [s, f] of abstractStems(r.title, r.source, heldOut(r))) {
      xs.push(f);
      ys.push(gold.get(s) ?? 0);
    }
  }
  const w = adam(TOKEN_FEATURE_COUNT, 300, 0, (wt, grad) => {
    xs.forEach((x, k) => {
      const err = sigmoid(score(x, wt)) - ys[k]!;
      for (let j = 0; j < x.length; j++) grad[j]! += (err * x[j]!) / xs.length;
    });
  });
  lexicon = { ...lexicon, tokenWeights: w.map((x) => Math.round(1000 * x) / 1000) };
  return { lexicon, heldOut: (r) => ({ ...heldOut(r), tokenWeights: lexicon.tokenWeights }) };
}

/**
 * Full-batch Adam from `start` (a vector, or a length for zeros): `gradient` adds the loss gradient
 * at `w` into `grad`; L2 is added here.
 */
function adam(start: number | number[], iterations: number, l2: number, gradient: (w: number[], grad: number[]) => void, lr = 0.05): number[] {
  const w = typeof start === 'number' ? new Array<number>(start).fill(0) : [...start];
  const d = w.length;
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  for (let it = 1; it <= iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    gradient(w, grad);
    for (let j = 0; j < d; j++) {
      const g = grad[j]! + l2 * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * g;
      v[j] = 0.999 * v[j]! + 0.001 * g * g;
      w[j]! -= (lr * (m[j]! / (1 - 0.9 ** it))) / (Math.sqrt(v[j]! / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return w;
}

function prepare(records: TldrRecord[], lexiconOf: (r: TldrRecord) => TldrLexicon): Example[] {
  const ex = loadExceptions();
  return records.map((r) => {
    // Already cleaned by load().
    const sentences = r.source;
    const cands = eligibleCandidates(sentences);
    const scores = cands.map((c) => rougeBestTarget(c.text, r.target, ex));
    return { feats: featurize(r.title, sentences, cands, lexiconOf(r)), r1: scores.map((s) => s.r1) };
  });
}

function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/**
 * Ranker weights: softmax over candidates fitted to the softmax of their ROUGE-1 at `temperature`,
 * each abstract weighing its `weight` in the loss.
 */
export function train(data: Example[], d: number, temperature: number): number[] {
  const total = data.reduce((sum, ex) => sum + (ex.weight ?? 1), 0);
  return adam(d, 400, RANK_L2, (w, grad) => {
    for (const ex of data) {
      const p = softmax(ex.feats.map((f) => score(f, w)));
      const q = softmax(ex.r1.map((r) => r / temperature));
      ex.feats.forEach((f, c) => {
        const k = ((ex.weight ?? 1) * (p[c]! - q[c]!)) / total;
        for (let j = 0; j < d; j++) grad[j]! += k * f[j]!;
      });
    }
  });
}

// The hidden units' L2, Adam step and random start (seeded: the same figures on every run).
const HIDDEN_L2 = 1e-3;
const HIDDEN_LR = 0.003;
const HIDDEN_SEED = 1;

/** Uniform numbers in [0, 1) from a seed (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The linear ranker `w` plus `units` tanh units fitted on top of it with the same loss (`w` stays
 * as it is, so the units can only add what a linear score misses), as a scorer of a candidate's
 * features. The units see the features standardised by their means and deviations in `data`.
 */
export function trainHidden(data: Example[], w: number[], temperature: number, units: number, iterations: number): (features: number[]) => number {
  const d = w.length;
  const all = data.flatMap((ex) => ex.feats);
  const mean = Array.from({ length: d }, (_, k) => all.reduce((sum, f) => sum + f[k]!, 0) / all.length);
  const sd = mean.map((m, k) => Math.sqrt(all.reduce((sum, f) => sum + (f[k]! - m) ** 2, 0) / all.length) || 1);
  const standardise = (f: number[]): number[] => f.map((x, k) => (x - mean[k]!) / sd[k]!);
  const xs = data.map((ex) => ex.feats.map(standardise));
  const linear = data.map((ex) => ex.feats.map((f) => score(f, w)));
  const targets = data.map((ex) => softmax(ex.r1.map((r) => r / temperature)));
  // Per unit its d weights and its bias, then the units' output weights; a random start (weights of
  // variance 1/d, small outputs) so the units differ from one another.
  const row = d + 1;
  const outAt = units * row;
  const random = seeded(HIDDEN_SEED);
  const start = Array.from({ length: outAt + units }, (_, k) => (k >= outAt ? 0.17 : k % row === d ? 0 : Math.sqrt(3 / d)) * (2 * random() - 1));
  const unitsOf = (p: number[], x: number[]): number[] =>
    Array.from({ length: units }, (_, j) => {
      let z = p[j * row + d]!;
      for (let k = 0; k < d; k++) z += x[k]! * p[j * row + k]!;
      return Math.tanh(z);
    });
  const added = (p: number[], h: number[]): number => h.reduce((sum, v, j) => sum + v * p[outAt + j]!, 0);
  const p = adam(
    start,
    iterations,
    HIDDEN_L2,
    (p, grad) => {
      xs.forEach((cands, e) => {
        const h = cands.map((x) => unitsOf(p, x));
        const probs = softmax(h.map((hc, c) => linear[e]![c]! + added(p, hc)));
        cands.forEach((x, c) => {
          const g = (probs[c]! - targets[e]![c]!) / data.length;
          for (let j = 0; j < units; j++) {
            const hj = h[c]![j]!;
            grad[outAt + j]! += g * hj;
            const dz = g * p[outAt + j]! * (1 - hj * hj);
            for (let k = 0; k < d; k++) grad[j * row + k]! += dz * x[k]!;
            grad[j * row + d]! += dz;
          }
        });
      });
    },
    HIDDEN_LR,
  );
  return (features) => score(features, w) + added(p, unitsOf(p, standardise(features)));
}

/** Mean ROUGE-1 F (×100) of the candidate `scoreOf` weighs best. */
export function evaluate(data: Example[], scoreOf: (features: number[]) => number): number {
  let total = 0;
  for (const ex of data) {
    let best = 0;
    let bestScore = -Infinity;
    ex.feats.forEach((f, c) => {
      const sc = scoreOf(f);
      if (sc > bestScore) {
        bestScore = sc;
        best = c;
      }
    });
    total += ex.r1[best]!;
  }
  return (100 * total) / data.length;
}

/** Log-loss and AUC of the word model on the stems of `records` (is the stem in any gold TL;DR?). */
function wordModelQuality(records: TldrRecord[], lexiconOf: (r: TldrRecord) => TldrLexicon): string {
  const pairs: [number, number][] = [];
  let loss = 0;
  for (const r of records) {
    const gold = new Set(r.target.flatMap(stemsOf));
    const sentences = r.source;
    const lexicon = lexiconOf(r);
    for (const [s, f] of abstractStems(r.title, sentences, lexicon)) {
      const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(score(f, lexicon.tokenWeights))));
      const y = gold.has(s) ? 1 : 0;
      loss -= y ? Math.log(p) : Math.log(1 - p);
      pairs.push([p, y]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let rankSum = 0;
  for (let k = 0; k < pairs.length; ) {
    let e = k;
    while (e < pairs.length && pairs[e]![0] === pairs[k]![0]) e++;
    const midRank = (k + 1 + e) / 2;
    for (let j = k; j < e; j++) if (pairs[j]![1]) {
      pos++;
      rankSum += midRank;
    }
    k = e;
  }
  const neg = pairs.length - pos;
  const auc = (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
  return `log-loss ${(loss / pairs.length).toFixed(4)} AUC ${auc.toFixed(4)} (${pairs.length} stems)`;
}

const TEMPERATURES = [0.3, 0.5, 0.7, 1];

/** Hidden units scored by --cv beside the linear ranker (0: none). */
interface HiddenOptions {
  units: number;
  iterations: number;
}

/** Mean R1 (×100) of the picks on each held-out fold, by temperature (and with hidden units). Writes nothing. */
function crossValidate(records: TldrRecord[], folds: number, temperatures: number[], hidden: HiddenOptions): void {
  const rows = new Map<string, number[]>();
  const add = (row: string, r1: number): void => void rows.set(row, [...(rows.get(row) ?? []), r1]);
  for (let fold = 0; fold < folds; fold++) {
    const fitted = records.filter((_, k) => k % folds !== fold);
    const { lexicon, heldOut } = fitLexicon(fitted);
    const fittedData = prepare(fitted, heldOut);
    const foldData = prepare(records.filter((_, k) => k % folds === fold), () => lexicon);
    for (const temperature of temperatures) {
      const w = train(fittedData, tldrFeatureCount(lexicon), temperature);
      add(`T=${temperature}`, evaluate(foldData, (f) => score(f, w)));
      if (hidden.units) add(`T=${temperature} + ${hidden.units} units, ${hidden.iterations} steps`, evaluate(foldData, trainHidden(fittedData, w, temperature, hidden.units, hidden.iterations)));
    }
  }
  for (const [row, scores] of rows) {
    const mean = scores.reduce((a, b) => a + b, 0) / folds;
    console.log(`${row}  ${folds}-fold CV R1 ${mean.toFixed(2)}  (folds ${scores.map((x) => x.toFixed(2)).join(' ')})`);
  }
}

/**
 * Word statistics when dev is trained on: from train and dev, a stem in the TL;DR if in any gold or
 * (per-gold) counted by the share of golds that have it; or from the dev folds alone (per-gold).
 */
type DevWords = 'any' | 'per-gold' | 'dev-only';

/**
 * Mean R1 (×100) over all dev papers, each scored by the model fitted without it: dev split in
 * `folds` (index mod folds), each fold scored by a word model and ranker fitted on train plus the
 * other dev folds, these weighing `weight` in the ranker's loss (weight 0: train alone). Writes nothing.
 */
function devCrossValidate(trainRecords: TldrRecord[], devRecords: TldrRecord[], folds: number, temperature: number, weights: number[], words: DevWords): void {
  const totals = new Map<number, number>();
  const perFold = new Map<number, number[]>();
  const manyTotals = new Map<number, number>();
  const manyPapers = devRecords.filter((r) => r.target.length >= 3).length;
  let trainOnly: { lexicon: TldrLexicon; w: number[] } | undefined;
  for (let fold = 0; fold < folds; fold++) {
    const heldOutDev = devRecords.filter((_, k) => k % folds === fold);
    const otherDev = devRecords.filter((_, k) => k % folds !== fold);
    let withDev: FittedLexicon | undefined;
    let withDevData: Example[] = [];
    if (weights.some((x) => x > 0) && words === 'dev-only') {
      withDev = fitLexicon(otherDev, true);
      const { lexicon } = withDev;
      withDevData = [...prepare(trainRecords, () => lexicon), ...prepare(otherDev, withDev.heldOut)];
    } else if (weights.some((x) => x > 0)) {
      withDev = fitLexicon([...trainRecords, ...otherDev], words === 'per-gold');
      withDevData = prepare([...trainRecords, ...otherDev], withDev.heldOut);
    }
    for (const weight of weights) {
      let lexicon: TldrLexicon;
      let w: number[];
      if (weight === 0) {
        // Train alone: the same model for every fold.
        if (!trainOnly) {
          const fitted = fitLexicon(trainRecords);
          trainOnly = { lexicon: fitted.lexicon, w: train(prepare(trainRecords, fitted.heldOut), tldrFeatureCount(fitted.lexicon), temperature) };
        }
        ({ lexicon, w } = trainOnly);
      } else {
        lexicon = withDev!.lexicon;
        const data = withDevData.map((ex, k) => (k < trainRecords.length ? ex : { ...ex, weight }));
        w = train(data, tldrFeatureCount(lexicon), temperature);
      }
      const foldData = prepare(heldOutDev, () => lexicon);
      const r1 = evaluate(foldData, (f) => score(f, w));
      totals.set(weight, (totals.get(weight) ?? 0) + r1 * foldData.length);
      // Papers with three or more golds, most of them reviewers': closer to test than dev as a whole.
      const many = foldData.filter((_, k) => heldOutDev[k]!.target.length >= 3);
      manyTotals.set(weight, (manyTotals.get(weight) ?? 0) + (many.length ? evaluate(many, (f) => score(f, w)) * many.length : 0));
      perFold.set(weight, [...(perFold.get(weight) ?? []), r1]);
      console.log(`fold ${fold} dev weight ${weight}: R1 ${r1.toFixed(2)} (${foldData.length} papers)`);
    }
  }
  for (const weight of weights) {
    const label = weight === 0 ? 'train alone' : `train + other dev folds x${weight}, ${words} words`;
    console.log(`${label.padEnd(28)} T=${temperature}  ${folds}-fold dev-CV R1 ${((totals.get(weight) ?? 0) / devRecords.length).toFixed(2)}, on the ${manyPapers} with 3+ golds ${((manyTotals.get(weight) ?? 0) / manyPapers).toFixed(2)}  (folds ${perFold.get(weight)!.map((x) => x.toFixed(2)).join(' ')})`);
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const k = argv.indexOf(name);
    return k >= 0 ? argv[k + 1] ?? fallback : fallback;
  };
  const trainPath = arg('--train', resolve(ROOT, 'data/scitldr/train.jsonl'));
  const devPath = arg('--dev', resolve(ROOT, 'data/scitldr/dev.jsonl'));
  const write = !argv.includes('--no-write');
  // The sentences as the picker sees them (re-split by splitSentences; see cleanSentences).
  const load = (path: string): TldrRecord[] => loadTldr(path).map((r) => ({ ...r, source: cleanSentences(r.source) }));
  const trainRecords = load(trainPath);
  const temperatures = argv.includes('--temperature') ? [Number(arg('--temperature', ''))] : TEMPERATURES;
  if (!temperatures.every((t) => t > 0)) throw new Error(`--temperature takes a number above 0 (got "${arg('--temperature', '')}")`);
  const hidden = { units: Number(arg('--hidden', '0')), iterations: Number(arg('--hidden-iterations', '150')) };
  if (!Number.isInteger(hidden.units) || hidden.units < 0 || !Number.isInteger(hidden.iterations) || hidden.iterations < 1) {
    throw new Error('--hidden takes a whole number of units, --hidden-iterations a whole number of steps above 0');
  }
  if (argv.includes('--cv')) {
    const folds = Number(arg('--cv', ''));
    if (!Number.isInteger(folds) || folds < 2) throw new Error(`--cv takes a number of folds of 2 or more (got "${arg('--cv', '')}")`);
    return crossValidate(trainRecords, folds, temperatures, hidden);
  }
  if (hidden.units) throw new Error('--hidden goes with --cv: the picker ranks with a linear model');
  if (argv.includes('--dev-cv')) {
    const folds = Number(arg('--dev-cv', ''));
    if (!Number.isInteger(folds) || folds < 2) throw new Error(`--dev-cv takes a number of folds of 2 or more (got "${arg('--dev-cv', '')}")`);
    const weights = arg('--dev-weights', '0,1').split(',').map(Number);
    if (!weights.every((x) => x >= 0)) throw new Error(`--dev-weights takes weights of 0 or more, comma-separated (got "${arg('--dev-weights', '')}")`);
    if (temperatures.length !== 1) throw new Error('--dev-cv goes with --temperature t');
    const devWords = arg('--dev-words', 'any');
    if (devWords !== 'any' && devWords !== 'per-gold' && devWords !== 'dev-only') throw new Error(`--dev-words takes any, per-gold or dev-only (got "${devWords}")`);
    return devCrossValidate(trainRecords, load(devPath), folds, temperatures[0]!, weights, devWords);
  }
  const { lexicon, heldOut } = fitLexicon(trainRecords);
  const trainData = prepare(trainRecords, heldOut);
  const devRecords = load(devPath);
  console.log(`word model: train ${wordModelQuality(trainRecords, heldOut)}; dev ${wordModelQuality(devRecords, () => lexicon)}`);
  if (argv.includes('--word-only')) return;
  const devData = prepare(devRecords, () => lexicon);
  const d = tldrFeatureCount(lexicon);
  console.log(`train ${trainData.length} abstracts, dev ${devData.length}; ${d} features; word model ${lexicon.tokenWeights.join(' ')}`);
  let best: { w: number[]; dev: number; temperature: number } | undefined;
  for (const temperature of temperatures) {
    const w = train(trainData, d, temperature);
    const dev = evaluate(devData, (f) => score(f, w));
    console.log(`T=${temperature}  train R1 ${evaluate(trainData, (f) => score(f, w)).toFixed(2)}  dev R1 ${dev.toFixed(2)}`);
    if (!best || dev > best.dev) best = { w, dev, temperature };
  }
  if (!best) return;
  // Integers keep the file small; only the ranking matters, so the scale is free.
  const scale = 999 / Math.max(...best.w.map(Math.abs));
  const ranker = best.w.map((x) => Math.round(x * scale));
  console.log(`best T=${best.temperature}; dev R1 with integer weights ${evaluate(devData, (f) => score(f, ranker)).toFixed(2)}`);
  if (write) {
    const file = resolve(ROOT, 'src/summarize/tldr-model.ts');
    const model: TldrModel = { ...lexicon, ranker };
    writeFileSync(
      file,
      `// Generated by \`npm run train:tldr\` (SciTLDR train; T=${best.temperature}, dev R1 ${best.dev.toFixed(2)}). Do not edit.\n` +
        `import type { TldrModel } from './tldr';\n\n` +
        `export const TLDR_MODEL: TldrModel = ${JSON.stringify(model)};\n`,
    );
    console.log(`wrote ${file}`);
  }
}

// Run as a script (npm run train:tldr), not when a test imports the trainer.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
