import { beforeAll, describe, expect, test } from 'vitest';
import { loadTldr } from '../../../bench/tldr-data';
import { buildRelatedCorpus, relatedTo, type RelatedCorpus, type RelatedDocument } from '../../../src/search/related';

/** SciTLDR's papers (dev and train, 2,611) under made-up ids: it lists some papers twice, as a workshop and a conference submission. */
let papers: RelatedDocument[];
let corpus: RelatedCorpus;
const titled = (title: string) => papers.filter((paper) => paper.title === title);
const titlesRelatedTo = (paper: RelatedDocument) => relatedTo(corpus, paper).map((id) => papers.find((other) => other.id === id)!.title);

beforeAll(() => {
  papers = [...loadTldr('data/scitldr/dev.jsonl'), ...loadTldr('data/scitldr/train.jsonl')].map((record, index) => ({
    id: `tldr-${index}`,
    title: record.title,
    abstract: record.source.join(' '),
  }));
  corpus = buildRelatedCorpus(papers);
});

describe('related papers: one paper under two ids is one paper', () => {
  test('a paper listed twice is not related to itself: "Efficient Inference and Exploration for Reinforcement Learning"', () => {
    const [first, second] = titled('Efficient Inference and Exploration for Reinforcement Learning');
    expect(second).toBeDefined();
    // Its other copy came first (cosine 1); the others are on exploration in reinforcement learning.
    expect(relatedTo(corpus, first!)).not.toContain(second!.id);
    expect(relatedTo(corpus, first!)).toHaveLength(3);
  });

  test('a paper listed twice takes one place among another paper\'s related papers', () => {
    // "Plan Online, Learn Offline" showed both copies of "Efficient Inference and Exploration…" and one other paper.
    const [plan] = titled('Plan Online, Learn Offline: Efficient Learning and Exploration via Model-Based Control');
    const related = titlesRelatedTo(plan!);
    expect(related.filter((title) => title === 'Efficient Inference and Exploration for Reinforcement Learning')).toHaveLength(1);
    expect(new Set(related).size).toBe(3);
  });

  test('two papers known by their titles alone are not taken for one: "Scaling Laws for Neural Machine Translation" and its multilingual sequel', () => {
    // Titles alone share most of their terms (cosine above SAME_PAPER_SIMILARITY), and say too little to tell.
    const sequel = { id: 'sequel', title: 'Scaling Laws for Multilingual Neural Machine Translation', abstract: '' };
    const titlesOnly = buildRelatedCorpus([...papers, sequel]);
    expect(relatedTo(titlesOnly, { id: 'first', title: 'Scaling Laws for Neural Machine Translation', abstract: '' })).toContain('sequel');
  });

  test('a retitled version is the same paper: "Retrieving Signals with Deep Complex Extractors" and "… in the Frequency Domain …"', () => {
    const [short] = titled('Retrieving Signals with Deep Complex Extractors');
    expect(titlesRelatedTo(short!)).not.toContain('Retrieving Signals in the Frequency Domain with Deep Complex Extractors');
  });
});
