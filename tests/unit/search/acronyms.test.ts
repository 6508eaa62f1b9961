import { describe, expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex, type SearchDocument } from '../../../src/search/search-index';
import { titleDocument } from './title-document';

/** A paper known by its title and its TL;DR. */
const textDocument = (id: string, title: string, text: string): SearchDocument => ({ ...titleDocument(id, title), text });

// Each paper writes an acronym or its long form, never both.
const DOCUMENTS = [
  titleDocument('moe-long', 'Sparse Mixture-of-Experts Layers for Vision'),
  titleDocument('moe-short', 'MoE Routing at Scale'),
  titleDocument('rag-short', 'RAG for Open-Domain Question Answering'),
  titleDocument('rag-long', 'Retrieval Augmented Generation for Code'),
  titleDocument('llm-plural', 'LLMs Can Plan'),
  titleDocument('llm-long', 'Large Language Models Are Reasoners'),
  titleDocument('rlhf-short', 'RLHF without Rewards'),
  titleDocument('rlhf-long', 'Reinforcement Learning from Human Feedback at Scale'),
  titleDocument('kv-short', 'Compressing the KV Cache'),
  titleDocument('kv-long', 'Key-Value Cache Eviction'),
  titleDocument('lora-short', 'QLoRA and LoRA Adapters for Tiny Devices'),
  titleDocument('lora-long', 'Low-Rank Adaptation of Speech Encoders'),
  titleDocument('cot-long', 'Chains of Thought Elicit Planning'),
  textDocument('icl-text', 'Demonstration Selection', 'We choose demonstrations for ICL by their similarity to the query.'),
  textDocument('vit-text', 'Patch Dropout', 'Dropping patches speeds up training vision transformers.'),
  titleDocument('vit-short', 'Token Merging for ViTs'),
  // Words an acronym of the table is part of, or long forms with a word missing: none is one.
  titleDocument('ragged', 'Ragged Batches and Drag Forces in Fluid Simulation'),
  textDocument('long-context', 'Long-Context Learning', 'Learning from human feedback on long-context tasks.'),
  titleDocument('vitamin', 'Vitamin Intake Prediction with Large Language Data'),
  titleDocument('maml-long', 'Model-Agnostic Meta-Learning for Fast Adaptation of Deep Networks'),
  titleDocument('ood-short', 'Energy Scores for OOD Detection'),
  titleDocument('ood-long', 'Out-of-Distribution Generalization via Invariance'),
];

const index = new SearchIndex(buildSearchSnapshot(DOCUMENTS));
/** The ids found for a query typed whole (`typing`: its last word being typed), best first. */
const idsFor = (query: string, typing = false) => index.search(query, 20, { prefixLast: typing }).map((hit) => hit.id);

describe('an ML acronym finds its long form and the long form the acronym', () => {
  test.each([
    ['moe', ['moe-long', 'moe-short']],
    ['mixture of experts', ['moe-long', 'moe-short']],
    ['mixtures of experts', ['moe-long', 'moe-short']],
    ['mixture-of-experts', ['moe-long', 'moe-short']],
    ['rag', ['rag-long', 'rag-short']],
    ['retrieval augmented generation', ['rag-long', 'rag-short']],
    ['retrieval-augmented generation', ['rag-long', 'rag-short']],
    ['llm', ['llm-long', 'llm-plural']],
    ['llms', ['llm-long', 'llm-plural']],
    ['large language model', ['llm-long', 'llm-plural']],
    ['rlhf', ['rlhf-long', 'rlhf-short']],
    ['reinforcement learning from human feedback', ['rlhf-long', 'rlhf-short']],
    ['kv cache', ['kv-long', 'kv-short']],
    ['key-value cache', ['kv-long', 'kv-short']],
    ['lora', ['lora-long', 'lora-short']],
    ['low-rank adaptation', ['lora-long', 'lora-short']],
    ['cot', ['cot-long']],
    ['vit', ['vit-short', 'vit-text']],
    ['vision transformer', ['vit-short', 'vit-text']],
    ['maml', ['maml-long']],
    ['ood', ['ood-long', 'ood-short']],
    ['out-of-distribution', ['ood-long', 'ood-short']],
  ])('"%s"', (query, ids) => {
    expect(idsFor(query).sort()).toEqual(ids);
  });

  test('"in-context learning" finds the paper writing ICL, and not the one on long-context learning', () => {
    expect(idsFor('in-context learning')).toEqual(['icl-text']);
  });

  test("by a name only the paper's abstract writes: \"mixture of experts\" finds the paper whose abstract alone says MoE, below those whose title or TL;DR does", () => {
    const abstractOnly: SearchDocument = { ...titleDocument('moe-abstract', 'Routing Tokens at Scale'), names: 'MoE GPT-4' };
    // A longer text, which BM25's length normalisation weighs down.
    const inTldr = textDocument('moe-tldr', 'Knowledge Capacity Scaling Laws', 'Language models store 2 bits of knowledge per parameter, also under sparsity constraints such as MoE, quantization and noise.');
    const withAbstract = new SearchIndex(buildSearchSnapshot([abstractOnly, inTldr, ...DOCUMENTS]));
    const found = withAbstract.search('mixture of experts', 20, { prefixLast: false }).map((hit) => hit.id);
    expect(found.slice(0, 2).sort()).toEqual(['moe-long', 'moe-short']);
    expect(found.slice(2)).toEqual(['moe-tldr', 'moe-abstract']);
    expect(withAbstract.search('moe', 20, { prefixLast: false }).map((hit) => hit.id)).toContain('moe-abstract');
    // A name weighs as one, whatever acronym comes before it ("ViT" stands for "vision transformer").
    const names = (written: string) => new SearchIndex(buildSearchSnapshot([{ ...titleDocument('a', 'Patch Dropout'), names: written }, { ...titleDocument('b', 'Token Merging'), names: 'Transformer-XL' }]));
    const order = (written: string) => names(written).search('transformer', 5, { prefixLast: false }).map((hit) => hit.id);
    expect(order('ViT Transformer-XL')).toEqual(order('Transformer-XL ViT'));
  });

  test('while the last word is being typed', () => {
    expect(idsFor('mixture of exp', true).sort()).toEqual(['moe-long', 'moe-short']);
    expect(idsFor('rlh', true).sort()).toEqual(['rlhf-long', 'rlhf-short']);
    expect(idsFor('retrieval augmented gen', true).sort()).toEqual(['rag-long', 'rag-short']);
    expect(idsFor('key-value ca', true).sort()).toEqual(['kv-long', 'kv-short']);
  });

  test('not by words that only contain an acronym, nor by a long form with a word missing', () => {
    // "ragged" and "drag" are no RAG, "long-context learning" is no in-context learning, "learning
    // from human feedback" no RLHF, "vitamin" no ViT, "large language data" no LLM.
    expect(idsFor('rag')).not.toContain('ragged');
    expect(idsFor('rag').sort()).toEqual(['rag-long', 'rag-short']);
    expect(idsFor('icl')).toEqual(['icl-text']);
    expect(idsFor('rlhf').sort()).toEqual(['rlhf-long', 'rlhf-short']);
    expect(idsFor('vit').sort()).toEqual(['vit-short', 'vit-text']);
    expect(idsFor('llm').sort()).toEqual(['llm-long', 'llm-plural']);
  });
});

describe('the paper with the words as typed ranks first', () => {
  // Pairs alike but for writing the acronym or its long form, in the title or in the text.
  const PAIRS = [
    [titleDocument('typed-moe', 'MoE Layers for Vision'), titleDocument('typed-long', 'Mixture of Experts Layers for Vision')],
    [titleDocument('typed-rlhf', 'RLHF'), titleDocument('typed-long', 'Reinforcement Learning from Human Feedback')],
    [titleDocument('typed-llms', 'LLMs Can Plan'), titleDocument('typed-long', 'Large Language Models Can Plan')],
    [textDocument('typed-rag', 'Code Search', 'We use RAG for code.'), textDocument('typed-long', 'Code Search', 'We use retrieval-augmented generation for code.')],
  ];

  test.each(PAIRS.map(([acronym, longForm]) => [acronym!.id, acronym!, longForm!] as const))('%s', (_id, acronym, longForm) => {
    const query = acronym.id.replace('typed-', '');
    const longFormQuery = (longForm.title + ' ' + longForm.text).match(/mixture of experts|reinforcement learning from human feedback|large language models|retrieval-augmented generation/i)![0];
    // Either order of the two in the store: ties would keep it.
    for (const documents of [
      [acronym, longForm],
      [longForm, acronym],
    ]) {
      const pair = new SearchIndex(buildSearchSnapshot(documents));
      expect(pair.search(query, 5, { prefixLast: false }).map((hit) => hit.id)).toEqual([acronym.id, longForm.id]);
      expect(pair.search(longFormQuery, 5, { prefixLast: false }).map((hit) => hit.id)).toEqual([longForm.id, acronym.id]);
    }
  });
});
