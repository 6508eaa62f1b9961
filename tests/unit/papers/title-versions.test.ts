import { expect, test } from 'vitest';
import { titlesSpelledAlike } from '../../../src/papers/title-versions';

const SPECDEC = 'SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths';
const ADAPTER = 'Efficient Adapter Finetuning for Tail Languages in Streaming Multilingual ASR';

test.each([
  [SPECDEC, 'SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Length'],
  [ADAPTER, 'Efficient Adapter Fine-tuning for Tail Languages in Streaming Multilingual ASR'],
  ['Generalisation in Optimisation', 'Generalization in optimization'],
  ['Post-Training Quantization', 'Post Training Quantization'],
])('%s and %s are one title spelled otherwise', (a, b) => {
  expect(titlesSpelledAlike(a, b)).toBe(true);
});

test.each([
  ['ReAGent: Towards A Model-agnostic Feature Attribution Method for Generative Language Models', 'ReAGent'],
  [SPECDEC, `${SPECDEC} and Beyond`],
  [
    'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations in Large Vision Language Models for Detailed Caption',
    'HallE-Control: Controlling Object Hallucination in Large Multimodal Models',
  ],
  ['', ''],
])('%s and %s are titles of other versions', (a, b) => {
  expect(titlesSpelledAlike(a, b)).toBe(false);
});
