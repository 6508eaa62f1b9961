/**
 * Trains the TL;DR ranker: `npm run train:tldr -- [--train file] [--dev file] [--no-write]`.
 * Every candidate (sentence or trimmed sentence) of a training abstract gets its ROUGE-1 F against
 * the gold TL;DR(s); a linear scorer is fitted so the softmax over an abstract's candidates puts
 * its mass on high-ROUGE candidates (expected-reward objective, full-batch Adam, L2). A few
 * settings are compared on dev and the best is written to src/summarize/tldr-weights.ts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eligibleCandidates, featurize, score, TLDR_FEATURE_COUNT } from '../src/summarize/tldr';
import { loadExceptions, rougeBestTarget } from '../bench/rouge';
import { loadTldr, type TldrRecord } from '../bench/tldr-data';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Example {
  feats: number[][];
  r1: number[]; // ROUGE-1 F: optimised, and reported
  mix: number[]; // mean of ROUGE-1/2/L F: an alternative reward
}

function prepare(records: TldrRecord[]): Example[] {
  const ex = loadExceptions();
  return records.map((r) => {
    const sentences = r.source.map((s) => s.trim()).filter(Boolean);
    const cands = eligibleCandidates(sentences);
    const scores = cands.map((c) => rougeBestTarget(c.text, r.target, ex));
    return {
      feats: featurize(r.title, sentences, cands),
      r1: scores.map((s) => s.r1),
      mix: scores.map((s) => (s.r1 + s.r2 + s.rl) / 3),
    };
  });
}

interface Setting {
  name: string;
  objective: 'expected' | 'softmax-ce';
  reward: 'r1' | 'mix';
  temperature: number; // for soft targets (softmax-ce) / scale of scores
  l2: number;
  iterations: number;
}

function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

function train(data: Example[], s: Setting): number[] {
  const d = TLDR_FEATURE_COUNT;
  const w = new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const lr = 0.05;
  for (let it = 1; it <= s.iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    for (const ex of data) {
      const reward = ex[s.reward];
      const p = softmax(ex.feats.map((f) => score(f, w)));
      let coef: number[];
      if (s.objective === 'expected') {
        // d/dw of -Σ p_c r_c: -Σ p_c (r_c - r̄) f_c
        const mean = p.reduce((a, pc, c) => a + pc * reward[c]!, 0);
        coef = p.map((pc, c) => -pc * (reward[c]! - mean));
      } else {
        const q = softmax(reward.map((r) => r / s.temperature));
        coef = p.map((pc, c) => pc - q[c]!);
      }
      ex.feats.forEach((f, c) => {
        const k = coef[c]!;
        if (k === 0) return;
        for (let j = 0; j < d; j++) grad[j]! += k * f[j]!;
      });
    }
    for (let j = 0; j < d; j++) {
      const g = grad[j]! / data.length + s.l2 * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * g;
      v[j] = 0.999 * v[j]! + 0.001 * g * g;
      const mh = m[j]! / (1 - 0.9 ** it);
      const vh = v[j]! / (1 - 0.999 ** it);
      w[j]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

/** Mean ROUGE-1 F (×100) of the argmax candidate. */
function evaluate(data: Example[], w: number[]): number {
  let total = 0;
  for (const ex of data) {
    let best = 0;
    let bestScore = -Infinity;
    ex.feats.forEach((f, c) => {
      const sc = score(f, w);
      if (sc > bestScore) {
        bestScore = sc;
        best = c;
      }
    });
    total += ex.r1[best]!;
  }
  return (100 * total) / data.length;
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const k = argv.indexOf(name);
    return k >= 0 ? argv[k + 1] ?? fallback : fallback;
  };
  const trainPath = arg('--train', '/work/shared/data/scitldr/train.jsonl');
  const devPath = arg('--dev', resolve(ROOT, 'data/scitldr/dev.jsonl'));
  const write = !argv.includes('--no-write');
  const trainData = prepare(loadTldr(trainPath));
  const devData = prepare(loadTldr(devPath));
  console.log(`train ${trainData.length} abstracts, dev ${devData.length}; ${TLDR_FEATURE_COUNT} features`);
  const settings: Setting[] = [];
  for (const reward of ['r1', 'mix'] as const) {
    for (const l2 of [1e-4, 1e-2]) {
      settings.push({ name: `softmax-ce ${reward} l2=${l2}`, objective: 'softmax-ce', reward, temperature: 0.05, l2, iterations: 400 });
    }
    for (const temperature of reward === 'r1' ? [0.02, 0.1] : []) {
      settings.push({ name: `softmax-ce r1 T=${temperature} l2=1e-4`, objective: 'softmax-ce', reward, temperature, l2: 1e-4, iterations: 400 });
    }
    settings.push({ name: `expected ${reward} l2=1e-4`, objective: 'expected', reward, temperature: 1, l2: 1e-4, iterations: 400 });
  }
  let best: { w: number[]; dev: number; name: string } | undefined;
  for (const s of settings) {
    const w = train(trainData, s);
    const tr = evaluate(trainData, w);
    const dv = evaluate(devData, w);
    console.log(`${s.name.padEnd(32)} train R1 ${tr.toFixed(2)}  dev R1 ${dv.toFixed(2)}`);
    if (!best || dv > best.dev) best = { w, dev: dv, name: s.name };
  }
  if (!best) return;
  console.log(`best: ${best.name} (dev R1 ${best.dev.toFixed(2)})`);
  if (write) {
    // Integers keep the file small; only the ranking matters, so the scale is free.
    const scale = 99 / Math.max(...best.w.map(Math.abs));
    const ints = best.w.map((x) => Math.round(x * scale));
    console.log(`dev R1 with integer weights ${evaluate(devData, ints).toFixed(2)}`);
    const body = ints.join(',');
    const file = resolve(ROOT, 'src/summarize/tldr-weights.ts');
    writeFileSync(
      file,
      `// Generated by \`npm run train:tldr\` (${best.name}; dev R1 ${best.dev.toFixed(2)}). Do not edit.\n` +
        `export const TLDR_WEIGHTS: readonly number[] = [${body}];\n`,
    );
    console.log(`wrote ${file}`);
  }
}

main();
