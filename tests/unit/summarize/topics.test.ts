import { describe, expect, it } from 'vitest';
import { loadTldr } from '../../../bench/tldr-data';
import { SummarySchema } from '../../../src/schema';
import { summarize, TOPICS, topicsFor } from '../../../src/summarize/index';
import { seedPapers, seedTitled } from './seed-papers';

const papers = seedPapers();
const topicsOf = (prefix: string): string[] => {
  const paper = seedTitled(papers, prefix);
  return topicsFor(paper.title, paper.abstract);
};

describe('the topic vocabulary', () => {
  it('is a list of distinct tags the store accepts', () => {
    expect(new Set(TOPICS).size).toBe(TOPICS.length);
    for (const topic of TOPICS) expect(topic.length, topic).toBeGreaterThan(0);
    const summary = SummarySchema.parse({ version: 1, tldr: 'x', keyResults: [], codeLinks: [], topics: TOPICS.slice(0, 5) });
    expect(summary.topics).toEqual(TOPICS.slice(0, 5));
  });
});

describe('topics of the seed papers', () => {
  // Papers whose abstracts honestly name one vocabulary topic only.
  const ONE_TOPIC: Record<string, string> = {
    'Densing Law of LLMs': 'scaling laws', // a law about capacity density; nothing else is named
    'A Survey of Large Language Models': 'survey', // a general survey: no one technique stands out
    'XL3M:': 'long context', // training-free length extension, nothing besides
    'Ruler:': 'alignment', // instruction following under length constraints
    'Enhancing Ultra-Low-Bit Quantization': 'quantization', // quantization only
    // Other topics these name only in passing: "Unlike speculative decoding approaches…", "Traditional compression
    // methods such as pruning…", "Recent attempts to compress and limit these context lengths…", and pre-training
    // "including using a very large context size (2,048 tokens), batch size (0.5M tokens) and training set".
    'Entropy Adaptive Decoding': 'efficient inference',
    'CompactifAI:': 'quantization', // combined with quantization in its experiments
    'Learn Your Tokens:': 'tokenization',
    'Stack Over-Flowing with Results:': 'pre-training',
    // Privacy only in parentheses, as one advantage of open models ("run locally (ensuring data privacy)").
    'Rethinking Scale:': 'fine-tuning',
  };

  it('gives every paper two to five tags from the vocabulary, apart from the one-topic papers', () => {
    for (const paper of papers) {
      const topics = topicsFor(paper.title, paper.abstract);
      const single = Object.keys(ONE_TOPIC).find((prefix) => paper.title.startsWith(prefix));
      expect(topics.length, paper.title).toBeLessThanOrEqual(5);
      expect(topics.length, paper.title).toBeGreaterThanOrEqual(single ? 1 : 2);
      expect(new Set(topics).size, paper.title).toBe(topics.length);
      for (const topic of topics) expect(TOPICS, paper.title).toContain(topic);
    }
  });

  it('gives the one-topic papers their topic', () => {
    for (const [prefix, topic] of Object.entries(ONE_TOPIC)) expect(topicsOf(prefix), prefix).toEqual([topic]);
  });

  it('tags the papers with the topics their titles name, strongest first', () => {
    expect(topicsOf('SpecDec++')[0]).toBe('speculative decoding');
    expect(topicsOf('Scaling Laws for Neural Machine Translation')).toEqual(expect.arrayContaining(['scaling laws', 'machine translation']));
    expect(topicsOf('Datasets for Large Language Models')).toEqual(expect.arrayContaining(['survey', 'datasets']));
    expect(topicsOf('HallE-Switch')).toEqual(['vision-language', 'hallucination']);
    expect(topicsOf('Low-Bit Quantization Favors Undertrained LLMs')).toEqual(['quantization', 'scaling laws', 'pre-training']);
    expect(topicsOf('Enhancing Ultra-Low-Bit Quantization')[0]).toBe('quantization');
    expect(topicsOf('Understanding the Impact of Post-Training Quantization')[0]).toBe('quantization');
    expect(topicsOf('Quantizing Large Language Models for Code Generation')).toEqual(['quantization', 'code generation']);
    expect(topicsOf('LLM-Pruner')[0]).toBe('pruning');
    expect(topicsOf('When Is Multilinguality a Curse?')).toEqual(['multilingual', 'low-resource languages']);
    expect(topicsOf('Efficient Adapter Finetuning for Tail Languages')).toEqual(expect.arrayContaining(['speech & audio', 'multilingual', 'fine-tuning']));
    expect(topicsOf('Scaling Retrieval-Based Language Models')).toEqual(['retrieval-augmented generation', 'scaling laws']);
    expect(topicsOf('Privacy Preserving Prompt Engineering')).toEqual(['safety & security', 'survey']);
    expect(topicsOf('Power Scheduler')[0]).toBe('optimization');
    expect(topicsOf('Spanish TrOCR')).toContain('OCR & documents');
    expect(topicsOf('Stuffed Mamba')).toEqual(['long context', 'model architecture']);
    expect(topicsOf('Turning Trash into Treasure')).toEqual(['efficient inference', 'speculative decoding']);
  });

  it('does not count a method that works without fine-tuning as fine-tuning', () => {
    expect(topicsOf('XL3M:')).not.toContain('fine-tuning');
    expect(topicsOf('Adaptive Draft-Verification')).not.toContain('fine-tuning');
  });

  it('spreads the seeds over their core topics without one topic swamping the list', () => {
    const counts = new Map<string, number>();
    for (const paper of papers) for (const t of topicsFor(paper.title, paper.abstract)) counts.set(t, (counts.get(t) ?? 0) + 1);
    // Every seed paper is about language models: their core topics must show up, and no topic may swamp the list.
    for (const topic of ['quantization', 'long context', 'scaling laws', 'multilingual', 'code generation', 'efficient inference']) {
      expect(counts.get(topic) ?? 0, topic).toBeGreaterThanOrEqual(5);
    }
    for (const [topic, n] of counts) expect(n, topic).toBeLessThanOrEqual(papers.length / 4);
  });
});

const scitldrDev = loadTldr('data/scitldr/dev.jsonl');
/** The topics of the SciTLDR dev paper titled `title`. */
const scitldrTopics = (title: string): string[] => {
  const paper = scitldrDev.find((p) => p.title === title);
  if (!paper) throw new Error(`no SciTLDR dev paper titled ${title}`);
  return topicsFor(paper.title, paper.source.join(' '));
};

describe('topicsFor', () => {
  // QA: LLM.int8() had no topic, SnapKV's "fine-tuning-free" was fine-tuning, a KV cache's compression no efficient inference.
  it('reads a few bits as quantization, a KV cache as efficient inference, and "fine-tuning-free" as no fine-tuning', () => {
    expect(topicsFor('LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale', 'Large language models require significant GPU memory. We develop a procedure for Int8 matrix multiplication for feed-forward and attention projection layers in transformers.')).toContain('quantization');
    expect(
      topicsFor('SnapKV: LLM Knows What You are Looking for Before Generation', 'We introduce SnapKV, an innovative and fine-tuning-free approach that efficiently minimizes KV cache size while still delivering comparable performance. SnapKV compresses KV caches by selecting clustered important KV positions for each attention head.'),
    ).toEqual(['efficient inference']);
    expect(topicsFor('HDR from a single 8-bit image', 'We reconstruct a high dynamic range image from a single 8-bit LDR image. Agents on 8-bit Atari games are another use.')).not.toContain('quantization');
    expect(topicsFor('Mistral 7B', 'We introduce Mistral 7B. Our model leverages grouped-query attention (GQA) for faster inference, coupled with sliding window attention.')).toContain('efficient inference');
  });

  it('ranks a topic named in the title above one named twice in the abstract', () => {
    const topics = topicsFor(
      'Structured pruning for small language models',
      'We remove attention heads and study how the result interacts with 4-bit quantization. Quantization after the removal keeps accuracy.',
    );
    expect(topics).toEqual(['pruning', 'quantization']);
  });

  it('needs a topic named once in the abstract to keep company before it becomes a second tag', () => {
    const abstract =
      'We propose a speculative decoding method with a small draft model that drafts several tokens at once. ' +
      'It reaches a 2x speedup and halves the latency. Unlike quantization, it keeps the output exactly.';
    // Speculative decoding and efficient inference are confident; quantization, named once, is left out.
    expect(topicsFor('Faster generation', abstract)).toEqual(['speculative decoding', 'efficient inference']);
    // With one confident topic, a topic named once tops the list up to two tags.
    expect(topicsFor('Speculative decoding for chat models', 'We speed up chat models. It also works with quantization.')).toEqual([
      'speculative decoding',
      'quantization',
    ]);
  });

  it("adds a topic named once only where the paper names it as its own, not as a contrast, earlier work or one item of a list", () => {
    // "…have been shown to be successful in image classification models"
    expect(scitldrTopics('Depthwise Separable Convolutions for Neural Machine Translation')).toEqual(['machine translation']);
    // "Previous few-shot learning works have mainly focused on classification and reinforcement learning."
    expect(scitldrTopics('Few-Shot Regression via Learned Basis Functions')).toEqual(['meta-learning']);
    // "We provide results on MNIST, CIFAR10, music and speech data."
    expect(scitldrTopics('TequilaGAN: How To Easily Identify GAN Samples')).toEqual(['generative models']);
    // "…on a wide range of applications including gridworld, robotics tasks and video games."
    expect(scitldrTopics('Scoring-Aggregating-Planning: Learning task-agnostic priors from interactions and sparse rewards for zero-shot generalization')).toEqual([
      'reinforcement learning',
    ]);
    // "We evaluate area attention on two tasks: neural machine translation (both character and token-level) and image captioning"
    expect(scitldrTopics('Area Attention')).toEqual(['model architecture', 'machine translation']);
    // "When applied to online speech recognition, we obtain state-of-the-art results…"
    expect(scitldrTopics('Monotonic Chunkwise Attention')).toEqual(['model architecture', 'speech & audio']);
    // "Moreover, we present a method of fine-tuning vector quantized DNNs…"
    expect(scitldrTopics('Universal Deep Neural Network Compression')).toEqual(['quantization', 'fine-tuning']);
    // "…recovered through tuning techniques, LoRA, in merely 3 hours": an aside in commas is no list.
    expect(topicsOf('LLM-Pruner')).toEqual(['pruning', 'fine-tuning']);
  });

  it('tags search and ranking retrieval, not recalling a memory, recovering a signal or a retrieval-based chatbot', () => {
    expect(scitldrTopics('Passage Ranking with Weak Supervision')).toEqual(['retrieval']);
    expect(scitldrTopics('AN ATTENTION-BASED DEEP NET FOR LEARNING TO RANK')).toContain('retrieval');
    expect(scitldrTopics('Amharic Light Stemmer')).toContain('retrieval'); // "…performance of information retrieval systems"
    // "…analogical reasoning and memory retrieval tasks", "phase-retrieval techniques", "signal retrieval and extraction"
    expect(scitldrTopics('Do deep neural networks possess concept space grid cells?')).not.toContain('retrieval');
    expect(scitldrTopics('Y-net: A Physics-constrained and Semi-supervised Learning Approach to the Phase Problem in Computational Electron Imaging')).not.toContain(
      'retrieval',
    );
    expect(scitldrTopics('Retrieving Signals with Deep Complex Extractors')).not.toContain('retrieval');
    const chatbot = topicsFor(
      'An Ensemble of Retrieval-Based and Generation-Based Human-Computer Conversation Systems.',
      'Conversation systems can be roughly divided into two categories: retrieval-based and generation-based systems. Retrieval systems search a user-issued utterance (namely a query) in a large conversational repository and return a reply that best matches the query.',
    );
    expect(chatbot).toEqual(expect.arrayContaining(['dialogue', 'retrieval']));
    expect(chatbot).not.toContain('retrieval-augmented generation');
  });

  it('tags dialogue systems dialogue, not a dialogue between fields or a chat model named in passing', () => {
    expect(scitldrTopics('Sequential Latent Knowledge Selection for Knowledge-Grounded Dialogue')).toEqual(['dialogue']);
    expect(scitldrTopics('Non-Autoregressive Dialog State Tracking')).toContain('dialogue');
    expect(scitldrTopics('Conversation Generation with Concept Flow')).toContain('dialogue');
    expect(topicsFor('Physics meets machine learning', 'We open a dialogue between statistical physics and deep learning.')).not.toContain('dialogue');
    expect(topicsOf('SpecDec++')).not.toContain('dialogue'); // "…apply it to the llama-2-chat 7B & 70B model pair"
  });

  it('tags time series and forecasting time series, not a forecast in passing', () => {
    expect(scitldrTopics('Learning Through Limited Self-Supervision: Improving Time-Series Classification Without Additional Data via Auxiliary Tasks')).toEqual([
      'time series',
    ]);
    expect(scitldrTopics('Automatically Inferring Data Quality for Spatiotemporal Forecasting')).toContain('time series');
    // "Leveraging insights from probabilistic forecasting we propose an alternative to the Wasserstein metric"
    expect(scitldrTopics('The Cramer Distance as a Solution to Biased Wasserstein Gradients')).not.toContain('time series');
    expect(
      topicsFor('Cautious adaptation in RL agents', 'Our agent selects actions that have the best worst-case performance as forecasted by the probabilistic model.'),
    ).not.toContain('time series');
  });

  // SciTLDR papers (real titles and abstracts) that had no tag, or a wrong one, before their topic's rules.
  const LEADING_TOPIC: [title: string, topic: string][] = [
    ['Learning Graph Neural Networks with Noisy Labels', 'graph neural networks'],
    ['Composition-based Multi-Relational Graph Convolutional Networks', 'graph neural networks'],
    ['Dimensional Reweighting Graph Convolution Networks', 'graph neural networks'],
    ['COMMUNITY PRESERVING NODE EMBEDDING', 'graph neural networks'],
    ['Meta-Learning with Latent Embedding Optimization', 'meta-learning'],
    ['LEARNING TO PROPAGATE LABELS: TRANSDUCTIVE PROPAGATION NETWORK FOR FEW-SHOT LEARNING', 'meta-learning'],
    ['Learning to Learn with Feedback and Local Plasticity', 'meta-learning'],
    ['Gradient Descent Provably Optimizes Over-parameterized Neural Networks', 'learning theory'],
    ['A closer look at the approximation capabilities of neural networks', 'learning theory'],
    ['Neural Tangents: Fast and Easy Infinite Neural Networks in Python', 'learning theory'],
    ['Langevin Dynamics as Nonparametric Variational Inference', 'probabilistic inference'],
    ['Pseudo-Bayesian Learning via Direct Loss Minimization with Applications to Sparse Gaussian Process Models', 'probabilistic inference'],
    ['Learning Deep Latent-variable MRFs with Amortized Bethe Free Energy Minimization', 'probabilistic inference'],
    ['Minimizing Change in Classifier Likelihood to Mitigate Catastrophic Forgetting', 'continual learning'],
    ['Deep Semi-Supervised Anomaly Detection', 'anomaly & OOD detection'],
    ['Simultaneous Classification and Out-of-Distribution Detection Using Deep Neural Networks', 'anomaly & OOD detection'],
  ];
  it.each(LEADING_TOPIC)('tags %s with %s first', (title, topic) => {
    expect(scitldrTopics(title)[0]).toBe(topic);
  });

  it('does not read a graph named in passing as graph neural networks', () => {
    expect(topicsFor('Variational inference in factor graphs', 'We derive message passing updates for the posterior.')).not.toContain('graph neural networks');
  });

  it('tags learning a policy from rewards reinforcement learning, and policy evaluation no evaluation', () => {
    expect(scitldrTopics('Infinite-horizon Off-Policy Policy Evaluation with Multiple Behavior Policies')).toEqual(['reinforcement learning']);
    expect(scitldrTopics('Scoring-Aggregating-Planning: Learning task-agnostic priors from interactions and sparse rewards for zero-shot generalization')).toContain(
      'reinforcement learning',
    );
    expect(topicsFor('Energy and Policy Considerations for Deep Learning in NLP', 'We quantify the carbon cost of training NLP models.')).not.toContain(
      'reinforcement learning',
    );
  });

  it('tags certified robustness against adversarial perturbations safety & security', () => {
    expect(scitldrTopics('Certified Robustness for Top-k Predictions against Adversarial Perturbations via Randomized Smoothing')).toEqual(['safety & security']);
  });

  it("tags explaining a model's predictions interpretability, not an explanation of a finding", () => {
    expect(scitldrTopics('Influence-Directed Explanations for Deep Convolutional Networks')).toContain('interpretability');
    expect(scitldrTopics('Can I trust you more? Model-Agnostic Hierarchical Explanations')).toContain('interpretability');
    expect(topicsFor('Why wide networks generalize', 'We offer an explanation for the generalization gap of wide networks.')).not.toContain('interpretability');
  });

  it('does not read Bayesian optimization or a variational auto-encoder as probabilistic inference', () => {
    expect(scitldrTopics('Meta-Learning Acquisition Functions for Transfer Learning in Bayesian Optimization')).not.toContain('probabilistic inference');
    expect(topicsFor('Variational Autoencoders for text', 'We train a VAE on sentences.')).not.toContain('probabilistic inference');
  });

  it('does not read weights updated continually as continual learning', () => {
    expect(topicsFor('Equilibrium Propagation with Continual Weight Updates', 'We update the weights continually during the second phase.')).not.toContain('continual learning');
  });

  it('does not read generalizing out of distribution or rejecting outliers as anomaly detection', () => {
    expect(topicsFor('Neural Outlier Rejection for Keypoint Learning', 'We learn keypoints and reject outlier matches.')).not.toContain('anomaly & OOD detection');
    expect(topicsFor('Invariant risk minimization', 'We learn predictors that generalize out-of-distribution.')).not.toContain('anomaly & OOD detection');
  });

  it('does not read prompting a language model with a few examples as meta-learning', () => {
    expect(topicsFor('Arithmetic with language models', 'In the few-shot setting, we prompt the model with eight worked examples.')).not.toContain('meta-learning');
    // Nor a language model's few-shot learning, as GPT-3's abstract says it: named, it is one topic among others, not the paper's.
    expect(topicsFor('Scaling language models', "We train an autoregressive language model and find that its few-shot learning still struggles on some datasets.")).not.toContain('meta-learning');
  });

  it('does not read explaining how training behaves as interpretability', () => {
    expect(topicsFor('Edge of Stability in Gradient Descent', 'We study gradient descent on neural networks. Our analysis explains the behavior of the sharpness during training.')).not.toContain('interpretability');
  });

  it('does not read pruning a search or a rank as pruning a model; pruning weights, neurons or a network is', () => {
    expect(topicsFor('Faster Beam Search', 'We speed up beam search for machine translation by pruning unlikely hypotheses early, with no loss in BLEU.')).not.toContain('pruning');
    expect(topicsFor('RankFlow: Adaptive Rank Allocation for Parameter-Efficient Fine-Tuning', 'We propose RankFlow, which grows and prunes the rank of each adapter during training. It matches full fine-tuning on GLUE.')).not.toContain('pruning');
    expect(topicsFor('Reinforcement learning on web interfaces', 'We use demonstrations to prune out bad exploration and learn a policy from rewards.')).not.toContain('pruning');
    expect(topicsFor('One-shot sparse LLMs', 'We prune the weights of LLMs in one shot and keep their accuracy.')).toContain('pruning');
    expect(topicsFor('Neuron hierarchical networks', 'We grow a network and prune low-sensitivity neurons in it.')).toContain('pruning');
    expect(topicsFor('LLM-Pruner: On the Structural Pruning of Large Language Models', 'We compress LLMs.')).toContain('pruning');
    for (const abstract of ['We prune 90% of the weights of ResNet-50 and keep its accuracy.', 'We learn which attention heads to prune.', 'We prune and quantize ResNet-50 for phones.', 'We make transformers prunable.']) {
      expect(topicsFor('Small models', abstract), abstract).toContain('pruning');
    }
  });

  it('does not read a bound or a theorem in passing as learning theory', () => {
    expect(scitldrTopics('A∗ Search and Bound-Sensitive Heuristics for Oversubscription Planning')).not.toContain('learning theory');
    expect(topicsFor('Fast image denoising', 'We propose a denoiser for photos and prove that it converges.')).not.toContain('learning theory');
  });

  it('does not read a theory of something else (theory of mind, a physical field theory) as learning theory; mean field theory of networks is', () => {
    expect(
      topicsFor(
        'Clever Hans or Neural Theory of Mind? Stress Testing Social Reasoning in Large Language Models',
        'Recent examples were used to suggest that large language models (LLMs) exhibit Neural Theory-of-Mind (N-ToM). We investigate the extent of LLMs\' N-ToM through an extensive evaluation on 6 tasks and find that while LLMs exhibit certain N-ToM abilities, this behavior is far from being robust.',
      ),
    ).toEqual(['reasoning']);
    expect(topicsFor('Conformal Field Theory on the Plane', 'We study conformal field theory on the plane and derive the operator product expansion.')).toEqual([]);
    // (A SciTLDR train paper's title; its abstract shortened.)
    expect(topicsFor('Deep Mean Field Theory: Layerwise Variance and Width Variation as Methods to Control Gradient Explosion', 'We study how gradients propagate through deep residual networks at initialization.')).toEqual(['learning theory']);
  });

  it('tags a GAN paper as generative, not as adversarial robustness', () => {
    const topics = topicsFor(
      'Stable training of generative adversarial networks',
      'Generative adversarial networks (GANs) are hard to train. We regularize the discriminator of GANs and show stable adversarial training on image benchmarks.',
    );
    expect(topics[0]).toBe('generative models');
    expect(topics).not.toContain('safety & security');
  });

  describe('does not read everyday words as ML topics', () => {
    const cases: [string, string, string][] = [
      [
        'Detecting Hate Speech in Social Media Posts',
        'We study hate speech detection on Twitter. We collect a new dataset of 20,000 posts and find that hate speech classifiers overfit to slurs.',
        'speech & audio',
      ],
      [
        'Predicting Student Dropout in Online Courses',
        'We predict which students drop out of online courses from clickstream data, and show that student engagement in the first week predicts dropout.',
        'distillation',
      ],
    ];
    for (const [title, abstract, wrong] of cases) {
      it(`${title}: not ${wrong}`, () => {
        expect(topicsFor(title, abstract)).not.toContain(wrong);
      });
    }
    it('resources that are a budget, not a language\'s, are no low-resource languages', () => {
      expect(topicsFor('Budgeted Training: Rethinking Deep Neural Network Training Under Resource Constraints', 'We train image classifiers under a fixed budget.')).not.toContain('low-resource languages');
      expect(topicsFor('Robust domain adaptation', 'We adapt speech models in low-resource settings and show gains in low-resource visual domain adaptation.')).not.toContain('low-resource languages');
      expect(topicsFor('Amharic Light Stemmer', 'Stemmers exist for English, but not for under resourced languages such as Amharic.')).toContain('low-resource languages');
    });
    it('a latent code, a probabilistic programming language or the paper\'s own source code is no code generation', () => {
      expect(topicsFor('Conditional normalizing flows', 'The high-dimensional latent code generated by the model is split into parts.')).not.toContain('code generation');
      expect(topicsFor('Amortized inference in graphical models', 'Written in a probabilistic programming language, our method is fast.')).not.toContain('code generation');
      expect(topicsFor('Graph convolutions over relations', 'We show superior results. We make the source code of our method available.')).not.toContain('code generation');
      expect(topicsFor('Global Relational Models of Source Code', 'Models of source code must reason about the structure of programs.')).toContain('code generation');
    });
    it('MNIST\'s handwritten digits are no OCR', () => {
      expect(topicsFor('Normalising flows and autoencoders', 'We run experiments on the MNIST handwritten digits.')).not.toContain('OCR & documents');
      expect(topicsFor('Reading old letters', 'We transcribe handwritten documents.')).toContain('OCR & documents');
    });
    it('a long sequence of tasks is no long context', () => {
      expect(topicsFor('Overcoming catastrophic forgetting', 'Gradient descent over a long sequence of tasks is problematic.')).not.toContain('long context');
      expect(topicsFor('Efficient transformers', 'Attention is slow on long sequences.')).toContain('long context');
    });
    it('a distribution with many modes is no vision and language', () => {
      expect(topicsFor('Invertible networks for inverse problems', 'The posterior is multi-modal, and our tool finds multi-modalities in parameter space.')).not.toContain('vision-language');
      expect(topicsFor('Diverse conditional GANs', 'Conditional distributions are multi-modal. Prior work on multi-modal conditional generation trades quality for diversity.')).not.toContain(
        'vision-language',
      );
      expect(topicsFor('Learning factorized multimodal representations', 'We learn from multimodal data of images and text.')).toContain('vision-language');
    });
    it('a technique named scaling, or making something else scale, is no scaling law', () => {
      expect(topicsFor('Adaptive Loss Scaling for Mixed Precision Training', 'Loss scaling multiplies the loss before backpropagation.')).not.toContain('scaling laws');
      expect(topicsFor('Scaling Hierarchical Coreference with Homomorphic Compression', 'We cluster mentions faster.')).not.toContain('scaling laws');
      expect(topicsFor('Insights from Scaling LLM under Token-Crisis', 'We repeat pre-training data.')).toContain('scaling laws');
    });
    it('an auto-encoder is no choice of architecture', () => {
      expect(topicsFor('Document Enhancement System Using Auto-encoders', 'We clean scanned documents with a convolutional auto-encoder.')).not.toContain('model architecture');
      expect(topicsFor('Return of the Encoder', 'An encoder-decoder model beats decoder-only ones.')).toContain('model architecture');
    });
    it('parts of speech and a senate\'s speeches are no speech', () => {
      expect(topicsFor('Word representations', 'We align open-class parts-of-speech. We study a corpus of U.S. Senate speeches.')).not.toContain('speech & audio');
      expect(topicsFor('Sentiment lexicons', 'Words are prepared from three parts of speech such as nouns.')).not.toContain('speech & audio');
    });
    it('images named in passing, or ImageNet as a benchmark, are no computer vision; a vision task, video or a title about images is', () => {
      expect(topicsFor('Fully differentiable full-atom protein backbone generation', 'We generate protein backbones with a generative model, and render each as an image for inspection.')).not.toContain('computer vision');
      expect(topicsFor('signSGD with majority vote', 'We compress gradients to their signs. On ImageNet, training with majority vote matches SGD.')).not.toContain('computer vision');
      expect(topicsFor('Efficient networks', 'We improve image classification accuracy on ImageNet.')).toContain('computer vision');
      expect(topicsFor('Point Cloud GAN', 'We generate point clouds with a GAN.')).toContain('computer vision');
      expect(topicsFor('Generating Diverse High-Resolution Images with VQ-VAE', 'We generate images at high resolution, with sharp pixels and diverse images.')).toContain('computer vision');
    });
    it('3D parts, faces and objects are computer vision', () => {
      expect(scitldrTopics('Learning to Group: A Bottom-Up Framework for 3D Part Discovery in Unseen Categories')).toContain('computer vision');
      expect(scitldrTopics('Part-Based 3D Face Morphable Model with Anthropometric Local Control')).toContain('computer vision');
    });
    it('vision-and-language navigation is vision and language; experiments in vision and language tasks are not', () => {
      expect(scitldrTopics('Self-Monitoring Navigation Agent via Auxiliary Progress Estimation')).toContain('vision-language');
      expect(scitldrTopics('RotationOut as a Regularization Method for Neural Network')).not.toContain('vision-language');
    });
    it("a graph's diffusion rate is no diffusion model", () => {
      expect(scitldrTopics('Beyond Classical Diffusion: Ballistic Graph Neural Network')).not.toContain('generative models');
      expect(topicsFor('Denoising diffusion for audio', 'We train a latent diffusion model on spectrograms.')).toContain('generative models');
    });
    it('still reads the model senses', () => {
      expect(topicsFor('Speech recognition for meetings', 'We transcribe meeting audio.')).toContain('speech & audio');
      expect(topicsFor('Small students', 'A student model learns from a teacher model.')).toContain('distillation');
    });
  });

  describe('leaves unrelated abstracts untagged', () => {
    const unrelated: [string, string][] = [
      [
        'Codon usage shapes the speed of mRNA translation in yeast',
        'Ribosomes read messenger RNA codon by codon. We measure translation elongation rates across 4,000 yeast genes and find ' +
          'that rare codons slow translation initiation downstream. Translation efficiency correlates with tRNA abundance, and a ' +
          'kinetic model of translation explains most of the variation between genes.',
      ],
      [
        'Late Bronze Age trade routes in the eastern Mediterranean',
        'We reconstruct maritime trade between Cyprus and the Levant from copper ingot finds and shipwreck cargoes. Lead isotope ' +
          'analysis traces the ingots to Cypriot mines, and the distribution of finds points to two seasonal routes along the coast.',
      ],
      [
        'Seasonal groundwater recharge in a semi-arid basin',
        'We combine well levels, rainfall records and stable isotopes to estimate recharge in a semi-arid basin over ten years. ' +
          'Recharge concentrates in two wet months and falls by a third in drought years, with clear consequences for irrigation.',
      ],
    ];
    for (const [title, abstract] of unrelated) {
      it(title, () => {
        expect(topicsFor(title, abstract)).toEqual([]);
      });
    }
  });

  it('returns no tags for empty text', () => {
    expect(topicsFor('', '')).toEqual([]);
  });

  it('is what summarize reports', () => {
    const paper = seedTitled(papers, 'SpecDec++');
    expect(summarize(paper.title, paper.abstract).topics).toEqual(topicsFor(paper.title, paper.abstract));
  });
});

// Papers an audit of SciTLDR's tags found mis-tagged (abstracts shortened to the sentences that matter).
describe('cues read in the sense the paper uses them', () => {
  it('generative adversarial networks and variational autoencoders spelled out are generative models; GAIL named as a baseline is not', () => {
    expect(topicsFor('Multi-objective training of Generative Adversarial Networks with multiple discriminators', 'We train the generator against several discriminators at once.')).toContain('generative models');
    expect(topicsFor('Variational Autoencoder with Arbitrary Conditioning', 'We condition on any subset of observed features.')).toContain('generative models');
    expect(topicsFor('Disagreement-Regularized Imitation Learning', 'We imitate an expert policy. Our method outperforms behavioral cloning and generative adversarial imitation learning.')).not.toContain('generative models');
  });

  it('backdoor, trojan and black-box attacks are safety & security', () => {
    expect(topicsFor('DBA: Distributed Backdoor Attacks against Federated Learning', 'We insert a trigger split across clients.')).toContain('safety & security');
    expect(topicsFor('TrojanNet: Exposing the Danger of Trojan Horse Attack on Neural Networks', 'A hidden network is activated by a secret trigger.')).toContain('safety & security');
    expect(topicsFor('Exploring the Space of Black-box Attacks on Deep Neural Networks', 'We query the model only through its outputs.')).toContain('safety & security');
  });

  it('meta learning and meta-reinforcement learning written apart or hyphenated are meta-learning', () => {
    expect(topicsFor('Learning to Adapt in Dynamic, Real-World Environments through Meta-Reinforcement Learning', 'A robot adapts online to new terrain.')).toContain('meta-learning');
    expect(topicsFor('Meta-Graph: Few shot Link Prediction via Meta Learning', 'We predict links in new graphs from few examples.')).toContain('meta-learning');
  });

  // Topics audit (SciTLDR): each cue below tagged papers of another sense.
  it('multi-agent reinforcement learning is no LLM agents; a multi-agent debate of language models is', () => {
    expect(topicsFor('Emergent Communication in Networked Multi-Agent Reinforcement Learning', 'We let agents in a multi-agent reinforcement learning setting learn to communicate to ease traffic congestion.')).not.toContain('agents');
    // LLM multi-agent systems are (review: the rule had dropped them).
    expect(topicsFor('Why Do Multi-Agent Systems Fail?', 'Large language model (LLM)-based multi-agent systems have shown strong performance. We study how LLM-based multi-agent systems coordinate and fail.')).toContain('agents');
    expect(topicsFor('Improving Factuality through Multi-Agent Debate', 'Several language model instances debate their answers over rounds; multi-agent debate improves reasoning.')).toContain('agents');
  });

  it('a safety-critical application is no safety & security topic; training from scratch is no pre-training', () => {
    expect(topicsFor('Verifying Controllers for Safety-Critical Systems', 'We verify neural controllers used in safety-critical settings such as autonomous vehicles.')).not.toContain('safety & security');
    expect(topicsFor('Training a Painting Agent using Reinforcement Learning', 'Our agent learns stroke-based rendering from scratch without supervision, trained from scratch on each image.')).not.toContain('pre-training');
  });

  it('probing representations is interpretability, as a named probe is; probing a capacity is not', () => {
    expect(topicsFor('AST-Probe: Recovering abstract syntax trees from hidden representations', 'We show that models encode syntax.')).toContain('interpretability');
    expect(topicsFor('What do language models know?', 'We train linear probes on the hidden representations of each layer.')).toContain('interpretability');
    expect(topicsFor('MEMO: A Deep Network for Flexible Combination of Episodic Memories', 'We probe the reasoning capacity of memory networks on paired associative inference, where MEMO reasons better.')).not.toContain('interpretability');
  });

  it('transfer learning across domains alone is no fine-tuning', () => {
    expect(topicsFor('Learning to cluster in order to transfer across domains and tasks', 'This paper introduces a method to perform transfer learning across domains and tasks by learning to cluster.')).not.toContain('fine-tuning');
  });

  it('speeding up research or training, or efficient Bayesian inference, is no efficient inference; speeding up inference is', () => {
    expect(topicsFor('In-Domain Representation Learning For Remote Sensing', 'We release pretrained satellite image models to speed up innovation in remote sensing.')).not.toContain('efficient inference');
    expect(topicsFor('Decentralized training', 'Our method gets a linear speedup in training with the number of workers.')).not.toContain('efficient inference');
    expect(topicsFor('Efficient Bayesian Inference for Nested Simulators', 'We infer posteriors of simulators that call simulators.')).not.toContain('efficient inference');
    expect(topicsFor('Wide Reduced-Precision Networks', 'Low precision saves memory and can speed up the training and inference processes.')).toContain('efficient inference');
  });

  it('a teacher-student setting of a theory, a vocabulary and a superposition of signals are no distillation, tokenization or interpretability', () => {
    expect(topicsFor('A theoretical framework for deep ReLU networks', 'We analyse gradient descent in a teacher-student setting and prove a theorem on its convergence.')).not.toContain('distillation');
    expect(topicsFor('Paraphrased reading comprehension', 'The two versions of each plot have little vocabulary overlap.')).not.toContain('tokenization');
    expect(topicsFor('Unsupervised Demixing of Structured Signals from Their Superposition Using GANs', 'We separate two signals observed as their sum.')).not.toContain('interpretability');
    expect(topicsFor('Superposition Yields Robust Neural Scaling', 'We study representation superposition, where a model represents more features than it has dimensions.')).toContain('interpretability');
  });

  it('languages spoken by people, the backdoor criterion and GANs spelled out after their acronym are no speech, attack or second mention (from a review)', () => {
    expect(topicsFor('Cross-lingual NER', 'We study NER for 10 languages spoken by over 300 million people.')).not.toContain('speech & audio');
    expect(topicsFor('Spoken question answering', 'We answer questions about lecture recordings.')).toContain('speech & audio');
    expect(topicsFor('Causal effects', 'We use backdoor criteria and backdoor sets to adjust for confounding.')).not.toContain('safety & security');
    expect(topicsFor('Neural machine translation', 'We train NMT models. Prior work used GANs (generative adversarial networks) for this.')).not.toContain('generative models');
  });

  it('a dataset a paper proposes is datasets; music and sound are speech & audio', () => {
    expect(topicsFor('DuoRC: Towards Complex Language Understanding with Paraphrased Reading Comprehension', 'We propose DuoRC, a novel dataset for reading comprehension.')).toContain('datasets');
    expect(topicsFor('A model of piano playing', 'We study music transcription from recordings of pianists.')).toContain('speech & audio');
  });

  it('names agents, detectors, robots, mixtures of experts and new benchmarks; a stated learning rate, an action tokenizer or an encoder in passing are no topic (QA)', () => {
    expect(topicsFor('WebWeaver: Planning with Reflection', 'Autonomous web agents powered by large language models fail on long tasks. WebWeaver plans before acting.')).toContain('agents');
    expect(topicsFor('Debate Improves Factuality', 'Multi-agent debate improves factual accuracy on biographies from 66% to 73%.')).toContain('agents');
    expect(topicsFor('RT-DETRv3', 'Real-time object detectors trade accuracy for speed. Ours reaches 54.8 AP on COCO.')).toContain('computer vision');
    const bimanual = topicsFor('BiDiff: Diffusion Policies for Bimanual Manipulation', 'Policies learned from teleoperated demonstrations fail when two robot arms act on one object.');
    expect(bimanual).toEqual(expect.arrayContaining(['robotics', 'generative models']));
    expect(topicsFor('Sparse Mixture of Experts at Scale', 'We train a sparse mixture-of-experts model that matches a dense model.')).toContain('model architecture');
    const bench = topicsFor('SciCodeBench: Can Language Models Reproduce Research Code?', "Reproducing code is a test of a model's programming abilities. We introduce SciCodeBench, a benchmark of 1,843 tasks.");
    expect(bench).toEqual(expect.arrayContaining(['evaluation', 'code generation']));
    expect(topicsFor('Offline RL', 'We propose an offline RL method with rewards from data. Agents train with a learning rate of 3e-4 and a batch size of 256.')).not.toContain('optimization');
    expect(topicsFor('Adam Can Diverge', 'We show that Adam can diverge when its second-moment decay is too small.')).toContain('optimization');
    expect(topicsFor('A vision-language-action model', 'We map camera images to actions with an action tokenizer.')).not.toContain('tokenization');
    expect(topicsFor('Detecting machine text', 'We classify texts with a BERT encoder fine-tuned on our data.')).not.toContain('model architecture');
    // Nor is grasping a concept a robot's, nor lessons distilled into a list distillation.
    expect(topicsFor('A survey of language models', 'We survey language models, grasping the state of the art.')).not.toContain('robotics');
    expect(topicsFor('Lessons for training', 'Our findings are distilled into four lessons for training LLMs.')).not.toContain('distillation');
  });

  it('a robot topic only for robots, a benchmark only one the paper makes, code only for programs that are code (review)', () => {
    expect(topicsFor('RT-2: Vision-Language-Action Models', 'We train vision-language-action models that output robot actions as tokens.')).toEqual(['robotics']);
    expect(topicsFor('Multimodal Agents for Web Tasks', 'We build multimodal agents that browse the web.')).toContain('agents');
    for (const [title, abstract] of [
      ['Physics of Language Models: Part 3.2, Knowledge Manipulation', 'We study four knowledge manipulation tasks.'],
      ['Large Language Models Struggle with String Manipulation', 'We test string manipulation tasks such as reversal.'],
      ['Image editing with diffusion', 'We study image manipulation tasks with diffusion models.'],
      ['Decision Transformer', 'We cast RL as sequence modeling with rewards. On Atari and Gym humanoid locomotion tasks, it matches offline RL.'],
    ]) expect(topicsFor(title!, abstract!), title).not.toContain('robotics');
    expect(topicsFor('Benchmarks for LLMs', 'We present extensive benchmark results for 12 models.')).not.toContain('evaluation');
    expect(topicsFor('Code benchmarks', 'We introduce two new benchmarks for code generation.')).toContain('evaluation');
    expect(topicsFor('Stochastic programs', 'We solve two-stage stochastic programming problems and bilevel programming problems.')).not.toContain('code generation');
  });
});

describe('topicsFor on the longest abstracts', () => {
  it('reads a 20,000-character sentence of list items at once (a topic named in it was read with the whole sentence: 0.34 s, 1.5 s at 43,000)', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => `item ${i}`).join(', ');
    const abstract = `We study speculative decoding for reinforcement learning ${items}.`.slice(0, 20_000);
    expect(topicsFor('Quantization of large language models', abstract)).toEqual(['quantization', 'speculative decoding']);
    // The quickest of three readings: a busy machine slows one reading, not every one.
    let quickest = Infinity;
    for (let reading = 0; reading < 3; reading++) {
      const started = performance.now();
      topicsFor('Quantization of large language models', abstract);
      quickest = Math.min(quickest, performance.now() - started);
    }
    expect(quickest).toBeLessThan(100);
  });
});
