/**
 * Quantitative results an abstract states ("reduces hallucination by 44%", "3.2× faster"),
 * each as a short clause around the number.
 */
import { splitSentences } from './sentences';

const MAX_RESULTS = 6;
const MAX_WORDS = 20;

// A number with its unit. Groups: 1 = number, 2 = unit.
const NUMBER =
  /(?<![\w.\-/])(?:[+-]|±)?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(%|percent(?:age points?)?|pp\b|p\.p\.|points?\b|pts\b|×|x\b|X\b|times\b|-fold\b|fold\b|[KMBT]\b|k\b|GB\b|Gb\b|MB\b|hours?\b|h\b|days?\b|minutes?\b|mins?\b|seconds?\b|s\b|ms\b|GPU|dB\b|BLEU|CodeBLEU|ROUGE|F1|EM\b|mAP|AP\b|AUC|FID|PSNR|accuracy|acc\b))?/g;

const RESULT_UNIT = /^(?:%|percent|pp|p\.p\.|points?|pts|×|x|X|times|-?fold|dB|BLEU|CodeBLEU|ROUGE|F1|EM|mAP|AP|AUC|FID|PSNR|accuracy|acc)/;
const METRIC =
  /\b(?:accuracy|acc|bleu|codebleu|rouge(?:-\w+)?|f1|em|exact match|map|ap|auc|fid|psnr|ssim|wer|cer|perplexity|ppl|score|scores|pass@\d+|recall|precision|top-1|top-5|success rate|win rate|error|speed-?up|points?|miou|iou|ndcg|mrr|hits@\d+|bpc|bpd|return|reward)\b/i;
const CUE_BEFORE = /\b(?:by|up to|at least|at most|over|more than|less than|nearly|almost|about|around|approximately|roughly|average of|of|to|from|reaching|reaches|achieving|achieves|achieve|attains?|obtains?|scores?|only|just|within|under)\s*$/i;
const COMPARATIVE_AFTER = /^\s*(?:fewer|less|more|faster|slower|smaller|larger|higher|lower|better|improvement|gain|reduction|increase|decrease|speed-?up|memory|compression|cheaper)\b/i;
const REFERENCE_BEFORE = /\b(?:fig(?:ure)?s?|tab(?:le)?s?|sec(?:tion)?s?|eqs?|equations?|chapters?|appendix|app|algorithms?|theorems?|lemmas?|steps?|stages?|phases?|versions?|v|top|no|task|level|layer|round|iteration|epoch|line|page|ref)\.?\s*$/i;
const VERB =
  /^(?:achiev|attain|obtain|reach|reduc|improv|outperform|surpass|exceed|increas|decreas|boost|rais|lower|cut|accelerat|speed|yield|deliver|gain|lead|deliver|match|beat|set|establish|enabl|allow|result|save|shrink|compress|lift|enhanc|close|narrow|bring|push|requir|tak|us|run|perform|scor|show|demonstrat|achieving|provid|offer|mak)(?:s|es|ed|d|ing|e)?$/i;

function isYear(num: string, unit: string | undefined): boolean {
  return !unit && /^(?:19|20)\d\d$/.test(num);
}

/** Whether a number occurrence is a result (not a year, a model size, a figure number, a count). */
function isResult(sentence: string, at: number, num: string, unit: string | undefined, end: number): boolean {
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(end, end + 40);
  if (isYear(num, unit)) return false;
  if (REFERENCE_BEFORE.test(before)) return false;
  // Inside a model name ("LLaMA-2 7B", "GPT-3") or citation ("[20]").
  if (/[\p{L}\d]-$/u.test(before) || /\[$/.test(before) || /^\]/.test(after)) return false;
  if (unit && /^[KMBT]$/.test(unit)) {
    // Model sizes and counts ("7B", "762M parameters") are descriptions, unless a reduction is stated.
    return /\b(?:fewer|less|only|reduc|sav|cut)\w*\s*(?:\w+\s*){0,2}$/i.test(before) || COMPARATIVE_AFTER.test(after);
  }
  if (unit && /^(?:GB|Gb|MB)$/.test(unit)) return /\b(?:only|fewer|less|reduc|sav)\w*\s*$/i.test(before) || COMPARATIVE_AFTER.test(after);
  if (unit && /^(?:hours?|h|days?|minutes?|mins?|seconds?|s|ms|GPU)$/.test(unit)) {
    return /\b(?:only|just|within|under|less than|in|reduc\w*|from|to)\s*$/i.test(before) || COMPARATIVE_AFTER.test(after);
  }
  if (unit && RESULT_UNIT.test(unit)) return true;
  if (COMPARATIVE_AFTER.test(after)) return true;
  const decimal = num.includes('.');
  // A version inside a name ("Llama 3.1", "Apache 2.0", "v2.1") unless the name is a metric ("BLEU 35.2").
  const prevWord = /([\p{L}][\p{L}\d-]*)\s*$/u.exec(before)?.[1] ?? '';
  if (/^\p{Lu}/u.test(prevWord) && !METRIC.test(prevWord) && before.trim() !== prevWord) return false;
  if (decimal && !/\bv$/i.test(before)) return true;
  // A bare integer: only with a metric nearby and a result cue before.
  return CUE_BEFORE.test(before) && (METRIC.test(before.slice(-30)) || METRIC.test(after.slice(0, 25)));
}

/** Splits a sentence into clause spans [start, end) at ";", ":" and ", " boundaries. */
function clauseAround(sentence: string, at: number, end: number): string {
  // Clause limits: the nearest ";" / ":" / sentence edge around the number.
  let start = 0;
  for (const m of sentence.slice(0, at).matchAll(/[;:]\s|,\s(?=(?:while|whereas|but|and|which|thus|thereby|and\s+\w+s)\b)|,\s(?=\w+ing\b)/g)) {
    start = m.index + m[0].length;
  }
  let stop = sentence.length;
  const tail = /[;:]\s|,\s(?=(?:while|whereas|but|which|thus|thereby|and|or)\b)|,\s(?=\w+ing\b)|\s(?:and|while|whereas)\s(?=\w+(?:s|es|ed)\b)(?!\w+(?:ness|ss)\b)|\.$/.exec(sentence.slice(end));
  if (tail) stop = end + tail.index;
  let clause = sentence.slice(start, stop);
  let numAt = at - start;
  // Drop the subject: start at the verb governing the number when one precedes it in the clause.
  const head = clause.slice(0, numAt);
  const tokens = [...head.matchAll(/[\p{L}\p{N}@-]+/gu)];
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (VERB.test(t[0]) && k > 0) {
      clause = clause.slice(t.index);
      numAt -= t.index;
      break;
    }
  }
  // Cap the length, keeping the words around the number.
  const words = clause.trim().split(/\s+/);
  if (words.length > MAX_WORDS) {
    const before = clause.slice(0, numAt).trim().split(/\s+/).filter(Boolean).length;
    const from = Math.max(0, Math.min(before - 8, words.length - MAX_WORDS));
    return words.slice(from, from + MAX_WORDS).join(' ');
  }
  return clause.trim();
}

function tidy(phrase: string): string {
  return phrase
    .replace(/^[\s,;:(]+/, '')
    .replace(/[\s,;:.]+$/, '')
    .replace(/^(?:and|but|while|whereas|which|thus|thereby|or)\s+/i, '');
}

/** Every quantitative result in the abstract, as short phrases in order, deduplicated, at most 6. */
export function extractKeyResults(abstract: string): string[] {
  const out: string[] = [];
  for (const sentence of splitSentences(abstract)) {
    for (const m of sentence.matchAll(NUMBER)) {
      const num = m[1]!;
      const unit = m[2];
      const at = m.index;
      const end = at + m[0].length;
      if (!isResult(sentence, at, num, unit, end)) continue;
      const phrase = tidy(clauseAround(sentence, at, end));
      if (!phrase || out.some((p) => p === phrase || p.includes(phrase))) continue;
      // A longer phrase covering an earlier one replaces it.
      const covered = out.findIndex((p) => phrase.includes(p));
      if (covered >= 0) out[covered] = phrase;
      else out.push(phrase);
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
