import { readText, tokenize } from './tokenize';
import { wordBase } from './word-forms';

/**
 * Common machine-learning acronyms and what they stand for: readers search by either ("moe",
 * "mixture of experts"), so the search index gives a paper that writes one the terms of the other.
 *
 * The rule for an entry: the acronym means this one thing in ML papers, and is neither an ordinary
 * English word met in their titles and TL;DRs nor a common part of names, since every title and
 * TL;DR holding it as a word would get the long form ("it", "am", "art", "rope", "clip", "sam",
 * "mae", "gan" are left out; "rag" and "cot" are in: as words they are rare in ML papers).
 * Long forms are written as words; several when papers spell the phrase in several ways.
 */
const ACRONYM_TABLE: readonly (readonly [acronym: string, ...longForms: string[]])[] = [
  ['llm', 'large language model'],
  ['mllm', 'multimodal large language model'],
  ['slm', 'small language model'],
  ['lm', 'language model'],
  ['vlm', 'vision language model', 'vision-language model'],
  ['rag', 'retrieval augmented generation'],
  ['moe', 'mixture of experts'],
  ['rlhf', 'reinforcement learning from human feedback'],
  ['rlaif', 'reinforcement learning from AI feedback'],
  ['rl', 'reinforcement learning'],
  ['dpo', 'direct preference optimization', 'direct preference optimisation'],
  ['ppo', 'proximal policy optimization', 'proximal policy optimisation'],
  ['grpo', 'group relative policy optimization', 'group relative policy optimisation'],
  ['sft', 'supervised fine tuning', 'supervised finetuning'],
  ['peft', 'parameter efficient fine tuning', 'parameter efficient finetuning'],
  ['lora', 'low rank adaptation'],
  ['kv', 'key value'],
  ['cot', 'chain of thought'],
  ['icl', 'in context learning'],
  ['nmt', 'neural machine translation'],
  ['asr', 'automatic speech recognition'],
  ['tts', 'text to speech'],
  ['ocr', 'optical character recognition'],
  ['nlp', 'natural language processing'],
  ['nlu', 'natural language understanding'],
  ['nlg', 'natural language generation'],
  ['nli', 'natural language inference'],
  ['ner', 'named entity recognition'],
  ['qa', 'question answering'],
  ['vqa', 'visual question answering'],
  ['gnn', 'graph neural network'],
  ['gcn', 'graph convolutional network'],
  ['cnn', 'convolutional neural network'],
  ['rnn', 'recurrent neural network'],
  ['lstm', 'long short term memory'],
  ['vit', 'vision transformer'],
  ['dit', 'diffusion transformer'],
  ['vae', 'variational autoencoder', 'variational auto encoder'],
  ['sae', 'sparse autoencoder', 'sparse auto encoder'],
  ['ddpm', 'denoising diffusion probabilistic model'],
  ['nerf', 'neural radiance field'],
  ['ssm', 'state space model'],
  ['mlp', 'multilayer perceptron', 'multi layer perceptron'],
  ['sgd', 'stochastic gradient descent'],
  ['mdp', 'markov decision process'],
  ['mcts', 'monte carlo tree search'],
  ['nas', 'neural architecture search'],
  ['kd', 'knowledge distillation'],
  ['bpe', 'byte pair encoding'],
  ['prm', 'process reward model'],
  ['sota', 'state of the art'],
  ['maml', 'model agnostic meta learning'],
  ['ood', 'out of distribution'],
  ['svm', 'support vector machine'],
  ['pca', 'principal component analysis'],
  ['crf', 'conditional random field'],
  ['gru', 'gated recurrent unit'],
  ['dqn', 'deep q network'],
  ['trpo', 'trust region policy optimization', 'trust region policy optimisation'],
  ['marl', 'multi agent reinforcement learning'],
  ['mcmc', 'markov chain monte carlo'],
  ['elbo', 'evidence lower bound'],
  ['wer', 'word error rate'],
  ['snn', 'spiking neural network'],
  ['pinn', 'physics informed neural network'],
  ['mha', 'multi head attention'],
  ['ewc', 'elastic weight consolidation'],
  ['ctc', 'connectionist temporal classification'],
  ['rlvr', 'reinforcement learning with verifiable rewards'],
];

/** A long form as its words, stopwords kept ("in context learning" is not "context learning"), each by its reading. */
interface LongForm {
  acronym: string;
  bases: string[];
}

const ACRONYMS = new Set(ACRONYM_TABLE.map(([acronym]) => acronym));
/** Each acronym's long forms as the table writes them, by the acronym and its plural. */
const WRITTEN_LONG_FORMS = new Map<string, readonly string[]>();
/** What the index adds for each acronym written as a word (and its plural, "llms"): the long forms' terms. */
const LONG_FORM_TERMS = new Map<string, string[]>();
/** The long forms by the reading of their first word. */
const LONG_FORMS_BY_FIRST = new Map<string, LongForm[]>();
/**
 * The first three letters of those readings: a word's reading begins with its own first three
 * letters (wordBase changes only what follows them), so a word beginning otherwise starts no long
 * form, unread.
 */
const FIRST_WORD_STARTS = new Set<string>();

for (const [acronym, ...longForms] of ACRONYM_TABLE) {
  const terms = [...new Set(longForms.flatMap((longForm) => tokenize(longForm)))];
  LONG_FORM_TERMS.set(acronym, terms);
  LONG_FORM_TERMS.set(`${acronym}s`, terms);
  WRITTEN_LONG_FORMS.set(acronym, longForms);
  WRITTEN_LONG_FORMS.set(`${acronym}s`, longForms);
  for (const longForm of longForms) {
    const bases = readText(longForm).words.map(wordBase);
    const sameStart = LONG_FORMS_BY_FIRST.get(bases[0]!) ?? [];
    LONG_FORMS_BY_FIRST.set(bases[0]!, [...sameStart, { acronym, bases }]);
    FIRST_WORD_STARTS.add(bases[0]!.slice(0, 3));
  }
}

/**
 * A number for a word's first three letters, a to z (0 past its end); -1 when one is another
 * character. Reading 100,000 papers' texts, a table by this number passes over the words that are
 * no acronym and start no long form (most) without a lookup by string.
 */
function startNumber(word: string): number {
  let number = 0;
  for (let at = 0; at < 3; at++) {
    const letter = at < word.length ? word.charCodeAt(at) - 96 : 0;
    if (letter < 0 || letter > 26) return -1;
    number = number * 27 + letter;
  }
  return number;
}

/** Which starts (startNumber) an acronym, its plural or a long form's first word has (all a to z: none is -1). */
const ROLE_STARTS = new Uint8Array(27 ** 3);
for (const start of [...LONG_FORM_TERMS.keys(), ...FIRST_WORD_STARTS]) ROLE_STARTS[startNumber(start)] = 1;

/** Whether a word is an acronym of the table: its only other form is its plural ("rag" is not "ragged"). */
export function isAcronym(word: string): boolean {
  return ACRONYMS.has(word);
}

/** The terms of an acronym's long forms ("llms": large, language, model); none for another word. */
export function longFormTermsOf(word: string): readonly string[] {
  return LONG_FORM_TERMS.get(word) ?? [];
}

/** A term a text is also found by: an acronym it writes in full, or a word of an acronym's long form. */
export interface AcronymTerm {
  term: string;
  isAcronym: boolean;
}

/**
 * A reader of the terms a text is also found by for its acronyms and long forms, each once: an
 * acronym's long-form words ("LLMs" → large, language, model) and a long form's acronym
 * ("Mixture-of-Experts", "mixtures of experts" → moe). It reads a text's words (`readText`'s).
 * One reader per index build: it remembers each word's reading (titles and TL;DRs share most of
 * their words) and the long forms it may begin.
 */
export function acronymReader(): (words: readonly string[]) => AcronymTerm[] {
  const bases = new Map<string, string>();
  const baseOf = (word: string): string => {
    let base = bases.get(word);
    if (base === undefined) bases.set(word, (base = wordBase(word)));
    return base;
  };
  // What each word met with a start in ROLE_STARTS is: an acronym (its long forms' terms), a long
  // form's first word, or neither (null).
  const roles = new Map<string, { longFormTerms: readonly string[]; begins: readonly LongForm[] } | null>();
  const roleOf = (word: string) => {
    let role = roles.get(word);
    if (role === undefined) {
      const longFormTerms = LONG_FORM_TERMS.get(word) ?? [];
      const begins = FIRST_WORD_STARTS.has(word.slice(0, 3)) ? (LONG_FORMS_BY_FIRST.get(baseOf(word)) ?? []) : [];
      roles.set(word, (role = longFormTerms.length > 0 || begins.length > 0 ? { longFormTerms, begins } : null));
    }
    return role;
  };
  return (words) => {
    let found: Map<string, boolean> | undefined;
    for (let at = 0; at < words.length; at++) {
      const word = words[at]!;
      const start = startNumber(word);
      if (start >= 0 && ROLE_STARTS[start] === 0) continue;
      const role = roleOf(word);
      if (role === null) continue;
      for (const term of role.longFormTerms) (found ??= new Map()).set(term, found.get(term) ?? false);
      for (const { acronym, bases: longFormBases } of role.begins) {
        if (longFormBases.every((base, offset) => offset === 0 || (at + offset < words.length && baseOf(words[at + offset]!) === base))) (found ??= new Map()).set(acronym, true);
      }
    }
    return found ? Array.from(found, ([term, isAcronym]) => ({ term, isAcronym })) : [];
  };
}

/**
 * What a text writes otherwise, for searches that look for the words typed in a text (the reading
 * list's): the long forms of each acronym it writes ("MoE" → "mixture of experts") and the acronym of
 * each long form ("Mixture-of-Experts" → "moe").
 */
export function acronymSpellings(text: string): string[] {
  const spellings = new Set<string>();
  const { words } = readText(text);
  for (const word of words) for (const longForm of WRITTEN_LONG_FORMS.get(word) ?? []) spellings.add(longForm);
  for (const { term, isAcronym } of acronymReader()(words)) if (isAcronym) spellings.add(term);
  return [...spellings];
}
