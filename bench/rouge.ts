/**
 * ROUGE-1/2/L F1 following ROUGE-1.5.5's conventions: lowercase, tokens are runs of [a-z0-9],
 * tokens longer than 3 characters are stemmed (WordNet exception list first, then Porter).
 * ROUGE-L is the LCS-based F1 (precision and recall weighted equally, beta = 1).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------- Porter stemmer (M. F. Porter, 1980, with the author's published departures) ----------

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** m() of the stem w[0..len): the number of VC sequences. */
function measure(w: string, len: number): number {
  let n = 0;
  let i = 0;
  while (i < len && isConsonant(w, i)) i++;
  while (i < len) {
    while (i < len && !isConsonant(w, i)) i++;
    if (i >= len) break;
    while (i < len && isConsonant(w, i)) i++;
    n++;
  }
  return n;
}

function hasVowel(w: string, len: number): boolean {
  for (let i = 0; i < len; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string, len: number): boolean {
  return len >= 2 && w[len - 1] === w[len - 2] && isConsonant(w, len - 1);
}

/** *o: the stem ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(w: string, len: number): boolean {
  if (len < 3) return false;
  if (!isConsonant(w, len - 1) || isConsonant(w, len - 2) || !isConsonant(w, len - 3)) return false;
  const c = w[len - 1];
  return c !== 'w' && c !== 'x' && c !== 'y';
}

type Rule = [suffix: string, replacement: string];

const STEP2: Rule[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: Rule[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate',
  'iti', 'ous', 'ive', 'ize',
];

/** The longest rule whose suffix ends w, applied when the remaining stem has m() > min. */
function applyLongest(w: string, rules: Rule[], min: number): string {
  let best: Rule | undefined;
  for (const rule of rules) {
    if (w.endsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  }
  if (!best) return w;
  const stemLen = w.length - best[0].length;
  return measure(w, stemLen) > min ? w.slice(0, stemLen) + best[1] : w;
}

export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  let w = word;
  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) { /* keep */ }
  else if (w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else {
    let cut = 0;
    if (w.endsWith('ed') && hasVowel(w, w.length - 2)) cut = 2;
    else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) cut = 3;
    if (cut) {
      w = w.slice(0, -cut);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (endsDoubleConsonant(w, w.length) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += 'e';
    }
  }
  // Step 1c
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = w.slice(0, -1) + 'i';
  // Steps 2 and 3
  w = applyLongest(w, STEP2, 0);
  w = applyLongest(w, STEP3, 0);
  // Step 4
  let suffix = '';
  for (const s of STEP4) if (w.endsWith(s) && s.length > suffix.length) suffix = s;
  if (suffix) {
    const stemLen = w.length - suffix.length;
    const ok = suffix === 'ion' ? /[st]$/.test(w.slice(0, stemLen)) : true;
    if (ok && measure(w, stemLen) > 1) w = w.slice(0, stemLen);
  }
  // Step 5a
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  // Step 5b
  if (w.endsWith('ll') && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

// ---------- Tokenization ----------

let defaultExceptions: Record<string, string> | undefined;

/** The WordNet 2.0 exception list (inflected form → base form) vendored in data/rouge/. */
export function loadExceptions(path?: string): Record<string, string> {
  if (!path && defaultExceptions) return defaultExceptions;
  const file = path ?? resolve(dirname(fileURLToPath(import.meta.url)), '../data/rouge/wordnet2.0-exc.json');
  const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  if (!path) defaultExceptions = table;
  return table;
}

export function stem(token: string, exceptions: Record<string, string>): string {
  if (token.length <= 3) return token;
  return exceptions[token] ?? porterStem(token);
}

export function tokenize(text: string, exceptions: Record<string, string> = loadExceptions()): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((t) => stem(t, exceptions));
}

// ---------- Scores ----------

export interface Prf {
  p: number;
  r: number;
  f: number;
}

function prf(overlap: number, predicted: number, reference: number): Prf {
  const p = predicted ? overlap / predicted : 0;
  const r = reference ? overlap / reference : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** ROUGE-N on token lists (clipped n-gram overlap). */
export function rougeN(pred: string[], ref: string[], n: number): Prf {
  const a = ngrams(pred, n);
  const b = ngrams(ref, n);
  let overlap = 0;
  for (const [key, count] of a) overlap += Math.min(count, b.get(key) ?? 0);
  return prf(overlap, Math.max(0, pred.length - n + 1), Math.max(0, ref.length - n + 1));
}

export function lcsLength(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** ROUGE-L: LCS-based F1 (beta = 1). */
export function rougeL(pred: string[], ref: string[]): Prf {
  return prf(lcsLength(pred, ref), pred.length, ref.length);
}

export interface RougeScores {
  r1: number;
  r2: number;
  rl: number;
}

export function rougeTokens(pred: string[], ref: string[]): RougeScores {
  return { r1: rougeN(pred, ref, 1).f, r2: rougeN(pred, ref, 2).f, rl: rougeL(pred, ref).f };
}

export function rouge(pred: string, ref: string, exceptions?: Record<string, string>): RougeScores {
  const ex = exceptions ?? loadExceptions();
  return rougeTokens(tokenize(pred, ex), tokenize(ref, ex));
}

/** SciTLDR's convention: the target with the best ROUGE-1 F decides all three scores. */
export function rougeBestTarget(pred: string, targets: string[], exceptions?: Record<string, string>): RougeScores {
  const ex = exceptions ?? loadExceptions();
  const p = tokenize(pred, ex);
  let best: RougeScores = { r1: 0, r2: 0, rl: 0 };
  let first = true;
  for (const target of targets) {
    const s = rougeTokens(p, tokenize(target, ex));
    if (first || s.r1 > best.r1) best = s;
    first = false;
  }
  return best;
}
