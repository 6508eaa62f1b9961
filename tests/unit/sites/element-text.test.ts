// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { elementText } from '../../../src/sites/page-text';

const MATHJAX3 = (mathml: string) =>
  `<mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-c></mjx-c></mjx-math><mjx-assistive-mml><math xmlns="http://www.w3.org/1998/Math/MathML">${mathml}</math></mjx-assistive-mml></mjx-container>`;

test.each([
  ['a superscript', '<msup><mi>n</mi><mn>2</mn></msup>', 'n^2'],
  ['a negative exponent', '<msup><mn>10</mn><mrow><mo>\u2212</mo><mn>4</mn></mrow></msup>', '10^\u22124'],
  ['a subscript', '<msub><mi>x</mi><mi>i</mi></msub>', 'x_i'],
  ['both', '<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>', 'x_i^2'],
  ['a script of several tokens', '<msup><mi>e</mi><mrow><mi>i</mi><mo>+</mo><mn>1</mn></mrow></msup>', 'e^(i+1)'],
  ['a fraction', '<mfrac><mn>1</mn><mi>n</mi></mfrac>', '1/n'],
  ['a fraction of sums', '<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>', '(a+b)/2'],
  ['a square root', '<msqrt><mi>d</mi></msqrt>', '\u221Ad'],
  ['a square root of a product', '<msqrt><mi>n</mi><mi>d</mi></msqrt>', '\u221A(nd)'],
  ['a cube root', '<mroot><mi>n</mi><mn>3</mn></mroot>', 'n^(1/3)'],
  ['a sum with bounds', '<munderover><mo>\u2211</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>', '\u2211_(i=1)^n'],
  ['a limit', '<munder><mo>lim</mo><mrow><mi>n</mi><mo>\u2192</mo><mi>\u221E</mi></mrow></munder>', 'lim_(n\u2192\u221E)'],
  ['a binomial', '<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>', '(n k)'],
  ['an underline', '<munder accentunder="true"><mi>x</mi><mo>_</mo></munder>', 'x'],
  ['an accent', '<mover accent="true"><mi>x</mi><mo>^</mo></mover>', 'x^'],
  ['a TeX annotation beside the MathML', '<semantics><mrow><mi>O</mi><mo>(</mo><mi>n</mi><mo>)</mo></mrow><annotation encoding="application/x-tex">O(n)</annotation></semantics>', 'O(n)'],
])('MathJax 3: %s keeps its meaning', (_name, mathml, text) => {
  const doc = new DOMParser().parseFromString(`<p>Error below ${MATHJAX3(mathml)} at scale.</p>`, 'text/html');
  expect(elementText(doc.querySelector('p'))).toBe(`Error below ${text} at scale.`);
});

test.each([
  ['an inline formula', '<math alttext="O(n^{2})" display="inline"><semantics><mrow><mi>O</mi><mo>(</mo><msup><mi>n</mi><mn>2</mn></msup><mo>)</mo></mrow><annotation encoding="application/x-tex">O(n^{2})</annotation></semantics></math>', '$O(n^{2})$'],
  ['a displayed formula', '<math alttext="\\sum_{i}x_{i}" display="block"><munder><mo>\u2211</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></math>', '$$\\sum_{i}x_{i}$$'],
  ['a formula without its TeX', '<math><msup><mi>n</mi><mn>2</mn></msup></math>', 'n^2'],
])('LaTeXML (arXiv HTML): %s is read once, as its TeX where the page keeps it', (_name, math, text) => {
  const doc = new DOMParser().parseFromString(`<p>Cost ${math} per step.</p>`, 'text/html');
  expect(elementText(doc.querySelector('p'))).toBe(`Cost ${text} per step.`);
});

test('a line break parts the words on either side', () => {
  const doc = new DOMParser().parseFromString('<h1>HallE-Control:<br class="ltx_break">Controlling Hallucination</h1>', 'text/html');
  expect(elementText(doc.querySelector('h1'))).toBe('HallE-Control: Controlling Hallucination');
});
