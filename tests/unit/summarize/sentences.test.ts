import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/summarize/index';

describe('splitSentences', () => {
  it('splits plain sentences', () => {
    expect(splitSentences('We propose X. It works well! Does it scale? Yes.')).toEqual([
      'We propose X.',
      'It works well!',
      'Does it scale?',
      'Yes.',
    ]);
  });
  it('keeps "et al." followed by a lowercase word', () => {
    expect(splitSentences('Inspired by Li et al. assertion, we test it. Done.')).toEqual([
      'Inspired by Li et al. assertion, we test it.',
      'Done.',
    ]);
  });
  it('keeps "et al." followed by a year in parentheses', () => {
    expect(splitSentences('Smith et al. (2020) show this. We disagree.')).toEqual([
      'Smith et al. (2020) show this.',
      'We disagree.',
    ]);
  });
  it('ends a sentence at "et al." followed by a sentence opener', () => {
    expect(splitSentences('This was proposed by Smith et al. We extend it.')).toEqual([
      'This was proposed by Smith et al.',
      'We extend it.',
    ]);
  });
  it('keeps "e.g." and "i.e."', () => {
    expect(splitSentences('Models (e.g. BERT) and tasks, i.e. NLI, are used. We test.')).toEqual([
      'Models (e.g. BERT) and tasks, i.e. NLI, are used.',
      'We test.',
    ]);
  });
  it('keeps "e.g." before a capitalised name outside parentheses', () => {
    expect(splitSentences('We use encoders, e.g. BERT and RoBERTa, for this. It helps.')).toEqual([
      'We use encoders, e.g. BERT and RoBERTa, for this.',
      'It helps.',
    ]);
  });
  it('keeps "vs."', () => {
    expect(splitSentences('Accuracy is 80% vs. 70% for the baseline. We explain why.')).toEqual([
      'Accuracy is 80% vs. 70% for the baseline.',
      'We explain why.',
    ]);
  });
  it('keeps "Fig. 2"', () => {
    expect(splitSentences('As shown in Fig. 2 the loss drops. We analyse it.')).toEqual([
      'As shown in Fig. 2 the loss drops.',
      'We analyse it.',
    ]);
  });
  it('ends a sentence at a unit after a number (pp., ms.) before a capitalised opener, and only there', () => {
    expect(splitSentences('It improves F1 by 1.2 pp. We release code at github. Latency drops to 40 ms. The model is small.')).toEqual([
      'It improves F1 by 1.2 pp.',
      'We release code at github.',
      'Latency drops to 40 ms.',
      'The model is small.',
    ]);
    for (const whole of [
      'Method X vs. A baseline holds.',
      'We benchmark GPT-4 vs. Code Llama on HumanEval.',
      'We compare fine-tuning vs. In-context learning here.',
      'It scores 80% vs. The baseline at 70%.',
      'Dr. Smith and St. Louis agree.',
      'We use approx. The same budget.',
      'It differs by 3 pp. over all tasks.',
      'As in Fig. 3 and Tab. 2 the loss drops.',
    ]) {
      expect(splitSentences(whole)).toEqual([whole]);
    }
  });
  it('keeps "Eq. (3)"', () => {
    expect(splitSentences('We minimise Eq. (3) with SGD. It converges.')).toEqual([
      'We minimise Eq. (3) with SGD.',
      'It converges.',
    ]);
  });
  it('keeps "Sec. 4"', () => {
    expect(splitSentences('Details are in Sec. 4 of the appendix. We conclude.')).toEqual([
      'Details are in Sec. 4 of the appendix.',
      'We conclude.',
    ]);
  });
  it('keeps decimals', () => {
    expect(splitSentences('It reaches 73.76 CodeBLEU. That is 3.5 more.')).toEqual([
      'It reaches 73.76 CodeBLEU.',
      'That is 3.5 more.',
    ]);
  });
  it('keeps versions', () => {
    expect(splitSentences('We release v2.1 of the toolkit. It is faster.')).toEqual([
      'We release v2.1 of the toolkit.',
      'It is faster.',
    ]);
  });
  it('keeps URLs whole and ends the sentence after them', () => {
    expect(splitSentences('Code is at https://github.com/a/b.c/tree/v1.0. We thank all.')).toEqual([
      'Code is at https://github.com/a/b.c/tree/v1.0.',
      'We thank all.',
    ]);
  });
  it('keeps URLs ending in a sentence period at the end of the text', () => {
    expect(splitSentences('We study X. Code: https://github.com/a/b.')).toEqual([
      'We study X.',
      'Code: https://github.com/a/b.',
    ]);
  });
  it('keeps parenthetical citations', () => {
    expect(
      splitSentences('Both StarCoder (Li et al., 2023) and Code Llama (Rozière et al., 2023) work. We go on.'),
    ).toEqual(['Both StarCoder (Li et al., 2023) and Code Llama (Rozière et al., 2023) work.', 'We go on.']);
  });
  it('keeps inline math', () => {
    expect(splitSentences('The cost is O(n log n) for n = 10.5 x. We prove it.')).toEqual([
      'The cost is O(n log n) for n = 10.5 x.',
      'We prove it.',
    ]);
  });
  it('handles percentages at the end of a sentence', () => {
    expect(splitSentences('Errors drop by 44%. We also find more.')).toEqual(['Errors drop by 44%.', 'We also find more.']);
  });
  it('keeps "..." inside a list', () => {
    expect(splitSentences('Inputs x1, ..., xN are tokens. We embed them.')).toEqual([
      'Inputs x1, ..., xN are tokens.',
      'We embed them.',
    ]);
  });
  it('keeps "…" inside a list', () => {
    expect(splitSentences('Inputs x1, …, xN are tokens. We embed them.')).toEqual([
      'Inputs x1, …, xN are tokens.',
      'We embed them.',
    ]);
  });
  it('ends a sentence at an ellipsis followed by a sentence opener', () => {
    expect(splitSentences('Results were mixed... We then tried again.')).toEqual([
      'Results were mixed...',
      'We then tried again.',
    ]);
  });
  it('keeps "approx."', () => {
    expect(splitSentences('It takes approx. 3 hours. We report it.')).toEqual(['It takes approx. 3 hours.', 'We report it.']);
  });
  it('keeps "resp." before a lowercase word', () => {
    expect(splitSentences('Gains are 2 and 3 points resp. on both sets. We discuss.')).toEqual([
      'Gains are 2 and 3 points resp. on both sets.',
      'We discuss.',
    ]);
  });
  it('keeps "cf."', () => {
    expect(splitSentences('This differs from prior work (cf. Table 1). We explain.')).toEqual([
      'This differs from prior work (cf. Table 1).',
      'We explain.',
    ]);
  });
  it('keeps "cf." outside parentheses', () => {
    expect(splitSentences('This differs, cf. Smith, from prior work. We explain.')).toEqual([
      'This differs, cf. Smith, from prior work.',
      'We explain.',
    ]);
  });
  it('keeps "w.r.t."', () => {
    expect(splitSentences('We differentiate w.r.t. Theta and the inputs. It is cheap.')).toEqual([
      'We differentiate w.r.t. Theta and the inputs.',
      'It is cheap.',
    ]);
  });
  it('keeps initials in names', () => {
    expect(splitSentences('The method of J. R. Smith and A. Jones is used. We extend it.')).toEqual([
      'The method of J. R. Smith and A. Jones is used.',
      'We extend it.',
    ]);
  });
  it('ends a sentence at a single-letter variable before a sentence opener', () => {
    expect(splitSentences('The error grows with N. We bound it.')).toEqual(['The error grows with N.', 'We bound it.']);
  });
  it('ends a sentence after a closing quote', () => {
    expect(splitSentences('We call it "open." The rest follows.')).toEqual(['We call it "open."', 'The rest follows.']);
  });
  it('ends a sentence before a lowercase-initial name', () => {
    expect(splitSentences('We study multilingual encoders. mBERT is the baseline.')).toEqual([
      'We study multilingual encoders.',
      'mBERT is the baseline.',
    ]);
  });
  it('keeps "etc." before a lowercase word', () => {
    expect(splitSentences('Images, text, etc. are supported. We show it.')).toEqual([
      'Images, text, etc. are supported.',
      'We show it.',
    ]);
  });
  it('ends a sentence at "etc." followed by a capitalised word', () => {
    expect(splitSentences('We use images, text, etc. Yet theory is missing.')).toEqual([
      'We use images, text, etc.',
      'Yet theory is missing.',
    ]);
  });
  it('ends a sentence at an all-caps acronym that looks like an abbreviation', () => {
    expect(splitSentences('We study catastrophic forgetting (CF) as in prior work on CF. Our results differ.')).toEqual([
      'We study catastrophic forgetting (CF) as in prior work on CF.',
      'Our results differ.',
    ]);
  });
  it('does not split inside parentheses', () => {
    expect(splitSentences('We use a model (trained on X. It is big) for Y. We win.')).toEqual([
      'We use a model (trained on X. It is big) for Y.',
      'We win.',
    ]);
  });
  it('normalises whitespace and handles empty input', () => {
    expect(splitSentences('  One  sentence\nhere.  ')).toEqual(['One sentence here.']);
    expect(splitSentences('')).toEqual([]);
  });
  it('ends sentences at Chinese and Japanese full stops, which no space follows', () => {
    expect(splitSentences('我们提出了一种新方法。实验表明准确率提高了3.2%！代码已公开？是的。')).toEqual(['我们提出了一种新方法。', '实验表明准确率提高了3.2%！', '代码已公开？', '是的。']);
    expect(splitSentences('本研究では新しい手法を提案する。「結果」は良好である。')).toEqual(['本研究では新しい手法を提案する。', '「結果」は良好である。']);
    expect(splitSentences('We propose LoRA. 我们提出了一种方法（见附录。）并验证它。结果很好。')).toEqual(['We propose LoRA.', '我们提出了一种方法（见附录。）并验证它。', '结果很好。']);
    // A bracket that never closes does not hold the rest of the abstract (past 250 characters, as in English).
    const open = `我们使用记号（见下文。${'第二句在这里，'.repeat(40)}结束。第三句也在这里。`;
    expect(splitSentences(open).slice(1)).toEqual(['第三句也在这里。']);
  });
  it('keeps text without a final period', () => {
    expect(splitSentences('First one. Second one without end')).toEqual(['First one.', 'Second one without end']);
  });
  it('splits two sentences glued at a period after a word or a number, not names, addresses, initials or abbreviations glued so', () => {
    expect(splitSentences('We study the environment.The results are good.')).toEqual(['We study the environment.', 'The results are good.']);
    expect(splitSentences('Accuracy is 0.5.Obviously, this is low.')).toEqual(['Accuracy is 0.5.', 'Obviously, this is low.']);
    for (const whole of ['See arxiv.org/Abs for details.', 'We thank J.Smith for help.', 'It runs on Node.js.Then it stops.', 'Results in Fig.3 show it.', 'Use e.g.Adam here.', 'The U.S.Army funded it.', 'Visit www.Example.com today.', 'As in Smith et al.Their work.']) {
      expect(splitSentences(whole)).toEqual([whole]);
    }
  });
});
