import { beforeAll, describe, expect, test } from 'vitest';
import { buildSearchSnapshot, SearchIndex, type SearchDocument } from '../../../src/search/search-index';
import { buildSeedAsset } from '../../../scripts/seed-build';
import { searchDocument, searchRows } from '../../../src/db/search';
import { acronymReader } from '../../../src/search/acronyms';
import { compoundTerms, readText } from '../../../src/search/tokenize';
import { wordBase } from '../../../src/search/word-forms';
import { titleDocument } from './title-document';
import type { Paper } from '../../../src/schema';

let seedIndex: SearchIndex;
let papers: Paper[];

beforeAll(async () => {
  papers = (await buildSeedAsset()).papers;
  seedIndex = new SearchIndex(buildSearchSnapshot(papers.map(searchDocument)));
});

const titleOf = (id: string) => papers.find((paper) => paper.id === id)!.title;

/** The ids an index of these documents answers a query with, best first. */
function searchOver(documents: SearchDocument[]): (query: string) => string[] {
  const index = new SearchIndex(buildSearchSnapshot(documents));
  return (query) => index.search(query).map((hit) => hit.id);
}

describe('search over the seed store', () => {
  test('a title word finds its paper first', () => {
    const [best] = seedIndex.search('salamandra');
    expect(titleOf(best!.id)).toBe('Salamandra Technical Report');
  });

  test('every word must match; ranking puts title hits first', () => {
    const hits = seedIndex.search('speculative decoding');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const paper = papers.find((candidate) => candidate.id === hit.id)!;
      const text = `${paper.title} ${paper.summary.tldr} ${paper.summary.topics.join(' ')}`.toLowerCase();
      expect(text).toContain('speculative');
      expect(text).toMatch(/decod/);
    }
    expect(titleOf(hits[0]!.id).toLowerCase()).toContain('speculative decoding');
  });

  test('the word being typed matches as a prefix', () => {
    expect(seedIndex.search('quantiz').map((hit) => titleOf(hit.id)).some((title) => /quantization/i.test(title))).toBe(true);
    // Typed whole, it finds only the words it is a form of ("quantize": Quantizing, Quantized, and its
    // noun Quantization), none it merely begins.
    const whole = seedIndex.search('quantiz', 20, { prefixLast: false }).map((hit) => papers.find((candidate) => candidate.id === hit.id)!);
    expect(whole.some((paper) => /quantization/i.test(paper.title))).toBe(true);
    for (const paper of whole) expect(`${paper.title} ${paper.summary.tldr} ${paper.summary.topics.join(' ')}`).toMatch(/\bquantiz(?:e|ed|es|ing|ation|ations|er|ers)\b/i);
  });

  test('a word typed whole ranks the papers holding it above those holding a rarer word it begins', () => {
    const search = searchOver([
      titleDocument('2401.00001', 'BERTgrid: Contextualized Embedding for 2D Document Representation'),
      titleDocument('2401.00002', 'BERT: Pre-training of Deep Bidirectional Transformers'),
      titleDocument('2401.00003', 'Fine-tuning BERT for Passage Ranking'),
      titleDocument('2401.00004', 'What Does BERT Look At?'),
      titleDocument('2401.00005', 'Deepström Networks'),
      titleDocument('2401.00006', 'Deep Networks'),
      titleDocument('2401.00007', 'Deep Sets'),
    ]);
    // As typed in the popup (the last word a prefix): every paper holding "bert" comes before BERTgrid.
    expect(search('bert').slice(0, 3).sort()).toEqual(['2401.00002', '2401.00003', '2401.00004']);
    expect(search('bert')).toContain('2401.00001');
    expect(search('deep')[2]).toBe('2401.00005');
    // Typed in part, no completion outranks the commonest for being rarer.
    expect(search('dee')[2]).toBe('2401.00005');
  });

  test('the paper titled as the query, or named so before its colon, comes first, whatever the length of its TL;DR', () => {
    const long = 'We propose a new framework for estimating generative models via an adversarial process, in which we simultaneously train two models that compete';
    const documents = [
      { ...titleDocument('1406.2661', 'Generative Adversarial Networks'), text: long },
      titleDocument('2401.00001', 'From Adversarial Training to Generative Adversarial Networks'),
      titleDocument('2401.00002', 'Generative Adversarial Networks for Video'),
      { ...titleDocument('1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'), text: long },
      titleDocument('2401.00003', 'BERT Rediscovers the Classical NLP Pipeline'),
    ];
    const index = new SearchIndex(buildSearchSnapshot(documents));
    const context = { statusOf: new Map(), live: null };
    expect(index.search('generative adversarial networks')[0]!.id).not.toBe('1406.2661');
    expect(searchRows(index, context, 'generative adversarial networks', 20)[0]!.id).toBe('1406.2661');
    expect(searchRows(index, context, 'Generative Adversarial Networks', 20)[0]!.id).toBe('1406.2661');
    expect(searchRows(index, context, 'bert', 20)[0]!.id).toBe('1810.04805');
    // Not a title's words in part.
    expect(searchRows(index, context, 'adversarial networks', 20)[0]!.id).toBe(index.search('adversarial networks')[0]!.id);
  });

  test('a word the index lacks finds the terms one typo away; a word it has is taken as typed', () => {
    const typed = seedIndex.search('specultive decodnig');
    expect(typed.map((hit) => hit.id)).toEqual(seedIndex.search('speculative decoding').map((hit) => hit.id));
    expect(typed.length).toBeGreaterThan(0);
    // Swapped letters, a letter too many, one changed.
    for (const word of ['salamnadra', 'salamandraa', 'salamendra']) expect(seedIndex.search(word)[0]?.id, word).toBe(seedIndex.search('salamandra')[0]!.id);
    // Short words are not guessed; a known word is not widened to its neighbours.
    expect(seedIndex.search('lnag', 20, { prefixLast: false })).toEqual([]);
    const acronymTerms = acronymReader();
    const tokensOf = (id: string) => {
      const document = searchDocument(papers.find((paper) => paper.id === id)!);
      const { tokens, words } = readText(`${document.title} ${document.text}`);
      const names = readText(document.names).words;
      return new Set([...tokens, ...[...acronymTerms(words), ...acronymTerms(names)].map(({ term }) => term)]);
    };
    const hits = seedIndex.search('model', 100, { prefixLast: false });
    expect(hits.length).toBeGreaterThan(0);
    // Its own forms are no neighbours: "models", "modeling" (tests/unit/search/word-forms.test.ts),
    // nor are the papers writing an acronym of a model ("LLMs": acronyms.ts), the abstract's names too.
    for (const hit of hits) expect([...tokensOf(hit.id)].some((token) => wordBase(token) === 'model'), titleOf(hit.id)).toBe(true);
  });

  test('an author with an apostrophe is found with either apostrophe, or none', () => {
    const ids = searchOver([
      { id: '2011.03395', title: 'Underspecification', text: '', authors: "Alexander D'Amour Conor O'Brien", names: '', row: '{}' },
      { id: '2401.00002', title: 'Curly', text: '', authors: 'Sean O’Neill', names: '', row: '{}' },
    ]);
    for (const query of ["O'Brien", 'O’Brien', 'obrien', 'damour']) expect(ids(query), query).toEqual(['2011.03395']);
    for (const query of ["O'Neill", 'oneill']) expect(ids(query), query).toEqual(['2401.00002']);
    // A contraction in capitals is no name, and a joined stopword ("WE'RE": were) is no term.
    expect(compoundTerms("I'LL SAY WE'RE O'Brien's")).toEqual(['obrien']);
  });

  test('a four-letter word is guessed at only as two swapped neighbours: a surname typed "Chne" finds Chen', () => {
    const ids = searchOver([
      { id: '2401.00001', title: 'Dense retrieval', text: '', authors: 'Danqi Chen', names: '', row: '{}' },
      { id: '2401.00002', title: 'Dense chemistry', text: '', authors: 'Danqi Wu', names: '', row: '{}' },
      { id: '2401.00003', title: 'Sparse retrieval', text: '', authors: 'Ana Chen', names: '', row: '{}' },
    ]);
    expect(ids('danqi chne')).toEqual(['2401.00001']);
    expect(ids('chne')).toEqual(['2401.00001', '2401.00003']);
    // One letter changed is too far for four letters ("chem" is no "chen"); from five on it is not.
    expect(ids('chem danqi')).toEqual([]);
    expect(ids('chenn danqi')).toEqual(['2401.00001']);
  });

  test('a letter alone matches as typed; after other words it does not narrow them yet, and papers that have it as a word come first', () => {
    const documents = [
      { id: '2401.00001', title: 'Cat models results', text: '', authors: '', names: '', row: '{}' },
      { id: '2401.00002', title: 'Model C results', text: '', authors: '', names: '', row: '{}' },
      { id: '2401.00003', title: 'Dog models', text: '', authors: '', names: '', row: '{}' },
    ];
    const ids = searchOver(documents);
    expect(ids('c')).toEqual(['2401.00002']);
    expect(ids('results c')).toEqual(['2401.00002', '2401.00001']);
    expect(ids('results x')).toEqual(['2401.00001', '2401.00002']);
    expect(ids('results cat')).toEqual(['2401.00001']);
  });

  test('the word being typed counts once per paper, by the best word it begins: a paper that has it in its title comes first', () => {
    const documents = [
      { id: '2401.00001', title: 'Scaling laws', text: 'train trainers to transfer tricks, track trials, trust trees', authors: 'Tom Travis', names: '', row: '{}' },
      { id: '2401.00002', title: 'Scaling Transformers', text: 'larger models', authors: '', names: '', row: '{}' },
      { id: '2401.00003', title: 'Distillation', text: 'train trainers to transfer tricks, track trials, trust trees', authors: 'Tom Travis', names: '', row: '{}' },
    ];
    const ids = searchOver(documents);
    expect(ids('scaling tr')).toEqual(['2401.00002', '2401.00001']);
    expect(ids('scaling transformers')).toEqual(['2401.00002']);
  });

  test('a last word that may be a common word being typed ("us", "ou") does not empty the results, and ranks the papers that have it first', () => {
    const documents = [
      { id: '2401.00001', title: 'Densing Law', text: 'capacity density', authors: '', names: '', row: '{}' },
      { id: '2401.00002', title: 'Densing Law Optimal Usage', text: '', authors: '', names: '', row: '{}' },
    ];
    const ids = searchOver(documents);
    // "using", "use"; "our".
    expect(ids('densing law us')).toEqual(['2401.00002', '2401.00001']);
    expect(ids('densing law ou').sort()).toEqual(['2401.00001', '2401.00002']);
    // No common word begins so: the word narrows the results.
    expect(ids('densing law opt')).toEqual(['2401.00002']);
    // Alone, it is the search.
    expect(ids('usa')).toEqual(['2401.00002']);
  });

  test('accents, case and punctuation do not matter; nonsense finds nothing', () => {
    expect(seedIndex.search('SALAMANDRA!')[0]!.id).toBe(seedIndex.search('salamandra')[0]!.id);
    expect(seedIndex.search('zzqxy')).toEqual([]);
    expect(seedIndex.search('   ')).toEqual([]);
    expect(seedIndex.search('the of and')).toEqual([]);
  });

  test('an author written without letters like ł, ø, ß is found, and with them (as the reading-list search does)', () => {
    const documents = [
      { id: '1706.03762', title: 'Attention Is All You Need', text: '', authors: 'Ashish Vaswani Łukasz Kaiser', names: '', row: '{}' },
      { id: '2002.00001', title: 'Straße scenes', text: '', authors: 'Søren Hauberg Paweł Morkisz', names: '', row: '{}' },
    ];
    const ids = searchOver(documents);
    expect(ids('lukasz kaiser')).toEqual(['1706.03762']);
    expect(ids('Łukasz')).toEqual(['1706.03762']);
    expect(ids('soren hauberg')).toEqual(['2002.00001']);
    expect(ids('pawel')).toEqual(['2002.00001']);
    expect(ids('strasse')).toEqual(['2002.00001']);
  });

  test('Greek letters of titles made from LaTeX ($\\tau$-bench, $\\pi_0$, $\\mu$P) are found spelled out, as a reader types them', () => {
    const documents = [
      { id: '2406.12045', title: 'τ-bench: A Benchmark for Tool-Agent-User Interaction', text: '', authors: '', names: '', row: '{}' },
      { id: '2410.24164', title: 'π₀: A Vision-Language-Action Flow Model for General Robot Control', text: '', authors: '', names: '', row: '{}' },
      { id: '2203.03466', title: 'Tensor Programs V: Tuning Large Neural Networks via μP', text: '', authors: '', names: '', row: '{}' },
    ];
    const ids = searchOver(documents);
    expect(ids('tau-bench')).toEqual(['2406.12045']);
    expect(ids('pi0 robot')).toEqual(['2410.24164']);
    expect(ids('muP')).toEqual(['2203.03466']);
    expect(ids('π₀')).toEqual(['2410.24164']);
  });

  test('a year finds the papers its arXiv ids say were first submitted then, or that write it: "vaswani 2017", "2017"', () => {
    const search = searchOver([
      titleDocument('1706.03762', 'Attention Is All You Need', 'Ashish Vaswani, Noam Shazeer'),
      titleDocument('2302.01318', 'Accelerating Large Language Model Decoding with Speculative Sampling', 'Charlie Chen'),
      titleDocument('1711.00937', 'Neural Discrete Representation Learning', 'Aaron van den Oord'),
      titleDocument('2409.00001', 'Findings of WMT 2017 Revisited', 'Jane Vaswani'),
      titleDocument('hep-th/9901001', 'Large N Limit of Superconformal Field Theories', 'Juan Maldacena'),
    ]);
    expect(search('vaswani 2017')).toEqual(['1706.03762', '2409.00001']);
    expect(search('vaswani 2024')).toEqual(['2409.00001']);
    expect(search('vaswani 2023')).toEqual([]);
    // A year alone: that year's papers, newest id first, then those that only write it.
    expect(search('2017')).toEqual(['1711.00937', '1706.03762', '2409.00001']);
    expect(search('maldacena 1999')).toEqual(['hep-th/9901001']);
    expect(search('speculative 2023')).toEqual(['2302.01318']);
    // A number that is no year a paper can have is a word as any other.
    expect(search('vaswani 4096')).toEqual([]);
  });

  test('the words before a year are typed whole: "gpt 4 2023" needs the 4, as "gpt 4 x" would', () => {
    const search = searchOver([
      titleDocument('2303.08774', 'GPT 4 Technical Report'),
      titleDocument('2305.00001', 'Scaling GPT Models'),
    ]);
    expect(search('gpt 4 2023')).toEqual(['2303.08774']);
  });

  test('limit and exclusion', () => {
    expect(seedIndex.search('language', 5)).toHaveLength(5);
    const first = seedIndex.search('language', 1)[0]!.id;
    expect(seedIndex.search('language', 5, { exclude: first }).map((hit) => hit.id)).not.toContain(first);
  });

  test('repeated queries give the same answer (no score left over between queries)', () => {
    const once = seedIndex.search('translation large');
    seedIndex.search('scaling laws');
    expect(seedIndex.search('translation large')).toEqual(once);
  });

  test('the snapshot survives packing and structured cloning (how it is stored in IndexedDB)', async () => {
    const { packSnapshot, unpackSnapshot } = await import('../../../src/search/search-index');
    const snapshot = buildSearchSnapshot(papers.map(searchDocument));
    const restored = new SearchIndex(unpackSnapshot(structuredClone(packSnapshot(snapshot))));
    expect(unpackSnapshot(packSnapshot(snapshot))).toEqual(snapshot);
    expect(unpackSnapshot(packSnapshot(buildSearchSnapshot([])))).toEqual(buildSearchSnapshot([]));
    expect(restored.search('vocabulary scaling')).toEqual(seedIndex.search('vocabulary scaling'));
  });
});

describe('result rows kept with the documents', () => {
  test('each hit carries its own row, through packing, also when a row holds a line break', async () => {
    const { packSnapshot, unpackSnapshot } = await import('../../../src/search/search-index');
    const documents = [
      { id: '2401.00001', title: 'Alpha paper', text: 'first', authors: '', names: '', row: 'row of alpha\nsecond line' },
      { id: '2401.00002', title: 'Beta paper', text: 'second', authors: '', names: '', row: 'row of beta' },
    ];
    const index = new SearchIndex(unpackSnapshot(structuredClone(packSnapshot(buildSearchSnapshot(documents)))));
    expect(index.search('alpha').map((hit) => hit.row)).toEqual(['row of alpha second line']);
    expect(index.search('beta').map((hit) => hit.row)).toEqual(['row of beta']);
  });
});

describe('updating the index without re-reading the store', () => {
  test('adding and replacing documents gives the same answers as building from scratch', async () => {
    const { updateSearchSnapshot } = await import('../../../src/search/search-index');
    const documents = papers.map(searchDocument);
    const [first, rest] = [documents.slice(0, 40), documents.slice(40)];
    const changed = { ...documents[3]!, title: 'Completely Renamed Zebra Paper', row: 'the renamed row' };
    const idsOf = (added: SearchDocument[]) => new Set(added.map((document) => document.id));
    const updated = updateSearchSnapshot(updateSearchSnapshot(buildSearchSnapshot(first), rest, idsOf(rest)), [changed], idsOf([changed]));
    const scratch = buildSearchSnapshot([...documents.filter((document) => document.id !== changed.id), changed]);
    for (const query of ['zebra', 'speculative decoding', 'translation', 'quantiz', 'salamandra', documents[3]!.title]) {
      expect(new SearchIndex(updated).search(query)).toEqual(new SearchIndex(scratch).search(query));
    }
    expect(new SearchIndex(updated).search('zebra')[0]).toMatchObject({ id: changed.id, row: 'the renamed row' });
    expect(new SearchIndex(updated).size).toBe(documents.length);
    // The very snapshot a build from scratch makes: postings in document order, terms sorted, weights and lengths the same.
    expect(updated).toEqual(scratch);
  });

  test('a paper replaced by nothing leaves the index', async () => {
    const { updateSearchSnapshot } = await import('../../../src/search/search-index');
    const documents = papers.map(searchDocument);
    const gone = documents[5]!;
    const updated = updateSearchSnapshot(buildSearchSnapshot(documents), [], new Set([gone.id]));
    expect(updated).toEqual(buildSearchSnapshot(documents.filter((document) => document.id !== gone.id)));
    expect(new SearchIndex(updated).rowOf(gone.id)).toBeNull();
  });
});

describe('a query no paper has every word of', () => {
  const documents = [
    titleDocument('1', 'Adam: A Method for Stochastic Optimization'),
    titleDocument('2', 'Decoupled Weight Decay Regularization'),
    titleDocument('3', 'An Optimizer for Sparse Gradients'),
    titleDocument('4', 'Adam and Eve: the Genome of Rats'),
  ];
  const index = new SearchIndex(buildSearchSnapshot(documents));

  test('finds nothing, but with someWords the papers with any word, more words first, each with the words it lacks', () => {
    expect(index.search('adam optimizer weight')).toEqual([]);
    const hits = index.search('adam optimizer weight', 20, { someWords: true });
    // (An optimizer's "Optimization" holds it: QA, "adam optimizer" listed Adam's paper second.)
    expect(hits[0]).toMatchObject({ id: '1', missing: ['weight'] });
    expect(new Map(hits.map(({ id, missing }) => [id, missing]))).toEqual(
      new Map([
        ['1', ['weight']],
        ['2', ['adam', 'optimizer']],
        ['3', ['adam', 'weight']],
        ['4', ['optimizer', 'weight']],
      ]),
    );
    // Two of the three words come before one alone.
    const two = index.search('adam stochastic weight', 20, { someWords: true });
    expect(two.map(({ id, missing }) => [id, missing])[0]).toEqual(['1', ['weight']]);
    expect(new Map(two.slice(1).map(({ id, missing }) => [id, missing]))).toEqual(
      new Map([
        ['2', ['adam', 'stochastic']],
        ['4', ['stochastic', 'weight']],
      ]),
    );
  });

  test('a paper with every word comes first, lacking none; a query of one word finds only what it finds', () => {
    const [whole, ...partial] = index.search('adam stochastic', 20, { someWords: true });
    expect(whole).toEqual(index.search('adam stochastic')[0]);
    expect(partial.map(({ id, missing }) => [id, missing])).toEqual([['4', ['stochastic']]]);
    expect(index.search('zzyzx', 20, { someWords: true })).toEqual([]);
    expect(index.search('rats', 20, { someWords: true })).toEqual(index.search('rats'));
    // The words each paper had are forgotten: the next query counts afresh.
    expect(index.search('genome adam', 20, { someWords: true }).map(({ id, missing }) => [id, missing])).toEqual([
      ['4', []],
      ['1', ['genome']],
    ]);
  });
});

describe('names only the abstract has', () => {
  test('find the seed paper whose abstract uses them ("ModernBERT", "GSM8K", "LLaVA")', () => {
    expect(seedIndex.search('modernbert').map((hit) => titleOf(hit.id))).toEqual(['Seq vs Seq: An Open Suite of Paired Encoders and Decoders']);
    expect(seedIndex.search('gsm8k').map((hit) => titleOf(hit.id))).toContain('SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths');
    expect(seedIndex.search('llava').map((hit) => hit.id)).toContain('2310.01779');
  });

  test('rank below a paper whose title or text writes the name, and add nothing to a paper whose text has it', () => {
    const withText = (id: string, title: string, text: string, names: string): SearchDocument => ({ ...titleDocument(id, title), text, names });
    const index = new SearchIndex(
      buildSearchSnapshot([
        withText('1', 'Robot learning at scale', '', 'PPO ResNet-50'),
        withText('2', 'PPO for legged robots', '', ''),
        withText('3', 'Robot learning at scale', 'with ppo', 'PPO'),
        withText('4', 'Robot learning at scale', 'with ppo', ''),
      ]),
    );
    const hits = index.search('ppo');
    expect([hits[0]!.id, new Set([hits[1]!.id, hits[2]!.id]), hits[3]!.id]).toEqual(['2', new Set(['3', '4']), '1']);
    expect(hits[1]!.score).toBe(hits[2]!.score);
    // A hyphenated name is found joined too, as in a title.
    expect(index.search('resnet50').map((hit) => hit.id)).toEqual(['1']);
  });
});

describe('a query no paper has every word of, with a hyphenated compound', () => {
  test('the compound counts as one word, had only whole, and is said as typed when lacking', () => {
    const index = new SearchIndex(
      buildSearchSnapshot([
        titleDocument('1', 'Self-Supervised Pretraining of Speech Models'),
        titleDocument('2', 'Robotics Grasping at Scale'),
        titleDocument('3', 'Supervised Grasping of Cloth'),
      ]),
    );
    const hits = index.search('self-supervised robotics grasping', 20, { someWords: true });
    // Two of the three words typed come first; the compound alone is one of three, as is "supervised" without "self".
    expect(hits[0]).toMatchObject({ id: '2', missing: ['self-supervised'] });
    expect(new Map(hits.slice(1).map(({ id, missing }) => [id, missing]))).toEqual(
      new Map([
        ['1', ['robotics', 'grasping']],
        ['3', ['self-supervised', 'robotics']],
      ]),
    );
  });
});
