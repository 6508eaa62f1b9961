import { describe, expect, test } from 'vitest';
import { writeArxivFillQueue } from '../../../src/db/feed';
import { arxivFillText, waitingAtOpen } from '../../../src/ui/reading-list/arxiv-fill-status';
import { savedItem } from '../export/fixtures';
import { freshDatabase } from './helpers';

const now = new Date(2026, 11, 7, 14, 0).getTime();
// The listed papers that still lack what their arXiv page gives.
const listed = new Set(['2401.00001', '2401.00002', '2401.00003']);

describe("the reading list's line on papers waiting for arXiv", () => {
  test('none of the queued papers lacks its details (removed since, or its page opened): no line', () => {
    expect(arxivFillText({ ids: ['2401.09999'], retryAt: null }, listed, true, now)).toBeNull();
  });

  test('read one every 3 s, and about how long the rest takes', () => {
    expect(arxivFillText({ ids: ['2401.00001'], retryAt: null }, listed, true, now)).toBe('One saved paper waits for its details from arXiv (title, authors, TL;DR): reading it now.');
    expect(arxivFillText({ ids: [...listed], retryAt: null }, listed, true, now)).toBe('3 saved papers wait for their details from arXiv (title, authors, TL;DR): reading them one every 3 seconds, as arXiv asks.');
    const imported = Array.from({ length: 342 }, (_, index) => `2402.${String(index).padStart(5, '0')}`);
    expect(arxivFillText({ ids: imported, retryAt: null }, new Set(imported), true, now)).toBe(
      '342 saved papers wait for their details from arXiv (title, authors, TL;DR): reading them one every 3 seconds, as arXiv asks (about 18 min).',
    );
  });

  test('QA: after a failure, why and when it asks again (an imported library showed "No TL;DR" on 342 rows and nothing said why)', () => {
    const failed = { ids: [...listed], retryAt: now + 15 * 60_000, failure: 'no connection to arXiv' };
    expect(arxivFillText(failed, listed, true, now)).toMatch(/^3 saved papers wait for their details from arXiv \(title, authors, TL;DR\): the last request failed \(no connection to arXiv\)\. Asking again at \d/);
    // Its retry time come, the worker is asking again.
    expect(arxivFillText(failed, listed, true, now + 16 * 60_000)).toMatch(/reading them one every 3 seconds/);
  });

  test('switched off in settings: says so, whatever failed before', () => {
    expect(arxivFillText({ ids: ['2401.00001'], retryAt: now + 60_000, failure: 'offline' }, listed, false, now)).toBe(
      'One saved paper waits for its details from arXiv (title, authors, TL;DR): “Complete papers from arXiv” is off in settings.',
    );
  });
});

describe('as the reading list opens, whether its line on papers waiting for arXiv gets a place before the whole list is read', () => {
  test('a listed paper saved bare waits: yes; only papers removed since, or completed meanwhile: no (the place would go again, moving the rows up)', async () => {
    const db = freshDatabase('waiting-at-open');
    await db.saved.bulkPut([
      savedItem({ id: '2401.00001', authors: [], tldr: '' }),
      savedItem({ id: '2401.00002' }),
    ]);
    expect(await waitingAtOpen(db)).toBe(false);
    await writeArxivFillQueue(db, { ids: ['2401.09999', '2401.00002'], retryAt: null });
    expect(await waitingAtOpen(db)).toBe(false);
    await writeArxivFillQueue(db, { ids: ['2401.09999', '2401.00002', '2401.00001'], retryAt: null });
    expect(await waitingAtOpen(db)).toBe(true);
    // Completed but for its TL;DR (saved from a list that shows no abstracts): it waits too.
    await db.saved.put(savedItem({ id: '2401.00001', tldr: '' }));
    expect(await waitingAtOpen(db)).toBe(true);
    db.close();
  });
});
