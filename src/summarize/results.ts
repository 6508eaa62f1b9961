/**
 * Quantitative results an abstract states ("reduces hallucination by 44%", "3.2× faster"),
 * each as a short clause around the number.
 */
import { splitSentences } from './sentences';

const MAX_RESULTS = 6;
const MAX_WORDS = 20;
// A clause too long for MAX_WORDS is still shown whole up to this many words, rather than cut or split
// into fragments ("… an increase of 1.8% in EMNIST…" and "…(from 59.5% to 61.3%)").
const MAX_WHOLE_WORDS = 27;
const FEW_WORDS_OVER = 5;

// A number (group 1) with its unit (group 2), also as LaTeX writes them ("57\%", "$3\times$"), or a
// throughput ("141 tokens/s", "30 FPS"). A range ("2-3x", "5-10%") is one number with the unit
// after its end: its end alone, behind a hyphen, looks like part of a name ("GPT-3").
const NUMBER =
  /(?<![\w.\-/])[+±-]?(\d+(?:,\d{3})*(?:\.\d+)?)(?:[-–]\d+(?:,\d{3})*(?:\.\d+)?(?=\s?(?:\\?%|×|\\times\b|[xX]\b|-?fold\b|times\b)))?(?:\s?(\\?%|percent|pp\b|points?\b|pts\b|×|\\times\b|[xX]\b|times\b|-?fold\b|[KMBTkmbt]\b|(?:million|billion|trillion)\b|[GMT][Bb]\b|(?:tokens?|tok|samples|images|frames|queries|requests)(?:\/s\b|\/sec\b| per second\b)|fps\b|FPS\b|hours?\b|h\b|days?\b|minutes?\b|mins?\b|seconds?\b|s\b|ms\b|GPU))?/g;
// Only a means without figures: a baseline or condition the figure holds under ("comparing with
// GPT-4, …", "excluding the embeddings, …", "using 8 GPUs, …") stays. Its subject after it opens
// with a determiner: words that do not ("…, including ensembles") go on a list or a verb.
const PARTICIPLE_LEAD = /^(?:using|employing|leveraging|adopting)\s[^,;:()\d]*,\s+(?=(?:the|a|an|our|its|their|this|these|each|every)\s)/u;
// A growth rate by its period ("doubles approximately every three months"): a result with no digit or unit.
// (Done to the data, "the dataset is doubled every two weeks", it is a setting.)
const RATE =
  /(?<!\b(?:is|are|was|were|be|been|being)\s)\b(?:doubl|tripl|quadrupl|halv)\w*\s+(?:(?:approximately|roughly|about|nearly|almost)\s+)?every\s+(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|few)\s+(?:days|weeks|months|years)\b/gi;
// A result put in words: "an order of magnitude faster", "by two orders of magnitude", "by half",
// "in six of seven games", "16 out of 27".
const COUNT = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const WORDED = new RegExp(
  String.raw`\b(?:an?|one|two|three|several|many)\s+orders?\s+of\s+magnitude\s+(?:more|less|fewer|faster|slower|lower|higher|smaller|larger|better|cheaper)\b|\bby\s+(?:an?\s+|one\s+|two\s+|three\s+|several\s+)?orders?\s+of\s+magnitude\b|\bby\s+(?:a\s+)?half\b|\b${COUNT}\s+out\s+of\s+(?:the\s+)?${COUNT}\b|\b(?:in|on)\s+${COUNT}\s+of\s+(?:the\s+)?${COUNT}\b`,
  'gi',
);
// The paper speaking of itself. A sentence before it first does that cites, or says what methods in
// general can do, gives the field's numbers ("Pruning techniques can reduce parameter counts by over
// 90%"), not its results; one naming a method of its own ("FlashFoo … can reduce memory by 40%") does.
const OWN_VOICE = /\b(?:[Ww]e|[Oo]urs?|us|[Hh]ere(?:in)?)\b|\b[Tt]his\s+(?:paper|work|study|article|report|note|thesis)\b/;
const CITES = /\bet al\.|\(\D*\b(?:19|20)\d\d[a-z]?\)|\bfrom [A-Z][a-z]+ (?:&|and) [A-Z][a-z]+\b/;
const GENERAL_CAN = /\b(?:techniques|methods|approaches|algorithms|common|typical|existing|standard|conventional|previous|prior|recent)\b.*\b(?:can|may)\b/i;
const SIZE = /^(?:[KMBTkmbt]|million|billion|trillion|[GMT][Bb])$/;
const TIME = /^(?:hours?|h|days?|minutes?|mins?|seconds?|s|ms|GPU)$/;
const METRIC =
  /\b(?:accuracy|acc|bleu|codebleu|rouge|f1|em|exact match|map|ap|auc|fid|psnr|wer|cer|perplexity|ppl|scores?|pass@\d+|recall|precision|success rate|win rate|error|speed-?up|points?|miou|reward)\b/i;
const CUE_BEFORE = /\b(?:by|up to|at least|over|more than|less than|nearly|almost|about|around|average of|of|to|from|reach\w*|achiev\w*|attain\w*|obtain\w*|scor\w*|only|just|merely|within)\s*$/i;
const BETTER_AFTER =
  /^\s*(?:fewer|less|more|faster|slower|smaller|larger|higher|lower|better|improvement|gain|reduction|increase|decrease|speed-?up|cheaper)\b/i;
// A gain named by its metric after the number ("15 F1 score improvement", "3 BLEU gain").
const METRIC_GAIN_AFTER = /^\s+((?:absolute\s+)?[A-Za-z][\w@-]*(?:\s+[A-Za-z][\w@-]*)?)\s+(?:improvement|gain|boost|increase)s?\b/i;
const REDUCED_BEFORE = /\b(?:only|just|merely|fewer|reduc\w*|sav\w*)\s*$/i;
// A size or a time a method cuts ("cutting the gradient size of ResNet-50 from 97MB to 0.35MB"); one
// it increases is a setting ("increasing the vocabulary size from 32K to 43K").
const CUT_FROM_TO = /\b(?:reduc|cut|compress|shrink|shrunk|decreas|lower|trim|prun)\w*\s+(?:[^\s,;]+\s+){0,6}?(?:from|to)\s*$/i;
// The other end of "from A to B" ("from 97MB to 0.35MB"), after A or before B: its value and unit.
const TO_VALUE_AFTER = /^\s*to\s+(?:just\s+|only\s+|about\s+|around\s+)?(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]*)/i;
const FROM_VALUE_BEFORE = /\bfrom\s+(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]*)\s+to\s+(?:just\s+|only\s+|about\s+|around\s+)?$/i;
const valueOf = (text: string): number => Number(text.replace(/,/g, ''));

/**
 * A size or a time a method cuts (CUT_FROM_TO): from a larger value to a smaller one of the same
 * unit ("models from 7B to 65B parameters" is a range the method was tried on, not a cut).
 */
function cutFromTo(before: string, num: string, unit: string, after: string): boolean {
  if (!CUT_FROM_TO.test(before)) return false;
  const sameUnit = (other: string) => other === '' || other.toLowerCase() === unit.toLowerCase();
  const to = /from\s*$/i.test(before) ? TO_VALUE_AFTER.exec(after) : null;
  if (to) return !sameUnit(to[2]!) || valueOf(to[1]!) < valueOf(num);
  const from = FROM_VALUE_BEFORE.exec(before);
  return !from || !sameUnit(from[2]!) || valueOf(num) < valueOf(from[1]!);
}
// "in about 1.5 hours" as "in 1.5 hours".
const QUICK_BEFORE = /\b(?:less than|within|under|in)(?:\s+(?:about|around|approximately|roughly|nearly|just|only|merely))?\s*$/i;
// The least a method gets by with ("policies parameterized by as few as 17 weight parameters").
const AS_FEW_BEFORE = /\bas (?:few|little|small|low) as\s*$/i;
// What a method needs, under a bound ("requires <2MB of additional storage", "a footprint of under
// 7MB"); a bound alone is a setting ("on GPUs with less than 16GB of memory").
const NEEDS_UNDER_BEFORE = /\b(?:requir\w*|needs?|needing|uses?|using|occup\w*|consum\w*|footprint|storage|size|fits?|takes?|taking)\s+(?:\S+\s+){0,2}?(?:<|≤|under|less than|below)\s*$/i;
// Bits per parameter a method stores or compresses to ("can store 2 bits of knowledge per parameter")
// are a result; a quantization level ("the extreme quantization level of 2 bits per model parameter") is a setting.
const BITS_PER_PARAMETER = /^[-\s]?bits?\b(?:\s+of\s+[\w-]+)?[-\s]per[-\s](?:model\s+)?(?:parameters?|weights?)\b/i;
const BITS_REACHED_BEFORE = /\b(?:stor\w*|achiev\w*|reach\w*|attain\w*|requir\w*|needs?|compress\w*(?:\s+\S+){0,4}?\s+to|only|just|merely|average of|about|approximately|roughly|nearly)\s*$/i;
// "By a factor of 30" is a "30×" (a discount factor is a setting, SETTING_BEFORE).
const FACTOR_BEFORE = /\bfactor of\s+(?:(?:up to|over|about|approximately|roughly|more than|nearly|almost)\s+)?$/i;
// What a model can take ("can effectively process up to 512K tokens", "process more than 1M tokens"), not
// what it was trained on or with.
const CAPACITY_BEFORE = /\b(?:process|handl|support|extend|generali[sz]|scal)\w*\s+(?:\S+\s+){0,3}?(?:to\s+)?(?:up to|more than|over|beyond)\s*$/i;
// A context length a model is shown to work at ("able to reason 20M long sequences", "near-perfect
// passkey retrieval accuracy on 256K context length"): the headline of a long-context paper (QA).
const CONTEXT_REACHED_BEFORE = /\b(?:process|handl|reason|read|retriev|extrapolat|generali[sz]|extend|support|accuracy|achiev)\w*\s+(?:\S+\s+){0,3}?$/i;
const CONTEXT_LENGTH_AFTER = /^(?:[- ]?tokens?)?[- ]?(?:long\b|context\b|(?:token |input )?(?:context |sequence )?length\b)/i;
const REFERENCE_BEFORE =
  /\b(?:fig(?:ure)?s?|tab(?:le)?s?|sec(?:tion)?s?|eqs?|equations?|chapters?|appendix|algorithms?|theorems?|lemmas?|steps?|stages?|versions?|v|top|no|layers?|epochs?)\.?\s*$/i;
// A score or rank in the top percent of those taking a test ("a score around the top 10% of test
// takers": GPT-4's headline, QA), not the top items a method keeps ("the top 10% of tokens").
const RANKED_AMONG_BEFORE = /\b(?:scor|rank|plac)\w*\s+(?:\S+\s+){0,3}?top\s*$/i;
// A setting, not an outcome ("a temperature of 0.7", "learning rate 1.5", "β = 0.1", "a discount
// factor of 0.999", "temperature in the range of 0.5 to 0.8", an average's "decay 0.9999"; not a
// measure's "perplexity decay of 0.21").
const SETTING_BEFORE =
  /(?:\b(?:temperatures?|learning rates?|lr|thresholds?|dropout(?: rates?)?|(?:weight|ema|exponential|moving[- ]average) decay(?: rates?)?|decay rates?|momentum|discount factors?|top-p|nucleus|alpha|beta|gamma|lambda|epsilon|tau)|[αβγλετ])\s*(?:(?:is|was|are|set|fixed)\s+)?(?:of|=|:|to|at|above|below|over|under|in the range of|between|from)?\s*(?:[+-]?\d[\d.]*\s*(?:to|and|-|–)\s*)?$|\bdecay\s*[=:]?\s*$/i;
// A value given before, in parentheses, as another's alternative: "0.999 (instead of ".
const ALTERNATIVE_BEFORE = /[+-]?\d[\d.]*\s*\((?:instead of|rather than|vs\.?|versus|not)\s*$/i;
// Verbs a result phrase may start at ("reduces", "achieving", "surpassing", "led").
const VERB =
  /^(?!score$)(?:(?:achiev|attain|obtain|reach|reduc|improv|outperform|surpass|exceed|increas|decreas|boost|lower|cut|accelerat|speed|yield|deliver|gain|lead|match|beat|enabl|allow|result|sav|enhanc|requir|tak|run|perform|scor|demonstrat|provid|maintain|see|show|establish)(?:s|es|ed|d|ing|e)?|led|took|ran)$/i;

// A multiple of a model's or its data's size, after it ("10x more parameters") or set beside a count
// of it ("175 billion parameters, 10x more than …").
// (Not what a method does with its size: "2x more tokens per second", "3x more data efficiency",
// "fits 8x larger models on a single A100"; but "10x more parameters per layer" is a size.)
const LARGER_SIZE_AFTER =
  /^\s*(?:more|larger|bigger)\s+(?:(?:training\s+)?(?:parameters|data|layers|weights|images|examples|samples)|tokens(?!\s*(?:per\b|\/))|models?|networks?|datasets?|corpora|corpus)\b(?![\s-]*(?:efficien|in the same|with the same|on (?:a|one) (?:single )?(?:[\w-]+ ){0,2}(?:gpus?|devices?|accelerators?|a100|h100|v100)\b))/i;
const SIZE_NOUN_BEFORE = /\b(?:parameters|tokens|weights|layers|examples|images),\s*$/i;
// What a method holds of its work is its result ("stores 5x more tokens than PagedAttention", "serves
// 3x more requests", "fits 8x longer contexts"), not the size of what it was trained on ("trained on
// 10x more tokens") nor of a model or dataset ("holds 10x more parameters", "holds 10x more images").
const HOLDS_BEFORE = /\b(?:stor|cach|hold|held|fit|fitt|serv|pack|accommodat)(?:es|e|s|ed|ing)?\s+(?:(?:up to|nearly|almost|about|around|roughly|over|more than)\s+)?$/i;
const HELD_WORK_AFTER = /^\s*(?:more|larger|longer|bigger)\s+(?:tokens|requests|sequences|contexts?|batch(?:es)?|models)\b/i;
const DATA_HOLDS_BEFORE = /\b(?:corpus|corpora|datasets?|data|benchmarks?)\b[^,;]*$/i;

// A passive verb ("the number of parameters is reduced by 42%") follows what the number is of: the
// phrase starts before it.
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$/i;
// "Result(s)" is a noun ("accurate results (F1: 99.09%)", "results of 68.3%") unless "results in".
const RESULT_NOUN = /^results?$/i;

/** Whether a number is a result (not a year, a model size, a figure number, a version or a count). */
function isResult(sentence: string, at: number, end: number, num: string, unit: string | undefined): boolean {
  const before = sentence.slice(Math.max(0, at - 60), at);
  const after = sentence.slice(end, end + 30);
  if (!unit && /^(?:19|20)\d\d$/.test(num)) return false; // a year
  if (REFERENCE_BEFORE.test(before) && !RANKED_AMONG_BEFORE.test(before)) return false;
  // A setting's alternative ("a discount factor of 0.999 (instead of 0.99)") is a setting too.
  const alternative = ALTERNATIVE_BEFORE.exec(before);
  if (!unit && SETTING_BEFORE.test(alternative ? before.slice(0, alternative.index) : before)) return false;
  // A significance level ("(p<0.05)"), an example value ("a constant (say, 0.3)") or a value in an
  // example written out ("numerical facts; e.g., (PARIS, LATITUDE, 48.8)") is no outcome.
  if (/\bp\s*[<>=≤]\s*$|\bsay,?\s*$|\b(?:e\.g\.|for (?:example|instance)),?\s*\([^()]*$/i.test(before)) return false;
  // Inside a name ("GPT-3", "LLaVA-7B") or a citation ("[20]").
  if (/[\p{L}\d]-$|\[$/u.test(before) || after[0] === ']') return false;
  // A dimension or a name ("2.5D video", "2D points", "5G"): a number run into a Latin letter is no value (Chinese runs numbers into words: "提升了23%").
  if (!unit && /^[A-Za-z]/.test(after)) return false;
  // A bit width ("4-bit weights", "16-bit precision") is a format, unless the method is what brought
  // it down ("quantized to 4 bits"); bits per character are a score.
  if (/^[-\s]?bits?\b(?![-\s]?(?:per\b|\/)|\s+of\s+[\w-]+\s+per\b)/i.test(after) && !REDUCED_BEFORE.test(before) && !/\b(?:quantiz|compress|binari[sz])\w*\s+(?:\S+\s+){0,3}?to\s*$/i.test(before)) return false;
  // "N-fold" is a result as a change ("a 3-fold speed-up", "reduced by 10-fold"), not as a count
  // ("5-fold cross-validation", "a 4-fold rotational symmetry").
  if (unit !== undefined && /fold$/.test(unit) && !BETTER_AFTER.test(after) && !/^\s*(?:accelerat|compress|sav|shorten)/i.test(after) && !/\b(?:by|up to)\s*$/i.test(before)) return false;
  if (unit && (SIZE.test(unit) || TIME.test(unit))) {
    // What the method is given ("Given only 5 minutes of footage"), not what it achieves.
    if (/\bgiven (?:only|just|merely)\s*$/i.test(before)) return false;
    // Model sizes and counts ("7B", "762M parameters") describe; "only 6 hours", "4B fewer", "367 ms latency" are results.
    return REDUCED_BEFORE.test(before) || AS_FEW_BEFORE.test(before) || NEEDS_UNDER_BEFORE.test(before) || cutFromTo(before, num, unit, after) || BETTER_AFTER.test(after) || (TIME.test(unit) && (QUICK_BEFORE.test(before) || /^\s*(?:latency|runtime|inference time)\b/i.test(after))) || (SIZE.test(unit) && (CAPACITY_BEFORE.test(before) || (CONTEXT_REACHED_BEFORE.test(before) && CONTEXT_LENGTH_AFTER.test(after))));
  }
  // A dimension ("ImageNet (128 x 128)", "3 × 3 convolutions") is no speed-up.
  if (unit !== undefined && /^(?:×|\\times|[xX])$/.test(unit) && /^\s*\d/.test(after)) return false;
  // How much larger a model or its data is ("175 billion parameters, 10x more than any previous
  // model", "10x more training data") describes the paper's setting; "10x fewer parameters" and
  // "comparable to models 10x larger" are results.
  if (unit !== undefined && /^(?:×|\\times|[xX]|times|-?fold)$/.test(unit) && !(HOLDS_BEFORE.test(before) && HELD_WORK_AFTER.test(after) && !DATA_HOLDS_BEFORE.test(before)) && (LARGER_SIZE_AFTER.test(sentence.slice(end, end + 100)) || (SIZE_NOUN_BEFORE.test(before) && /^\s*(?:more|larger|bigger)\s+than\b/i.test(after)))) return false;
  if (unit) return true;
  if (BETTER_AFTER.test(after) || FACTOR_BEFORE.test(before) || AS_FEW_BEFORE.test(before)) return true;
  if (BITS_PER_PARAMETER.test(sentence.slice(end, end + 60))) return BITS_REACHED_BEFORE.test(before);
  // A name's version or width in parentheses ("ShuffleNetV2 (1.0)"), unless the name is a metric ("BLEU (35.2)").
  const named = /(\p{Lu}[\p{L}\d-]*)\s*\($/u.exec(before)?.[1];
  if (named !== undefined && after[0] === ')' && !METRIC.test(named)) return false;
  // A version inside a name ("Llama 3.1", "Apache 2.0") unless the name is a metric ("BLEU 35.2").
  const prev = /(\p{L}[\p{L}\d-]*)\s*$/u.exec(before)?.[1] ?? '';
  const scored = METRIC.test(prev) || /^\s*(?:average|gain|improvement|\p{Lu}{2,})/u.test(after);
  // A capital at the start of a sentence is a name too ("Llama 3.1 serves as…"), unless it is a verb
  // ("Reaching 45.3 on…").
  if (/^\p{Lu}/u.test(prev) && !scored && !(before.trim() === prev && VERB.test(prev))) return false;
  if (num.includes('.')) return true;
  // A bare integer: only with a result cue before it and a metric nearby, or as a metric's gain ("a 15 F1 score improvement").
  const gainOf = METRIC_GAIN_AFTER.exec(after)?.[1];
  if (gainOf !== undefined && METRIC.test(gainOf)) return true;
  return CUE_BEFORE.test(before) && (METRIC.test(before.slice(-30)) || METRIC.test(after));
}

// A prior method's or a baseline's number ("compared to 13% accuracy for an attentional model", "over
// the previous best IS of 52.52", "While other pre-training tasks yield an accuracy below 78.7%") is no
// result of the paper's; how far the paper moves from it ("improves from 45% to 70%", "outperforms
// prior work by 20%") is. A phrase whose every number is another's is not shown.
const OTHERS = String.raw`\b(?:existing|previous(?:ly)?|prior|other|conventional|traditional|competing|earlier)\s+(?:[\w-]+\s+){0,3}?(?:methods?|approach(?:es)?|models?|baselines?|systems?|works?|techniques?|algorithms?|networks?|tasks?|solutions?|results?|art|state[- ]of[- ]the[- ]art|best|SOTA)\b|\bbaselines?\b`;
// A clause about others: its subject is one ("While other pre-training tasks yield …", "The previous
// state of the art achieved …"), or it says what one only does ("previous approaches, …, which are only
// capable of 89.8% WER").
const OTHERS_SUBJECT = new RegExp(String.raw`^(?:(?:while|whereas|although|though|but|and|where)\s+)?(?:(?:the|all|most|many|some)\s+)?(?:${OTHERS})`, 'i');
const OTHERS_NAMED = new RegExp(OTHERS, 'i');
const ONLY_WHICH = /^(?:which|that|who)\s+(?:\S+\s+){0,2}?(?:only|merely|just)\b/i;
const OURS = /\b(?:we|our|ours|us)\b/i;
// What a number is compared with: right after "compared to" ("compared to 13% accuracy for …"), or
// after an "of" in what follows "over" or "than" ("over the previous best IS of 52.52").
const COMPARISON = /\b(?:(compared (?:to|with)|in contrast to|in comparison (?:to|with)|relative to|as opposed to|versus|vs\.?|v\/s)|over|than|against)\s+/gi;
const HEDGE = /^(?:the|a|an|about|around|approximately|roughly|nearly|almost|only|just|merely)$/i;
// Words that make the number a margin or the paper's own ("over the baseline by 5%", "than X with a
// margin of 2", "compared to the baseline network while 69% …").
const MARGIN = /^(?:by|to|from|we|our|ours|us|while|whereas|with|margin)$/i;

/** Where the stretch of words a number at `at` is in starts: after the last ", ", "; ", ": " or dash, at most 200 characters back. */
function segmentStart(sentence: string, at: number): number {
  const from = Math.max(0, at - 200);
  for (let k = at - 1; k > from; k--) {
    if (sentence[k] !== ' ') continue;
    if (/[,;:]/.test(sentence[k - 1]!) || /\s(?:[–—]|-{2,3})$/.test(sentence.slice(k - 4, k))) return k + 1;
  }
  return from;
}
// After the number: what it is compared with is the paper's ("a 5 times larger network than our work"),
// or it is one the literature reports ("with the best 60% sparsity as reported in the literature").
const OTHERS_AFTER = /^\s*(?:(?:[\w-]+\s+){0,3}?than\s+(?:(?:that|those) of\s+)?(?:our|ours|us)\b|(?:(?!\b(?:than|over|compared|vs)\b)[^,;]){0,30}?\b(?:as (?:previously )?|previously )reported (?:in|by) (?:the literature|prior|previous|earlier|other))/i;
// "… while attacks that blindly target object detection only have up to 25%".
const CONTRAST_ONLY = /\b(?:while|whereas)\s+((?:(?!\b(?:while|whereas)\b).)*)$/i;
const ONLY_REACH = /\bonly\s+(?:have|has|had|achiev\w*|reach\w*|get|gets|got|obtain\w*|attain\w*|scor\w*)\b/i;

/** Whether the number at [at, end) is another method's, not the paper's (OTHERS). */
function othersNumber(sentence: string, at: number, end: number): boolean {
  if (OTHERS_AFTER.test(sentence.slice(end, end + 60))) return true;
  const segment = segmentStart(sentence, at);
  const before = sentence.slice(segment, at);
  const contrast = CONTRAST_ONLY.exec(before)?.[1];
  if (contrast !== undefined && ONLY_REACH.test(contrast) && !OURS.test(contrast)) return true;
  if (OURS.test(before)) return false;
  if (OTHERS_SUBJECT.test(before)) return true;
  if (ONLY_WHICH.test(before)) {
    const earlier = sentence.slice(Math.max(0, segment - 200), segment);
    const ours = [...earlier.matchAll(new RegExp(OURS.source, 'gi'))].at(-1);
    if (OTHERS_NAMED.test(ours ? earlier.slice(ours.index) : earlier)) return true;
  }
  const comparison = [...before.matchAll(COMPARISON)].at(-1);
  if (!comparison) return false;
  const words = before.slice(comparison.index + comparison[0].length).split(/\s+/).filter(Boolean);
  if (words.some((word) => MARGIN.test(word) || (VERB.test(word) && !RESULT_NOUN.test(word)) || BETTER_AFTER.test(word))) return false;
  // A list's later number ("IS of 52.52 and FID of 18.65") is compared as its first is.
  const firstNumber = words.findIndex((word) => /^[$(]?\d/.test(word));
  const object = firstNumber < 0 ? words : words.slice(0, firstNumber);
  if (comparison[1] !== undefined && object.every((word) => HEDGE.test(word))) return true;
  const of = object.lastIndexOf('of');
  return of > 0 && object.slice(of + 1).every((word) => HEDGE.test(word));
}

/** A result's clause: the span [start, stop) of its sentence, and whether words were cut off either side. */
interface Clause {
  start: number;
  stop: number;
  cutBefore: boolean;
  cutAfter: boolean;
}

// Where a clause starts (after the match) and ends (at it). (", including …" lists what the clause
// covers: it does not start one. Chinese and Japanese clauses are delimited by their full-width
// commas and semicolons; 、 separates the items of a list, which stay together.)
// A colon before a number labels a value ("(F1: 99.09%, precision: 99.41%)"), and ", and" between
// numbers lists them ("0.664, 0.973, and 0.934, respectively"): the values stay in one phrase.
// "and" before a verb ("… and reduces …", "… and improved …") ends a clause; before a name or after
// "both" it joins words ("the Sequential and Permuted MNIST", "both targeted and untargeted attacks").
// A serial comma after a list's name of one or two words ("for Greek, Turkish, and Urdu"), or before
// its last item and "respectively" ("w.r.t. the fast gradient sign method, …, and Carlini-WagnerL2attacks,
// respectively"), is in the list; so is one before the same change for another ("from 97MB to 0.35MB,
// and for DeepSpeech from 488MB to 0.74MB").
const LIST_AND = String.raw`(?<!,\s[A-Z\d][^\s,;:()]*(?:\s[^\s,;:()]+)?)(?:(?<![\d%×$]),\s(?=and\b)|,\s(?=and\s+(?![+±$-]?\d)))(?!and\s[^;:,.]*,?\s+respectively\b|and\s+(?:for|on|in|with)\s+[^,;]{1,40}?\sfrom\s+\d)`;
// A comma after a word, before another speed-up, lists results ("… the MLPerf 1.1 training speed
// record, 3× speedup on GPT-2"): each is a phrase. Other values after a comma stay with the result
// before them: values of one measure ("by 3.4% on ImageNet, 2.1% top-1 on CIFAR-100"), a comparison
// with it ("76.8% top-1 accuracy, 2.1% higher than MobileNetV2", "…, 5% absolute improvement over").
const NEXT_RESULT = String.raw`(?<=[A-Za-z)]),\s(?=\d[\d.]*\s?(?:×|x|-fold|%)\s+(?:[\w-]+\s+){0,2}?speed-?ups?\b)`;
const CLAUSE_START = new RegExp(
  String.raw`;\s|:\s(?![+±$-]?\d)|[，；：]|\b(?:e\.g|i\.e)\.,?\s|${LIST_AND}|${NEXT_RESULT}|,\s(?=(?:while|whereas|where|but|which|thus|thereby)\b|(?!including\b)\w+ing\b)`,
  'g',
);
const CLAUSE_END = new RegExp(
  String.raw`;\s|:\s(?![+±$-]?\d)|[，；：。！？]|${LIST_AND}|${LIST_AND.replaceAll('and', 'or')}|${NEXT_RESULT}|,\s(?=(?:while|whereas|but|which|thus|thereby)\b|\w+ing\b)|\s(?:and|while|whereas)\s(?<!\bboth\s+[\w-]+\sand\s)(?=[a-z]\w*(?:s|ed)\s)(?!\w+ss\s)|\.$`,
  'g',
);
// Words a modifier starts with.
const MODIFIER = 'from|in|on|for|with|without|across|under|at|via|during|after|before|when|while|where|whereas|using|compared|as';
// Where a clause too long may end instead (both matches are two characters long). A parenthesis
// with a measure in it ("of 89% (chance level 4.8%)", "(from 69% to 82%)") is the result's own
// detail: a phrase ending before it made it a phrase of its own; so is a size setting and its value
// ("on BERT-large (seq. length 512) compared to …", "(batch size 64)"; not "(in 2017)", "(see section 4)"). (A citation's year or a model's name, "(Madry 2017)",
// "(MobileNet-V1)", is no measure.)
// A comma before a number lists values ("are 78.86, 74.76 and 82.46"), which stay together. So does
// a parenthesis the clause goes on past ("from the WMT'21 (2 directions) and WMT'22", "(i.e. …) than",
// "Frechet Inception Distance (FID) of 3.4", "the Multi-Genre NLI (MultiNLI) dataset with …"): after it
// comes a word that is not where a modifier starts.
const PAUSE = new RegExp(String.raw`,\s(?![+±$-]?\d)|\s\((?![^()]*(?:%|×|\d\.\d|\dx\b))(?!(?:[a-z]+\.?\s)?(?:length|len|size|steps|width|depth|resolution|tokens)\s\d[\d.]*[KMBk]?(?:[-–]\d[\d.]*[KMBk]?)?\))(?![^()]*\)\s(?:and|or|than|of|(?!(?:${MODIFIER}|to|by|which|that)\b)[a-z]+\b))`, 'g');
// What a stretch after a comma starts with when it only adds to the clause before the comma ("…
// than GPT-3.5, with only 7B parameters", "at least 216K, 7 times larger than …"), rather than
// saying a result of its own ("…, SGP completes").
const ADDED_ON = /^(?:[+±$-]?\d|(?:with|without|for|in|on|at|by|from|to|of|over|under|across|compared|relative|when|while|if|after|before|as|than|and|or|but|which|that|using|including)\b)/i;
// Where a subject starts, that a phrase cut at its start may start at.
const SUBJECT_START = /^(?:we|it|they|our|its|their|this|these)\b/i;
// Where a modifier starts, that a phrase may end before.
const MODIFIER_START = new RegExp(String.raw`^(?:${MODIFIER})\b`, 'i');
// Words joined by single hyphens ("top-1"): a dash written as hyphens ("one machine---led to") is between words.
const TOKEN = /[\p{L}\p{N}@]+(?:-[\p{L}\p{N}@]+)*/gu;

/**
 * For each of the ascending `positions`, where the innermost parenthesis around it closes (the
 * sentence's end if it never does), or null when no parenthesis is around it.
 */
function closesAround(sentence: string, positions: readonly number[]): (number | null)[] {
  const closes: (number | null)[] = positions.map(() => null);
  const inside: number[][] = []; // for each open parenthesis, innermost last: the positions in it
  let next = 0;
  for (let k = 0; k < sentence.length; k++) {
    while (next < positions.length && positions[next]! <= k) {
      inside.at(-1)?.push(next);
      next++;
    }
    if (sentence[k] === '(') inside.push([]);
    else if (sentence[k] === ')') for (const position of inside.pop() ?? []) closes[position] = k;
  }
  for (const position of inside.flat()) closes[position] = sentence.length;
  return closes;
}

/** The first index in the ascending `values` whose value is above `value` (or at it, with `orEqual`). */
function firstAbove(values: readonly number[], value: number, orEqual = false): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! > value || (orEqual && values[middle] === value)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The first match of a global `pattern` at or after a position that only grows: each stretch of text is searched once. */
class NextMatch {
  private found: { index: number; length: number } | null | undefined;

  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
  ) {}

  from(position: number): { index: number; length: number } | null {
    if (this.found === undefined || (this.found !== null && this.found.index < position)) {
      this.pattern.lastIndex = position;
      const match = this.pattern.exec(this.text);
      this.found = match ? { index: match.index, length: match[0].length } : null;
    }
    return this.found;
  }
}

/** Whether a word at `at` is a verb a result phrase may start at. */
function startsPhrase(sentence: string, word: string, at: number): boolean {
  const end = at + word.length;
  if (!VERB.test(word) || sentence[end] === ',') return false;
  if (RESULT_NOUN.test(word) && !/^\s+in\b/.test(sentence.slice(end, end + 4))) return false;
  if (/d$/i.test(word) && PASSIVE_BEFORE.test(sentence.slice(Math.max(0, at - 30), at))) return false;
  // A verb in what a noun needs ("the number of examples required to achieve …", "the time taken for
  // reaching …") is not what the number measures: the phrase starts at the verb before the noun. (After
  // a verb, "can be easily incorporated to improve", it is.)
  const needed = /\b([\p{L}-]+)\s+(?:\w+ed|taken|spent)\s+(?:to|for)\s+$/iu.exec(sentence.slice(Math.max(0, at - 40), at))?.[1];
  if (needed !== undefined && !/^(?:is|are|was|were|be|been|being|has|have|had|we|they|it|who|which|that|\w+ly)$/i.test(needed)) return false;
  const wordBefore = sentence.slice(Math.max(0, at - 20), at);
  // A capital after a word starts a name ("in Matching Networks for Omniglot we observe …").
  if (/^\p{Lu}/u.test(word) && /\p{L}\s+$/u.test(wordBefore)) return false;
  // A noun or an adjective ("an accuracy increase of 5%", "a leading performance", "mean accuracy
  // reaching over 96%"): the phrase keeps the words before it, which say what the number is of.
  if (/^\s+of\b/.test(sentence.slice(end, end + 4)) || /\b(?:a|an|the|its|our|their)\s+$/i.test(wordBefore)) return false;
  if (METRIC.test(/(\p{L}[\p{L}\d-]*)\s+$/u.exec(wordBefore)?.[1] ?? '')) return false;
  // A participle after its noun ("the computational demand required for inference", "the examples
  // required to achieve") starts no phrase.
  return !(/ed$/i.test(word) && /^\s(?:for|on|in|by|with|from|at|to)\s/.test(sentence.slice(end, end + 6)) && /[a-z]{3,}\s$/.test(wordBefore) && !/\b(?:we|they|it|which|that|and|who)\s$/i.test(wordBefore));
}

/**
 * What clauseSpan reads in a sentence, found once for the sentence rather than again for each of
 * its numbers (which come in order): a long sentence of many numbers took quadratic time.
 */
class SentenceIndex {
  /** Where each clause delimiter ends, and whether it is a comma's (which looks at the next word). */
  private readonly startEnds: number[] = [];
  private readonly commaStart: boolean[] = [];
  /** Where the parenthesis each delimiter is in closes, or null: one closed before a number ("(i.e. 13 per class), … 73%") starts no clause for it. */
  private readonly startClose: (number | null)[];
  private startsPassed = 0;
  private clauseStart = 0;
  private innerStart: { end: number; close: number } | null = null;
  /** Words (letters, digits, @ and -): where each starts, and the verbs a phrase may start at (those not before a comma). */
  private readonly tokenStarts: number[] = [];
  private readonly verbs: { token: number; end: number }[] = [];
  private readonly verbStarts: number[] = [];
  private verbsPassed = 0;
  /** Runs of non-space characters, as `split(/\s+/)` counts words. */
  private readonly wordStarts: number[] = [];
  private readonly wordEnds: number[] = [];
  private readonly clauseEnd: NextMatch;
  /** Where each pause outside parentheses starts: one inside ends a phrase with its parenthesis open ("sampling (27.6% deception rate, with roughly …)"). */
  private readonly pauses: number[];
  /** Where each ", " outside parentheses ends. */
  private readonly commaEnds: number[] = [];

  /** `resultStarts`: where each of the sentence's results starts, ascending. */
  constructor(
    sentence: string,
    private readonly resultStarts: readonly number[],
  ) {
    const startIndices: number[] = [];
    for (const m of sentence.matchAll(CLAUSE_START)) {
      startIndices.push(m.index);
      this.startEnds.push(m.index + m[0].length);
      // (A comma before the next result, NEXT_RESULT, starts its clause at its number.)
      this.commaStart.push(m[0][0] === ',' && !/[+±$\d-]/.test(sentence[m.index + m[0].length] ?? ''));
    }
    this.startClose = closesAround(sentence, startIndices);
    for (const m of sentence.matchAll(TOKEN)) {
      if (startsPhrase(sentence, m[0], m.index)) {
        this.verbs.push({ token: this.tokenStarts.length, end: m.index + m[0].length });
        this.verbStarts.push(m.index);
      }
      this.tokenStarts.push(m.index);
    }
    for (const m of sentence.matchAll(/\S+/g)) {
      this.wordStarts.push(m.index);
      this.wordEnds.push(m.index + m[0].length);
    }
    this.clauseEnd = new NextMatch(CLAUSE_END, sentence);
    const pauses = [...sentence.matchAll(PAUSE)].map((m) => m.index);
    const pauseCloses = closesAround(sentence, pauses);
    this.pauses = pauses.filter((_, k) => pauseCloses[k] === null);
    const commas = [...sentence.matchAll(/,\s/g)].map((m) => m.index);
    const commaCloses = closesAround(sentence, commas);
    for (const [k, comma] of commas.entries()) if (commaCloses[k] === null) this.commaEnds.push(comma + 2);
  }

  /**
   * The end of the last delimiter before a number at `at`, as if only the text before it were read:
   * a comma's delimiter ending at `at` looks for a word there, and finds none in that text.
   */
  startBefore(at: number): number {
    const ends = this.startEnds;
    while (this.startsPassed < ends.length && (ends[this.startsPassed]! < at || (ends[this.startsPassed] === at && !this.commaStart[this.startsPassed]))) {
      const close = this.startClose[this.startsPassed];
      const end = ends[this.startsPassed++]!;
      if (close === null || close === undefined) {
        this.clauseStart = end;
        this.innerStart = null;
      } else this.innerStart = { end, close };
    }
    return this.innerStart !== null && this.innerStart.close > at ? this.innerStart.end : this.clauseStart;
  }

  /** Starts a clause at `position`, past the last delimiter read. */
  startClauseAt(position: number): void {
    this.clauseStart = position;
    this.innerStart = null;
  }

  /**
   * Where the verb governing a number at `at` starts: the last verb ending by `at` and after
   * `start`, unless it is the first word there; null when there is none. (A word running into the
   * number ends in a letter no verb ends in: the number follows no ASCII letter.)
   */
  verbBefore(start: number, at: number): number | null {
    while (this.verbsPassed < this.verbs.length && this.verbs[this.verbsPassed]!.end <= at) this.verbsPassed++;
    const verb = this.verbs[this.verbsPassed - 1];
    if (!verb) return null;
    const index = this.tokenStarts[verb.token]!;
    return index >= start && verb.token > 0 && this.tokenStarts[verb.token - 1]! >= start ? index : null;
  }

  /** The first clause end at or after `from`, or null. */
  endAfter(from: number): number | null {
    return this.clauseEnd.from(from)?.index ?? null;
  }

  /** Where the first result at or after `from` starts, or null. */
  resultFrom(from: number): number | null {
    return this.resultStarts[firstAbove(this.resultStarts, from, true)] ?? null;
  }

  /** Where the last result before `to` starts, or null. */
  resultBefore(to: number): number | null {
    return this.resultStarts[firstAbove(this.resultStarts, to, true) - 1] ?? null;
  }

  /** Whether a verb a phrase may start at starts in [from, to). */
  verbIn(from: number, to: number): boolean {
    const verb = this.verbStarts[firstAbove(this.verbStarts, from, true)];
    return verb !== undefined && verb < to;
  }

  /** The first pause in [from, to), or null. */
  pauseIn(from: number, to: number): number | null {
    const pause = this.pauses[firstAbove(this.pauses, from, true)];
    return pause !== undefined && pause + 2 <= to ? pause : null;
  }

  /** The end of the last ", " in [from, to], or null. */
  commaIn(from: number, to: number): number | null {
    const comma = this.commaEnds[firstAbove(this.commaEnds, to) - 1];
    return comma !== undefined && comma >= from ? comma : null;
  }

  /** The words of [from, to): the first's index into the runs and how many, each cut to the span. */
  words(from: number, to: number): { first: number; count: number } {
    const first = firstAbove(this.wordEnds, from);
    return { first, count: Math.max(0, firstAbove(this.wordStarts, to, true) - first) };
  }

  wordStart(run: number, from: number): number {
    return Math.max(this.wordStarts[run]!, from);
  }

  wordEnd(run: number, to: number): number {
    return Math.min(this.wordEnds[run]!, to);
  }

  /** The first run ending after `at`. */
  wordAfter(at: number): number {
    return firstAbove(this.wordEnds, at);
  }
}

// How far either side of a number a clause is looked at for a word: farther, it is no restatement.
const LETTERS_SEEN_WITHIN = 200;

// How far back clauseSpan looks for the words a participle or a pronoun leaves to the clause before.
const LOOK_BACK = 200;
// A verb's object that stands for words before it: "outperforms them".
const PRONOUN_OBJECT = /^\p{L}+\s+(?:them|it|these|those)\b/u;
// A subject of one of many, just before its verb: "each expert ", "every layer ".
const EACH_SUBJECT = /\b(?:each|every)\s+[\p{L}-]+\s+$/iu;
// A result likened to the clause before it: ", similar to", ", on par with".
const LIKENED = /,\s+(?:(?:similar|comparable|equivalent|akin|analogous|identical) to|on (?:a )?par with)\s+$/i;

/**
 * The clause around a number, starting at its verb when there is one, and not before `from` (where
 * the phrase before it ended: a clause cut short at a pause or to MAX_WORDS gave its next number a
 * phrase repeating half of it).
 */
function clauseSpan(index: SentenceIndex, sentence: string, at: number, end: number, from: number): Clause {
  const clauseStart = index.startBefore(at);
  let start = Math.max(from, clauseStart);
  // A participle with only its measure after the sentence's first comma ("It outshines on rare words,
  // outperforming by a factor of 30") leaves what it outperforms on to the words before: they come
  // too, when short. (Only a first clause of a few words: a list's last items are no such clause.)
  if (from < 0 && clauseStart > 2 && clauseStart <= LOOK_BACK && sentence.slice(clauseStart - 2, clauseStart) === ', ' && /^\p{Ll}+ing by\s/u.test(sentence.slice(clauseStart, clauseStart + 30)) && !/[,;:()[\]]/.test(sentence.slice(0, clauseStart - 2))) {
    const stop = index.endAfter(end) ?? sentence.length;
    if (index.words(clauseStart, stop).count <= 6 && index.words(0, stop).count <= MAX_WORDS) return { start: 0, stop, cutBefore: false, cutAfter: false };
  }
  const tail = index.endAfter(end);
  const stop = tail ?? sentence.length;
  // A clause that is only its number ("…, i.e., 18.3%") restates the one before it, which it keeps.
  // (Looked for near the number, and the delimiter just before the clause: reading the whole clause
  // or sentence again for each number made a long list of numbers quadratic.)
  if (!/\p{L}{3}/u.test(sentence.slice(Math.max(start, at - LETTERS_SEEN_WITHIN), at) + sentence.slice(end, Math.min(stop, end + LETTERS_SEEN_WITHIN)))) {
    const delimiter = /(?:[,;]\s*)?(?:(?:i\.e|e\.g)\.,?\s*)?$/.exec(sentence.slice(Math.max(0, start - 16), start))![0];
    start = Math.max(from, index.commaIn(0, start - delimiter.length - 1) ?? 0);
  }
  // Start at the verb governing the number when one precedes it in the clause. (A word right
  // before a comma ends a phrase, "the best results, including": no verb.)
  const verb = index.verbBefore(start, at);
  // A result likened to the clause before it ("…improves low-resource performance, similar to
  // increasing dataset sizes by up to 33%") says nothing without that clause: kept whole, when short enough.
  // (Only a clause no earlier phrase of the sentence took part of: else the phrase would start at "similar to".)
  if (verb !== null && start === clauseStart && LIKENED.test(sentence.slice(Math.max(start, verb - 40), verb)) && index.words(start, stop).count <= MAX_WHOLE_WORDS) {
    return { start, stop, cutBefore: false, cutAfter: false };
  }
  // A verb whose object is a pronoun after "and" ("BASED matches the strongest sub-quadratic models
  // in perplexity and outperforms them on recall tasks by 6.22 points") needs what the pronoun stands
  // for: the phrase starts after the clause's "that" (or at the clause), when short enough.
  if (verb !== null && start === clauseStart && / and $/.test(sentence.slice(Math.max(start, verb - 5), verb)) && PRONOUN_OBJECT.test(sentence.slice(verb, verb + 40))) {
    const reach = Math.max(start, verb - LOOK_BACK);
    const that = sentence.slice(reach, verb).lastIndexOf(' that ');
    const subject = that < 0 ? start : reach + that + 6;
    if (index.words(subject, stop).count <= MAX_WHOLE_WORDS) return { start: subject, stop, cutBefore: false, cutAfter: false };
  }
  // A subject that says for what each figure holds ("each expert takes only 6 hours to train") stays
  // with its verb: without it the figure reads as the whole method's.
  const subject = verb === null ? '' : (EACH_SUBJECT.exec(sentence.slice(Math.max(start, verb - 40), verb))?.[0] ?? '');
  start = verb === null ? start : verb - subject.length;
  // A participle leading the clause says how the result was found ("using some widely used
  // benchmarks for evaluation, the capacity density of LLMs doubles …"): the phrase starts after it.
  const lead = verb === null ? PARTICIPLE_LEAD.exec(sentence.slice(start, at)) : null;
  if (lead) start += lead[0].length;
  // The rest of a clause says it is one, unless it starts at a verb.
  const rest = from > clauseStart && verb === null;
  // Too long: end at the first comma or parenthesis after the number, if that is short enough; or
  // start after the last comma before it, when a result of its own starts there ("…, SGP completes
  // 90 epochs in around 1.5 hours"); else keep the clause whole up to MAX_WHOLE_WORDS; else keep
  // MAX_WORDS words around the number, and say where words were left out.
  const wordCount = (from: number, to: number) => index.words(from, to).count;
  if (wordCount(start, stop) > MAX_WORDS) {
    const pause = index.pauseIn(end, stop);
    // Ending at a pause with a result after it in the clause would leave that result a fragment of
    // its own ("…compared to 18% for the generative model"), unless a verb before it starts its
    // phrase (", we show that our hybrid models improve an additional 10-15%").
    const nextResult = pause === null ? null : index.resultFrom(pause);
    const pauseEnds = pause !== null && (nextResult === null || nextResult >= stop || index.verbIn(pause, nextResult));
    const comma = index.commaIn(start, at);
    // (A stretch that only adds to the clause before may still name its own metric: "…, with a speedup of up to 3.28x".)
    const commaStarts = comma !== null && (!ADDED_ON.test(sentence.slice(comma, comma + 12)) || METRIC.test(sentence.slice(comma, at)));
    // A span that fits `limit` words, ending at the pause (if that leaves no fragment, or `fragmentsAllowed`) or starting at the comma.
    const shorter = (limit: number, fragmentsAllowed: boolean): Clause | null => {
      const atPause = pause !== null && (pauseEnds || fragmentsAllowed);
      if (atPause && wordCount(start, pause) <= limit) return { start, stop: pause, cutBefore: rest, cutAfter: false };
      if (comma === null || !commaStarts) return null;
      if (wordCount(comma, stop) <= limit) return { start: comma, stop, cutBefore: true, cutAfter: false };
      return atPause && wordCount(comma, pause) <= limit ? { start: comma, stop: pause, cutBefore: true, cutAfter: false } : null;
    };
    const whole = wordCount(start, stop) <= MAX_WHOLE_WORDS ? { start, stop, cutBefore: rest, cutAfter: false } : null;
    const span = shorter(MAX_WORDS, false) ?? whole ?? shorter(MAX_WHOLE_WORDS, false) ?? shorter(MAX_WORDS, true);
    if (span) return span;
    const words = index.words(start, stop);
    const numberWord = index.wordAfter(at) - words.first;
    // A clause a few words too long even for MAX_WHOLE_WORDS loses them from its start, not its end,
    // which says what the result is compared with ("… have the same top associated token compared to
    // the pretrained model"), unless it starts at the verb that says what the number is.
    const atVerb = verb !== null || VERB.test(/^[\p{L}\p{N}@-]*/u.exec(sentence.slice(start, start + 30))![0]);
    const fewOver = words.count - MAX_WHOLE_WORDS;
    if (!atVerb && fewOver <= FEW_WORDS_OVER && numberWord >= fewOver) {
      // It starts at a subject within those few words rather than inside a name or a modifier ("…we find
      // that accuracy of above 90 percent …", not "…MNIST we find …").
      let first = fewOver;
      for (let word = fewOver; word <= Math.min(FEW_WORDS_OVER, numberWord); word++) {
        const at = index.wordStart(words.first + word, start);
        if (SUBJECT_START.test(sentence.slice(at, at + 8))) {
          first = word;
          break;
        }
      }
      return { start: index.wordStart(words.first + first, start), stop, cutBefore: true, cutAfter: false };
    }
    // A phrase from its verb ends where a modifier after its results starts, within MAX_WHOLE_WORDS
    // words ("… over its zero-shot performance across 10 translation directions" before "from the WMT'21
    // (2 directions) and …"), rather than mid-phrase.
    const first = Math.max(0, Math.min(numberWord - 8, words.count - MAX_WORDS));
    if (atVerb && first === 0) {
      for (let word = Math.min(words.count, MAX_WHOLE_WORDS); word > numberWord + 1; word--) {
        const at = index.wordStart(words.first + word, start);
        if (!MODIFIER_START.test(sentence.slice(at, at + 12))) continue;
        const next = index.resultFrom(at);
        if (next === null || next >= stop) return { start, stop: index.wordEnd(words.first + word - 1, stop), cutBefore: rest, cutAfter: false };
        break;
      }
    }
    let last = words.first + first + MAX_WORDS - 1;
    // Not inside a name ("…across a number of diverse Universal…" and "…Dependency treebanks").
    const capital = (run: number) => /^\p{Lu}/u.test(sentence.slice(index.wordStart(run, start), index.wordEnd(run, stop)));
    while (last > words.first + numberWord && last + 1 < words.first + words.count && capital(last) && capital(last + 1)) last--;
    last = windowEnd(index, sentence, words.first + numberWord, last, start, stop);
    // Not at a word ending before a comma ("…particular, we are able to make …").
    const opening = first > 0 && first < numberWord && sentence[index.wordEnd(words.first + first, stop) - 1] === ',' ? first + 1 : first;
    return {
      start: index.wordStart(words.first + opening, start),
      stop: index.wordEnd(last, stop),
      cutBefore: rest || first > 0,
      cutAfter: first + MAX_WORDS < words.count,
    };
  }
  return { start, stop, cutBefore: rest, cutAfter: false };
}

// What joins a result on to the one before it ("…on a category and the average of 8 F1 score …"),
// when the words after it open a result's phrase: a determiner or the number ("and ImageNet" joins names).
const JOINS_ON = /^(?:and|or|whereas)$/i;
const OPENS_RESULT = /^(?:the|a|an|its|our|their|this|these|[~∼≈]?[+±-]?\d)/i;
// Words that lead to a number ("with only 8", "by up to 3").
const LEADS_TO_NUMBER = /^(?:with|by|of|at|to|for|on|in|from|over|under|using|only|just|about|around|nearly|almost|roughly|approximately|up|than|more|less|least)$/i;
// How near the window's end a result's number is to lose its unit or what it measures to the cut.
const WORDS_A_RESULT_NEEDS = 2;

/**
 * Where a phrase cut to a window of words ends (`last`, a word run): not inside a parenthesis opened
 * after its number (`numberRun`: "…three platforms (i.e. iOS, Android and web-based…"), not at words
 * that only join on what it leaves out ("…, and", "…as well as"), and not just after the number of a
 * later result, which would lose what it measures ("…and the average of 8…"): then before the words
 * joining that result on ("and", "as well as", a comma), which starts a phrase of its own.
 */
function windowEnd(index: SentenceIndex, sentence: string, numberRun: number, last: number, start: number, stop: number): number {
  const word = (run: number) => sentence.slice(index.wordStart(run, start), index.wordEnd(run, stop));
  const asWellAs = (run: number) => run - 2 > numberRun && word(run - 2) === 'as' && word(run - 1) === 'well' && word(run) === 'as';
  const holdsResult = (run: number) => {
    const result = index.resultFrom(index.wordStart(run, start));
    return result !== null && result < index.wordEnd(run, stop);
  };
  const afterNumber = index.wordEnd(numberRun, stop);
  const open = openParenthesis(sentence, afterNumber, index.wordEnd(last, stop));
  if (open !== null && index.wordAfter(open) - 1 > numberRun) return index.wordAfter(open) - 1;
  let end = last;
  for (;;) {
    if (end > numberRun + 1 && JOINS_ON.test(word(end))) end--;
    else if (asWellAs(end)) end -= 3;
    // (The window's end inside "as well as".)
    else if (end === last && asWellAs(end + 1)) end -= 2;
    else if (end === last && asWellAs(end + 2)) end -= 1;
    else break;
  }
  const next = index.resultBefore(index.wordEnd(end, stop));
  if (next === null || next < afterNumber || index.wordAfter(next) < end - WORDS_A_RESULT_NEEDS + 1) return end;
  for (let run = index.wordAfter(next) - 1; run > numberRun + 1; run--) {
    if (!OPENS_RESULT.test(word(run + 1))) continue;
    if (word(run).endsWith(',')) return run;
    // Numbers that share a unit go together ("0.2% and 2% increase").
    if (JOINS_ON.test(word(run)) && !holdsResult(run - 1)) return run - 1;
    if (asWellAs(run)) return run - 3;
  }
  // A bare number the window ends at (its unit past the cut), with nothing joining it on: the phrase
  // ends before it and the words leading to it ("…ImageNet data | with 8"); it starts a phrase of its own.
  if (index.wordAfter(next) !== end || !/^[~∼≈]?[+±-]?\d[\d.,]*$/.test(word(end))) return end;
  let before = end - 1;
  while (before > numberRun + 1 && LEADS_TO_NUMBER.test(word(before))) before--;
  return before > numberRun ? before : end;
}

/** Where the last parenthesis opened in [from, to) and not closed there starts, or null. */
function openParenthesis(sentence: string, from: number, to: number): number | null {
  const opened: number[] = [];
  for (let at = from; at < to; at++) {
    if (sentence[at] === '(') opened.push(at);
    else if (sentence[at] === ')') opened.pop();
  }
  return opened.at(-1) ?? null;
}

// A sentence's opening phrase that says where or against what its numbers hold ("On GSM8K and
// HumanEval, our method achieves …", "Compared to GPT-4, …"), not a discourse marker ("In this
// paper,", "In addition,", "On the other hand,").
const SETTING_OPENER = /^((?:On|In|For|Across|Under|Over|At|With|Compared (?:to|with)|Relative to)\s[^,;:()]+?),\s/;
const DISCOURSE = String.raw`In (?:this|our|the present) (?:paper|work|study|article|report)|In order (?:to|for) [^,;:()]+|In (?:addition|particular|contrast|summary|practice|short|general|fact|doing so|turn|experiments|comparison)|On the other hand|On the contrary|At the same time|For (?:example|instance|this|that)|With (?:this|that|these|it)`;
const DISCOURSE_OPENER = new RegExp(`^(?:${DISCOURSE})$`, 'i');
// What a phrase taken from a sentence's start need not say ("For instance, we receive 76.43% …").
const DISCOURSE_LEAD = new RegExp(
  String.raw`^(?:${DISCOURSE}|Empirically|Experimentally|Besides|Moreover|Further(?:more)?|Additionally|(?:More )?Specifically|Notably|Importantly|Interestingly|Surprisingly|Finally|However|Overall|Consequently|As a result|Thus|Therefore|Hence|Then|Here|First|Second|Third|To this end|To address this),\s+`,
  'i',
);
const MAX_OPENER_WORDS = 10;

// A clause that opens with where its numbers hold, then its subject, with no comma between ("On
// WikiText-103 we achieve …", "…, and on GSM8K it improves …", "…, while on BEIR our model scores …").
// (After a comma too: SentenceIndex takes ", and on GSM8K it improves …" for no clause of its own.)
// Its subject is a pronoun or "our …": "the exact" of "…this framework boosts the exact match
// accuracy" would make "boosts" a setting's word. It names something (a capital or a digit past its
// first word: GSM8K, WikiText-103, "temperature 0.7"), not "in which", "in this way", "for the first time".
const SETTING_BEFORE_SUBJECT = /(?:^|[,;]\s+)(?:(?:and|but|while|whereas|whilst)\s+)?((?:on|in|for|across|under|over|at|compared (?:to|with)|relative to)\s[^,;:()]+?)\s+(?:we|it|they|our [\p{L}\p{N}-]+)\s+$/iu;

/**
 * The setting a result phrase's clause opens with, when the phrase starts after it (at its verb):
 * "On GSM8K and HumanEval: achieves a 2.26x speedup and 2.23x speedup, respectively" says what the
 * numbers are of, and what "respectively" refers to; "On GSM8K: improves accuracy from 35.2% to
 * 41.7%" of "…, and on GSM8K it improves accuracy …", which benchmark.
 */
function settingOf(sentence: string, clauseStart: number, phraseStart: number): string | null {
  const setting = openerSetting(sentence, clauseStart, phraseStart) ?? settingBeforeSubject(sentence.slice(clauseStart, phraseStart));
  if (setting === null) return null;
  // A subject in it ("On WikiText-103 we achieve 18.7 perplexity, …") makes it a clause of its own.
  const clause = /\b(?:we|our|us|they|it)\b/i.test(setting);
  return clause || DISCOURSE_OPENER.test(setting) || setting.split(/\s+/).length > MAX_OPENER_WORDS ? null : setting[0]!.toUpperCase() + setting.slice(1);
}

/** The sentence's opener (SETTING_OPENER) when the phrase follows its own comma: "On GSM8K, HumanEval and MBPP, we …" lists on past it. */
function openerSetting(sentence: string, clauseStart: number, phraseStart: number): string | null {
  const opener = clauseStart === 0 ? SETTING_OPENER.exec(sentence) : null;
  return opener && phraseStart >= opener[0].length && !/[,;]/.test(sentence.slice(opener[0].length, phraseStart)) ? opener[1]! : null;
}

/** What the text before a phrase opens its clause with (SETTING_BEFORE_SUBJECT), when it names something past its first word. */
function settingBeforeSubject(beforePhrase: string): string | null {
  const setting = SETTING_BEFORE_SUBJECT.exec(beforePhrase)?.[1];
  return setting !== undefined && /[\p{Lu}\p{N}]/u.test(setting.replace(/^\S+\s+/, '')) ? setting : null;
}

// What a sentence opens with when its first phrase only sets the scene for the clause after it ("With
// improvements of up to 4.8, training with XLDA achieves …", "When distilling to 20% of …, we …").
const OPENING = /^(?:With|Without|When|Whenever|If|Given|Using|After|Although|Though|While|Once|Since|Because|Unlike|Despite|Under|By|At|On|In|For|Across|Over|Compared|Relative)\b/;

/**
 * A phrase that is only its sentence's opening (up to its first comma) runs on to the end of the
 * clause after the comma, the clause that says the result; null when that is longer than
 * MAX_WHOLE_WORDS, as the opening alone says nothing (the clause after it is then one of its own).
 */
function runOn(index: SentenceIndex, sentence: string, clause: Clause): Clause | null {
  const lead = DISCOURSE_LEAD.exec(sentence)?.[0].length ?? 0;
  const opening = clause.start <= lead && sentence.startsWith(', ', clause.stop) && index.commaIn(lead + 1, clause.stop + 1) === null;
  if (!opening || !OPENING.test(sentence.slice(lead))) return clause;
  const stop = index.endAfter(clause.stop + 1) ?? sentence.length;
  if (index.words(clause.start, stop).count <= MAX_WHOLE_WORDS) return { ...clause, stop, cutAfter: false };
  index.startClauseAt(clause.stop + 2);
  return null;
}

function tidy(phrase: string): string {
  const trimmed = phrase
    .replace(/^[\s,;:，；：、]+|[\s,;:.!(，；：、。！]+$/g, '')
    .replace(/^(?:and|but|while|whereas|where|which|thus|thereby|or|as well as)\s+/i, '')
    // A clause reported ("show that A, and that B"): the result, not the report (QA: "that self-correction recovers …").
    .replace(/^(?:(?:(?:we|our (?:results|experiments|analysis|analyses|findings|evaluations?))\s+(?:also\s+|further\s+)?)?(?:(?:show|demonstrate|observe|confirm|prove|establish|reveal|indicate|predict|suggest)(?:s|d|ed|n)?|find|finds|found)\s+)?that\s+(?!of\b|is\b|was\b|are\b|were\b|can\b|could\b|would\b|will\b|has\b|have\b)/i, '')
    .replace(/^\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])\)\s+/i, '') // an item's mark: "ii) almost complete transfer …"
    .replace(/\s+(?:and|but|while|whereas|or)$/i, '')
    .replace(DISCOURSE_LEAD, '');
  // A parenthesis the phrase does not close or open is the sentence's, not the phrase's:
  // "… by 400%)", "(with BN) to a constant (0.3) …" keep theirs.
  if (trimmed.startsWith('(') && !closed(trimmed, '(', ')')) return trimmed.slice(1).trimStart();
  if (trimmed.endsWith(')') && !closed([...trimmed].reverse(), ')', '(')) return trimmed.slice(0, -1);
  return trimmed;
}

/** Whether the bracket the characters start with is closed among them. */
function closed(chars: Iterable<string>, open: string, close: string): boolean {
  let depth = 0;
  for (const char of chars) {
    if (char === open) depth++;
    else if (char === close && --depth === 0) return true;
  }
  return false;
}

/** Every quantitative result in the abstract, as short phrases in order, deduplicated, at most 6. */
export function extractKeyResults(abstract: string): string[] {
  return resultsOf(splitSentences(abstract));
}

/** extractKeyResults on an abstract already split into sentences. */
export function resultsOf(sentences: string[]): string[] {
  const out: string[] = [];
  const firstOwn = sentences.findIndex((sentence) => OWN_VOICE.test(sentence));
  for (const [at, sentence] of sentences.entries()) {
    if (at < firstOwn && (CITES.test(sentence) || GENERAL_CAN.test(sentence))) continue;
    let covered = -1; // end of the last phrase taken from this sentence
    const results = [
      ...[...sentence.matchAll(NUMBER)].filter((m) => isResult(sentence, m.index, m.index + m[0].length, m[1]!, m[2])),
      ...sentence.matchAll(RATE),
      ...sentence.matchAll(WORDED),
    ].sort((a, b) => a.index - b.index);
    if (results.length === 0) continue;
    const index = new SentenceIndex(
      sentence,
      results.map((m) => m.index),
    );
    let next = 0; // the first result not before the phrase being built
    for (const m of results) {
      const at = m.index;
      const end = at + m[0].length;
      if (at < covered) continue;
      const span = runOn(index, sentence, clauseSpan(index, sentence, at, end, covered));
      if (!span) continue;
      const { start, stop, cutBefore, cutAfter } = span;
      covered = stop;
      while (next < results.length && results[next]!.index < start) next++;
      let last = next;
      while (last < results.length && results[last]!.index < stop) last++;
      if (results.slice(next, last).every((r) => othersNumber(sentence, r.index, r.index + r[0].length))) continue;
      const clause = tidy(sentence.slice(start, stop));
      const setting = cutBefore ? null : settingOf(sentence, index.startBefore(at), start);
      const phrase = clause && `${setting ? `${setting}: ` : cutBefore ? '…' : ''}${clause}${cutAfter ? '…' : ''}`;
      if (phrase && !out.includes(phrase)) out.push(phrase);
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
