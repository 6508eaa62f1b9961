/**
 * Quantitative results an abstract states ("reduces hallucination by 44%", "3.2× faster"),
 * each as a short clause around the number.
 */
import { splitSentences } from './sentences';

const MAX_RESULTS = 6;
const MAX_WORDS = 20;

// A number (group 1) with its unit (group 2). A range ("2-3x", "5-10%") is one number with the
// unit after its end: its end alone, behind a hyphen, looks like part of a name ("GPT-3").
const NUMBER =
  /(?<![\w.\-/])[+±-]?(\d+(?:,\d{3})*(?:\.\d+)?)(?:[-–]\d+(?:,\d{3})*(?:\.\d+)?(?=\s?(?:%|×|[xX]\b|-?fold\b|times\b)))?(?:\s?(%|percent|pp\b|points?\b|pts\b|×|[xX]\b|times\b|-?fold\b|[KMBTkmbt]\b|(?:million|billion|trillion)\b|[GMT][Bb]\b|hours?\b|h\b|days?\b|minutes?\b|mins?\b|seconds?\b|s\b|ms\b|GPU))?/g;
const SIZE = /^(?:[KMBTkmbt]|million|billion|trillion|[GMT][Bb])$/;
const TIME = /^(?:hours?|h|days?|minutes?|mins?|seconds?|s|ms|GPU)$/;
const METRIC =
  /\b(?:accuracy|acc|bleu|codebleu|rouge|f1|em|exact match|map|ap|auc|fid|psnr|wer|cer|perplexity|ppl|scores?|pass@\d+|recall|precision|success rate|win rate|error|speed-?up|points?|miou|reward)\b/i;
const CUE_BEFORE = /\b(?:by|up to|at least|over|more than|less than|nearly|almost|about|around|average of|of|to|from|reach\w*|achiev\w*|attain\w*|obtain\w*|scor\w*|only|just|within)\s*$/i;
const BETTER_AFTER =
  /^\s*(?:fewer|less|more|faster|slower|smaller|larger|higher|lower|better|improvement|gain|reduction|increase|decrease|speed-?up|cheaper)\b/i;
const REDUCED_BEFORE = /\b(?:only|just|fewer|reduc\w*|sav\w*)\s*$/i;
const QUICK_BEFORE = /\b(?:less than|within|under|in)\s*$/i;
const REFERENCE_BEFORE =
  /\b(?:fig(?:ure)?s?|tab(?:le)?s?|sec(?:tion)?s?|eqs?|equations?|chapters?|appendix|algorithms?|theorems?|lemmas?|steps?|stages?|versions?|v|top|no|layers?|epochs?)\.?\s*$/i;
// A setting, not an outcome ("a temperature of 0.7", "learning rate 1.5", "β = 0.1").
const SETTING_BEFORE =
  /(?:\b(?:temperatures?|learning rates?|lr|thresholds?|dropout(?: rates?)?|weight decay|momentum|top-p|nucleus|alpha|beta|gamma|lambda|epsilon|tau)|[αβγλετ])\s*(?:(?:is|was|are|set|fixed)\s+)?(?:of|=|:|to|at|above|below|over|under)?\s*$/i;
// Verbs a result phrase may start at ("reduces", "achieving", "surpassing").
const VERB =
  /^(?!score$)(?:achiev|attain|obtain|reach|reduc|improv|outperform|surpass|exceed|increas|decreas|boost|lower|cut|accelerat|speed|yield|deliver|gain|lead|match|beat|enabl|allow|result|sav|enhanc|requir|tak|run|perform|scor|demonstrat|provid|maintain|see|show|establish)(?:s|es|ed|d|ing|e)?$/i;

/** Whether a number is a result (not a year, a model size, a figure number, a version or a count). */
function isResult(sentence: string, at: number, end: number, num: string, unit: string | undefined): boolean {
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(end, end + 30);
  if (!unit && /^(?:19|20)\d\d$/.test(num)) return false; // a year
  if (REFERENCE_BEFORE.test(before)) return false;
  if (!unit && SETTING_BEFORE.test(before)) return false;
  // Inside a name ("GPT-3", "LLaVA-7B") or a citation ("[20]").
  if (/[\p{L}\d]-$|\[$/u.test(before) || after[0] === ']') return false;
  if (unit && (SIZE.test(unit) || TIME.test(unit))) {
    // Model sizes and counts ("7B", "762M parameters") describe; "only 6 hours", "4B fewer" are results.
    return REDUCED_BEFORE.test(before) || BETTER_AFTER.test(after) || (TIME.test(unit) && QUICK_BEFORE.test(before));
  }
  if (unit) return true;
  if (BETTER_AFTER.test(after)) return true;
  // A version inside a name ("Llama 3.1", "Apache 2.0") unless the name is a metric ("BLEU 35.2").
  const prev = /(\p{L}[\p{L}\d-]*)\s*$/u.exec(before)?.[1] ?? '';
  const scored = METRIC.test(prev) || /^\s*(?:average|gain|improvement|\p{Lu}{2,})/u.test(after);
  // A capital at the start of a sentence is a name too ("Llama 3.1 serves as…"), unless it is a verb
  // ("Reaching 45.3 on…").
  if (/^\p{Lu}/u.test(prev) && !scored && !(before.trim() === prev && VERB.test(prev))) return false;
  if (num.includes('.')) return true;
  // A bare integer: only with a result cue before it and a metric nearby.
  return CUE_BEFORE.test(before) && (METRIC.test(before.slice(-30)) || METRIC.test(after));
}

/** A result's clause: the span [start, stop) of its sentence, and whether words were cut off either side. */
interface Clause {
  start: number;
  stop: number;
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The clause around a number, starting at its verb when there is one. */
function clauseSpan(sentence: string, at: number, end: number): Clause {
  let start = 0;
  // (", including …" lists what the clause covers: it does not start one.)
  // (Chinese and Japanese clauses are delimited by their full-width commas and semicolons; 、
  // separates the items of a list, which stay together.)
  for (const m of sentence.slice(0, at).matchAll(/[;:]\s|[，；：]|\b(?:e\.g|i\.e)\.,?\s|,\s(?=(?:while|whereas|where|but|and|which|thus|thereby)\b|(?!including\b)\w+ing\b)/g)) {
    start = m.index + m[0].length;
  }
  const tail =
    /[;:]\s|[，；：。！？]|,\s(?=(?:while|whereas|but|which|thus|thereby|and|or)\b|\w+ing\b)|\s(?:and|while|whereas)\s(?=\w+(?:s|ed)\s)(?!\w+ss\s)|\.$/.exec(
      sentence.slice(end),
    );
  const stop = tail ? end + tail.index : sentence.length;
  // Start at the verb governing the number when one precedes it in the clause.
  const head = sentence.slice(start, at);
  const tokens = [...head.matchAll(/[\p{L}\p{N}@-]+/gu)];
  for (let k = tokens.length - 1; k > 0; k--) {
    const token = tokens[k]!;
    // A word right before a comma ends a phrase ("the best results, including"): no verb.
    if (VERB.test(token[0]) && head[token.index + token[0].length] !== ',') {
      start += token.index;
      break;
    }
  }
  // Too long: end at the first comma or parenthesis after the number, if that is short enough;
  // else keep MAX_WORDS words around the number, and say where words were left out.
  const wordCount = (from: number, to: number) => sentence.slice(from, to).split(/\s+/).filter(Boolean).length;
  if (wordCount(start, stop) > MAX_WORDS) {
    const pause = /,\s|\s\(/.exec(sentence.slice(end, stop));
    if (pause && wordCount(start, end + pause.index) <= MAX_WORDS) return { start, stop: end + pause.index, cutBefore: false, cutAfter: false };
    const words = [...sentence.slice(start, stop).matchAll(/\S+/g)];
    const first = Math.max(0, Math.min(words.findIndex((w) => start + w.index + w[0].length > at) - 8, words.length - MAX_WORDS));
    const last = words[first + MAX_WORDS - 1]!;
    return { start: start + words[first]!.index, stop: start + last.index + last[0].length, cutBefore: first > 0, cutAfter: first + MAX_WORDS < words.length };
  }
  return { start, stop, cutBefore: false, cutAfter: false };
}

function tidy(phrase: string): string {
  return phrase
    .replace(/^[\s,;:(，；：、]+|[\s,;:.(，；：、。]+$/g, '')
    .replace(/^(?:and|but|while|whereas|where|which|thus|thereby|or)\s+/i, '');
}

/** Every quantitative result in the abstract, as short phrases in order, deduplicated, at most 6. */
export function extractKeyResults(abstract: string): string[] {
  return resultsOf(splitSentences(abstract));
}

/** extractKeyResults on an abstract already split into sentences. */
export function resultsOf(sentences: string[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    let covered = -1; // end of the last phrase taken from this sentence
    for (const m of sentence.matchAll(NUMBER)) {
      const at = m.index;
      const end = at + m[0].length;
      if (at < covered || !isResult(sentence, at, end, m[1]!, m[2])) continue;
      const { start, stop, cutBefore, cutAfter } = clauseSpan(sentence, at, end);
      covered = stop;
      const clause = tidy(sentence.slice(start, stop));
      const phrase = clause && `${cutBefore ? '…' : ''}${clause}${cutAfter ? '…' : ''}`;
      if (phrase && !out.includes(phrase)) out.push(phrase);
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
