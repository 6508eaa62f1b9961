import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanSentences, eligibleCandidates, MAX_TLDR_CHARS, pickTldr } from '../../../src/summarize/tldr';

const dev = new Map(
  readFileSync('data/scitldr/dev.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { paper_id: string; title: string; source: string[] })
    .map((r) => [r.paper_id, r]),
);
const pick = (id: string) => pickTldr(dev.get(id)!.title, dev.get(id)!.source);
const train = new Map(
  readFileSync('data/scitldr/train.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { paper_id: string; title: string; source: string[] })
    .map((r) => [r.paper_id, r]),
);
const trainRecord = (id: string) => train.get(id)!;
const pickTrain = (id: string) => pickTldr(trainRecord(id).title, trainRecord(id).source);
const texts = (sentence: string) => eligibleCandidates([sentence]).map((c) => c.text);

describe('TL;DR cuts: a pair (between X and Y, both X and Y) keeps both halves', () => {
  it('ELMo (SJTCsqMUf): "both (1) X, and (2) Y" is not cut to "…that models both."', () => {
    expect(pick('SJTCsqMUf')).not.toMatch(/models both\.$/);
  });
  it('a cut at "(" or "," inside "between X … and Y" leaves "between X."', () => {
    expect(texts('In this work we explore a connection between SVGD (Stein variational gradient descent) and MMD-based inference.')).not.toContain('We explore a connection between SVGD.');
    expect(texts('We characterize the relationship between weight decay, which we view as a prior, and the generalization of deep networks.')).not.toContain(
      'We characterize the relationship between weight decay.',
    );
  });
});

describe('TL;DR cuts: a pair keeps both halves past a parenthetical', () => {
  it('"both X (VLN) and Y" is not cut to "…on both Vision-Language Navigation (VLN)." (HkxzNpNtDS)', () => {
    expect(texts('We propose a navigation model that can be seamlessly trained on both Vision-Language Navigation (VLN) and Navigation from Dialog History (NDH) tasks.')).not.toContain(
      'We propose a navigation model that can be seamlessly trained on both Vision-Language Navigation (VLN).',
    );
  });
});

describe("TL;DR cuts: no cut parts a clause's subject from its verb", () => {
  it('YellowFin (SyrGJYlRZ): the "and" of a compound subject is not cut ("…show that hand-tuning a single learning rate.")', () => {
    expect(pick('SyrGJYlRZ')).not.toBe('We revisit the momentum SGD algorithm and show that hand-tuning a single learning rate.');
  });
  it('cascaded boosting (Hke2Rh4Kvr): a cut at "(" before the verb ("where meta-models (i.e., weak learners) are cascaded")', () => {
    expect(pick('Hke2Rh4Kvr')).not.toMatch(/where meta-models\.$/);
  });
  it('a verb that is not an auxiliary ("… with relative position encodings generalizes …")', () => {
    expect(texts('We show that a simple transformer model with relative position encodings generalizes to much longer sequences than seen in training.')).not.toContain(
      'We show that a simple transformer model.',
    );
  });
});

describe('TL;DR cuts: what the verb rules leave alone', () => {
  it.each([
    ['We study grokking in small transformers trained on modular arithmetic by analyzing how features are learned over training.', 'We study grokking in small transformers trained on modular arithmetic.'],
    ['We propose FlashNet, a new attention kernel for long sequences, showing how memory traffic can be reduced by tiling.', 'We propose FlashNet, a new attention kernel for long sequences.'],
    ['We introduce a new benchmark of reasoning tasks with questions most people can answer but language models fail on.', 'We introduce a new benchmark of reasoning tasks.'],
  ])('%s', (sentence, cut) => {
    expect(texts(sentence)).toContain(cut);
  });
});

describe('TL;DR cuts: no participle left hanging', () => {
  it('"…, dealing." is no candidate', () => {
    const sentence = 'We use a modular network consisting of shared branches, dealing with the common features, and task-specific branches.';
    expect(texts(sentence)).not.toContain('We use a modular network consisting of shared branches, dealing.');
    expect(texts(sentence)).toContain('We use a modular network consisting of shared branches.');
  });
});

describe('TL;DR cuts: found on dev picks', () => {
  it('a pair "both X as well as Y" keeps both halves (HyxbV5HshN ended "…, both.")', () => {
    expect(pick('HyxbV5HshN')).not.toMatch(/\bboth\.$/);
    expect(texts('This paper explores many connections between control and machine learning, both through update laws as well as common concepts.')).not.toContain(
      'This paper explores many connections between control and machine learning, both.',
    );
  });

  it('a that-clause opening with "when …" still needs its own verb (B1l6qiR5F7)', () => {
    expect(pick('B1l6qiR5F7')).not.toMatch(/ensures that when a given neuron is updated\.$/);
    expect(texts('A vector of master gates ensures that when a given neuron is updated, all the neurons that follow it are also updated.')).not.toContain(
      'A vector of master gates ensures that when a given neuron is updated.',
    );
  });

  it('a participle is not cut from its agent ("… constrained | by X", SJl24XtLIB)', () => {
    expect(pick('SJl24XtLIB')).not.toMatch(/constrained\.$/);
  });

  it("a claim keeps its condition (rkevSgrtPr's theorem holds only if σ is non-polynomial)", () => {
    const sentence = 'The theorem says that a standard feedforward network with one hidden layer can approximate any continuous function to any given threshold, if and only if σ is non-polynomial.';
    const claims = texts(sentence).filter((text) => text.includes('approximate'));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((text) => text.includes('non-polynomial'))).toBe(true);
  });

  it('in a 20,000-character sentence, cuts are looked for only where the kept text fits a TL;DR', () => {
    const sentence = `${'We show that a model with '.repeat(400)}end.`;
    const cut = eligibleCandidates([sentence]).filter((candidate) => candidate.cut > 0);
    expect(cut.every((candidate) => candidate.text.length <= MAX_TLDR_CHARS + 1)).toBe(true);
    expect(pickTldr('Long', [sentence]).length).toBeGreaterThan(0);
  });
});


describe('TL;DR cuts: found on train picks (readability review)', () => {
  it('a question is not cut (rJgDT04twH read "How can we use implicit human feedback to accelerate.")', () => {
    expect(pickTrain('rJgDT04twH')).not.toMatch(/to accelerate\.$/);
    const question = 'We consider the following question: how can we use implicit human feedback to accelerate and optimize the training of a DRL algorithm?';
    expect(eligibleCandidates([question]).filter((candidate) => candidate.cut > 0)).toEqual([]);
  });

  it('no TL;DR ends with a space before its full stop (HklQxnC5tX read "… neural network architecture .")', () => {
    expect(pickTrain('HklQxnC5tX')).toMatch(/architecture\.$/);
    expect(texts('We propose Fully Bayesian Gaussian Process Regression (GPR) .')).toEqual(['We propose Fully Bayesian Gaussian Process Regression (GPR).', 'We propose Fully Bayesian Gaussian Process Regression.']);
  });

  it('no cut at a "(" inside a phrase: the verb keeps its object, the modifier its noun (B1eHgu-Fim: "…but also maintains.")', () => {
    const sentence = 'Experiments show that our method not only improves the computation efficiency but also maintains (sometimes outperforms) its accuracy.';
    expect(texts(sentence)).not.toContain('Experiments show that our method not only improves the computation efficiency but also maintains.');
    expect(texts('We design and analyze a new zeroth-order (ZO) stochastic optimization algorithm.')).not.toContain('We design and analyze a new zeroth-order.');
    // A parenthetical that closes the phrase can still be cut at.
    expect(texts('We propose a new graph neural network (GNN) for molecule generation.')).toContain('We propose a new graph neural network.');
  });

  it('no cut before "by" and the size of a claim (QA: "…and reduces latency by 10%." became "…and reduces latency.")', () => {
    const sentence = 'Our scheduler improves throughput on long prompts and reduces latency by 10% on a single GPU.';
    expect(texts(sentence)).not.toContain('Our scheduler improves throughput on long prompts and reduces latency.');
    expect(texts('Pruning the draft model this way lowers the memory it needs by up to 2x across the benchmarks we try.')).not.toContain('Pruning the draft model this way lowers the memory it needs.');
    // A means after "by" can still go.
    expect(texts('We improve the calibration of large language models by ensembling their prompts.')).toContain('We improve the calibration of large language models.');
  });

  it('no cut at an "and" that joins modifiers of one noun or verbs of one object (HJlv-Fz-pS: "…we first learn entity.")', () => {
    const candidatesOf = (id: string) => eligibleCandidates(cleanSentences(trainRecord(id).source)).map((candidate) => candidate.text);
    expect(candidatesOf('HJlv-Fz-pS')).not.toContain('We propose a unified approach in which we first learn entity.');
    expect(texts('We present an analytic framework to visualize and understand GANs at the unit, object and scene level.')).not.toContain('We present an analytic framework to visualize.');
    expect(texts('We introduce a meta-critic that learns an additional loss for the actor that accelerates and improves actor-critic learning.')).not.toContain(
      'We introduce a meta-critic that learns an additional loss for the actor that accelerates.',
    );
    // An "and" before a clause of its own can still be cut at.
    expect(texts('We propose a new model for image classification and evaluate it on three benchmarks.')).toContain('We propose a new model for image classification.');
  });

  it('no cut leaves a conjunction, "that", a preposition or an article and adjective at the end (H1laeJrKDB ended "…model along.")', () => {
    expect(pickTrain('H1laeJrKDB')).not.toMatch(/\balong\.$/);
    expect(pickTrain('rylCP6NFDB')).not.toMatch(/\band\.$/);
    const cut = (sentence: string) => texts(sentence).filter((text) => text !== sentence);
    expect(cut('We show that, under mild assumptions, every local minimum of a two-layer attention model is global.')).toEqual([]);
    expect(cut('We propose a new retrieval model which integrates a large, pre-trained language model.')).toEqual(['We propose a new retrieval model.']);
    expect(cut('This paper concerns dictionary learning, i.e., sparse coding, a fundamental representation learning problem.')).not.toContain('This paper concerns dictionary learning, i.e.');
    expect(cut('We propose Deep Lagrangian Networks as a deep network structure upon which Lagrangian Mechanics have been imposed.')).toEqual([]);
  });

  it('no cut leaves a quote open (BJeGFs9FsH: …called "Optimal Lexicographically Genuinely Robust Classifier.)', () => {
    const quoted = (open: string, close: string) => `We propose a new oracle classifier called ${open}Optimal Lexicographically Robust Classifier (OLRC)${close} and study its robustness.`;
    for (const [open, close] of [['"', '"'], ['``', "''"], ['“', '”']] as const) {
      expect(texts(quoted(open, close))).not.toContain(`We propose a new oracle classifier called ${open}Optimal Lexicographically Robust Classifier.`);
      expect(texts(quoted(open, close))).toContain(`We propose a new oracle classifier called ${open}Optimal Lexicographically Robust Classifier (OLRC)${close}.`);
    }
  });

  it('a participle is not cut from what it was done with (BJlaYi05tm ended "…the set of hyperplanes associated.")', () => {
    expect(pickTrain('BJlaYi05tm')).not.toMatch(/associated\.$/);
    expect(texts('We analyze conventional word embeddings trained with Singular Value Decomposition on large corpora.')).not.toContain('We analyze conventional word embeddings trained.');
    // With its auxiliary the participle is a verb, and the means can go.
    expect(texts('In our experiments, all the models are trained using adaptive gradient descent.')).toContain('In our experiments, all the models are trained.');
  });

  it('a list is not cut after its first items ("namely, X, Y." of three; "(1) X." of "(1) X and (2) Y")', () => {
    expect(pickTrain('r1AMITFaW')).not.toMatch(/the long short-term memory\.$/);
    expect(pickTrain('H1lac2Vtwr')).not.toMatch(/\(1\) enables the extraction of global information among all layers\.$/);
    expect(texts('We analyse the memory of three RNN cells; namely, the simple recurrent neural network, the long short-term memory (LSTM) and the gated recurrent unit (GRU).')).not.toContain(
      'We analyse the memory of three RNN cells; namely, the simple recurrent neural network, the long short-term memory.',
    );
  });

  it('"not X, but Y" is not cut to "not X." (the reversed or half claim)', () => {
    expect(texts('We show that the new method not only outperforms state-of-the-art language models, but also learns interpretable topics.')).not.toContain(
      'We show that the new method not only outperforms state-of-the-art language models.',
    );
    expect(texts('We find that deformation invariance is not a binary property, but rather that different tasks require different degrees of it.')).not.toContain(
      'We find that deformation invariance is not a binary property.',
    );
  });
});

describe('TL;DR cuts: a parenthesis that a word goes on from is part of that word', () => {
  it('"under (ε, δ)-differential privacy" keeps "(ε, δ)" (QA: the TL;DR read "under-differential privacy")', () => {
    const candidates = texts('We propose per-layer adaptive clipping for fine-tuning vision transformers under (ε, δ)-differential privacy, with a new clipping rule.');
    expect(candidates.some((text) => text.includes('under-differential'))).toBe(false);
    expect(candidates).toContain('We propose per-layer adaptive clipping for fine-tuning vision transformers under (ε, δ)-differential privacy.');
    // A parenthetical between words still goes.
    expect(texts('We train language models (LMs) with per-example clipping, which is cheap.')).toContain('We train language models with per-example clipping.');
  });
});

describe('TL;DR cuts: a claim that is its means keeps it', () => {
  it('"further gains can be achieved | by using longer scales" is not cut before "by" (QA: Giraffe\'s TL;DR said nothing of how)', () => {
    const candidates = texts('We discover that linear scaling is the best method for extending context length, and show that further gains can be achieved by using longer scales at evaluation time.');
    expect(candidates).not.toContain('We discover that linear scaling is the best method for extending context length, and show that further gains can be achieved.');
    expect(candidates).toContain('We discover that linear scaling is the best method for extending context length.');
  });
});

describe('TL;DR cuts: a passive or a phrase keeps the "by" or "with" it needs', () => {
  it('"… are determined | by different CNNs", "… in conjunction | with …", "… the output | with respect to …" are not cut there (QA)', () => {
    expect(texts('We present SVDocNet, a spatial recurrent network for blind deblurring where the weights of the RNNs are determined by different convolutional neural networks.')).not.toContain(
      'We present SVDocNet, a spatial recurrent network for blind deblurring where the weights of the RNNs are determined.',
    );
    expect(texts('We learn a representation of unlabeled data which can then be used in conjunction with the initial labeled data to train a classifier.')).not.toContain(
      'We learn a representation of unlabeled data which can then be used in conjunction.',
    );
    expect(texts('We show how to differentiate the output of the cross-entropy method with respect to the parameters of the objective.')).not.toContain(
      'We show how to differentiate the output of the cross-entropy method.',
    );
  });
});

describe('TL;DR cuts: "and" before a noun, a modifier or a gerund joins a pair; only a verb starts a part of its own', () => {
  it('"…the optimization algorithm | and architecture", "…for learning | and representing other information" are not cut there (QA)', () => {
    expect(texts('We find that the implicit bias of training varies depending on the particular optimization algorithm and architecture used.')).not.toContain(
      'We find that the implicit bias of training varies depending on the particular optimization algorithm.',
    );
    expect(texts('We argue that the need to represent lexical features in each layer limits the model’s capacity for learning and representing other information relevant to the task.')).not.toContain(
      'We argue that the need to represent lexical features in each layer limits the model’s capacity for learning.',
    );
    expect(texts('We propose an attention-based network which better incorporates different embeddings of the queries and search results.')).not.toContain(
      'We propose an attention-based network which better incorporates different embeddings of the queries.',
    );
    // A second verb of the subject's may go.
    expect(texts('We propose a gated decoder for long documents and show that it halves the memory of inference.')).toContain('We propose a gated decoder for long documents.');
  });
});

describe('TL;DR cuts: a claim keeps the condition it holds under', () => {
  it('", under mild assumptions", ", while maintaining performance", ", without sacrificing accuracy" are not cut off (QA)', () => {
    expect(texts('We prove that gradient descent converges to a global minimum, under mild technical assumptions on the data.')).not.toContain('We prove that gradient descent converges to a global minimum.');
    expect(texts('We significantly reduce model size and computation for keyword spotting, while maintaining performance.')).not.toContain('We significantly reduce model size and computation for keyword spotting.');
    expect(texts('We halve the memory of long-context inference, without sacrificing accuracy on LongBench.')).not.toContain('We halve the memory of long-context inference.');
  });
});

describe('TL;DR cuts: a name with commas in it is not cut inside', () => {
  it('"which we refer to as Share, Specialize, and Compete" keeps the whole name or none of it (QA)', () => {
    const candidates = texts('We propose a framework for multi-task learning which we refer to as Share, Specialize, and Compete.');
    expect(candidates.filter((text) => /Share\.$|Specialize\.$/.test(text))).toEqual([]);
    expect(candidates).toContain('We propose a framework for multi-task learning.');
  });
});

describe('TL;DR cuts: the second half of a pair at the end of the sentence, or an adjective sharing the noun, stays', () => {
  it('"…gradient-free operations | and signSGD.", "…algorithm | and architecture.", "design deeper | and more accurate networks" are not cut there (QA)', () => {
    expect(texts('We design an algorithm, ZO-signSGD, which enjoys dual advantages of gradient-free operations and signSGD.')).not.toContain('We design an algorithm, ZO-signSGD, which enjoys dual advantages of gradient-free operations.');
    expect(texts('We identify mechanisms by which weight decay regularizes, depending on the particular optimization algorithm and architecture.')).not.toContain(
      'We identify mechanisms by which weight decay regularizes, depending on the particular optimization algorithm.',
    );
    expect(texts('We introduce point cloud blocks that save memory, thus allowing to design deeper and more accurate networks.')).not.toContain('We introduce point cloud blocks that save memory, thus allowing to design deeper.');
  });
});

describe('TL;DR cuts: a pair of names stays whole, past a citation too', () => {
  it('"outperforms Prioritized Dueling DQN (Wang et al., 2016) | and Categorical DQN" is not cut to one of them (QA)', () => {
    const candidates = texts('Our agent outperforms Prioritized Dueling DQN (Wang et al., 2016) and Categorical DQN on 57 Atari games.');
    expect(candidates.filter((text) => /Dueling DQN(?: \([^)]*\))?\.$/.test(text))).toEqual([]);
    expect(candidates).toContain('Our agent outperforms Prioritized Dueling DQN and Categorical DQN on 57 Atari games.');
  });
});

describe('TL;DR cuts, from review of this session’s rules', () => {
  it('a list of model names after "known as" is read at once (it took 155 s: each name split at every capital)', () => {
    const candidates = texts('We compare the baselines known as GPT-4, LLaMA, PaLM, BLOOM, OPT, GPT-NeoX, MPT, RWKV, ERNIE, LaMDA, GPT-3.5, and Claude on our benchmark.');
    expect(candidates[0]).toMatch(/and Claude on our benchmark\.$/);
  });
  it('"and" before a noun that starts like an article ("abstract") or a plural that ends the sentence ("outliers.") joins a pair', () => {
    expect(texts('We argue that lexical features limit the model capacity for learning and representing abstract concepts from raw data.')).not.toContain('We argue that lexical features limit the model capacity for learning.');
    expect(texts('We find that a network trained with our loss is robust to label noise and outliers.')).not.toContain('We find that a network trained with our loss is robust to label noise.');
  });
});
