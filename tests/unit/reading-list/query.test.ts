import { describe, expect, test } from 'vitest';
import { byWordFit, EMPTY_QUERY, filterItems, holdInPlace, savedNames, savedTypoSearch, searchedArxivId, searchList, searchTerms, sortItems, statusCounts, tagCounts, type StoreTexts } from '../../../src/ui/reading-list/query';
import { savedItem } from '../export/fixtures';

const items = [
  savedItem({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Søren Łukasz'], status: 'read', tags: ['NLP', 'classic'], addedAt: 30, updatedAt: 31 }),
  savedItem({ id: '2310.01779', title: 'HallE-Switch', tldr: 'Über-detailed captions hallucinate.', tags: ['vision'], addedAt: 20, updatedAt: 90 }),
  savedItem({ id: '2407.13623', title: 'scaling laws with vocabulary', notes: 'Check table 3 with Müller', status: 'reading', tags: ['nlp'], addedAt: 10, updatedAt: 10 }),
];
const ids = (list: { id: string }[]) => list.map((item) => item.id);
/** The ids the reading list shows for a search over `list`. */
const searchIn = (list: Parameters<typeof filterItems>[0]) => (text: string) => ids(filterItems(list, { ...EMPTY_QUERY, text }));

describe('reading-list query', () => {
  test('sorts by date added (newest or oldest first), last update (newest first) and title (ignoring case)', () => {
    expect(ids(sortItems(items, 'added'))).toEqual(['1706.03762', '2310.01779', '2407.13623']);
    expect(ids(sortItems(items, 'oldest'))).toEqual(['2407.13623', '2310.01779', '1706.03762']);
    expect(ids(sortItems(items, 'updated'))).toEqual(['2310.01779', '1706.03762', '2407.13623']);
    expect(ids(sortItems(items, 'title'))).toEqual(['1706.03762', '2310.01779', '2407.13623']);
  });

  test('sorts a title by its first letter or digit, not by the quotes or brackets it opens with', () => {
    const titled = ['“Quoted” Is Sorted Under Q', '(Re)thinking Attention', 'Pruning at Scale', '[RE] A Reproduction', '"Zero" Shot'].map((title, index) => savedItem({ id: `2401.0000${index}`, title }));
    expect(sortItems(titled, 'title').map((item) => item.title)).toEqual(['Pruning at Scale', '“Quoted” Is Sorted Under Q', '(Re)thinking Attention', '[RE] A Reproduction', '"Zero" Shot']);
  });

  test('a name with an apostrophe is found with either apostrophe, or none ("obrien")', () => {
    const named = [
      savedItem({ id: '2011.03395', title: 'Underspecification', authors: ["Alexander D'Amour", "Conor O'Brien"] }),
      savedItem({ id: '2401.00002', title: 'Curly', authors: ['Sean O’Neill'] }),
      savedItem({ id: '2401.00003', title: "A model's view", tldr: "It's about brien." }),
    ];
    const search = searchIn(named);
    for (const query of ["O'Brien", 'O’Brien', 'obrien', 'damour', 'D’Amour']) expect(search(query), query).toEqual(['2011.03395']);
    for (const query of ["O'Neill", 'O’Neill', 'oneill']) expect(search(query), query).toEqual(['2401.00002']);
    // A possessive is no name: "models" is the word's plural, "its" a word of its own.
    expect(search('amodels')).toEqual([]);
  });

  test('filters by status and by tag (ignoring case); no filter keeps everything', () => {
    expect(ids(filterItems(items, EMPTY_QUERY))).toEqual(ids(items));
    expect(ids(filterItems(items, { ...EMPTY_QUERY, status: 'reading' }))).toEqual(['2407.13623']);
    expect(ids(filterItems(items, { ...EMPTY_QUERY, tag: 'nlp' }))).toEqual(['1706.03762', '2407.13623']);
    expect(ids(filterItems(items, { ...EMPTY_QUERY, tag: 'nlp', status: 'read' }))).toEqual(['1706.03762']);
  });

  test('search matches every word in title, TL;DR, notes, authors or tags, ignoring case and accents', () => {
    const search = searchIn(items);
    expect(search('VASWANI')).toEqual(['1706.03762']);
    expect(search('uber captions')).toEqual(['2310.01779']);
    expect(search('table muller')).toEqual(['2407.13623']);
    // Letters that are not a base letter plus an accent are spelled out too.
    expect(search('soren lukasz')).toEqual(['1706.03762']);
    expect(search('attention table')).toEqual([]);
    // A tag, alone or beside a word of the title.
    expect(search('classic')).toEqual(['1706.03762']);
    expect(search('vision hallE')).toEqual(['2310.01779']);
    expect(search('  ')).toEqual(ids(items));
  });

  test('quotes and punctuation around words are not part of them ("attention is all", a pasted "Vaswani,")', () => {
    const search = searchIn(items);
    expect(search('"attention is all you need"')).toEqual(['1706.03762']);
    expect(search('“HallE-Switch”')).toEqual(['2310.01779']);
    expect(search('Vaswani, Łukasz.')).toEqual(['1706.03762']);
    expect(search('(table 3)')).toEqual(['2407.13623']);
    expect(search('" "')).toEqual(ids(items));
  });

  test('a hyphenated or joined spelling finds the other ("fine-tuning", "finetuning"); numbers keep their hyphen', () => {
    const spelled = [
      savedItem({ id: '2410.00009', title: 'Fine-tuning Large Language Models with Sequential Instructions' }),
      savedItem({ id: '2402.00002', title: 'Finetuning Made Easy', notes: 'Compare with the pre-training recipe' }),
      savedItem({ id: '2401.00003', title: 'Results for 2023-2024', tags: ['to-cite'] }),
    ];
    const search = searchIn(spelled);
    expect(search('finetuning')).toEqual(['2410.00009', '2402.00002']);
    expect(search('fine-tuning')).toEqual(['2410.00009', '2402.00002']);
    expect(search('pretraining')).toEqual(['2402.00002']);
    expect(search('to-cite')).toEqual(['2401.00003']);
    expect(search('2023-2024')).toEqual(['2401.00003']);
    expect(search('20232024')).toEqual([]);
  });

  test('a hyphenated compound finds its words written apart ("kv-cache": "KV cache"), in that order only', () => {
    const spelled = [
      savedItem({ id: '2401.00001', title: 'Compressing the KV cache of long prompts' }),
      savedItem({ id: '2401.00002', title: 'KV-Cache eviction', tldr: 'Keeps fine tuning cheap.' }),
      savedItem({ id: '2401.00003', title: 'Cache the KV pairs' }),
    ];
    const search = searchIn(spelled);
    expect(search('kv-cache')).toEqual(['2401.00001', '2401.00002']);
    expect(search('"KV-cache" compressing')).toEqual(['2401.00001']);
    expect(search('fine-tuning')).toEqual(['2401.00002']);
    // From a word's start (review: "re-ranking" found "Where ranking", "e-commerce" "online commerce").
    expect(searchIn([savedItem({ id: '2401.00004', title: 'Where ranking matters in online commerce' })])('re-ranking')).toEqual([]);
    expect(searchIn([savedItem({ id: '2401.00004', title: 'Where ranking matters in online commerce' })])('e-commerce')).toEqual([]);
  });

  test('an en or em dash in a compound reads as its hyphen, in the search and in the titles ("Kolmogorov–Arnold", "Prover–Verifier" pasted from a PDF); a symbol between words is no word', () => {
    const dashed = [
      savedItem({ id: '2404.19756', title: 'KAN: Kolmogorov–Arnold Networks' }),
      savedItem({ id: '2407.13692', title: 'Prover-Verifier Games improve legibility of LLM outputs', tags: ['retrieval'] }),
      savedItem({ id: '2407.21123', title: 'Long—Context Training Recipes' }),
    ];
    const search = searchIn(dashed);
    expect(search('Kolmogorov-Arnold')).toEqual(['2404.19756']);
    expect(search('Kolmogorov–Arnold')).toEqual(['2404.19756']);
    expect(search('kolmogorov arnold')).toEqual(['2404.19756']);
    expect(search('Prover–Verifier')).toEqual(['2407.13692']);
    expect(search('long-context')).toEqual(['2407.21123']);
    expect(search('prover & legibility')).toEqual(['2407.13692']);
    expect(search('games + legibility / retrieval')).toEqual(['2407.13692']);
    // A symbol alone may be a tag: it is looked for.
    expect(searchIn([...dashed, savedItem({ id: '2401.00009', title: 'Starred', tags: ['⭐'] })])('⭐')).toEqual(['2401.00009']);
    // A search of a sign alone looks for it: the note that holds it, not every paper as if empty.
    expect(searchIn([...dashed, savedItem({ id: '2401.00010', title: 'Notes', notes: 'Q&A: R & D' })])('&')).toEqual(['2401.00010']);
    // A range keeps its dash: "2023–2024" is no word "20232024".
    expect(searchTerms('2023–2024')).toEqual(['2023-2024']);
  });

  test('a common ML acronym finds its long form and the other way round, as in the store ("moe" finds "Mixture-of-Experts")', () => {
    const spelled = [
      savedItem({ id: '2401.04088', title: 'Mixtral of Experts', tldr: 'A sparse mixture-of-experts language model.' }),
      savedItem({ id: '2402.00001', title: 'MoE Routing at Scale' }),
      savedItem({ id: '2402.00002', title: 'Caching for Retrieval Augmented Generation', notes: 'compare with our LLM cache' }),
      savedItem({ id: '2402.00003', title: 'Moebius Transformations of Images' }),
    ];
    const search = searchIn(spelled);
    expect(search('moe')).toEqual(['2401.04088', '2402.00001', '2402.00003']);
    expect(search('moe routing')).toEqual(['2402.00001']);
    expect(search('mixture of experts')).toEqual(['2401.04088', '2402.00001']);
    expect(search('rag')).toEqual(['2402.00002']);
    expect(search('large language model cache')).toEqual(['2402.00002']);
  });

  test('an acronym\'s plural finds the acronym and its long form ("LLMs" finds "LLM" and "large language models", "LMs" finds "Tiny Language Models")', () => {
    const search = searchIn([
      savedItem({ id: '2401.00001', title: 'Scaling an LLM to a Million Tokens' }),
      savedItem({ id: '2401.00002', title: 'How Large Language Models Reason' }),
      savedItem({ id: '2401.00003', title: 'Tiny Language Models Learn Syntax', tldr: 'LLMs are not needed.' }),
    ]);
    expect(search('LLMs')).toEqual(['2401.00001', '2401.00002', '2401.00003']);
    expect(search('tiny LMs')).toEqual(['2401.00003']);
    expect(search('LLM')).toEqual(['2401.00001', '2401.00002', '2401.00003']);
    // The acronym as a word, not as part of one ("lm" in "film", "rag" in "average").
    const wordsOnly = searchIn([
      savedItem({ id: '2401.00004', title: 'A Hallmark of Film Almost Everywhere', tldr: 'On average, leverage helps.' }),
      savedItem({ id: '2401.00005', title: 'RAG for Long Documents' }),
    ]);
    expect(wordsOnly('LMs')).toEqual([]);
    expect(wordsOnly('RAGs')).toEqual(['2401.00005']);
    // The acronym itself too (from a QA pass), still as the start of a word ("rag" finds "RAG-based").
    expect(wordsOnly('LM')).toEqual([]);
    expect(wordsOnly('RAG')).toEqual(['2401.00005']);
    expect(searchIn([savedItem({ id: '2401.00006', title: 'RAG-based agents' }), savedItem({ id: '2401.00007', title: 'Filming hallmarks with cameras' })])('llm rag')).toEqual([]);
    expect(searchIn([savedItem({ id: '2401.00006', title: 'RAG-based agents' })])('rag')).toEqual(['2401.00006']);
    // Inside a name, from a capital (from a review): "MLLMs", "MobileViT", "DeepSeekMoE", "TextVQA", "AutoCoT".
    const names = searchIn([
      savedItem({ id: '2401.00011', title: 'MLLMs Know Where to Look' }),
      savedItem({ id: '2401.00012', title: 'MobileViT: Light-weight Vision Transformer' }),
      savedItem({ id: '2401.00013', title: 'DeepSeekMoE: Towards Expert Specialization' }),
      savedItem({ id: '2401.00014', title: 'TextVQA and AutoCoT' }),
    ]);
    expect(names('llm')).toEqual(['2401.00011']);
    expect(names('vit')).toEqual(['2401.00012']);
    expect(names('moe')).toEqual(['2401.00013']);
    expect(names('qa cot')).toEqual(['2401.00014']);
  });

  test('a word finds its other forms even when another saved paper holds it as typed ("following" finds "to follow instructions"), after that paper in the popup', () => {
    const saved = [
      savedItem({ id: '2203.02155', title: 'Training language models to follow instructions with human feedback' }),
      savedItem({ id: '2410.00011', title: 'Following Length Constraints in Instructions' }),
      savedItem({ id: '2401.00012', title: 'Case studies', notes: 'Read the study on embedded agents' }),
      savedItem({ id: '2401.00013', title: 'A New Fake Image Detector' }),
    ];
    const search = searchIn(saved);
    expect(search('instruction following')).toEqual(['2203.02155', '2410.00011']);
    expect(byWordFit(filterItems(saved, { ...EMPTY_QUERY, text: 'following' }), searchTerms('following'), savedNames).map((item) => item.id)).toEqual(['2410.00011', '2203.02155']);
    expect(search('study')).toEqual(['2401.00012']);
    expect(search('embedding')).toEqual(['2401.00012']);
    expect(search('news')).toEqual([]);
  });

  test('a name with a version finds its other spelling, as the store finds it ("gpt4" finds GPT-4, "gpt-4" finds GPT4)', () => {
    const named = [
      savedItem({ id: '2303.08774', title: 'GPT-4 Technical Report', addedAt: 3 }),
      savedItem({ id: '2307.09288', title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models', notes: 'Compared with GPT4 and Llama-2-Chat', addedAt: 2 }),
      savedItem({ id: '2401.00003', title: 'Results for 2023-2024', addedAt: 1 }),
    ];
    const search = searchIn(named);
    expect(search('gpt4')).toEqual(['2303.08774', '2307.09288']);
    expect(search('GPT4 technical report')).toEqual(['2303.08774']);
    expect(search('gpt-4')).toEqual(['2303.08774', '2307.09288']);
    expect(search('llama2chat')).toEqual(['2307.09288']);
    // A word holding more than a compound is looked for as typed: not any paper with "hep-th".
    const noted = [savedItem({ id: '2501.00001', notes: 'After hep-th/9901001' }), savedItem({ id: '2501.00002', title: 'New hep-th results' })];
    expect(ids(filterItems(noted, { ...EMPTY_QUERY, text: 'hep-th/9901001' }))).toEqual(['2501.00001']);
    expect(search('20232024')).toEqual([]);
  });

  test('a year finds the papers published then, beside an author ("Vaswani 2017"); without a date, the year its id was submitted', () => {
    const dated = [
      savedItem({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], published: '2017-06-12', addedAt: 3 }),
      savedItem({ id: '2006.11239', title: 'Denoising Diffusion Probabilistic Models', authors: ['Jonathan Ho', 'Ajay Jain'], published: '2020-06-19', addedAt: 2 }),
      savedItem({ id: '2310.01779', title: 'HallE-Switch', authors: ['Bohan Zhai'], published: null, addedAt: 1 }),
    ];
    const search = searchIn(dated);
    expect(search('Vaswani 2017')).toEqual(['1706.03762']);
    expect(search('2020')).toEqual(['2006.11239']);
    expect(search('Jain 2020')).toEqual(['2006.11239']);
    expect(search('Zhai 2023')).toEqual(['2310.01779']);
    expect(search('Vaswani 2020')).toEqual([]);
    // Only a whole year: "paper 2" is no paper of 2017, 2020 or 2023.
    expect(search('2')).toEqual([]);
    expect(search('20')).toEqual([]);
  });

  test('a paper published in another year than its preprint is found by both years (BERT: arXiv 2018, NAACL-HLT 2019)', () => {
    const bert = savedItem({ id: '1810.04805', title: 'BERT: Pre-training of Deep Bidirectional Transformers', authors: ['Jacob Devlin'], published: '2018-10-11', journalRef: 'Proceedings of NAACL-HLT, 2019' });
    const search = searchIn([bert]);
    expect(search('Devlin 2019')).toEqual(['1810.04805']);
    expect(search('Devlin 2018')).toEqual(['1810.04805']);
    expect(search('Devlin 2020')).toEqual([]);
  });

  test('Greek letters of titles made from LaTeX are found spelled out ("tau-bench", "pi0")', () => {
    const greek = [savedItem({ id: '2406.12045', title: 'τ-bench: A Benchmark for Tool-Agent-User Interaction' }), savedItem({ id: '2410.24164', title: 'π₀: A Vision-Language-Action Flow Model' })];
    const search = searchIn(greek);
    expect(search('tau-bench')).toEqual(['2406.12045']);
    expect(search('pi0')).toEqual(['2410.24164']);
    expect(search('τ-bench')).toEqual(['2406.12045']);
  });

  test('an arXiv id or address (as a row shows it, or pasted from the address bar) finds its paper', () => {
    const search = searchIn(items);
    for (const query of ['2310.01779', ' arXiv:2310.01779v2', 'https://arxiv.org/abs/2310.01779', 'arxiv.org/pdf/2310.01779v1', 'huggingface.co/papers/2310.01779']) {
      expect(search(query), query).toEqual(['2310.01779']);
    }
    // With the other filters still applied.
    expect(ids(filterItems(items, { ...EMPTY_QUERY, status: 'read', text: '2310.01779' }))).toEqual([]);
    expect(search('2401.00001')).toEqual([]);
  });

  test("an id copied from a row ('arXiv 2310.01779') finds its paper", () => {
    const search = searchIn(items);
    expect(search('arXiv 2310.01779')).toEqual(['2310.01779']);
    expect(search('ARXIV  2310.01779v2 ')).toEqual(['2310.01779']);
  });

  test('an id in a copied reference ("arXiv preprint arXiv:…"), a downloaded PDF\'s name or punctuation finds its paper', () => {
    const search = searchIn(items);
    for (const query of ['arXiv preprint arXiv:2310.01779', '2310.01779v2.pdf', '2310.01779,', '<2310.01779>']) {
      expect(search(query), query).toEqual(['2310.01779']);
      expect(searchedArxivId(query), query).toBe('2310.01779');
    }
    // A number among words is a word: not an id to offer to save.
    expect(searchedArxivId('table 2310.01779 results')).toBeNull();
  });

  test('an id still finds the papers whose notes or TL;DR name it, besides the paper itself', () => {
    const noted = [...items, savedItem({ id: '2501.00002', title: 'A follow-up', notes: 'Builds on 2310.01779 (HallE) and arxiv.org/abs/1706.03762', addedAt: 5, updatedAt: 5 })];
    const search = searchIn(noted);
    expect(search('2310.01779')).toEqual(['2310.01779', '2501.00002']);
    expect(search('arxiv.org/abs/1706.03762')).toEqual(['1706.03762', '2501.00002']);
  });

  test('matches holding the words whole in title or authors go first, then those where a word begins so; ties keep their order', () => {
    const found = [
      savedItem({ id: '2401.00001', title: 'Chen and the others', authors: ['Wei Chen'] }),
      savedItem({ id: '2401.00002', title: 'Heads of attention', authors: ['Ada Lovelace'] }),
      savedItem({ id: '2401.00003', title: 'Another paper', authors: ['Yi He'] }),
      savedItem({ id: '2401.00004', title: 'Residual learning', authors: ['Kaiming He'], notes: 'the ResNet' }),
    ];
    expect(ids(byWordFit(found, searchTerms('He'), savedNames))).toEqual(['2401.00003', '2401.00004', '2401.00002', '2401.00001']);
    expect(ids(byWordFit(found, searchTerms('he residual'), savedNames))).toEqual(['2401.00004', '2401.00003', '2401.00002', '2401.00001']);
  });

  test('the reading list\'s search lists the papers holding the words whole in title or authors first, each group in the order picked (QA: "he" listed Kaiming He\'s paper last, "lora" QLoRA before LoRA)', () => {
    const saved = [
      savedItem({ id: '2305.14314', title: 'QLoRA: Efficient Finetuning of Quantized LLMs', authors: ['Tim Dettmers'], addedAt: 4 }),
      savedItem({ id: '2106.09685', title: 'LoRA: Low-Rank Adaptation of Large Language Models', authors: ['Edward Hu'], addedAt: 3 }),
      savedItem({ id: '2402.00001', title: 'The heads of attention', authors: ['Ada Lovelace'], addedAt: 2 }),
      savedItem({ id: '1512.03385', title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He'], addedAt: 1 }),
    ];
    const search = (text: string, sort: 'added' | 'oldest' = 'added') => ids(searchList(sortItems(saved, sort), saved, { ...EMPTY_QUERY, text }).items);
    expect(search('lora')).toEqual(['2106.09685', '2305.14314']);
    expect(search('he')).toEqual(['1512.03385', '2402.00001']);
    // Among equals, the order picked.
    expect(search('of')).toEqual(['2305.14314', '2106.09685', '2402.00001']);
    expect(search('of', 'oldest')).toEqual(['2402.00001', '2106.09685', '2305.14314']);
  });

  describe('a typo forgiven, as the popup forgives it in saved papers', () => {
    const saved = [
      savedItem({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], tldr: 'The Transformer.', status: 'read', tags: ['classic'], published: '2017-06-12', addedAt: 3 }),
      savedItem({ id: '2106.09685', title: 'LoRA: Low-Rank Adaptation of Large Language Models', authors: ['Edward Hu'], tldr: 'Freezes the weights.', notes: 'Check the ablation tables', published: '2021-06-17', addedAt: 2 }),
      savedItem({ id: '2501.00007', title: 'Attention sinks in streaming models', authors: ['Guangxuan Xiao'], tldr: 'Keeps the first tokens, even on a tablet.', addedAt: 1 }),
    ];
    const search = (text: string, filters: Partial<typeof EMPTY_QUERY> = {}) => ids(searchList(sortItems(saved, filters.sort ?? 'added'), saved, { ...EMPTY_QUERY, ...filters, text }).items);

    test('a misspelled word of five letters or more (four, its neighbours swapped) finds the paper, in title, authors, TL;DR or tags', () => {
      expect(search('atention is all')).toEqual(['1706.03762']);
      expect(search('attension')).toEqual(['1706.03762', '2501.00007']);
      expect(search('lora adaptaton')).toEqual(['2106.09685']);
      expect(search('vaswanni')).toEqual(['1706.03762']);
      expect(search('transfomer')).toEqual(['1706.03762']);
      expect(search('clasic')).toEqual(['1706.03762']);
      // A word being typed, its start misspelled.
      expect(search('lora adapta')).toEqual(['2106.09685']);
      // Four letters are one typo away from too many others: only two swapped neighbours are guessed.
      expect(search('lroa')).toEqual(['2106.09685']);
      expect(search('lofa')).toEqual([]);
    });

    test('with the status and tag filters, a year, and the order picked', () => {
      expect(search('attension', { status: 'read' })).toEqual(['1706.03762']);
      expect(search('attension', { tag: 'classic' })).toEqual(['1706.03762']);
      expect(search('attension', { sort: 'oldest' })).toEqual(['2501.00007', '1706.03762']);
      expect(search('attension 2017')).toEqual(['1706.03762']);
      expect(search('vaswanni 2021')).toEqual([]);
    });

    test('not in notes, and a word a note holds is no typo of another', () => {
      expect(search('ablaton')).toEqual([]);
      // "tables" is in a note: no typo of "tablet" in another paper's TL;DR.
      expect(search('tables')).toEqual(['2106.09685']);
      expect(search('tabblet')).toEqual(['2501.00007']);
    });

    test('the list read again after a note or status edit keeps its typo index, and finds the papers as they are now', () => {
      const first = savedItem({ id: '2106.09685', title: 'LoRA: Low-Rank Adaptation of Large Language Models', notes: '' });
      const before = [first];
      expect(ids(savedTypoSearch(before).matches('adaptaton', 5))).toEqual(['2106.09685']);
      const edited = savedItem({ ...first, notes: 'read it', status: 'read' });
      const after = [edited];
      expect(savedTypoSearch(after).has).toBe(savedTypoSearch(before).has);
      expect(savedTypoSearch(after).matches('adaptaton', 5)[0]).toBe(edited);
      // A retitled paper is indexed afresh.
      const retitled = [savedItem({ ...edited, title: 'LoRA: Adaptation Made Cheap' })];
      expect(savedTypoSearch(retitled).has).not.toBe(savedTypoSearch(after).has);
      expect(ids(savedTypoSearch(retitled).matches('languge', 5))).toEqual([]);
      expect(ids(savedTypoSearch(retitled).matches('adaptaton made', 5))).toEqual(['2106.09685']);
    });
  });

  test('the row being edited keeps its place and stays shown, in its latest version, until released', () => {
    // Its notes were just edited: by last update it would move to the top.
    const edited = savedItem({ ...items[2]!, notes: 'Table 3 checked', updatedAt: 100 });
    const now = [items[0]!, items[1]!, edited];
    expect(ids(holdInPlace(sortItems(now, 'updated'), now, items[2]!, 'updated'))).toEqual(['2310.01779', '1706.03762', '2407.13623']);
    expect(holdInPlace(sortItems(now, 'updated'), now, items[2]!, 'updated')[2]).toBe(edited);
    // Its status was changed under a status filter it no longer matches: still shown where it was.
    const read = savedItem({ ...items[2]!, status: 'read' });
    const after = [items[0]!, items[1]!, read];
    const readingOnly = filterItems(sortItems(after, 'added'), { ...EMPTY_QUERY, status: 'reading' });
    expect(ids(readingOnly)).toEqual([]);
    expect(holdInPlace(readingOnly, after, items[2]!, 'added')).toEqual([read]);
    // A held item removed meanwhile is gone; one already in place is left as it is.
    expect(ids(holdInPlace(items.slice(0, 2), items.slice(0, 2), items[2]!, 'added'))).toEqual(['1706.03762', '2310.01779']);
    expect(ids(holdInPlace(items, items, items[1]!, 'added'))).toEqual(ids(items));
  });

  test('papers put back (an Undo) or saved while a row is held go where the sort puts them, above or below it', () => {
    // 2310.01779 held (focused) while 1706.03762 was removed; 1706.03762 put back sorts above it.
    expect(ids(holdInPlace(sortItems(items, 'added'), items, items[1]!, 'added'))).toEqual(['1706.03762', '2310.01779', '2407.13623']);
    // The held row edited (newest by last update), and a paper updated meanwhile elsewhere: the
    // held row stays below 2310.01779 (updated at 90), where it was, the other goes to the top.
    const edited = savedItem({ ...items[0]!, updatedAt: 200 });
    const elsewhere = savedItem({ ...items[2]!, updatedAt: 150 });
    const now = [edited, items[1]!, elsewhere];
    expect(ids(holdInPlace(sortItems(now, 'updated'), now, items[0]!, 'updated'))).toEqual(['2407.13623', '2310.01779', '1706.03762']);
  });

  test('counts tags (first spelling, by name) and statuses', () => {
    expect(tagCounts(items)).toEqual([{ tag: 'classic', count: 1 }, { tag: 'NLP', count: 2 }, { tag: 'vision', count: 1 }]);
    expect(statusCounts(items)).toEqual({ all: 3, 'to-read': 1, reading: 1, read: 1 });
  });

  describe('by the abstract and topics the store holds of a saved paper', () => {
    const saved = [
      savedItem({ id: '2110.14168', title: 'Training Verifiers to Solve Math Word Problems', tldr: 'Verifiers pick the best of many solutions.', tags: ['math'], status: 'read', addedAt: 4 }),
      savedItem({ id: '2201.11903', title: 'Chain-of-Thought Prompting Elicits Reasoning', tldr: 'Prompting with worked steps helps.', addedAt: 3 }),
      savedItem({ id: '2501.00009', title: 'GSM8K is not enough', tldr: 'A harder benchmark.', addedAt: 2 }),
      savedItem({ id: '2306.00978', title: 'AWQ: Activation-aware Weight Quantization', tldr: 'Protects salient weights.', addedAt: 1 }),
      savedItem({ id: '2501.00010', title: 'Entmix: mixing entries', addedAt: 0 }),
    ];
    const storeTexts = new Map([
      ['2110.14168', { abstract: 'We introduce GSM8K, a dataset of 8.5K grade school math word problems.', terms: ['math reasoning', 'GSM8K'] }],
      ['2201.11903', { abstract: 'Prompting a 540B-parameter language model with eight chain of thought exemplars achieves state of the art accuracy on the GSM8K benchmark of math word problems.', terms: ['reasoning', 'GSM8K', 'HumanEval'] }],
      ['2306.00978', { abstract: 'Large language models quantized to 4 bits run on a single GPU, with sparse entmax attention.', terms: ['quantization', 'efficient inference', 'GPU'] }],
    ]);
    const search = (text: string, filters: Partial<typeof EMPTY_QUERY> = {}, texts: StoreTexts | null = storeTexts) =>
      searchList(sortItems(saved, 'added'), saved, { ...EMPTY_QUERY, ...filters, text }, texts ?? undefined);

    test('after the papers whose own fields hold the search, in the list\'s order, counted', () => {
      expect(ids(search('gsm8k').items)).toEqual(['2501.00009', '2110.14168', '2201.11903']);
      expect(search('gsm8k').byStoreText).toBe(2);
      // Not yet read from the store: by the papers' own fields alone.
      expect(ids(search('gsm8k', {}, null).items)).toEqual(['2501.00009']);
      expect(search('gsm8k', {}, null).byStoreText).toBe(0);
    });

    test('a word in the title and another in the abstract; a topic; a word\'s other forms; the status filter', () => {
      expect(ids(search('verifiers gsm8k').items)).toEqual(['2110.14168']);
      expect(ids(search('efficient inference').items)).toEqual(['2306.00978']);
      expect(ids(search('quantize').items)).toEqual(['2306.00978']);
      expect(ids(search('gsm8k', { status: 'read' }).items)).toEqual(['2110.14168']);
      expect(ids(search('gsm8k', { status: 'reading' }).items)).toEqual([]);
      // A short acronym only where a word starts: "gpu" is in the abstract, "pu" in none.
      expect(ids(search('gpu').items)).toEqual(['2306.00978']);
    });

    test('a name the abstract uses or a topic is found despite a typo, after the typos of saved papers\' own words, counted', () => {
      expect(ids(search('humneval').items)).toEqual(['2201.11903']);
      expect(search('humneval').byStoreText).toBe(1);
      expect(ids(search('humneval', {}, null).items)).toEqual([]);
      expect(ids(search('efficent inference').items)).toEqual(['2306.00978']);
      // A typo in a saved paper's own words comes first: "verifers" is Training Verifiers' title.
      expect(ids(search('verifers').items)).toEqual(['2110.14168']);
    });

    test('a word an abstract holds is no typo of a saved paper\'s word', () => {
      expect(ids(search('entmax').items)).toEqual(['2306.00978']);
      // Without the abstracts, "entmax" is a typo of "Entmix".
      expect(ids(search('entmax', {}, null).items)).toEqual(['2501.00010']);
    });
  });
});
