// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { PaperCard, type CardActions, type CardModel } from '../../../src/ui/paper-card';

// Text the page gave us takes its direction from itself (an Arabic title reads right to left on
// arXiv's left-to-right page); tests/e2e/right-to-left-card.test.ts checks the layout in Chromium.

const actions: CardActions = {
  save: async () => 'to-read',
  unsave: async () => null,
  restore: async (item) => item.status,
  setStatus: async (status) => status,
  citation: async () => '',
};

const model: CardModel = {
  id: '2501.09998', title: 'نموذج لغوي كبير', tldr: 'نقدم نموذجا لغويا كبيرا.', keyResults: ['دقة 92.5% في عشر مهام'], codeLinks: [], topics: [],
  related: [], relatedNote: null, rank: null, snapshot: null, upvotes: null, projectPage: null, status: null, inStore: true, problem: null, pdfDownload: null, withdrawal: null, onAbstractPage: false,
};

afterEach(cleanup);

/** The element around `text` in the card, if it sets its direction from its own text. */
function ownDirection(container: Element, text: string): boolean {
  const holder = [...container.querySelectorAll('*')].find((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent === text));
  if (!holder) throw new Error(`the card does not say "${text}"`);
  return holder.getAttribute('dir') === 'auto' || holder.tagName === 'BDI';
}

test('the title, TL;DR and key results of a paper take their direction from their own text', () => {
  const { container } = render(<PaperCard model={model} actions={actions} />);
  for (const text of [model.title, model.tldr, model.keyResults[0]!]) expect(ownDirection(container, text), text).toBe(true);
});

test('so does the title of a collapsed card', () => {
  const { container } = render(<PaperCard model={model} actions={actions} collapsed />);
  expect(ownDirection(container, model.title)).toBe(true);
});

test('so does a related paper’s title, so an Arabic one is not laid out left to right between English ones', () => {
  const related = [{ id: '2501.09997', title: 'Attention Is All You Need' }, { id: '2501.09996', title: 'تقطير المعرفة للنماذج الصغيرة' }];
  const { container } = render(<PaperCard model={{ ...model, related }} actions={actions} />);
  for (const paper of related) expect(ownDirection(container, paper.title), paper.title).toBe(true);
});
