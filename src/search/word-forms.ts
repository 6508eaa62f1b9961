/**
 * English inflections, for search: a query word finds the other forms of its word ("following"
 * finds "follow" and "follows", "instruction" finds "instructions", "llm" finds "llms"). Only
 * endings that inflect a word are read, never derivations ("attention" is not "attend"), but for
 * a verb in "-ize" and its nouns in "-ization" and "-izer" ("quantized" finds "quantization"). Both
 * the query word and the indexed term are read the same way, so a rule's oddities cancel out
 * ("falling" and "fall" both read "fal").
 */

// Plain letters only: "gpt4" or "3d" have no inflections to read.
const PLAIN_WORD = /^[a-z]+$/;
// "-es" is an ending after a hiss ("approaches", "losses", "boxes"); elsewhere the "e" is the word's ("images").
const ES_AFTER_HISS = /(?:ch|sh|x|ss|z)es$/;
// A final "s" that is no plural: "loss", "analysis", "corpus" (but "gpus" is: no vowel before its "us").
const S_OF_THE_WORD = /(?:ss|is|[aeiouy][^aeiouy]*us)$/;
const VOWEL = /[aeiouy]/;
// "modelling" and "model", "stopped" and "stop": a doubled final consonant reads once.
const DOUBLED_CONSONANT = /([b-df-hj-np-tv-z])\1$/;
// Words whose final "s", "ed" or "ing" is their own, which the rules above would read as an ending
// ("bias" is no plural of "bia", "news" none of "new", "embed" no past of "emb").
const S_WORDS = new Set(['bias', 'alias', 'atlas', 'canvas', 'gas', 'lens', 'news', 'pandas']);
const ED_WORDS = new Set(['embed', 'imbed', 'testbed', 'seabed', 'hundred', 'sacred', 'naked', 'wicked', 'kindred', 'infrared']);
const ING_WORDS = new Set(['evening', 'morning', 'ceiling', 'during']);

/** What is left of a word without an ending, if enough is left to be a word: "string" is no "str" + "ing". */
function without(word: string, ending: number, needsVowel = true): string | null {
  const stem = word.slice(0, word.length - ending);
  return stem.length >= 3 && (!needsVowel || VOWEL.test(stem)) ? stem : null;
}

/** The word without a plural's ending ("llms": "llm", "approaches": "approach"), or null for none. */
function singular(word: string): string | null {
  if (S_WORDS.has(word)) return null;
  // "biases", "lenses": the plural of a word of S_WORDS.
  if (word.endsWith('es') && S_WORDS.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith('ies')) return without(word, 3)?.concat('y') ?? null;
  if (ES_AFTER_HISS.test(word)) return without(word, 2);
  // An acronym's plural has no vowel to read: "llms", "cnns".
  return word.endsWith('s') && !S_OF_THE_WORD.test(word) ? without(word, 1, false) : null;
}

/** The word without a verb's ending ("applied", "following", "learned"), or null for none. */
function verbStem(word: string): string | null {
  if (ED_WORDS.has(word) || ING_WORDS.has(word)) return null;
  if (word.endsWith('ied')) return without(word, 3)?.concat('y') ?? null;
  if (word.endsWith('ing')) return without(word, 3);
  // "speed", "need", "seed" end in no "-ed".
  return word.endsWith('ed') && !word.endsWith('eed') ? without(word, 2) : null;
}

// British spellings, read as the American ones, so that either finds the other ("optimisation" and
// "optimization", "behaviour" and "behavior"). Each keeps the word's first three letters (acronyms.ts
// relies on it). "-ise", "-yse" and their forms read "-ize", "-yze" ("analyse": "analyz"), not a
// word's own "-is" ("analysis").
const ISE_FORM = /[iy]s(?:e|es|ed|ing|ation|ations|er|ers)$/;
const ISE_BASE = /^(.{2,}[iy])s(ation|er)?$/;
const OUR_STEMS = 'behavi|col|endeav|fav|flav|harb|hon|hum|lab|neighb|od|rig|rum|splend|tum|vap|vig';
const OUR_BASE = new RegExp(`^(${OUR_STEMS})our`);
const OGUE_BASE = /^(.{3,}og)u$/;
const AMERICAN_BASES = new Map([
  ['centr', 'center'], ['fibr', 'fiber'], ['theatr', 'theater'], ['defenc', 'defens'], ['licenc', 'licens'], ['offenc', 'offens'],
  // ("programme" reads "programm"; "judgement" as LLM-as-a-judge papers write it.)
  ['programm', 'program'], ['judgement', 'judgment'], ['acknowledgement', 'acknowledgment'], ['artefact', 'artifact'], ['learnt', 'learn'],
]);
// A verb in "-ize"'s nouns, which name what it does ("quantization", "optimizer"): a search for
// "quantized" missed the quantization papers (QA).
const IZE_NOUN = /^(.{2,}[iy]z)(?:ation|er)$/;
// Where those readings part from the British spellings' words: "optimi" (optimise), "behavio" (behaviour), "cent" (centre), "judg" (judgement).
const PARTING = new RegExp(`^(?:(.{2,}[iy])z(?:ation|er)?|((?:${OUR_STEMS})o)r.*|(cent|fib|theat)er|(defen|licen|offen)s|(judg|acknowledg)ment|(art)ifact)$`);

/** The form a word's inflections share; the word itself when it has none to read. */
export function wordBase(word: string): string {
  if (!PLAIN_WORD.test(word) || word.length < 4) return word;
  const one = singular(word);
  // A plural of a verb's noun: "embeddings", "findings", "settings".
  let base = one ? (one.endsWith('ing') ? verbStem(one) ?? one : one) : verbStem(word) ?? word;
  base = base.replace(DOUBLED_CONSONANT, '$1');
  // "encode", "encoded" and "encoding" read "encod"; "image" and "images" "imag".
  if (base.endsWith('e') && base.length > 3) base = base.slice(0, -1);
  if (ISE_FORM.test(word)) base = base.replace(ISE_BASE, '$1z$2');
  base = base.replace(IZE_NOUN, '$1');
  return AMERICAN_BASES.get(base) ?? base.replace(OUR_BASE, '$1or').replace(OGUE_BASE, '$1');
}

/**
 * The reading (wordBase) of every plain word of a folded text, between spaces (" follow model "): a
 * list searched as typed finds a word's other forms by its reading (formsKey).
 */
export function formsText(foldedText: string): string {
  const bases = new Set<string>();
  // Each word once: a text repeats most of its words (a paper's notes, 4 KB, hold about a third as many words).
  for (const word of new Set(foldedText.split(/[^a-z]+/))) if (word.length >= 4) bases.add(wordBase(word));
  return ` ${[...bases].join(' ')} `;
}

/** The reading a search word's forms share in a formsText, or null for a word whose forms are not looked for. */
export function formsKey(word: string): string | null {
  return PLAIN_WORD.test(word) && word.length >= 4 ? ` ${wordBase(word)} ` : null;
}

/**
 * Where a word's other forms begin in a sorted list of terms: its base, but for a base ending in
 * "y", which its forms may spell "i" ("study": "studies"), and one a British spelling parts from
 * ("optimiz": "optimi", for "optimise").
 */
export function formsPrefix(base: string): string {
  // First: the spellings part before a final "y" ("favorably": "favo", for "favourably").
  const parting = PARTING.exec(base);
  if (parting) return parting.slice(1).find((start) => start !== undefined)!;
  return base.endsWith('y') ? base.slice(0, -1) : base;
}
