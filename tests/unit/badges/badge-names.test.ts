// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import type { BadgeInfo } from '../../../src/schema';
import { Badge } from '../../../src/ui/badges/badge';

// A screen reader lists a page's buttons by name alone: on a listing of hundreds of papers, each
// badge's controls must say which paper they act on, and an arXiv id tells a reader nothing.

const info = (status: BadgeInfo['status']): BadgeInfo => ({ id: '2310.01779', rank: 1, snapshot: '2025-07-30', seen: false, codeLink: null, upvotes: null, projectPage: null, inStore: true, status });
const actions = { toggleSave: async () => undefined, setStatus: async () => undefined, tldr: async () => ({ text: '', note: null }) };

/** The badge's shadow root, as a screen reader reads it (the role="group" line and the TL;DR panel). */
function badgeFor(title: string): ReturnType<typeof within> {
  const badge = new Badge({ id: '2310.01779', title, pageCodeLink: null }, actions);
  const root = document.createElement('div');
  document.body.append(root);
  root.append(badge.host);
  badge.showInfo(info('to-read'));
  // Testing Library does not look into shadow roots: the badge's parts are moved out to be read.
  root.append(...badge.host.shadowRoot!.children);
  return within(root);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe("a badge's controls are named by the entry's title", () => {
  test('the group, the TL;DR toggle, Save/Saved and the reading status say the title', () => {
    const inside = badgeFor('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
    const name = '“HallE-Control: Controlling Object Hallucination in Large Multimodal Models”';
    expect(inside.getByRole('group', { name: `PaperLens, ${name}` })).toBeTruthy();
    expect(inside.getByRole('button', { name: `TL;DR of ${name}` })).toBeTruthy();
    expect(inside.getByRole('button', { name: `Saved ${name}` })).toBeTruthy();
    expect(inside.getByRole('combobox', { name: `Reading status of ${name}` })).toBeTruthy();
  });

  test('a long title is cut at a word; an entry whose title could not be read is named by its arXiv id', () => {
    const long = 'Controlling Object Hallucination in Large Multimodal Models with Adaptive Visual Grounding and Calibrated Decoding';
    expect(badgeFor(long).getByRole('button', { name: 'TL;DR of “Controlling Object Hallucination in Large Multimodal Models with Adaptive…”' })).toBeTruthy();
    document.body.innerHTML = '';
    expect(badgeFor('').getByRole('button', { name: 'Saved arXiv 2310.01779' })).toBeTruthy();
  });
});
