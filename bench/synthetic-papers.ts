import { normalizeTitle } from '../src/papers/ids';
import type { Paper } from '../src/schema';
import { SUMMARIZER_VERSION } from '../src/summarize';
// The same seeded PRNG the tests use: the same seed gives the same corpus on every run.
import { random } from '../tests/unit/export/fixtures';

/**
 * Deterministic synthetic papers for load and search benchmarks, records shaped and sized like
 * real store records (~1.8 KB). Words come from a vocabulary with frequencies — by default a small
 * ML word list with a Zipf-like distribution (every word common: a worst case for search); the
 * search benchmark passes the word frequencies of real CS abstracts (SciTLDR dev).
 */

export interface Vocabulary {
  words: string[];
  /** How often each word occurs (any positive scale). */
  counts: number[];
}

// Pure: the shipped worker imports this module for its benchmark hooks and must drop it whole.
const VOCABULARY = /* @__PURE__ */ (
  'model models language large training data learning neural network networks transformer attention ' +
  'decoding speculative inference efficient quantization low bit pruning sparse mixture experts scaling laws ' +
  'vocabulary tokenizer multilingual translation machine code generation program synthesis reasoning math ' +
  'benchmark evaluation dataset survey vision image video multimodal caption hallucination alignment reward ' +
  'reinforcement preference optimization fine tuning instruction retrieval augmented long context memory ' +
  'agent tool planning graph diffusion generative adversarial contrastive representation embedding robust ' +
  'adversarial attack privacy federated distillation compression latency throughput accuracy state art ' +
  'speech audio recognition summarization question answering dialogue safety bias fairness interpretability ' +
  'probing feature attribution chain thought prompting few shot zero shot kernel gpu memory cache key value'
).split(' ');
const NAMES = /* @__PURE__ */ 'Wang Li Zhang Chen Liu Smith Garcia Kumar Müller Rossi Tanaka Kim Nguyen Dubois Silva Cohen'.split(' ');
// Names abstracts use, for the summaries' `names`: real abstracts have 2.2 on average (SciTLDR dev, abstractNames).
const CODED = /* @__PURE__ */ (
  'ViT ResNet-50 BERT GPT-4 PPO LLaMA-2 T5 CLIP ImageNet CIFAR-10 MNIST LoRA RLHF DPO KV MoE GSM8K MMLU ' +
  'HumanEval COCO BLEU ROUGE-L SQuAD GLUE ReLU BatchNorm Adam SGD DDPM U-Net YOLOv5 R-CNN GAN VAE LSTM GNN ' +
  'CNN RNN FlashAttention vLLM Mistral-7B Qwen2 Whisper wav2vec ChatGPT InstructGPT AlphaFold PaLM OPT-175B'
).split(' ');

/** Draws words with the vocabulary's frequencies (cumulative counts, binary search). */
function sampler(vocabulary: Vocabulary, next: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (const count of vocabulary.counts) cumulative.push((total += count));
  return () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! <= target) low = mid + 1;
      else high = mid;
    }
    return vocabulary.words[low]!;
  };
}

export function syntheticPapers(count: number, seed = 7, vocabulary?: Vocabulary): Paper[] {
  const next = random(seed);
  // Default: Zipf-like over the small list, low indexes far more common.
  const word = vocabulary ? sampler(vocabulary, next) : () => VOCABULARY[Math.floor(VOCABULARY.length * next() ** 2.2)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = (n: number) => {
    const text = words(n);
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const papers: Paper[] = [];
  for (let i = 0; i < count; i++) {
    // 2001.10000, 2001.10001, … then 2002.10000: valid new-style ids (up to 1,080,000 papers).
    const id = `${2001 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`;
    const title = `${sentence(6 + Math.floor(next() * 6)).slice(0, -1)} ${i}`;
    const abstract = Array.from({ length: 8 }, () => sentence(14 + Math.floor(next() * 10))).join(' ');
    papers.push({
      id,
      title,
      normTitle: normalizeTitle(title),
      abstract,
      authors: Array.from({ length: 3 }, () => `${NAMES[Math.floor(next() * NAMES.length)]} ${String.fromCharCode(65 + Math.floor(next() * 26))}.`),
      rank: null,
      snapshot: null,
      source: 'feed',
      summary: {
        version: SUMMARIZER_VERSION,
        tldr: sentence(22),
        keyResults: [`improves accuracy by ${(next() * 30).toFixed(1)}%`, `${(1 + next() * 5).toFixed(1)}× faster inference`],
        codeLinks: [`https://github.com/example/paper-${i}`],
        topics: [word(), word(), word()],
        // From the paper's number, not the random draws: the other fields stay as they were.
        names: Array.from({ length: i % 5 === 0 ? 3 : 2 }, (_, k) => CODED[(i * 7 + k * 13) % CODED.length]!),
      },
      feed: null,
      related: [],
    });
  }
  return papers;
}
