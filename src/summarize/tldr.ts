/**
 * TL;DR picking: every sentence (and trimmed variants of it) is scored by a linear model over
 * cheap features. One of them is the candidate's expected ROUGE-1 against an unseen TL;DR, from a
 * small word model (how likely each word of the abstract is to appear in its TL;DR). Everything
 * is trained by scripts/train-tldr.ts on SciTLDR train and chosen on dev.
 */
import { splitSentences } from './sentences';
import { TLDR_MODEL } from './tldr-model';

/** The word model and word lists the features need (all but the ranker's weights). */
export interface TldrLexicon {
  /** Logistic weights over TOKEN_FEATURE_COUNT word features. */
  tokenWeights: readonly number[];
  /** Log-odds that a word stem of an abstract appears in its TL;DR, for frequent stems. */
  copyLogits: Readonly<Record<string, number>>;
  /** The same for every other stem. */
  defaultCopyLogit: number;
  /** Frequent first two words of TL;DRs and of abstract sentences. */
  candidatePrefixes: readonly string[];
  sentencePrefixes: readonly string[];
}

export interface TldrModel extends TldrLexicon {
  /** One weight per feature (integers: only the ranking matters). */
  ranker: readonly number[];
}

export interface Candidate {
  text: string;
  index: number; // sentence index
  lead: number; // 0 = kept, 1 = a known lead-in removed, 2 = a leading clause before ", we" removed
  paren: number; // 1 = parentheticals removed
  cut: number; // 0 = whole, else 1 + index in CUTS of the connector the tail was cut at
  kept: number; // fraction of the sentence's words kept
}

// What a sentence does about a problem an earlier one stated ("To address this, …").
const PROBLEM_VERBS = 'address|tackle|solve|overcome|fill|bridge|mitigate|alleviate|handle';
// Lead-ins that can be dropped from the front of a sentence.
const LEAD_IN = new RegExp(
  String.raw`^(?:in (?:this|the present|our) (?:paper|work|study|article)|here|to (?:${PROBLEM_VERBS}) (?:this|these|that|the|such)(?: [\w-]+){0,3}|to (?:this|that) end|to do so|to achieve (?:this|that|these)|as a (?:by-?product|first step)|for (?:this|that|these) (?:purpose|reason)s?|with (?:this|that|these) in mind|in (?:particular|addition|response(?: to this)?|this context|summary|short)|(?:more )?specifically|consequently|therefore|thus|hence|however|moreover|furthermore|additionally|finally|as a result|overall|notably|interestingly|first|second|third|lastly|next|then|instead)(?:,\s*|\s+(?=we\b))`,
  'i',
);
// Lead-ins that point back at earlier sentences ("To address this,"): never kept in a TL;DR.
const DANGLING_LEAD_IN = new RegExp(
  String.raw`^(?:to (?:${PROBLEM_VERBS}) (?:this|these|that|such)\b|to (?:this|that) end|to do so|to achieve (?:this|that|these)|as a (?:by-?product|first step)|for (?:this|that|these) (?:purpose|reason)s?|with (?:this|that|these) in mind|in (?:addition|response|this context)|consequently|therefore|thus|hence|however|moreover|furthermore|additionally|finally|as a result|lastly|next|then|instead|second|third)\b`,
  'i',
);
// Words by which a leading clause refers to earlier sentences ("this paper" is the paper itself).
const ANAPHORIC = /\b(?:this|these|those|such|it|them|the (?:first|second|third|former|latter|above|two|three|four))\b(?! (?:paper|work|study|survey|article|report)\b)/i;
// A pronoun right after "we" and its verb, before any noun it could stand for ("We explore its compression").
const PRONOUN_AHEAD = /^We (?:\w+ ){1,2}(?:its|their|it(?! (?:is|was)\b)|them)\b/;
// Any short leading clause before ", we …" ("Inspired by X, we …").
const LEAD_CLAUSE = /^[^,;:()]{3,120}?,\s+(?:(?:in|within) this (?:paper|work|study),?\s+)?(?=we\b)/i;
// Connectors a tail may be cut at (the cut keeps the text before them).
// (Not at bare prepositions or "that": "trained on …" cut there reads "trained.")
const CUTS = [',', ';', '(', 'by', 'which', 'with', 'using', 'while', 'and', 'through', 'via', 'where'];
const CUT_AT = /,\s|;\s|\s\(|\s(?:by|which|with|using|while|and|through|via|where)\s/g;
// A cut right after these leaves a phrase hanging: an adverb ("scales primarily."), a list's
// announcement ("with the following results."), a participle without its complement
// ("…, characterized.", "…, dealing."), a subordinate clause without its main clause ("…; if X follows Y."), or
// a preposition, an article or a verb whose list was cut off ("… by Wei et al. in.", "… we consider.").
const HANGING_END =
  /(?:\b(?!(?:family|assembly|anomaly|supply|apply|reply|rely|italy|monopoly|july|ally)\b)[a-z]+ly|\bfollowing \w+|\bas follows|,\s[a-z]+(?:ed|ing)|[;,]\s(?:if|when|whereas|although|though|because|since|unless|while)\b[^,;]*)$/i;
// (Lower case only: "vitamin A." or "Plan A." is a name, not an article.)
// A conjunction, "that" or a relative pronoun whose clause was cut off ("… show that.", "… i.e.",
// "… a planner, which."), and a preposition before a cut "which" ("… the conditions under.").
const HANGING_WORD =
  /\s(?:in|of|on|at|for|to|from|into|onto|about|than|as|the|a|an|namely|consider|include|includes|contain|contains|comprise|comprises|involve|involves|and|or|but|that|along|without|under|over|upon|during|among|across|between|within|against|towards?|per|which|who|whom|whose|i\.e\.?|e\.g\.?)$/;
// A clause opener interrupted by a phrase between commas ("We show that, under mild assumptions, …"):
// a cut at the phrase's closing comma keeps the opener without its clause.
const OPENER_INTERRUPTED = /\b(?:that|and|but|which|where|while|then|if|when|we|whether),\s[^,;]*$/i;
// An article and an adjective whose noun was cut off at a comma ("… integrates a large. | , pre-trained language model").
const ADJECTIVE_WITHOUT_NOUN =
  /\b(?:a|an|the)\s+(?:simple|novel|new|efficient|effective|fast|faster|scalable|general|generic|robust|accurate|flexible|powerful|lightweight|principled|unified|interpretable|practical|large|small|single|straightforward)$/i;
// Where an enumeration opens ("such as", "namely:", ": ", " - ", "(i)"): a cut after it would keep
// part of the list and misstate the paper ("… on four tasks - question quality prediction.").
// An enumeration's markers ("(i)", "(2)") are not parentheticals to drop.
const LIST_OPENER = /\b(?:such as|including|namely,?|e\.g\.,?|i\.e\.,?)\s|:\s|\s[-–—]\s|\((?:i|1|a)\)\s/i;
// Cuts at these drop what a participle was done by, with or through ("models trained | with X",
// "the difficulties associated | with Y", "results compared | with Z").
const AGENT_OR_MEANS = /^\s(?:by|with|using|through|via)\s$/;
// "… the weights of the RNNs are determined | by different CNNs", "…, which is constructed | by …": a
// passive that ends the kept text leaves its agent out (QA). Its means ("are trained | using X") may go.
const PASSIVE_END = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|built|made|done|given|taken|shown|known|found|held|set|run|learned|learnt|chosen|driven|written)$/i;
// A name so far, after "as", "called" or "named": capitalised words, each taken whole (a name's letters
// split at each capital would take exponential time to refuse: a list of 12 model names took 155 s, review).
const NAMED_SO_FAR = /\b(?:as|called|named|dubbed|termed)\s+(?:\p{Lu}[\p{L}\d-]*(?![\p{L}\d-]),?\s*)+$/u;
// "… can then be used in conjunction | with the labeled data": a phrase that is nothing without its "with".
const NEEDS_ITS_WITH = /\b(?:in conjunction|together|along|in line|consistent|coupled|combined|compared|on par|in comparison|equipped|endowed|associated|replaced|augmented|paired|interleaved)$/i;
// "… further gains can be achieved | by using longer scales": without its means the claim says nothing (QA).
const MEANS_IS_THE_CLAIM = /\b(?:can|could|may|might|will|would)\s+(?:also\s+|still\s+|further\s+)?be\s+(?:further\s+|significantly\s+|substantially\s+|greatly\s+|easily\s+)?(?:achieved|obtained|attained|gained|realized|made|reached|had|found|done|improved)$/i;
// The kept text ends inside a clause opened by one of these ("… show that X", "…, then X", "… so
// that X"): that clause needs its own verb before the cut.
const SUBCLAUSE_AT_END = /(?:^|[\s,;])(?:that|then|if|where|whereas|when|whether|because|since|although|though)\s+([^,;()]*)$/i;
const THAT_THEN_ADVERBIAL = /\bthat\s+(?:(?:even|only|just)\s+)?(?:when|if|while|because|since|although|though|whereas|once|after|before|unless)\b[^,;()]*$/i;
// A condition a claim holds under, or what it keeps while it gains ("…, while maintaining performance"): cutting it off changes the claim.
const CONDITION_AHEAD = /^(?:if|unless|only if|provided|as long as|under (?:(?:mild|standard|some|certain|reasonable|weak|general|appropriate|suitable) )*(?:\w+ )?(?:assumptions?|conditions?|regularity)|while (?:maintaining|preserving|retaining|keeping|attaining|achieving|matching)|without (?:sacrificing|compromising|losing|degrading|hurting|any loss))\b/i;
const AUXILIARY = /\b(?:is|are|was|were|be|been|will|can|could|may|might|must|should|would|has|have|had|does|do|did)\b/i;
// Words after which a word ending in -s or -ed is a noun or an adjective, not the clause's verb.
const BEFORE_NON_VERB = new Set('a an the this these those that our its their his her each every such of many few several all both some two three four five where when if then whether and or in on for with by to from as at into'.split(' '));
// "between X" or "both X" whose "and Y" is still to come (in the same clause).
const PAIR_OPENED = /\b(between|both)\b(?:(?!\band\b)[^,;()])*$/i;
// How much a claim changed something: "by 10%", "by up to 2x", "by a factor of 3", "by over 1.5 points".
const AMOUNT_AHEAD = /^(?:(?:up to|over|more than|less than|nearly|almost|about|around|roughly|approximately|at least|as much as|an average of|on average|a factor of|a (?:large|wide|significant|substantial) margin of)\s+)*[~≈]?\$?\d/i;
const AUTHORS_AHEAD = /^\p{Lu}[\p{L}'-]+(?:\s+et al\b|\s+and\s+\p{Lu}|,\s+\p{Lu})/u;
// (Not "X: a method, which … and …": a relative clause after the first comma is no list item.)
// (Or numbered items: "(1) we introduce X; (2) we propose Y".)
const ENUMERATION = /[,;]\s(?!(?:which|where|while|whereas|who|whose|that)\b)[^.]*\b(?:and|or)\s|\s\((?:ii|2|b)\)\s/;
// Not one a word goes on from: "(ε, δ)-differential privacy" lost its "(ε, δ)" (QA).
const PARENTHETICAL = /\s\((?!(?:i{1,3}|iv|vi{0,3}|ix|x|\d|[a-h])\))[^()]*\)(?![-\p{L}\p{N}])/giu;
// After a parenthetical, a word that goes on with the phrase it interrupts ("maintains (sometimes
// outperforms) its accuracy", "a new zeroth-order (ZO) stochastic optimization algorithm"): a cut at
// its "(" would keep a verb without its object or a modifier without its noun. A connector, a
// preposition, a verb's auxiliary, a participle or an adverb starts something that can go.
const PHRASE_GOES_ON_AFTER_PAREN =
  /^[^()]*\)\s*(?!(?:and|or|but|nor|to|for|that|in|which|with|as|of|on|by|is|are|was|were|where|than|can|could|may|might|will|would|should|must|while|from|at|whose|who|under|via|when|over|into|during|without|between|using|through|across|within|after|before|against|among|since|because|if|both)\b)(?![\w-]*(?:ed|ing|ly)\b)[\p{L}\p{N}]/u;
// Words after "and" that start a clause or a phrase of their own, not a second modifier or verb.
const OWN_PHRASE_AFTER_AND =
  /^(?:the|a|an|its|their|our|his|her|this|these|those|that|it|they|we|there|then|thus|also|so|can|could|may|might|will|would|should|must|is|are|was|were|has|have|had|does|do|not|no|each|every|all|both|more|most|other|further|finally|such)$/;
// Common verbs of abstracts in their bare form ("… we jointly learn the prior | and reconstruct images").
const BARE_VERB =
  /^(?:present|provide|propose|show|use|reconstruct|construct|rectify|demonstrate|achieve|introduce|evaluate|apply|develop|learn|train|compare|improve|obtain|generate|analy[sz]e|study|design|test|extract|derive|discuss|explore|identify|perform|predict|outperform|find|make|give|offer|release|report|conduct|investigate|examine|establish|prove|suggest|build|define|describe|enable|allow|reduce|increase|leverage|exploit|estimate|solve|optimi[sz]e|minimi[sz]e|maximi[sz]e|produce|yield|require|avoid|capture|encode|decode|validate|verify|implement|incorporate|combine|employ|outline|highlight|illustrate|argue|observe|measure|quantify)$/;
// A kept text that ends in a bare verb after "to", a modal or a subject ("a framework to visualize",
// "we design"), or in a relative clause's verb ("the actor that accelerates"): its object is after
// the "and" of the verbs sharing it.
const BARE_VERB_AT_END = /\b(?:to|can|could|will|would|may|might|must|should|we|they|also)\s+([a-z]+)$/;
const RELATIVE_VERB_AT_END = /\b(?:that|which|who)\s+[a-z]+[^su]s$/;
// A plural noun (not "previous", "class", "analysis").
const PLURAL = /^[a-z][\w-]*[^isu]s$/;
const NOT_BARE_VERB = /(?:s|tion|ity|ment|ness|ing|al|ic|ive|ous|ence|ance|ia)$/;

/**
 * Whether a cut at "and" splits a coordinated phrase whose head comes after the "and": modifiers
 * sharing a noun ("learn entity | and relation embeddings") or verbs sharing an object ("a
 * framework to visualize | and understand GANs").
 */
function andSplitsPhrase(prefix: string, tail: string): boolean {
  const last = /(\S+)$/.exec(prefix)?.[1] ?? '';
  const [word = '', after = ''] = tail.split(/\s+/);
  // The last word of the sentence is the pair's second half ("… gradient-free operations | and signSGD.",
  // "… label noise | and outliers.").
  if (/[.!?]$/.test(word) && after === '') return true;
  const next = word.replace(/[,;:]$/, '');
  // A second adjective of the noun the first has ("design deeper | and more accurate networks").
  if (/^(?:more|less)$/.test(next) && /(?:er|ive|al|ous|ful|able|ible|ient|ent)$/.test(last)) return true;
  // A name after "and" is the second of a pair of names ("… than Dueling DQN | and Categorical DQN").
  if (/^\p{Lu}/u.test(next)) return true;
  if (!/^[a-z][\w-]*$/.test(next) || OWN_PHRASE_AFTER_AND.test(next)) return false;
  // Only a verb starts a part of its own: a noun, a modifier or a gerund after "and" is the pair's second
  // half (QA: "…depending on the optimization algorithm | and architecture", "…for learning | and representing").
  // (A word before an article, a pronoun or a number is a verb with its object: "| and reach the best accuracy".)
  if (!BARE_VERB.test(next) && !/^[a-z]+(?:es|ed|s)$/.test(next) && !/^(?:(?:the|a|an|its|their|our|this|these|those|it|them)\b|\d)/.test(after)) return true;
  // A second modifier, then the plural head both share; a plural before the "and" is a head of its own.
  const sharedHead = PLURAL.test(after) && !/s$/i.test(last) && !/(?:s|ly)$/.test(next) && !BARE_VERB.test(next);
  const verb = BARE_VERB_AT_END.exec(prefix)?.[1];
  const sharedObject = verb !== undefined && !NOT_BARE_VERB.test(verb) && !NOT_BARE_VERB.test(next);
  // "… a loss for the actor that accelerates | and improves actor-critic learning."
  const sharedObjectOfRelative = RELATIVE_VERB_AT_END.test(prefix) && /^[a-z]+[^su]s$/.test(next);
  return sharedHead || sharedObject || sharedObjectOfRelative;
}

// A sentence that ends as a question (past a closing quote or bracket).
const QUESTION = /\?["'”’)\]]*$/;
// Sentences opening with a subordinate clause must keep their main clause.
const SUBORDINATE = /^(?:(?:al)?though|while|when|whereas|if|since|because|as|despite|given|unlike|to|by|with|in|for|on|from|based|inspired|motivated|using|through|after|due|following|building|compared)\b/i;

// A sentence about the paper's own work, and one that only says where code or models are.
const OWN =
  /\b(?:(?<!\b(?:how|what|way) )we|us|our (?:\w+ )?(?:method|approach|model|framework|results?|experiments?|findings?|analysis|study|work)s?|(?:this|the present) (?:paper|work|study|survey|report|article|analysis)|here|the proposed)\b/i;
const AVAILABILITY = /\b(?:(?:is|are|will be|be|been|made|publicly|freely|open[- ]?sourced?)\s+available|release[sd]?\s+(?:our|the)\s+(?:code|models?|data)|https?:\/\/)/i;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function wordCount(text: string): number {
  let n = 1;
  for (let k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) n++;
  return n;
}

/** The sentence with its lead-in ("In this paper, we", "To address this,") removed, or null. */
function trimLeadIn(sentence: string, re: RegExp): string | null {
  let text = sentence;
  for (let k = 0; k < 3; k++) {
    const match = re.exec(text);
    if (!match) break;
    text = text.slice(match[0].length);
  }
  return text === sentence || wordCount(text) < 4 ? null : capitalise(text);
}

/**
 * Whether the kept text ends in a subordinate clause that has no verb yet ("… show that hand-tuning
 * a single learning rate."): a crude test, an auxiliary or a word in -s or -ed that does not follow
 * an article, a preposition or a conjunction counts as a verb.
 */
function endsInVerblessClause(prefix: string): boolean {
  // "… ensures that when a neuron is updated": the that-clause's own verb is still to come.
  if (THAT_THEN_ADVERBIAL.test(prefix)) return true;
  const clause = SUBCLAUSE_AT_END.exec(prefix)?.[1];
  return clause !== undefined && !hasVerb(clause);
}

/** "… models of neural activity constrained" (cut before "by", "with" …): a participle, no passive verb. */
function passiveWithoutAuxiliary(clause: string): boolean {
  const words = clause.trim().toLowerCase().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /[a-z]{2,}ed$/.test(last) && !/^(?:is|are|was|were|be|been|being|get|gets|got)$/.test(words[words.length - 2] ?? '');
}

/** Whether a kept clause says nothing without the agent or means a cut at `cut` ("by", "with"…) would drop. */
function needsItsAgentOrMeans(clause: string, cut: string): boolean {
  const kept = clause.trimEnd();
  return passiveWithoutAuxiliary(clause) || MEANS_IS_THE_CLAIM.test(kept) || (cut === ' by ' && PASSIVE_END.test(kept)) || NEEDS_ITS_WITH.test(kept);
}

/** Whether a text has a verb, by the crude test of endsInVerblessClause (or "we"/"they" and a word). */
function hasVerb(text: string): boolean {
  if (AUXILIARY.test(text) || /\b(?:we|they|it|i)\s+[a-z]/i.test(text)) return true;
  const words = text.toLowerCase().split(/\s+/).filter((word) => word !== '');
  return words.some((word, k) => k > 0 && /[a-z](?:s|ed)$/.test(word) && !BEFORE_NON_VERB.has(words[k - 1]!) && !(word.endsWith('ed') && k === words.length - 1));
}

/** Whether a pair ("between X and Y", "both X and Y") is left without its second half. */
function pairLeftOpen(prefix: string, tail: string): boolean {
  const pair = PAIR_OPENED.exec(prefix);
  // "both models" may be no pair: only when an "and" follows.
  return pair !== null && (pair[1]!.toLowerCase() === 'between' || /\b(?:and|as well as)\b/i.test(tail));
}

/** What follows the last of `marks` in `text` (all of it when there is none): its last clause. */
function afterLast(text: string, marks: readonly string[]): string {
  return text.slice(Math.max(...marks.map((mark) => text.lastIndexOf(mark))) + 1);
}

/** Whether every bracket and quote the text opens is closed in it ("called \"Optimal Robust Classifier." is not). */
function balanced(text: string): boolean {
  const count = (mark: string): number => text.split(mark).length - 1;
  return count('(') === count(')') && count('"') % 2 === 0 && count('``') === count("''") && count('“') === count('”');
}

/** All candidate TL;DRs: each sentence, with lead-ins, parentheticals and tails optionally trimmed. */
function candidates(sentences: string[], keep?: (index: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    if (keep && !keep(index)) return;
    const total = wordCount(sentence);
    const seen = new Set<string>();
    const add = (trimmed: string, lead: number, paren: number, cut: number): void => {
      // "… Anil et al. (2021)." without its parenthesis, or cut after "et al.", ends in "..";
      // tokenised sources (and a dropped "(GPR)" before the stop) leave "… analysis ."
      const text = trimmed.replace(/(\w)\.\.$/, '$1.').replace(/\s+([.?!])$/, '$1');
      if (seen.has(text)) return;
      seen.add(text);
      out.push({ text, index, lead, paren, cut, kept: wordCount(text) / total });
    };
    const lead = trimLeadIn(sentence, LEAD_IN);
    const clause = trimLeadIn(lead ?? sentence, LEAD_CLAUSE);
    // A leading clause that points back ("Based on this, we …") goes with the sentence's context.
    const danglingClause = clause !== null && ANAPHORIC.test((lead ?? sentence).slice(0, (lead ?? sentence).length - clause.length));
    const heads: [string, number][] = danglingClause || (lead && DANGLING_LEAD_IN.test(sentence)) ? [] : [[sentence, 0]];
    if (lead && !danglingClause) heads.push([lead, 1]);
    // "With LLM being a general-purpose solver, we explore its compression": the clause names what
    // the rest calls "its".
    if (clause && !PRONOUN_AHEAD.test(clause)) heads.push([clause, 2]);
    for (const [head, leadType] of heads) {
      for (let paren = 0; paren < 2; paren++) {
        const text = paren ? head.replace(PARENTHETICAL, '') : head;
        if (paren && text === head) continue;
        add(text, leadType, paren, 0);
        // A question cut short reads as a statement that stops mid-way ("How can we use X to accelerate.").
        if (QUESTION.test(text)) continue;
        // A sentence opening with a subordinate clause is cut only after that clause's comma.
        const mainClauseAt = SUBORDINATE.test(text) ? text.indexOf(', ') : -1;
        // An enumeration: an opener, then items, the last after "and" or "or" ("A, B and C").
        const opener = text.search(LIST_OPENER);
        const listAt = opener >= 0 && ENUMERATION.test(text.slice(opener)) ? opener : -1;
        for (const m of text.matchAll(CUT_AT)) {
          // Further in, the kept text is longer than a TL;DR may be (and a 20,000-character sentence is no work).
          if (m.index >= MAX_TLDR_CHARS) break;
          if (m.index <= mainClauseAt) continue;
          if (listAt >= 0 && m.index > listAt) continue;
          // "the work by Wei et al.": "by" names authors there, it does not start a means.
          if (m[0] === ' by ' && AUTHORS_AHEAD.test(text.slice(m.index + 4))) continue;
          // "… reduces latency | by 10%": the cut keeps the claim without its size (QA).
          if (m[0] === ' by ' && AMOUNT_AHEAD.test(text.slice(m.index + 4))) continue;
          const prefix = text.slice(0, m.index);
          if (wordCount(prefix) < 6 || !balanced(prefix)) continue;
          // What the cut drops, as far as the rules below look.
          const tail = text.slice(m.index + m[0].length, m.index + 400);
          // Half of a pair ("a connection between SVGD."), a clause cut before its verb, a claim without
          // its condition ("…, if and only if σ is non-polynomial") or an agent ("… constrained | by X")
          // misstates the paper.
          const clause = afterLast(prefix, [',', ';', '(', ')']);
          // (A closed parenthetical does not end the pair's clause: "both X (VLN) | and Y".)
          const pairClause = afterLast(prefix.replace(/\s?\([^()]*\)/g, ''), [',', ';', '(']);
          if (pairLeftOpen(pairClause, m[0] + tail) || endsInVerblessClause(clause) || CONDITION_AHEAD.test(tail)) continue;
          if (AGENT_OR_MEANS.test(m[0]) && needsItsAgentOrMeans(clause, m[0])) continue;
          if (m[0] === ' with ' && /^(?:respect|regard) to\b/.test(tail)) continue;
          // A name with commas in it ("which we refer to as Share, Specialize, and Compete"): a cut inside keeps half the name.
          if ((m[0] === ', ' || m[0] === ' and ') && /^(?:(?:and|or) )?\p{Lu}/u.test(tail) && NAMED_SO_FAR.test(prefix)) continue;
          if (m[0] === ' (' && PHRASE_GOES_ON_AFTER_PAREN.test(tail)) continue;
          // "… than Prioritized Dueling DQN (Wang et al., 2016) | and Categorical DQN": the pair goes on past the parenthesis.
          const afterParen = m[0] === ' (' ? /^[^()]*\)\s+and\s+/.exec(tail) : null;
          if (afterParen && andSplitsPhrase(prefix, tail.slice(afterParen[0].length))) continue;
          if (m[0] === ' and ' && andSplitsPhrase(prefix, tail)) continue;
          // "not (only) X, but (also) Y": the kept "not X." would state the opposite of the claim, or half of it.
          if (/^but\b/.test(tail) && /\bnot\b|n't\b/i.test(clause)) continue;
          // "… scales primarily." or "… with the following results.": the cut leaves a phrase hanging.
          const bare = prefix.replace(/[\s,;:]+$/, '');
          // (Or a hyphen whose word is still to come: "quantized to 2-, 3- or 4-bits".)
          if (HANGING_END.test(bare) || HANGING_WORD.test(bare) || ADJECTIVE_WITHOUT_NOUN.test(bare) || OPENER_INTERRUPTED.test(bare) || /\w-$/.test(bare)) continue;
          // A cut that keeps no verb states nothing ("In the subjective tests, for one language and …"),
          // or parts its subject from the verb in the tail ("A network | with one layer is able …").
          if (!hasVerb(bare)) continue;
          add(`${bare}.`, leadType, paren, CUTS.indexOf(m[0].trim()) + 1);
        }
      }
    }
  });
  return out;
}

const STOP = new Set('a an the of for and or in on to with by from via at as is are be we our its this that using into'.split(' '));

/** Lowercase word tokens (ROUGE's runs of [a-z0-9]). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Crude stem for overlap features: the first 5 characters. */
function stems(text: string | string[]): Set<string> {
  const out = new Set<string>();
  for (const w of typeof text === 'string' ? words(text) : text) if (!STOP.has(w)) out.add(w.slice(0, 5));
  return out;
}

// Cue-phrase features (each a 0/1 feature).
const CUES: RegExp[] = [
  /\bwe (?:propose|introduce|present|develop|design|devise|describe|offer)\b/i,
  /\b(?:propose|introduce|present)[sd]?\b/i,
  /\b(?:we|results) (?:show|demonstrate|find|prove|observe|reveal)\b|\b(?:show|demonstrate|find|prove)s? that\b/i,
  /\bwe\b/i,
  /\bour\b/i,
  /\b(?:novel|new|first)\b/i,
  /\b(?:method|approach|framework|model|algorithm|architecture|technique|system|network)s?\b/i,
  /\b(?:experiment|results|evaluat|benchmark|dataset|empirical)/i,
  /%/,
  /^we\b/i,
  /^(?:however|although|while|despite|but)\b/i,
  /\?/,
  /\(/,
  /\b(?:e\.g\.|i\.e\.|such as)/i,
  /\b(?:is|are) (?:a|an|the) (?:key|fundamental|central|important|crucial|critical)\b/i,
  /\b(?:learn|train|neural|deep)/i,
  /^(?:in|to|for|with|by|on|as|based)\b/i,
  /^(?:this|these|it|they)\b/i,
  /^(?:the|a|an)\b/i,
  /^our\b/i,
];

const BASE_FEATURES = 20 + CUES.length + CUTS.length + 9 + 4;
export function tldrFeatureCount(lexicon: TldrLexicon): number {
  return BASE_FEATURES + lexicon.candidatePrefixes.length + lexicon.sentencePrefixes.length;
}

/** Crude stem for the word model: the first 5 characters. */
export const stem = (word: string): string => word.slice(0, 5);
/** How a text opens: its first two words (for the opening features). */
export const opening = (tokens: string[]): string => tokens.slice(0, 2).join(' ');
// The sentence that first says what the paper proposes: its words are likelier in the TL;DR.
const PROPOSES = /\b(?:we |this paper )(?:propose|introduce|present|develop|design|devise|describe|offer)|\b(?:propose|introduce|present)[sd]?\b/i;
export const TOKEN_FEATURE_COUNT = 10;

/** Features of one stem of an abstract for the word model. */
function tokenFeatures(
  s: string,
  inTitle: boolean,
  count: number,
  sentenceShare: number,
  firstPosition: number,
  inProposal: boolean,
  lexicon: Pick<TldrLexicon, 'copyLogits' | 'defaultCopyLogit'>,
): number[] {
  const t = inTitle ? 1 : 0;
  const p = inProposal ? 1 : 0;
  return [1, t, Math.log(1 + count), sentenceShare, firstPosition, lexicon.copyLogits[s] ?? lexicon.defaultCopyLogit, s.charCodeAt(0) < 58 ? 1 : 0, p, p * t, s.length / 5];
}

/** Every stem of the abstract with the features of tokenFeatures. */
export function abstractStems(title: string, sentences: string[], lexicon: Pick<TldrLexicon, 'copyLogits' | 'defaultCopyLogit'>): Map<string, number[]> {
  const n = sentences.length;
  const titleStems = new Set(words(title).map(stem));
  const proposal = sentences.find((s) => PROPOSES.test(s));
  const proposalStems = new Set(proposal ? words(proposal).map(stem) : []);
  const count = new Map<string, number>();
  const share = new Map<string, number>();
  const first = new Map<string, number>();
  sentences.forEach((sentence, i) => {
    const ws = words(sentence).map(stem);
    for (const w of ws) count.set(w, (count.get(w) ?? 0) + 1);
    for (const w of new Set(ws)) {
      share.set(w, (share.get(w) ?? 0) + 1 / n);
      if (!first.has(w)) first.set(w, n > 1 ? i / (n - 1) : 0);
    }
  });
  const out = new Map<string, number[]>();
  for (const [s, c] of count) {
    out.set(s, tokenFeatures(s, titleStems.has(s), c, share.get(s) ?? 0, first.get(s) ?? 1, proposalStems.has(s), lexicon));
  }
  return out;
}

/** Probability that each stem of the abstract appears in its TL;DR. */
function stemProbabilities(title: string, sentences: string[], lexicon: TldrLexicon): Map<string, number> {
  const out = new Map<string, number>();
  for (const [s, f] of abstractStems(title, sentences, lexicon)) out.set(s, 1 / (1 + Math.exp(-score(f, lexicon.tokenWeights))));
  return out;
}

/** Feature vector of every candidate (all candidates of one abstract at once). */
export function featurize(title: string, sentences: string[], cands: Candidate[], lexicon: TldrLexicon): number[][] {
  const n = sentences.length;
  const probability = stemProbabilities(title, sentences, lexicon);
  const sentencePrefix = sentences.map((s) => opening(words(s)));
  const titleStems = stems(title);
  const sentenceCues = sentences.map((s) => CUES.map((re) => re.test(s)));
  // First sentence with a "we propose"-like cue / a "we show"-like cue / any "we".
  const firstWith = (cue: number): number => sentenceCues.findIndex((c) => c[cue]);
  const firstPropose = firstWith(0);
  const firstShow = firstWith(2);
  const firstWe = firstWith(3);
  // Centrality: mean share of a sentence's stems found in the other sentences.
  const sentenceStems = sentences.map(stems);
  const sentenceSaysWe = sentences.map((s) => /\b(?:we|our)\b/i.test(s));
  const centrality = sentenceStems.map((own, i) => {
    if (n < 2 || own.size === 0) return 0;
    let sum = 0;
    sentenceStems.forEach((other, j) => {
      if (j === i) return;
      let hit = 0;
      for (const x of own) if (other.has(x)) hit++;
      sum += hit / own.size;
    });
    return sum / (n - 1);
  });
  return cands.map((cand) => {
    const i = cand.index;
    const rel = n > 1 ? i / (n - 1) : 0;
    const tokens = words(cand.text);
    const w = tokens.length;
    const ws = new Set<string>(); // stems without stop words, for the title overlap
    const all = new Set<string>(); // every stem, for the expected overlap with a TL;DR
    for (const t of tokens) {
      const s = stem(t);
      all.add(s);
      if (!STOP.has(t)) ws.add(s);
    }
    let shared = 0;
    for (const s of ws) if (titleStems.has(s)) shared++;
    const f: number[] = [
      i === 0 ? 1 : 0,
      i === 1 ? 1 : 0,
      i === 2 ? 1 : 0,
      i === 3 ? 1 : 0,
      i === n - 1 ? 1 : 0,
      i === n - 2 ? 1 : 0,
      rel,
      rel * rel,
      Math.min(w, 80) / 30,
      (Math.min(w, 80) / 30) ** 2,
      w < 10 ? 1 : 0,
      w > 40 ? 1 : 0,
      titleStems.size ? shared / titleStems.size : 0,
      ws.size ? shared / ws.size : 0,
      shared > 0 ? 1 : 0,
      i === firstPropose ? 1 : 0,
      i === firstShow ? 1 : 0,
      i === firstWe ? 1 : 0,
      firstPropose >= 0 && i < firstPropose ? 1 : 0,
      firstPropose >= 0 && i > firstPropose ? 1 : 0,
    ];
    // A candidate is a part of its sentence: a cue absent from the sentence is absent from it too
    // (start-anchored cues excepted, since lead-ins are trimmed).
    CUES.forEach((re, c) => f.push((sentenceCues[i]![c] || re.source[0] === '^') && re.test(cand.text) ? 1 : 0));
    for (let c = 1; c <= CUTS.length; c++) f.push(cand.cut === c ? 1 : 0);
    f.push(
      cand.lead === 1 ? 1 : 0,
      cand.lead === 2 ? 1 : 0,
      cand.paren,
      cand.lead && /^We\b/.test(cand.text) ? 1 : 0,
      cand.cut ? 1 - cand.kept : 0,
      cand.lead ? rel : 0,
      i === 0 && cand.lead ? 1 : 0,
      sentenceSaysWe[i] && !/\b(?:we|our)\b/i.test(cand.text) ? 1 : 0,
      centrality[i] ?? 0,
    );
    // Expected ROUGE-1 F against a TL;DR of 14, 19 (typical) or 25 words, and expected overlap.
    let overlap = 0;
    for (const s of all) overlap += probability.get(s) ?? 0;
    f.push((2 * overlap) / (w + 14), (2 * overlap) / (w + 19), (2 * overlap) / (w + 25), overlap / 10);
    const prefix = opening(tokens);
    for (const p of lexicon.candidatePrefixes) f.push(p === prefix ? 1 : 0);
    for (const p of lexicon.sentencePrefixes) f.push(p === sentencePrefix[i] ? 1 : 0);
    return f;
  });
}

export function score(features: number[], weights: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < features.length; k++) s += features[k]! * (weights[k] ?? 0);
  return s;
}

// A sentence that is a question ("How can we address this problem?", "We then ask: is there …?"),
// not one that states what the paper answers ("We introduce X, a framework that aims to answer: … ?").
const ASKS = /^(?:how|what|why|when|where|which|who|whether|can|could|do|does|did|is|are|should|would|will|we (?:\w+ )?ask)\b/i;

// "We" of anyone, in a sentence that says nothing the paper does ("In reinforcement learning, we can
// learn a model of future observations …").
const GENERIC_WE = /^(?:(?![^,]*\bwe\b)[^,]{0,80}, )?we (?:can|often|typically|usually|generally|commonly|may|might|need to|have to)\b(?![^.]*\b(?:propose|introduce|present|show|demonstrate|develop|find|prove)\b)(?![^.]*\b(?:our|this paper|this work|here)\b)/i;

// A sentence that opens with what an earlier one said ("This allows us to …", "These results …").
const LEANS_BACK = /^(?:this|these|those|it|they|such)\b(?! (?:[\w-]+ )?(?:paper|work|study|article|survey|report|thesis|manuscript|note)\b)/i;

// A sentence that only poses the problem the paper works on ("We consider the problem of disease entity
// normalization"), not one that also says what the paper proposes for it.
const POSES_PROBLEM = /^(?:(?:in|within) (?:this|the present|our) (?:paper|work|study),? |here,? )?we (?:introduce|consider|study|address|tackle|investigate|formulate|pose|focus on|revisit|examine) (?:the|a|an) (?:[\w-]+ ){0,3}?(?:problem|task|question|challenge|setting)s?\b(?![^.]*\b(?:propose|introduce|present|develop|design)\b)/i;

// A sentence about how the paper tests or surveys rather than what it finds or proposes ("We perform
// extensive experiments and show …", "We conduct a systematic empirical study …", "We evaluate X on …").
const RUNS_EVALUATION = /^(?:(?:in|within) (?:this|the present|our) (?:paper|work|study),? |here,? )?we (?:also )?(?:perform|conduct|run|carry out|evaluate|validate|test|benchmark)\b/i;

// A hope or a belief states no finding ("We hope these results may help to clarify …").
const HOPE = /^We (?:hope|believe|expect|anticipate|envision)\b/;

/**
 * Per sentence: 1 when it is about the paper's own work (not anyone's "we can", GENERIC_WE), minus 2
 * when it only says what is available; a question (ASKS) or a hope states no finding and loses to
 * any statement but an availability note; one that leans on an earlier sentence (LEANS_BACK), only
 * poses the problem (POSES_PROBLEM) or says how the paper is tested (RUNS_EVALUATION) loses half a
 * point, to a sentence saying what the paper does or finds.
 */
function ownWork(sentences: string[]): number[] {
  return sentences.map((s) => (OWN.test(s) && !GENERIC_WE.test(s) ? 1 : 0) - (AVAILABILITY.test(s) ? 2 : 0) - ((ASKS.test(s) && QUESTION.test(s)) || HOPE.test(s) ? 1.5 : 0) - (LEANS_BACK.test(s) || POSES_PROBLEM.test(s) || RUNS_EVALUATION.test(s) ? 0.5 : 0));
}

/** The candidates pickTldr ranks: those from the sentences most about the paper's own work. */
export function eligibleCandidates(sentences: string[]): Candidate[] {
  // Background sentences and availability notes lose to any sentence about the paper's own work.
  const own = ownWork(sentences);
  const bestOwn = Math.max(...own);
  return candidates(sentences, (i) => own[i] === bestOwn);
}

/** The longest TL;DR shown (about 50 words); well inside SummarySchema's 2,000 characters. */
export const MAX_TLDR_CHARS = 350;

// What a clip leaves hanging: an article, a conjunction, a preposition, "that" or "e.g." (not a verb or
// "than": "… in which we…" or "… no better…" would say less than "consider…" or "than…"), with
// the punctuation before it.
const CLIP_HANGING = /[\s,;:]+(?:the|a|an|and|or|but|nor|of|in|on|at|for|to|from|with|by|into|via|per|among|between|that|e\.g\.?|i\.e\.?)[\s,;:]*$/;
const CLIP_TRAILING = /[\s,;:]+$/;

/**
 * `text` cut to `max` characters at its last clause boundary (, ; or their full-width forms; else a
 * word boundary), with an ellipsis; without a word the cut leaves hanging ("… per model parameter
 * and;" is cut "… per model parameter…", not "… and…").
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const clause = head.search(/(?:[,;] |[，；])[^,;，；]*$/);
  const cut = clause > max / 2 ? clause : head.lastIndexOf(' ');
  let kept = (cut > 0 ? head.slice(0, cut) : head).replace(CLIP_TRAILING, '');
  for (let bare = kept.replace(CLIP_HANGING, ''); bare !== kept && bare.length > max / 2; bare = kept.replace(CLIP_HANGING, '')) kept = bare;
  return `${kept}…`;
}

/** The candidates pickTldr weighs (of the non-blank sentences, `sentences`), each with its score. */
export function scoredCandidates(title: string, sentences: string[]): { candidate: Candidate; score: number }[] {
  const cands = eligibleCandidates(sentences);
  return featurize(title, sentences, cands, TLDR_MODEL).map((f, k) => ({
    candidate: cands[k]!,
    // A candidate too long to show loses to any that fits.
    score: score(f, TLDR_MODEL.ranker) - (cands[k]!.text.length > MAX_TLDR_CHARS ? 1e9 : 0),
  }));
}

/**
 * The sentences the picker works on: the given ones joined and re-split by splitSentences, so a
 * sentence broken at a line end ("… (e.g. a social" / "network) is …") or a list split into its
 * items is whole again, and every caller's sentences are cut the same way (splitSentences'
 * output is left as it is).
 */
export function cleanSentences(sentences: string[]): string[] {
  return splitSentences(sentences.join(' '));
}

const PAPER_LEAD_IN = /^(?:(?:In|Within) (?:this|the present|our) (?:paper|work|study|article)|Here),?\s+we\b/i;
// A closing purpose that points back at a problem the TL;DR does not state ("…, to tackle these
// challenges."); not the complement a word needs ("aims to remedy this", "an approach to solve such problems").
const DANGLING_PURPOSE = new RegExp(
  String.raw`(?<!\b(?:aims?|aimed|aiming|seeks?|tries|try|able|order|designed|used|serves?|helps?|intended|needed|way|ways|approach|approaches|means|attempt|effort|how))(?:,\s+|\s+)to (?:${PROBLEM_VERBS}|remedy|resolve|circumvent) (?:this|these|those|such|the above|both)(?: [\w-]+){0,3}\.$`,
  'i',
);

/**
 * The sentence (or trimmed sentence) that best states what the paper does and finds, at most
 * MAX_TLDR_CHARS long: the best candidate that fits, else the best one clipped.
 */
export function pickTldr(title: string, sentences: string[]): string {
  return pickTldrOfSplit(title, cleanSentences(sentences));
}

/** pickTldr for sentences as splitSentences gives them (summarize's): re-splitting them would change nothing. */
export function pickTldrOfSplit(title: string, clean: string[]): string {
  if (clean.length === 0) return '';
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const { candidate, score: candidateScore } of scoredCandidates(title, clean)) {
    if (candidateScore > bestScore) {
      bestScore = candidateScore;
      best = candidate;
    }
  }
  return best ? finishTldr(best.text) : '';
}

// "We address this problem by introducing X": what it does about a problem the TL;DR does not state.
const SOLVES_THAT_BY = new RegExp(
  String.raw`^We (?:${PROBLEM_VERBS}|resolve|remedy|circumvent) (?:this|these|that|those|such|both|the above)(?: [\w-]+){0,4}? by (propos|introduc|present|develop|design|us|leverag|learn|train|build|formulat)ing\b`,
);
const JOINED_GERUND = /(?:\b(?:and|or|as well as|followed by)|,),?\s+(?:then\s+|also\s+)?(?:by\s+)?[\w-]+ing\b/;
// The verb of SOLVES_THAT_BY's gerund ("introducing" → "introduce").
const BARE_OF_GERUND: Record<string, string> = {
  propos: 'propose', introduc: 'introduce', present: 'present', develop: 'develop', design: 'design', us: 'use',
  leverag: 'leverage', learn: 'learn', train: 'train', build: 'build', formulat: 'formulate',
};

/** The TL;DR shown for a picked candidate's text: at most MAX_TLDR_CHARS, without words that lean on other sentences. */
export function finishTldr(text: string): string {
  // "We also show" / "We further propose" / "We then show", "We address this problem by introducing" and "to address these
  // issues" lean on a sentence the TL;DR does not have, and "In this paper, we" / "Here we" say nothing a
  // TL;DR needs (the ranker may still weigh the whole sentence best).
  const own = text
    .replace(/^We (?:also|further|then|therefore|thus|first|next|finally|additionally|subsequently) /, 'We ')
    .replace(PAPER_LEAD_IN, 'We')
    // (Not before a second gerund the verb would leave as it is: "by using X and then fine-tuning Y".)
    .replace(SOLVES_THAT_BY, (whole, gerund: string, at: number, all: string) => (JOINED_GERUND.test(all.slice(at + whole.length)) ? whole : `We ${BARE_OF_GERUND[gerund]!}`));
  return clip(own.replace(DANGLING_PURPOSE, '.'), MAX_TLDR_CHARS);
}
