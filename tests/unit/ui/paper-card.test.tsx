// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PaperCard, type CardActions, type CardModel } from '../../../src/ui/paper-card';
import type { RemovedItem } from '../../../src/schema';

const CITATION = '@misc{vaswani2017attention,\n  author = {Vaswani, Ashish},\n  eprint = {1706.03762}\n}\n';

const actions: CardActions = {
  save: async () => 'to-read',
  unsave: async () => null,
  restore: async (item) => item.status,
  setStatus: async (status) => status,
  citation: async () => CITATION,
};

const model: CardModel = {
  id: '1706.03762', title: 'Attention Is All You Need', tldr: 'We propose the Transformer.', keyResults: [], codeLinks: [], topics: [],
  related: [], relatedNote: null, rank: null, snapshot: null, upvotes: null, projectPage: null, status: null, inStore: false, problem: null, pdfDownload: null, withdrawal: null, onAbstractPage: false,
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the card\'s related line', () => {
  test('while related papers are looked for, the line says so', () => {
    render(<PaperCard model={{ ...model, relatedNote: 'looking for papers like this in your store…' }} actions={actions} />);
    expect(screen.getByTestId('related').textContent).toBe('Related: looking for papers like this in your store…');
  });

  test('links to the related papers replace the note', () => {
    render(<PaperCard model={{ ...model, relatedNote: null, related: [{ id: '2405.19715', title: 'SpecDec++' }, { id: '2501.19309', title: 'Judge Decoding' }] }} actions={actions} />);
    const links = screen.getByTestId('related').querySelectorAll('a');
    expect([...links].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['SpecDec++', 'https://arxiv.org/abs/2405.19715'],
      ['Judge Decoding', 'https://arxiv.org/abs/2501.19309'],
    ]);
    expect(screen.queryByTestId('related-note')).toBeNull();
  });

  test('no links and no note: no line', () => {
    render(<PaperCard model={model} actions={actions} />);
    expect(screen.queryByTestId('related')).toBeNull();
  });
});

describe('key results', () => {
  test('each begins with a capital, as one taken from a sentence\'s start does; a name keeps its case', () => {
    const keyResults = ['Training is 1.4x faster than AdaLoRA', 'improves accuracy from 35.2% to 41.7%', 'On GSM8K: scores 71.3%', 'nDCG@10 rises from 0.41 to 0.47', 'iPhone inference is 2x faster', 'state-of-the-art BLEU of 41.8'];
    render(<PaperCard model={{ ...model, tldr: 'A TL;DR.', keyResults }} actions={actions} />);
    expect([...screen.getByTestId('key-results').querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Training is 1.4x faster than AdaLoRA',
      'Improves accuracy from 35.2% to 41.7%',
      'On GSM8K: scores 71.3%',
      'nDCG@10 rises from 0.41 to 0.47',
      'iPhone inference is 2x faster',
      'State-of-the-art BLEU of 41.8',
    ]);
  });

  test('a result the TL;DR states word for word is not listed again; the others are, in order', () => {
    const tldr = 'We find 99.9% of the gradient exchange in distributed SGD is redundant, and propose Deep Gradient Compression.';
    const keyResults = ['we find 99.9% of the gradient exchange in distributed SGD is redundant', '…reduces the communication bandwidth by 270x…', 'a 99.9% cut'];
    render(<PaperCard model={{ ...model, tldr, keyResults }} actions={actions} />);
    expect([...screen.getByTestId('key-results').querySelectorAll('li')].map((item) => item.textContent)).toEqual(['…reduces the communication bandwidth by 270x…', 'A 99.9% cut']);
    cleanup();
    render(<PaperCard model={{ ...model, tldr, keyResults: keyResults.slice(0, 1) }} actions={actions} />);
    expect(screen.queryByTestId('key-results')).toBeNull();
  });
});

describe('a withdrawn paper', () => {
  const reason = 'This paper has been withdrawn by the author due to an error in the evaluation code <b>';

  test('the card says so with the reason, as text, above its TL;DR; the collapsed card says Withdrawn', () => {
    render(<PaperCard model={{ ...model, withdrawal: reason }} actions={actions} />);
    const notice = screen.getByTestId('withdrawn');
    expect(notice.textContent).toBe(`Withdrawn ${reason}`);
    expect(notice.querySelector('b')).toBeNull();
    expect(notice.compareDocumentPosition(screen.getByTestId('tldr')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    cleanup();
    render(<PaperCard model={{ ...model, withdrawal: reason }} actions={actions} collapsed />);
    expect(screen.getByTestId('withdrawn').textContent).toBe('Withdrawn');
    expect(screen.getByTestId('withdrawn').getAttribute('title')).toBe(reason);
  });

  test('a paper not withdrawn says nothing of it', () => {
    render(<PaperCard model={model} actions={actions} />);
    expect(screen.queryByTestId('withdrawn')).toBeNull();
  });
});

describe("the card's trending line", () => {
  test("the rank says it is Hugging Face's Daily Papers rank of its day, its day written as the listing badges write it", () => {
    // (A day of another year than today's: its year is written.)
    render(<PaperCard model={{ ...model, rank: 3, snapshot: 'Live · 2024-07-20', upvotes: 52 }} actions={actions} />);
    const rank = screen.getByTestId('rank');
    expect(rank.textContent).toBe('#3 daily · Live · Jul 20, 2024');
    expect(rank.getAttribute('title')).toBe('Rank #3 in Hugging Face Daily Papers of 2024-07-20');
  });

  test('upvotes are said as a number of upvotes, the triangle before them drawn but not said', () => {
    render(<PaperCard model={{ ...model, rank: 3, snapshot: 'Live · 2026-11-30', upvotes: 52 }} actions={actions} />);
    const votes = screen.getByTestId('upvotes');
    expect(votes.textContent).toBe('▲ 52 upvotes');
    const said = [...votes.childNodes].filter((node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true')).map((node) => node.textContent).join('');
    expect(said.trim()).toBe('52 upvotes');
  });
});

describe("the card's links", () => {
  test('say what each link leads to: code, a model, a dataset or a demo', () => {
    const codeLinks = ['https://github.com/a/repo', 'https://huggingface.co/org/model-7b', 'https://huggingface.co/datasets/org/data', 'https://huggingface.co/spaces/org/demo'];
    render(<PaperCard model={{ ...model, codeLinks }} actions={actions} />);
    expect(screen.getAllByTestId('code-link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Code: a/repo', codeLinks[0]],
      ['Model: org/model-7b', codeLinks[1]],
      ['Dataset: org/data', codeLinks[2]],
      ['Demo: org/demo', codeLinks[3]],
    ]);
  });
});

describe('Copy BibTeX on the card', () => {
  test("puts the paper's entry on the clipboard and says so", async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<PaperCard model={model} actions={actions} />);
    // The live region is there before the text, so screen readers announce it.
    expect(screen.getByTestId('copied').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('copied').textContent).toBe('');
    fireEvent.click(screen.getByTestId('copy-bibtex'));
    await waitFor(() => expect(screen.getByTestId('copied').textContent).toBe('BibTeX copied'));
    expect(write).toHaveBeenCalledWith(CITATION);
  });

  test('an entry without authors is copied, and said to be without them', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const withoutAuthors = '@misc{2401.00001,\n  title = {A Paper},\n  eprint = {2401.00001}\n}\n';
    render(<PaperCard model={model} actions={{ ...actions, citation: async () => withoutAuthors }} />);
    fireEvent.click(screen.getByTestId('copy-bibtex'));
    await waitFor(() => expect(screen.getByTestId('copied').textContent).toBe('Copied (no authors)'));
    expect(write).toHaveBeenCalledWith(withoutAuthors);
  });

  test('a link named by the id alone (arXiv out of reach) is copied, and said to be without its title (QA)', async () => {
    vi.spyOn(navigator.clipboard, 'write').mockResolvedValue(undefined);
    vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const { unmount } = render(<PaperCard model={{ ...model, id: '2503.00021', title: 'arXiv:2503.00021' }} actions={actions} />);
    fireEvent.click(screen.getByTestId('copy-link'));
    await waitFor(() => expect(screen.getByTestId('copied').textContent).toBe('Copied (no title)'));
    unmount();
    render(<PaperCard model={model} actions={actions} />);
    fireEvent.click(screen.getByTestId('copy-link'));
    await waitFor(() => expect(screen.getByTestId('copied').textContent).toBe('Link copied'));
  });

  test('a refused clipboard is said, not swallowed', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Write permission denied.'));
    render(<PaperCard model={model} actions={actions} />);
    fireEvent.click(screen.getByTestId('copy-bibtex'));
    expect((await screen.findByRole('alert')).textContent).toBe('BibTeX not copied: Write permission denied.');
    expect(screen.getByTestId('copied').textContent).toBe('');
  });
});

describe('a status changed elsewhere', () => {
  test('a new model with another status shows it (popup or reading list changed it)', () => {
    const { rerender } = render(<PaperCard model={model} actions={actions} />);
    expect(screen.getByTestId('save').textContent).toBe('Save');
    rerender(<PaperCard model={{ ...model, status: 'read' }} actions={actions} />);
    expect(screen.getByTestId('save').textContent).toBe('Saved');
    expect((screen.getByTestId('status') as HTMLSelectElement).value).toBe('read');
    rerender(<PaperCard model={{ ...model, status: null }} actions={actions} />);
    expect(screen.getByTestId('save').textContent).toBe('Save');
  });
});

describe('the card\'s links', () => {
  test('Hugging Face is linked for new-style ids only (it has no pages for old-style ones)', () => {
    const { unmount } = render(<PaperCard model={model} actions={actions} />);
    expect(screen.getByText('Hugging Face').getAttribute('href')).toBe('https://huggingface.co/papers/1706.03762');
    unmount();
    render(<PaperCard model={{ ...model, id: 'hep-th/9901001' }} actions={actions} />);
    expect(screen.queryByText('Hugging Face')).toBeNull();
    expect(screen.getByText('arXiv').getAttribute('href')).toBe('https://arxiv.org/abs/hep-th/9901001');
  });
});

describe('the collapsed option', () => {
  test('changed while the card is open, the card follows it; redrawn with the same option, it stays as the reader left it', async () => {
    const { rerender } = render(<PaperCard model={model} actions={actions} collapsed={false} />);
    expect(screen.getByTestId('card-toggle').getAttribute('aria-expanded')).toBe('true');
    rerender(<PaperCard model={model} actions={actions} collapsed />);
    await waitFor(() => expect(screen.getByTestId('card-toggle').getAttribute('aria-expanded')).toBe('false'));
    expect(screen.queryByTestId('tldr')).toBeNull();
    // The reader opens it; a redraw for another reason (a status changed elsewhere) keeps it open.
    fireEvent.click(screen.getByTestId('card-toggle'));
    await waitFor(() => expect(screen.getByTestId('tldr')).not.toBeNull());
    rerender(<PaperCard model={{ ...model, status: 'read' }} actions={actions} collapsed />);
    await waitFor(() => expect(screen.getByTestId('save').textContent).toBe('Saved'));
    expect(screen.getByTestId('card-toggle').getAttribute('aria-expanded')).toBe('true');
    rerender(<PaperCard model={{ ...model, status: 'read' }} actions={actions} collapsed={false} />);
    rerender(<PaperCard model={{ ...model, status: 'read' }} actions={actions} collapsed />);
    await waitFor(() => expect(screen.getByTestId('card-toggle').getAttribute('aria-expanded')).toBe('false'));
  });
});

describe('unsave in the card', () => {
  test('"Removed · Undo" comes in a live region that was there before, so a screen reader says it', async () => {
    const item = { id: model.id, status: 'reading', removedAt: 1 } as unknown as RemovedItem;
    render(<PaperCard model={{ ...model, status: 'reading' }} actions={{ ...actions, unsave: async () => item }} />);
    const regions = () => screen.getAllByRole('status');
    const before = regions();
    expect(before.map((region) => region.textContent)).toEqual(['', '']); // "copied" and the removal's
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save').textContent).toBe('Save'));
    const said = before.find((region) => region.textContent !== '');
    expect(said?.textContent).toBe('Removed · Undo');
    expect(said?.contains(screen.getByTestId('undo'))).toBe(true);
  });

  test('an Undo that puts nothing back (removed again elsewhere since) says so, not just "Save"', async () => {
    const item = { id: model.id, status: 'reading', removedAt: 1 } as unknown as RemovedItem;
    render(<PaperCard model={{ ...model, status: 'reading' }} actions={{ ...actions, unsave: async () => item, restore: async () => null }} />);
    fireEvent.click(screen.getByTestId('save'));
    fireEvent.click(await screen.findByTestId('undo'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not put back: it was changed elsewhere after it was removed here'));
    expect(screen.getByTestId('save').textContent).toBe('Save');
  });
});

describe("QA: the card's links", () => {
  const linkTexts = () => [...screen.getByRole('navigation', { name: 'Links' }).querySelectorAll('a')].map((link) => link.textContent);

  test("on the paper's own arXiv abstract page, no \"arXiv\" link to that page; elsewhere (Hugging Face, arXiv's HTML view) there is one", () => {
    render(<PaperCard model={{ ...model, onAbstractPage: true }} actions={actions} />);
    expect(linkTexts()).toEqual(['PDF', 'Hugging Face']);
    cleanup();
    render(<PaperCard model={model} actions={actions} />);
    expect(linkTexts()).toEqual(['arXiv', 'PDF', 'Hugging Face']);
  });
});

// Checks outside the test suite find the card's controls by their data-testid (standards audit: its links had none).
test('every link and control of a card with everything to show carries a data-testid', () => {
  const { container } = render(
    <PaperCard
      model={{
        ...model,
        codeLinks: ['https://github.com/tensorflow/tensor2tensor'],
        projectPage: 'https://example.org/transformer',
        related: [{ id: '2405.19715', title: 'SpecDec++' }],
        relatedNote: null,
        keyResults: ['28.4 BLEU on WMT 2014 English-to-German'],
        topics: ['machine translation'],
        status: 'to-read',
        inStore: true,
      }}
      actions={actions}
    />,
  );
  const controls = [...container.querySelectorAll('a, button, select, input, textarea, summary')];
  expect(controls.length).toBeGreaterThan(6);
  expect(controls.filter((control) => !control.hasAttribute('data-testid')).map((control) => control.outerHTML)).toEqual([]);
});
