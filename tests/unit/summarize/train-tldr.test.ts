import { describe, expect, it } from 'vitest';
import { evaluate, train, trainHidden, type Example } from '../../../scripts/train-tldr';
import { score } from '../../../src/summarize/tldr';

// Candidates with features [a, b]. Where the pair (1, 0) is offered, it is the best; where (0, 1)
// is, it is: no linear score ranks both first ((1, 0) over (1, 1) needs b's weight below 0, (0, 1)
// over (0, 0) needs it above), but a score with interactions does.
const firstOnly: Example = { feats: [[0, 0], [1, 0], [1, 1]], r1: [0, 1, 0] };
const secondOnly: Example = { feats: [[0, 0], [0, 1], [1, 1]], r1: [0, 1, 0] };
const data = [firstOnly, secondOnly, firstOnly, secondOnly];

describe('train:tldr --hidden (tanh units on top of the linear ranker)', () => {
  it('ranks what a linear score cannot', () => {
    const w = train(data, 2, 0.1);
    expect(evaluate(data, (f) => score(f, w))).toBeLessThanOrEqual(50);
    expect(evaluate(data, trainHidden(data, w, 0.1, 4, 300))).toBe(100);
  });

  it('scores the same on every run (a seeded start)', () => {
    const w = train(data, 2, 0.1);
    const [a, b] = [trainHidden(data, w, 0.1, 4, 20), trainHidden(data, w, 0.1, 4, 20)];
    expect(data.flatMap((ex) => ex.feats.map(a))).toEqual(data.flatMap((ex) => ex.feats.map(b)));
  });
});
