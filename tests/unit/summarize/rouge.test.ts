import { describe, expect, it } from 'vitest';
import { lcsLength, porterStem, rouge, rougeBestTarget, stem, tokenize } from '../../../bench/rouge';

describe('porterStem', () => {
  const cases: [string, string][] = [
    ['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'ti'], ['caress', 'caress'], ['cats', 'cat'],
    ['feed', 'feed'], ['agreed', 'agre'], ['plastered', 'plaster'], ['bled', 'bled'], ['motoring', 'motor'],
    ['sing', 'sing'], ['conflated', 'conflat'], ['troubled', 'troubl'], ['sized', 'size'], ['hopping', 'hop'],
    ['tanned', 'tan'], ['falling', 'fall'], ['hissing', 'hiss'], ['fizzed', 'fizz'], ['failing', 'fail'],
    ['filing', 'file'], ['happy', 'happi'], ['sky', 'sky'], ['relational', 'relat'], ['conditional', 'condit'],
    ['rational', 'ration'], ['digitizer', 'digit'], ['operator', 'oper'], ['feudalism', 'feudal'],
    ['decisiveness', 'decis'], ['hopefulness', 'hope'], ['callousness', 'callous'], ['formative', 'form'],
    ['electrical', 'electr'], ['goodness', 'good'], ['revival', 'reviv'], ['allowance', 'allow'],
    ['inference', 'infer'], ['adjustable', 'adjust'], ['replacement', 'replac'], ['adoption', 'adopt'],
    ['communism', 'commun'], ['activate', 'activ'], ['effective', 'effect'], ['probate', 'probat'],
    ['rate', 'rate'], ['cease', 'ceas'], ['controll', 'control'], ['roll', 'roll'], ['running', 'run'],
    ['generalizations', 'gener'], ['generalization', 'gener'], ['oscillators', 'oscil'],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected}`, () => expect(porterStem(word)).toBe(expected));
  }
});

describe('tokenize and stem', () => {
  it('lowercases and keeps runs of [a-z0-9]', () => {
    expect(tokenize('GPT-4 got 73.76%!')).toEqual(['gpt', '4', 'got', '73', '76']);
  });
  it('does not stem tokens of 3 characters or fewer', () => {
    expect(stem('was', {})).toBe('was');
    expect(stem('ties', {})).toBe('ti');
  });
  it('uses the WordNet exception list before Porter', () => {
    expect(tokenize('mice were running')).toEqual(['mouse', 'be', 'run']);
  });
});

describe('ROUGE', () => {
  it('LCS length', () => {
    expect(lcsLength('a b c d e'.split(' '), 'a c e f'.split(' '))).toBe(3);
    expect(lcsLength([], ['a'])).toBe(0);
  });
  it('scores a hand-computed example', () => {
    // pred: the cat sat on the mat (6) / ref: the cat was on the mat (6)
    // unigrams: the×2, cat, on, mat match → 5/6; bigrams: "the cat", "on the", "the mat" → 3/5;
    // LCS: the cat on the mat → 5/6.
    const s = rouge('the cat sat on the mat', 'the cat was on the mat', {});
    expect(s.r1).toBeCloseTo(5 / 6);
    expect(s.r2).toBeCloseTo(3 / 5);
    expect(s.rl).toBeCloseTo(5 / 6);
  });
  it('scores unequal lengths with F1', () => {
    // pred: a b c (3) / ref: a b d e (4): R1 P=2/3 R=2/4 → F=4/7; R2 P=1/2 R=1/3 → F=2/5; LCS 2 → 4/7.
    const s = rouge('a b c', 'a b d e', {});
    expect(s.r1).toBeCloseTo(4 / 7);
    expect(s.r2).toBeCloseTo(2 / 5);
    expect(s.rl).toBeCloseTo(4 / 7);
  });
  it('clips repeated n-grams', () => {
    // pred: the the the (3) / ref: the cat (2): overlap 1 → P=1/3 R=1/2 → F=0.4
    expect(rouge('the the the', 'the cat', {}).r1).toBeCloseTo(0.4);
  });
  it('stems before matching', () => {
    expect(rouge('models running', 'model runs', {}).r1).toBeCloseTo(1);
  });
  it('picks the target with the best ROUGE-1 and reports its R2/RL', () => {
    const s = rougeBestTarget('a b c', ['x y z', 'a b d e', 'c a'], {});
    // 'c a': R1 P=2/3 R=1 → 0.8 beats 'a b d e' (4/7); R2 0; LCS 1 → P 1/3 R 1/2 → 0.4.
    expect(s.r1).toBeCloseTo(0.8);
    expect(s.r2).toBeCloseTo(0);
    expect(s.rl).toBeCloseTo(0.4);
  });
  it('gives 0 for empty prediction', () => {
    expect(rouge('', 'a b', {})).toEqual({ r1: 0, r2: 0, rl: 0 });
  });
});
