// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { within } from '@testing-library/dom';
import type { BadgeInfo } from '../../../src/schema';
import { Badge } from '../../../src/ui/badges/badge';

// A screen reader lists a page's buttons by name alone: on a listing of hundreds of papers, each
// badge's controls must say which paper they act on, and an arXiv id tells a reader nothing.

const info = (status: BadgeInfo['status']): BadgeInfo => ({ id: '2310.01779', rank: 1, snapshot: '2025-07-30', seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: true, status });
const actions = { toggleSave: async () => undefined, setStatus: async () => undefined, tldr: async () => ({ text: '', note: null }) };

/** The badge's shadow root, as a screen reader reads it (the role="group" line and the TL;DR panel). */
function badgeFor(title: string, shown: Partial<BadgeInfo> = {}): ReturnType<typeof within> {
  const badge = new Badge({ id: '2310.01779', title, pageCodeLink: null, withdrawal: null }, actions);
  const root = document.createElement('div');
  document.body.append(root);
  root.append(badge.host);
  badge.showInfo({ ...info('to-read'), ...shown });
  // Testing Library does not look into shadow roots: the badge's parts are moved out to be read.
  root.append(...badge.host.shadowRoot!.children);
  return within(root);
}

/** The group, the TL;DR toggle, Save/Saved and the reading status are named by `name`. */
function expectControlsNamed(inside: ReturnType<typeof within>, name: string): void {
    expect(inside.getByRole('group', { name: `PaperLens, ${name}` })).toBeTruthy();
    expect(inside.getByRole('button', { name: `TL;DR of ${name}` })).toBeTruthy();
    expect(inside.getByRole('button', { name: `Saved ${name}` })).toBeTruthy();
    expect(inside.getByRole('combobox', { name: `Reading status of ${name}` })).toBeTruthy();
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe("a badge's controls are named by the entry's title", () => {
  test('the group, the TL;DR toggle, Save/Saved and the reading status say the title', () => {
    const inside = badgeFor('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    const name = '“HallE-Control: Controlling Object Hallucination in Large Multimodal Models”';
    expectControlsNamed(inside, name);
  });

  test('a long title is cut at a word; an entry whose title could not be read is named by its arXiv id', () => {
    const long = 'Controlling Object Hallucination in Large Multimodal Models with Adaptive Visual Grounding and Calibrated Decoding';
    expect(badgeFor(long).getByRole('button', { name: 'TL;DR of “Controlling Object Hallucination in Large Multimodal Models with Adaptive…”' })).toBeTruthy();
    document.body.innerHTML = '';
    expect(badgeFor('').getByRole('button', { name: 'Saved arXiv 2310.01779' })).toBeTruthy();
  });

  test('TeX in the title is said as text, as the reading list stores it', () => {
    const inside = badgeFor('Retrieval Heads in $\\mathcal{O}(n \\log n)$ Time Explain Long-Context Factuality');
    const name = '“Retrieval Heads in O(n log n) Time Explain Long-Context Factuality”';
    expectControlsNamed(inside, name);
  });

  test('the code and project links say whose they are (a list of links read "Code, Code, Code…"), and still show "Code" and "Project"', () => {
    const title = 'HallE-Control: Controlling Object Hallucination in Large Multimodal Models';
    const inside = badgeFor(title, { codeLink: 'https://github.com/bronyayang/HallE_Control', projectPage: 'https://example.org/halle' });
    const code = inside.getByRole('link', { name: `Code of “${title}”` });
    expect(code.textContent).toBe('Code');
    expect(code.getAttribute('data-testid')).toBe('badge-code-link');
    const project = inside.getByRole('link', { name: `Project page of “${title}”` });
    expect(project.textContent).toBe('Project');
    expect(project.getAttribute('data-testid')).toBe('badge-project-link');
    document.body.innerHTML = '';
    // A link to a site's page, not to code: said as the site's page.
    expect(badgeFor(title, { codeLink: 'https://github.com/bronyayang' }).getByRole('link', { name: `GitHub page of “${title}”` }).textContent).toBe('GitHub');
  });
});

describe("a badge's rank says whose it is", () => {
  // Beside Hugging Face's trending list (ranked otherwise) a bare "#3 · 2025-07-30" read as that list's rank, and wrong.
  test('"#3 daily · Jul 30, 2025", named "Rank #3 in Hugging Face Daily Papers of 2025-07-30"; a live list\'s day as well, without its year in that year', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-05T12:00:00Z') });
    const said = 'Rank #3 in Hugging Face Daily Papers of 2025-07-30';
    const rank = badgeFor('HallE-Control', { rank: 3 }).getByRole('img', { name: said });
    // An old list's rank says its year: "Jul 30" alone read as this year's, or as yesterday's list.
    expect(rank.textContent).toBe('#3 daily · Jul 30, 2025');
    expect(rank.getAttribute('title')).toBe(said);
    expect(badgeFor('HallE-Control', { rank: 12, snapshot: 'Live · 2026-11-30' }).getByRole('img', { name: 'Rank #12 in Hugging Face Daily Papers of 2026-11-30' }).textContent).toBe('#12 daily · Nov 30');
  });
});
