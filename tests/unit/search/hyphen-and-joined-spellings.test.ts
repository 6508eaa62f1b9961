import { describe, expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex, updateSearchSnapshot } from '../../../src/search/search-index';
import { compoundTerms, queryJoins } from '../../../src/search/tokenize';
import { typoSearch } from '../../../src/search/typo-search';
import { titleDocument } from './title-document';

// Titles as the store holds them (the daily papers QA searched), each word in one spelling only.
const DOCUMENTS = [
  titleDocument('2407.08608', 'FlashAttention-3: Fast and Accurate Attention with Asynchrony and Low-precision'),
  titleDocument('2407.14482', 'ChatQA 2: Bridging the Gap to Proprietary LLMs in Long Context and RAG Capabilities'),
  titleDocument('2410.00001', 'Efficient Adapter Finetuning for Tail Languages in Streaming Multilingual ASR'),
  titleDocument('2410.00002', 'Rethinking Scale: The Efficacy of Fine-Tuned Open-Source LLMs in Large-Scale Reproducible Social Science Research'),
  titleDocument('2410.00003', 'Stack Over-Flowing with Results: The Case for Domain-Specific Pre-Training over One-Size-Fits-All Models'),
  titleDocument('2410.00004', 'Rephrasing natural text data for pretraining language models'),
  titleDocument('2410.00005', 'When Is Multi-Linguality a Curse? Language Modeling for 250 Languages'),
  titleDocument('2410.00006', 'Scaling Laws for Multilingual Neural Machine Translation'),
  titleDocument('2410.00007', 'LLaMA Pro: Progressive LLaMA with Block Expansion'),
  titleDocument('2410.00008', 'Across the Board: Results from 2023-2024'),
  titleDocument('2410.00009', 'Fine-tuning Large Language Models with Sequential Instructions'),
  titleDocument('2410.00010', 'Finetuning Large Language Models for Vulnerability Detection'),
];

const index = new SearchIndex(buildSearchSnapshot(DOCUMENTS));
const idsFor = (query: string, prefixLast = true) => index.search(query, 20, { prefixLast }).map((hit) => hit.id);

describe('a word hyphenated, joined or written as one name finds the papers that spell it otherwise', () => {
  test.each([
    // "Fine-Tuned" is a form of the word too (word-forms.ts).
    ['fine-tuning', ['2410.00001', '2410.00002', '2410.00009', '2410.00010']],
    ['finetuning', ['2410.00001', '2410.00002', '2410.00009', '2410.00010']],
    ['fine tuning', ['2410.00001', '2410.00002', '2410.00009', '2410.00010']],
    ['pre-training', ['2410.00003', '2410.00004']],
    ['pretraining', ['2410.00003', '2410.00004']],
    ['multi-lingual', ['2410.00001', '2410.00006']],
    ['multilingual', ['2410.00001', '2410.00006']],
    ['multilinguality', ['2410.00005']],
    ['flash attention', ['2407.08608']],
    ['flash-attention', ['2407.08608']],
    ['flashattention', ['2407.08608']],
    ['FlashAttention-3', ['2407.08608']],
    ['chat qa', ['2407.14482']],
    ['chatqa', ['2407.14482']],
    ['open source', ['2410.00002']],
    ['opensource', ['2410.00002']],
  ])('"%s"', (query, ids) => {
    expect(idsFor(query, false).sort()).toEqual(ids);
    expect(idsFor(query).sort()).toEqual(expect.arrayContaining(ids));
  });

  test('while the joined word is being typed', () => {
    for (const typed of ['fine-tu', 'fine tun', 'finetun']) expect(idsFor(typed), typed).toEqual(expect.arrayContaining(['2410.00001', '2410.00009', '2410.00010']));
    for (const typed of ['flash att', 'flash-at', 'flashatt', 'chat q']) expect(idsFor(typed), typed).toContain(index.search(typed.startsWith('chat') ? 'chatqa' : 'flashattention')[0]!.id);
  });

  test('the paper spelling the word as typed comes first', () => {
    // Two papers alike but for the spelling: the one spelled as typed ranks first either way.
    expect(idsFor('fine-tuning large language models', false)[0]).toBe('2410.00009');
    expect(idsFor('finetuning large language models', false)[0]).toBe('2410.00010');
    expect(idsFor('fine tuning large language models', false)[0]).toBe('2410.00009');
  });

  test('a name and its version written apart are found typed as one ("llama2" finds "Llama 2"), not a section or a decimal', () => {
    const versions = new SearchIndex(
      buildSearchSnapshot([
        titleDocument('2307.09288', 'Llama 2: Open Foundation and Fine-Tuned Chat Models'),
        titleDocument('2404.14219', 'Phi-3 Technical Report'),
        titleDocument('2309.14316', 'Physics of Language Models: Part 3.1, Knowledge Storage and Extraction'),
        titleDocument('2410.00011', 'Trained in 2 Steps'),
      ]),
    );
    const found = (query: string) => versions.search(query, 20, { prefixLast: false }).map((hit) => hit.id);
    expect(found('llama2')).toEqual(['2307.09288']);
    expect(found('llama 2')).toEqual(['2307.09288']);
    expect(found('phi3')).toEqual(['2404.14219']);
    expect(found('part3')).toEqual([]);
    expect(compoundTerms('Llama 2, ChatQA 2: GPT 4 and Qwen 2.5 in 2 steps, Part 3.1, In 2023')).toEqual(['llama2', 'chatqa2', 'gpt4', 'chat', 'qa']);
  });

  test('names made of syllables, words joined with a stopword and number ranges are left as they are', () => {
    // "LLaMA" is no "la" + "ma", "a cross" is not "across", 2023-2024 is no number 20232024.
    expect(idsFor('ma', false)).toEqual([]);
    expect(idsFor('a cross', false)).toEqual([]);
    expect(idsFor('20232024', false)).toEqual([]);
    expect(compoundTerms('LLaMA LoRA MoE PaLM iPhone 2023-2024')).toEqual([]);
    expect(compoundTerms('FlashAttention-3, ChatQA, OpenAI, LLMRec, state-of-the-art, Jean-Pierre, multi\u2010lingual')).toEqual([
      'flashattention3', 'stateoftheart', 'jeanpierre', 'multilingual', 'flash', 'attention', 'chat', 'qa', 'open', 'ai', 'llm', 'rec',
    ]);
  });

  test('a query joins hyphenated words whole and two words side by side', () => {
    expect(queryJoins('state-of-the-art flash attention')).toEqual([
      { joined: 'stateoftheart', words: ['state', 'art'], last: false, kind: 'spelling' },
      { joined: 'artflash', words: ['art', 'flash'], last: false, kind: 'spelling' },
      { joined: 'flashattention', words: ['flash', 'attention'], last: true, kind: 'spelling' },
    ]);
    expect(queryJoins('on-device models in a cross')).toEqual([
      { joined: 'ondevice', words: ['device'], last: false, kind: 'compound' },
      { joined: 'devicemodels', words: ['device', 'models'], last: false, kind: 'spelling' },
      { joined: 'across', words: ['cross'], last: true, kind: 'ranking' },
    ]);
  });

  test('a stopword and a word hyphenated find that compound, not the word in another ("in-context" is not "long-context")', () => {
    const compounds = new SearchIndex(
      buildSearchSnapshot([
        titleDocument('2301.00234', 'A Survey on In-Context Learning'),
        titleDocument('2402.13753', 'LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens for Long-Context Learning'),
        titleDocument('2306.13649', 'On-Policy Distillation of Language Models: Learning from Self-Generated Mistakes'),
        titleDocument('2403.00001', 'Off-Policy Evaluation for Large Action Spaces via Policy Convolution'),
        titleDocument('2403.00002', 'Efficient On-Device Inference of Language Models'),
        titleDocument('2403.00003', 'Device Placement Optimization with Reinforcement Learning'),
        titleDocument('2403.00004', 'State of the Art in Dense Retrieval'),
        titleDocument('2403.00005', 'State-of-the-Art Speech Recognition'),
        titleDocument('2403.00006', 'Speech Recognition in the Wild'),
        titleDocument('2403.00007', 'Detecting Objects In-the-Wild'),
      ]),
    );
    const found = (query: string, prefixLast = false) => compounds.search(query, 20, { prefixLast }).map((hit) => hit.id).sort();
    expect(found('in-context learning')).toEqual(['2301.00234']);
    expect(found('In-Context')).toEqual(['2301.00234']);
    expect(found('in-context learning', true)).toEqual(['2301.00234']);
    expect(found('on-policy')).toEqual(['2306.13649']);
    expect(found('off-policy')).toEqual(['2403.00001']);
    expect(found('on-device')).toEqual(['2403.00002']);
    // Typed with spaces, or stopwords inside a compound: the words, however they are written
    // (with a space, the papers writing the compound first).
    expect(found('in context learning')).toEqual(['2301.00234', '2402.13753']);
    expect(found('context learning')).toEqual(['2301.00234', '2402.13753']);
    expect(found('state-of-the-art')).toEqual(['2403.00004', '2403.00005']);
    expect(found('in-the-wild')).toEqual(['2403.00006', '2403.00007']);
    // Titles that write "in-context" without "in-context learning" still come before long-context ones.
    const ranked = new SearchIndex(
      buildSearchSnapshot([
        titleDocument('long-1', 'Long-Context Learning for Language Models'),
        titleDocument('long-2', 'Efficient Long-Context Learning with Memory'),
        titleDocument('icl-1', 'Why Can GPT Learn In-Context? Language Models Implicitly Perform Gradient Descent'),
        titleDocument('icl-2', 'What Makes Good In-Context Examples for GPT-3? Learning to Select'),
      ]),
    );
    const inContext = ranked.search('in context learning', 20, { prefixLast: false }).map((hit) => hit.id);
    expect(inContext.slice(0, 2).sort()).toEqual(['icl-1', 'icl-2']);
    expect(inContext.slice(2).sort()).toEqual(['long-1', 'long-2']);
    // While the compound is typed, it is begun; a typo in it is forgiven, as in a word.
    expect(found('in-cont', true)).toEqual(['2301.00234']);
    expect(found('in-contxt learning')).toEqual(['2301.00234']);
    expect(found('on-polcy', true)).toEqual(['2306.13649']);
  });

  test('an index updated with a paper finds its other spellings too', () => {
    const updated = new SearchIndex(updateSearchSnapshot(buildSearchSnapshot(DOCUMENTS.slice(0, 2)), [titleDocument('2410.00011', 'Pre-trained Transformers for Multi-Lingual OCR')], new Set(['2410.00011'])));
    expect(updated.search('pretrained multilingual').map((hit) => hit.id)).toEqual(['2410.00011']);
  });

  test('a list searched beside the store (saved papers, papers opened) finds them so too', () => {
    const saved = [{ title: 'FlashAttention-3: Fast and Accurate Attention' }, { title: 'Finetuning LLMs' }, { title: 'Multi-lingual ASR' }];
    const search = typoSearch(saved, (item) => ({ title: item.title, authors: [], other: [] }));
    expect(search.matches('flash attention', 5)).toEqual([saved[0]]);
    expect(search.matches('fine-tuning', 5)).toEqual([saved[1]]);
    expect(search.matches('multilingual', 5)).toEqual([saved[2]]);
  });
});
