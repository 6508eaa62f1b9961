/**
 * Topic tags from a controlled vocabulary: one row of RULES per topic, derived from the seed papers
 * and the SciTLDR abstracts (`npx tsx scripts/topics-report.ts` prints how they spread).
 *
 * Why a paper has a topic, in full:
 * - `strong` cues name the topic (weight STRONG), `weak` cues support it (weight WEAK). The lowercased
 *   title and abstract are scanned once; at each word start the first matching cue takes the phrase,
 *   strong cues (in table order) before weak ones, so a phrase counts once, for one topic.
 * - score = Σ weight × (TITLE × title hits + abstract hits, at most ABSTRACT_CAP per tier), and 0
 *   unless the topic has a strong hit or any title hit: weak cues in the abstract never tag alone.
 * - The tags are the topics scoring THRESHOLD (a strong cue in the title or twice in the abstract; a
 *   strong cue once, or a weak one in the title, with three weak hits), topped up to MIN_TOPICS with topics the paper names once (score ≥
 *   STRONG), strongest first, at most MAX_TOPICS. A topic named once becomes a second tag only if the title names it or the
 *   abstract names it as the paper's own: not set against it, as earlier work or as one item of a list (see ownMention).
 */

type TopicRule = [topic: string, strong: RegExp, weak?: RegExp];

const STRONG = 3;
const WEAK = 1;
const TITLE = 3;
const ABSTRACT_CAP = 3;
const THRESHOLD = 6;
const MIN_TOPICS = 2;
const MAX_TOPICS = 5;

// Patterns are lowercase, start at a word start and use no capturing groups. "Fine-tuning" after
// "without", "or" or "no" (training-free methods) does not count.
const RULES: readonly TopicRule[] = [
  // Weights or activations in a few bits ("8-bit Matrix Multiplication", "Int8", "2bit Quantization"): LLM.int8()
  // had no tag (QA); not an 8-bit image or Atari game (review). "4-bit quantization" is one phrase, counted once.
  ['quantization', /quantiz|low-bit|int[248]\b|[1-8]-?bits? (?:quantiz\w*|weights?|activations?|precision|integers?|matri\w*|llms?|models?|networks?|optimizers?)\b/],
  // Pruning a model, not a search ("pruning unlikely hypotheses", "prune out bad exploration") nor
  // a rank ("prunes the rank of each adapter").
  [
    'pruning',
    /prun(?:ing|ed|ers?|ab\w*)\b(?! (?:unlikely |unpromising |bad )?(?:hypothes|candidates|branch|search|beams?\b|paths|trees?\b|explor))|prunes?\b(?! (?:out |away )?(?:the )?(?:ranks?\b|hypothes|candidates|branch|search|beams?\b|paths|trees?\b|explor|bad |unlikely |unpromising |to high))|sparsif/,
  ],
  // Not lessons "distilled into" a list (CodeGen2). A teacher or student is a model here ("student model"), not a school's; a teacher-student setting
  // (of a theory) only supports it.
  ['distillation', /distill(?!ed into)|(?:teacher|student)s? (?:models?|networks?)/, /(?:teacher|student)s?-(?:models?|networks?|student)/],
  // Serving a model faster: not speeding up training or research, nor efficient Bayesian inference.
  // A KV cache is held while generating (QA: SnapKV and Mistral 7B's "faster inference" had no tag).
  ['efficient inference', /(?:efficient|accelerat\w*|faster) (?!(?:bayesian|variational|statistical|posterior|causal|approximate|probabilistic|amortized) )(?:\w+ )?(?:inference|decoding)(?! and exploration)|inference speed|throughput|speed.?ups?\b(?! (?:in |of |for )?(?:the )?(?:training|learning|convergence|innovation|research|optimization)\b(?! (?:and|&) inference))|latency|kv.cache/],
  ['speculative decoding', /speculative|draft/],
  // "A long sequence of tasks" is a series, not a long input.
  // Long texts in passing ("long texts and short ones") only support it.
  ['long context', /long.(?:context|sequence(?! of)|input)|context (?:length|window)|length generali|long-text (?:classification|modell?ing|understanding)/, /long.text/],
  // Scaling models up, not a technique named scaling ("loss scaling", "multidimensional scaling") or
  // making something else scale ("Scaling Hierarchical Coreference"). (The model is looked ahead at,
  // not taken: "Scaling Retrieval-Based Language Models" names retrieval too.)
  ['scaling laws', /scaling (?:law|behavio)|compute-optimal/, /scaling(?= (?:up )?(?:\S+ ){0,2}(?:llms?|models?)\b)|(?:neural|model|data|compute) scaling/],
  ['machine translation', /machine translation|translation (?:model|quality|task)|nmt\b/],
  ['multilingual', /multilingual|cross-?lingual|\d+ languages/],
  // Resources of a language, not a budget's ("training under resource constraints", "low-resource settings").
  ['low-resource languages', /(?:low|under).resourced?.(?:\S+ ){0,2}languages?|tail lang/],
  // Not a generative model's latent code, a probabilistic programming language (a modelling tool),
  // the paper's own source code ("the source code will be available"), a linear program or sparse coding.
  ['code generation', /(?<!latent )code (?:generat|translat|llm|model)|program synthesis|(?<!(?:linear|integer|mixed-integer|quadratic|semi-?definite|dynamic|convex|nonlinear|stochastic|bilevel|geometric|cone|goal|genetic|mathematical|constraint|logic) )programming (?:abilit|skills?\b|tasks?\b|problems?\b|challenges?\b)|(?<!(?:sparse|predictive|source|channel|entropy|neural|rate) )coding (?:abilit|skills?\b|tasks?\b|challenges?\b)|(?<!probabilistic )programming lang|(?<!(?:the|our|its|their) )source code(?! (?:will|is|are|available|can|has))/],
  // A distribution with many modes ("the posterior is multi-modal", "multi-modal outputs") is no
  // vision and language, nor are "vision and language tasks" (each of them); vision-and-language
  // navigation is.
  ['vision-language', /vision.language(?!.action)|vision-and-language|(?<!(?:is|are) )multi-?modal(?!it(?:y|ies) in|[- ](?:nature|outputs?|distributions?|posteriors?|densit|conditional|polic|agents?\b))|l?vlm|caption/],
  ['hallucination', /hallucinat/],
  // A benchmark the paper makes ("We introduce SciCodeBench, a benchmark of …": QA, it had no tag), read
  // ahead as the datasets' cue is; results "on the GLUE benchmark" or "benchmark results" are no such.
  ['evaluation', /benchmark (?:suite|for)|evaluation (?:protocol|method|metric|task)|(?:introduc(?:e|es|ing)|propos(?:e|es|ing)|present(?:s|ing)?|releas(?:e|es|ing)|construct(?:s|ing)?|build(?:s|ing)?) (?=(?:[\w-]+, )?(?:a|an|the|two|three|four|five|our) (?:new |novel |large-scale |challenging |comprehensive |unified )?(?:(?!(?:and|or|on|in)\b)[\w-]+ ){0,2}benchmarks?\b(?! results| performance| scores?))/, /evaluat/],
  // A dataset the paper makes. The cue reads ahead without taking the words: "a speech dataset" is
  // speech & audio too, and "dataset" counts once more, as the weak cue.
  ['datasets', /(?:collect|curate|construct|introduce)\w* (?=(?:\S+ ){0,5}(?:dataset|corpus))|(?:propos|present|releas)\w* (?=(?!(?:on|in|at|for|with|from|by|to|over|using|across)\b)(?:[\w-]+,? )?(?:a |an |the )?(?:new |novel |large(?:-scale)? |challenging |public )?(?:[\w-]+ )?(?:dataset|corpus)\b)/, /dataset|corp(?:us|ora)/],
  ['survey', /survey|taxonomy/],
  // Learning a policy from rewards also when "reinforcement" goes unnamed ("Off-Policy Policy
  // Evaluation" is no evaluation of a model).
  [
    'reinforcement learning',
    /reinforcement|rl\b|(?:off|on)-policy|policy (?:gradient|optimization|evaluation|iteration)|q-learning|actor-critic|value functions?|(?:sparse|extrinsic|intrinsic) rewards?|reward (?:function|shaping|signal)/,
    /rewards?\b|policies\b|policy (?:network|learning)|markov decision|atari|mujoco/,
  ],
  ['alignment', /human (?:feedback|preference)|rlhf|instruction.following/],
  // A language model that reads what it retrieves; a retrieval-based chatbot picks a stored response (retrieval).
  ['retrieval-augmented generation', /retrieval.augment|rag\b|retrieval-based (?:language models?|lms?|generat)/],
  // Finding documents for a query. Recalling a memory ("memory retrieval", "associative retrieval"),
  // recovering a signal ("phase retrieval") or retrieving facts in passing is no search.
  [
    'retrieval',
    /information.retrieval|(?:document|passage|text|sentence|semantic|dense|sparse|neural|cross-lingual|problem|web|product) retrieval|retrieval(?:-based)? (?:systems?|models?|methods?|benchmarks?|quality|framework)|(?<!golden )retrievers?\b|search engines?|re-?rankers?\b|(?:answer|passage|document|search) re-?ranking|re-?ranking (?:and|of|the) (?:slates?|documents?|passages?|answers?|candidates?|search)|query (?:reformulation|expansion)|relevance (?:modell?ing|prediction|ranking)|bm25\b/,
  ],
  // Conversation with a system, not "a dialogue between fields" nor a chat model named in passing.
  [
    'dialogue',
    /dialog(?:ue)?s? (?:systems?|agents?|models?|generation|states?|responses?|history|polic(?:y|ies)|corpus|corpora|datasets?|acts?|management|summari[sz]ation|research)|(?:task-oriented|goal-oriented|open-domain|multi-turn|grounded|spoken|human-computer|chit-chat) (?:dialog|conversation)|conversational (?:agents?|models?|systems?|ai|assistants?|datasets?|question answering|responses?)|chat-?bots?/,
    /dialog(?:ue)?s?\b(?! between)|conversations?\b/,
  ],
  ['time series', /time.series|forecasting\b/],
  ['reasoning', /reasoning|chain.of.thought/],
  // An agent that acts: on the web, in a GUI, in a team of agents (QA: "web agents" and
  // "multi-agent debate" had no tag). Multi-agent reinforcement learning and its games are not such agents (audit).
  [
    'agents',
    /(?:llm|language|web|gui|software|coding|computer-use|multi-?modal) agents?|multi-agent(?! (?:deep )?(?:reinforcement|rl\b|marl\b|trajector|games?|polic))|agentic|tool.use/,
  ],
  // Explaining a model's predictions is interpretability; "an explanation for this gap" or "explains
  // the behavior of the sharpness" (a theory of training) is not, and a saliency map may be where a viewer looks.
  // Probing a model's representations is; "probe the reasoning capacity" or "the Probe algorithm" only supports it (audit).
  [
    'interpretability',
    /interpretab|explainab|attribution method|feature (?:attribution|importance)|saliency methods?|probing (?:classifiers?|stud|analys|experiments?|tasks?)|(?:linear|structural|diagnostic|syntactic)[ -]probes?|[a-z]+-probes?\b|probes?\b(?= (?:\S+ ){0,3}(?:representations?|hidden|layers?|activations?|neurons?))|probing (?:\S+ ){0,3}(?:representations?|hidden|layers?|activations?)|(?:representation|feature|neuron)s? superposition|superposition (?:hypothesis|of features)|(?:features?|neurons?|representations?) in superposition|(?:model|post-hoc|local|global|counterfactual|visual|hierarchical|influence-directed|model-agnostic) explanations?|explain(?:ing|s)? (?:the )?(?:predictions?|decisions?|classifiers?|models?|(?:deep )?neural)/,
    /explanations?\b|saliency maps?\b|prob(?:e|ing)\b/,
  ],
  // Handwritten digits are MNIST, a benchmark, not documents.
  ['OCR & documents', /ocr\b|handwrit(?!ten digits?\b)|document (?:understanding|image)/],
  // Hate speech, parts of speech and a senate's speeches are text, not audio.
  ['speech & audio', /(?<!(?:hate|toxic|offensive|abusive|free|parts?.of)[ -])speech(?!es)|asr\b|audio|spoken(?! by\b)|music(?:al)? (?:generation|transcription|information retrieval|source separation|audio)|sound events?/],
  // A robot's action tokenizer turns actions into tokens, not text (QA).
  ['tokenization', /(?<!action )tokeni[sz]|subword|byte.pair/, /(?<!open[- ])vocabular/],
  // Training "from scratch" (a network, an agent) only supports it (audit).
  ['pre-training', /pre-?training (?:data|corp)|continued (?:pre-?)?training|(?:training|trillion) tokens|trillions of tokens/, /pre-?train|from scratch/],
  // Not "fine-tuning-free" (QA: SnapKV, which fine-tunes nothing, was tagged so). Transfer learning
  // (often of features, to a new domain) only supports it (audit).
  ['fine-tuning', /(?<!\b(?:without|or|no) (?:\w+ )?)fine-?tun(?![\w-]*-free\b)|instruction.tun|lora\b|adapters?\b/, /transfer learning/],
  // An auto-encoder is a generative model, not a choice of architecture; an encoder or a decoder named
  // in passing (a BERT encoder, a model's decoder) only supports it (QA: it tagged 14 of 66 seeds).
  ['model architecture', /encoder-decoder|(?:decoder|encoder)-only|encoder and decoder|prefix-lms?\b|state.space|recurrent|positional|mixture.of.experts|moe\b/, /(?<!auto-)(?:en|de)coders?\b|architecture|attention/],
  // The paper's own learning rate or batch size (a setting it states) only supports it (QA). A
  // hyperparameter's "scaling" is left to be read again ("Hyperparameter Scaling Law" is a scaling law too).
  ['optimization', /learning.rate (?:schedul|warm|decay)|optimal (?:learning rates?|batch sizes?)|hyper-?parameters? (?=optimi|tuning|search|scaling|transfer|selection)|optimi[sz]ers?\b|sgd\b|adam(?:w)?\b/, /learning rates?|batch sizes?|gradient descent|stochastic gradient/],
  // Attacks on models and defences against them. "Adversarial training" is no cue: a GAN's and a
  // domain-adversarial network's training is adversarial too.
  [
    'safety & security',
    /privacy|safety(?![- ]critical)|jailbreak|adversarial(?:ly)? (?:attack|example|robust|perturbation|defen)|certifi\w* (?:robust|defen)|robustness (?:certif|verif)|randomized smoothing|(?:llm|model|ai)-generated|backdoor(?! (?:criteri|adjustment|paths?|sets?\b))|poison(?:ing|ed)\b|trojan|(?:black|white|gr[ae]y)-box (?:adversarial )?attacks?|membership inference|model (?:stealing|extraction)|evasion attacks?/,
    /robust accuracy/,
  ],
  // Images named once (a protein "image", ImageNet as a benchmark) make no vision paper: a vision
  // task, video or a 3D shape, part, face or object names one, images only support it.
  ['computer vision', /computer vision|(?:image|video) (?:classification|recognition|segmentation|generation|synthesis|understanding|restoration|retrieval|denoising|editing|inpainting)|object (?:detect|recogni|track)\w*|vision transformers?|(?:semantic|instance) segmentation|point clouds?|pose estimation|optical flow|super-resolution|bundle adjustment|structure from motion|face (?:recognition|detection|reconstruction|generation|verification)|(?:3d|depth) (?:\w+ )?(?:reconstruction|estimation|shapes?|scenes?|parts?|objects?|faces?|facial|meshe?s?|morphable)|videos?\b/, /images?\b|imaging\b|pixels?\b|visual\b|cameras?\b|photo|illustrations?\b/],
  // A diffusion model, not a graph's, a heat equation's or a manifold's diffusion ("Ballistic Graph
  // Neural Network", "diffusion maps", "diffusion wavelets").
  ['generative models', /(?:denoising|latent|stable|score-based|text-to-\w+|video|image) diffusion|diffusion(?:-based)? (?:models?|probabilistic|transformers?|polic|sampl|priors?|decoders?|generat)|generative adversarial(?! imitation)(?: net(?:work)?s?)?(?: \(\w*gans?\))?|variational auto-?encoders?(?: \(\w*vaes?\))?|gans?\b(?: \(generative adversarial(?: net(?:work)?s?)?\))?|generative model|vaes?\b/],
  // Learning from a few examples of a new task. A language model prompted with a few examples
  // ("few-shot prompting", "GPT-3's few-shot learning") is no meta-learning: few-shot only supports it.
  ['meta-learning', /meta[- ]?learn|meta[- ](?=reinforcement|rl\b)|learning to learn|(?:few|one)[- ]shot (?:classification|regression)|maml\b/, /few[- ]shot|one[- ]shot learning/],
  // Why and when networks learn, proved or derived: a theorem in passing ("we prove convergence") only
  // supports it; a bound (a search heuristic's, a variational one), "sample complexity" (often a
  // data budget) and a theory of something else (theory of mind, field theory, game theory) do not count.
  [
    'learning theory',
    /generali[sz]ation bounds?|(?:approximation|expressive) (?:capabilit|power|rate|theor)|universal approximat|neural tangent|mean.field (?:theory|limit|analysis)|over-?parameteri[sz]ed (?:\w+ )?(?:networks?|models?|regime)|(?:global|provabl\w*) convergence|convergence (?:rate|guarantee|analysis)|theoretical (?:analysis|understanding|guarantees?|results?|framework|insights?)|loss (?:landscape|surface)|random matrix|statistical mechanics|infinite.width/,
    /theor(?:em|etical)|(?<!(?:field|string|gauge|game|graph|number|category|control|set|social|music|conformal|quantum) )theory(?![- ]of[- ](?:mind|computation))|provabl|we prove|converge/,
  ],
  // Inferring a posterior: variational inference, sampling, Gaussian processes, graphical models. A
  // variational auto-encoder is a generative model and Bayesian optimization a search for optima.
  [
    'probabilistic inference',
    /variational inference|bayesian (?:inference|neural|deep|learning|model|treatment|approach)|mcmc\b|markov chain monte carlo|hamiltonian monte carlo|gaussian process|posterior (?:inference|approximation|sampling)|probabilistic (?:programs?|programming|graphical|inference)|graphical models?|langevin|amortized inference|stein variational|belief propagation|bethe/,
    /bayesian(?! optimi[sz])|posteriors?\b|variational(?! auto-?encoder)|monte carlo/,
  ],
  // Learning tasks one after another without forgetting the earlier ones.
  ['continual learning', /continual(?:ly)? learn|lifelong learn|catastrophic(?:ally)? forget|(?:class|task|domain)-incremental|incremental learning/, /forgetting\b|lifelong\b/],
  // Telling inputs unlike the training data apart. Generalizing out of distribution (to a new domain)
  // is another matter: out-of-distribution only supports the topic; an outlier alone (a keypoint
  // matcher's) does not count.
  [
    'anomaly & OOD detection',
    /anomal(?:y|ies) detect|anomalous (?:samples?|inputs?|data|events?)|(?:out-of-distribution|ood) (?:detection|detectors?|samples?|inputs?|examples?)|novelty detection|outlier detection/,
    /out-of-distribution|anomal(?:y|ies)\b/,
  ],
  // Learning on graphs: graph networks, node and graph embeddings. A graph alone is no cue, not even
  // in the title ("Graph-Based Dependency Parsing", "Variational inference in factor graphs").
  [
    'graph neural networks',
    /graph (?:neural|convolution|attention|networks?|representation|embedding|classification|learning|generation|isomorphism)|graph-(?:structured|to-)|gnns?\b|gcns?\b|message.passing (?:neural|networks?|layers?)|node (?:classification|embedding|representation|feature|attribute)s?|link prediction/,
  ],
  // Robots that sense and act (QA: a diffusion policy for bimanual manipulation had no such tag). A
  // robot's manipulation only: not a text's, a string's, an image's or knowledge's (review); grasping a
  // concept neither. A humanoid or locomotion task of a simulator (MuJoCo, Gym) only supports it.
  [
    'robotics',
    /robot(?:s|ic|ics)?\b|grasp(?:ing|s)? (?:poses?|objects?|detection|planning|synthesis|success|points?)|end-effector|sim-to-real|visuomotor|quadruped|bimanual|vision-language-action|vlas?\b|embodied (?:agents?|ai|tasks?)|(?:dexterous|object|in-hand|mobile) manipulation/,
    /humanoid|locomotion|autonomous driving|self-driving/,
  ],
];

/** The controlled vocabulary: every tag `topicsFor` can return. */
export const TOPICS: readonly string[] = RULES.map(([topic]) => topic);

// One pass over the text: group k + 1 is topic k's strong cue, group RULES.length + k + 1 its weak cue.
const CUES = new RegExp(
  `\\b(?:${[...RULES.map(([, strong]) => strong), ...RULES.map(([, , weak]) => weak ?? /(?!)/)].map((re) => `(${re.source})`).join('|')})`,
  'g',
);

/** The matches of the cue groups (strong cues of every topic, then weak cues) in the lowercased text. */
interface CueHits {
  /** Matches per cue group. */
  count: number[];
  /** Each match's cue group and position, in text order. */
  group: number[];
  at: number[];
}

function cueHits(text: string): CueHits {
  const hits: CueHits = { count: new Array<number>(2 * RULES.length).fill(0), group: [], at: [] };
  for (const match of text.matchAll(CUES)) {
    let group = 1;
    while (match[group] === undefined) group++;
    hits.count[group - 1]!++;
    hits.group.push(group - 1);
    hits.at.push(match.index);
  }
  return hits;
}

function scoresOf({ count: t }: CueHits, { count: a }: CueHits): number[] {
  const tier = (k: number): number => TITLE * t[k]! + Math.min(a[k]!, ABSTRACT_CAP);
  return RULES.map((_, k) => (t[k]! + a[k]! + t[RULES.length + k]! > 0 ? STRONG * tier(k) + WEAK * tier(RULES.length + k) : 0));
}

/** Every topic's score for a paper (see the header), in vocabulary order. */
export function topicScores(title: string, abstract: string): number[] {
  return scoresOf(cueHits(title.toLowerCase()), cueHits(abstract.toLowerCase()));
}

// Before a cue in its clause (from the sentence start, a colon, or the paper speaking of itself: "In
// contrast to prior work, we fine-tune"): the topic is set against the paper's own ("unlike
// speculative decoding", "rather than"), is earlier work ("traditional methods", "recent work", "has
// been shown"), where ideas come from ("insights from probabilistic forecasting") or one of the
// examples ("such as", "including", "e.g.").
const ASIDE =
  /\b(?:unlike|in contrast|contrary to|as opposed to|rather than|instead of|compared (?:to|with)|than|without|previous(?:ly)?|prior|existing|traditional|conventional|classical|common(?:ly)?|recent(?! years)(?:ly)?|such as|including|e\.g|for (?:example|instance)|like|ha(?:s|ve|d) been|inspired by|insights? from|borrow\w* from)\b/;
const CLAUSE_START = /: |\b(?:we|our|this (?:paper|work))\b/g;
// Not the full stop of an abbreviation ("e.g. speech").
const SENTENCE_BREAK = /(?<!\b(?:e\.g|i\.e|cf|vs|al))[.;!?] /g;
// A list of three or more, as the domains a method was tried on ("image classification, speech
// recognition, and language modeling"); a clause after a comma ("On all tasks, in both supervised
// and reinforcement learning") is no item.
const LIST = /[\w-]+(?: [\w-]+){0,3}(?:, (?!(?:in|on|at|for|to|with|by|from|as|such|including|we|our|which|that|while)\b)[\w-]+(?: [\w-]+){0,3})+,? (?:and|or) [\w-]+/g;

const SENTENCE_REACH = 400;

/** Whether the cue at `at` names the paper's own topic: no aside (see ASIDE), nor a list item past the first. */
function ownMention(text: string, at: number): boolean {
  // No further than SENTENCE_REACH either side: a run-on "sentence" of thousands of characters (a
  // list without an "and") would otherwise be read whole for each cue in it.
  const from = Math.max(0, at - SENTENCE_REACH);
  let start = from;
  for (const m of text.slice(from, at).matchAll(SENTENCE_BREAK)) start = from + m.index + 2;
  const ahead = text.slice(at, at + SENTENCE_REACH);
  const end = ahead.search(SENTENCE_BREAK);
  const sentence = text.slice(start, at + (end < 0 ? ahead.length : end));
  const offset = at - start;
  let clauseStart = 0;
  for (const m of sentence.slice(0, offset).matchAll(CLAUSE_START)) clauseStart = m.index + m[0].length;
  if (ASIDE.test(sentence.slice(clauseStart, offset))) return false;
  // Inside parentheses: an aside ("they can be run locally (ensuring data privacy)").
  if (/\([^()]*$/.test(sentence.slice(0, offset))) return false;
  for (const m of sentence.matchAll(LIST)) {
    if (m.index < offset && offset < m.index + m[0].length) return offset < m.index + m[0].indexOf(',');
  }
  return true;
}

/**
 * The paper's topic tags, strongest first (ties keep vocabulary order: the sort is stable): every
 * topic scoring THRESHOLD, topped up to MIN_TOPICS with topics named at least once, at most MAX_TOPICS.
 * A topic named once joins another tag only if the title names it or the abstract names it as the
 * paper's own (see ownMention).
 */
export function topicsFor(title: string, abstract: string): string[] {
  const lowerAbstract = abstract.toLowerCase();
  const t = cueHits(title.toLowerCase());
  const a = cueHits(lowerAbstract);
  const scores = scoresOf(t, a);
  const named = RULES.map((_, k) => k)
    .filter((k) => scores[k]! >= STRONG)
    .sort((x, y) => scores[y]! - scores[x]!);
  const tags = named.filter((k) => scores[k]! >= THRESHOLD).slice(0, MAX_TOPICS);
  const namedAsOwn = (k: number): boolean =>
    t.count[k]! + t.count[RULES.length + k]! > 0 || a.group.some((group, i) => group === k && ownMention(lowerAbstract, a.at[i]!));
  for (const k of named) {
    if (tags.length >= MIN_TOPICS) break;
    // With no tag yet, the topic named most is the best guess; a further one must be the paper's own.
    if (scores[k]! < THRESHOLD && (tags.length === 0 || namedAsOwn(k))) tags.push(k);
  }
  return tags.map((k) => TOPICS[k]!);
}
