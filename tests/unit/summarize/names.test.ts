import { describe, expect, test } from 'vitest';
import { MAX_ABSTRACT_NAMES } from '../../../src/papers/bounds';
import { abstractNames } from '../../../src/summarize/names';

describe('the names an abstract uses', () => {
  test('words with a capital inside, or letters and digits side by side, once each, in the order written', () => {
    const abstract =
      'We fine-tune ViT and ResNet-50 with PPO, as InstructGPT did. Unlike GPT-4 and T5, our KV cache (Li et al., 2023) ' +
      'stays small: 73.76% of memory in Fig. 2 and Eq. (3). We compare with ViT again on ImageNet.';
    expect(abstractNames(abstract)).toEqual(['ViT', 'ResNet-50', 'PPO', 'InstructGPT', 'GPT-4', 'T5', 'KV', 'ImageNet']);
  });

  test('not a capital that begins a sentence or a name, a year, a number and its unit, or a piece of a link', () => {
    expect(abstractNames('The Transformer of Vaswani (2017) runs 2.6x faster at 7B and 32k tokens, on 80GB GPUs at the 95th percentile with lr 1e-3.')).toEqual(['GPUs']);
    // A capital after a capital and a hyphen makes a name; after a word and a hyphen it does not.
    expect(abstractNames('A U-Net and an R-CNN, Self-Supervised.')).toEqual(['U-Net', 'R-CNN']);
    expect(abstractNames('Code: https://github.com/RulinShao/retrieval-scaling and github.com/hwy9855/mask.')).toEqual([]);
    // A dash after a name is not part of it.
    expect(abstractNames('a CNN-- and then LSTM-')).toEqual(['CNN', 'LSTM']);
  });

  test("a version's point, letters outside ASCII and typeset hyphens are part of a name", () => {
    expect(abstractNames('We distill GPT-3.5-turbo into Qwen2.5-7B. Both beat GPT-4. Then 2.6x faster.')).toEqual(['GPT-3.5-turbo', 'Qwen2.5-7B', 'GPT-4']);
    expect(abstractNames('ÉcoleNet and μTransfer tune a naïve École model.')).toEqual(['ÉcoleNet', 'μTransfer']);
    // Chinese or Japanese around a name, written without spaces, is not part of it.
    expect(abstractNames('我们使用GPT-4进行评估，并与LLaMA-2比较。')).toEqual(['GPT-4', 'LLaMA-2']);
    // U+2011 (non-breaking hyphen) and U+2010 (hyphen), as PDFs and typeset pages write them.
    expect(abstractNames('We compare GPT\u20114 with U\u2010Net.')).toEqual(['GPT\u20114', 'U\u2010Net']);
  });

  test('at most MAX_ABSTRACT_NAMES, and none longer than a name', () => {
    const many = Array.from({ length: 40 }, (_, k) => `Model${k}X`).join(' ');
    expect(abstractNames(many)).toHaveLength(MAX_ABSTRACT_NAMES);
    expect(abstractNames(`A ${'aB'.repeat(30)} hash`)).toEqual([]);
  });
});
