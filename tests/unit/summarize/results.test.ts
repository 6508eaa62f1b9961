import { describe, expect, it } from 'vitest';
import { extractKeyResults } from '../../../src/summarize/index';

describe('extractKeyResults', () => {
  // QA: GPT-4's abstract had no key result.
  it('a score in the top percent of test takers is a result; the top percent of items a method keeps is not', () => {
    const [result, ...more] = extractKeyResults('GPT-4 exhibits human-level performance, including passing a simulated bar exam with a score around the top 10% of test takers.');
    expect(result).toMatch(/passing a simulated bar exam with a score around the top 10% of test takers$/);
    expect(more).toEqual([]);
    expect(extractKeyResults('We keep the top 10% of tokens by attention score and drop the rest.')).toEqual([]);
  });

  it('a significance level or an example value is no result', () => {
    expect(extractKeyResults('Statistical significance tests (p<0.05) showed that DReLU improved the test accuracy. If the weights are set to a constant (say, 0.3), gradient descent converges.')).toEqual([]);
    expect(extractKeyResults('DReLU improved the test accuracy by 2.1% (p < 0.01).')).toEqual(['improved the test accuracy by 2.1% (p < 0.01)']);
    // SciTLDR train, "Learning Numerical Attributes in Knowledge Bases".
    expect(extractKeyResults('Numerical facts link entities to numerical values via numerical predicates; e.g., (PARIS, LATITUDE, 48.8). For example (NVIDIA, REVENUE, 26.9) is one.')).toEqual([]);
    // Results given as examples are results.
    expect(extractKeyResults('It improves every language pair (e.g., +5.2 BLEU on WMT14 En-De).')).toEqual(['+5.2 BLEU on WMT14 En-De']);
  });
  it('a name\'s version in parentheses and what a method is given are no results', () => {
    expect(
      extractKeyResults(
        'Specifically, for ShuffleNetV2 (1.0), MobileNetV2 (1.0) and ResNet50, DyNet reduces 40.0%, 56.7% and 72.4% FLOPs respectively. Given only 5 minutes of footage of a previously unseen maze, an agent can build a map of it. The model reaches a BLEU (35.2) above the baseline.',
      ),
    ).toEqual(['reduces 40.0%, 56.7% and 72.4% FLOPs respectively', 'reaches a BLEU (35.2) above the baseline']);
  });
  it('a result likened to the clause before it keeps that clause: it says what is like the number (2311.09205)', () => {
    expect(extractKeyResults('We find that in moderation, adding multilingual data improves low-resource language modeling performance, similar to increasing low-resource dataset sizes by up to 33%.')).toEqual([
      'adding multilingual data improves low-resource language modeling performance, similar to increasing low-resource dataset sizes by up to 33%',
    ]);
    expect(extractKeyResults('Our 1B model matches a 7B baseline, on par with reaching 2x the training compute.')).toEqual(['Our 1B model matches a 7B baseline, on par with reaching 2x the training compute']);
    // The clause before is a result of its own, taken already: the likened one is not cut to "…similar to".
    expect(extractKeyResults('Our approach reaches 85% accuracy on ImageNet, similar to reaching 86% with ten times the compute budget of the strongest baseline.')).toEqual([
      'reaches 85% accuracy on ImageNet, similar to reaching 86% with ten times the compute budget of the strongest baseline',
    ]);
  });

  it('a verb whose object is a pronoun after "and" keeps what the pronoun stands for (2402.18668)', () => {
    expect(
      extractKeyResults('We train language models up to 1.3b parameters and show that BASED matches the strongest sub-quadratic models (e.g. Mamba) in perplexity and outperforms them on real-world recall-intensive tasks by 6.22 accuracy points.'),
    ).toEqual(['BASED matches the strongest sub-quadratic models (e.g. Mamba) in perplexity and outperforms them on real-world recall-intensive tasks by 6.22 accuracy points']);
    // An object of its own: the phrase starts at its verb.
    expect(extractKeyResults('We show that BASED matches strong models in perplexity and outperforms Mamba on recall tasks by 6.22 points.')).toEqual(['outperforms Mamba on recall tasks by 6.22 points']);
  });

  it('a participle with only its measure after a comma keeps the clause before it, which says on what (2310.11628)', () => {
    expect(extractKeyResults('It particularly outshines on rare words, outperforming by a factor of 30! We study the setup.')).toEqual(['It particularly outshines on rare words, outperforming by a factor of 30']);
    // Not the last items of a list, nor words inside parentheses.
    expect(extractKeyResults('Experiments on GLUE, SQuAD and RACE show gains, improving by 2.1 points.')).toEqual(['improving by 2.1 points']);
    expect(extractKeyResults('Our model (trained on A, B and C) outshines on rare words, outperforming by a factor of 30.')).toEqual(['outperforming by a factor of 30']);
    // A participle clause that says what it achieves stays alone.
    expect(extractKeyResults('We train a new model on the whole of the public web crawl, achieving 91.2% accuracy on ImageNet.')).toEqual(['achieving 91.2% accuracy on ImageNet']);
  });

  it('"by a factor of N" is a result, as N× is', () => {
    expect(
      extractKeyResults(
        'It particularly outshines on rare words, outperforming by a factor of 30! We train stably using a discount factor of 0.999. In order to address these issues, we reduce the sample complexity by an average factor of 10.',
      ),
    ).toEqual(['It particularly outshines on rare words, outperforming by a factor of 30', 'reduce the sample complexity by an average factor of 10']);
  });
  it('"up to N tokens" or "more than N tokens" a model can take is a result; the sizes it was trained with are not', () => {
    expect(
      extractKeyResults(
        'We train models ranging from 33M to 3B parameters on up to 500B characters. Additionally, ProLong can effectively process up to 512K tokens, one of the longest context windows of publicly available LMs.',
      ),
    ).toEqual(['ProLong can effectively process up to 512K tokens, one of the longest context windows of publicly available LMs']);
    expect(
      extractKeyResults(
        "Then, three SC mitigation methods are proposed to improve Mamba-2's length generalizability, allowing the model to process more than 1M tokens without SC.",
      ),
    ).toEqual(['allowing the model to process more than 1M tokens without SC']);
  });
  it('reads a throughput as a result, and not the model sizes around it', () => {
    expect(
      extractKeyResults(
        'These benefits remain present even in optimized inference frameworks, where our method reaches up to 141 tokens/s for 8B/70B-Judge and 129 tokens/s for 8B/405B on 2 and 8 H100s respectively. The detector runs at 45 FPS on a single GPU.',
      ),
    ).toEqual(['reaches up to 141 tokens/s for 8B/70B-Judge and 129 tokens/s for 8B/405B on 2 and 8 H100s respectively', 'runs at 45 FPS on a single GPU']);
  });
  it('keeps a percentage with its clause', () => {
    expect(
      extractKeyResults('Our method reduces hallucination by 44% compared to LLaVA-7B and maintains the same object coverage.'),
    ).toEqual(['reduces hallucination by 44% compared to LLaVA-7B']);
  });
  it('a long clause ends at its first pause after the number, keeps its metric, and does not start inside a list', () => {
    expect(
      extractKeyResults(
        'Our model achieves 28.4 BLEU on the WMT 2014 English-to-German translation task, improving over the existing best results, including ensembles by over 2 BLEU. On the WMT 2014 English-to-French translation task, our model establishes a new single-model state-of-the-art BLEU score of 41.8 after training for 3.5 days on eight GPUs, a small fraction of the training costs of the best models from the literature.',
      ),
    ).toEqual([
      'achieves 28.4 BLEU on the WMT 2014 English-to-German translation task',
      'improving over the existing best results, including ensembles by over 2 BLEU',
      'On the WMT 2014 English-to-French translation task: establishes a new single-model state-of-the-art BLEU score of 41.8 after training for 3.5 days on eight GPUs',
    ]);
  });
  it('keeps what a sentence opens with when it says what the numbers are of (and what "respectively" refers to)', () => {
    expect(
      extractKeyResults(
        'Our adaptive method achieves a 2.04x speedup on the Alpaca dataset. On the GSM8K and HumanEval datasets, our method achieves a 2.26x speedup (9.4% improvement) and 2.23x speedup (11.1% improvement), respectively. Compared to AutoAugment, it leads to about 12x reduction in computing cost.',
      ),
    ).toEqual([
      'achieves a 2.04x speedup on the Alpaca dataset',
      'On the GSM8K and HumanEval datasets: achieves a 2.26x speedup (9.4% improvement) and 2.23x speedup (11.1% improvement), respectively',
      'Compared to AutoAugment: leads to about 12x reduction in computing cost',
    ]);
  });
  it('an opener whose list goes on past its first comma is not kept cut at that comma (it would give every number to the first item)', () => {
    expect(extractKeyResults('On GSM8K, HumanEval and MBPP, our method achieves 2.1x, 2.3x and 2.5x speedups, respectively.')).toEqual([
      'achieves 2.1x, 2.3x and 2.5x speedups, respectively',
    ]);
  });
  it('not a discourse opener; a setting before a clause\'s subject, without a comma, is kept', () => {
    expect(
      extractKeyResults(
        'In this paper, our method reduces latency by 30%. In addition, it improves accuracy by 2.1 points. On WikiText-103 we achieve 18.7 perplexity, and on enwik8 we achieve 0.99 bits per character.',
      ),
    ).toEqual(['reduces latency by 30%', 'improves accuracy by 2.1 points', 'On WikiText-103: achieve 18.7 perplexity', 'On enwik8: achieve 0.99 bits per character']);
  });
  it('a later clause keeps the benchmark it opens with ("…, and on GSM8K it improves …")', () => {
    expect(
      extractKeyResults(
        'On GLUE, RankFlow matches full fine-tuning (88.9 vs. 89.1 average) with 0.3% of the trainable parameters, and on GSM8K it improves LLaMA-2-7B accuracy from 35.2% to 41.7% over LoRA at the same budget.',
      ),
    ).toEqual([
      'On GLUE: matches full fine-tuning (88.9 vs. 89.1 average) with 0.3% of the trainable parameters',
      'On GSM8K: improves LLaMA-2-7B accuracy from 35.2% to 41.7% over LoRA at the same budget',
    ]);
    expect(extractKeyResults('Our model reaches 45.1 BLEU on WMT14 En-De and 41.2 BLEU on WMT14 En-Fr, and on MMLU our model scores 71.3%.')).toEqual([
      'reaches 45.1 BLEU on WMT14 En-De and 41.2 BLEU on WMT14 En-Fr',
      'On MMLU: scores 71.3%',
    ]);
    expect(extractKeyResults('It improves recall@10 by 12% on MS MARCO, while on BEIR it improves nDCG@10 from 0.41 to 0.47.')).toEqual([
      'improves recall@10 by 12% on MS MARCO',
      'On BEIR: improves nDCG@10 from 0.41 to 0.47',
    ]);
    // No setting that names nothing: a relative clause, a way of saying.
    for (const sentence of ['We propose FastNet, in which we reduce memory usage by 40% compared to the baseline.', 'In this way we reduce memory usage by 40% on ImageNet.', 'For the first time we achieve 90.1% accuracy on ImageNet.', 'Training runs for 10 epochs, at which point it reaches 91.2% accuracy on ImageNet.']) {
      expect(extractKeyResults(sentence)[0], sentence).toMatch(/^(?:reduce|achieve|reaches)/);
    }
    // A subject other than a pronoun or "our …" may be a verb's object: "the exact" of "boosts the exact match accuracy".
    expect(extractKeyResults('On the challenging Spider dataset this framework boosts the exact match accuracy to 53.7%, compared to 47.4% for the previous model.')[0]).not.toMatch(/^On/);
  });
  it('a list of results each with its own noun gives a phrase each, a setting in parentheses staying with its result', () => {
    // FlashAttention (arXiv 2205.14135): "(seq. length 512)" had ended the first phrase, and the second began "speed record, 3× …".
    const flashAttention =
      'FlashAttention trains Transformers faster than existing baselines: 15% end-to-end wall-clock speedup on BERT-large (seq. length 512) compared to the MLPerf 1.1 training speed record, 3× speedup on GPT-2 (seq. length 1K), and 2.4× speedup on long-range arena (seq. length 1K-4K).';
    expect(extractKeyResults(flashAttention)).toEqual([
      'FlashAttention trains Transformers faster than existing baselines: 15% end-to-end wall-clock speedup on BERT-large (seq. length 512) compared to the MLPerf 1.1 training speed record',
      '3× speedup on GPT-2 (seq. length 1K)',
      '2.4× speedup on long-range arena (seq. length 1K-4K)',
    ]);
    // Values of one measure, and a comparison with the result before, stay in its phrase.
    expect(extractKeyResults('Our model improves top-1 accuracy by 3.4% on ImageNet, 2.1% on CIFAR-100 and 1.5% on SVHN.')).toEqual(['improves top-1 accuracy by 3.4% on ImageNet, 2.1% on CIFAR-100 and 1.5% on SVHN']);
    expect(extractKeyResults('Our model attains 76.8% top-1 accuracy, 2.1% higher than MobileNetV2 with the same latency.')).toEqual(['attains 76.8% top-1 accuracy, 2.1% higher than MobileNetV2 with the same latency']);
    expect(extractKeyResults('Our model improves accuracy by 3.4% on ImageNet, 2.1% top-1 on CIFAR-100 and 1.5% on SVHN.')).toEqual(['improves accuracy by 3.4% on ImageNet, 2.1% top-1 on CIFAR-100 and 1.5% on SVHN']);
    expect(extractKeyResults('Our model reaches 80% top-1 accuracy, 5% absolute improvement over the baseline.')).toEqual(['reaches 80% top-1 accuracy, 5% absolute improvement over the baseline']);
    // A year or a reference in parentheses is no setting of the result: a long clause may still end before it.
    expect(
      extractKeyResults('Our method achieves a 15% end-to-end speedup on BERT-large (in 2017) compared to the previous record set by a large team of engineers over many months of tuning on thousands of accelerators.'),
    ).toEqual(['achieves a 15% end-to-end speedup on BERT-large']);
  });
  it('a clause cut to 20 words says so with an ellipsis', () => {
    const [phrase] = extractKeyResults(
      'In a very long and winding preamble that goes on and on about many different settings and considerations the final figure is 91.2% accuracy on the benchmark suite that everyone uses for this kind of problem today and tomorrow.',
    );
    expect(phrase).toMatch(/^….*91\.2% accuracy.*…$/);
    expect(phrase!.replace(/…/g, '').split(/\s+/)).toHaveLength(20);
  });
  it('keeps speed-ups written with × and x', () => {
    const out = extractKeyResults('It is 3.2× faster than FlashAttention. The model runs 10x faster on CPUs.');
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('3.2×');
    expect(out[1]).toContain('10x');
  });
  it('keeps a range written with a hyphen ("2-3x", "5-10%")', () => {
    expect(extractKeyResults('Our approach achieves a 2-3x speedup. This yields 5-10% gains on reasoning tasks.')).toEqual([
      'achieves a 2-3x speedup',
      'yields 5-10% gains on reasoning tasks',
    ]);
  });
  it('keeps metric points', () => {
    const out = extractKeyResults(
      'SteloCoder achieves an average of 73.76 CodeBLEU score in translation, surpassing the top performance from the leaderboard by at least 3.5.',
    );
    expect(out).toEqual([
      'achieves an average of 73.76 CodeBLEU score in translation',
      'surpassing the top performance from the leaderboard by at least 3.5',
    ]);
  });
  it('keeps "up to N" and "N× fewer"', () => {
    const out = extractKeyResults('It improves accuracy by up to 12 points while using 4× fewer parameters.');
    expect(out.join(' | ')).toContain('up to 12 points');
    expect(out.join(' | ')).toContain('4× fewer');
  });
  it('ignores years and citation years', () => {
    expect(extractKeyResults('Since 2023, models (Li et al., 2023) have improved a lot.')).toEqual([]);
  });
  it('ignores model-size tokens in names', () => {
    expect(extractKeyResults('We fine-tune LLaMA-2 7B and a 762M parameters model on our data.')).toEqual([]);
  });
  it('ignores how much larger a model or its data is than others (GPT-3, 2005.14165); keeps a multiple the paper gains', () => {
    expect(
      extractKeyResults(
        'Specifically, we train GPT-3, an autoregressive language model with 175 billion parameters, 10x more than any previous non-sparse language model, and test its performance in the few-shot setting.',
      ),
    ).toEqual([]);
    expect(extractKeyResults('We pre-train on 10x more training data than prior work.')).toEqual([]);
    expect(extractKeyResults('We train on 10x more tokens than Llama 2.')).toEqual([]);
    // What a model or dataset holds is its size (from a review).
    for (const setting of ['Our model, which holds 10x more parameters than GPT-3, is evaluated on MMLU.', 'Our dataset holds 10x more images than ImageNet.', 'We release a corpus that holds 10x more tokens than C4.']) expect(extractKeyResults(setting)).toEqual([]);
    // What a method does with a size is its result (from a review).
    for (const result of ['It generates 2x more tokens per second than the baseline', 'It fits 8x larger models on a single GPU', 'It fits 8x larger models on a single consumer GPU', 'It is 4x more data-efficient', 'It uses 1.3B parameters, 5x more efficient than the baseline', 'Its KV cache stores 5x more tokens than PagedAttention', 'It holds up to 4x more tokens in the same memory', 'Its cache held nearly 3x more requests']) {
      expect(extractKeyResults(`${result}.`)).toEqual([result]);
    }
    // A size per unit, or beside a count of the same, is still a size.
    for (const setting of ['It has 10x more parameters per layer.', 'It uses 10x more training data per step.', 'Trained with 1B images, 10x more images than LAION.']) expect(extractKeyResults(setting)).toEqual([]);
    expect(extractKeyResults('Our model achieves performance comparable to models up to 10x larger. It uses 10x fewer parameters than BERT.')).toEqual([
      'achieves performance comparable to models up to 10x larger',
      'It uses 10x fewer parameters than BERT',
    ]);
  });
  it('ignores dataset sizes described as background', () => {
    expect(extractKeyResults('We collect 10,000 images from 35 languages for training.')).toEqual([]);
  });
  it('ignores section and figure numbers', () => {
    expect(extractKeyResults('As shown in Figure 3 and Section 4.2, the method works.')).toEqual([]);
  });
  it('ignores version numbers in names', () => {
    expect(extractKeyResults('We release all models under the Apache 2.0 license and test Llama 3.1 8B.')).toEqual([]);
  });
  it('ignores a version in a name that starts the sentence', () => {
    expect(extractKeyResults('We build on open models. Llama 3.1 serves as our base model. Qwen 2.5 is used as the judge.')).toEqual([]);
    expect(extractKeyResults('Llama 3.1 8B achieves 68.4% on GSM8K.')).toEqual(['achieves 68.4% on GSM8K']);
    expect(extractKeyResults('Reaching 45.3 on MMLU, it matches larger models.')).toEqual(['Reaching 45.3 on MMLU, it matches larger models']);
  });
  it('ignores settings: a temperature, a learning rate, a threshold', () => {
    expect(
      extractKeyResults('We sample with a temperature of 0.7 and report results on MMLU. With a learning rate of 0.001, training converges. Answers scoring above a threshold of 0.5 are kept. We set β = 0.1 for the KL penalty.'),
    ).toEqual([]);
    expect(extractKeyResults('At temperature 0.7 it achieves 45.3% accuracy.')).toEqual(['At temperature 0.7: achieves 45.3% accuracy']);
  });
  it('deduplicates and keeps abstract order', () => {
    const out = extractKeyResults('We gain 5% on A. We gain 5% on A. Then it yields 2x speedups on B.');
    expect(out).toEqual(['gain 5% on A', 'yields 2x speedups on B']);
  });
  it('returns at most 6 results', () => {
    const text = Array.from({ length: 10 }, (_, k) => `Task ${k} improves by ${k + 1}%.`).join(' ');
    expect(extractKeyResults(text).length).toBeLessThanOrEqual(6);
  });
  it('keeps a time cost stated as a result, with a subject of one of many ("each expert": 2310.15539)', () => {
    expect(extractKeyResults('As a result, each expert takes only 6 hours to train on one A100.')).toEqual([
      'each expert takes only 6 hours to train on one A100',
    ]);
    expect(extractKeyResults('On the natural language inference tasks of GLUE, MobileBERT achieves 0.6 GLUE score performance degradation, and 367 ms latency on a Pixel 3 phone.')).toEqual([
      'On the natural language inference tasks of GLUE: achieves 0.6 GLUE score performance degradation',
      '367 ms latency on a Pixel 3 phone',
    ]);
  });
  it('keeps a growth rate by its period, from its subject, without the participle that says how it was measured (Densing Law: 2412.04315)', () => {
    expect(extractKeyResults('More specifically, using some widely used benchmarks for evaluation, the capacity density of LLMs doubles approximately every three months.')).toEqual([
      'the capacity density of LLMs doubles approximately every three months',
    ]);
    expect(extractKeyResults('Training compute doubles every 3.4 months, and its cost halves every two years.')).toEqual(['Training compute doubles every 3.4 months', 'its cost halves every two years']);
    // A period done to the data is a setting.
    expect(extractKeyResults('The dataset is doubled every two weeks during collection.')).toEqual([]);
    // A baseline or a condition the figure holds under stays with it.
    expect(extractKeyResults('In addition, comparing with GPT-4, our model is 10x cheaper.')).toEqual(['comparing with GPT-4, our model is 10x cheaper']);
    expect(extractKeyResults('Moreover, excluding the embedding layers, the model is 40% smaller.')).toEqual(['excluding the embedding layers, the model is 40% smaller']);
  });
  it('ignores corpus sizes written in words', () => {
    expect(extractKeyResults('We build a 1.4 trillion-token datastore and train models on 500B characters.')).toEqual([]);
  });
  it('keeps several results of one clause together', () => {
    expect(
      extractKeyResults('We maintain 96.7% of the performance (50.4% vs 52.1%) while using it for only 43% of tokens.'),
    ).toEqual(['maintain 96.7% of the performance (50.4% vs 52.1%) while using it for only 43% of tokens']);
  });
  it('keeps scores that follow a capitalised word when a metric follows them', () => {
    expect(extractKeyResults('Experiments show gains, e.g., at All Level 27.97 average gain on PM.')).toEqual([
      'at All Level 27.97 average gain on PM',
    ]);
  });
  it('a result in Chinese is its clause between full-width commas, not the whole abstract', () => {
    const abstract = '大型语言模型在许多任务上表现出色，但推理成本很高。我们提出了一种新的推测解码方法，在保持输出质量的同时，将推理速度提高了2.1倍，并将显存占用降低了40%。代码已公开。';
    expect(extractKeyResults(abstract)).toEqual(['将推理速度提高了2.1倍', '并将显存占用降低了40%']);
    // 、 separates a list's items, which stay together.
    expect(extractKeyResults('我们的方法在ImageNet、COCO和ADE20K上分别提升了2.1%、3.4%和1.2%。')).toEqual(['我们的方法在ImageNet、COCO和ADE20K上分别提升了2.1%、3.4%和1.2%']);
  });
  it('keeps labelled and listed values in one phrase (a colon or ", and" before a number does not end it)', () => {
    expect(
      extractKeyResults('The network labels each pair, giving highly accurate labels (F1: 99.09%, precision: 99.41%, recall: 98.76%). The method beats others with an average AUROC of 0.664, 0.973, and 0.934, respectively.'),
    ).toEqual(['giving highly accurate labels (F1: 99.09%, precision: 99.41%, recall: 98.76%)', 'beats others with an average AUROC of 0.664, 0.973, and 0.934, respectively']);
    // Between a word and a number, ", and" still starts a clause of its own.
    expect(extractKeyResults('We get a 33% speed up on text with no loss, and 30% speed up on code with a loss of 3%.')).toEqual([
      'We get a 33% speed up on text with no loss',
      '30% speed up on code with a loss of 3%',
    ]);
  });
  it('a number after a phrase cut short gets the rest of its clause, not a phrase repeating the one before', () => {
    expect(
      extractKeyResults(
        'Our model achieves an Inception Score (IS) of 148 and an Frechet Inception Distance (FID) of 3.4, an improvement of 17% and 32% in IS and FID respectively, compared with the baseline BigGAN-deep model with the same architecture and number of parameters.',
      ),
    ).toEqual(['achieves an Inception Score (IS) of 148 and an Frechet Inception Distance (FID) of 3.4', '…an improvement of 17% and 32% in IS and FID respectively']);
    // Cut to 20 words: the next number's phrase starts where that cut ended.
    expect(
      extractKeyResults(
        'On the dataset trained on the VGG16 network, the auxiliary cells can detect 46% of the misclassified examples along with 12% reduction in energy compared to the baseline network while 69% of the examples are correctly classified.',
      ),
    ).toEqual([
      '…the VGG16 network, the auxiliary cells can detect 46% of the misclassified examples along with 12% reduction in energy compared…',
      '…to the baseline network while 69% of the examples are correctly classified',
    ]);
  });
  it('a phrase keeps only parentheses it opens and closes', () => {
    expect(
      extractKeyResults(
        'It needs a single update (reducing the time taken for reaching the state of the art by 400%), and more. We observe gains (e.g., 4.1% relative improvement over Sent2vec). We fix the rate of each layer (with BN) to a constant (0.3) that matches 2.5% accuracy.',
      ),
    ).toEqual([
      'reducing the time taken for reaching the state of the art by 400%',
      '4.1% relative improvement over Sent2vec',
      'We fix the rate of each layer (with BN) to a constant (0.3) that matches 2.5% accuracy',
    ]);
  });
  it('reads percentages and factors as LaTeX writes them', () => {
    expect(extractKeyResults(String.raw`Our approach reduces the FLOPs by up to 48\%. It takes $3\times$ fewer iterations.`)).toEqual([
      String.raw`reduces the FLOPs by up to 48\%`,
      String.raw`takes $3\times$ fewer iterations`,
    ]);
  });
  it('a phrase from a sentence start leaves out its discourse marker', () => {
    expect(
      extractKeyResults('In this paper, we find 99.9% of the gradient exchange is redundant. For instance, we receive a 76.43% top-1 accuracy using ResNet50. Empirically, DPQ offers compression ratios of 14-238x.'),
    ).toEqual(['we find 99.9% of the gradient exchange is redundant', 'we receive a 76.43% top-1 accuracy using ResNet50', 'DPQ offers compression ratios of 14-238x']);
    expect(extractKeyResults('To this end, the pruned model is recovered in only 3 hours. Thus, it is 2x faster.')).toEqual([
      'the pruned model is recovered in only 3 hours',
      'it is 2x faster',
    ]);
  });
  it('"results" is where a phrase starts only as a verb ("results in"), not as a noun', () => {
    expect(
      extractKeyResults('We label each pair, obtaining highly accurate results (F1: 99.09%). Our method results in a 6% drop in perplexity. We match classification results with 10 times fewer iterations.'),
    ).toEqual(['obtaining highly accurate results (F1: 99.09%)', 'results in a 6% drop in perplexity', 'match classification results with 10 times fewer iterations']);
  });
  it('a number is given to the verb it measures, not to a verb in what a noun needs', () => {
    expect(
      extractKeyResults(
        'We present evidence that constraining the model in this way can reduce the number of labeled examples required to achieve a given performance level by as much as 50%, and that gaze information is most helpful on more difficult tasks.',
      ),
    ).toEqual(['reduce the number of labeled examples required to achieve a given performance level by as much as 50%']);
    // After a verb, what a participle is for is what the number measures.
    expect(
      extractKeyResults(
        'In addition, the time of posting, learned user albuming, and other meta data are easily incorporated to improve geolocation by up to 11% for country-level (750 km) locality accuracy to 3% for city-level (25 km) localities.',
      ),
    ).toEqual(['improve geolocation by up to 11% for country-level (750 km) locality accuracy to 3% for city-level (25 km) localities']);
  });
  it('a phrase does not start at a noun or an adjective that looks like a verb, which would lose what the number is of', () => {
    expect(
      extractKeyResults(
        'Results showed that these best two algorithms could correctly classify different users with an accuracy increase of 5% to 9%, use each task independently. On ImageNet, we achieve a leading performance of top-1 accuracy 79.40% on ResNet-50 and 80.00% on ResNet-50-D without extra data. Our deep learning based method demonstrates superiority over image processing approach with mean accuracy reaching over 96% for the measurements, compared with the ground truth.',
      ),
    ).toEqual([
      'these best two algorithms could correctly classify different users with an accuracy increase of 5% to 9%',
      'On ImageNet: achieve a leading performance of top-1 accuracy 79.40% on ResNet-50 and 80.00% on ResNet-50-D without extra data',
      'demonstrates superiority over image processing approach with mean accuracy reaching over 96% for the measurements, compared with the ground truth',
    ]);
  });
  it('a clause too long does not end before a parenthesis of measures, which alone says nothing', () => {
    expect(
      extractKeyResults('Using a 10-second window, the 21 cognitive states were identified with an excellent average test accuracy of 89% (chance level 4.8%).'),
    ).toEqual(['…the 21 cognitive states were identified with an excellent average test accuracy of 89% (chance level 4.8%)']);
    // Nor does it end at a comma inside a parenthesis, which it would leave open.
    expect(
      extractKeyResults(
        "By simulating HYPE's evaluation multiple times, we demonstrate consistent ranking of different models, identifying StyleGAN with truncation trick sampling (27.6% HYPE-Infinity deception rate, with roughly one quarter of images being misclassified by humans) as superior to StyleGAN without truncation (19.0%) on FFHQ.",
      ),
    ).toEqual([
      '…with truncation trick sampling (27.6% HYPE-Infinity deception rate, with roughly one quarter of images being misclassified by humans) as superior to StyleGAN without truncation (19.0%) on FFHQ',
    ]);
    // A citation's year or a model's name in parentheses is no measure: the phrase may end before it.
    expect(
      extractKeyResults(
        'Our proposed DWHT-based model gained 1.49% accuracy increase with 79.4% reduced parameters and 48.4% reduced FLOPs compared with its baseline model (MoblieNet-V1) on the CIFAR 100 dataset.',
      ),
    ).toEqual(['gained 1.49% accuracy increase with 79.4% reduced parameters and 48.4% reduced FLOPs compared with its baseline model']);
  });
  it('a phrase starts at an irregular past verb, also after a dash written as hyphens', () => {
    expect(
      extractKeyResults(
        'Benchmarking against the state of the art collective communications library (NCCL), our framework---with the parameter server housed entirely on one machine---led to a 25% reduction in time for training resnet50 on Imagenet when using 15 AWS p3.2xlarge machines.',
      ),
    ).toEqual(['led to a 25% reduction in time for training resnet50 on Imagenet when using 15 AWS p3.2xlarge machines']);
  });
  it('a size a method cuts is a result, with the same cut for another model; one it increases is a setting', () => {
    expect(
      extractKeyResults(
        'On these scenarios, Deep Gradient Compression achieves a gradient compression ratio from 270x to 600x without losing accuracy, cutting the gradient size of ResNet-50 from 97MB to 0.35MB, and for DeepSpeech from 488MB to 0.74MB. By increasing the vocabulary size from the conventional 32K to 43K, we improve performance on ARC-Challenge from 29.1 to 32.0.',
      ),
    ).toEqual([
      'On these scenarios: achieves a gradient compression ratio from 270x to 600x without losing accuracy',
      'cutting the gradient size of ResNet-50 from 97MB to 0.35MB, and for DeepSpeech from 488MB to 0.74MB',
      'improve performance on ARC-Challenge from 29.1 to 32.0',
    ]);
  });
  it('a range of model sizes a method is tried on is no cut, even near "reduce", "lower" or "prune"', () => {
    for (const sentence of [
      'Our method reduces the memory footprint of models from 7B to 65B parameters.',
      'Training in lower precision, we fine-tune models from 7B to 70B parameters on a single node.',
      'We prune redundant heads and evaluate models scaled from 1B to 13B parameters.',
    ]) expect(extractKeyResults(sentence), sentence).toEqual([]);
    // Cut to a smaller size, or to another unit, it is.
    expect(extractKeyResults('Our method reduces the memory footprint of the model from 13GB to 3.5GB.')).toEqual(['reduces the memory footprint of the model from 13GB to 3.5GB']);
  });
  it('a time "in about N hours" is a result as "in N hours" is', () => {
    expect(extractKeyResults('SGP completes 90 epochs in around 1.5 hours while AllReduce SGD takes over 5 hours.')).toEqual([
      'SGP completes 90 epochs in around 1.5 hours while AllReduce SGD takes over 5 hours',
    ]);
  });
  it('a clause too long starts after its last comma before the number when a result of its own starts there', () => {
    expect(
      extractKeyResults(
        'For example, using 32 nodes with 8 GPUs per node to train ResNet-50 on ImageNet, where nodes communicate over 10Gbps Ethernet, SGP completes 90 epochs in around 1.5 hours while AllReduce SGD takes over 5 hours, and the top-1 validation accuracy of SGP remains within 1.2% of that obtained using AllReduce SGD.',
      ),
    ).toEqual(['…SGP completes 90 epochs in around 1.5 hours while AllReduce SGD takes over 5 hours', 'the top-1 validation accuracy of SGP remains within 1.2% of that obtained using AllReduce SGD']);
    // A phrase cut at a pause does not end at the conjunction before it.
    expect(
      extractKeyResults(
        'We show that (1) when our model is trained using patient-specific data (prior sensor sessions), we come within 9% AUROC of a model trained using hand-labeled data and (2) when we assume no prior observations of subjects, our weakly supervised model matched performance with hand-labeled data.',
      ),
    ).toEqual(['…we come within 9% AUROC of a model trained using hand-labeled data']);
    // What follows the comma names its metric.
    expect(
      extractKeyResults(
        'We empirically show YellowFin can converge in fewer iterations than Adam on ResNets and LSTMs for image recognition, language modeling and constituency parsing, with a speedup of up to 3.28x in synchronous and up to 2.69x in asynchronous settings.',
      ),
    ).toEqual(['…with a speedup of up to 3.28x in synchronous and up to 2.69x in asynchronous settings']);
    // What follows the comma only adds to what comes before it: the cut keeps both.
    expect(
      extractKeyResults(
        'In a careful comparison over many settings and many seeds, the performance is significantly better than all prior work and even superior to the NLLB-54B model and GPT-3.5-text-davinci-003, with only 7B or 13B parameters.',
      ),
    ).toEqual(['…better than all prior work and even superior to the NLLB-54B model and GPT-3.5-text-davinci-003, with only 7B or 13B parameters']);
  });
  it('a clause started inside a parenthesis ends with it, and a list of values is not split at its commas', () => {
    expect(
      extractKeyResults(
        'When provided with only 1% of ImageNet labels (i.e. 13 per class), this model retains a strong classification performance, 73% Top-5 accuracy, outperforming supervised networks by 28% (a 65% relative improvement) and state-of-the-art semi-supervised methods by 14%.',
      ),
    ).toEqual([
      'When provided with only 1% of ImageNet labels (i.e. 13 per class), this model retains a strong classification performance, 73% Top-5 accuracy',
      'outperforming supervised networks by 28% (a 65% relative improvement) and state-of-the-art semi-supervised methods by 14%',
    ]);
    expect(
      extractKeyResults('The average accuracy of machine learning algorithms (i.e. J48, Bayes Net, Adaboost and Random Forest) are 78.86, 74.76, 77.82 and 82.46 respectively.'),
    ).toEqual(['The average accuracy of machine learning algorithms (i.e. J48, Bayes Net, Adaboost and Random Forest) are 78.86, 74.76, 77.82 and 82.46 respectively']);
  });
  it('a context length a model is shown to work at is a result; one it is trained at is not (QA: XL3M showed no results)', () => {
    expect(extractKeyResults('A Llama2-7B model is able to reason 20M long sequences on one machine. Our model achieves near-perfect passkey retrieval accuracy on 256K context length.')).toEqual([
      'A Llama2-7B model is able to reason 20M long sequences on one machine',
      'achieves near-perfect passkey retrieval accuracy on 256K context length',
    ]);
    expect(extractKeyResults('We pre-train on 2T tokens with a 4K context length.')).toEqual([]);
    // Nor where others fail (review).
    expect(extractKeyResults('Models perform poorly beyond 16K context length in our benchmark.')).toEqual([]);
  });
  it('a reported clause is the result, not the report: "show that A, and that B" gives A and B; an average\'s decay is a setting (QA)', () => {
    expect(extractKeyResults('We show that OmniPlanner completes 71% of household tasks, and that self-correction recovers from 70% of execution failures.')).toEqual([
      'OmniPlanner completes 71% of household tasks',
      'self-correction recovers from 70% of execution failures',
    ]);
    expect(extractKeyResults('Experiments show that MobileBERT is 4.3x smaller than BERT-BASE.')).toEqual(['MobileBERT is 4.3x smaller than BERT-BASE']);
    expect(extractKeyResults('We keep an exponential moving average of the student with decay 0.9999.')).toEqual([]);
    // Other reports of a finding, in the past too (QA, review); a measure's decay is a result (review).
    expect(extractKeyResults('Our results indicate that CNNs can operate at less than 0.5% connection density.')).toEqual(['CNNs can operate at less than 0.5% connection density']);
    expect(extractKeyResults('We showed that pruning removes 50% of the weights.')).toEqual(['pruning removes 50% of the weights']);
    expect(extractKeyResults('Our pruned model shows a perplexity decay of 0.21 on WikiText-2.')).toEqual(['shows a perplexity decay of 0.21 on WikiText-2']);
  });

  it('a clause cut to its window of words ends neither inside a parenthesis nor just after a later number, which keeps its unit in a phrase of its own', () => {
    expect(
      extractKeyResults(
        'In this paper, we show that deep learning methods can be leveraged to train a model end-to-end to automatically generate code from a single input image with over 77% of accuracy for three different platforms (i.e. iOS, Android and web-based technologies).',
      ),
    ).toEqual(['…code from a single input image with over 77% of accuracy for three different platforms…']);
    expect(
      extractKeyResults(
        'We conducted a preliminary ensemble learning on the outputs and found 15 F1 score improvement on a category and the average of 8 F1 score improvements on all 5 categories we tested over a strong baseline.',
      ),
    ).toEqual(['…preliminary ensemble learning on the outputs and found 15 F1 score improvement on a category…', '…the average of 8 F1 score improvements on all 5 categories we tested over a strong baseline']);
    expect(
      extractKeyResults(
        'Experimental results show that leveraging the proposed d-gate modules led to a ~38% speed-up and ~39% FLOPS reduction on ResNet-101 and ~46% speed-up and ~36% FLOPS reduction on DenseNet-201 trained on the CIFAR10 dataset with only ~2% drop in accuracy.',
      ),
    ).toEqual([
      '…leveraging the proposed d-gate modules led to a ~38% speed-up and ~39% FLOPS reduction on ResNet-101…',
      '…~46% speed-up and ~36% FLOPS reduction on DenseNet-201 trained on the CIFAR10 dataset with only ~2% drop in accuracy',
    ]);
    // "and" between names joins no result (review: "…on the CIFAR…" and "…ImageNet data with 8…"): a number
    // the window ends at starts a phrase of its own, the words leading to it left to that phrase.
    expect(
      extractKeyResults(
        'We conducted a preliminary ensemble learning on the outputs and found 15 F1 score improvement on the CIFAR and ImageNet data with 8 points gain on all 5 categories we tested over a strong baseline model.',
      ),
    ).toEqual(['…preliminary ensemble learning on the outputs and found 15 F1 score improvement on the CIFAR and ImageNet data…', '…with 8 points gain on all 5 categories we tested over a strong baseline model']);
    // Numbers sharing a unit stay together; "as well as" joins like "and".
    expect(
      extractKeyResults(
        'Experiments report an increase of 0.4 in F-measure score on MVS Office dataset as well as 0.2% and 2% increase in activity recognition accuracy over UCF-50 and YouTube 11 datasets, respectively, with lower storage and transmission time compared to state-of-the-art.',
      ),
    ).toEqual([
      'Experiments report an increase of 0.4 in F-measure score on MVS Office dataset…',
      '…0.2% and 2% increase in activity recognition accuracy over UCF-50 and YouTube 11 datasets',
    ]);
  });

  it('a clause up to 5 words too long (for 27) loses them from its start, not from its end, which says what the result is compared with', () => {
    expect(
      extractKeyResults(
        'For example, on MNIST we find that accuracy of above 90 percent is still attainable even when the dataset has been diluted with 100 noisy examples for each clean example.',
      ),
    ).toEqual(['…accuracy of above 90 percent is still attainable even when the dataset has been diluted with 100 noisy examples for each clean example']);
    expect(
      extractKeyResults(
        'With comprehensive experiments on benchmark datasets, we demonstrate the superior performance of E2Efold: it predicts significantly better structures compared to previous SOTA (29.7% improvement in some cases in F1 scores and even larger improvement for pseudoknotted structures) and runs as efficient as the fastest algorithms in terms of inference time.',
      ),
    ).toEqual(['it predicts significantly better structures compared to previous SOTA (29.7% improvement in some cases in F1 scores and even larger improvement for pseudoknotted structures)']);
    // Unless it starts at its verb, which says what the number is: it ends before a modifier after its results.
    expect(
      extractKeyResults(
        "Based on LLaMA-2 as our underlying model, our results show that the model can achieve an average improvement of more than 12 BLEU and 12 COMET over its zero-shot performance across 10 translation directions from the WMT'21 (2 directions) and WMT'22 (8 directions) test datasets.",
      ),
    ).toEqual(['achieve an average improvement of more than 12 BLEU and 12 COMET over its zero-shot performance across 10 translation directions']);
  });
  it.each([
    [
      'In our experiments we can see over 13% increase in accuracy in the low-data regime experiments in Omniglot (from 69% to 82%), EMNIST (73.9% to 76%) and VGG-Face (4.5% to 12%); in Matching Networks for Omniglot we observe an increase of 0.5% (from 96.9% to 97.4%) and an increase of 1.8% in EMNIST (from 59.5% to 61.3%).',
      [
        'see over 13% increase in accuracy in the low-data regime experiments in Omniglot (from 69% to 82%), EMNIST (73.9% to 76%) and VGG-Face (4.5% to 12%)',
        'in Matching Networks for Omniglot we observe an increase of 0.5% (from 96.9% to 97.4%) and an increase of 1.8% in EMNIST (from 59.5% to 61.3%)',
      ],
    ],
    [
      'In particular, for the task of identifying atrial fibrillation from small amounts of electrocardiogram data, we observe a nearly 13% improvement in the area under the receiver operating characteristics curve (AUC-ROC) relative to the baseline (AUC-ROC=0.55 vs. AUC-ROC=0.62).',
      ['…we observe a nearly 13% improvement in the area under the receiver operating characteristics curve (AUC-ROC) relative to the baseline (AUC-ROC=0.55 vs. AUC-ROC=0.62)'],
    ],
    [
      'Our empirical evaluation reveals that the new frontier for LLM quantization is 4-bit precision, resulting in an average memory footprint reduction of 70% compared to the original model without observing any significant decrease in performance.',
      ['resulting in an average memory footprint reduction of 70% compared to the original model without observing any significant decrease in performance'],
    ],
    // A pause before a verb of its own still ends the phrase: what follows it is a result of its own.
    [
      'Starting with a graph-based model that already improves upon the prior state-of-the-art for this task by 20%, we show that our proposed hybrid models improve an additional 10-15%, while training both faster and using fewer parameters.',
      ['improves upon the prior state-of-the-art for this task by 20%', 'improve an additional 10-15%'],
    ],
    // Nor does a parenthesis inside the name of what a number measures.
    [
      'Our model achieves an Inception Score (IS) of 148 and an Frechet Inception Distance (FID) of 3.4, an improvement of 17% and 32% in IS and FID respectively, compared with the baseline BigGAN-deep model with the same architecture and number of parameters.',
      ['achieves an Inception Score (IS) of 148 and an Frechet Inception Distance (FID) of 3.4', '…an improvement of 17% and 32% in IS and FID respectively'],
    ],
    // A list of values after a comma ends no phrase before it.
    [
      'Without augmenting any additional hand-crafted features, we achieve new state-of-the-art performances on CoNLL and Twitter NER---88.16% F1 for Spanish, 53.43% F1 for WNUT-2016, and 42.83% F1 for WNUT-2017.',
      ['achieve new state-of-the-art performances on CoNLL and Twitter NER---88.16% F1 for Spanish, 53.43% F1 for WNUT-2016, and 42.83% F1 for WNUT-2017'],
    ],
  ])('a clause of up to 26 words is shown whole rather than cut or split into fragments: %s', (abstract, expected) => {
    expect(extractKeyResults(abstract)).toEqual(expected);
  });
  it('a phrase that is only its sentence\'s opening runs on into the clause that says the result, or is not shown', () => {
    expect(
      extractKeyResults(
        'With improvements of up to 4.8, training with XLDA achieves state-of-the-art performance for Greek, Turkish, and Urdu. In evaluation, the proposed quantizer induces less than 0.4% accuracy drop in ResNet18, ResNet34, and AlexNet.',
      ),
    ).toEqual([
      'With improvements of up to 4.8, training with XLDA achieves state-of-the-art performance for Greek, Turkish, and Urdu',
      'In evaluation, the proposed quantizer induces less than 0.4% accuracy drop in ResNet18, ResNet34, and AlexNet',
    ]);
    expect(
      extractKeyResults(
        'With a fixed maximum perturbation of only 1.5% on any pixel, around 80% of attacks (targeted) fool the voting ensemble defense and nearly 100% when the perturbation is only 6%.',
      ),
    ).toEqual(['around 80% of attacks (targeted) fool the voting ensemble defense and nearly 100% when the perturbation is only 6%']);
  });
  it('a clause cut to 20 words is not cut inside a name', () => {
    expect(
      extractKeyResults(
        'When distilling to 20% of the original model’s trainable parameters, we only observe an average decrease of ∼1 point for both UAS and LAS across a number of diverse Universal Dependency treebanks while being 2.26x (1.21x) faster than the baseline model on CPU (GPU) at inference time.',
      ),
    ).toEqual([
      'we only observe an average decrease of ∼1 point for both UAS and LAS across a number of diverse…',
      '…Universal Dependency treebanks while being 2.26x (1.21x) faster than the baseline model on CPU (GPU) at inference time',
    ]);
  });
  it('a clause that is only its number keeps the clause it restates', () => {
    expect(
      extractKeyResults(
        'One unexpected observation is that, for models trained with BN, simply removing clean images from training data largely boosts adversarial robustness, i.e., 18.3%.',
      ),
    ).toEqual(['boosts adversarial robustness, i.e., 18.3%']);
  });
  it('a capitalised word after another word is a name, not the verb a phrase starts at', () => {
    expect(extractKeyResults('The gains hold across models; in Matching Networks for Omniglot we observe an increase of 0.5% in accuracy.')).toEqual([
      'in Matching Networks for Omniglot we observe an increase of 0.5% in accuracy',
    ]);
  });
  it('a phrase leaves out the mark of the list item it starts', () => {
    expect(extractKeyResults('ii) almost complete transfer to a new domain while using less than 10% of the labeled training data.')).toEqual([
      'almost complete transfer to a new domain while using less than 10% of the labeled training data',
    ]);
  });
  it('reads "merely" as "only"', () => {
    expect(extractKeyResults('The pruned model is recovered in merely 3 hours.')).toEqual(['The pruned model is recovered in merely 3 hours']);
  });
  it('a passive verb keeps its subject, which says what the number is of', () => {
    expect(extractKeyResults('Compared with the reference network, the number of parameters is reduced by 42%. BERT training time can be reduced from 3 days to just 76 minutes.')).toEqual([
      'Compared with the reference network, the number of parameters is reduced by 42%',
      'BERT training time can be reduced from 3 days to just 76 minutes',
    ]);
  });
  it('a setting given as a range or a discount factor, or the value it replaces, is no result', () => {
    expect(
      extractKeyResults(
        'Quantized models exhibit higher sensitivity to temperature in the range of 0.5 to 0.8. The network is run with learning rate set in the range of 0.01 to 0.5. We train using a discount factor of 0.999.',
      ),
    ).toEqual([]);
    // Nor is the value it is given instead of.
    expect(
      extractKeyResults(
        'A new transformed Bellman operator allows our algorithm to process rewards of varying densities and scales; an auxiliary temporal consistency loss allows us to train stably using a discount factor of 0.999 (instead of 0.99); and we ease the exploration problem by using human demonstrations that guide the agent towards rewarding states.',
      ),
    ).toEqual([]);
  });
  it('a bit width or an N-fold count is no result; a bit width reached, bits per character and an N-fold change are', () => {
    expect(
      extractKeyResults(
        'Training has largely migrated to 16-bit precision, with significant gains in performance. We use the reduced range of 8-bit floating point to improve error propagation. We use 5-fold cross-validation. A square lattice provides a 4-fold rotational symmetry.',
      ),
    ).toEqual([]);
    expect(
      extractKeyResults(
        'Both weights and activations can be quantized to 4-bits of precision. It reaches 1.19 bits/char on text8. The method achieves a 3-fold speedup and reduces memory by 10-fold.',
      ),
    ).toEqual(['Both weights and activations can be quantized to 4-bits of precision', 'reaches 1.19 bits/char on text8', 'achieves a 3-fold speedup', 'reduces memory by 10-fold']);
  });
  it('a number run into a word is a dimension or a name, no result', () => {
    expect(extractKeyResults('The model takes as input 2.5D video streams captured by a moving camera. We illustrate the method in sets of 2D points.')).toEqual([]);
  });
  it('a phrase starts at the clause\'s verb, not at a participle after its noun', () => {
    expect(extractKeyResults('The model achieves a reduction in the computational demand required for inference by 30% on average.')).toEqual([
      'achieves a reduction in the computational demand required for inference by 30% on average',
    ]);
    expect(extractKeyResults('The accuracy obtained by our model varies by 0.5% across runs.')).toEqual(['The accuracy obtained by our model varies by 0.5% across runs']);
  });
  it("a prior method's or a baseline's number is not shown as the paper's result", () => {
    expect(
      extractKeyResults(
        'Our model is able to predict the exact correct repair 41% of the time with a single guess, compared to 13% accuracy for an attentional sequence-to-sequence model. While other pre-training tasks yield an accuracy below 78.7% on this task, our model achieves an accuracy of 82.6% with the same number of training examples. When trained on ImageNet at 128x128 resolution, our models (BigGANs) achieve an Inception Score (IS) of 166.3 and Frechet Inception Distance (FID) of 9.6, improving over the previous best IS of 52.52 and FID of 18.65.',
      ),
    ).toEqual([
      'Our model is able to predict the exact correct repair 41% of the time with a single guess, compared to 13% accuracy for an attentional sequence-to-sequence model',
      'achieves an accuracy of 82.6% with the same number of training examples',
      'achieve an Inception Score (IS) of 166.3 and Frechet Inception Distance (FID) of 9.6',
    ]);
    expect(
      extractKeyResults(
        'Our approach significantly improves on previous lipreading approaches, including variants of LipNet and of Watch, Attend, and Spell (WAS), which are only capable of 89.8% and 76.8% WER respectively. This is a significant improvement over the currently known best results of 68.3% accuracy and 53.9% certified robustness, achieved using a 5 times larger network than our work.',
      ),
    ).toEqual([]);
  });
  it('a change from a prior method\'s number, or a margin over it, is the paper\'s result', () => {
    expect(
      extractKeyResults(
        'For example, we achieve 5.0% error on CIFAR-10 with only 4000 labels, compared to the previous best result in the literature of 6.3%. On AddSent, FusionNet increases the best F1 metric from 46.6% to 51.4%. Also, DARE achieves new state-of-the-art in three widely used biomedical RE datasets surpassing the previous best results by 4.7 F1 points on average. For instance, the state-of-the-art PPO algorithm is able to obtain 67.5% and 46.7% improvements in average on five Atari games.',
      ),
    ).toEqual([
      'achieve 5.0% error on CIFAR-10 with only 4000 labels, compared to the previous best result in the literature of 6.3%',
      'On AddSent: increases the best F1 metric from 46.6% to 51.4%',
      'surpassing the previous best results by 4.7 F1 points on average',
      'obtain 67.5% and 46.7% improvements in average on five Atari games',
    ]);
  });
  it('the least a method needs is a result: "as few as N" parameters, a size under a bound it needs, bits per parameter it stores', () => {
    expect(
      extractKeyResults(
        'Token Recycling requires <2MB of additional storage and achieves approximately 2x speedup across all sizes of LLMs. We show that adversarial imitation can work well even in this high dimensional observation space. Surprisingly the adversary itself, acting as the learned reward function, can be tiny, comprising as few as 128 parameters, and can be easily trained using the most basic GAN formulation. Our method is able to compress the BERT-BASE model by more than 60x, with only a minor drop in downstream task metrics, resulting in a language model with a footprint of under 7MB. Through multiple controlled datasets, we establish that language models can and only can store 2 bits of knowledge per parameter, even when quantized to int8.',
      ),
    ).toEqual([
      'requires <2MB of additional storage',
      'achieves approximately 2x speedup across all sizes of LLMs',
      'comprising as few as 128 parameters',
      'Our method is able to compress the BERT-BASE model by more than 60x',
      'resulting in a language model with a footprint of under 7MB',
      'language models can and only can store 2 bits of knowledge per parameter, even when quantized to int8',
    ]);
  });
  it('a quantization level, a bit width or the memory of the hardware used is a setting, no result of its own', () => {
    expect(
      extractKeyResults(
        'The latest advancements in model quantization techniques allow pushing the compression to the extreme quantization level of 2 bits per model parameter. Our technique allows quantizing the weights and activations of all network layers down to 4 bits, achieving high efficiency and facilitating deployment in practical settings. Using our framework, a Llama2-7B model is able to reason 20M long sequences on an 8-card Huawei Ascend 910B NPU machine with 64GB memory per card.',
      ),
      // The sequence length reached is (QA).
    ).toEqual(['Using our framework, a Llama2-7B model is able to reason 20M long sequences on an 8-card Huawei Ascend 910B NPU machine with 64GB memory per card']);
  });
  it('a clause of 27 words is shown whole, also past a parenthesis it goes on after', () => {
    expect(
      extractKeyResults(
        'Evaluating in Minecraft and maze environments that test long-term memory, we find that our model improves average return by 19% over a baseline that has the same number of parameters and by 9% over a stronger baseline that has far more parameters.',
      ),
    ).toEqual(['improves average return by 19% over a baseline that has the same number of parameters and by 9% over a stronger baseline that has far more parameters']);
    expect(
      extractKeyResults(
        "It's noteworthy that DIIN achieve a greater than 20% error reduction on the challenging Multi-Genre NLI (MultiNLI) dataset with respect to the strongest published system. We also conducted human evaluation of the generated grounded recipes, which reveal that 61% found that our proposed (SSiL) model is better than the baseline model in terms of overall recipes, and 72.5% preferred our model in terms of coherence and structure.",
      ),
    ).toEqual([
      'achieve a greater than 20% error reduction on the challenging Multi-Genre NLI (MultiNLI) dataset with respect to the strongest published system',
      '61% found that our proposed (SSiL) model is better than the baseline model in terms of overall recipes',
      '72.5% preferred our model in terms of coherence and structure',
    ]);
  });
  it('"and" before a name or after "both" joins words, and ends no clause, even before a word ending in -ed or -s', () => {
    expect(
      extractKeyResults(
        'An iterative variant of our attack achieves close to 100% adversarial success rates for both targeted and untargeted attacks on DNNs. Notably, small RIN models produce 12%–67% higher accuracy on the Sequential and Permuted MNIST datasets and reach state-of-the-art performance on the bAbI question answering dataset.',
      ),
    ).toEqual([
      'achieves close to 100% adversarial success rates for both targeted and untargeted attacks on DNNs',
      'small RIN models produce 12%–67% higher accuracy on the Sequential and Permuted MNIST datasets and reach state-of-the-art performance on the bAbI question answering dataset',
    ]);
  });
  it("a prior method's number is also one after \"while … only have\" or one the literature reports", () => {
    expect(
      extractKeyResults(
        'We perform evaluation using the Berkeley Deep Drive dataset and find that on average when 3 frames are attacked, our attack can have a nearly 100% success rate while attacks that blindly target object detection only have up to 25%. In particular, we are able to make ResNet18 with 95% sparsity to have an accuracy that is comparable to that of a much larger model ResNet50 with the best 60% sparsity as reported in the literature.',
      ),
    ).toEqual(['…our attack can have a nearly 100% success rate', '…we are able to make ResNet18 with 95% sparsity to have an accuracy that is comparable to that of…']);
    // The paper's own result is the best the literature reports: it is shown.
    expect(
      extractKeyResults(
        'The AUC = 0.887 result is among the best reported in the literature for cross-population validation of consciousness biomarkers, confirming the clinical applicability of φ for LIS detection.',
      ),
    ).toEqual(['The AUC = 0.887 result is among the best reported in the literature for cross-population validation of consciousness biomarkers']);
  });
  it('a dimension is no speed-up, and a list before "respectively" is kept whole', () => {
    expect(
      extractKeyResults(
        'Our experiments demonstrate that latent optimisation can significantly improve GAN training, obtaining state-of-the-art performance for the ImageNet (128 x 128) dataset. Together with the total variation minimization of adversarial images and augmented training, under the strongest attack, we achieve up to 20.6%, 50.7%, and 68.7% accuracy improvement w.r.t. the fast gradient sign method, iterative fast gradient sign method, and Carlini-WagnerL2attacks, respectively.',
      ),
    ).toEqual([
      'achieve up to 20.6%, 50.7%, and 68.7% accuracy improvement w.r.t. the fast gradient sign method, iterative fast gradient sign method, and Carlini-WagnerL2attacks, respectively',
    ]);
  });
  it('a gain named by its metric after a bare number is a result ("a 15 F1 score improvement", "a 3 BLEU gain"); a count before a metric word is not', () => {
    expect(extractKeyResults('Our method achieves a 15 F1 score improvement over the strongest baseline on SQuAD.')).toEqual(['achieves a 15 F1 score improvement over the strongest baseline on SQuAD']);
    expect(extractKeyResults('Back-translation brings a 3 BLEU gain on low-resource pairs.')).toEqual(['Back-translation brings a 3 BLEU gain on low-resource pairs']);
    expect(extractKeyResults('We train 3 reward models on 12 accuracy benchmarks.')).toEqual([]);
  });

  // Key-results audit (SciTLDR dev): the field's and prior work's numbers, before the paper speaks of itself, were shown as its results.
  it('numbers in sentences before the paper first speaks of itself are background, not its results', () => {
    expect(
      extractKeyResults(
        'Neural network pruning techniques can reduce the parameter counts of trained networks by over 90%. We find that a standard pruning technique uncovers subnetworks that train faster and reach 1.5% higher accuracy.',
      ),
    ).toEqual(['reach 1.5% higher accuracy']);
    // A method of its own named before "we": its results are the paper's (review).
    expect(extractKeyResults('FlashFoo is a new attention kernel that can reduce memory traffic by 40% and runs 2x faster than FlashAttention-2. We release code.')).toEqual([
      'reduce memory traffic by 40%',
      'runs 2x faster than FlashAttention-2',
    ]);
    // An abstract that never says "we" or "this paper": every sentence is the paper's.
    expect(extractKeyResults('SteloCoder achieves 73.76 CodeBLEU on XLCoST. It is trained in 32.88 hours.')).toEqual(['achieves 73.76 CodeBLEU on XLCoST', 'It is trained in 32.88 hours']);
  });

  it('results put in words are results: orders of magnitude, by half, N of M', () => {
    expect(extractKeyResults('This approach is an order of magnitude faster than state-of-the-art methods for spectral visualization.')).toEqual([
      'This approach is an order of magnitude faster than state-of-the-art methods for spectral visualization',
    ]);
    expect(extractKeyResults('In six of seven StarCraft II mini-games, our agent achieved state-of-the-art performance.')).toEqual(['In six of seven StarCraft II mini-games, our agent achieved state-of-the-art performance']);
    expect(extractKeyResults('Our method reduces total parameters of Transformer-XL by half with minimal impact on performance.')).toEqual([
      'reduces total parameters of Transformer-XL by half with minimal impact on performance',
    ]);
    // What a setting makes possible, put in words, is.
    expect(extractKeyResults('A consistency loss allows us to train stably using a discount factor of 0.999, extending the effective planning horizon by an order of magnitude.')).toEqual([
      'extending the effective planning horizon by an order of magnitude',
    ]);
    expect(extractKeyResults('We outperform all baselines in five out of six settings.')).toEqual(['outperform all baselines in five out of six settings']);
    // "half" and "orders" as plain words are not.
    expect(extractKeyResults('We train on half of the data and sort the orders of the items by magnitude.')).toEqual([]);
  });

  it('returns nothing for an abstract without numbers', () => {
    expect(extractKeyResults('We propose a method. It works.')).toEqual([]);
  });
  it.each([
    // A clause delimiter after each number: each clause was found by reading the sentence from its start.
    ['x 1%; ', ['x 1%']],
    // One long clause, cut to 20 words around each number: each cut read the clause from its start.
    ['by 1% ', ['by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1%…', '…by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1%…', '…by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by 1% by']],
    // Participles with only their measure after commas: the words before the first are looked for once.
    ['word, improving by 2x ', ['word, improving by 2x word', 'improving by 2x word', 'improving by 2x wo']],
  ])('reads an abstract of the longest kind, one sentence of "%s" repeated, at once', (unit, expected) => {
    // Every abstract a card shows runs through this (0.25 to 0.6 s here when it took quadratic time).
    const abstract = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
    extractKeyResults(abstract.slice(0, 2_000)); // (compiled first, so only the reading is timed)
    expect(extractKeyResults(abstract)).toEqual(expected);
    // The quickest of three readings: a busy machine (other tests running beside it) slows one reading, not every one.
    let quickest = Infinity;
    for (let reading = 0; reading < 3; reading++) {
      const started = performance.now();
      extractKeyResults(abstract);
      quickest = Math.min(quickest, performance.now() - started);
    }
    expect(quickest).toBeLessThan(150);
  });
});
