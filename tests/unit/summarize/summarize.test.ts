import { describe, expect, it } from 'vitest';
import { pickTldr, SUMMARIZER_VERSION, summarize } from '../../../src/summarize/index';
import { SummarySchema } from '../../../src/schema';
import { readFileSync } from 'node:fs';
import { eligibleCandidates, MAX_TLDR_CHARS, tldrFeatureCount, TOKEN_FEATURE_COUNT } from '../../../src/summarize/tldr';
import { TLDR_MODEL } from '../../../src/summarize/tldr-model';
import { seedPapers, seedTitled } from './seed-papers';

describe('summarize', () => {
  it('has a positive integer version', () => {
    expect(Number.isInteger(SUMMARIZER_VERSION) && SUMMARIZER_VERSION > 0).toBe(true);
  });
  it('returns empty parts for an empty abstract', () => {
    expect(summarize('T', '')).toEqual({ tldr: '', keyResults: [], codeLinks: [], topics: [], names: [] });
  });
  it('gives the sentence saying what the paper does (not the background before it), its measured result and its code link; the same when asked again', () => {
    const a = 'Deep nets are popular. We propose X, which is fast. X is 2x faster. Code: https://github.com/a/x.';
    const expected = { tldr: 'We propose X, which is fast.', keyResults: ['X is 2x faster'], codeLinks: ['https://github.com/a/x'], topics: [], names: [] };
    // Twice: summarized again (another visit), an abstract gives the same card.
    expect(summarize('X', a)).toEqual(expected);
    expect(summarize('X', a)).toEqual(expected);
  });
});

describe('pickTldr', () => {
  it('no candidate ends in a doubled period once a citation after "et al." is dropped or cut', () => {
    const sentences = ['We propose checkability training, building on the prover-verifier games of Anil et al. (2021).', 'We train provers against verifiers as in Anil et al., and show that legibility to humans improves.'];
    const texts = eligibleCandidates(sentences).map((candidate) => candidate.text);
    expect(texts).toContain('We propose checkability training, building on the prover-verifier games of Anil et al.');
    expect(texts.filter((text) => /\w\.\.$/.test(text))).toEqual([]);
  });

  it('no tail is cut right after an adverb or a list announcement, which would leave the phrase hanging', () => {
    const sentences = [
      'We discover that the optimal batch size scales primarily with data size and the learning rate with model size.',
      'We present a head-to-head comparison of language models for Spanish with the following results: larger models win.',
    ];
    const texts = eligibleCandidates(sentences).map((candidate) => candidate.text);
    expect(texts).not.toContain('We discover that the optimal batch size scales primarily.');
    expect(texts).toContain('We discover that the optimal batch size scales primarily with data size.');
    expect(texts.some((text) => /following results\.$/.test(text))).toBe(false);
  });

  it('no candidate keeps part of an enumeration, leaves a participle, a clause or a preposition hanging, or cuts inside an opening clause', () => {
    const sentences = [
      'We compare our models on four downstream tasks - question quality prediction, closed question prediction, named entity recognition and obsoletion prediction.',
      'We study how (1) training duration, (2) model architecture and (3) quantization affect a model\'s knowledge storage capacity.',
      'We find that nf4 and fp4 are equally proficient techniques, characterized by similar attributes such as inference speed, memory consumption and output quality.',
      'We show that the scaling of loss depends on the feature frequency; if feature frequencies follow a power law, so does the loss.',
      'We present a differentiated replication of the work by Wei et al. in which we consider newer models.',
      'Given the fast pace at which capabilities and quantization techniques are evolving, we replicate a study of quantized code models.',
    ];
    const texts = eligibleCandidates(sentences).map((candidate) => candidate.text);
    expect(texts).not.toContain('We compare our models on four downstream tasks - question quality prediction.');
    expect(texts).toContain('We study how (1) training duration, (2) model architecture and (3) quantization affect a model\'s knowledge storage capacity.');
    expect(texts.some((text) => /\(1\)/.test(text) === false && text.startsWith('We study how training duration'))).toBe(false);
    expect(texts).not.toContain('We find that nf4 and fp4 are equally proficient techniques, characterized.');
    expect(texts.filter((text) => /such as inference speed[^.]*\.$/.test(text) && !text.includes('output quality'))).toEqual([]);
    expect(texts).not.toContain('We show that the scaling of loss depends on the feature frequency; if feature frequencies follow a power law.');
    expect(texts.filter((text) => /\b(?:by|in)\.$/.test(text))).toEqual([]);
    expect(texts.filter((text) => text.startsWith('Given the fast pace') && !text.includes(', we'))).toEqual([]);
    // Not lists, not hanging: a name ending in a capital letter, an appositive after a colon.
    const named = eligibleCandidates([
      'We study the role of vitamin A in the immune response of deep networks, using new probes.',
      'We introduce LoRA: a low-rank adaptation method, which freezes the weights and trains small matrices.',
    ]).map((candidate) => candidate.text);
    expect(named).toContain('We study the role of vitamin A in the immune response of deep networks.');
    expect(named).toContain('We introduce LoRA: a low-rank adaptation method.');
  });

  it('no cut at "and" leaves "between X" or "both X" without its second half', () => {
    const texts = eligibleCandidates([
      'In this work we explore a connection between SVGD and MMD-based inference and show that variance collapses in high dimensions.',
      'We present an approach that exploits both topological details of the graph and content features of the nodes.',
    ]).map((candidate) => candidate.text);
    expect(texts).not.toContain('We explore a connection between SVGD.');
    expect(texts).not.toContain('We present an approach that exploits both topological details of the graph.');
    expect(texts).toContain('We explore a connection between SVGD and MMD-based inference.');
  });

  it('no cut parts a subject from its verb; a relative clause is still cut off', () => {
    const texts = eligibleCandidates([
      'It says that if we consider only continuous activations, then a standard feedforward network with one hidden layer is able to approximate any continuous function.',
      'We learn a prior over network weights so that a few steps of Bayes by Backprop will produce a good posterior.',
      'We propose a new method for training deep networks with sparse weights which is fast.',
    ]).map((candidate) => candidate.text);
    expect(texts).not.toContain('It says that if we consider only continuous activations, then a standard feedforward network.');
    expect(texts).not.toContain('We learn a prior over network weights so that a few steps of Bayes.');
    expect(texts).toContain('We propose a new method for training deep networks with sparse weights.');
    expect(texts).toContain('We propose a new method for training deep networks.');
  });

  it('sentences broken at line ends are joined again before picking', () => {
    const tldr = pickTldr('word2net', [
      'Most embedding methods rely on a log-bilinear model to predict the occurrence',
      'of a word in a context of other words.',
      'Here we propose word2net, a method that',
      'replaces their linear parametrization with neural networks.',
    ]);
    expect(tldr).toBe('We propose word2net, a method that replaces their linear parametrization with neural networks.');
  });

  it('a long Chinese sentence is clipped at a full-width comma, not mid-clause', () => {
    const clause = '我们提出了一种新的推测解码方法'.repeat(4);
    const tldr = pickTldr('标题', [`${clause}，${clause}，${clause}，${clause}，${clause}，${clause}。`]);
    expect(tldr.length).toBeLessThanOrEqual(MAX_TLDR_CHARS);
    expect(tldr).toMatch(new RegExp(`^(?:${clause}，)*${clause}…$`));
  });

  it('a sentence clipped at a clause boundary does not end on the word before it ("… per model parameter and;" of 2503.07103)', () => {
    const sentence = 'We present a differentiated replication of the work by Wei et al. in which we consider (i) on the one side, more recent and larger code-related LLMs, of up to 34B parameters; (ii) the latest advancements in model quantization techniques, which allow pushing the compression to the extreme quantization level of 2 bits per model parameter and; (iii) different types of calibration datasets to guide the quantization process, including code-specific ones.';
    const tldr = pickTldr('Quantizing Large Language Models for Code Generation: A Differentiated Replication', [sentence]);
    expect(tldr.length).toBeLessThanOrEqual(MAX_TLDR_CHARS);
    expect(tldr).toMatch(/ of 2 bits per model parameter…$/);
    // A verb or "than" stays: "… in which we…" would say less.
    for (const [ending, shown] of [['that we consider;', / that we consider…$/], ['that is no better than;', / no better than…$/], ['of 2 bits, e.g.,', / of 2 bits…$/]] as const) {
      expect(pickTldr('Quantizing Large Language Models for Code Generation: A Differentiated Replication', [sentence.replace('of 2 bits per model parameter and;', ending)])).toMatch(shown);
    }
  });

  it('drops the "also", "further", "then" or "therefore" that ties a TL;DR to a sentence it does not have', () => {
    expect(pickTldr('T', ['We also show that sparse attention halves the memory of long-context inference.'])).toBe('We show that sparse attention halves the memory of long-context inference.');
    expect(pickTldr('T', ['We further explore how training set size changes fine-tuning efficacy.'])).toBe('We explore how training set size changes fine-tuning efficacy.');
    // (QA: 37 SciTLDR TL;DRs opened "We first", "We then", "We therefore" or "We thus".)
    expect(pickTldr('T', ['We then show that different operations can be designed for sparse attention.'])).toBe('We show that different operations can be designed for sparse attention.');
    expect(pickTldr('T', ['We therefore propose a gated decoder for long-context inference.'])).toBe('We propose a gated decoder for long-context inference.');
  });

  it('opens with what the paper does, not with a lead-in that points back: "To do so,", "To achieve this,", "As a byproduct," (QA)', () => {
    expect(pickTldr('T', ['To do so, we propose a class of regularizations that constrain the hidden states of recurrent networks.'])).toBe('We propose a class of regularizations that constrain the hidden states of recurrent networks.');
    expect(pickTldr('T', ['As a byproduct, we analyze the convergence of hypergradient methods for tuning learning rates.'])).toBe('We analyze the convergence of hypergradient methods for tuning learning rates.');
    expect(pickTldr('T', ['To achieve this, we train a verifier on synthetic proofs and use it to rerank samples.'])).toBe('We train a verifier on synthetic proofs and use it to rerank samples.');
  });

  it('opens with what the paper does, not with "In this paper, we" or "Here we"', () => {
    expect(pickTldr('T', ['In this paper, we explore how LMs respond to multi-hop questions by permuting search results.'])).toBe('We explore how LMs respond to multi-hop questions by permuting search results.');
    expect(pickTldr('T', ['Here we show that sparse attention halves the memory of long-context inference.'])).toBe('We show that sparse attention halves the memory of long-context inference.');
  });

  it('keeps a leading clause that says what the rest calls "its" (the LLM-Pruner seed read "We explore its compression …")', () => {
    const paper = seedTitled(seedPapers(), 'LLM-Pruner');
    expect(summarize(paper.title, paper.abstract).tldr).toMatch(/^With LLM being a general-purpose task solver, we explore its compression/);
  });

  it('drops a leading clause that points back at "the two insights" of sentences the TL;DR does not have', () => {
    const paper = seedTitled(seedPapers(), 'Enhancing Ultra-Low-Bit Quantization');
    expect(summarize(paper.title, paper.abstract).tldr).toBe('We propose an ultra-low-bit quantization method that builds upon ApiQ and extends its performance without the need for full retraining.');
  });

  it('drops a closing purpose that points back at a problem the TL;DR does not state, not a complement a word needs', () => {
    expect(pickTldr('T', ['We propose mixup, a simple learning principle to alleviate these issues.'])).toBe('We propose mixup, a simple learning principle.');
    expect(pickTldr('T', ['We introduce dataset decomposition, a novel variable sequence length training technique, to tackle these challenges.'])).toBe(
      'We introduce dataset decomposition, a novel variable sequence length training technique.',
    );
    expect(pickTldr('T', ['We present a variation of capsule networks that aims to remedy this.'])).toBe('We present a variation of capsule networks that aims to remedy this.');
  });

  // From an audit of summaries over SciTLDR (its papers named; sentences shortened where marked).
  it('says what the paper does about a problem it does not state: "We address this problem by introducing X" reads "We introduce X"', () => {
    // TFGAN (SciTLDR dev), shortened.
    expect(pickTldr('T', ['We address this problem by introducing Text-Filter conditioning GAN (TFGAN), a GAN model for text-to-video synthesis.'])).toMatch(
      /^We introduce Text-Filter conditioning GAN\b/,
    );
    expect(pickTldr('T', ['We address these issues in this paper by proposing adaptive quantization, which finds a precision for each parameter.'])).toBe(
      'We propose adaptive quantization, which finds a precision for each parameter.',
    );
    // A second gerund joined to the first stays with it (from a review).
    expect(pickTldr('T', ['We address this problem by using a frozen encoder and then fine-tuning a small decoder on top.'])).toMatch(/^We address this problem by using/);
    expect(pickTldr('T', ['We address this problem by using a pretrained encoder, then fine-tuning it on the task.'])).toMatch(/^We address this problem by using/);
    // What it solves the problem with, not a method it presents, stays as written.
    expect(pickTldr('T', ['We address this issue by propagating labels using a manifold structure.'])).toBe('We address this issue by propagating labels using a manifold structure.');
  });

  it('drops a lead-in that points back at a purpose the TL;DR does not state ("For this purpose", "With this in mind", "To that end")', () => {
    for (const lead of ['For this purpose we', 'With this in mind we', 'To that end, we', 'To that end we']) {
      expect(pickTldr('T', [`${lead} collect and release a large dataset of conversations grounded in Wikipedia.`])).toBe('We collect and release a large dataset of conversations grounded in Wikipedia.');
    }
  });

  it('takes a finding over a hope, a belief or a question the paper asks', () => {
    // SciTLDR dev: "The divergences minimized by non-saturating GAN training", shortened.
    expect(
      pickTldr('The divergences minimized by non-saturating GAN training', [
        'We show that the non-saturating scheme for GAN training approximately minimizes a reverse KL-like f-divergence.',
        'We hope these results may help to clarify some of the theoretical discussion surrounding GAN training.',
      ]),
    ).toMatch(/^We show that the non-saturating scheme/);
    expect(pickTldr('T', ['We then ask "is there a single global feature pooling variant that suits fine-grained recognition?"', 'Our analysis finds that average pooling is best for fine-grained recognition.'])).toMatch(/^Our analysis finds/);
  });

  it('takes what the paper does over what anyone "can" do ("In reinforcement learning, we can learn a model …")', () => {
    // SciTLDR train: "Causally Correct Partial Models for Reinforcement Learning", shortened.
    const sentences = [
      "In reinforcement learning, we can learn a model of future observations and rewards, and use it to plan the agent's next actions.",
      'We introduce a general family of partial models that are provably causally correct.',
    ];
    expect(pickTldr('Causally Correct Partial Models for Reinforcement Learning', sentences)).toMatch(/^We introduce a general family of partial models/);
    // A "we can" the paper shows is its own.
    expect(pickTldr('T', ['Estimators of gradients are noisy.', 'We show that by drawing multiple samples per datapoint, we can learn with significantly less data.'])).toMatch(/^We show that by drawing/);
  });

  it('takes a sentence that stands alone over one opening with what an earlier one said ("This allows us to …")', () => {
    // SciTLDR dev: "Efficient Inference and Exploration for Reinforcement Learning", shortened.
    const sentences = [
      'Despite an ever growing literature on reinforcement learning algorithms, their statistical inference is less studied.',
      'We investigate the large-sample behaviors of the Q-value estimates with closed-form characterizations of the asymptotic variances.',
      'This allows us to efficiently construct confidence regions for Q-value and optimal value functions.',
    ];
    expect(pickTldr('Efficient Inference and Exploration for Reinforcement Learning', sentences)).toMatch(/^We investigate the large-sample behaviors/);
    // "This paper" (or "This workshop paper") is the paper itself.
    expect(pickTldr('T', ['Distillation is common.', 'This workshop paper shows that our model, a convolutional student trained by distillation, matches BERT.', 'It needs no labels.'])).toMatch(/^This workshop paper shows/);
  });

  it('takes what the paper presents over the problem it poses ("We consider the problem of …")', () => {
    // SciTLDR dev: "NormCo: Deep Disease Normalization for Biomedical Knowledge Base Construction", shortened.
    const sentences = [
      'We consider the problem of disease entity normalization, an essential task in constructing a biomedical knowledge base.',
      'We present NormCo, a deep coherence model which considers the semantics of an entity mention, as well as the topical coherence of the mentions within a single document.',
    ];
    expect(pickTldr('NormCo: Deep Disease Normalization for Biomedical Knowledge Base Construction', sentences)).toMatch(/^We present NormCo/);
    // A sentence that poses the problem and proposes for it is no mere problem (from a review).
    const proposing = [
      'We study the problem of continuous control agents in deep RL with adversarial attacks and propose the first two-step algorithm based on learned model dynamics.',
      'Extensive experiments on various MuJoCo domains demonstrate that our proposed framework is much more effective than the baselines.',
    ];
    expect(pickTldr('Toward Evaluating Robustness of Deep Reinforcement Learning with Continuous Control', proposing)).toMatch(/^We study the problem of continuous control agents/);
  });

  it('takes what the paper proposes or finds over how it tests it ("We perform extensive experiments and show …")', () => {
    // SciTLDR dev: "Construction of Macro Actions for Deep Reinforcement Learning", its last six sentences.
    const sentences = [
      'On the other hand, repeating actions may limit the diversity of behaviors of the agent.',
      'Instead, we propose to construct macro actions by a genetic algorithm, which eliminates the dependency of the macro action derivation procedure from the past policies of the agent.',
      'Our approach appends a macro action to the primitive action space once at a time and evaluates whether the augmented action space leads to promising performance or not.',
      'We perform extensive experiments and show that the constructed macro actions are able to speed up the learning process for a variety of deep reinforcement learning methods.',
      'Our experimental results also demonstrate that the macro actions suggested by our approach are transferable among deep reinforcement learning methods and similar environments.',
      'We further provide a comprehensive set of ablation analysis to validate our methodology.',
    ];
    expect(pickTldr('Construction of Macro Actions for Deep Reinforcement Learning', sentences)).toMatch(/^We propose to construct macro actions/);
  });

  it('no cut keeps a phrase without a verb ("In the subjective tests, for one language and cross-lingual voice conversion.")', () => {
    // SciTLDR train: "Investigation of using disentangled and interpretable representations … for cross-lingual voice conversion".
    const texts = eligibleCandidates([
      'Finally, in the subjective tests, for one language and cross-lingual voice conversion, our approach achieved moderately better or comparable results compared to the baseline in speech quality and similarity.',
    ]).map((candidate) => candidate.text);
    expect(texts).not.toContain('In the subjective tests, for one language and cross-lingual voice conversion.');
    // (Nor one cut before "and similarity", the pair's second half.)
    expect(texts).toEqual(['In the subjective tests, for one language and cross-lingual voice conversion, our approach achieved moderately better or comparable results compared to the baseline in speech quality and similarity.']);
  });

  it('no cut leaves a relative pronoun without its clause ("… a Neural Program Planner, which.")', () => {
    // SciTLDR train: "Neural Program Planner for Structured Predictions".
    const texts = eligibleCandidates([
      'We demonstrate the effectiveness of planning-based SP with a Neural Program Planner (NPP), which, given a set of candidate programs from a pretrained search policy, decides which program is the most promising.',
    ]).map((candidate) => candidate.text);
    expect(texts.filter((text) => /\b(?:which|who|whose)\.$/.test(text))).toEqual([]);
    expect(texts).toContain('We demonstrate the effectiveness of planning-based SP with a Neural Program Planner.');
  });

  it('no cut leaves "that even if" without its main clause, or a hyphen without its word', () => {
    // SciTLDR train: "Theoretical Analysis of Auto Rate-Tuning by Batch Normalization".
    const texts = eligibleCandidates([
      'It is shown that even if we fix the learning rate of scale-invariant parameters to a constant, gradient descent still approaches a stationary point.',
      'We train networks with weights quantized to 2-, 3- or 4-bits of precision and reach the best accuracy to date.',
    ]).map((candidate) => candidate.text);
    expect(texts).not.toContain('It is shown that even if we fix the learning rate of scale-invariant parameters to a constant.');
    expect(texts.filter((text) => /\w-\.$/.test(text))).toEqual([]);
    expect(texts).toContain('We train networks with weights quantized to 2-, 3- or 4-bits of precision.');
  });

  it('has one trained weight per feature (retrain with npm run train:tldr after changing features)', () => {
    expect(TLDR_MODEL.ranker).toHaveLength(tldrFeatureCount(TLDR_MODEL));
    expect(TLDR_MODEL.tokenWeights).toHaveLength(TOKEN_FEATURE_COUNT);
  });
  it('ships a model of at most 50 KB', () => {
    const bytes = readFileSync(new URL('../../../src/summarize/tldr-model.ts', import.meta.url)).length;
    expect(bytes).toBeLessThanOrEqual(50_000);
  });
  it('skips the background opening sentence', () => {
    const sentences = [
      'Large language models have recently achieved remarkable success in many tasks.',
      'However, they remain expensive to run on long inputs.',
      'In this paper, we propose FastLM, a sparse attention method that cuts inference cost on long documents.',
      'Experiments on three benchmarks show it is faster than prior work.',
    ];
    const tldr = pickTldr('FastLM: Sparse Attention for Long Documents', sentences);
    expect(tldr).toContain('FastLM');
    expect(tldr).toMatch(/^[A-Z]/);
  });
  it('trims a lead-in and keeps a capitalised start', () => {
    const tldr = pickTldr('FastLM', [
      'Transformers are widely used.',
      'To address this, we introduce FastLM, a sparse attention method for long documents.',
    ]);
    expect(tldr).toBe('We introduce FastLM, a sparse attention method for long documents.');
  });
  it('drops a leading clause that points back at earlier sentences', () => {
    const background = 'Long inputs make transformers slow because attention is quadratic.';
    const dangling = pickTldr('XL3M', [background, 'Based on this, we propose XL3M, a training-free framework that lets short-context models read long inputs.']);
    expect(dangling).toBe('We propose XL3M, a training-free framework that lets short-context models read long inputs.');
    const concern = pickTldr('Mamba-2 states', [background, 'For the second concern, we train Mamba-2 models on long documents to estimate their state capacity.']);
    expect(concern).toMatch(/^We train Mamba-2 models on long documents/);
  });
  it('takes a statement over a bare question ("How can we address this problem?" states no finding)', () => {
    // SciTLDR dev SylFDSU6Sr: its only sentence with a "we" is the question.
    const tldr = pickTldr('Disentanglement with Hyperspherical Latent Spaces using Diffusion Variational Autoencoders', [
      'A disentangled representation of a data set should be capable of recovering the underlying factors that generated it.',
      'The angle has a periodic structure but a 1-dimensional representation would fail to capture this topology.',
      'How can we address this problem?',
      'The submissions presented for the first stage of the NeurIPS2019 Disentanglement Challenge consist of a Diffusion Variational Autoencoder with a hyperspherical latent space which can for example recover periodic true factors.',
    ]);
    expect(tldr).toMatch(/^The submissions presented for the first stage/);
    // A sentence that states a question is no bare question.
    expect(pickTldr('Morpho-MNIST', ['Deep generative models are hard to evaluate.', 'We introduce Morpho-MNIST, a framework that aims to answer: "to what extent has my model learned to represent specific factors of variation in the data?"'])).toMatch(/^We introduce Morpho-MNIST/);
  });
  it('does not take a generic "we" ("the way we develop AI") for the paper\'s own work', () => {
    const tldr = pickTldr('A Survey of Large Language Models', [
      'The technical evolution of LLMs has been making an important impact on the entire AI community, which would revolutionize the way we develop and use AI algorithms.',
      'Recently, pre-trained language models have shown strong capabilities.',
      'This survey reviews the recent advances of LLMs and their mainstream techniques.',
    ]);
    expect(tldr).toBe('This survey reviews the recent advances of LLMs and their mainstream techniques.');
  });
  it('returns the only sentence', () => {
    expect(pickTldr('T', ['We study X in depth.'])).toBe('We study X in depth.');
  });
  it('returns an empty string for no sentences', () => {
    expect(pickTldr('T', [])).toBe('');
  });

  describe('length cap', () => {
    const words = (n: number, word: string): string => Array.from({ length: n }, (_, k) => `${word}${k}`).join(' ');

    it('prefers the best candidate that fits over a longer one', () => {
      const sentences = [
        `We propose ReadableNet, a model for long documents that ${words(55, 'reads')}.`,
        'Our experiments show that ReadableNet reads long documents faster.',
      ];
      expect(sentences[0]!.length).toBeGreaterThan(MAX_TLDR_CHARS);
      const tldr = pickTldr('ReadableNet', sentences);
      // A whole shorter sentence or a clean cut of the long one, never the long one clipped.
      expect(['Our experiments show that ReadableNet reads long documents faster.', 'We propose ReadableNet, a model for long documents.']).toContain(tldr);
    });

    it('cuts a run-on sentence with no shorter candidate at its last clause boundary, with an ellipsis', () => {
      // The comma after an opening "While …" clause is no place for a trimmed candidate, but it is a clause boundary.
      const clause = `While ${words(25, 'background')}`;
      const sentence = `${clause}, we ${words(45, 'method')}.`;
      const tldr = pickTldr('T', [sentence]);
      expect(tldr).toBe(`${clause}…`);
      expect(tldr.length).toBeLessThanOrEqual(MAX_TLDR_CHARS);
    });

    it('cuts at a word boundary when there is no clause boundary', () => {
      const sentence = `We ${words(120, 'token')}.`;
      const tldr = pickTldr('T', [sentence]);
      expect(tldr.length).toBeLessThanOrEqual(MAX_TLDR_CHARS);
      expect(tldr.endsWith('…')).toBe(true);
      const kept = tldr.slice(0, -1);
      expect(sentence.startsWith(kept)).toBe(true);
      expect(sentence[kept.length]).toBe(' ');
    });

    it('fits the stored summary schema even for an abstract that is one unbroken string', () => {
      const summary = summarize('T', 'x'.repeat(5000));
      expect(summary.tldr.length).toBeLessThanOrEqual(MAX_TLDR_CHARS);
      expect(SummarySchema.safeParse({ version: SUMMARIZER_VERSION, ...summary }).success).toBe(true);
    });
  });
});
