/**
 * TL;DR benchmark: `npm run bench:tldr -- [--data file.jsonl] [--out preds.jsonl] [--joined] [--analyze]`.
 * Prints ROUGE-1/2/L F1 (×100, SciTLDR convention: best target by ROUGE-1 per paper) of pickTldr,
 * Lead-1 and the oracle best single source sentence, plus pickTldr's time per abstract and the 95%
 * interval of its mean R1. `--analyze` adds where the picker loses: how often it picks from the
 * best sentence, and R1 with perfect trimming of its sentence and with a perfect pick; and how R1
 * grows with the number of gold TL;DRs a paper has (a split with more of them scores higher).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pickTldr, splitSentences, summarize, topicsFor } from '../src/summarize/index';
import { cleanSentences, scoredCandidates } from '../src/summarize/tldr';
import { loadExceptions, rougeBestTarget, type RougeScores } from './rouge';
import { loadTldr, type TldrRecord } from './tldr-data';

interface Options {
  data: string;
  out: string | undefined;
  joined: boolean;
  analyze: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { data: 'data/scitldr/dev.jsonl', out: undefined, joined: false, analyze: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--data') opts.data = argv[++k] ?? opts.data;
    else if (arg.startsWith('--data=')) opts.data = arg.slice(7);
    else if (arg === '--out') opts.out = argv[++k];
    else if (arg.startsWith('--out=')) opts.out = arg.slice(6);
    else if (arg === '--joined') opts.joined = true;
    else if (arg === '--analyze') opts.analyze = true;
    else if (arg !== '--') throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

/** Each record's time through `run`, after a warm-up of the JIT on the first 50. */
function timed(records: TldrRecord[], run: (record: TldrRecord) => void): number[] {
  for (const r of records.slice(0, 50)) run(r);
  return records.map((r) => {
    const t0 = performance.now();
    run(r);
    return performance.now() - t0;
  });
}

function meanAndP95(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
  return `mean ${mean.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`;
}

class Mean {
  r1 = 0;
  r2 = 0;
  rl = 0;
  n = 0;
  private r1Squares = 0;
  add(s: RougeScores): void {
    this.r1 += s.r1;
    this.r2 += s.r2;
    this.rl += s.rl;
    this.r1Squares += s.r1 * s.r1;
    this.n++;
  }
  /** Half-width of the 95% interval of the mean R1 (×100): 1.96 standard errors over papers. */
  r1Interval(): number {
    if (this.n < 2) return 0;
    const mean = this.r1 / this.n;
    const variance = (this.r1Squares - this.n * mean * mean) / (this.n - 1);
    return 100 * 1.96 * Math.sqrt(variance / this.n);
  }
  line(name: string): string {
    const f = (x: number): string => ((100 * x) / Math.max(1, this.n)).toFixed(2).padStart(6);
    return `${name.padEnd(22)} R1 ${f(this.r1)}   R2 ${f(this.r2)}   RL ${f(this.rl)}`;
  }
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const records = loadTldr(opts.data);
  const ex = loadExceptions();
  const ours = new Mean();
  const lead = new Mean();
  const oracle = new Mean();
  const times: number[] = [];
  const preds: string[] = [];
  // Warm up the JIT so the timing reflects steady state.
  for (const r of records.slice(0, 50)) pickTldr(r.title, r.source);
  for (const r of records) {
    const sentences = opts.joined ? splitSentences(r.source.join(' ')) : r.source;
    const t0 = performance.now();
    const tldr = pickTldr(r.title, sentences);
    times.push(performance.now() - t0);
    ours.add(rougeBestTarget(tldr, r.target, ex));
    preds.push(JSON.stringify({ paper_id: r.paper_id, tldr }));
    lead.add(rougeBestTarget(sentences[0] ?? '', r.target, ex));
    let best: RougeScores = { r1: 0, r2: 0, rl: 0 };
    for (const s of sentences) {
      const score = rougeBestTarget(s, r.target, ex);
      if (score.r1 > best.r1) best = score;
    }
    oracle.add(best);
  }
  // What a card computes for a page (TL;DR, key results, code links, topics, names), and topics alone.
  const summaryTimes = timed(records, (r) => void summarize(r.title, r.source.join(' ')));
  const topicTimes = timed(records, (r) => void topicsFor(r.title, r.source.join(' ')));
  console.log(`data: ${opts.data} (${records.length} papers, ${opts.joined ? 'joined + re-split by splitSentences' : 'given source sentences'})`);
  console.log('ROUGE F1 ×100, stemmed, best target by ROUGE-1 per paper; ROUGE-L = LCS F1 (beta = 1)');
  console.log(ours.line('pickTldr'));
  // How far another sample of papers could move the figure: differences smaller than this are noise.
  console.log(`${''.padEnd(22)} R1 95% interval ±${ours.r1Interval().toFixed(2)} (1.96 standard errors over ${ours.n} papers)`);
  console.log(lead.line('Lead-1'));
  console.log(oracle.line('Oracle (best sentence)'));
  console.log(`pickTldr time per abstract: ${meanAndP95(times)}`);
  console.log(`summarize (every field) time per abstract: ${meanAndP95(summaryTimes)}; topicsFor alone: ${meanAndP95(topicTimes)}`);
  if (opts.analyze) analyze(records.map((r) => ({ ...r, source: opts.joined ? splitSentences(r.source.join(' ')) : r.source })), ex);
  if (opts.out) {
    writeFileSync(opts.out, preds.join('\n') + '\n');
    console.log(`predictions written to ${opts.out}`);
  }
}

/** Where the picker's R1 goes: its choice of sentence, and its choice of trim within it. */
function analyze(records: TldrRecord[], ex: Record<string, string>): void {
  let fromBestSentence = 0;
  let perfectTrim = 0;
  let perfectPick = 0;
  for (const r of records) {
    const sentences = cleanSentences(r.source);
    const scored = scoredCandidates(r.title, sentences);
    if (scored.length === 0) continue;
    const r1 = scored.map(({ candidate }) => rougeBestTarget(candidate.text, r.target, ex).r1);
    const picked = scored.reduce((best, entry) => (entry.score > best.score ? entry : best)).candidate.index;
    const whole = sentences.map((sentence) => rougeBestTarget(sentence, r.target, ex).r1);
    if (picked === whole.indexOf(Math.max(...whole))) fromBestSentence++;
    perfectTrim += Math.max(...r1.filter((_, k) => scored[k]!.candidate.index === picked));
    perfectPick += Math.max(...r1);
  }
  const n = Math.max(1, records.length);
  console.log(`analysis: picks from the best sentence in ${((100 * fromBestSentence) / n).toFixed(1)}% of papers`);
  console.log(`${''.padEnd(22)} R1 ${((100 * perfectTrim) / n).toFixed(2)} with the best trim of its sentence; ${((100 * perfectPick) / n).toFixed(2)} with the best candidate it weighs`);
  targetCountEffect(records, ex);
}

/** R1 on the papers with 3+ gold TL;DRs, scored against their first 1, 2 and 3: the picker and Lead-1. */
function targetCountEffect(records: TldrRecord[], ex: Record<string, string>): void {
  const many = records.filter((r) => r.target.length >= 3);
  if (many.length === 0) return;
  const picks = many.map((r) => ({ r, ours: pickTldr(r.title, r.source), lead: cleanSentences(r.source)[0] ?? '' }));
  const mean = (k: number, which: 'ours' | 'lead') => (100 * picks.reduce((sum, p) => sum + rougeBestTarget(p[which], p.r.target.slice(0, k), ex).r1, 0)) / picks.length;
  const row = (which: 'ours' | 'lead') => [1, 2, 3].map((k) => mean(k, which).toFixed(2)).join(' / ');
  console.log(`${''.padEnd(22)} on the ${many.length} papers with 3+ TL;DRs, R1 against their first 1 / 2 / 3: pickTldr ${row('ours')}, Lead-1 ${row('lead')}`);
}

main();
