// @vitest-environment happy-dom
// A note's direction is its first letter's, as dir="auto" would give it, set by the page itself:
// Chromium took seconds to work out dir="auto" for a note of tens of thousands of lines.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { textDirection } from '../../../src/ui/text-direction';
import { savedItem } from '../export/fixtures';
import { answerFrom } from './page-store';

vi.mock('../../../src/messaging/client', () => import('./page-store'));
const { ReadingListApp } = await import('../../../src/ui/reading-list/app');

afterEach(() => cleanup());

test('textDirection: right to left for Arabic or Hebrew first, left to right otherwise or without a letter', () => {
  expect(textDirection('التعلم العميق، with an English word')).toBe('rtl');
  expect(textDirection('  (1) לְמִידָה')).toBe('rtl');
  expect(textDirection('Read §3 first; then التعلم')).toBe('ltr');
  expect(textDirection('推論の高速化')).toBe('ltr');
  expect(textDirection('123 — !')).toBe('ltr');
  expect(textDirection('')).toBe('ltr');
  // A direction mark first (from a review).
  expect(textDirection('\u200f(1) note')).toBe('rtl');
  expect(textDirection('\u200eשלום')).toBe('ltr');
});

test("each row's notes field reads in its note's direction, a long note included", async () => {
  const db = new PaperLensDatabase('reading-list-notes-direction');
  answerFrom(db);
  await db.saved.bulkPut([
    savedItem({ id: '2401.00001', title: 'Arabic notes', notes: 'ملاحظات: اقرأ القسم الثالث' }),
    savedItem({ id: '2401.00002', title: 'English notes', notes: `Setup.${'\n'.repeat(20_000)}End.` }),
  ]);
  render(<ReadingListApp db={db} />);
  await waitFor(() => expect(screen.getByTestId('reading-list').getAttribute('data-count')).toBe('2'));
  const notes = (id: string) => document.querySelector(`[data-arxiv-id="${id}"] [data-testid="notes"]`)!;
  expect(notes('2401.00001').getAttribute('dir')).toBe('rtl');
  expect(notes('2401.00002').getAttribute('dir')).toBe('ltr');
  db.close();
});
