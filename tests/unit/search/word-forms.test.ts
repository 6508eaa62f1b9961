import { describe, expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex } from '../../../src/search/search-index';
import { typoSearch } from '../../../src/search/typo-search';
import { wordBase } from '../../../src/search/word-forms';
import { titleDocument } from './title-document';

describe('a word and its inflections read alike', () => {
  test.each([
    [['follow', 'follows', 'followed', 'following']],
    [['instruction', 'instructions']],
    [['llm', 'llms'], ['gpu', 'gpus']],
    [['model', 'models', 'modeling', 'modelling', 'modeled']],
    [['embedding', 'embeddings', 'embedded']],
    [['study', 'studies', 'studied', 'studying']],
    [['approach', 'approaches'], ['loss', 'losses'], ['process', 'processes', 'processing']],
    [['encode', 'encoded', 'encoding', 'encodes'], ['image', 'images']],
    [['speed', 'speeds'], ['need', 'needs', 'needed']],
    [['embed', 'embeds', 'embedded', 'embedding'], ['testbed', 'testbeds']],
    [['bias', 'biases', 'biased'], ['lens', 'lenses'], ['alias', 'aliases']],
    // British and American spellings.
    [['optimise', 'optimize', 'optimised', 'optimizing', 'optimises'], ['optimisation', 'optimizations'], ['optimiser', 'optimizers']],
    [['analyse', 'analyze', 'analysed', 'analyzing'], ['tokenisation', 'tokenization'], ['quantised', 'quantized']],
    // A verb in "-ize" and its nouns (QA: "quantized" missed the quantization papers, "optimizer" Adam's).
    [['quantize', 'quantized', 'quantization', 'quantizations', 'quantisation', 'quantizer', 'quantizers'], ['optimizer', 'optimization', 'optimise', 'optimisers'], ['tokenizer', 'tokenization', 'tokenize']],
    [['behaviour', 'behaviors'], ['behavioural', 'behavioral'], ['neighbour', 'neighbors'], ['neighbourhood', 'neighborhood'], ['colour', 'colored']],
    [['dialogue', 'dialogues', 'dialog', 'dialogs'], ['catalogue', 'catalog']],
    [['centre', 'centres', 'center', 'centered'], ['fibre', 'fiber'], ['defence', 'defenses'], ['licence', 'license']],
    [['programme', 'programmes', 'program', 'programs'], ['judgement', 'judgements', 'judgment'], ['acknowledgement', 'acknowledgments'], ['artefact', 'artefacts', 'artifacts'], ['learnt', 'learned', 'learning']],
  ])('%j', (...groups) => {
    for (const group of groups) expect(new Set(group.map(wordBase)), group.join(' ')).toHaveProperty('size', 1);
  });

  test('words that only look inflected, and derived words, keep their own reading', () => {
    for (const [a, b] of [['corpus', 'corp'], ['analysis', 'analysi'], ['string', 'str'], ['attention', 'attend'], ['transformer', 'transform'], ['gpt4', 'gpt'], ['news', 'new'], ['evening', 'even'], ['morning', 'morn'], ['analysis', 'analyse'], ['laboratory', 'labor'], ['hour', 'hor'], ['four', 'for']]) {
      expect(wordBase(a!), `${a} / ${b}`).not.toBe(wordBase(b!));
    }
  });
});

// Titles as the store holds them, each in one form of its words.
const DOCUMENTS = [
  titleDocument('2203.02155', 'Training language models to follow instructions with human feedback'),
  titleDocument('2410.00011', 'Following Length Constraints in Instructions'),
  titleDocument('2308.11432', 'A Survey on Large Language Model based Autonomous Agents'),
  titleDocument('2402.01680', 'Large Language Model based Multi-Agents: A Survey of Progress and Challenges'),
  titleDocument('2309.07864', 'The Rise and Potential of Large Language Model Based Agents: A Survey'),
  titleDocument('2401.00001', 'Are LLMs Good Annotators for Discourse-level Event Relation Extraction?'),
  titleDocument('2401.00002', 'Attend to Tokens: Sparse Retrieval Heads'),
];

const index = new SearchIndex(buildSearchSnapshot(DOCUMENTS));
const idsFor = (query: string, prefixLast = true) => index.search(query, 20, { prefixLast }).map((hit) => hit.id);

describe('search finds a word in its other forms', () => {
  test('"quantized" and "quantize" find "Quantization" titles, and "quantization" finds "Quantized" ones (QA: 5 results against 20)', () => {
    const titles = new SearchIndex(buildSearchSnapshot([titleDocument('2210.17323', 'GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers'), titleDocument('2402.00001', 'A Quantized Mixture of Experts')]));
    for (const query of ['quantized', 'quantize', 'quantization', 'quantisation']) {
      expect(titles.search(query, 20, { prefixLast: false }).map((hit) => hit.id).sort(), query).toEqual(['2210.17323', '2402.00001']);
    }
  });

  test('"instruction following" finds "… to follow instructions …" (it found nothing), typed or whole, and the paper with the words as typed comes first', () => {
    for (const prefixLast of [true, false]) {
      const found = idsFor('instruction following', prefixLast);
      expect(found).toContain('2203.02155');
      expect(found[0]).toBe('2410.00011');
    }
  });

  test('a plural finds the singular and the other way round, before the last word too', () => {
    expect(idsFor('llm annotators', false)).toEqual(['2401.00001']);
    expect(idsFor('survey agents', false).sort()).toEqual(['2308.11432', '2309.07864', '2402.01680']);
  });

  test('a typo that reads as a form of another word is still forgiven: "transformes" finds the Transformer papers', () => {
    const typoIndex = new SearchIndex(
      buildSearchSnapshot([
        titleDocument('1706.03762', 'Attention Is All You Need: Transformers for translation'),
        titleDocument('2010.11929', 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale'),
        titleDocument('2401.00003', 'Vision Transformer pruning'),
        titleDocument('2401.00004', 'Learning to transform images'),
      ]),
    );
    const found = (query: string) => typoIndex.search(query, 20, { prefixLast: false }).map((hit) => hit.id);
    expect(found('transformes')).toEqual(expect.arrayContaining(['1706.03762', '2010.11929']));
    expect(found('vision transformes')).toEqual(['2401.00003']);
  });

  test('"fake news" finds the fake-news paper, not every "new" one; "embed" finds embedding papers; "bias" finds "biases"', () => {
    const wordIndex = new SearchIndex(
      buildSearchSnapshot([
        titleDocument('1708.01967', 'Fake News Detection on Social Media: A Data Mining Perspective'),
        titleDocument('2401.00005', 'A New Fake Image Detector'),
        titleDocument('1301.03781', 'Efficient Estimation of Word Representations in Vector Space: Embeddings'),
        titleDocument('2401.00006', 'Measuring Biases in Language Models'),
      ]),
    );
    const found = (query: string) => wordIndex.search(query, 20, { prefixLast: false }).map((hit) => hit.id);
    expect(found('fake news')).toEqual(['1708.01967']);
    expect(found('embed')).toEqual(['1301.03781']);
    expect(found('bias')).toEqual(['2401.00006']);
  });

  test('no word is found by a derived one or by what it begins with, typed whole', () => {
    expect(idsFor('attention', false)).toEqual([]);
    expect(idsFor('instruct', false)).toEqual([]);
  });

  test("a list searched beside the store (saved papers) finds a word's forms as the store does", () => {
    const saved = DOCUMENTS.map((document) => ({ title: document.title }));
    const found = typoSearch(saved, (entry) => ({ title: entry.title, authors: [], other: [] })).matches('instruction following', 10);
    expect(found.map((entry) => entry.title)).toContain('Training language models to follow instructions with human feedback');
  });

  test('a British spelling finds the American one and the other way round, typed whole or being typed, in the store and in a saved list', () => {
    const spellings = [
      titleDocument('2401.00011', 'Stochastic Optimisation of Sparse Networks'),
      titleDocument('2401.00012', 'Neighborhood Attention Transformer'),
      titleDocument('2401.00013', 'Task-Oriented Dialogue with Behaviour Cloning'),
      titleDocument('2401.00014', 'Analyzing Defenses Against Prompt Injection'),
      titleDocument('2401.00015', 'Scaling Favourably with Depth'),
      // "favorably" is no typo here: a word of the index, its forms are looked for.
      titleDocument('2401.00016', 'Models that Behave Favorably'),
      titleDocument('2401.00017', 'LLM-as-a-Judge: Human Judgement of Chatbot Artefacts'),
    ];
    const spellingIndex = new SearchIndex(buildSearchSnapshot(spellings));
    const saved = typoSearch(spellings, (entry) => ({ title: entry.title, authors: [], other: [] }));
    for (const [query, id] of [
      ['stochastic optimization', '2401.00011'],
      ['optimizations sparse', '2401.00011'],
      ['neighbourhood attention', '2401.00012'],
      ['dialog behavior cloning', '2401.00013'],
      ['analysing defences', '2401.00014'],
      ['scaling favorably', '2401.00015'],
      ['depth favorably', '2401.00015'],
      ['human judgment', '2401.00017'],
      ['chatbot artifacts', '2401.00017'],
    ] as const) {
      for (const prefixLast of [true, false]) expect(spellingIndex.search(query, 20, { prefixLast }).map((hit) => hit.id), `${query} ${prefixLast}`).toEqual([id]);
      expect(saved.matches(query, 10).map((entry) => entry.id), query).toEqual([id]);
    }
  });
});
